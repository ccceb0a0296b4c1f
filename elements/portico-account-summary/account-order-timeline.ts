import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { addressLines, isAddress } from '../shared/address-fields.ts';
import { isolate, joinIsolated } from '../shared/bidi.ts';
import { formatDate, formatDateTime } from '../shared/format.ts';
import type { OrderEvent } from './account-orders.api.ts';

/** A text from an event's details, when it has one. */
function text(event: OrderEvent, key: string): string {
  const value = event.detail[key];
  return typeof value === 'string' ? value.trim() : '';
}

/** The same as it goes into a sentence: whole, even in a right-to-left one. */
function piece(event: OrderEvent, key: string): string {
  return isolate(text(event, key));
}

/** Who made the change, named for people; the system's own steps go unnamed. */
function actorOf(event: OrderEvent): string {
  return event.actor.role === 'system' ? '' : isolate(event.actor.name.trim());
}

/** What happened, as one sentence a customer reads in their timeline. */
export function eventSentence(event: OrderEvent): string {
  const actor = actorOf(event);
  switch (event.type) {
    case 'placed':
      return actor ? msg(str`${actor} placed the order.`) : msg('The order was placed.');
    case 'confirmed':
      return msg('The order was confirmed.');
    case 'shipped': {
      const tracking = piece(event, 'trackingNumber');
      return tracking
        ? msg(str`The order was shipped with tracking number ${tracking}.`)
        : msg('The order was shipped.');
    }
    case 'delivered':
      return msg('The order was delivered.');
    case 'cancelled': {
      const reason = piece(event, 'reason');
      const what = actor
        ? msg(str`${actor} cancelled the order.`)
        : msg('The order was cancelled.');
      return reason ? `${what} ${msg(str`Reason: ${reason}`)}` : what;
    }
    case 'address_changed': {
      const to = event.detail['to'];
      if (!isAddress(to)) return msg('The delivery address was changed.');
      const line = joinIsolated(addressLines(to));
      return actor
        ? msg(str`${actor} changed the delivery address to ${line}.`)
        : msg(str`The delivery address was changed to ${line}.`);
    }
    case 'tracking_changed': {
      const tracking = piece(event, 'trackingNumber');
      return tracking
        ? msg(str`The tracking number is now ${tracking}.`)
        : msg('The tracking number was changed.');
    }
    case 'promise_changed': {
      const promised = text(event, 'promisedOn');
      if (!promised) return msg('The promised delivery date was removed.');
      const date = formatDate(promised);
      return msg(str`Delivery is now promised by ${date}.`);
    }
    default:
      return msg('The order was updated.');
  }
}

/** The order's events, oldest first, each with its time and what happened. */
export function renderTimeline(events: readonly OrderEvent[]) {
  if (!events.length) return nothing;
  return html`
    <section class="block" aria-labelledby="timeline-title">
      <h3 id="timeline-title">${msg('Timeline')}</h3>
      <ol part="timeline">
        ${events.map(
          (event) => html`
            <li part="event" data-type=${event.type}>
              <time datetime=${event.at}>${formatDateTime(event.at)}</time>
              <span class="what">${eventSentence(event)}</span>
            </li>
          `,
        )}
      </ol>
    </section>
  `;
}
