import { css } from 'lit';

/** The launcher, the panel's frame, its header and the composer. */
export const styles = css`
  :host {
    display: block;
    --offset: 1rem;
    --panel-width: 24rem;
    --panel-height: 36rem;
    --layer: 1000;
    --customer-background: var(--_brand);
    --customer-color: var(--_brand-contrast);
    --staff-background: color-mix(in srgb, var(--_brand) 8%, var(--_surface));
    --_launcher-size: 3.5rem;
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
    gap: 0.5rem;
    min-block-size: var(--_launcher-size);
    min-inline-size: var(--_launcher-size);
    padding-inline: 1.25rem;
    border-radius: 999px;
    background: var(--_brand);
    color: var(--_brand-contrast);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.2);
  }

  .launcher svg {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    flex: none;
  }

  .badge {
    position: absolute;
    inset-block-start: -0.375rem;
    inset-inline-end: -0.375rem;
    min-inline-size: 1.5rem;
    block-size: 1.5rem;
    padding-inline: 0.375rem;
    border: 2px solid var(--_surface);
    border-radius: 999px;
    background: var(--_danger);
    color: #ffffff;
    font-size: 0.8125rem;
    line-height: 1.25rem;
    text-align: center;
  }

  /* Panel: above the launcher in its corner; the whole screen on a phone. */

  .panel {
    position: fixed;
    z-index: var(--layer);
    inset-block-end: calc(var(--_bottom) + var(--_launcher-size) + 0.75rem);
    inset-inline-end: var(--offset);
    inline-size: min(var(--panel-width), calc(100vw - 2 * var(--offset)));
    block-size: min(
      var(--panel-height),
      calc(100dvh - 2 * var(--offset) - var(--_launcher-size) - 0.75rem)
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
    gap: 0.5rem;
    padding-block: 0.5rem;
    padding-inline: 1rem 0.5rem;
    border-block-end: 1px solid var(--_border);
  }

  .title {
    flex: 1;
    min-inline-size: 0;
    display: grid;
    gap: 0.125rem;
    padding-block: 0.25rem;
  }

  h2 {
    font-size: 1.0625rem;
  }

  .availability {
    display: flex;
    gap: 0.375rem;
    align-items: baseline;
    color: var(--_muted);
    font-size: 0.875rem;
  }

  .availability::before {
    content: '';
    flex: none;
    inline-size: 0.5rem;
    block-size: 0.5rem;
    border-radius: 50%;
    background: var(--_muted);
  }

  .availability[data-online='true']::before {
    background: var(--_success);
  }

  button.end {
    flex: none;
    padding-inline: 0.75rem;
    font-size: 0.875rem;
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
    inline-size: 1.25rem;
    block-size: 1.25rem;
  }

  /* "The portal is busy. Trying again…": a calm band below the header while calls wait. */

  .busy {
    flex: none;
  }

  .busy [part~='busy']:not(:empty) {
    margin: 0;
    padding-block: 0.5rem;
    padding-inline: 1rem;
    border: 0;
    border-block-end: 1px solid var(--_border);
    border-radius: 0;
    font-size: 0.875rem;
  }

  .status {
    padding-block: 0.5rem;
    padding-inline: 1rem;
    background: var(--staff-background);
    font-size: 0.875rem;
  }

  .status:empty {
    display: none;
  }

  .typing {
    padding-inline: 1rem;
    color: var(--_muted);
    font-size: 0.875rem;
    font-style: italic;
  }

  .problem {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
    padding-block: 0.5rem;
    padding-inline: 1rem;
  }

  .restart {
    display: grid;
    padding: 0.75rem;
    border-block-start: 1px solid var(--_border);
  }

  /* Composer */

  .composer {
    gap: 0.5rem;
    padding: 0.75rem;
    border-block-start: 1px solid var(--_border);
  }

  .row {
    display: flex;
    gap: 0.5rem;
    align-items: flex-end;
  }

  textarea {
    flex: 1;
    min-inline-size: 0;
    max-block-size: 8rem;
    resize: none;
    field-sizing: content;
  }

  .row button[part~='send'] {
    flex: none;
    padding-inline: 1rem;
  }

  .visitor {
    display: grid;
    gap: 0.5rem;
    min-inline-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }

  legend {
    padding: 0;
    margin-block-end: 0.25rem;
    font-size: 0.875rem;
    font-weight: 600;
  }

  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 9rem), 1fr));
    gap: 0.5rem;
  }

  .fields label {
    font-size: 0.875rem;
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
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .chosen-file {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto auto;
    align-items: center;
    gap: 0.25rem 0.5rem;
    padding-block: 0.125rem;
    padding-inline: 0.5rem 0.125rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-size: 0.875rem;
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
    block-size: 0.375rem;
    accent-color: var(--_brand);
  }

  button.remove {
    inline-size: 44px;
    padding: 0;
    background: none;
    color: var(--_text);
    font-size: 1.25rem;
  }
`;
