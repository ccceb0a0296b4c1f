import { css } from 'lit';

/**
 * Security codes' setup and settings, wherever they are hosted (the profile, the staff console):
 * the QR code, the key to type by hand, the backup codes, and panels that hold each step.
 */
export const securityStyles = css`
  .setup,
  .panel {
    display: grid;
    gap: calc(0.75 * var(--_portico-rem));
    min-inline-size: 0;
  }

  .panel {
    padding: calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .setup form {
    display: grid;
    gap: calc(0.75 * var(--_portico-rem));
  }

  .setup h4,
  .panel h4 {
    font-size: var(--_portico-rem);
    margin: 0;
  }

  .field {
    display: grid;
    gap: calc(0.25 * var(--_portico-rem));
    min-inline-size: 0;
  }

  [part~='field-error'] {
    color: var(--_danger);
    font-size: calc(0.875 * var(--_portico-rem));
  }

  .qr {
    inline-size: min(100%, 14 * var(--_portico-rem));
  }

  .qr svg {
    display: block;
    inline-size: 100%;
    block-size: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .secret,
  .codes code {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: var(--_portico-rem);
    letter-spacing: 0.05em;
    overflow-wrap: anywhere;
  }

  .codes {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(calc(9 * var(--_portico-rem)), 1fr));
    gap: calc(0.25 * var(--_portico-rem)) var(--_portico-rem);
    margin: 0;
    padding-inline-start: calc(1.75 * var(--_portico-rem));
  }

  .warning {
    padding: calc(0.5 * var(--_portico-rem)) calc(0.75 * var(--_portico-rem));
    border-inline-start: 4px solid var(--_danger);
    background: color-mix(in srgb, var(--_danger) 8%, var(--_surface));
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_portico-rem));
    align-items: center;
  }

  button {
    max-inline-size: 100%;
    overflow-wrap: anywhere;
  }

  .secondary {
    background: var(--_surface);
    color: var(--_text);
    border-color: var(--_border);
  }
`;
