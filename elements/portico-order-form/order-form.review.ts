import { html, nothing, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { ownDirection, ownDirectionList } from '../shared/bidi.ts';
import { formatMoney, formatNumber } from '../shared/format.ts';
import { SubmissionKey } from '../shared/request-key.ts';
import { addressLines } from './order-form.address.ts';
import {
  apiLocale,
  refusalOf,
  renderTaskError,
  type Address,
  type CartItem,
  type Placed,
  type Quote,
} from './order-form.api.ts';

type Problem = Quote['problems'][number];

interface PlaceRequest {
  items: CartItem[];
  address: Address;
  saveAddressAs: string | undefined;
  note: string;
}

export interface ReviewActions {
  placed(result: Placed): void;
  /** The cart's name for a product the server could not name. */
  nameOf(productId: string): string;
  setQuantity(productId: string, quantity: number): void;
  remove(productId: string): void;
  back(): void;
}

/**
 * The review step: the server's quote for the cart and address, and placing the order with one
 * idempotency key per reviewed request, so a retry after a lost answer cannot order twice.
 */
export class ReviewController {
  /** The quote on screen: the last `order.quote`, or the new one a PRICE_CHANGED refusal carried. */
  quote: Quote | null = null;
  note = '';
  /** The total the customer reviewed before the server said the price changed. */
  previousTotal: number | null = null;
  /** Whether the last refusal of `place` still applies; a quote for a changed cart ends it. */
  #placeErrorApplies = false;

  /** Prices a cart; `forRefusal` when a refused `place` asked, so its message stays. */
  readonly quoteTask: Task<[PorticoApi, CartItem[], Address, boolean], Quote>;
  readonly placeTask: Task<[PorticoApi, PlaceRequest], Placed>;

  readonly #actions: ReviewActions;
  #address: Address | null = null;
  /** The order's request key: sending the same order again reuses it, another gets a new one. */
  #key = new SubmissionKey();

  constructor(host: ReactiveControllerHost, actions: ReviewActions) {
    this.#actions = actions;

    this.quoteTask = new Task(host, {
      autoRun: false,
      task: async (
        [api, items, address, forRefusal]: [PorticoApi, CartItem[], Address, boolean],
        { signal },
      ) => {
        const quote = await api.trpc.order.quote.query(
          { items, address, locale: apiLocale() },
          { signal },
        );
        this.quote = quote;
        this.#address = address;
        this.previousTotal = null;
        this.#placeErrorApplies = forRefusal;
        return quote;
      },
    });

    this.placeTask = new Task(host, {
      autoRun: false,
      task: async ([api, request]: [PorticoApi, PlaceRequest], { signal }) => {
        const quote = this.quote;
        if (!quote) throw new Error('Nothing was reviewed');
        const input = {
          ...request,
          idempotencyKey: this.#key.for(request),
          expectedTotal: quote.total,
          locale: apiLocale(),
        };
        try {
          const placed = await api.trpc.order.place.mutate(input, { signal });
          this.#key.answered();
          this.#actions.placed(placed);
          return placed;
        } catch (error) {
          this.#placeErrorApplies = true;
          this.#refused(api, request, error);
          throw error;
        }
      },
    });
  }

  /** Prices the cart for `address` (or the address last quoted); true when a quote came back. */
  async requote(
    api: PorticoApi,
    items: CartItem[],
    address = this.#address,
    forRefusal = false,
  ): Promise<boolean> {
    if (!address) return false;
    await this.quoteTask.run([api, items, address, forRefusal]);
    return this.quoteTask.status === TaskStatus.COMPLETE;
  }

  place(api: PorticoApi, items: CartItem[], saveAddressAs: string | undefined): void {
    if (!this.#address) return;
    const request = { items, address: this.#address, saveAddressAs, note: this.note.trim() };
    void this.placeTask.run([api, request]);
  }

  /** The server's complaints about single fields, keyed by dotted path (`address.city`). */
  fieldErrors(): Record<string, string[]> {
    for (const task of [this.quoteTask, this.placeTask]) {
      if (task.status !== TaskStatus.ERROR) continue;
      const fields = refusalOf(task.error)?.fieldErrors;
      if (fields) return fields;
    }
    return {};
  }

  /** Forgets the reviewed order, for the next one. */
  reset(): void {
    this.quote = null;
    this.note = '';
    this.previousTotal = null;
    this.#placeErrorApplies = false;
    this.#key = new SubmissionKey();
  }

  #refused(api: PorticoApi, request: PlaceRequest, error: unknown): void {
    const refusal = refusalOf(error);
    switch (refusal?.reason) {
      case 'PRICE_CHANGED': {
        const quote = refusal.details?.quote as Quote | undefined;
        if (!quote) return;
        this.previousTotal = this.quote?.total ?? null;
        this.quote = quote;
        return;
      }
      case 'OUT_OF_STOCK':
      case 'UNAVAILABLE':
        // The refusal stays on screen above the problems the new quote shows.
        void this.requote(api, request.items, request.address, true);
        return;
      case 'IDEMPOTENCY_KEY_REUSED':
        this.#key.answered();
        return;
    }
  }

  render(signedIn: boolean, onPlace: () => void) {
    const quote = this.quote;
    const quoting = this.quoteTask.status === TaskStatus.PENDING;
    const placing = this.placeTask.status === TaskStatus.PENDING;
    const ready = !!quote && quote.lines.length > 0 && quote.problems.length === 0;
    return html`
      <div part="review">
        ${quoting ? html`<p part="loading" role="status">${msg('Checking prices…')}</p>` : nothing}
        ${renderTaskError(this.quoteTask)} ${quote ? this.#renderQuote(quote) : nothing}
        ${
          this.#address
            ? html`<p class="deliver-to">
                <strong>${msg('Deliver to')}</strong>
                ${ownDirectionList(addressLines(this.#address))}
              </p>`
            : nothing
        }
        <label class="note">
          ${msg('Note for the vendor (optional)')}
          <textarea
            part="note"
            name="note"
            maxlength="1000"
            rows="3"
            .value=${live(this.note)}
            @input=${(event: Event) => (this.note = (event.target as HTMLTextAreaElement).value)}
          ></textarea>
        </label>
        ${this.#placeErrorApplies ? renderTaskError(this.placeTask) : nothing}
        ${
          quote && this.previousTotal !== null
            ? html`<p class="changed">
                ${msg(
                  str`The total was ${formatMoney(this.previousTotal, quote.currency)} and is now ${formatMoney(quote.total, quote.currency)}.`,
                )}
              </p>`
            : nothing
        }
        ${
          quote && quote.problems.length
            ? html`<p class="hint">
                ${msg('Change or remove the items marked above to continue.')}
              </p>`
            : nothing
        }
        <div class="actions">
          <button type="button" part="back" class="secondary" @click=${() => this.#actions.back()}>
            ${msg('Change the address')}
          </button>
          <button
            part="submit"
            type="button"
            class="primary"
            ?disabled=${!ready || !signedIn || quoting || placing}
            @click=${onPlace}
          >
            ${
              placing
                ? msg('Placing your order…')
                : this.previousTotal !== null
                  ? msg('Place the order at the new total')
                  : msg('Place order')
            }
          </button>
        </div>
      </div>
    `;
  }

  #renderQuote(quote: Quote) {
    const money = (minor: number) => formatMoney(minor, quote.currency);
    return html`
      ${
        quote.lines.length
          ? html`<ul part="lines" class="lines">
              ${quote.lines.map(
                (line) => html`
                  <li part="line">
                    <span class="name">${ownDirection(line.name)}</span>
                    <span class="each"
                      >${msg(str`${formatNumber(line.quantity)} × ${money(line.unitPrice)}`)}</span
                    >
                    <span class="amount">${money(line.subtotal)}</span>
                  </li>
                `,
              )}
            </ul>`
          : nothing
      }
      ${
        quote.problems.length
          ? html`<ul part="problems" class="problems">
              ${quote.problems.map((problem) => this.#renderProblem(problem))}
            </ul>`
          : nothing
      }
      <dl part="totals">
        <div>
          <dt>${msg('Subtotal')}</dt>
          <dd>${money(quote.subtotal)}</dd>
        </div>
        <div>
          <dt>${msg('Tax')}</dt>
          <dd>${money(quote.tax)}</dd>
        </div>
        <div>
          <dt>${msg('Shipping')}</dt>
          <dd>${quote.shipping === 0 ? msg('Free') : money(quote.shipping)}</dd>
        </div>
        <div class="grand">
          <dt>${msg('Total')}</dt>
          <dd part="total">${money(quote.total)}</dd>
        </div>
      </dl>
    `;
  }

  #renderProblem(problem: Problem) {
    const name = problem.name ?? this.#actions.nameOf(problem.productId);
    const available = problem.available ?? 0;
    const why =
      problem.reason === 'UNAVAILABLE'
        ? msg('No longer sold.')
        : problem.reason === 'OUT_OF_STOCK' || available === 0
          ? msg('Sold out.')
          : msg(str`Not enough in stock: ${formatNumber(available)} available.`);
    return html`
      <li part="problem">
        <span class="name">${ownDirection(name)}</span>
        <span class="why">${why}</span>
        <span class="fixes">
          ${
            available > 0
              ? html`<button
                  type="button"
                  part="fix-quantity"
                  class="secondary"
                  @click=${() => this.#actions.setQuantity(problem.productId, available)}
                >
                  ${msg(html`Change to ${formatNumber(available)}<span class="visually-hidden">: ${name}</span>`)}
                </button>`
              : nothing
          }
          <button
            type="button"
            part="fix-remove"
            class="secondary"
            @click=${() => this.#actions.remove(problem.productId)}
          >
            ${msg(html`Remove<span class="visually-hidden">: ${name}</span>`)}
          </button>
        </span>
      </li>
    `;
  }
}

/** The confirmation: the order number, its total, and where to see it. */
export function renderDone(placed: Placed, orderHref: string | undefined, onNew: () => void) {
  const { order } = placed;
  const href = orderHref
    ?.replaceAll('{id}', encodeURIComponent(order.id))
    .replaceAll('{number}', encodeURIComponent(order.number));
  return html`
    <div part="confirmation">
      <p>
        ${msg(html`Your order number is <strong part="order-number">${ownDirection(order.number)}</strong>.`)}
      </p>
      <p>${msg(str`Total: ${formatMoney(order.total, order.currency)}`)}</p>
      ${
        placed.addressSaved
          ? html`<p>${msg('We saved the address in your address book.')}</p>`
          : nothing
      }
      <div class="actions">
        ${
          href
            ? html`<a part="view-order" class="button" href=${href}>${msg('View your order')}</a>`
            : nothing
        }
        <button part="new-order" type="button" class="secondary" @click=${onNew}>
          ${msg('Start a new order')}
        </button>
      </div>
    </div>
  `;
}
