import { msg } from '@lit/localize';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../backend/router.ts';

export { errorsFor, fieldErrorsOf } from '../portico-staff-settings/staff-settings.api.ts';

type Outputs = inferRouterOutputs<AppRouter>['staff'];
type Inputs = inferRouterInputs<AppRouter>['staff'];

export type Endpoint = Outputs['webhook']['list']['items'][number];
export type Delivery = Outputs['webhook']['deliveries']['items'][number];
export type DeliveryStatus = NonNullable<Inputs['webhook']['deliveries']['status']>;
export type ErpKey = Outputs['inbound']['keys']['items'][number];

/** The events an endpoint may be sent, in the order the form offers them. */
export const WEBHOOK_EVENTS = [
  'order.placed',
  'order.changed',
  'invoice.issued',
  'payment.posted',
  'ticket.created',
  'ticket.answered',
  'customer.signed_up',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['pending', 'delivered', 'failed'];
export const DELIVERY_PAGE = 20;

/** What the view's parts ask of it: focus after a render, a polite announcement, a re-read. */
export interface IntegrationsEffects {
  /** Moves focus to the element matching `selector` once a render has put it on screen. */
  focusSoon(selector: string): void;
  /** Says `text` in the element's polite live region. */
  announce(text: string): void;
  /** Endpoints or keys changed on the server: read them again. */
  changed(): void;
}

export function eventLabel(event: string): string {
  switch (event) {
    case 'order.placed':
      return msg('Order placed');
    case 'order.changed':
      return msg('Order changed');
    case 'invoice.issued':
      return msg('Invoice issued');
    case 'payment.posted':
      return msg('Payment posted');
    case 'ticket.created':
      return msg('Ticket created');
    case 'ticket.answered':
      return msg('Ticket answered');
    case 'customer.signed_up':
      return msg('Customer signed up');
    default:
      return event;
  }
}

export function deliveryStatusLabel(status: string): string {
  switch (status) {
    case 'pending':
      return msg('Waiting');
    case 'delivered':
      return msg('Delivered');
    case 'failed':
      return msg('Failed');
    default:
      return status;
  }
}
