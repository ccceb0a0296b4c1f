import { msg, str } from '@lit/localize';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../backend/router.ts';
import { errorMessage, refusalReason } from '../api/errors.ts';
import { statusLabel } from '../portico-account-summary/account-orders.api.ts';

export {
  ORDER_STATUSES,
  renderStatus,
  statusLabel,
} from '../portico-account-summary/account-orders.api.ts';

type StaffOrder = inferRouterOutputs<AppRouter>['staff']['order'];

export type StaffListInput = inferRouterInputs<AppRouter>['staff']['order']['list'];
export type OrderPage = StaffOrder['list'];
export type OrderRow = OrderPage['items'][number];
export type StaffOrderDetail = StaffOrder['byId'];
export type OrderStatus = OrderRow['status'];
export type NextStatus = StaffOrderDetail['staffCan']['next'][number];
export type OrderSort = NonNullable<StaffListInput['sort']>;

/** What the element's parts ask of it: focus after a render, and a polite announcement. */
export interface StaffOrderEffects {
  /** Moves focus to the element matching `selector` once a render has put it on screen. */
  focusSoon(selector: string): void;
  /** Says `text` in the element's polite live region. */
  announce(text: string): void;
  /** Shows the order the server answered a change with. */
  changed(order: StaffOrderDetail): void;
  /** Reads the order again: a change was refused because it is not what the screen showed. */
  reload(): void;
}

/** The list's filters as the form holds them; '' is "any". */
export interface OrderFilter {
  query: string;
  status: OrderStatus | '';
  sort: OrderSort;
}

export const EMPTY_FILTER: OrderFilter = { query: '', status: '', sort: 'newest' };
export const ORDER_SORTS: readonly OrderSort[] = ['newest', 'oldest', 'total'];
export const PAGE_SIZE = 20;
/** What `staff.order.setTracking` accepts, so the field says so before the server does. */
export const TRACKING_PATTERN = '[\\p{L}\\p{N} ._\\/\\-]{3,64}';

export function listInputOf(filter: OrderFilter): StaffListInput {
  return {
    query: filter.query.trim() || undefined,
    status: filter.status ? [filter.status] : undefined,
    sort: filter.sort,
  };
}

export function sortLabel(sort: OrderSort): string {
  switch (sort) {
    case 'newest':
      return msg('Newest first');
    case 'oldest':
      return msg('Oldest first');
    case 'total':
      return msg('Largest total first');
  }
}

/** The button that moves an order to `status`. */
export function advanceLabel(status: NextStatus): string {
  switch (status) {
    case 'confirmed':
      return msg('Mark as confirmed');
    case 'shipped':
      return msg('Mark as shipped');
    case 'delivered':
      return msg('Mark as delivered');
  }
}

/**
 * A refused change in the staff's words, with what to do next. The server's own sentences are
 * written for customers ("open a ticket"), so the known refusals are said again for staff.
 */
export function staffErrorMessage(error: unknown, order?: StaffOrderDetail | null): string {
  const now = order ? statusLabel(order.status).toLowerCase() : '';
  switch (refusalReason(error)) {
    case 'ALREADY_CANCELLED':
      return msg(
        'This order has been cancelled (see its timeline), so it can no longer be changed. The order below is shown as it is now.',
      );
    case 'ALREADY_SHIPPED':
      return msg(
        'This order has already shipped, so it can no longer be cancelled. The order below is shown as it is now; if the customer wants to send goods back, open a ticket for them.',
      );
    case 'NOT_NEXT_STEP':
      return now
        ? msg(
            str`Someone else moved this order meanwhile; it is now ${now}. Check its timeline, then choose one of the actions below.`,
          )
        : msg('Someone else moved this order meanwhile. Check its timeline and try again.');
    case 'TRACKING_NEEDS_SHIPMENT':
      return msg('Mark the order as shipped first; the tracking number can be added then.');
    case 'SHIPPING_ZONE_CHANGED':
      return msg(
        'Shipping to that country costs a different amount, so this order cannot go there. Keep a country in the same shipping zone, or cancel the order and ask the customer to order again.',
      );
    case 'NOT_FOUND':
      return msg('This order no longer exists. Go back to the list of orders.');
    default:
      return errorMessage(error);
  }
}

/** Whether a refusal means the screen showed an older state of the order than the server has. */
export function isStale(error: unknown): boolean {
  const reason = refusalReason(error);
  return (
    reason === 'ALREADY_CANCELLED' ||
    reason === 'ALREADY_SHIPPED' ||
    reason === 'NOT_NEXT_STEP' ||
    reason === 'TRACKING_NEEDS_SHIPMENT'
  );
}

/** One event of `staff.order.onUpdate`, without tRPC's tracking envelope. */
export interface StaffOrderUpdate {
  type: 'sync' | 'placed' | 'changed';
  orderId: string | null;
  actorId: string | null;
}
