import { z } from 'zod';
import { pageLimit } from '../db/cursor.ts';
import { NOTIFICATION_KINDS } from './notification.kinds.ts';

const notificationId = z.string().min(1).max(64);

export const listInput = z
  .strictObject({
    cursor: z.string().max(400).nullish(),
    limit: pageLimit(20),
    unreadOnly: z.boolean().default(false),
  })
  .default({ limit: 20, unreadOnly: false });

export const markReadInput = z.strictObject({
  ids: z
    .array(notificationId)
    .min(1, 'Choose at least one notification.')
    .max(100, 'At most 100 at a time.'),
});

/** Declared so that a call with anything in it is refused rather than run. */
export const noInput = z.strictObject({}).optional();

export const preferenceInput = z.strictObject({
  kind: z.enum(NOTIFICATION_KINDS),
  mail: z.boolean(),
});

export const onChangeInput = z
  .strictObject({ lastEventId: z.string().max(100).nullish() })
  .optional();
