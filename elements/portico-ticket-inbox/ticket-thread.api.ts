import { html } from 'lit';
import { msg } from '@lit/localize';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../backend/router.ts';

export { accountOf, renderTaskError } from '../shared/task.ts';

type Outputs = inferRouterOutputs<AppRouter>;

export type TicketDetail = Outputs['ticket']['byId'];
export type ThreadMessage = TicketDetail['messages'][number];
export type Attachment = ThreadMessage['attachments'][number];
export type TicketStatus = TicketDetail['status'];
export type TicketPriority = TicketDetail['priority'];
export type TicketKind = TicketDetail['kind'];

/** What the thread's parts ask of the element: focus after a render, and a polite announcement. */
export interface ThreadEffects {
  /** Moves focus to the element matching `selector` once a render has put it on screen. */
  focusSoon(selector: string): void;
  /** Says `text` in the element's polite live region. */
  announce(text: string): void;
  /** Shows the ticket the server answered a change with; false when another one is on screen. */
  changed(ticket: TicketDetail): boolean;
}

export function statusLabel(status: TicketStatus): string {
  switch (status) {
    case 'open':
      return msg('Open');
    case 'pending':
      return msg('Waiting for you');
    case 'resolved':
      return msg('Resolved');
    case 'closed':
      return msg('Closed');
  }
}

export function priorityLabel(priority: TicketPriority): string {
  switch (priority) {
    case 'low':
      return msg('Low priority');
    case 'normal':
      return msg('Normal priority');
    case 'high':
      return msg('High priority');
    case 'urgent':
      return msg('Urgent');
  }
}

export function kindLabel(kind: TicketKind): string {
  switch (kind) {
    case 'question':
      return msg('Question');
    case 'complaint':
      return msg('Complaint');
    case 'concern':
      return msg('Concern');
  }
}

/** A status as a badge: its word first, its colour (`status-<status>`) only in addition. */
export function renderStatus(status: TicketStatus) {
  return html`<span part="status status-${status}" class="badge" data-status=${status}
    >${statusLabel(status)}</span
  >`;
}

/** A priority as a badge, worded like the status. */
export function renderPriority(priority: TicketPriority) {
  return html`<span part="priority priority-${priority}" class="badge" data-priority=${priority}
    >${priorityLabel(priority)}</span
  >`;
}
