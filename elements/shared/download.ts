import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import type { PorticoApi } from '../api/client.ts';
import { getLocale } from './locale.ts';

/**
 * Files the backend serves to signed-in customers (an invoice's PDF, the account statement) come
 * from the API's origin with the session cookie. A plain link would not carry the cookie when the
 * vendor's page is on another site, so they are fetched with credentials and saved from a Blob.
 */

/** What to fetch and the name it is saved under. */
export interface DownloadRequest {
  /** Tells one download from another on the same element, such as an invoice's id. */
  key: string;
  url: string;
  filename: string;
}

/** The server refused a download; `code` is its stable key (`NOT_FOUND`, `UNAUTHORIZED`). */
export class DownloadError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DownloadError';
  }
}

/**
 * How long a saved file's object URL lives. Some browsers read the Blob only after `click()`
 * returns, so it is not revoked at once; a minute is far longer than any of them needs.
 */
const REVOKE_AFTER = 60_000;

/** An invoice as PDF, in the customer's language. */
export function invoicePdf(api: PorticoApi, invoice: { id: string; number: string }) {
  const id = encodeURIComponent(invoice.id);
  const locale = encodeURIComponent(getLocale());
  return {
    key: `invoice:${invoice.id}`,
    url: `${api.url}/api/invoices/${id}/pdf?locale=${locale}`,
    filename: `invoice-${invoice.number}.pdf`,
  } satisfies DownloadRequest;
}

/** A message's attached file, as the backend serves it to those who may see the message. */
export function attachmentDownload(api: PorticoApi, file: { id: string; name: string }) {
  return {
    key: `file:${file.id}`,
    url: `${api.url}/api/files/${encodeURIComponent(file.id)}`,
    filename: file.name,
  } satisfies DownloadRequest;
}

/** The account statement between two days (`YYYY-MM-DD`, both included) as CSV, headed in the customer's language. */
export function statementCsv(api: PorticoApi, from: string, to: string) {
  const query = new URLSearchParams({ from, to, locale: getLocale() });
  return {
    key: 'statement',
    url: `${api.url}/api/statement.csv?${query}`,
    filename: `statement-${from}-${to}.csv`,
  } satisfies DownloadRequest;
}

/** The server's `{error: {code, message}}`, or what the status alone says. */
async function refusalOf(response: Response): Promise<DownloadError> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    const { code, message } = body.error ?? {};
    if (typeof code === 'string') {
      return new DownloadError(response.status, code, typeof message === 'string' ? message : '');
    }
  } catch {
    // Not JSON (a proxy's error page, say): the status is all there is.
  }
  return new DownloadError(response.status, `HTTP_${response.status}`, '');
}

/** Fetches `url` with the session cookie; rejects with a DownloadError when the server refuses. */
export async function fetchFile(url: string, signal?: AbortSignal): Promise<Blob> {
  const response = await fetch(url, { credentials: 'include', signal: signal ?? null });
  if (!response.ok) throw await refusalOf(response);
  return response.blob();
}

/** Hands a Blob to the browser as a file called `filename`, through a temporary link. */
export function saveBlob(blob: Blob, filename: string, within: Node): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  link.hidden = true;
  within.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(href), REVOKE_AFTER);
  }
}

/** A failed download as one sentence a customer can act on; empty when it was cancelled. */
export function downloadErrorMessage(error: unknown): string {
  if (error instanceof DOMException && error.name === 'AbortError') return '';
  if (error instanceof DownloadError) {
    switch (error.code) {
      case 'UNAUTHORIZED':
        return msg('Your session has ended. Please sign in again.');
      case 'NOT_FOUND':
        return msg('We could not find that file. It may have been removed.');
      case 'BAD_REQUEST':
        // The server names what is wrong with the request, such as a start after the end.
        return error.message || msg('Check what you entered and try again.');
      case 'TOO_MANY_REQUESTS':
        return msg('Too many attempts. Wait a minute, then try again.');
      default:
        return error.status >= 500
          ? msg('Something went wrong on our side. Please try again in a moment.')
          : msg('The file could not be downloaded. Please try again.');
    }
  }
  // fetch rejects with a TypeError when the network or CORS fails.
  if (error instanceof TypeError) {
    return msg('The portal could not be reached. Check your connection and try again.');
  }
  return msg('The file could not be downloaded. Please try again.');
}

export interface DownloadHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** What a download button says and which parts it carries. */
export interface DownloadButton {
  /** The button's content; add the file's name in a visually hidden span when there are several. */
  label: unknown;
  /** The content while the file is on its way. */
  busyLabel?: unknown;
  /** The button's part names; `error` and `download-error` mark its message. */
  part?: string;
  className?: string;
  /** A form's submit button: the form checks its fields and calls `start` itself. */
  submit?: boolean;
}

/**
 * Downloads started from an element's buttons: which are on their way, which failed and why.
 * A pending button keeps focus (it is `aria-disabled`, not `disabled`), so a keyboard user is
 * where they were when the file arrives.
 */
export class DownloadController implements ReactiveController {
  readonly #host: DownloadHost;
  readonly #pending = new Map<string, AbortController>();
  readonly #errors = new Map<string, string>();

  constructor(host: DownloadHost) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    for (const controller of this.#pending.values()) controller.abort();
    this.#pending.clear();
  }

  isPending(key: string): boolean {
    return this.#pending.has(key);
  }

  /** The sentence saying why the last download of `key` failed, or ''. */
  errorOf(key: string): string {
    return this.#errors.get(key) ?? '';
  }

  /** Fetches and saves a file; true when it was handed to the browser. */
  async start(api: PorticoApi, request: DownloadRequest): Promise<boolean> {
    const { key } = request;
    if (this.#pending.has(key)) return false;
    const controller = new AbortController();
    this.#pending.set(key, controller);
    this.#errors.delete(key);
    this.#host.requestUpdate();
    try {
      const blob = await fetchFile(request.url, controller.signal);
      saveBlob(blob, request.filename, this.#host.renderRoot);
      return true;
    } catch (error) {
      const text = downloadErrorMessage(error);
      if (text) this.#errors.set(key, text);
      // The session store asks the server once, so every element signs out together.
      if (error instanceof DownloadError && error.code === 'UNAUTHORIZED') {
        void api.session.refresh();
      }
      return false;
    } finally {
      if (this.#pending.get(key) === controller) this.#pending.delete(key);
      this.#host.requestUpdate();
    }
  }

  /** A button that downloads `request`, and the alert saying why it failed, if it did. */
  render(api: PorticoApi, request: DownloadRequest, button: DownloadButton) {
    const pending = this.isPending(request.key);
    const error = this.errorOf(request.key);
    const onClick = (event: Event) => {
      if (pending) event.preventDefault();
      else if (!button.submit) void this.start(api, request);
    };
    return html`
      <button
        part=${button.part ?? 'download'}
        type=${button.submit ? 'submit' : 'button'}
        class=${button.className ?? 'secondary'}
        aria-disabled=${pending ? 'true' : 'false'}
        aria-busy=${pending ? 'true' : 'false'}
        @click=${onClick}
      >
        ${pending ? (button.busyLabel ?? msg('Downloading…')) : button.label}
      </button>
      ${error ? html`<p part="error download-error" role="alert">${error}</p>` : nothing}
    `;
  }
}
