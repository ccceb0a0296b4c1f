import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { readSetting, writeSetting } from '../settings/setting.store.ts';

const KEY = 'reminderRules';

/** Up to five different days, kept sorted; `min` is 1 for days after the due day. */
const steps = (min: number) =>
  z
    .array(z.number().int().min(min).max(90))
    .max(5, 'At most five reminders.')
    .refine((days) => new Set(days).size === days.length, 'Each day once.')
    .transform((days) => [...days].sort((a, b) => a - b));

/** The vendor's reminder rules, as the console edits them. */
export const reminderRulesSchema = z.strictObject({
  /** A reminder this many days before an unpaid invoice is due (0: on the day). */
  invoiceDue: z.strictObject({ enabled: z.boolean(), daysBefore: steps(0) }),
  /** A reminder this many days after the due day of an invoice still unpaid. */
  invoiceOverdue: z.strictObject({ enabled: z.boolean(), daysAfter: steps(1) }),
  /** A notice when an order passes its promised day undelivered. */
  orderDelayed: z.strictObject({ enabled: z.boolean() }),
  /** If set, a new order is promised for its placement day plus this many days. */
  promiseDays: z.number().int().min(0).max(365).nullable(),
});

export type ReminderRules = z.infer<typeof reminderRulesSchema>;

export const DEFAULT_REMINDER_RULES: ReminderRules = {
  invoiceDue: { enabled: true, daysBefore: [3] },
  invoiceOverdue: { enabled: true, daysAfter: [1, 7] },
  orderDelayed: { enabled: true },
  promiseDays: null,
};

/** The stored rules, or the defaults until an administrator saves some. */
export const readReminderRules = (db: Db): Promise<ReminderRules> =>
  readSetting(db, KEY, reminderRulesSchema, DEFAULT_REMINDER_RULES);

export async function writeReminderRules(db: Db, rules: ReminderRules): Promise<ReminderRules> {
  await writeSetting(db, KEY, rules);
  return rules;
}
