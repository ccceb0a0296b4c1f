import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { signedInProcedure, router } from '../trpc.ts';
import { refuse } from '../errors.ts';
import { isStaffRole } from '../session/roles.ts';
import { inspectUpload, MAX_UPLOAD_BYTES, tooLarge } from './file.inspect.ts';
import { DAILY_UPLOADS, saveUpload, uploadsToday } from './file.store.ts';

export const FileError = {
  NO_FILE: 'Choose a file to upload.',
  DAILY_LIMIT: `You have uploaded ${DAILY_UPLOADS} files in the last day, the limit. Try again tomorrow or write to us.`,
  NO_ACCOUNT: 'This sign-in has no customer account to attach files to.',
} as const;

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
      throw refuse('BAD_REQUEST', { [inspected.reason]: inspected.message }, inspected.reason, {
        limitBytes: MAX_UPLOAD_BYTES,
      });
    }
    if ((await uploadsToday(ctx.services.db, ctx.session.userId)) >= DAILY_UPLOADS) {
      throw new TRPCError({
        code: 'TOO_MANY_REQUESTS',
        message: FileError.DAILY_LIMIT,
      });
    }
    return saveUpload(
      ctx.services.db,
      ctx.services.config.dataDir,
      { bytes: bytes!, name: inspected.name, mediaType: inspected.mediaType },
      { userId: ctx.session.userId, accountId },
    );
  }),
});
