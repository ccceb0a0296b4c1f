import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import type { PorticoApi } from '../api/client.ts';
import { statementCsv, type DownloadController } from '../shared/download.ts';
import { localDay } from './account-billing.api.ts';

/** A statement's period, both days included, as `YYYY-MM-DD`. */
export interface StatementRange {
  from: string;
  to: string;
}

/** The statement's default period: this year so far, in the customer's time zone. */
export function thisYearSoFar(today = new Date()): StatementRange {
  return { from: `${today.getFullYear()}-01-01`, to: localDay(today) };
}

export interface StatementForm {
  api: PorticoApi;
  downloads: DownloadController;
  range: StatementRange;
  /** One of the dates changed; the element keeps the range. */
  onChange(name: keyof StatementRange, value: string): void;
}

/**
 * The account statement for a period as CSV: the opening balance, every invoice, payment and
 * credit note with the running balance, and the closing balance. The browser checks the dates
 * (`min`/`max` keep the start before the end) before the form submits.
 */
export function renderStatement({ api, downloads, range, onChange }: StatementForm) {
  const request = statementCsv(api, range.from, range.to);
  const onInput = (event: Event) => {
    const input = event.target as HTMLInputElement;
    onChange(input.name as keyof StatementRange, input.value);
  };
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    void downloads.start(api, request);
  };
  return html`
    <section class="block" aria-labelledby="statement-title">
      <h3 id="statement-title">${msg('Account statement')}</h3>
      <form part="statement" @submit=${onSubmit}>
        <p class="hint">
          ${msg(
            'A spreadsheet (CSV) of your invoices, payments and credits in the period, with the balance after each.',
          )}
        </p>
        <div class="dates">
          <label>
            ${msg('From')}
            <input
              part="statement-from"
              type="date"
              name="from"
              required
              max=${range.to}
              .value=${live(range.from)}
              @input=${onInput}
            />
          </label>
          <label>
            ${msg('To')}
            <input
              part="statement-to"
              type="date"
              name="to"
              required
              min=${range.from}
              .value=${live(range.to)}
              @input=${onInput}
            />
          </label>
        </div>
        <div class="buttons">
          ${downloads.render(api, request, {
            label: msg('Download statement (CSV)'),
            part: 'statement-download',
            className: 'primary',
            submit: true,
          })}
        </div>
      </form>
    </section>
  `;
}
