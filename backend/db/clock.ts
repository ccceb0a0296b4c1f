let last = 0;

/**
 * Now, as an ISO-8601 UTC string that is strictly later than the previous one this process
 * made: two changes in the same millisecond still sort in the order they happened (timelines,
 * newest-first lists).
 */
export function timestamp(): string {
  last = Math.max(Date.now(), last + 1);
  return new Date(last).toISOString();
}
