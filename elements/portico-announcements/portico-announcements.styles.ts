import { css } from 'lit';

/** A stack of full-width banners: a mark and a word for the severity, never colour alone. */
export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    --gap: 0.5rem;
    --info-color: var(--_brand);
    --warning-color: #b54708;
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
    gap: 0.5rem 0.75rem;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
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
    inline-size: 1.5rem;
    block-size: 1.5rem;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  .text {
    display: grid;
    gap: 0.125rem;
    min-inline-size: 0;
    padding-block: 0.5rem;
    overflow-wrap: anywhere;
  }

  .heading {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5rem;
    align-items: baseline;
    margin: 0;
    font-size: 1rem;
    font-weight: 400;
  }

  .title {
    font-weight: 700;
  }

  .severity {
    color: var(--severity-color);
    font-size: 0.875rem;
    font-weight: 700;
    text-transform: uppercase;
  }

  .body {
    white-space: pre-line;
  }

  .dismiss {
    padding-inline: 0.75rem;
  }

  /* Narrow: the button goes under the text, so the text keeps its width. */
  @container (max-width: 28rem) {
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
