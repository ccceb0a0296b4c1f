import type { Hono } from 'hono';
import type { Services } from '../services.ts';
import { isStaffRole } from '../session/roles.ts';
import { needsSecondFactor } from '../session/session.cache.ts';
import { SessionError } from '../session/session.errors.ts';
import { download, refusal } from '../download.ts';
import { readableUpload, readUploadBytes, type FileReader } from './file.store.ts';

/** `GET /api/files/:id`: an attachment, for those who may see the message it is on. */
export function mountFileDownloads(app: Hono, services: Services): void {
  app.get('/api/files/:id', async (c) => {
    const { session } = await services.sessions.lookup(c.req.raw.headers);
    if (!session) return refusal(c, 401, 'UNAUTHORIZED', 'Please sign in.');
    if (needsSecondFactor(session)) {
      return refusal(c, 403, 'SECOND_FACTOR_REQUIRED', SessionError.SECOND_FACTOR_REQUIRED);
    }
    const reader: FileReader | null = isStaffRole(session.role)
      ? { kind: 'staff', userId: session.userId }
      : session.account
        ? { kind: 'customer', userId: session.userId, accountId: session.account.accountId }
        : null;
    const id = c.req.param('id');
    const upload = reader && id.length <= 64 ? await readableUpload(services.db, reader, id) : null;
    if (!upload) return refusal(c, 404, 'NOT_FOUND', 'We could not find that file.');
    const bytes = await readUploadBytes(services.config.dataDir, upload.sha256);
    return download(c, bytes, upload.mediaType, upload.name);
  });
}
