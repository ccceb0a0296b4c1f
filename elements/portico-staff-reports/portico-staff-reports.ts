import { html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import { formStyles, hostStyles } from '../shared/host.styles.ts';
import { StaffView } from '../shared/staff-view.ts';
import { renderTaskError } from '../shared/task.ts';
import { viewStyles } from '../shared/view.styles.ts';
import {
  MAX_DAYS,
  PRESETS,
  periodLabel,
  presetLabel,
  utcToday,
  type PeriodInput,
  type Preset,
} from './staff-reports.api.ts';
import { renderCharts, renderFigures } from './staff-reports.figures.ts';
import { styles } from './portico-staff-reports.styles.ts';

/**
 * The staff reports: tickets opened and resolved, first-response and resolution times,
 * satisfaction ratings, chats and their waits, and orders, per UTC day over a period the agent
 * picks (the last 7, 30 or 90 days, or two dates), with the period's totals above the charts.
 * Every chart can also be read as a table.
 *
 * @summary Charts of tickets, response times, ratings, chats and orders over a period.
 * @csspart reports - The whole view for a signed-in staff member.
 * @csspart period - The period picker form.
 * @csspart preset - The period choice (last 7, 30, 90 days or dates).
 * @csspart from - The first day of a chosen period.
 * @csspart to - The last day of a chosen period.
 * @csspart apply - The button that shows the chosen dates.
 * @csspart period-label - The period shown, with its days in UTC.
 * @csspart figures - The period's totals.
 * @csspart figure - One total (also `figure-<name>`: opened, resolved, first-response, rating, chats, wait, orders, order-total).
 * @csspart section - A group of charts (also `section-<name>`: tickets, chats, orders).
 * @csspart chart - One chart (also `chart-<id>`: tickets, first-response, resolution, ratings, chats, wait, orders).
 * @csspart chart-title - A chart's title.
 * @csspart legend - The names of a chart's series.
 * @csspart drawing - A chart's SVG drawing (`role="img"`, its summary as the label).
 * @csspart table-toggle - "Show as table" and the chart's numbers.
 * @csspart note - The line under a chart: median and 90th percentile, or the average rating.
 * @csspart error - A failure, with `role="alert"`.
 * @csspart retry - "Try again".
 * @csspart signed-out - The line shown to anyone not signed in as staff.
 * @cssproperty --gap - Space between blocks. Default: `var(--portico-space, 1rem)`.
 * @cssproperty --chart-min - The narrowest a chart gets before the charts stack. Default: `24rem`.
 */
@customElement('portico-staff-reports')
@localized()
export class PorticoStaffReports extends StaffView {
  static override styles = [hostStyles, formStyles, viewStyles, styles];

  @state() private preset: Preset = '30';
  @state() private period: PeriodInput = { days: 30 };
  @state() private announcement = '';
  /** How wide a chart is on screen, so a drawing's unit is about a pixel. */
  @state() private chartWidth = 320;

  // The new width is drawn in the next frame, not inside the observer: redrawing changes the
  // drawing's height, which the observer would otherwise report again in the same frame.
  private readonly resizeObserver = new ResizeObserver((entries) => {
    const width = entries[0]?.contentRect.width ?? 0;
    if (width <= 0 || Math.abs(width - this.chartWidth) <= 4) return;
    requestAnimationFrame(() => {
      this.chartWidth = Math.round(Math.min(Math.max(width, 200), 900));
    });
  });
  private measured: Element | null = null;

  private reportTask = new Task(this, {
    args: () => [this.api, this.staffId, this.period] as const,
    task: async ([api, staffId, period], { signal }) => {
      if (!api || !staffId) return initialState;
      const report = await api.trpc.staff.report.overview.query(period, { signal });
      this.announcement = msg(str`Showing ${periodLabel(report.period)}, days in UTC.`);
      return report;
    },
  });

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const chart = this.renderRoot.querySelector('.chart .drawing');
    if (chart === this.measured) return;
    if (this.measured) this.resizeObserver.unobserve(this.measured);
    this.measured = chart;
    if (chart) this.resizeObserver.observe(chart);
  }

  override disconnectedCallback(): void {
    this.resizeObserver.disconnect();
    this.measured = null;
    super.disconnectedCallback();
  }

  override render() {
    if (!this.staffId) {
      return this.renderNotStaff(msg('Sign in with a staff account to see reports.'));
    }
    const report = this.reportTask.value;
    const loading = this.reportTask.status === TaskStatus.PENDING;
    return html`
      <section
        part="reports"
        class="reports"
        aria-labelledby="reports-title"
        aria-busy=${loading ? 'true' : 'false'}
      >
        <div class="head">
          <h2 id="reports-title" tabindex="-1">${msg('Reports')}</h2>
          ${this.renderPicker()}
        </div>
        <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
        ${renderTaskError(this.reportTask, () => void this.reportTask.run())}
        ${
          report
            ? html`<p part="period-label" class="hint">
                  ${msg(str`${periodLabel(report.period)}. Days are UTC days.`)}
                </p>
                ${renderFigures(report)}
                ${renderCharts(report, this.matches(':dir(rtl)'), this.chartWidth)}`
            : this.reportTask.status === TaskStatus.ERROR
              ? nothing
              : html`<p role="status" class="hint">${msg('Loading reports…')}</p>`
        }
      </section>
    `;
  }

  private renderPicker() {
    const custom = this.preset === 'custom';
    const today = utcToday();
    const from = 'from' in this.period ? this.period.from : '';
    const to = 'to' in this.period ? this.period.to : '';
    return html`<form
      part="period"
      class="period"
      aria-label=${msg('Report period')}
      @submit=${this.handleApply}
      @change=${this.handlePreset}
    >
      <label>
        ${msg('Period')}
        <select part="preset" name="preset">
          ${PRESETS.map(
            (preset) =>
              html`<option value=${preset} ?selected=${preset === this.preset}>
                ${presetLabel(preset)}
              </option>`,
          )}
        </select>
      </label>
      ${
        custom
          ? html`<label>
                ${msg('From (UTC)')}
                <input part="from" name="from" type="date" required max=${today} .value=${from} />
              </label>
              <label>
                ${msg('To (UTC)')}
                <input part="to" name="to" type="date" required max=${today} .value=${to} />
              </label>
              <button part="apply" type="submit" class="primary">${msg('Show')}</button>
              <p class="hint wide">${msg(str`At most ${MAX_DAYS} days.`)}</p>`
          : nothing
      }
    </form>`;
  }

  private handlePreset = (event: Event): void => {
    const select = event.target as HTMLSelectElement;
    if (select.name !== 'preset') return;
    const preset = select.value as Preset;
    this.preset = preset;
    if (preset !== 'custom') {
      this.period = { days: Number(preset) };
      return;
    }
    const shown = this.reportTask.value?.period;
    if (shown) this.period = { from: shown.from, to: shown.to };
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLInputElement>("[part~='from']")?.focus(),
    );
  };

  private handleApply = (event: SubmitEvent): void => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const from = String(data.get('from') ?? '');
    const to = String(data.get('to') ?? '');
    if (!from || !to) return;
    this.period = { from, to };
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-staff-reports': PorticoStaffReports;
  }
}
