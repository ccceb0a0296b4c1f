import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { isolate } from '../shared/bidi.ts';
import { formatDate } from '../shared/format.ts';
import {
  ROLES,
  accountOf,
  myRole,
  renderConfirm,
  renderLoading,
  renderTaskError,
  roleExplained,
  roleName,
  userOf,
  type Member,
  type MemberList,
  type ProfileEffects,
  type ProfileHost,
  type Role,
} from './account-profile.api.ts';
import { InviteController } from './account-members.invite.ts';

/**
 * The people of the account the sign-in works in, with their roles explained. Owners also
 * invite colleagues, change roles, remove members and cancel invitations; everyone but the last
 * owner may leave. Every change answers with the list as it is now.
 */
export class MembersController {
  /** The members and pending invitations as the server last described them. */
  list: MemberList | null = null;
  /** A member whose removal waits for a yes, `leave` when leaving does, or null. */
  confirming: string | null = null;

  readonly listTask: Task<readonly [PorticoApi | undefined, string | null], MemberList>;
  readonly roleTask: Task<[PorticoApi, Member, Role], void>;
  readonly removeTask: Task<[PorticoApi, Member], void>;
  readonly leaveTask: Task<[PorticoApi, string], void>;

  readonly #host: ProfileHost;
  readonly #effects: ProfileEffects;
  readonly #current = new Set<object>();
  /** The member a row's button is busy with. */
  #busyWith: string | null = null;
  readonly #invites: InviteController;

  constructor(host: ProfileHost, effects: ProfileEffects) {
    this.#host = host;
    this.#effects = effects;
    this.#invites = new InviteController(host, effects, (list) => (this.list = list));

    this.listTask = new Task(host, {
      args: () => [host.api, accountOf(host.session)] as const,
      task: async ([api, account], { signal }) => {
        if (!api || !account) return initialState;
        this.list = await api.trpc.account.members.query(undefined, { signal });
        return this.list;
      },
    });

    this.roleTask = new Task(host, {
      autoRun: false,
      task: async ([api, member, role]: [PorticoApi, Member, Role], { signal }) => {
        this.list = await api.trpc.account.setRole.mutate(
          { userId: member.userId, role },
          { signal },
        );
        // Changing one's own role changes what this sign-in may do.
        if (member.userId === userOf(host.session)) await api.session.refresh();
        effects.announce(msg(str`${member.name} is now: ${roleName(role)}.`));
      },
    });

    this.removeTask = new Task(host, {
      autoRun: false,
      task: async ([api, member]: [PorticoApi, Member], { signal }) => {
        this.list = await api.trpc.account.removeMember.mutate(
          { userId: member.userId },
          { signal },
        );
        this.confirming = null;
        effects.focusSoon('#members-title');
        effects.announce(msg(str`${member.name} is no longer a member.`));
      },
    });

    this.leaveTask = new Task(host, {
      autoRun: false,
      task: async ([api, accountName]: [PorticoApi, string], { signal }) => {
        await api.trpc.account.leave.mutate(undefined, { signal });
        this.confirming = null;
        // The sign-in moved to another account of the person's; every element follows it.
        await api.session.refresh();
        effects.focusSoon('#members-title');
        effects.announce(msg(str`You left ${accountName}.`));
      },
    });
  }

  /** Forgets what was on screen: another person or account is signed in. */
  reset(): void {
    this.list = null;
    this.confirming = null;
    this.#current.clear();
    this.#invites.reset();
  }

  render() {
    const list = this.list;
    const owner = myRole(this.#host.session) === 'owner';
    const session = this.#host.session;
    const accountName = session.status === 'signed-in' ? (session.me.account?.name ?? '') : '';
    return html`
      <section part="members" aria-labelledby="members-title">
        <h3 id="members-title" tabindex="-1">${msg('Company account members')}</h3>
        <p>${msg(str`The people who work in ${isolate(accountName)}, and what each may do.`)}</p>
        <ul part="roles" class="roles">
          ${ROLES.map((role) => html`<li>${roleExplained(role)}</li>`)}
        </ul>
        ${renderLoading(this.listTask, list, msg('Loading the members…'))}
        ${renderTaskError(this.listTask, () => void this.listTask.run())}
        ${
          list
            ? html`<ul part="member-list" class="cards">
                ${list.members.map((member) => this.#renderMember(member, owner))}
              </ul>`
            : nothing
        }
        ${this.#shows(this.roleTask) ? renderTaskError(this.roleTask) : nothing}
        ${list ? this.#invites.renderPending(list.invitations, owner) : nothing}
        ${owner && list ? this.#invites.renderForm() : nothing}
        ${list ? this.#renderLeave(list, accountName) : nothing}
      </section>
    `;
  }

  #renderMember(member: Member, owner: boolean) {
    const me = member.userId === userOf(this.#host.session);
    const selectId = `role-${member.userId}`;
    const settingRole = this.roleTask.status === TaskStatus.PENDING && this.#busy(member.userId);
    return html`
      <li part="member" class="card" data-member=${member.userId}>
        <p class="card-head">
          <strong dir="auto">${member.name}</strong>
          ${me ? html`<span part="you" class="badge">${msg('You')}</span>` : nothing}
        </p>
        <p class="meta">
          <span class="email" dir="ltr">${member.email}</span>
          <span part="role">${roleName(member.role)}</span>
          <span>
            ${msg('Member since')} <time datetime=${member.since}>${formatDate(member.since)}</time>
          </span>
        </p>
        ${
          owner
            ? html`<form
                part="role-form"
                class="inline-form"
                @submit=${(event: SubmitEvent) => this.#setRole(event, member)}
              >
                <div class="field">
                  <label for=${selectId}>${msg(str`Role of ${isolate(member.name)}`)}</label>
                  <select id=${selectId} part="role-select" name="role">
                    ${ROLES.map(
                      (role) =>
                        html`<option value=${role} ?selected=${role === member.role}>
                          ${roleName(role)}
                        </option>`,
                    )}
                  </select>
                </div>
                <div class="actions">
                  <button part="set-role" type="submit" class="secondary" ?disabled=${settingRole}>
                    ${settingRole ? msg('Saving…') : msg('Change role')}
                  </button>
                  ${
                    me || this.confirming === member.userId
                      ? nothing
                      : html`<button
                          part="remove-member"
                          type="button"
                          class="secondary"
                          aria-label=${msg(str`Remove ${isolate(member.name)}`)}
                          @click=${() => this.#ask(member.userId, `#remove-member-${member.userId}`)}
                        >
                          ${msg('Remove')}
                        </button>`
                  }
                </div>
              </form>`
            : nothing
        }
        ${
          this.confirming === member.userId
            ? renderConfirm({
                id: `remove-member-${member.userId}`,
                question: msg(str`Remove ${isolate(member.name)} from this account?`),
                detail: msg('They lose access to its orders, invoices and tickets at once.'),
                yes: msg('Yes, remove'),
                no: msg('Keep them'),
                busyText: msg('Removing…'),
                busy: this.removeTask.status === TaskStatus.PENDING,
                onYes: () => this.#run(this.removeTask, member.userId, member),
                onNo: () =>
                  this.#ask(null, `[data-member='${member.userId}'] [part~='remove-member']`),
                error: this.#shows(this.removeTask) ? renderTaskError(this.removeTask) : nothing,
              })
            : nothing
        }
      </li>
    `;
  }

  #renderLeave(list: MemberList, accountName: string) {
    const owners = list.members.filter((member) => member.role === 'owner').length;
    if (myRole(this.#host.session) === 'owner' && owners <= 1) {
      return list.members.length > 1
        ? html`<p class="hint">
            ${msg('You are the only owner. To leave, first make someone else an owner.')}
          </p>`
        : nothing;
    }
    if (this.confirming === 'leave') {
      return renderConfirm({
        id: 'leave-question',
        question: msg(str`Leave ${isolate(accountName)}?`),
        detail: msg('You will no longer see its orders, invoices and tickets.'),
        yes: msg('Yes, leave'),
        no: msg('Stay'),
        busyText: msg('Leaving…'),
        busy: this.leaveTask.status === TaskStatus.PENDING,
        onYes: () => this.#run(this.leaveTask, 'leave', accountName),
        onNo: () => this.#ask(null, "[part~='leave']"),
        error: this.#shows(this.leaveTask) ? renderTaskError(this.leaveTask) : nothing,
      });
    }
    return html`<div class="actions">
      <button
        part="leave"
        type="button"
        class="secondary"
        @click=${() => this.#ask('leave', '#leave-question')}
      >
        ${msg('Leave this account')}
      </button>
    </div>`;
  }

  #shows(task: object): boolean {
    return this.#current.has(task);
  }

  #busy(id: string): boolean {
    return this.#busyWith === id;
  }

  /** Opens (or with null closes) a confirmation step, and moves focus to `focus`. */
  #ask(confirming: string | null, focus: string) {
    this.confirming = confirming;
    this.#current.delete(this.removeTask);
    this.#current.delete(this.leaveTask);
    this.#effects.focusSoon(focus);
    this.#host.requestUpdate();
  }

  /** Runs a row's write with the API; `id` says which row shows its progress. */
  #run<T>(task: Task<[PorticoApi, T], void>, id: string, subject: T) {
    const api = this.#host.api;
    if (!api) return;
    this.#busyWith = id;
    this.#current.add(task);
    void task.run([api, subject]);
  }

  #setRole(event: SubmitEvent, member: Member) {
    event.preventDefault();
    const api = this.#host.api;
    const role = new FormData(event.target as HTMLFormElement).get('role');
    const chosen = ROLES.find((candidate) => candidate === role);
    if (!api || !chosen || chosen === member.role) return;
    this.#busyWith = member.userId;
    this.#current.add(this.roleTask);
    void this.roleTask.run([api, member, chosen]);
  }
}
