import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../backend/router.ts';

export { accountOf, renderTaskError } from '../shared/task.ts';
export { fieldErrorsOf } from '../portico-account-summary/account-profile.api.ts';
// One wording of statuses, priorities and kinds for the list, the form and the thread.
export {
  kindLabel,
  priorityLabel,
  renderPriority,
  renderStatus,
  statusLabel,
} from './ticket-thread.api.ts';

type Outputs = inferRouterOutputs<AppRouter>;
type Inputs = inferRouterInputs<AppRouter>;

export type TicketPage = Outputs['ticket']['list'];
export type TicketSummary = TicketPage['items'][number];
export type TicketDetail = Outputs['ticket']['byId'];
export type TicketStatus = TicketSummary['status'];
export type TicketPriority = TicketSummary['priority'];
export type TicketKind = TicketSummary['kind'];
export type CreateTicket = Inputs['ticket']['create'];
/** An order the new-ticket form offers: from the customer's list, or the one a link named. */
export type OrderOption = Pick<
  Outputs['order']['list']['items'][number],
  'id' | 'number' | 'createdAt' | 'total' | 'currency'
>;

/** What the views ask of the element: focus moved after a render, and a polite announcement. */
export interface ViewEffects {
  /** Moves focus to the element matching `selector` once a render has put it on screen. */
  focusSoon(selector: string): void;
  /** Says `text` in the element's polite live region. */
  announce(text: string): void;
}

/** In the order a ticket moves through them. */
export const TICKET_STATUSES: readonly TicketStatus[] = ['open', 'pending', 'resolved', 'closed'];
export const TICKET_PRIORITIES: readonly TicketPriority[] = ['low', 'normal', 'high', 'urgent'];
export const TICKET_KINDS: readonly TicketKind[] = ['question', 'complaint', 'concern'];

/** The server's limits (backend/ticket/ticket.schema.ts), so the form says them up front. */
export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 30;
export const MAX_SUBJECT = 150;
export const MAX_BODY = 10_000;
export const TAG_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u;

/** A tag as typed, as the server keeps it: trimmed and in lower case. */
export function normalTag(text: string): string {
  return text.trim().toLowerCase();
}
