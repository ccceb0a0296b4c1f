import type { Hono } from 'hono';
import type { Services } from '../services.ts';
import { isStaffRole } from '../session/roles.ts';
import { needsSecondFactor } from '../session/session.cache.ts';
import { SessionError } from '../session/session.errors.ts';
import { ServerError } from '../errors.ts';
import { downloadLocaleOf } from '../i18n/request.ts';
import { download, refusal } from '../download.ts';
import { FileError } from './file.errors.ts';
import { readableUpload, readUploadBytes, type FileReader } from './file.store.ts';

/**
 * `GET /api/files/:id`: an attachment, for those who may see the message it is on. A refusal
 * is worded in the page's language (`?locale=`), else the person's, else the vendor's.
 */
export function mountFileDownloads(app: Hono, services: Services): void {
  app.get('/api/files/:id', async (c) => {
    const { session } = await services.sessions.lookup(c.req.raw.headers);
    const locale = await downloadLocaleOf(
      services.db,
      c.req.query('locale'),
      session?.userId ?? null,
      services.portalSettings().defaultLocale,
    );
    if (!session) return refusal(c, 401, 'UNAUTHORIZED', locale, ServerError, 'SIGN_IN');
    if (needsSecondFactor(session)) {
      const code = 'SECOND_FACTOR_REQUIRED';
      return refusal(c, 403, code, locale, SessionError, code);
    }
    const reader: FileReader | null = isStaffRole(session.role)
      ? { kind: 'staff', userId: session.userId }
      : session.account
        ? { kind: 'customer', userId: session.userId, accountId: session.account.accountId }
        : null;
    const id = c.req.param('id');
    const upload = reader && id.length <= 64 ? await readableUpload(services.db, reader, id) : null;
    if (!upload) return refusal(c, 404, 'NOT_FOUND', locale, FileError, 'NOT_FOUND');
    const bytes = await readUploadBytes(services.config.dataDir, upload.sha256);
    return download(c, bytes, upload.mediaType, upload.name);
  });
}
