import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';

/**
 * A small SVG chart renderer: bars for counts per day, lines for times per day, horizontal bars
 * for a distribution. Each chart is a figure with a title, a legend, the drawing (`role="img"`
 * with a summary) and the same numbers as a table, hidden until asked for but always there for
 * screen readers. Days run left to right in every language; the words around them follow the
 * page's direction. Colours come from classes (`series-0`, `series-1`) the styles map to brand
 * tokens, and the two series also differ by shape (solid or outlined bars, solid or dashed
 * lines, dots or squares), so they stay apart in forced colours and in greyscale.
 */

export interface Series {
  label: string;
  /** One value per day; null where nothing was measured. */
  values: readonly (number | null)[];
}

export interface DayChart {
  id: string;
  title: string;
  /** What the drawing says, for `aria-label`. */
  summary: string;
  /** X labels, one per value (days). */
  days: readonly string[];
  /** The days as the axis and table say them. */
  dayLabel: (day: string) => string;
  xLabel: string;
  yLabel: string;
  series: readonly Series[];
  /** A value as the axis ticks and the table write it. */
  format: (value: number) => string;
  /** A line under the drawing, such as the median and 90th percentile. */
  note?: string;
  /** Extra columns for the table only (such as order value), one text per day. */
  extraColumns?: readonly { label: string; values: readonly string[] }[];
}

export interface Distribution {
  id: string;
  title: string;
  summary: string;
  /** The row heading of the table ("Stars"). */
  labelHeading: string;
  valueHeading: string;
  rows: readonly { label: string; value: number }[];
  format: (value: number) => string;
  note?: string;
}

/**
 * The drawing's coordinate box. Its width follows the chart's width on screen (the element
 * measures it), so one unit is about one pixel and the labels keep the size of the text around
 * them; the SVG still scales by its viewBox until the next measure.
 */
export interface Box {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export function boxOf(width: number): Box {
  const height = Math.round(Math.min(Math.max(width * 0.55, 180), 260));
  return { width, height, left: 44, right: width - 8, top: 24, bottom: height - 36 };
}

/** Round tick values from zero to at least `max`: steps of 1, 2 or 5 times a power of ten. */
export function niceTicks(max: number, target = 4, integers = false): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / target;
  const power = 10 ** Math.floor(Math.log10(rough));
  let step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= rough)!;
  if (integers) step = Math.max(1, Math.ceil(step));
  const ticks: number[] = [];
  for (let value = 0; value < max + step; value += step) {
    ticks.push(Number(value.toPrecision(12)));
    if (value >= max) break;
  }
  return ticks;
}

/** Which days get a label under the axis: about five, evenly spread, the first always. */
export function labelledDays(count: number, wanted = 5): number[] {
  if (count <= wanted) return Array.from({ length: count }, (_, index) => index);
  const step = Math.ceil(count / wanted);
  const indexes: number[] = [];
  for (let index = 0; index < count; index += step) indexes.push(index);
  return indexes;
}

function frame(chart: DayChart, box: Box, ticks: number[], top: number) {
  const y = (value: number) => box.bottom - (value / top) * (box.bottom - box.top);
  const slot = (box.right - box.left) / Math.max(chart.days.length, 1);
  return svg`
    <text class="axis-label" x="0" y="12">${chart.yLabel}</text>
    ${ticks.map(
      (tick) => svg`
        <line class="grid" x1=${box.left} x2=${box.right} y1=${y(tick)} y2=${y(tick)}></line>
        <text class="tick" x=${box.left - 4} y=${y(tick)} text-anchor="end" dominant-baseline="middle">${chart.format(tick)}</text>`,
    )}
    <line class="axis" x1=${box.left} x2=${box.right} y1=${box.bottom} y2=${box.bottom}></line>
    ${labelledDays(chart.days.length, Math.max(2, Math.floor((box.right - box.left) / 64))).map(
      (index) => {
        const x = box.left + slot * (index + 0.5);
        return svg`
        <line class="axis" x1=${x} x2=${x} y1=${box.bottom} y2=${box.bottom + 4}></line>
        <text class="tick" x=${x} y=${box.bottom + 16} text-anchor="middle">${chart.dayLabel(chart.days[index]!)}</text>`;
      },
    )}
    <text class="axis-label" x=${(box.left + box.right) / 2} y=${box.height - 3} text-anchor="middle">${chart.xLabel}</text>
  `;
}

function scaleOf(chart: DayChart, integers: boolean) {
  const max = Math.max(0, ...chart.series.flatMap((s) => s.values.filter((v) => v !== null)));
  const ticks = niceTicks(max, 4, integers);
  return { ticks, top: ticks.at(-1)! };
}

/** Bars per day, the series side by side. */
export function barChart(chart: DayChart, width: number): TemplateResult {
  const box = boxOf(width);
  const plotHeight = box.bottom - box.top;
  const { ticks, top } = scaleOf(chart, true);
  const slot = (box.right - box.left) / Math.max(chart.days.length, 1);
  const group = slot * 0.8;
  const barWidth = group / chart.series.length;
  const bars = chart.series.flatMap((series, s) =>
    series.values.map((value, day) => {
      if (!value) return nothing;
      const height = (value / top) * plotHeight;
      const x = box.left + slot * day + (slot - group) / 2 + barWidth * s;
      return svg`<rect class="bar series-${s}" x=${x} y=${box.bottom - height}
        width=${Math.max(barWidth - 0.5, 0.5)} height=${height}></rect>`;
    }),
  );
  return figure(chart, box, svg`${frame(chart, box, ticks, top)}${bars}`);
}

/** A line per series through the days that have a value; a gap where a day has none. */
export function lineChart(chart: DayChart, width: number): TemplateResult {
  const box = boxOf(width);
  const { ticks, top } = scaleOf(chart, false);
  const slot = (box.right - box.left) / Math.max(chart.days.length, 1);
  const point = (value: number, day: number) =>
    [box.left + slot * (day + 0.5), box.bottom - (value / top) * (box.bottom - box.top)] as const;
  const drawn = chart.series.map((series, s) => {
    let path = '';
    let previous = false;
    series.values.forEach((value, day) => {
      if (value === null) {
        previous = false;
        return;
      }
      const [x, y] = point(value, day);
      path += `${previous ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`;
      previous = true;
    });
    const marks = series.values.map((value, day) => {
      if (value === null) return nothing;
      const [x, y] = point(value, day);
      return s === 0
        ? svg`<circle class="mark series-${s}" cx=${x} cy=${y} r="2.5"></circle>`
        : svg`<rect class="mark series-${s}" x=${x - 2.5} y=${y - 2.5} width="5" height="5"></rect>`;
    });
    return svg`<path class="line series-${s}" d=${path || 'M0 0'}></path>${marks}`;
  });
  return figure(chart, box, svg`${frame(chart, box, ticks, top)}${drawn}`);
}

/** Horizontal bars, one per row, growing from the start side (the right in RTL). */
export function distributionChart(
  chart: Distribution,
  rtl: boolean,
  width: number,
): TemplateResult {
  const rowHeight = 24;
  const height = chart.rows.length * rowHeight + 8;
  const labelWidth = 60;
  const valueWidth = 36;
  const barSpace = width - labelWidth - valueWidth;
  const max = Math.max(1, ...chart.rows.map((row) => row.value));
  const rows = chart.rows.map((row, index) => {
    const y = 4 + index * rowHeight;
    const length = (row.value / max) * barSpace;
    const labelX = rtl ? width : 0;
    const barX = rtl ? width - labelWidth - length : labelWidth;
    const valueX = rtl ? width - labelWidth - length - 4 : labelWidth + length + 4;
    return svg`
      <text class="tick" x=${labelX} y=${y + rowHeight / 2} dominant-baseline="middle"
        text-anchor=${rtl ? 'end' : 'start'}>${row.label}</text>
      <rect class="bar series-0" x=${barX} y=${y + 4} width=${Math.max(length, 0)} height=${rowHeight - 8}></rect>
      <text class="tick value" x=${valueX} y=${y + rowHeight / 2} dominant-baseline="middle"
        text-anchor=${rtl ? 'end' : 'start'}>${chart.format(row.value)}</text>`;
  });
  const table = html`<table>
    <caption>
      ${chart.title}
    </caption>
    <thead>
      <tr>
        <th scope="col">${chart.labelHeading}</th>
        <th scope="col">${chart.valueHeading}</th>
      </tr>
    </thead>
    <tbody>
      ${chart.rows.map(
        (row) =>
          html`<tr>
            <th scope="row">${row.label}</th>
            <td>${chart.format(row.value)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
  return wrap(chart, nothing, drawing(chart.summary, width, height, svg`${rows}`), table);
}

function figure(chart: DayChart, box: Box, content: SVGTemplateResult): TemplateResult {
  const legend =
    chart.series.length > 1
      ? html`<ul part="legend" class="legend">
          ${chart.series.map(
            (series, s) =>
              html`<li>
                <span class="swatch series-${s}" aria-hidden="true"></span>${series.label}
              </li>`,
          )}
        </ul>`
      : nothing;
  const table = html`<table>
    <caption>
      ${chart.title}
    </caption>
    <thead>
      <tr>
        <th scope="col">${chart.xLabel}</th>
        ${chart.series.map((series) => html`<th scope="col">${series.label}</th>`)}
        ${(chart.extraColumns ?? []).map((column) => html`<th scope="col">${column.label}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${chart.days.map(
        (day, index) =>
          html`<tr>
            <th scope="row">${chart.dayLabel(day)}</th>
            ${chart.series.map((series) => {
              const value = series.values[index];
              return html`<td>
                ${value === null || value === undefined ? '—' : chart.format(value)}
              </td>`;
            })}
            ${(chart.extraColumns ?? []).map((column) => html`<td>${column.values[index]}</td>`)}
          </tr>`,
      )}
    </tbody>
  </table>`;
  return wrap(chart, legend, drawing(chart.summary, box.width, box.height, content), table);
}

function drawing(summary: string, width: number, height: number, content: SVGTemplateResult) {
  return html`<svg
    part="drawing"
    class="drawing"
    role="img"
    aria-label=${summary}
    viewBox="0 0 ${width} ${height}"
    direction="ltr"
    preserveAspectRatio="xMidYMid meet"
  >
    ${content}
  </svg>`;
}

function wrap(
  chart: { id: string; title: string; note?: string },
  legend: TemplateResult | typeof nothing,
  picture: TemplateResult,
  table: TemplateResult,
): TemplateResult {
  const { id, title, note } = chart;
  return html`<figure part="chart chart-${id}" class="chart" aria-labelledby="${id}-title">
    <figcaption id="${id}-title" part="chart-title" class="chart-title">${title}</figcaption>
    ${legend} ${picture} ${note ? html`<p part="note" class="hint">${note}</p>` : nothing}
    <details part="table-toggle" class="as-table">
      <summary>${msg('Show as table')}</summary>
      <div class="table-scroll">${table}</div>
    </details>
  </figure>`;
}
