import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { isolate, ownDirection } from '../shared/bidi.ts';
import {
  addressLines,
  emptyAddress,
  renderAddressFields,
  withFieldValue,
  type Address,
} from '../shared/address-fields.ts';
import {
  accountOf,
  fieldErrorsOf,
  myRole,
  renderConfirm,
  renderLoading,
  renderTaskError,
  type ProfileEffects,
  type ProfileHost,
  type SavedAddress,
} from './account-profile.api.ts';

interface AddressInput {
  id?: string;
  label: string;
  isDefault: boolean;
  address: Address;
}

/** The name a saved address goes by in buttons and announcements. */
function nameOf(entry: SavedAddress): string {
  return entry.label || entry.address.line1;
}

/**
 * The account's address book: the saved addresses with the default marked, a form to add or edit
 * one, making one the default, and removing one after an inline confirmation.
 */
export class AddressBookController {
  /** The address book as the server last described it. */
  entries: SavedAddress[] | null = null;
  /** The address being edited: its id, `new` for a new one, or null while the form is closed. */
  editing: string | null = null;
  draft: Address = emptyAddress();
  label = '';
  makeDefault = false;
  /** The id of the address whose removal waits for a yes. */
  confirming: string | null = null;

  readonly listTask: Task<readonly [PorticoApi | undefined, string | null], SavedAddress[]>;
  readonly saveTask: Task<[PorticoApi, AddressInput], void>;
  readonly removeTask: Task<[PorticoApi, SavedAddress], void>;
  readonly defaultTask: Task<[PorticoApi, SavedAddress], void>;

  readonly #host: ProfileHost;
  readonly #effects: ProfileEffects;
  /** The write tasks whose outcome belongs to what is on screen now. */
  readonly #current = new Set<object>();
  /** The address whose "Make default" is under way. */
  #pendingDefault: string | null = null;

  constructor(host: ProfileHost, effects: ProfileEffects) {
    this.#host = host;
    this.#effects = effects;

    this.listTask = new Task(host, {
      args: () => [host.api, accountOf(host.session)] as const,
      task: async ([api, account], { signal }) => {
        if (!api || !account) return initialState;
        this.entries = await api.trpc.address.list.query(undefined, { signal });
        return this.entries;
      },
    });

    this.saveTask = new Task(host, {
      autoRun: false,
      task: async ([api, input]: [PorticoApi, AddressInput], { signal }) => {
        let saved: SavedAddress;
        try {
          saved = await api.trpc.address.save.mutate(input, { signal });
        } catch (error) {
          if (Object.keys(fieldErrorsOf(error)).length) {
            effects.focusSoon("[part~='address-form'] [aria-invalid='true']");
          }
          throw error;
        }
        this.entries = await api.trpc.address.list.query(undefined, { signal });
        this.editing = null;
        effects.focusSoon(`[data-address='${saved.id}'] [part~='edit-address']`);
        effects.announce(msg(str`Address “${nameOf(saved)}” saved.`));
      },
    });

    this.removeTask = new Task(host, {
      autoRun: false,
      task: async ([api, entry]: [PorticoApi, SavedAddress], { signal }) => {
        await api.trpc.address.remove.mutate({ id: entry.id }, { signal });
        this.entries = await api.trpc.address.list.query(undefined, { signal });
        this.confirming = null;
        effects.focusSoon('#addresses-title');
        effects.announce(msg(str`Address “${nameOf(entry)}” removed.`));
      },
    });

    this.defaultTask = new Task(host, {
      autoRun: false,
      task: async ([api, entry]: [PorticoApi, SavedAddress], { signal }) => {
        const { id, label, address } = entry;
        await api.trpc.address.save.mutate({ id, label, address, isDefault: true }, { signal });
        this.entries = await api.trpc.address.list.query(undefined, { signal });
        effects.focusSoon(`[data-address='${id}'] [part~='edit-address']`);
        effects.announce(msg(str`“${nameOf(entry)}” is now your default address.`));
      },
    });
  }

  /** Forgets what was on screen: another person or account is signed in. */
  reset(): void {
    this.entries = null;
    this.editing = null;
    this.confirming = null;
    this.#current.clear();
  }

  render() {
    const entries = this.entries;
    return html`
      <section part="addresses" aria-labelledby="addresses-title">
        <h3 id="addresses-title" tabindex="-1">${msg('Addresses')}</h3>
        ${renderLoading(this.listTask, entries, msg('Loading your addresses…'))}
        ${renderTaskError(this.listTask, () => void this.listTask.run())}
        ${
          entries && !entries.length
            ? html`<p part="empty">${msg('Your address book is empty.')}</p>`
            : nothing
        }
        ${
          entries?.length
            ? html`<ul part="address-list" class="cards">
                ${entries.map((entry) => this.#renderEntry(entry))}
              </ul>`
            : nothing
        }
        ${this.#shows(this.defaultTask) ? renderTaskError(this.defaultTask) : nothing}
        ${
          entries && !this.#mayEdit()
            ? html`<p part="viewer-note" class="hint">
                ${msg('Your role in this account lets you see its addresses but not change them.')}
              </p>`
            : nothing
        }
        ${
          entries && this.#mayEdit()
            ? this.editing === 'new'
              ? this.#renderForm(null)
              : html`<div class="actions">
                  <button
                    part="add-address"
                    type="button"
                    class="secondary"
                    @click=${() => this.#open(null)}
                  >
                    ${msg('Add an address')}
                  </button>
                </div>`
            : nothing
        }
      </section>
    `;
  }

  #renderEntry(entry: SavedAddress) {
    if (this.editing === entry.id) {
      return html`<li part="address" class="card" data-address=${entry.id}>
        ${this.#renderForm(entry)}
      </li>`;
    }
    const name = nameOf(entry);
    const confirming = this.confirming === entry.id;
    const settingDefault =
      this.defaultTask.status === TaskStatus.PENDING && this.#pendingDefault === entry.id;
    return html`
      <li part="address" class="card" data-address=${entry.id}>
        <p class="card-head">
          <strong dir="auto">${entry.label || msg('Address')}</strong>
          ${entry.isDefault ? html`<span part="default" class="badge">${msg('Default')}</span>` : nothing}
        </p>
        <address part="address-text">
          ${addressLines(entry.address).map((line) => html`<span>${ownDirection(line)}</span>`)}
        </address>
        ${
          confirming
            ? renderConfirm({
                id: `remove-${entry.id}`,
                question: msg(str`Remove “${isolate(name)}” from your address book?`),
                yes: msg('Yes, remove it'),
                no: msg('Keep it'),
                busyText: msg('Removing…'),
                busy: this.removeTask.status === TaskStatus.PENDING,
                onYes: () => this.#remove(entry),
                onNo: () => this.#closeConfirm(entry),
                error: this.#shows(this.removeTask) ? renderTaskError(this.removeTask) : nothing,
              })
            : !this.#mayEdit()
              ? nothing
              : html`<div class="actions">
                  <button
                    part="edit-address"
                    type="button"
                    class="secondary"
                    aria-label=${msg(str`Edit ${isolate(name)}`)}
                    @click=${() => this.#open(entry)}
                  >
                    ${msg('Edit')}
                  </button>
                  ${
                    entry.isDefault
                      ? nothing
                      : html`<button
                          part="make-default"
                          type="button"
                          class="secondary"
                          aria-label=${msg(str`Make ${isolate(name)} the default`)}
                          ?disabled=${settingDefault}
                          @click=${() => this.#setDefault(entry)}
                        >
                          ${settingDefault ? msg('Saving…') : msg('Make default')}
                        </button>`
                  }
                  <button
                    part="remove-address"
                    type="button"
                    class="secondary"
                    aria-label=${msg(str`Remove ${isolate(name)}`)}
                    @click=${() => this.#askRemove(entry)}
                  >
                    ${msg('Remove')}
                  </button>
                </div>`
        }
      </li>
    `;
  }

  /** The form for a new address (`entry` null) or for changing a saved one. */
  #renderForm(entry: SavedAddress | null) {
    const task = this.saveTask;
    const busy = task.status === TaskStatus.PENDING;
    const failed = this.#shows(task) && task.status === TaskStatus.ERROR;
    const fieldErrors = failed ? fieldErrorsOf(task.error) : {};
    return html`
      <form
        part="address-form"
        class="panel"
        aria-labelledby="address-form-title"
        @submit=${this.#onSubmit}
        @input=${this.#onInput}
        @change=${this.#onInput}
      >
        <h4 id="address-form-title">
          ${entry ? msg(str`Change “${isolate(nameOf(entry))}”`) : msg('New address')}
        </h4>
        <div class="field">
          <label for="address-label"
            >${msg('Name for this address, such as “Office” (optional)')}</label
          >
          <input
            id="address-label"
            name="label"
            maxlength="60"
            autocomplete="off"
            .value=${live(this.label)}
          />
        </div>
        <fieldset class="address-fields">
          <legend>${msg('Address')}</legend>
          ${renderAddressFields({ address: this.draft, fieldErrors })}
        </fieldset>
        ${
          entry?.isDefault
            ? nothing
            : html`<label class="choice">
                <input type="checkbox" name="isDefault" .checked=${live(this.makeDefault)} />
                <span>${msg('Make this my default address')}</span>
              </label>`
        }
        ${failed && !Object.keys(fieldErrors).length ? renderTaskError(task) : nothing}
        <div class="actions">
          <button part="save-address" type="submit" class="primary" ?disabled=${busy}>
            ${busy ? msg('Saving…') : msg('Save address')}
          </button>
          <button type="button" class="secondary" @click=${() => this.#close()}>
            ${msg('Cancel')}
          </button>
        </div>
      </form>
    `;
  }

  #shows(task: object): boolean {
    return this.#current.has(task);
  }

  #open(entry: SavedAddress | null) {
    this.editing = entry?.id ?? 'new';
    this.confirming = null;
    this.draft = entry ? { ...entry.address } : emptyAddress();
    this.label = entry?.label ?? '';
    this.makeDefault = false;
    this.#current.delete(this.saveTask);
    this.#effects.focusSoon('#address-label');
    this.#host.requestUpdate();
  }

  /** Closes the form and gives focus back to the button that opened it. */
  #close() {
    const editing = this.editing;
    this.editing = null;
    this.#effects.focusSoon(
      editing === 'new' || !editing
        ? "[part~='add-address']"
        : `[data-address='${editing}'] [part~='edit-address']`,
    );
    this.#host.requestUpdate();
  }

  /** Viewers see the address book; buyers and owners change it. */
  #mayEdit(): boolean {
    return myRole(this.#host.session) !== 'viewer';
  }

  #askRemove(entry: SavedAddress) {
    this.confirming = entry.id;
    this.editing = null;
    this.#current.delete(this.removeTask);
    this.#effects.focusSoon(`#remove-${entry.id}`);
    this.#host.requestUpdate();
  }

  #closeConfirm(entry: SavedAddress) {
    this.confirming = null;
    this.#effects.focusSoon(`[data-address='${entry.id}'] [part~='remove-address']`);
    this.#host.requestUpdate();
  }

  #remove(entry: SavedAddress) {
    const api = this.#host.api;
    if (!api) return;
    this.#current.add(this.removeTask);
    void this.removeTask.run([api, entry]);
  }

  #setDefault(entry: SavedAddress) {
    const api = this.#host.api;
    if (!api) return;
    this.#pendingDefault = entry.id;
    this.#current.add(this.defaultTask);
    void this.defaultTask.run([api, entry]);
  }

  readonly #onInput = (event: Event) => {
    const control = event.target as HTMLInputElement | HTMLSelectElement;
    if (control.name === 'label') this.label = control.value;
    else if (control.name === 'isDefault') this.makeDefault = (control as HTMLInputElement).checked;
    else this.draft = withFieldValue(this.draft, control) ?? this.draft;
    this.#host.requestUpdate();
  };

  readonly #onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const api = this.#host.api;
    if (!api || !this.editing) return;
    const input: AddressInput = {
      label: this.label.trim(),
      isDefault: this.makeDefault,
      address: this.draft,
    };
    if (this.editing !== 'new') input.id = this.editing;
    this.#current.add(this.saveTask);
    void this.saveTask.run([api, input]);
  };
}
