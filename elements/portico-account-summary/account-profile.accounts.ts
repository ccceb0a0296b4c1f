import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { isolate } from '../shared/bidi.ts';
import {
  accountOf,
  accountRole,
  renderLoading,
  renderTaskError,
  roleName,
  type Membership,
  type ProfileEffects,
  type ProfileHost,
} from './account-profile.api.ts';

/**
 * The accounts the person belongs to, the one this sign-in works in marked; with several, a
 * button per other account moves the sign-in there, and every element on the page follows.
 */
export class AccountsController {
  /** The accounts as the server last described them. */
  accounts: Membership[] | null = null;

  readonly listTask: Task<readonly [PorticoApi | undefined, string | null], Membership[]>;
  readonly switchTask: Task<[PorticoApi, Membership], void>;

  readonly #host: ProfileHost;
  #switchingTo: string | null = null;

  constructor(host: ProfileHost, effects: ProfileEffects) {
    this.#host = host;

    // Keyed by the account the sign-in works in: joining, leaving or switching changes it.
    this.listTask = new Task(host, {
      args: () => [host.api, accountOf(host.session)] as const,
      task: async ([api, account], { signal }) => {
        if (!api || !account) return initialState;
        this.accounts = await api.trpc.account.memberships.query(undefined, { signal });
        return this.accounts;
      },
    });

    this.switchTask = new Task(host, {
      autoRun: false,
      task: async ([api, account]: [PorticoApi, Membership], { signal }) => {
        await api.trpc.account.switch.mutate({ accountId: account.id }, { signal });
        await api.session.refresh();
        effects.focusSoon('#accounts-title');
        effects.announce(msg(str`You now work in ${account.name}.`));
      },
    });
  }

  /** Forgets what was on screen: another person is signed in. */
  reset(): void {
    this.accounts = null;
  }

  render() {
    const accounts = this.accounts;
    const several = (accounts?.length ?? 0) > 1;
    return html`
      <section part="accounts" aria-labelledby="accounts-title">
        <h3 id="accounts-title" tabindex="-1">${msg('Accounts you belong to')}</h3>
        ${renderLoading(this.listTask, accounts, msg('Loading your accounts…'))}
        ${renderTaskError(this.listTask, () => void this.listTask.run())}
        ${
          several
            ? html`<p>
                ${msg('You work in one account at a time. Orders, invoices and tickets are the chosen account’s.')}
              </p>`
            : nothing
        }
        ${
          accounts
            ? html`<ul part="account-list" class="cards">
                ${accounts.map((account) => this.#renderAccount(account, several))}
              </ul>`
            : nothing
        }
        ${renderTaskError(this.switchTask)}
      </section>
    `;
  }

  #renderAccount(account: Membership, several: boolean) {
    const busy = this.switchTask.status === TaskStatus.PENDING && this.#switchingTo === account.id;
    return html`
      <li
        part=${account.current ? 'account current-account' : 'account'}
        class="card"
        data-account=${account.id}
        aria-current=${account.current ? 'true' : nothing}
      >
        <p class="card-head">
          <strong dir="auto">${account.name}</strong>
          ${
            account.current && several
              ? html`<span class="badge">${msg('You work here now')}</span>`
              : nothing
          }
        </p>
        <p class="meta">${msg(str`Your role: ${roleName(accountRole(account.role))}`)}</p>
        ${
          account.current
            ? nothing
            : html`<div class="actions">
                <button
                  part="switch-account"
                  type="button"
                  class="secondary"
                  ?disabled=${busy}
                  @click=${() => this.#switch(account)}
                >
                  ${busy ? msg('Switching…') : msg(str`Work in ${isolate(account.name)}`)}
                </button>
              </div>`
        }
      </li>
    `;
  }

  #switch(account: Membership) {
    const api = this.#host.api;
    if (!api) return;
    this.#switchingTo = account.id;
    void this.switchTask.run([api, account]);
  }
}
