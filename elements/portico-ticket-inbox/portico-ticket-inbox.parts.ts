import { THREAD_PARTS } from './ticket-thread.parts.ts';

/**
 * The parts of the elements `<portico-ticket-inbox>` hosts, exported under their own names so
 * that a vendor styles `portico-ticket-inbox::part(status)` once for the list and the thread.
 */

const exported = (names: readonly string[]) => names.join(', ');

/** `<portico-ticket-thread>`'s parts, as its `@csspart` lines list them. */
export const THREAD_EXPORTS = exported(THREAD_PARTS);

/** `<portico-ticket-attachments>`'s parts in the new-ticket form. */
export const ATTACHMENTS_EXPORTS = exported(['add', 'file', 'progress', 'remove', 'file-error']);
