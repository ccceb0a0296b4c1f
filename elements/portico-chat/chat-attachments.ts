import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import type { PorticoApi } from '../api/client.ts';
import {
  ACCEPT,
  formatSize,
  renderUploadState,
  startUpload,
  uploadLabel,
  type UploadItem,
} from '../shared/upload.ts';
import { MAX_FILES, type ChatAttachment } from './chat.api.ts';
import { isolate } from '../shared/bidi.ts';
import { formatNumber } from '../shared/format.ts';

export interface FilesHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

const PICKER = '#chat-files';

/**
 * Files for the next chat message, through the same upload endpoint as ticket replies: each is
 * uploaded as soon as it is chosen, with its progress, and can be removed until the message goes.
 */
export class ChatFilesController implements ReactiveController {
  items: UploadItem[] = [];
  /** More files were chosen than a message may carry. */
  overLimit = false;

  readonly #host: FilesHost;

  constructor(host: FilesHost) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    for (const item of this.items) if (!item.uploaded) item.abort.abort();
  }

  /** The files uploaded and ready to send. */
  get uploaded(): ChatAttachment[] {
    return this.items.flatMap((item) => (item.uploaded && !item.error ? [item.uploaded] : []));
  }

  /** True while a file is still on its way. */
  get busy(): boolean {
    return this.items.some((item) => !item.uploaded && !item.error);
  }

  /** Forgets every file, once the message took them. */
  clear(): void {
    for (const item of this.items) if (!item.uploaded) item.abort.abort();
    this.items = [];
    this.overLimit = false;
    this.#host.requestUpdate();
  }

  /** The button that opens the file picker, and the picker. */
  renderButton(disabled: boolean) {
    const full = this.items.length >= MAX_FILES;
    return html`
      <input
        id="chat-files"
        type="file"
        multiple
        accept=${ACCEPT}
        tabindex="-1"
        aria-hidden="true"
        class="picker"
        ?disabled=${disabled || full}
        @change=${this.#pick}
      />
      <button
        type="button"
        part="attach"
        class="icon secondary"
        ?disabled=${disabled || full}
        @click=${() => this.#host.renderRoot.querySelector<HTMLInputElement>(PICKER)?.click()}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path
            d="M16.5 6.5 8.6 14.4a2 2 0 0 0 2.8 2.8l8-8a4 4 0 0 0-5.6-5.6l-8 8a6 6 0 0 0 8.5 8.5l6.4-6.4"
            fill="none"
            stroke="currentColor"
            stroke-width="2"
            stroke-linecap="round"
          />
        </svg>
        <span class="visually-hidden">${msg('Attach files')}</span>
      </button>
    `;
  }

  /** The chosen files with their progress, or nothing. */
  renderFiles() {
    if (!this.items.length && !this.overLimit) return nothing;
    return html`
      ${
        this.items.length
          ? html`<ul part="files" class="chosen" aria-label=${msg('Files for your message')}>
              ${repeat(
                this.items,
                (item) => item.key,
                (item) => this.#renderItem(item),
              )}
            </ul>`
          : nothing
      }
      ${
        this.overLimit
          ? html`<p part="file-error" role="alert">
              ${msg(str`At most ${formatNumber(MAX_FILES)} files per message; the others were not added.`)}
            </p>`
          : nothing
      }
    `;
  }

  #renderItem(item: UploadItem) {
    return html`<li part="file" class="chosen-file" aria-label=${uploadLabel(item)}>
      <span class="name" dir="auto">${item.file.name}</span>
      <span class="hint">(${formatSize(item.file.size)})</span>
      <button
        type="button"
        part="remove"
        class="remove"
        aria-label=${msg(str`Remove ${isolate(item.file.name)}`)}
        @click=${() => this.#remove(item)}
      >
        ×
      </button>
      ${renderUploadState(item)}
    </li>`;
  }

  #pick = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    const room = Math.max(MAX_FILES - this.items.length, 0);
    for (const file of files.slice(0, room)) this.#start(file);
    this.overLimit = files.length > room;
    this.#host.requestUpdate();
  };

  #start(file: File): void {
    const item = startUpload(this.#host.api, file, () => {
      this.items = [...this.items];
      this.#host.requestUpdate();
    });
    this.items = [...this.items, item];
  }

  #remove(item: UploadItem): void {
    item.abort.abort();
    this.items = this.items.filter((other) => other !== item);
    this.overLimit = false;
    this.#host.requestUpdate();
    this.#host.renderRoot.querySelector<HTMLElement>('[part~="attach"]')?.focus();
  }
}
