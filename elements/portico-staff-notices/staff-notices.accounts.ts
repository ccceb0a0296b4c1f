import { html, nothing, type ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { pause, renderTaskError } from '../shared/task.ts';
import { MAX_ACCOUNTS, type AccountHit, type ChosenAccount } from './staff-notices.api.ts';

export interface AccountPickerHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The accounts an announcement goes to: a search over customer accounts (`staff.customer.search`,
 * by account name or a member's name or email) whose hits are added with a button, and the chosen
 * accounts, each with a button that takes it off again.
 */
export class AccountPicker {
  chosen: ChosenAccount[] = [];
  query = '';

  readonly searchTask: Task<readonly [PorticoApi | undefined, string], AccountHit[]>;
  readonly #host: AccountPickerHost;
  readonly #announce: (text: string) => void;

  constructor(host: AccountPickerHost, announce: (text: string) => void) {
    this.#host = host;
    this.#announce = announce;
    this.searchTask = new Task(host, {
      args: () => [this.#host.api, this.query.trim()] as const,
      task: async ([api, query], { signal }) => {
        if (!api || !query) return initialState;
        await pause(250, signal);
        const page = await api.trpc.staff.customer.search.query({ query, limit: 8 }, { signal });
        this.#announce(
          page.items.length === 0
            ? msg('No account matches.')
            : page.items.length === 1
              ? msg('1 account found.')
              : msg(str`${page.items.length} accounts found.`),
        );
        return page.items;
      },
    });
  }

  /** Starts again with `accounts` chosen and no search. */
  load(accounts: readonly ChosenAccount[]): void {
    this.chosen = accounts.map(({ id, name }) => ({ id, name }));
    this.query = '';
    this.#host.requestUpdate();
  }

  render(error: string, disabled: boolean) {
    const hits = this.query.trim() ? (this.searchTask.value ?? []) : [];
    const chosenIds = new Set(this.chosen.map((account) => account.id));
    const searching = this.searchTask.status === TaskStatus.PENDING;
    return html`
      <fieldset
        part="accounts"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? 'accountIds-error' : nothing}
        ?disabled=${disabled}
      >
        <legend>${msg('Accounts')}</legend>
        <ul part="chosen-accounts" class="chips" aria-label=${msg('Chosen accounts')}>
          ${this.chosen.map(
            (account) =>
              html`<li part="chosen-account" data-id=${account.id}>
                <span class="clip">${account.name}</span>
                <button
                  part="unchoose"
                  type="button"
                  class="secondary small"
                  aria-label=${msg(str`Take off ${account.name}`)}
                  @click=${() => this.#remove(account)}
                >
                  ${msg('Take off')}
                </button>
              </li>`,
          )}
        </ul>
        ${
          this.chosen.length
            ? nothing
            : html`<p part="no-accounts" class="hint">${msg('No account chosen yet.')}</p>`
        }
        <label>
          ${msg('Find an account')}
          <input
            id="account-search"
            part="account-search"
            type="search"
            autocomplete="off"
            maxlength="100"
            aria-describedby="account-search-hint"
            .value=${this.query}
            @input=${this.#search}
            @keydown=${this.#keepForm}
          />
        </label>
        <p id="account-search-hint" class="hint">
          ${msg('The account’s name, or a customer’s name or email.')}
        </p>
        <div aria-busy=${searching ? 'true' : 'false'}>
          ${renderTaskError(this.searchTask, () => void this.searchTask.run())}
          <ul part="account-hits" class="hits">
            ${hits.map(
              (hit) =>
                html`<li part="account-hit">
                  <button
                    part="choose"
                    type="button"
                    class="secondary"
                    ?disabled=${chosenIds.has(hit.id) || this.chosen.length >= MAX_ACCOUNTS}
                    @click=${() => this.#add(hit)}
                  >
                    ${
                      chosenIds.has(hit.id)
                        ? msg(str`${hit.name} (chosen)`)
                        : msg(str`Add ${hit.name}`)
                    }
                  </button>
                </li>`,
            )}
          </ul>
        </div>
        ${error ? html`<p part="field-error" id="accountIds-error" class="field-error">${error}</p>` : nothing}
      </fieldset>
    `;
  }

  #add(hit: AccountHit): void {
    if (this.chosen.some((account) => account.id === hit.id)) return;
    this.chosen = [...this.chosen, { id: hit.id, name: hit.name }];
    this.#announce(msg(str`${hit.name} is added to the audience.`));
    this.#host.requestUpdate();
  }

  #remove(account: ChosenAccount): void {
    this.chosen = this.chosen.filter((other) => other.id !== account.id);
    this.#announce(msg(str`${account.name} is taken off the audience.`));
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() =>
      this.#host.renderRoot.querySelector<HTMLElement>('#account-search')?.focus(),
    );
  }

  readonly #search = (event: Event): void => {
    this.query = (event.target as HTMLInputElement).value;
    this.#host.requestUpdate();
  };

  /** Enter in the search field searches; it must not publish the announcement. */
  readonly #keepForm = (event: KeyboardEvent): void => {
    if (event.key === 'Enter') event.preventDefault();
  };
}
