import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { TaskStatus } from '@lit/task';
import type { SessionState } from '../api/session.ts';
import { errorMessage } from '../api/errors.ts';

/**
 * The customer account a session works in, or null. Views that show an account's data reload
 * when it changes, so their tasks key on this.
 */
export function accountOf(session: SessionState): string | null {
  return session.status === 'signed-in' ? (session.me.account?.id ?? null) : null;
}

/** A failed Task as the alert every view shows, with a way to try again when it can help. */
export function renderTaskError(
  task: { status: TaskStatus; error: unknown },
  retry?: () => void,
  id?: string,
) {
  if (task.status !== TaskStatus.ERROR) return nothing;
  const text = errorMessage(task.error);
  if (!text) return nothing;
  return html`
    <div class="problem">
      <p part="error" role="alert" id=${id ?? nothing}>${text}</p>
      ${
        retry
          ? html`<button part="retry" type="button" class="secondary" @click=${retry}>
              ${msg('Try again')}
            </button>`
          : nothing
      }
    </div>
  `;
}

/** "Load more" under a staff list while the server has another page; busy while it loads. */
export function renderMore(busy: boolean, onClick: () => void) {
  return html`<button
    part="more"
    type="button"
    class="secondary"
    aria-busy=${busy ? 'true' : 'false'}
    @click=${onClick}
  >
    ${msg('Load more')}
  </button>`;
}

/** "Show more" under a customer's list: disabled, and saying so, while the next page loads. */
export function renderShowMore(pending: boolean, onClick: () => void) {
  return html`<button
    part="more"
    type="button"
    class="secondary"
    ?disabled=${pending}
    @click=${onClick}
  >
    ${pending ? msg('Loading more…') : msg('Show more')}
  </button>`;
}

/** Waits `ms`, or rejects when `signal` aborts: a debounce that a newer Task run cancels. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
