import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { formStyles, hostStyles } from '../shared/host.styles.ts';
import { StaffView } from '../shared/staff-view.ts';
import { pause, renderMore, renderTaskError } from '../shared/task.ts';
import { viewStyles } from '../shared/view.styles.ts';
import { badgeStyles } from '../portico-ticket-inbox/ticket-badge.styles.ts';
import {
  accountsFound,
  PAGE_SIZE,
  type CustomerAccount,
  type CustomerEffects,
  type FoundAccount,
} from './staff-customers.api.ts';
import { renderResults, renderSearch } from './staff-customers.list.ts';
import { renderAccountHeader, renderActivity } from './staff-customers.account.ts';
import { CustomerActionsController } from './staff-customers.actions.ts';
import { styles } from './portico-staff-customers.styles.ts';

/**
 * The staff's customer view: one search over account names, people's names and email
 * addresses, and one account with its people, invitations, balance, recent orders and tickets.
 * Staff invite people by email, cancel invitations, and lock a person out (every session of
 * theirs ends at once) or let them back in. Links inside are `#customer=<id>`, `#customers`,
 * `#order=<id>`, `#ticket=<id>` and `#billing=<id>`; the page (the staff console) routes them.
 *
 * @summary Staff customer search and account view.
 * @csspart list - The search view.
 * @csspart search-form - The search form.
 * @csspart search - The search field.
 * @csspart result-count - How many accounts were found, said politely.
 * @csspart results - The accounts found.
 * @csspart result - One account found.
 * @csspart open - The link that opens an account.
 * @csspart member-count - How many people an account has.
 * @csspart result-balance - An account's balance in the results.
 * @csspart people - The people of an account that the search found.
 * @csspart person - One person found.
 * @csspart person-name - Their name.
 * @csspart person-email - Their email.
 * @csspart person-role - Their role in the account.
 * @csspart locked - The "Locked" mark of a locked-out person.
 * @csspart more - "Load more".
 * @csspart account - The account view.
 * @csspart back - The link back to the search.
 * @csspart heading - The account's name.
 * @csspart facts - When it became a customer and how many people it has.
 * @csspart created - When it became a customer.
 * @csspart balance - The balance section.
 * @csspart balance-amount - The balance.
 * @csspart overdue - What is overdue.
 * @csspart billing - The link to the account's billing.
 * @csspart people-section - The people and invitations.
 * @csspart members - The account's people.
 * @csspart member - One person.
 * @csspart member-email - Their email.
 * @csspart role - A role badge.
 * @csspart lock-reason - Why a person is locked out.
 * @csspart lock - "Lock out", which opens the lock form.
 * @csspart lock-form - The form that locks a person out.
 * @csspart lock-reason-input - The reason field.
 * @csspart confirm-lock - "Confirm lock".
 * @csspart cancel-lock - "Keep access", which closes the lock form.
 * @csspart unlock - "Unlock".
 * @csspart invitations - The invitations waiting for an answer.
 * @csspart invitation - One invitation.
 * @csspart cancel-invitation - An invitation's cancel button.
 * @csspart invite-form - The invitation form.
 * @csspart invite-email - Its email field.
 * @csspart invite-role - Its role choice.
 * @csspart send-invitation - "Send invitation".
 * @csspart orders - Recent orders.
 * @csspart order - One order, a link to it.
 * @csspart status - An order's or ticket's status badge (also `status-<status>`).
 * @csspart tickets - The account's tickets.
 * @csspart ticket - One ticket, a link to it.
 * @csspart field-error - Why a field was refused.
 * @csspart error - A failure, with `role="alert"`.
 * @csspart retry - "Try again".
 * @csspart signed-out - The line shown to anyone not signed in as staff.
 * @cssproperty --gap - Space between blocks. Default: `var(--portico-space, 1rem)`.
 */
@customElement('portico-staff-customers')
@localized()
export class PorticoStaffCustomers extends StaffView {
  static override styles = [hostStyles, formStyles, viewStyles, badgeStyles, styles];

  /** The account on screen (the console sets it from `#customer=<id>`); null shows the search. */
  @property({ attribute: 'account-id' }) accountId: string | null = null;

  @state() private query = '';
  @state() private rows: FoundAccount[] = [];
  @state() private cursor: string | null = null;
  @state() private currency = 'EUR';
  @state() private account: CustomerAccount | null = null;
  @state() private announcement = '';

  private effects: CustomerEffects = {
    focusSoon: (selector) => this.focusSoon(selector),
    announce: (text) => (this.announcement = text),
    changed: (account) => {
      if (account.id === this.accountId) this.account = account;
    },
  };

  private actions = new CustomerActionsController(this, this.effects);

  private searchTask = new Task(this, {
    args: () => [this.api, this.staffId, this.accountId, this.query] as const,
    task: async ([api, staffId, accountId, query], { signal }) => {
      if (!api || !staffId || accountId) return initialState;
      if (query) await pause(250, signal);
      const page = await api.trpc.staff.customer.search.query(
        { query, limit: PAGE_SIZE },
        { signal },
      );
      this.rows = page.items;
      this.cursor = page.nextCursor;
      this.currency = page.currency;
      return page;
    },
  });

  private moreTask = new Task(this, {
    autoRun: false,
    task: async ([api, cursor]: [PorticoApi, string], { signal }) => {
      const page = await api.trpc.staff.customer.search.query(
        { query: this.query, cursor, limit: PAGE_SIZE },
        { signal },
      );
      const known = new Set(this.rows.map((row) => row.id));
      this.rows = [...this.rows, ...page.items.filter((row) => !known.has(row.id))];
      this.cursor = page.nextCursor;
      return page;
    },
  });

  private accountTask = new Task(this, {
    args: () => [this.api, this.staffId, this.accountId] as const,
    task: async ([api, staffId, accountId], { signal }) => {
      if (!api || !staffId || !accountId) return initialState;
      const account = await api.trpc.staff.customer.byId.query({ accountId }, { signal });
      if (accountId === this.accountId) this.account = account;
      return account;
    },
  });

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('accountId') && changed.get('accountId') !== undefined) {
      this.account = null;
      this.actions.reset();
      this.focusSoon(this.accountId ? '#account-title' : '#list-title');
    }
  }

  override render() {
    if (!this.staffId) {
      return this.renderNotStaff(msg('Sign in with a staff account to see customers.'));
    }
    return html`
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      ${this.accountId ? this.renderAccount() : this.renderList()}
    `;
  }

  private renderList() {
    const loading = this.searchTask.status === TaskStatus.PENDING;
    const first =
      this.searchTask.status === TaskStatus.INITIAL || (loading && !this.searchTask.value);
    return html`
      <section
        part="list"
        class="list"
        aria-labelledby="list-title"
        aria-busy=${loading ? 'true' : 'false'}
      >
        <h2 id="list-title" tabindex="-1">${msg('Customers')}</h2>
        ${renderSearch(this.query, this.handleSearchInput)}
        ${renderTaskError(this.searchTask, () => void this.searchTask.run())}
        <p part="result-count" class="hint" role="status" aria-live="polite">
          ${first ? msg('Loading accounts…') : accountsFound(this.rows.length, Boolean(this.cursor))}
        </p>
        ${first ? nothing : renderResults(this.rows, this.currency)}
        ${renderTaskError(this.moreTask, () => this.loadMore())}
        ${
          this.cursor
            ? renderMore(this.moreTask.status === TaskStatus.PENDING, () => this.loadMore())
            : nothing
        }
      </section>
    `;
  }

  private renderAccount() {
    const account = this.account;
    if (!account) {
      return html`<section part="account" class="account" aria-busy="true">
        <a part="back" href="#customers">${msg('Back to customers')}</a>
        ${renderTaskError(this.accountTask, () => void this.accountTask.run())}
        ${
          this.accountTask.status === TaskStatus.ERROR
            ? nothing
            : html`<p role="status" class="hint">${msg('Loading the account…')}</p>`
        }
      </section>`;
    }
    return html`
      <section part="account" class="account" aria-labelledby="account-title">
        <div class="account-main">
          ${renderAccountHeader(account)} ${this.actions.renderMembers(account)}
          ${this.actions.renderInviteForm(account)}
        </div>
        <div class="account-side">${renderActivity(account)}</div>
      </section>
    `;
  }

  private loadMore(): void {
    if (!this.api || !this.cursor || this.moreTask.status === TaskStatus.PENDING) return;
    void this.moreTask.run([this.api, this.cursor]);
  }

  private handleSearchInput = (event: Event): void => {
    const form = event.currentTarget as HTMLFormElement;
    const query = String(new FormData(form).get('query') ?? '').trim();
    if (query !== this.query) this.query = query;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-staff-customers': PorticoStaffCustomers;
  }
}
