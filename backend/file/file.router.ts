import { z } from 'zod';
import { signedInProcedure, router } from '../trpc.ts';
import { catalogueError, refuse } from '../errors.ts';
import { isStaffRole } from '../session/roles.ts';
import { FileError } from './file.errors.ts';
import { inspectUpload, MAX_UPLOAD_BYTES, tooLarge } from './file.inspect.ts';
import { DAILY_UPLOADS, saveUpload, uploadsToday } from './file.store.ts';

/** At most one file, in the field `file`; any other field is refused, as in every input. */
const uploadForm = z
  .instanceof(FormData)
  .refine(
    (form) => [...form.keys()].every((key) => key === 'file') && form.getAll('file').length <= 1,
    'Send one file in the field "file" and nothing else.',
  );

/**
 * `file.upload` takes one file as multipart form data (field `file`) and keeps it, unsent, for
 * the next message its uploader writes. The type is decided by the bytes; see `inspectUpload`.
 */
export const fileRouter = router({
  upload: signedInProcedure.input(uploadForm).mutation(async ({ ctx, input }) => {
    const file = input.get('file');
    if (!(file instanceof File)) throw refuse('BAD_REQUEST', FileError, 'NO_FILE');
    const staff = isStaffRole(ctx.session.role);
    const accountId = staff ? null : (ctx.session.account?.accountId ?? null);
    if (!staff && !accountId) throw refuse('FORBIDDEN', FileError, 'NO_ACCOUNT');
    const bytes = file.size > MAX_UPLOAD_BYTES ? null : new Uint8Array(await file.arrayBuffer());
    const inspected = bytes ? await inspectUpload(bytes, file.name) : tooLarge(file.name);
    if (!inspected.ok) {
      const details = { limitBytes: MAX_UPLOAD_BYTES };
      throw refuse('BAD_REQUEST', FileError, inspected.reason, details, inspected.values);
    }
    if ((await uploadsToday(ctx.services.db, ctx.session.userId)) >= DAILY_UPLOADS) {
      // No `data.reason`: the elements word every daily limit alike, by the code.
      throw catalogueError('TOO_MANY_REQUESTS', FileError, 'DAILY_LIMIT', { count: DAILY_UPLOADS });
    }
    return saveUpload(
      ctx.services.db,
      ctx.services.config.dataDir,
      { bytes: bytes!, name: inspected.name, mediaType: inspected.mediaType },
      { userId: ctx.session.userId, accountId },
    );
  }),
});
