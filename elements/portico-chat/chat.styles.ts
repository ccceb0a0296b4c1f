import { css } from 'lit';

/** The launcher, the panel's frame, its header and the composer. */
export const styles = css`
  :host {
    display: block !important;
    /* Any of these on the host would make it the box the fixed launcher and panel sit in. */
    transform: none !important;
    filter: none !important;
    backdrop-filter: none !important;
    perspective: none !important;
    contain: none !important;
    will-change: auto !important;
    --offset: var(--_portico-rem);
    --panel-width: calc(24 * var(--_portico-rem));
    --panel-height: calc(36 * var(--_portico-rem));
    --layer: 1000;
    --customer-background: var(--_brand);
    --customer-color: var(--_brand-contrast);
    --staff-background: color-mix(in srgb, var(--_brand) 8%, var(--_surface));
    --_launcher-size: calc(3.5 * var(--_portico-rem));
    --_bottom: calc(var(--offset) + env(safe-area-inset-bottom, 0px));
  }

  /* Launcher: a bottom corner, the inline end unless position="start"; mirrored in RTL. */

  .launcher {
    position: fixed;
    z-index: var(--layer);
    inset-block-end: var(--_bottom);
    inset-inline-end: var(--offset);
    display: inline-flex;
    align-items: center;
    gap: calc(0.5 * var(--_portico-rem));
    min-block-size: var(--_launcher-size);
    min-inline-size: var(--_launcher-size);
    padding-inline: calc(1.25 * var(--_portico-rem));
    border-radius: 999px;
    background: var(--_brand);
    color: var(--_brand-contrast);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.2);
  }

  .launcher svg {
    inline-size: calc(1.5 * var(--_portico-rem));
    block-size: calc(1.5 * var(--_portico-rem));
    flex: none;
  }

  .badge {
    position: absolute;
    inset-block-start: calc(-0.375 * var(--_portico-rem));
    inset-inline-end: calc(-0.375 * var(--_portico-rem));
    min-inline-size: calc(1.5 * var(--_portico-rem));
    block-size: calc(1.5 * var(--_portico-rem));
    padding-inline: calc(0.375 * var(--_portico-rem));
    border: 2px solid var(--_surface);
    border-radius: 999px;
    background: var(--_danger);
    color: var(--_surface);
    font-size: calc(0.8125 * var(--_portico-rem));
    line-height: calc(1.25 * var(--_portico-rem));
    text-align: center;
  }

  /* Panel: above the launcher in its corner; the whole screen on a phone. */

  .panel {
    position: fixed;
    z-index: var(--layer);
    inset-block-end: calc(var(--_bottom) + var(--_launcher-size) + 0.75 * var(--_portico-rem));
    inset-inline-end: var(--offset);
    inline-size: min(var(--panel-width), calc(100vw - 2 * var(--offset)));
    block-size: min(
      var(--panel-height),
      calc(100dvh - 2 * var(--offset) - var(--_launcher-size) - 0.75 * var(--_portico-rem))
    );
    display: flex;
    flex-direction: column;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
    box-shadow: 0 12px 40px rgb(0 0 0 / 0.2);
    overflow: hidden;
  }

  :host([position='start']) .launcher,
  :host([position='start']) .panel {
    inset-inline-end: auto;
    inset-inline-start: var(--offset);
  }

  :host([without-launcher]) .panel {
    inset-block-end: var(--_bottom);
    block-size: min(var(--panel-height), calc(100dvh - 2 * var(--offset)));
  }

  .panel[hidden] {
    display: none;
  }

  @media (max-width: 480px) {
    .panel,
    :host([without-launcher]) .panel,
    :host([position='start']) .panel {
      inset: 0;
      inset-block-start: var(--_viewport-top, 0px);
      inset-block-end: auto;
      inline-size: 100%;
      block-size: var(--_viewport-height, 100dvh);
      border: 0;
      border-radius: 0;
      box-shadow: none;
    }

    .launcher {
      padding-inline: 0;
      justify-content: center;
    }

    .launcher .label {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  }

  /* Header */

  .header {
    display: flex;
    align-items: flex-start;
    gap: calc(0.5 * var(--_portico-rem));
    padding-block: calc(0.5 * var(--_portico-rem));
    padding-inline: var(--_portico-rem) calc(0.5 * var(--_portico-rem));
    border-block-end: 1px solid var(--_border);
  }

  .title {
    flex: 1;
    min-inline-size: 0;
    display: grid;
    gap: calc(0.125 * var(--_portico-rem));
    padding-block: calc(0.25 * var(--_portico-rem));
  }

  h2 {
    font-size: calc(1.0625 * var(--_portico-rem));
  }

  .availability {
    display: flex;
    gap: calc(0.375 * var(--_portico-rem));
    align-items: baseline;
    color: var(--_muted);
    font-size: calc(0.875 * var(--_portico-rem));
  }

  .availability::before {
    content: '';
    flex: none;
    inline-size: calc(0.5 * var(--_portico-rem));
    block-size: calc(0.5 * var(--_portico-rem));
    border-radius: 50%;
    background: var(--_muted);
  }

  .availability[data-online='true']::before {
    background: var(--_success);
  }

  button.end {
    flex: none;
    padding-inline: calc(0.75 * var(--_portico-rem));
    font-size: calc(0.875 * var(--_portico-rem));
  }

  button.icon {
    flex: none;
    display: inline-grid;
    place-items: center;
    inline-size: 44px;
    padding: 0;
    background: transparent;
    color: var(--_text);
    border-color: transparent;
  }

  button.icon.secondary {
    border-color: var(--_border);
  }

  button.icon svg {
    inline-size: calc(1.25 * var(--_portico-rem));
    block-size: calc(1.25 * var(--_portico-rem));
  }

  /* "The portal is busy. Trying again…": a calm band below the header while calls wait. */

  .busy {
    flex: none;
  }

  .busy [part~='busy']:not(:empty) {
    margin: 0;
    padding-block: calc(0.5 * var(--_portico-rem));
    padding-inline: var(--_portico-rem);
    border: 0;
    border-block-end: 1px solid var(--_border);
    border-radius: 0;
    font-size: calc(0.875 * var(--_portico-rem));
  }

  .status {
    padding-block: calc(0.5 * var(--_portico-rem));
    padding-inline: var(--_portico-rem);
    background: var(--staff-background);
    font-size: calc(0.875 * var(--_portico-rem));
  }

  .status:empty {
    display: none;
  }

  .typing {
    padding-inline: var(--_portico-rem);
    color: var(--_muted);
    font-size: calc(0.875 * var(--_portico-rem));
    font-style: italic;
  }

  .problem {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
    justify-items: start;
    padding-block: calc(0.5 * var(--_portico-rem));
    padding-inline: var(--_portico-rem);
  }

  .restart {
    display: grid;
    padding: calc(0.75 * var(--_portico-rem));
    border-block-start: 1px solid var(--_border);
  }

  /* Composer */

  .composer {
    gap: calc(0.5 * var(--_portico-rem));
    padding: calc(0.75 * var(--_portico-rem));
    border-block-start: 1px solid var(--_border);
  }

  .row {
    display: flex;
    gap: calc(0.5 * var(--_portico-rem));
    align-items: flex-end;
  }

  textarea {
    flex: 1;
    min-inline-size: 0;
    max-block-size: calc(8 * var(--_portico-rem));
    resize: none;
    field-sizing: content;
  }

  .row button[part~='send'] {
    flex: none;
    padding-inline: var(--_portico-rem);
  }

  .visitor {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
    min-inline-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }

  legend {
    padding: 0;
    margin-block-end: calc(0.25 * var(--_portico-rem));
    font-size: calc(0.875 * var(--_portico-rem));
    font-weight: 600;
  }

  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 9 * var(--_portico-rem)), 1fr));
    gap: calc(0.5 * var(--_portico-rem));
  }

  .fields label {
    font-size: calc(0.875 * var(--_portico-rem));
  }

  .picker {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    opacity: 0;
    pointer-events: none;
  }

  .chosen {
    display: grid;
    gap: calc(0.25 * var(--_portico-rem));
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .chosen-file {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto auto;
    align-items: center;
    gap: calc(0.25 * var(--_portico-rem)) calc(0.5 * var(--_portico-rem));
    padding-block: calc(0.125 * var(--_portico-rem));
    padding-inline: calc(0.5 * var(--_portico-rem)) calc(0.125 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-size: calc(0.875 * var(--_portico-rem));
  }

  .chosen-file .name {
    overflow-wrap: anywhere;
  }

  .chosen-file progress,
  .chosen-file [part~='file-error'] {
    grid-column: 1 / -1;
    inline-size: 100%;
  }

  .chosen-file progress {
    block-size: calc(0.375 * var(--_portico-rem));
    accent-color: var(--_brand);
  }

  button.remove {
    inline-size: 44px;
    padding: 0;
    background: none;
    color: var(--_text);
    font-size: calc(1.25 * var(--_portico-rem));
  }
`;
