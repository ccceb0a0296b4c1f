/** Why a report request was refused, in words an agent can act on. */
export const ReportError = {
  PERIOD_REVERSED:
    'The period ends before it starts. Pick a "to" date on or after the "from" date.',
  PERIOD_TOO_LONG: 'A report covers at most 366 days. Pick a shorter period.',
  PERIOD_INCOMPLETE: 'Give both dates of the period, or neither for the last 30 days.',
  PERIOD_MIXED: 'Ask for a number of days or for two dates, not both.',
} as const;

export type ReportErrorKey = keyof typeof ReportError;
