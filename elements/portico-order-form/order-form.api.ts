import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { TaskStatus } from '@lit/task';
import { TRPCClientError } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../backend/router.ts';
import { apiHref } from '../api/client.ts';
import { errorMessage } from '../api/errors.ts';
import type { CartSnapshot } from '../shared/cart.ts';
import { getLocale } from '../shared/locale.ts';

type Outputs = inferRouterOutputs<AppRouter>;
type Inputs = inferRouterInputs<AppRouter>;

export type CatalogItem = Outputs['catalog']['list']['items'][number];
export type Category = Outputs['catalog']['categories'][number];
export type SavedAddress = Outputs['address']['list'][number];
export type Address = SavedAddress['address'];
export type Quote = Outputs['order']['quote'];
export type Placed = Outputs['order']['place'];
export type CartItem = Inputs['order']['quote']['items'][number];
type ApiLocale = NonNullable<Inputs['catalog']['list']['locale']>;

/** The customer's locale for the server's texts; the localize setup lists the backend's locales. */
export const apiLocale = () => getLocale() as ApiLocale;

/** A product image: absolute already, or a path on the backend such as `/media/x.svg`. */
export function imageUrl(image: string, apiUrl: string): string {
  return apiHref(image, apiUrl);
}

/** What the cart keeps of a catalog item to show it later. */
export function snapshotOf(item: CatalogItem): CartSnapshot {
  const { name, unitPrice, currency, image, kind, stock } = item;
  return { name, unitPrice, currency, image, kind, stock };
}

/** What the server added to a refusal: a stable reason, its details, and zod's field errors. */
export interface Refusal {
  reason: string | null;
  details: Record<string, unknown> | null;
  fieldErrors: Record<string, string[]> | null;
}

export function refusalOf(error: unknown): Refusal | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data = (error.data ?? {}) as Partial<Refusal>;
  return {
    reason: data.reason ?? null,
    details: data.details ?? null,
    fieldErrors: data.fieldErrors ?? null,
  };
}

/** An order refusal in the customer's language; anything else as the page says errors. */
export function orderErrorMessage(error: unknown): string {
  switch (refusalOf(error)?.reason) {
    case 'PRICE_CHANGED':
      return msg(
        'Prices or shipping changed since you reviewed your order. Check the new total below and place the order again.',
      );
    case 'OUT_OF_STOCK':
      return msg(
        'Sorry, some items sold out while you were ordering. We show below what is still available.',
      );
    case 'UNAVAILABLE':
      return msg('Some items in your cart are no longer sold. Remove them to continue.');
    case 'IDEMPOTENCY_KEY_REUSED':
      return msg('Your cart changed while the order was being sent. Check it and submit again.');
    default:
      return errorMessage(error);
  }
}

/** A failed Task as the alert every element shows. */
export function renderTaskError(task: { status: TaskStatus; error: unknown }) {
  if (task.status !== TaskStatus.ERROR) return nothing;
  const text = orderErrorMessage(task.error);
  return text ? html`<p part="error" role="alert">${text}</p>` : nothing;
}
