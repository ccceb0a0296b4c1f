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
    gap: 0.75rem;
    padding: 1rem;
  }

  .intro {
    margin-block: auto;
    padding: 1rem;
    color: var(--_muted);
    text-align: center;
  }

  .earlier {
    align-self: center;
    font-size: 0.875rem;
  }

  .group {
    display: grid;
    gap: 0.25rem;
    justify-items: start;
    min-inline-size: 0;
  }

  .group[data-role='customer'] {
    justify-items: end;
  }

  .author {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.375rem;
    color: var(--_muted);
    font-size: 0.8125rem;
  }

  .author .name {
    color: var(--_text);
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .message {
    display: grid;
    gap: 0.125rem;
    justify-items: inherit;
    max-inline-size: min(88%, 30rem);
    min-inline-size: 0;
  }

  .bubble {
    display: grid;
    gap: 0.5rem;
    min-inline-size: 0;
    max-inline-size: 100%;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
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
    gap: 0.25rem 0.5rem;
    align-items: center;
    color: var(--_muted);
    font-size: 0.75rem;
  }

  .receipt::before {
    content: '✓' / '';
    margin-inline-end: 0.25rem;
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
    font-size: 0.875rem;
  }

  .meta .link {
    min-block-size: 44px;
    padding-inline: 0.5rem;
    border: 0;
    font-size: 0.875rem;
  }

  .notice {
    align-self: center;
    max-inline-size: 90%;
    color: var(--_muted);
    font-size: 0.875rem;
    text-align: center;
    overflow-wrap: anywhere;
  }

  .notice time {
    font-size: 0.75rem;
    margin-inline-start: 0.25rem;
  }

  .articles,
  .attachments {
    display: grid;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .article {
    display: grid;
    gap: 0.125rem;
    padding-block: 0.25rem 0.5rem;
    padding-inline: 0.75rem;
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
    font-size: 0.875rem;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .actions button {
    padding-inline: 0.875rem;
  }

  .attachments .download {
    max-inline-size: 100%;
    text-align: start;
    overflow-wrap: anywhere;
    font-size: 0.875rem;
  }

  .attachments .size {
    font-weight: 400;
  }
`;
