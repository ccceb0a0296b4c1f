import { html } from 'lit';
import { msg, str } from '@lit/localize';
import {
  barChart,
  distributionChart,
  lineChart,
  type DayChart,
  type Series,
} from './staff-reports.chart.ts';
import {
  formatCount,
  formatDay,
  formatDuration,
  formatInUnit,
  formatTotals,
  inUnit,
  unitFor,
  unitLabel,
  type Report,
  type ReportDay,
} from './staff-reports.api.ts';

/** The period's totals as a row of figures: what a glance at the page should tell. */
export function renderFigures(report: Report) {
  const { tickets, ratings, chats, orders } = report;
  const figure = (key: string, label: string, value: string) =>
    html`<div part="figure figure-${key}" class="figure">
      <dt>${label}</dt>
      <dd><bdi>${value}</bdi></dd>
    </div>`;
  return html`<dl part="figures" class="figures">
    ${figure('opened', msg('Tickets opened'), formatCount(tickets.opened))}
    ${figure('resolved', msg('Tickets resolved'), formatCount(tickets.resolved))}
    ${figure('first-response', msg('Median first response'), formatDuration(tickets.firstResponse.median))}
    ${figure(
      'rating',
      msg('Average rating'),
      ratings.average === null
        ? msg('no ratings')
        : msg(str`${formatCount(Math.round(ratings.average * 10) / 10)} of 5`),
    )}
    ${figure('chats', msg('Chats'), formatCount(chats.started))}
    ${figure('wait', msg('Median chat wait'), formatDuration(chats.wait.median))}
    ${figure('orders', msg('Orders'), formatCount(orders.count))}
    ${figure('order-total', msg('Order total'), formatTotals(orders.totals))}
  </dl>`;
}

const dayLabel = (day: string) => formatDay(day);

/** "Opened: 6 in all, most on 2 Mar (2)." for each series of counts. */
function countSummary(title: string, days: readonly string[], series: readonly Series[]) {
  const parts = series.map((one) => {
    const values = one.values.map((value) => value ?? 0);
    const total = values.reduce((sum, value) => sum + value, 0);
    if (total === 0) return msg(str`${one.label}: none.`);
    const most = Math.max(...values);
    const day = formatDay(days[values.indexOf(most)]!);
    return msg(
      str`${one.label}: ${formatCount(total)} in all, most on ${day} (${formatCount(most)}).`,
    );
  });
  return `${title}. ${parts.join(' ')}`;
}

/** "Median first response: from 5 min on 3 Mar to 1.5 hr on 2 Mar; 4 days without any." */
function timeSummary(title: string, days: readonly string[], values: readonly (number | null)[]) {
  const known = values.flatMap((value, index) => (value === null ? [] : [{ value, index }]));
  if (known.length === 0) return msg(str`${title}: nothing measured in this period.`);
  const low = known.reduce((a, b) => (b.value < a.value ? b : a));
  const high = known.reduce((a, b) => (b.value > a.value ? b : a));
  const missing = values.length - known.length;
  const range = msg(
    str`${title}: from ${formatDuration(low.value)} on ${formatDay(days[low.index]!)} to ${formatDuration(high.value)} on ${formatDay(days[high.index]!)}.`,
  );
  return missing ? `${range} ${msg(str`Days without any: ${missing}.`)}` : range;
}

function countChart(
  id: string,
  title: string,
  report: Report,
  series: Series[],
  yLabel: string,
): DayChart {
  const days = report.days.map((day) => day.day);
  return {
    id,
    title,
    summary: countSummary(title, days, series),
    days,
    dayLabel,
    xLabel: msg('Day (UTC)'),
    yLabel,
    series,
    format: (value) => formatCount(value),
  };
}

function timeChart(
  id: string,
  title: string,
  report: Report,
  pick: (day: ReportDay) => number | null,
  overall: Report['tickets']['firstResponse'],
): DayChart {
  const days = report.days.map((day) => day.day);
  const seconds = report.days.map(pick);
  const unit = unitFor(Math.max(0, ...seconds.map((value) => value ?? 0)));
  const values = seconds.map((value) => (value === null ? null : inUnit(value, unit)));
  return {
    id,
    title,
    summary: timeSummary(title, days, seconds),
    days,
    dayLabel,
    xLabel: msg('Day (UTC)'),
    yLabel: unitLabel(unit),
    series: [{ label: title, values }],
    format: (value) => formatInUnit(value, unit),
    note:
      overall.count === 0
        ? msg('Nothing measured in this period.')
        : msg(
            str`Median ${formatDuration(overall.median)}, 90th percentile ${formatDuration(overall.p90)}, over ${formatCount(overall.count)}.`,
          ),
  };
}

/** Every chart of the report, in the order the page shows them. */
export function renderCharts(report: Report, rtl: boolean, width: number) {
  const { days, tickets, chats, ratings } = report;
  const column = (pick: (day: ReportDay) => number) => days.map(pick);
  const orders = countChart(
    'orders',
    msg('Orders per day'),
    report,
    [{ label: msg('Orders'), values: column((day) => day.orders) }],
    msg('Orders'),
  );
  orders.extraColumns = [
    { label: msg('Order value'), values: days.map((day) => formatTotals(day.orderTotals)) },
  ];
  const stars = ratings.distribution.map((row) => ({
    label: row.stars === 1 ? msg('1 star') : msg(str`${row.stars} stars`),
    value: row.count,
  }));
  const average =
    ratings.average === null
      ? msg('No ratings in this period.')
      : msg(
          str`Average ${formatCount(Math.round(ratings.average * 10) / 10)} of 5 from ${formatCount(ratings.count)} ratings.`,
        );
  const section = (id: string, title: string, charts: unknown) =>
    html`<section part="section section-${id}" class="section" aria-labelledby="section-${id}">
      <h3 id="section-${id}">${title}</h3>
      <div class="charts">${charts}</div>
    </section>`;
  return html`
    ${section(
      'tickets',
      msg('Tickets'),
      html`${barChart(
        countChart(
          'tickets',
          msg('Tickets opened and resolved per day'),
          report,
          [
            { label: msg('Opened'), values: column((day) => day.ticketsOpened) },
            { label: msg('Resolved'), values: column((day) => day.ticketsResolved) },
          ],
          msg('Tickets'),
        ),
        width,
      )}
      ${lineChart(
        timeChart(
          'first-response',
          msg('First response, daily median'),
          report,
          (day) => day.firstResponseMedian,
          tickets.firstResponse,
        ),
        width,
      )}
      ${lineChart(
        timeChart(
          'resolution',
          msg('Resolution time, daily median'),
          report,
          (day) => day.resolutionMedian,
          tickets.resolution,
        ),
        width,
      )}
      ${distributionChart(
        {
          id: 'ratings',
          title: msg('Satisfaction ratings'),
          summary: `${msg('Satisfaction ratings')}. ${stars
            .map((row) => `${row.label}: ${formatCount(row.value)}`)
            .join(', ')}. ${average}`,
          labelHeading: msg('Rating'),
          valueHeading: msg('Ratings'),
          rows: stars,
          format: (value) => formatCount(value),
          note: average,
        },
        rtl,
        width,
      )}`,
    )}
    ${section(
      'chats',
      msg('Chats'),
      html`${barChart(
        countChart(
          'chats',
          msg('Chats per day'),
          report,
          [
            { label: msg('Started'), values: column((day) => day.chats) },
            { label: msg('Picked up by an agent'), values: column((day) => day.chatsPicked) },
          ],
          msg('Chats'),
        ),
        width,
      )}
      ${lineChart(
        timeChart(
          'wait',
          msg('Chat wait, daily median'),
          report,
          (day) => day.chatWaitMedian,
          chats.wait,
        ),
        width,
      )}`,
    )}
    ${section('orders', msg('Orders'), barChart(orders, width))}
  `;
}
