import { css } from 'lit';

/**
 * Security codes' setup and settings, wherever they are hosted (the profile, the staff console):
 * the QR code, the key to type by hand, the backup codes, and panels that hold each step.
 */
export const securityStyles = css`
  .setup,
  .panel {
    display: grid;
    gap: 0.75rem;
    min-inline-size: 0;
  }

  .panel {
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .setup form {
    display: grid;
    gap: 0.75rem;
  }

  .setup h4,
  .panel h4 {
    font-size: 1rem;
    margin: 0;
  }

  .field {
    display: grid;
    gap: 0.25rem;
    min-inline-size: 0;
  }

  [part~='field-error'] {
    color: var(--_danger);
    font-size: 0.875rem;
  }

  .qr {
    inline-size: min(100%, 14rem);
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
    font-size: 1rem;
    letter-spacing: 0.05em;
    overflow-wrap: anywhere;
  }

  .codes {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
    gap: 0.25rem 1rem;
    margin: 0;
    padding-inline-start: 1.75rem;
  }

  .warning {
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--_danger);
    background: color-mix(in srgb, var(--_danger) 8%, var(--_surface));
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
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
