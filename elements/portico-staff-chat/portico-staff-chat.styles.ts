import { css } from 'lit';

export const styles = css`
  :host {
    display: block !important;
    container-type: inline-size !important;
    --gap: var(--_space);
    --side-width: calc(20 * var(--_portico-rem));
    --log-height: calc(24 * var(--_portico-rem));
    --staff-background: color-mix(in srgb, var(--_brand) 8%, var(--_surface));
    --system-color: var(--_muted);
  }

  ul,
  ol {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  h2 {
    font-size: calc(1.125 * var(--_portico-rem));
  }

  textarea {
    resize: vertical;
  }

  .console {
    display: grid;
    gap: var(--gap);
    min-inline-size: 0;
  }

  @container (min-width: 48em) {
    .console {
      grid-template-columns: var(--side-width) minmax(0, 1fr);
      align-items: start;
    }
  }

  .side,
  .panel,
  .conversation {
    display: grid;
    gap: calc(var(--gap) * 0.75);
    min-inline-size: 0;
  }

  .panel,
  .conversation {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--gap) * 0.75);
    background: var(--_surface);
  }

  .connection {
    color: var(--_muted);
    font-size: calc(0.875 * var(--_portico-rem));
  }

  :host(:state(live)) .connection {
    color: var(--_success);
  }

  .count {
    display: inline-block;
    min-inline-size: calc(1.5 * var(--_portico-rem));
    padding-inline: calc(0.4 * var(--_portico-rem));
    border-radius: 999px;
    background: var(--_brand);
    color: var(--_brand-contrast);
    font-size: calc(0.8125 * var(--_portico-rem));
    text-align: center;
  }

  .rows {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
  }

  .row {
    display: grid;
    gap: calc(0.25 * var(--_portico-rem));
    justify-items: start;
    padding-block-end: calc(0.5 * var(--_portico-rem));
    border-block-end: 1px solid var(--_border);
  }

  .row:last-child {
    border-block-end: none;
    padding-block-end: 0;
  }

  .name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  button.link {
    min-block-size: 44px;
    padding-inline: 0;
    text-align: start;
  }

  [aria-current='true'] {
    text-decoration-thickness: 3px;
  }

  .subject {
    overflow-wrap: anywhere;
  }

  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.25 * var(--_portico-rem)) calc(0.75 * var(--_portico-rem));
    color: var(--_muted);
    font-size: calc(0.875 * var(--_portico-rem));
    overflow-wrap: anywhere;
  }

  .tab {
    display: flex;
    gap: calc(0.5 * var(--_portico-rem));
    align-items: stretch;
  }

  .tab-button {
    flex: 1;
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_portico-rem));
    align-items: center;
    text-align: start;
    background: var(--_surface);
    color: var(--_text);
    border-color: var(--_border);
    min-inline-size: 0;
  }

  .tab-button[aria-current='true'] {
    border-color: var(--_brand);
    box-shadow: inset 4px 0 0 var(--_brand);
  }

  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_portico-rem));
    align-items: end;
  }

  .transfer {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_portico-rem));
    align-items: end;
  }

  .transfer label {
    flex-basis: 100%;
  }

  .transfer select {
    inline-size: auto;
    max-inline-size: 100%;
  }

  [aria-disabled='true'] {
    opacity: 0.7;
    cursor: not-allowed;
  }

  .problem {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
    justify-items: start;
  }

  .messages {
    max-block-size: var(--log-height);
    overflow-y: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(0.5 * var(--_portico-rem));
  }

  .messages > ol {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
  }

  .messages > ol > li {
    display: grid;
    gap: calc(0.125 * var(--_portico-rem));
    padding: calc(0.5 * var(--_portico-rem)) calc(0.75 * var(--_portico-rem));
    border-radius: var(--_radius);
    max-inline-size: min(36 * var(--_portico-rem), 100%);
    overflow-wrap: anywhere;
  }

  .messages .customer,
  .messages .bot {
    justify-self: start;
    background: var(--_surface-raised);
  }

  .messages .staff {
    justify-self: end;
    background: var(--staff-background);
  }

  .messages .system {
    justify-self: center;
    text-align: center;
    color: var(--system-color);
    font-size: calc(0.875 * var(--_portico-rem));
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_portico-rem));
    font-size: calc(0.8125 * var(--_portico-rem));
    color: var(--_muted);
  }

  [part~='author'] {
    font-weight: 600;
    color: var(--_text);
  }

  .body {
    white-space: pre-wrap;
  }

  .articles,
  .files {
    list-style: disc;
    padding-inline-start: calc(1.25 * var(--_portico-rem));
  }

  .receipt {
    justify-self: end;
    font-size: calc(0.75 * var(--_portico-rem));
    color: var(--_muted);
  }

  .typing {
    min-block-size: 1.5em;
    color: var(--_muted);
    font-style: italic;
  }

  .composer {
    gap: calc(0.5 * var(--_portico-rem));
  }

  .no-chat {
    align-self: start;
  }
`;
