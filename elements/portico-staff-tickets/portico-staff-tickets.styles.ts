import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    --gap: var(--_space);
    --context-width: 18rem;
    --note-background: color-mix(in srgb, #f5b400 14%, var(--_surface));
    --staff-background: color-mix(in srgb, var(--_brand) 8%, var(--_surface));
  }

  ul,
  ol {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  h2 {
    font-size: 1.125rem;
  }

  h3,
  h4 {
    margin: 0;
    font-size: 1rem;
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
    gap: 0.5rem;
  }

  .filters,
  .bulk,
  .triage {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 10rem), 1fr));
    gap: 0.5rem;
    align-items: end;
  }

  .filters .wide {
    grid-column: 1 / -1;
  }

  label {
    display: grid;
    gap: 0.25rem;
    min-inline-size: 0;
  }

  label.check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }

  /* A box to tick, not a field: the form's full-width input rule does not apply. */
  label.check input {
    flex: none;
    inline-size: 1.5rem;
    min-inline-size: 0;
    block-size: 1.5rem;
    min-block-size: 0;
    margin: 0.625rem 0;
  }

  .bulk {
    padding: 0.75rem;
    border: 1px solid var(--_brand);
    border-radius: var(--_radius);
  }

  .rows {
    display: grid;
    gap: 0.5rem;
  }

  .row {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: 0.5rem 0.75rem;
    align-items: start;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .chat-row {
    grid-template-columns: minmax(0, 1fr);
    border-inline-start: 0.25rem solid var(--_border);
  }

  .chat-row[part~='chat-waiting'] {
    border-inline-start-color: var(--_brand);
  }

  .kind-chat {
    font-weight: 700;
  }

  .row[part~='row-unread'] {
    border-inline-start: 0.25rem solid var(--_brand);
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
    gap: 0.25rem 0.75rem;
    align-items: center;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }

  .row-facts,
  .facts {
    font-size: 0.875rem;
    color: var(--_muted);
  }

  .unread {
    font-weight: 700;
    color: var(--_brand);
  }

  .number {
    font-variant-numeric: tabular-nums;
  }

  @container (min-width: 56rem) {
    .ticket {
      grid-template-columns: minmax(0, 1fr) var(--context-width);
      align-items: start;
    }
  }

  .context {
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    align-content: start;
  }

  .plain {
    display: grid;
    gap: 0.375rem;
    overflow-wrap: anywhere;
  }

  .messages {
    display: grid;
    gap: 0.75rem;
  }

  .message {
    display: grid;
    gap: 0.375rem;
    padding: 0.75rem;
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
    gap: 0.25rem 0.75rem;
    font-size: 0.875rem;
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
    gap: 0.5rem;
  }

  .reply.internal {
    padding: 0.75rem;
    background: var(--note-background);
    border-radius: var(--_radius);
  }

  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
  }

  .tag {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    padding-inline-start: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
  }

  .tags-edit,
  .inline {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: end;
    grid-column: 1 / -1;
  }

  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .field-error,
  [part~='field-error'] {
    color: var(--_danger);
  }
`;
