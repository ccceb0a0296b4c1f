/** The reminder tables, as `Database` includes them (the rules are the `reminderRules` setting). */
export interface ReminderTables {
  reminderSent: ReminderSentTable;
}

export type ReminderKind = 'invoiceDue' | 'invoiceOverdue' | 'orderDelayed';

/**
 * One reminder step claimed for one invoice or order. The row is unique per (kind, subject,
 * step) and written in the transaction that records the reminder's event, so however many
 * processes run the scheduler, each step is sent once.
 */
export interface ReminderSentTable {
  kind: ReminderKind;
  subjectId: string;
  /** Days before or after the due day (`3`), or the promised day of a late order (`2026-12-01`). */
  step: string;
  accountId: string;
  sentAt: string;
}
