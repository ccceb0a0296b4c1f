import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import type { PorticoApi } from '../api/client.ts';
import { apiContext } from '../context.ts';
import { formStyles, hostStyles } from '../shared/host.styles.ts';
import {
  ACCEPT,
  formatSize,
  MAX_FILE_MB,
  renderUploadState,
  startUpload,
  uploadLabel,
  type UploadItem,
} from '../shared/upload.ts';
import { isolate, ownDirection } from '../shared/bidi.ts';
import { formatNumber } from '../shared/format.ts';

export const MAX_FILES = 5;

/**
 * Files for a message: chosen with a button, uploaded at once with a progress bar each, and
 * removable until the message is sent. `ids` are the uploaded files to send with it.
 *
 * @fires portico-attachments-change - The set of files or their state changed.
 * @csspart add - The button that opens the file picker.
 * @csspart file - One chosen file, with its name, size and progress.
 * @csspart progress - A file's upload progress bar.
 * @csspart remove - The button that removes a file.
 * @csspart file-error - Why a file was refused.
 */
@customElement('portico-ticket-attachments')
@localized()
export class PorticoTicketAttachments extends LitElement {
  static override styles = [
    hostStyles,
    formStyles,
    css`
      :host {
        display: grid !important;
        gap: calc(0.5 * var(--_portico-rem)) !important;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: calc(0.5 * var(--_portico-rem));
      }
      li {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        align-items: center;
        gap: calc(0.25 * var(--_portico-rem)) calc(0.5 * var(--_portico-rem));
        padding: calc(0.5 * var(--_portico-rem)) calc(0.75 * var(--_portico-rem));
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      .name {
        overflow-wrap: anywhere;
      }
      progress {
        grid-column: 1 / -1;
        inline-size: 100%;
        block-size: calc(0.5 * var(--_portico-rem));
        accent-color: var(--_brand);
      }
      [part~='file-error'] {
        grid-column: 1 / -1;
        color: var(--_danger);
      }
      .hint {
        color: var(--_muted);
        font-size: calc(0.875 * var(--_portico-rem));
      }
      input[type='file'] {
        position: absolute;
        inline-size: 1px;
        block-size: 1px;
        opacity: 0;
        pointer-events: none;
      }
      button.secondary {
        justify-self: start;
        background: var(--_surface);
        color: var(--_brand);
        border-color: var(--_brand);
      }
      button.remove {
        background: none;
        color: var(--_text);
        border-color: var(--_border);
        padding-inline: calc(0.75 * var(--_portico-rem));
      }
    `,
  ];

  /** The API client, from the page or the nearest `<portico-portal>`. */
  @consume({ context: apiContext, subscribe: true })
  @property({ attribute: false })
  api?: PorticoApi;

  /** Disables adding and removing, while the message is being sent. */
  @property({ type: Boolean }) disabled = false;

  @state() private items: UploadItem[] = [];

  /** Set when more files were chosen than a message may carry. */
  @state() private overLimit = false;

  /** The ids of the files uploaded and ready to send. */
  get ids(): string[] {
    return this.items.flatMap((item) => (item.uploaded && !item.error ? [item.uploaded.id] : []));
  }

  /** True while any file is still uploading. */
  get busy(): boolean {
    return this.items.some((item) => !item.uploaded && !item.error);
  }

  /** True when a refused file is still in the list. */
  get hasErrors(): boolean {
    return this.items.some((item) => item.error);
  }

  /** Forgets every file, after the message went out. */
  clear(): void {
    for (const item of this.items) item.abort.abort();
    this.items = [];
    this.#changed();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const item of this.items) if (!item.uploaded) item.abort.abort();
  }

  #changed(): void {
    this.dispatchEvent(new Event('portico-attachments-change', { bubbles: true, composed: true }));
  }

  #pick(event: Event): void {
    const input = event.target as HTMLInputElement;
    const room = MAX_FILES - this.items.length;
    const files = [...(input.files ?? [])];
    input.value = '';
    for (const file of files.slice(0, Math.max(room, 0))) this.#start(file);
    this.overLimit = files.length > room;
  }

  #start(file: File): void {
    const item = startUpload(this.api, file, (settled) => {
      this.items = [...this.items];
      if (settled) this.#changed();
    });
    this.items = [...this.items, item];
    this.#changed();
  }

  #remove(item: UploadItem): void {
    item.abort.abort();
    this.items = this.items.filter((other) => other !== item);
    this.overLimit = false;
    this.#changed();
    this.renderRoot.querySelector<HTMLElement>('[part~="add"]')?.focus();
  }

  override render() {
    const full = this.items.length >= MAX_FILES;
    return html`
      ${
        this.items.length
          ? html`<ul aria-label=${msg('Attached files')}>
              ${repeat(
                this.items,
                (item) => item.key,
                (item) => this.#renderItem(item),
              )}
            </ul>`
          : nothing
      }
      <input
        id="picker"
        type="file"
        multiple
        accept=${ACCEPT}
        tabindex="-1"
        aria-hidden="true"
        ?disabled=${this.disabled || full}
        @change=${this.#pick}
      />
      <button
        type="button"
        part="add"
        class="secondary"
        aria-describedby="limits"
        ?disabled=${this.disabled || full}
        @click=${() => this.renderRoot.querySelector<HTMLInputElement>('#picker')?.click()}
      >
        ${msg('Attach files')}
      </button>
      <p id="limits" class="hint" role=${this.overLimit ? 'alert' : nothing}>
        ${
          this.overLimit
            ? msg(
                str`At most ${formatNumber(MAX_FILES)} files per message; the others were not added.`,
              )
            : msg(
                str`Up to ${formatNumber(MAX_FILES)} files of ${formatNumber(MAX_FILE_MB)} MB each: images, PDF, text or office documents.`,
              )
        }
      </p>
    `;
  }

  #renderItem(item: UploadItem) {
    const name = ownDirection(item.file.name);
    return html`<li part="file" aria-label=${uploadLabel(item)}>
      <span class="name">${name} <span class="hint">(${formatSize(item.file.size)})</span></span>
      <button
        type="button"
        part="remove"
        class="remove"
        ?disabled=${this.disabled}
        aria-label=${msg(str`Remove ${isolate(item.file.name)}`)}
        @click=${() => this.#remove(item)}
      >
        ${msg('Remove')}
      </button>
      ${renderUploadState(item)}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-ticket-attachments': PorticoTicketAttachments;
  }
}
