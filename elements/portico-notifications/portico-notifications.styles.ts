import { css } from 'lit';

/** The bell with its badge, and the panel that opens under it, kept on screen. */
export const styles = css`
  :host {
    display: inline-block !important;
    vertical-align: middle;
    /* The bell sits among the vendor's header links and takes their ink; the panel has ours. */
    color: inherit !important;
    --panel-width: calc(22 * var(--_portico-rem));
    --panel-max-height: 70vh;
    --layer: 1000;
    --badge-background: var(--_danger);
    --badge-color: var(--_surface);
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
    padding: calc(0.5 * var(--_portico-rem));
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: transparent;
    color: inherit;
  }

  .bell:hover {
    border-color: var(--_border);
  }

  .icon {
    inline-size: calc(1.5 * var(--_portico-rem));
    block-size: calc(1.5 * var(--_portico-rem));
  }

  .badge {
    position: absolute;
    inset-block-start: calc(0.125 * var(--_portico-rem));
    inset-inline-end: calc(0.125 * var(--_portico-rem));
    min-inline-size: calc(1.25 * var(--_portico-rem));
    padding-inline: calc(0.3125 * var(--_portico-rem));
    border-radius: 999px;
    background: var(--badge-background);
    color: var(--badge-color);
    font-size: calc(0.75 * var(--_portico-rem));
    font-weight: 700;
    line-height: calc(1.25 * var(--_portico-rem));
    text-align: center;
  }

  .panel {
    position: absolute;
    inset-block-start: calc(100% + 0.25 * var(--_portico-rem));
    /* Measured on opening (notifications.placement.ts), so the panel stays on screen. */
    inset-inline-end: var(--_panel-shift, 0px);
    z-index: var(--layer);
    display: grid;
    grid-template-rows: auto auto auto minmax(0, 1fr);
    inline-size: min(var(--panel-width), var(--_panel-room, calc(100vw - var(--_portico-rem))));
    max-block-size: var(--panel-max-height);
    padding: calc(var(--_space) * 0.75);
    gap: calc(0.5 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 calc(0.5 * var(--_portico-rem)) calc(1.5 * var(--_portico-rem)) rgb(0 0 0 / 0.15);
    text-align: start;
  }

  .panel[hidden] {
    display: none;
  }

  .head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: calc(0.5 * var(--_portico-rem));
  }

  .head h2 {
    font-size: calc(1.125 * var(--_portico-rem));
  }

  .close {
    min-inline-size: 44px;
    padding-inline: calc(0.5 * var(--_portico-rem));
    font-size: calc(1.25 * var(--_portico-rem));
    line-height: 1;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: calc(0.25 * var(--_portico-rem)) calc(0.5 * var(--_portico-rem));
  }

  .toolbar .link {
    padding-inline: calc(0.25 * var(--_portico-rem));
  }

  .body {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
    align-content: start;
    min-block-size: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
  }

  .problem {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_portico-rem));
    align-items: center;
  }

  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .list {
    display: grid;
    gap: calc(0.25 * var(--_portico-rem));
  }

  .item {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(0.125 * var(--_portico-rem));
    inline-size: 100%;
    min-block-size: 44px;
    padding-block: calc(0.5 * var(--_portico-rem));
    padding-inline: calc(0.75 * var(--_portico-rem));
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
    padding-inline: calc(0.5 * var(--_portico-rem));
    border: 1px solid var(--_brand);
    border-radius: 999px;
    color: var(--_brand);
    font-size: calc(0.75 * var(--_portico-rem));
    font-weight: 700;
    text-transform: uppercase;
  }

  [part~='more'] {
    justify-self: start;
  }

  .preferences {
    display: grid;
    gap: calc(0.25 * var(--_portico-rem));
  }

  .preferences li {
    display: grid;
    padding-block: calc(0.25 * var(--_portico-rem));
    border-block-end: 1px solid var(--_border);
  }

  .kind {
    font-weight: 600;
  }

  .check {
    display: flex;
    align-items: center;
    gap: calc(0.5 * var(--_portico-rem));
    min-block-size: 44px;
    font-weight: 400;
  }

  .check input {
    inline-size: calc(1.25 * var(--_portico-rem));
    block-size: calc(1.25 * var(--_portico-rem));
    min-block-size: 0;
    margin: 0;
    accent-color: var(--_brand);
  }
`;
