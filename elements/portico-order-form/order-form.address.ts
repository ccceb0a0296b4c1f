import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import type { SessionState } from '../api/session.ts';
import {
  addressLines,
  emptyAddress,
  renderAddressFields,
  withFieldValue,
} from '../shared/address-fields.ts';
import { ownDirectionList } from '../shared/bidi.ts';
import { renderTaskError, type Address, type SavedAddress } from './order-form.api.ts';

// The review step names the address it delivers to with the same pieces.
export { addressLines };

/** The choice of "a new address" among the saved ones. */
const NEW = 'new';

export interface AddressHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  readonly session: SessionState;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface AddressActions {
  /** Whether the customer has come as far as the address; the book is read only then. */
  needed(): boolean;
  submit(address: Address): void;
  back(): void;
}

/** The address step: the account's saved addresses, or a new one, optionally saved. */
export class AddressController implements ReactiveController {
  /** A saved address's id, or `new`; '' until the address book has loaded. */
  choice = '';
  draft: Address = emptyAddress();
  /** Whether to add the new address to the address book, and under which name. */
  save = false;
  label = '';

  readonly addressesTask: Task<
    readonly [PorticoApi | undefined, string | null, boolean],
    SavedAddress[]
  >;

  readonly #host: AddressHost;
  readonly #actions: AddressActions;
  #focusInvalid = false;

  constructor(host: AddressHost, actions: AddressActions) {
    this.#host = host;
    this.#actions = actions;
    host.addController(this);
    this.addressesTask = new Task(host, {
      args: () => [host.api, accountOf(host.session), actions.needed()] as const,
      task: async ([api, account, needed], { signal }) => {
        if (!api || !account || !needed) return initialState;
        const saved = await api.trpc.address.list.query(undefined, { signal });
        if (this.choice !== NEW && !saved.some((entry) => entry.id === this.choice)) {
          this.choice = (saved.find((entry) => entry.isDefault) ?? saved[0])?.id ?? NEW;
        }
        if (!this.draft.name && host.session.status === 'signed-in') {
          this.draft = { ...this.draft, name: host.session.me.user.name };
        }
        return saved;
      },
    });
  }

  hostUpdated(): void {
    if (!this.#focusInvalid) return;
    this.#focusInvalid = false;
    this.#host.renderRoot.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  }

  /** Moves focus to the first field the server refused, once it shows its message. */
  focusFirstInvalid(): void {
    this.#focusInvalid = true;
    this.#host.requestUpdate();
  }

  /** Starts over for a new order: the default address again, nothing to save. */
  reset(): void {
    this.choice = '';
    this.save = false;
    this.label = '';
  }

  /** The address to deliver to, or null while the address book is loading. */
  selected(): Address | null {
    const saved = this.addressesTask.value;
    if (!saved) return null;
    if (this.#usesForm()) return this.draft;
    return saved.find((entry) => entry.id === this.choice)?.address ?? null;
  }

  /** The name to save the new address under, or undefined when it is not to be saved. */
  saveAs(): string | undefined {
    return this.#usesForm() && this.save ? this.label.trim() : undefined;
  }

  render(fieldErrors: Record<string, string[]>, busy: boolean, error: unknown = nothing) {
    const saved = this.addressesTask.value;
    const loading = !saved && this.addressesTask.status === TaskStatus.PENDING;
    const hidden = this.#usesForm()
      ? []
      : Object.entries(fieldErrors).filter(([key]) => key.startsWith('address.'));
    return html`
      <form
        part="address-step"
        class="address-step"
        @submit=${this.#onSubmit}
        @input=${this.#onInput}
        @change=${this.#onInput}
      >
        ${loading ? html`<p part="loading" role="status">${msg('Loading your addresses…')}</p>` : nothing}
        ${renderTaskError(this.addressesTask)}
        ${saved?.length ? this.#renderChoices(saved) : nothing}
        ${saved && this.#usesForm() ? this.#renderForm(fieldErrors) : nothing}
        ${
          hidden.length
            ? html`<ul part="field-error">
                ${hidden.flatMap(([, messages]) => messages.map((text) => html`<li>${text}</li>`))}
              </ul>`
            : nothing
        }
        ${error}
        <div class="actions">
          <button type="button" part="back" class="secondary" @click=${() => this.#actions.back()}>
            ${msg('Back to cart')}
          </button>
          <button part="continue" type="submit" class="primary" ?disabled=${busy || !saved}>
            ${busy ? msg('Checking prices…') : msg('Continue to review')}
          </button>
        </div>
      </form>
    `;
  }

  #usesForm(): boolean {
    return this.choice === NEW || !this.addressesTask.value?.length;
  }

  #renderChoices(saved: SavedAddress[]) {
    const choice = (value: string, text: unknown) => html`
      <label class="choice">
        <input type="radio" name="choice" value=${value} .checked=${live(this.choice === value)} />
        <span>${text}</span>
      </label>
    `;
    return html`
      <fieldset part="addresses">
        <legend>${msg('Deliver to')}</legend>
        ${saved.map((entry) =>
          choice(
            entry.id,
            html`${entry.label ? html`<strong dir="auto">${entry.label}</strong> ` : nothing}${ownDirectionList(addressLines(entry.address))}`,
          ),
        )}
        ${choice(NEW, msg('A new address'))}
      </fieldset>
    `;
  }

  #renderForm(fieldErrors: Record<string, string[]>) {
    return html`
      <fieldset part="address-form">
        <legend>${msg('New address')}</legend>
        ${renderAddressFields({ address: this.draft, fieldErrors })}
        <label class="choice">
          <input type="checkbox" name="save" .checked=${live(this.save)} />
          <span>${msg('Save this address in my address book')}</span>
        </label>
        ${
          this.save
            ? html`<label>
                ${msg('Name for this address, such as “Office”')}
                <input name="label" maxlength="60" autocomplete="off" .value=${live(this.label)} />
              </label>`
            : nothing
        }
      </fieldset>
    `;
  }

  readonly #onInput = (event: Event) => {
    const field = event.target as HTMLInputElement | HTMLSelectElement;
    if (field.name === 'choice') this.choice = field.value;
    else if (field.name === 'save') this.save = (field as HTMLInputElement).checked;
    else if (field.name === 'label') this.label = field.value;
    else {
      const draft = withFieldValue(this.draft, field);
      if (!draft) return;
      this.draft = draft;
    }
    this.#host.requestUpdate();
  };

  readonly #onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const address = this.selected();
    if (address) this.#actions.submit(address);
  };
}

function accountOf(session: SessionState): string | null {
  return session.status === 'signed-in' ? (session.me.account?.id ?? session.me.user.id) : null;
}
