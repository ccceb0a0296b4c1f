import { html, nothing, type ReactiveControllerHost } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { msg } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { renderTaskError } from '../shared/task.ts';
import {
  daysOf,
  daysText,
  errorsFor,
  fieldErrorsOf,
  type NoticesEffects,
  type ReminderRules,
} from './staff-notices.api.ts';

export interface RulesHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
}

/** Each field that may be refused, and the control that takes focus for it. */
const FIELD_IDS: [string, string][] = [
  ['invoiceDue', 'due-days'],
  ['invoiceOverdue', 'overdue-days'],
  ['orderDelayed', 'delayed-enabled'],
  ['promiseDays', 'promise-days'],
];

/**
 * The reminder rules: invoice due (on, and how many days before the due date), overdue (on, and
 * how many days after), delayed orders (on), and the days from placing an order to the promised
 * delivery. Administrators change them; agents see them.
 */
export class RulesForm {
  fields: Record<string, string[]> = {};
  readonly saveTask: Task<[PorticoApi, ReminderRules], ReminderRules>;
  readonly #host: RulesHost;
  #rules: ReminderRules | null = null;
  /** Bumped when rules arrive from the server: the form shows them afresh. */
  #key = 0;

  constructor(host: RulesHost, effects: NoticesEffects) {
    this.#host = host;
    this.saveTask = new Task(host, {
      autoRun: false,
      task: async ([api, rules], { signal }) => {
        try {
          const saved = await api.trpc.staff.reminder.setRules.mutate(rules, { signal });
          this.load(saved);
          effects.announce(msg('The reminder rules are saved.'));
          return saved;
        } catch (error) {
          this.fields = fieldErrorsOf(error);
          const first = FIELD_IDS.find(([field]) => errorsFor(this.fields, field));
          if (first) effects.focusSoon(`#${first[1]}`);
          throw error;
        }
      },
    });
  }

  /** Shows `rules` as the server has them. */
  load(rules: ReminderRules): void {
    this.#rules = rules;
    this.fields = {};
    this.#key += 1;
    this.#host.requestUpdate();
  }

  get loaded(): boolean {
    return this.#rules !== null;
  }

  render(canChange: boolean) {
    const rules = this.#rules;
    if (!rules) return nothing;
    const saving = this.saveTask.status === TaskStatus.PENDING;
    return keyed(
      this.#key,
      html`<form part="rules-form" class="subform" novalidate @submit=${this.#submit}>
        ${
          canChange
            ? nothing
            : html`<p part="rules-admin-only" class="hint">
                ${msg('Only administrators can change the reminder rules.')}
              </p>`
        }
        <fieldset class="plain" ?disabled=${!canChange}>
          <legend class="visually-hidden">${msg('Reminder rules')}</legend>
          ${this.#rule(
            'invoiceDue',
            'due',
            msg('Remind customers of invoices coming due'),
            rules.invoiceDue.enabled,
            { label: msg('Days before the due date'), days: rules.invoiceDue.daysBefore },
          )}
          ${this.#rule(
            'invoiceOverdue',
            'overdue',
            msg('Remind customers of overdue invoices'),
            rules.invoiceOverdue.enabled,
            { label: msg('Days after the due date'), days: rules.invoiceOverdue.daysAfter },
          )}
          ${this.#rule(
            'orderDelayed',
            'delayed',
            msg('Tell customers when an order passes its promised delivery date'),
            rules.orderDelayed.enabled,
          )}
          <div class="field">
            <label>
              ${msg('Promised delivery, in days after the order')}
              <input
                id="promise-days"
                part="promise-days"
                name="promiseDays"
                type="number"
                inputmode="numeric"
                min="0"
                step="1"
                aria-invalid=${errorsFor(this.fields, 'promiseDays') ? 'true' : 'false'}
                aria-describedby="promise-days-hint ${errorsFor(this.fields, 'promiseDays') ? 'promiseDays-error' : ''}"
                .value=${rules.promiseDays === null ? '' : String(rules.promiseDays)}
              />
            </label>
            <p id="promise-days-hint" class="hint">
              ${msg('A new order is promised for this many days after it is placed. Empty: no promise unless staff set one.')}
            </p>
            ${this.#fieldError('promiseDays')}
          </div>
        </fieldset>
        ${renderTaskError(this.saveTask)}
        ${
          canChange
            ? html`<div class="actions">
                <button
                  part="save-rules"
                  type="submit"
                  class="primary"
                  aria-busy=${saving ? 'true' : 'false'}
                  ?disabled=${saving}
                >
                  ${msg('Save reminder rules')}
                </button>
              </div>`
            : nothing
        }
      </form>`,
    );
  }

  #rule(
    field: string,
    id: string,
    label: string,
    enabled: boolean,
    days?: { label: string; days: readonly number[] },
  ) {
    const daysField = field === 'invoiceDue' ? 'daysBefore' : 'daysAfter';
    const error = days ? errorsFor(this.fields, `${field}.${daysField}`) : '';
    const other = errorsFor(this.fields, field).replace(error, '').trim();
    return html`<div part="rule rule-${id}" class="rule">
      <label class="check">
        <input
          id="${id}-enabled"
          part="${id}-enabled"
          type="checkbox"
          name="${field}.enabled"
          .checked=${enabled}
        />
        <span>${label}</span>
      </label>
      ${
        days
          ? html`<label>
                ${days.label}
                <input
                  id="${id}-days"
                  part="${id}-days"
                  name="${field}.${daysField}"
                  inputmode="numeric"
                  autocomplete="off"
                  maxlength="100"
                  aria-invalid=${error ? 'true' : 'false'}
                  aria-describedby="${id}-days-hint ${error ? `${field}-error` : ''}"
                  .value=${daysText(days.days)}
                />
              </label>
              <p id="${id}-days-hint" class="hint">
                ${msg('Whole numbers separated by commas, such as 7, 1.')}
              </p>`
          : nothing
      }
      ${
        error || other
          ? html`<p part="field-error" id="${field}-error" class="field-error">
              ${[error, other].filter(Boolean).join(' ')}
            </p>`
          : nothing
      }
    </div>`;
  }

  #fieldError(field: string) {
    const error = errorsFor(this.fields, field);
    return error
      ? html`<p part="field-error" id="${field}-error" class="field-error">${error}</p>`
      : nothing;
  }

  readonly #submit = (event: SubmitEvent): void => {
    event.preventDefault();
    const api = this.#host.api;
    if (!api || this.saveTask.status === TaskStatus.PENDING) return;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const before = daysOf(text('invoiceDue.daysBefore'));
    const after = daysOf(text('invoiceOverdue.daysAfter'));
    const promise = text('promiseDays');
    const fields: Record<string, string[]> = {};
    const wholeDays = msg('Enter whole numbers of days separated by commas, such as 7, 1.');
    if (!before) fields['invoiceDue.daysBefore'] = [wholeDays];
    if (!after) fields['invoiceOverdue.daysAfter'] = [wholeDays];
    if (promise && !/^\d{1,4}$/.test(promise)) {
      fields.promiseDays = [msg('Enter a whole number of days, or leave it empty.')];
    }
    if (!before || !after || fields.promiseDays) {
      this.fields = fields;
      this.#host.requestUpdate();
      const first = FIELD_IDS.find(([field]) => errorsFor(fields, field));
      void this.#host.updateComplete.then(() =>
        form.querySelector<HTMLElement>(`#${first?.[1]}`)?.focus(),
      );
      return;
    }
    this.fields = {};
    void this.saveTask.run([
      api,
      {
        invoiceDue: { enabled: data.has('invoiceDue.enabled'), daysBefore: before },
        invoiceOverdue: { enabled: data.has('invoiceOverdue.enabled'), daysAfter: after },
        orderDelayed: { enabled: data.has('orderDelayed.enabled') },
        promiseDays: promise ? Number(promise) : null,
      },
    ]);
  };
}
