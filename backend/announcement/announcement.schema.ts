import { z } from 'zod';

export const announcementId = z.string().min(1).max(64);
const accountId = z.string().min(1).max(64);

/** A moment with its offset (`2026-12-24T08:00:00+01:00`), stored as UTC ISO text. */
const moment = z.iso
  .datetime({ offset: true, message: 'A date and time such as 2026-12-24T08:00:00Z.' })
  .transform((value) => new Date(value).toISOString());

const fields = z.strictObject({
  title: z.string().trim().min(1, 'Give the announcement a title.').max(120),
  body: z.string().trim().min(1, 'Write what customers should know.').max(2000),
  severity: z.enum(['info', 'warning', 'outage']),
  /** Left out: from now. */
  startsAt: moment.optional(),
  /** Left out or null: until staff end it. */
  endsAt: moment.nullish(),
  audience: z.enum(['all', 'accounts']),
  accountIds: z
    .array(accountId)
    .max(200)
    .refine((ids) => new Set(ids).size === ids.length, 'Each account once.')
    .optional(),
});

type Fields = z.infer<typeof fields>;

/** The rules between fields: an end after the start, accounts exactly when they are the audience. */
function checkFields(input: Fields, context: z.RefinementCtx): void {
  const startsAt = input.startsAt ?? new Date().toISOString();
  if (input.endsAt && input.endsAt <= startsAt) {
    context.addIssue({
      code: 'custom',
      path: ['endsAt'],
      message: 'The end must be after the start.',
    });
  }
  const chosen = input.accountIds?.length ?? 0;
  if (input.audience === 'accounts' && chosen === 0) {
    context.addIssue({ code: 'custom', path: ['accountIds'], message: 'Choose the accounts.' });
  }
  if (input.audience === 'all' && chosen > 0) {
    context.addIssue({
      code: 'custom',
      path: ['accountIds'],
      message: 'An announcement for everyone names no accounts.',
    });
  }
}

export const announcementInput = fields.superRefine(checkFields);
export const announcementUpdateInput = fields
  .extend({ id: announcementId })
  .superRefine(checkFields);

export type AnnouncementInput = z.infer<typeof announcementInput>;
