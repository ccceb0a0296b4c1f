import { css } from 'lit';

export const styles = css`
  :host {
    display: block !important;
    container-type: inline-size !important;
    --gap: var(--_space);
    --chart-min: calc(24 * var(--_portico-rem));
    --_series-0: var(--_brand);
    --_series-1: var(--_text);
  }

  .reports,
  .section {
    display: grid;
    gap: calc(var(--gap) * 0.75);
    min-inline-size: 0;
  }

  .reports {
    gap: var(--gap);
  }

  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    justify-content: space-between;
    gap: calc(0.75 * var(--_portico-rem));
  }

  h3 {
    margin: 0;
    font-size: calc(1.0625 * var(--_portico-rem));
  }

  .period {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: calc(0.5 * var(--_portico-rem));
    min-inline-size: 0;
  }

  .period label {
    flex: 1 1 calc(9 * var(--_portico-rem));
  }

  .period .wide {
    flex-basis: 100%;
  }

  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 8 * var(--_portico-rem)), 1fr));
    gap: calc(0.5 * var(--_portico-rem));
    margin: 0;
  }

  .figure {
    display: grid;
    gap: calc(0.125 * var(--_portico-rem));
    padding: calc(0.625 * var(--_portico-rem)) calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .figure dt {
    color: var(--_muted);
    font-size: calc(0.875 * var(--_portico-rem));
  }

  .figure dd {
    margin: 0;
    font-size: calc(1.25 * var(--_portico-rem));
    font-weight: 700;
    overflow-wrap: anywhere;
  }

  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--chart-min)), 1fr));
    gap: var(--gap);
  }

  .chart {
    display: grid;
    gap: calc(0.375 * var(--_portico-rem));
    margin: 0;
    min-inline-size: 0;
    padding: calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .chart > *,
  .head > * {
    min-inline-size: 0;
  }

  .chart-title {
    font-weight: 600;
  }

  .drawing {
    display: block;
    inline-size: 100%;
    block-size: auto;
    overflow: visible;
  }

  .drawing text {
    fill: var(--_text);
    font-family: var(--_font);
    font-size: 12px;
  }

  .drawing .axis-label {
    fill: var(--_muted);
  }

  .drawing .grid {
    stroke: var(--_border);
    stroke-width: 0.5;
  }

  .drawing .axis {
    stroke: var(--_text);
    stroke-width: 1;
  }

  .bar.series-0,
  .mark.series-0 {
    fill: var(--_series-0);
  }

  .bar.series-1,
  .mark.series-1 {
    fill: var(--_surface);
    stroke: var(--_series-1);
    stroke-width: 1.25;
  }

  .line {
    fill: none;
    stroke-width: 2;
    stroke-linejoin: round;
  }

  .line.series-0 {
    stroke: var(--_series-0);
  }

  .line.series-1 {
    stroke: var(--_series-1);
    stroke-dasharray: 5 3;
  }

  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.25 * var(--_portico-rem)) var(--_portico-rem);
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: calc(0.875 * var(--_portico-rem));
  }

  .legend li {
    display: inline-flex;
    align-items: center;
    gap: calc(0.375 * var(--_portico-rem));
  }

  .swatch {
    display: inline-block;
    inline-size: calc(0.875 * var(--_portico-rem));
    block-size: calc(0.875 * var(--_portico-rem));
    border: 2px solid var(--_series-0);
    background: var(--_series-0);
  }

  .swatch.series-1 {
    border-color: var(--_series-1);
    background: var(--_surface);
  }

  .as-table summary {
    cursor: pointer;
    color: var(--_brand);
    font-size: calc(0.875 * var(--_portico-rem));
    min-block-size: 44px;
    display: flex;
    align-items: center;
  }

  .table-scroll {
    overflow-x: auto;
  }

  table {
    border-collapse: collapse;
    font-size: calc(0.875 * var(--_portico-rem));
    inline-size: 100%;
  }

  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: calc(0.25 * var(--_portico-rem));
  }

  th,
  td {
    padding: calc(0.25 * var(--_portico-rem)) calc(0.5 * var(--_portico-rem));
    border-block-end: 1px solid var(--_border);
    text-align: start;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  /* Colours give way to the system's; solid against outlined, dots against squares and a dashed
     line keep the series apart. */
  @media (forced-colors: active) {
    .drawing {
      forced-color-adjust: none;
    }

    .drawing text,
    .drawing .axis-label {
      fill: CanvasText;
    }

    .drawing .axis {
      stroke: CanvasText;
    }

    .drawing .grid {
      stroke: GrayText;
    }

    .bar.series-0,
    .mark.series-0 {
      fill: CanvasText;
    }

    .bar.series-1,
    .mark.series-1 {
      fill: Canvas;
      stroke: CanvasText;
    }

    .line.series-0,
    .line.series-1 {
      stroke: CanvasText;
    }

    .swatch {
      forced-color-adjust: none;
      border-color: CanvasText;
      background: CanvasText;
    }

    .swatch.series-1 {
      background: Canvas;
    }
  }
`;
