import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { TaskStatus } from '@lit/task';
import type { Choices, Draft } from './ticket-new.ts';
import {
  describedBy,
  missingOrderText,
  orderLabel,
  renderProblem,
  type Field,
} from './ticket-new.fields.ts';
import {
  TICKET_PRIORITIES,
  kindLabel,
  priorityLabel,
  renderTaskError,
  type OrderOption,
  type TicketKind,
} from './ticket-list.api.ts';

type Problems = Partial<Record<Field, string>>;

function kindHint(kind: TicketKind): string {
  switch (kind) {
    case 'question':
      return msg('You want to know something.');
    case 'complaint':
      return msg('Something went wrong and you want it put right.');
    case 'concern':
      return msg('Something worries you and you want us to know.');
  }
}

/**
 * The kind as a radio group of the kinds the vendor takes; the category, only when the vendor
 * has some; the priority.
 */
export function renderDetailsFields(
  draft: Draft,
  { categories, kinds }: Pick<Choices, 'categories' | 'kinds'>,
  problems: Problems,
) {
  return html`
    <fieldset part="kind" class="kinds" aria-describedby=${describedBy('kind', problems.kind)}>
      <legend>${msg('What is it?')}</legend>
      ${kinds.map(
        (kind) => html`
          <label class="choice">
            <input
              type="radio"
              name="kind"
              value=${kind}
              .checked=${draft.kind === kind}
              aria-describedby="kind-${kind}-hint"
            />
            <span>
              <span class="choice-label">${kindLabel(kind)}</span>
              <span id="kind-${kind}-hint" class="hint">${kindHint(kind)}</span>
            </span>
          </label>
        `,
      )}
      ${renderProblem('kind', problems.kind)}
    </fieldset>
    <div class="pair">
      ${
        categories.length
          ? html`<div class="field">
              <label for="category">${msg('Category')}</label>
              <select
                id="category"
                part="category"
                name="category"
                aria-invalid=${problems.category ? 'true' : nothing}
                aria-describedby=${describedBy('category', problems.category)}
              >
                <option value="" ?selected=${draft.category === ''}>${msg('Not sure')}</option>
                ${categories.map(
                  (category) =>
                    html`<option value=${category} ?selected=${draft.category === category}>
                      ${category}
                    </option>`,
                )}
              </select>
              ${renderProblem('category', problems.category)}
            </div>`
          : nothing
      }
      <div class="field">
        <label for="priority">${msg('Priority')}</label>
        <select
          id="priority"
          part="priority-select"
          name="priority"
          aria-invalid=${problems.priority ? 'true' : nothing}
          aria-describedby=${describedBy('priority', problems.priority)}
        >
          ${TICKET_PRIORITIES.map(
            (priority) =>
              html`<option value=${priority} ?selected=${draft.priority === priority}>
                ${priorityLabel(priority)}
              </option>`,
          )}
        </select>
        ${renderProblem('priority', problems.priority)}
      </div>
    </div>
  `;
}

/**
 * The order the ticket is about, among the customer's latest orders. `link` is the read of the
 * order the page's link named: while it runs the select waits, and when that order is not the
 * customer's the field says so.
 */
export function renderOrderField(
  draft: Draft,
  orders: OrderOption[],
  link: { status: TaskStatus; value?: OrderOption | null | undefined; error: unknown; run(): void },
  problem: string | undefined,
  linkedNumber: string | null,
) {
  const missing = link.status === TaskStatus.COMPLETE && link.value === null && linkedNumber;
  const hint = missing ? 'order-missing' : undefined;
  return html`
    <div class="field">
      <label for="order">${msg('About an order (optional)')}</label>
      <select
        id="order"
        part="order-select"
        name="orderId"
        aria-busy=${link.status === TaskStatus.PENDING ? 'true' : 'false'}
        aria-invalid=${problem ? 'true' : nothing}
        aria-describedby=${describedBy('orderId', problem, hint)}
      >
        <option value="" ?selected=${draft.orderId === ''}>${msg('No order')}</option>
        ${orders.map(
          (order) =>
            html`<option value=${order.id} ?selected=${draft.orderId === order.id}>
              ${orderLabel(order)}
            </option>`,
        )}
      </select>
      ${
        missing
          ? html`<span part="order-missing" id="order-missing" class="hint"
              >${missingOrderText(linkedNumber)}</span
            >`
          : nothing
      }
      ${renderProblem('orderId', problem)} ${renderTaskError(link, () => link.run())}
    </div>
  `;
}
