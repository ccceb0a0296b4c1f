import { html } from 'lit';
import { msg, str } from '@lit/localize';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../backend/router.ts';
import { getLocale } from '../shared/locale.ts';
import { formatNumber } from '../shared/format.ts';

export { accountOf, renderTaskError } from '../shared/task.ts';

type Outputs = inferRouterOutputs<AppRouter>;
type Inputs = inferRouterInputs<AppRouter>;

export type OrderSummary = Outputs['order']['list']['items'][number];
export type OrderDetail = Outputs['order']['byNumber'];
export type OrderStatus = OrderSummary['status'];
export type OrderEvent = OrderDetail['timeline'][number];
export type Reordered = Outputs['order']['reorder'];
export type SavedAddress = Outputs['address']['list'][number];
type ApiLocale = NonNullable<Inputs['order']['reorder']['locale']>;

/** What the views ask of the element: focus moved after a render, and a polite announcement. */
export interface ViewEffects {
  /** Moves focus to the element matching `selector` once a render has put it on screen. */
  focusSoon(selector: string): void;
  /** Says `text` in the element's polite live region. */
  announce(text: string): void;
}

/** In the order an order moves through them. */
export const ORDER_STATUSES: readonly OrderStatus[] = [
  'placed',
  'confirmed',
  'shipped',
  'delivered',
  'cancelled',
];

/** The customer's locale for the server's texts; the localize setup lists the backend's locales. */
export const apiLocale = () => getLocale() as ApiLocale;

export function statusLabel(status: OrderStatus): string {
  switch (status) {
    case 'placed':
      return msg('Placed');
    case 'confirmed':
      return msg('Confirmed');
    case 'shipped':
      return msg('Shipped');
    case 'delivered':
      return msg('Delivered');
    case 'cancelled':
      return msg('Cancelled');
  }
}

/** A status as a badge: its word first, its colour (`status-<status>`) only in addition. */
export function renderStatus(status: OrderStatus) {
  return html`<span part="status status-${status}" class="status" data-status=${status}
    >${statusLabel(status)}</span
  >`;
}

export function itemCount(count: number): string {
  return count === 1 ? msg('1 item') : msg(str`${formatNumber(count)} items`);
}

/** A vendor's link template with the order number filled in, such as `/help?order={number}`. */
export function withNumber(template: string, number: string): string {
  return template.replaceAll('{number}', encodeURIComponent(number));
}
