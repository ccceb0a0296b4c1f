import { msg, str } from '@lit/localize';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../backend/router.ts';

export {
  kindLabel,
  priorityLabel,
  renderPriority,
  TICKET_KINDS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
} from '../portico-ticket-inbox/ticket-list.api.ts';

type StaffTicket = inferRouterOutputs<AppRouter>['staff']['ticket'];
type Outputs = inferRouterOutputs<AppRouter>;

export type StaffListInput = inferRouterInputs<AppRouter>['staff']['ticket']['list'];
export type QueuePage = StaffTicket['list'];
export type QueueRow = QueuePage['items'][number];
export type StaffTicketDetail = StaffTicket['byId'];
export type StaffMessage = StaffTicketDetail['messages'][number];
export type Agent = StaffTicket['agents'][number];
export type CannedReply = StaffTicket['canned']['list'][number];
export type AccountSummary = Outputs['staff']['account']['summary'];
export type TicketStatus = QueueRow['status'];
export type TicketPriority = QueueRow['priority'];
export type TicketKind = QueueRow['kind'];
export type TicketSort = NonNullable<StaffListInput['sort']>;
/** What a staff answer leaves the ticket as. */
export type LeaveAs = 'pending' | 'open' | 'resolved';

/** What the element's parts ask of it: focus after a render, and a polite announcement. */
export interface StaffTicketEffects {
  /** Moves focus to the element matching `selector` once a render has put it on screen. */
  focusSoon(selector: string): void;
  /** Says `text` in the element's polite live region. */
  announce(text: string): void;
  /** Shows the ticket the server answered a change with. */
  changed(ticket: StaffTicketDetail): void;
}

/** The queue's filters as the form holds them; '' is "any". */
export interface QueueFilter {
  query: string;
  status: TicketStatus | '';
  priority: TicketPriority | '';
  /** A ticket kind, or `chat` for the live chats only. */
  kind: TicketKind | 'chat' | '';
  tag: string;
  /** '' anyone, `me`, `none` (unassigned) or an agent's id. */
  assignee: string;
  /** Only tickets with customer words the agent has not read. */
  unreadOnly: boolean;
  /** Only customers waiting for an answer longer than this many minutes ('' any). */
  waiting: string;
  sort: TicketSort;
}

export const EMPTY_FILTER: QueueFilter = {
  query: '',
  status: '',
  priority: '',
  kind: '',
  tag: '',
  assignee: '',
  unreadOnly: false,
  waiting: '',
  sort: 'unread',
};

export const TICKET_SORTS: readonly TicketSort[] = [
  'unread',
  'waiting',
  'newest',
  'oldest',
  'priority',
];

/** The waits the filter offers, in minutes: an hour, four hours, a day, three days. */
export const WAITING_CHOICES = [60, 240, 1440, 4320] as const;

export function sortLabel(sort: TicketSort): string {
  switch (sort) {
    case 'unread':
      return msg('Unread first');
    case 'waiting':
      return msg('Waiting longest');
    case 'newest':
      return msg('Newest');
    case 'oldest':
      return msg('Oldest');
    case 'priority':
      return msg('Most urgent');
  }
}

export function waitingLabel(minutes: (typeof WAITING_CHOICES)[number]): string {
  switch (minutes) {
    case 60:
      return msg('1 hour');
    case 240:
      return msg('4 hours');
    case 1440:
      return msg('24 hours');
    case 4320:
      return msg('3 days');
  }
}

export const PAGE_SIZE = 20;
export const TAG_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u;

/** The filter as `staff.ticket.list` takes it; a tag the server would refuse is left out. */
export function listInputOf(filter: QueueFilter): StaffListInput {
  const tag = filter.tag.trim().toLowerCase();
  return {
    query: filter.query.trim() || undefined,
    status: filter.status ? [filter.status] : undefined,
    priority: filter.priority ? [filter.priority] : undefined,
    kind: filter.kind && filter.kind !== 'chat' ? [filter.kind] : undefined,
    tag: tag && TAG_PATTERN.test(tag) && tag.length <= 30 ? tag : undefined,
    assignee: filter.assignee || undefined,
    sort: filter.sort,
    unreadOnly: filter.unreadOnly || undefined,
    waitingLongerThan: Number(filter.waiting) || undefined,
  };
}

/** Statuses as staff say them: "pending" waits on the customer, not on the agent. */
export function statusLabel(status: TicketStatus): string {
  switch (status) {
    case 'open':
      return msg('Open');
    case 'pending':
      return msg('Waiting on customer');
    case 'resolved':
      return msg('Resolved');
    case 'closed':
      return msg('Closed');
  }
}

export function leaveAsLabel(status: LeaveAs): string {
  switch (status) {
    case 'pending':
      return msg('Waiting on customer');
    case 'open':
      return msg('Open');
    case 'resolved':
      return msg('Resolved');
  }
}

/** How long ago, in words a glance reads: "just now", "5 min", "3 h", "2 d". */
export function sinceLabel(iso: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - new Date(iso).getTime()) / 60_000));
  if (minutes < 1) return msg('just now');
  if (minutes < 60) return msg(str`${minutes} min`);
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return msg(str`${hours} h`);
  return msg(str`${Math.floor(hours / 24)} d`);
}

/** When the customer last wrote in a thread, or null when they never did. */
export function lastCustomerAt(ticket: StaffTicketDetail): string | null {
  for (let i = ticket.messages.length - 1; i >= 0; i--) {
    const message = ticket.messages[i]!;
    if (message.author.role === 'customer') return message.createdAt;
  }
  return null;
}

/** One change of `staff.ticket.onUpdate`, without tRPC's tracking envelope. */
export interface StaffTicketUpdate {
  type: 'sync' | 'created' | 'message' | 'status' | 'changed' | 'merged' | 'read';
  ticketId: string | null;
  unread: number;
}
