import { css } from 'lit';

/** The conversation: groups of bubbles, the customer's on the end side, notices centred. */
export const messageStyles = css`
  .log {
    flex: 1;
    min-block-size: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
    display: flex;
    flex-direction: column;
    gap: calc(0.75 * var(--_portico-rem));
    padding: var(--_portico-rem);
  }

  .intro {
    margin-block: auto;
    padding: var(--_portico-rem);
    color: var(--_muted);
    text-align: center;
  }

  .earlier {
    align-self: center;
    font-size: calc(0.875 * var(--_portico-rem));
  }

  .group {
    display: grid;
    gap: calc(0.25 * var(--_portico-rem));
    justify-items: start;
    min-inline-size: 0;
  }

  .group[data-role='customer'] {
    justify-items: end;
  }

  .author {
    display: flex;
    flex-wrap: wrap;
    gap: 0 calc(0.375 * var(--_portico-rem));
    color: var(--_muted);
    font-size: calc(0.8125 * var(--_portico-rem));
  }

  .author .name {
    color: var(--_text);
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .message {
    display: grid;
    gap: calc(0.125 * var(--_portico-rem));
    justify-items: inherit;
    max-inline-size: min(88%, 30 * var(--_portico-rem));
    min-inline-size: 0;
  }

  .bubble {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
    min-inline-size: 0;
    max-inline-size: 100%;
    padding-block: calc(0.5 * var(--_portico-rem));
    padding-inline: calc(0.75 * var(--_portico-rem));
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--staff-background);
    overflow-wrap: anywhere;
  }

  .group[data-role='customer'] .bubble {
    background: var(--customer-background);
    color: var(--customer-color);
  }

  .message[data-pending='failed'] .bubble {
    outline: 2px solid var(--_danger);
    outline-offset: 1px;
  }

  .body {
    white-space: pre-wrap;
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.25 * var(--_portico-rem)) calc(0.5 * var(--_portico-rem));
    align-items: center;
    color: var(--_muted);
    font-size: calc(0.75 * var(--_portico-rem));
  }

  .receipt::before {
    content: '✓' / '';
    margin-inline-end: calc(0.25 * var(--_portico-rem));
  }

  .receipt[data-state='delivered']::before,
  .receipt[data-state='read']::before {
    content: '✓✓' / '';
  }

  .receipt[data-state='read'] {
    color: var(--_brand);
  }

  .receipt[data-state='sending']::before {
    content: none;
  }

  .send-error {
    color: var(--_danger);
    font-size: calc(0.875 * var(--_portico-rem));
  }

  .meta .link {
    min-block-size: 44px;
    padding-inline: calc(0.5 * var(--_portico-rem));
    border: 0;
    font-size: calc(0.875 * var(--_portico-rem));
  }

  .notice {
    align-self: center;
    max-inline-size: 90%;
    color: var(--_muted);
    font-size: calc(0.875 * var(--_portico-rem));
    text-align: center;
    overflow-wrap: anywhere;
  }

  .notice time {
    font-size: calc(0.75 * var(--_portico-rem));
    margin-inline-start: calc(0.25 * var(--_portico-rem));
  }

  .articles,
  .attachments {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .article {
    display: grid;
    gap: calc(0.125 * var(--_portico-rem));
    padding-block: calc(0.25 * var(--_portico-rem)) calc(0.5 * var(--_portico-rem));
    padding-inline: calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }

  .article a {
    display: flex;
    align-items: center;
    min-block-size: 44px;
    font-weight: 600;
  }

  .snippet {
    color: var(--_muted);
    font-size: calc(0.875 * var(--_portico-rem));
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(0.5 * var(--_portico-rem));
  }

  .actions button {
    padding-inline: calc(0.875 * var(--_portico-rem));
  }

  .attachments .download {
    max-inline-size: 100%;
    text-align: start;
    overflow-wrap: anywhere;
    font-size: calc(0.875 * var(--_portico-rem));
  }

  .attachments .size {
    font-weight: 400;
  }
`;
