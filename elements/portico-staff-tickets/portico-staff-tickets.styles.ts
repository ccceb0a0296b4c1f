import { css } from 'lit';

export const styles = css`
  :host {
    display: block !important;
    container-type: inline-size !important;
    --gap: var(--_space);
    --context-width: calc(18 * var(--_portico-rem));
    --note-background: color-mix(in srgb, var(--_warning) 14%, var(--_surface));
    --staff-background: color-mix(in srgb, var(--_brand) 8%, var(--_surface));
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

  h3,
  h4 {
    margin: 0;
    font-size: var(--_portico-rem);
  }

  textarea {
    resize: vertical;
  }

  .queue,
  .ticket,
  .ticket-main,
  .context,
  .block {
    display: grid;
    gap: calc(var(--gap) * 0.75);
    min-inline-size: 0;
  }

  .queue-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: calc(0.5 * var(--_portico-rem));
  }

  .filters,
  .bulk,
  .triage {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 10 * var(--_portico-rem)), 1fr));
    gap: calc(0.5 * var(--_portico-rem));
    align-items: end;
  }

  .filters .wide {
    grid-column: 1 / -1;
  }

  label {
    display: grid;
    gap: calc(0.25 * var(--_portico-rem));
    min-inline-size: 0;
  }

  label.check {
    display: flex;
    align-items: center;
    gap: calc(0.5 * var(--_portico-rem));
  }

  /* A box to tick, not a field: the form's full-width input rule does not apply. */
  label.check input {
    flex: none;
    inline-size: calc(1.5 * var(--_portico-rem));
    min-inline-size: 0;
    block-size: calc(1.5 * var(--_portico-rem));
    min-block-size: 0;
    margin: calc(0.625 * var(--_portico-rem)) 0;
  }

  .bulk {
    padding: calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_brand);
    border-radius: var(--_radius);
  }

  .rows {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
  }

  .row {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: calc(0.5 * var(--_portico-rem)) calc(0.75 * var(--_portico-rem));
    align-items: start;
    padding: calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .chat-row {
    grid-template-columns: minmax(0, 1fr);
    border-inline-start: calc(0.25 * var(--_portico-rem)) solid var(--_border);
  }

  .chat-row[part~='chat-waiting'] {
    border-inline-start-color: var(--_brand);
  }

  .kind-chat {
    font-weight: 700;
  }

  .row[part~='row-unread'] {
    border-inline-start: calc(0.25 * var(--_portico-rem)) solid var(--_brand);
  }

  .row-title a {
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .row-title,
  .row-facts,
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.25 * var(--_portico-rem)) calc(0.75 * var(--_portico-rem));
    align-items: center;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }

  .row-facts,
  .facts {
    font-size: calc(0.875 * var(--_portico-rem));
    color: var(--_muted);
  }

  .unread {
    font-weight: 700;
    color: var(--_brand);
  }

  .number {
    font-variant-numeric: tabular-nums;
  }

  @container (min-width: 56em) {
    .ticket {
      grid-template-columns: minmax(0, 1fr) var(--context-width);
      align-items: start;
    }
  }

  .context {
    padding: calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    align-content: start;
  }

  .plain {
    display: grid;
    gap: calc(0.375 * var(--_portico-rem));
    overflow-wrap: anywhere;
  }

  .messages {
    display: grid;
    gap: calc(0.75 * var(--_portico-rem));
  }

  .message {
    display: grid;
    gap: calc(0.375 * var(--_portico-rem));
    padding: calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-inline-size: 0;
  }

  .message[data-role='staff'] {
    background: var(--staff-background);
  }

  .message[data-internal] {
    background: var(--note-background);
    border-style: dashed;
  }

  .byline {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.25 * var(--_portico-rem)) calc(0.75 * var(--_portico-rem));
    font-size: calc(0.875 * var(--_portico-rem));
  }

  .role,
  time {
    color: var(--_muted);
  }

  .internal-mark {
    font-weight: 700;
  }

  .body {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .files {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_portico-rem));
  }

  .reply.internal {
    padding: calc(0.75 * var(--_portico-rem));
    background: var(--note-background);
    border-radius: var(--_radius);
  }

  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.375 * var(--_portico-rem));
  }

  .tag {
    display: inline-flex;
    align-items: center;
    gap: calc(0.25 * var(--_portico-rem));
    padding-inline-start: calc(0.5 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: 999px;
  }

  .tags-edit,
  .inline {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_portico-rem));
    align-items: end;
    grid-column: 1 / -1;
  }

  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_portico-rem));
  }

  .field-error,
  [part~='field-error'] {
    color: var(--_danger);
  }
`;
