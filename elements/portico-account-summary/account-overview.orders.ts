import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { isolate } from '../shared/bidi.ts';
import { formatDate } from '../shared/format.ts';
import type { OrderStep, RecentOrder } from './account-billing.api.ts';

/** The way an order normally goes; a cancelled one stops wherever it was. */
const PATH = ['placed', 'confirmed', 'shipped', 'delivered'] as const satisfies OrderStep[];

export function orderStatusLabel(status: OrderStep): string {
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

interface Step {
  type: OrderStep;
  /** When the order got there; null for a step it skipped or has not reached. */
  at: string | null;
  done: boolean;
}

/**
 * The steps of a recent order: each of placed, confirmed, shipped, delivered that it reached
 * (a step staff skipped counts as passed), those still ahead, or where a cancelled order ended.
 */
function stepsOf(order: RecentOrder): Step[] {
  const at = new Map<OrderStep, string>();
  for (const step of order.steps) if (!at.has(step.type)) at.set(step.type, step.at);
  const furthest = Math.max(
    PATH.indexOf(order.status as (typeof PATH)[number]),
    ...PATH.map((type, index) => (at.has(type) ? index : -1)),
  );
  const path = PATH.map((type, index) => ({
    type,
    at: at.get(type) ?? null,
    done: index <= furthest,
  }));
  if (order.status !== 'cancelled') return path;
  const cancelled = { type: 'cancelled' as const, at: at.get('cancelled') ?? null, done: true };
  return [...path.filter((step) => step.done), cancelled];
}

/** A small timeline of an order's steps with their dates, the current one marked. */
export function renderSteps(order: RecentOrder) {
  const steps = stepsOf(order);
  const current = steps.findLast((step) => step.done);
  return html`
    <ol
      part="steps"
      class="steps"
      aria-label=${msg(str`Progress of order ${isolate(order.number)}`)}
    >
      ${steps.map(
        (step) => html`
          <li
            part=${step.done ? 'step step-done' : 'step'}
            data-step=${step.type}
            aria-current=${step === current ? 'step' : nothing}
          >
            <span class="mark" aria-hidden="true"
              >${step.type === 'cancelled' ? '✕' : step.done ? '✓' : ''}</span
            >
            <span class="label">${orderStatusLabel(step.type)}</span>
            ${
              step.at
                ? html`<time datetime=${step.at}>${formatDate(step.at)}</time>`
                : step.done
                  ? nothing
                  : html`<span class="visually-hidden">${msg('not yet')}</span>`
            }
          </li>
        `,
      )}
    </ol>
  `;
}
