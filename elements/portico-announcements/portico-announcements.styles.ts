import { css } from 'lit';

/** A stack of full-width banners: a mark and a word for the severity, never colour alone. */
export const styles = css`
  :host {
    display: block !important;
    container-type: inline-size !important;
    --gap: calc(0.5 * var(--_portico-rem));
    --info-color: var(--_brand);
    --warning-color: var(--_warning);
    --outage-color: var(--_danger);
  }

  .stack {
    display: grid;
    gap: var(--gap);
  }

  .announcement {
    --severity-color: var(--info-color);
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    align-items: start;
    gap: calc(0.5 * var(--_portico-rem)) calc(0.75 * var(--_portico-rem));
    padding-block: calc(0.5 * var(--_portico-rem));
    padding-inline: calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-inline-start: 6px solid var(--severity-color);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--severity-color) 8%, var(--_surface));
    color: var(--_text);
  }

  .announcement[data-severity='warning'] {
    --severity-color: var(--warning-color);
  }

  .announcement[data-severity='outage'] {
    --severity-color: var(--outage-color);
  }

  .icon {
    display: inline-grid;
    place-items: center;
    min-block-size: 44px;
    color: var(--severity-color);
  }

  .icon svg {
    inline-size: calc(1.5 * var(--_portico-rem));
    block-size: calc(1.5 * var(--_portico-rem));
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  .text {
    display: grid;
    gap: calc(0.125 * var(--_portico-rem));
    min-inline-size: 0;
    padding-block: calc(0.5 * var(--_portico-rem));
    overflow-wrap: anywhere;
  }

  .heading {
    display: flex;
    flex-wrap: wrap;
    gap: 0 calc(0.5 * var(--_portico-rem));
    align-items: baseline;
    margin: 0;
    font-size: var(--_portico-rem);
    font-weight: 400;
  }

  .title {
    font-weight: 700;
  }

  .severity {
    color: var(--severity-color);
    font-size: calc(0.875 * var(--_portico-rem));
    font-weight: 700;
    text-transform: uppercase;
  }

  .body {
    white-space: pre-line;
  }

  .dismiss {
    padding-inline: calc(0.75 * var(--_portico-rem));
  }

  /* Narrow: the button goes under the text, so the text keeps its width. */
  @container (max-width: 28em) {
    .announcement {
      grid-template-columns: auto minmax(0, 1fr);
    }

    .dismiss {
      grid-column: 2;
      justify-self: start;
    }
  }

  .problem {
    margin-block-end: var(--gap);
  }
`;
