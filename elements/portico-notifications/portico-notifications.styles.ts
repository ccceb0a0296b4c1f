import { css } from 'lit';

/** The bell with its badge, and the panel that opens under it, kept on screen. */
export const styles = css`
  :host {
    display: inline-block;
    vertical-align: middle;
    /* The bell sits among the vendor's header links and takes their ink; the panel has ours. */
    color: inherit;
    --panel-width: 22rem;
    --panel-max-height: 70vh;
    --layer: 1000;
    --badge-background: var(--_danger);
    --badge-color: #ffffff;
  }

  .anchor {
    position: relative;
  }

  .bell {
    position: relative;
    display: inline-grid;
    place-items: center;
    min-inline-size: 44px;
    min-block-size: 44px;
    padding: 0.5rem;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: transparent;
    color: inherit;
  }

  .bell:hover {
    border-color: var(--_border);
  }

  .icon {
    inline-size: 1.5rem;
    block-size: 1.5rem;
  }

  .badge {
    position: absolute;
    inset-block-start: 0.125rem;
    inset-inline-end: 0.125rem;
    min-inline-size: 1.25rem;
    padding-inline: 0.3125rem;
    border-radius: 999px;
    background: var(--badge-background);
    color: var(--badge-color);
    font-size: 0.75rem;
    font-weight: 700;
    line-height: 1.25rem;
    text-align: center;
  }

  .panel {
    position: absolute;
    inset-block-start: calc(100% + 0.25rem);
    /* Measured on opening (notifications.placement.ts), so the panel stays on screen. */
    inset-inline-end: var(--_panel-shift, 0px);
    z-index: var(--layer);
    display: grid;
    grid-template-rows: auto auto auto minmax(0, 1fr);
    inline-size: min(var(--panel-width), var(--_panel-room, calc(100vw - 1rem)));
    max-block-size: var(--panel-max-height);
    padding: calc(var(--_space) * 0.75);
    gap: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 0.5rem 1.5rem rgb(0 0 0 / 0.15);
    text-align: start;
  }

  .panel[hidden] {
    display: none;
  }

  .head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }

  .head h2 {
    font-size: 1.125rem;
  }

  .close {
    min-inline-size: 44px;
    padding-inline: 0.5rem;
    font-size: 1.25rem;
    line-height: 1;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.25rem 0.5rem;
  }

  .toolbar .link {
    padding-inline: 0.25rem;
  }

  .body {
    display: grid;
    gap: 0.5rem;
    align-content: start;
    min-block-size: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
  }

  .problem {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }

  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .list {
    display: grid;
    gap: 0.25rem;
  }

  .item {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.125rem;
    inline-size: 100%;
    min-block-size: 44px;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-weight: 400;
    text-align: start;
    overflow-wrap: anywhere;
  }

  .item:hover .sentence {
    text-decoration: underline;
  }

  /* Unread: a "New" label, bold text and an edge on the reading side, not colour alone. */
  [part~='item-unread'] .item {
    border-inline-start: 4px solid var(--_brand);
    background: color-mix(in srgb, var(--_brand) 6%, var(--_surface));
  }

  [part~='item-unread'] .sentence {
    font-weight: 600;
  }

  .marker {
    justify-self: start;
    padding-inline: 0.5rem;
    border: 1px solid var(--_brand);
    border-radius: 999px;
    color: var(--_brand);
    font-size: 0.75rem;
    font-weight: 700;
    text-transform: uppercase;
  }

  [part~='more'] {
    justify-self: start;
  }

  .preferences {
    display: grid;
    gap: 0.25rem;
  }

  .preferences li {
    display: grid;
    padding-block: 0.25rem;
    border-block-end: 1px solid var(--_border);
  }

  .kind {
    font-weight: 600;
  }

  .check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 44px;
    font-weight: 400;
  }

  .check input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    min-block-size: 0;
    margin: 0;
    accent-color: var(--_brand);
  }
`;
