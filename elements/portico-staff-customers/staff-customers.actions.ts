import { html, nothing, type ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { formatDate } from '../shared/format.ts';
import { renderTaskError } from '../shared/task.ts';
import {
  ROLES,
  fieldErrorsOf,
  renderFieldError,
  roleName,
  type CustomerAccount,
  type CustomerEffects,
  type Invitation,
  type Member,
  type Role,
} from './staff-customers.api.ts';

export interface ActionsHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
}

type Action =
  | { kind: 'invite'; email: string; role: Role }
  | { kind: 'cancel'; invitation: Invitation }
  | { kind: 'lock'; member: Member; reason: string }
  | { kind: 'unlock'; member: Member };

/**
 * The account's people and invitations, and what staff change there: invite by email, cancel
 * an invitation, lock a person out (with a reason) and let them back in. Every change answers
 * the account as it is now.
 */
export class CustomerActionsController {
  readonly task: Task<[PorticoApi, string, Action], CustomerAccount>;
  /** The member whose lock form is open, if any. */
  locking: string | null = null;
  #last: Action | null = null;
  readonly #host: ActionsHost;
  readonly #effects: CustomerEffects;

  constructor(host: ActionsHost, effects: CustomerEffects) {
    this.#host = host;
    this.#effects = effects;
    this.task = new Task(host, {
      autoRun: false,
      task: async ([api, accountId, action], { signal }) => {
        const staff = api.trpc.staff.customer;
        let account: CustomerAccount;
        try {
          account =
            action.kind === 'invite'
              ? await staff.invite.mutate(
                  { accountId, email: action.email, role: action.role },
                  { signal },
                )
              : action.kind === 'cancel'
                ? await staff.cancelInvitation.mutate(
                    { accountId, invitationId: action.invitation.id },
                    { signal },
                  )
                : action.kind === 'lock'
                  ? await staff.lock.mutate(
                      { accountId, userId: action.member.userId, reason: action.reason },
                      { signal },
                    )
                  : await staff.unlock.mutate(
                      { accountId, userId: action.member.userId },
                      { signal },
                    );
        } catch (error) {
          effects.focusSoon(this.#errorTarget(action, error));
          throw error;
        }
        effects.changed(account);
        effects.announce(this.#done(action));
        if (action.kind === 'lock' || action.kind === 'unlock') {
          this.locking = null;
          effects.focusSoon(`#member-${action.member.userId}`);
        } else if (action.kind === 'cancel') {
          effects.focusSoon('#invitations-title');
        }
        return account;
      },
    });
  }

  reset(): void {
    this.locking = null;
    this.#last = null;
  }

  get busy(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  #failed(kind: Action['kind']): boolean {
    return this.task.status === TaskStatus.ERROR && this.#last?.kind === kind;
  }

  #errorTarget(action: Action, error: unknown): string {
    if (action.kind === 'invite') {
      return fieldErrorsOf(error)['email']
        ? '#invite-email'
        : "[part~='invite-form'] [part~='error']";
    }
    if (action.kind === 'lock' && fieldErrorsOf(error)['reason']) return '#lock-reason';
    return "[part~='people-section'] [part~='error']";
  }

  #done(action: Action): string {
    switch (action.kind) {
      case 'invite':
        return msg(str`We sent an invitation to ${action.email}.`);
      case 'cancel':
        return msg(str`The invitation to ${action.invitation.email} is cancelled.`);
      case 'lock':
        return msg(str`${action.member.name} is locked out and signed out everywhere.`);
      case 'unlock':
        return msg(str`${action.member.name} can sign in again.`);
    }
  }

  async #run(accountId: string, action: Action): Promise<void> {
    const api = this.#host.api;
    if (!api || this.busy) return;
    this.#last = action;
    await this.task.run([api, accountId, action]);
  }

  renderMembers(account: CustomerAccount) {
    const failed = this.#failed('lock') || this.#failed('unlock') || this.#failed('cancel');
    return html`
      <section part="people-section" class="block" aria-labelledby="people-title">
        <h3 id="people-title">${msg('People')}</h3>
        ${failed && !fieldErrorsOf(this.task.error)['reason'] ? renderTaskError(this.task) : nothing}
        <ul part="members" class="cards">
          ${account.members.map((member) => this.#renderMember(account.id, member))}
        </ul>
        ${this.#renderInvitations(account)}
      </section>
    `;
  }

  #renderMember(accountId: string, member: Member) {
    return html`<li part="member" class="card" data-user=${member.userId}>
      <p class="card-head">
        <strong id="member-${member.userId}" tabindex="-1">${member.name}</strong>
        <span part="role" class="badge">${roleName(member.role)}</span>
        ${
          member.locked ? html`<span part="locked" class="locked">${msg('Locked')}</span>` : nothing
        }
      </p>
      <p class="facts">
        <span part="member-email" class="email">${member.email}</span>
        <span
          >${msg('Member since')}
          <time datetime=${member.since}>${formatDate(member.since)}</time></span
        >
      </p>
      ${
        member.locked && member.lockReason
          ? html`<p part="lock-reason" class="hint">${msg(str`Why: ${member.lockReason}`)}</p>`
          : nothing
      }
      ${
        member.locked
          ? html`<div class="buttons">
              <button
                part="unlock"
                type="button"
                class="secondary"
                aria-label=${msg(str`Unlock ${member.name}`)}
                ?disabled=${this.busy}
                @click=${() => void this.#run(accountId, { kind: 'unlock', member })}
              >
                ${msg('Unlock')}
              </button>
            </div>`
          : this.locking === member.userId
            ? this.#renderLockForm(accountId, member)
            : html`<div class="buttons">
                <button
                  part="lock"
                  type="button"
                  class="secondary"
                  aria-label=${msg(str`Lock out ${member.name}`)}
                  @click=${() => this.#openLock(member)}
                >
                  ${msg('Lock out')}
                </button>
              </div>`
      }
    </li>`;
  }

  #renderLockForm(accountId: string, member: Member) {
    const reasonError = this.#failed('lock')
      ? fieldErrorsOf(this.task.error)['reason']?.join(' ')
      : undefined;
    return html`<form
      part="lock-form"
      class="lock-form"
      aria-label=${msg(str`Lock out ${member.name}`)}
      @submit=${(event: SubmitEvent) => {
        event.preventDefault();
        const data = new FormData(event.target as HTMLFormElement);
        void this.#run(accountId, {
          kind: 'lock',
          member,
          reason: String(data.get('reason') ?? ''),
        });
      }}
    >
      <p class="hint">
        ${msg('They are signed out everywhere at once and cannot sign in until unlocked.')}
      </p>
      <label for="lock-reason">${msg('Reason for the lock')}</label>
      <textarea
        id="lock-reason"
        part="lock-reason-input"
        name="reason"
        rows="2"
        maxlength="500"
        required
        aria-invalid=${reasonError ? 'true' : nothing}
        aria-describedby=${reasonError ? 'lock-reason-error' : nothing}
      ></textarea>
      ${renderFieldError('lock-reason-error', reasonError)}
      <div class="buttons">
        <button part="confirm-lock" type="submit" class="danger" ?disabled=${this.busy}>
          ${this.busy ? msg('Locking…') : msg('Confirm lock')}
        </button>
        <button
          part="cancel-lock"
          type="button"
          class="secondary"
          @click=${() => this.#closeLock(member)}
        >
          ${msg('Keep access')}
        </button>
      </div>
    </form>`;
  }

  #openLock(member: Member): void {
    this.locking = member.userId;
    if (this.#last?.kind === 'lock') this.#last = null;
    this.#effects.focusSoon('#lock-reason');
  }

  #closeLock(member: Member): void {
    this.locking = null;
    this.#effects.focusSoon(`#member-${member.userId}`);
  }

  #renderInvitations(account: CustomerAccount) {
    return html`
      <h3 id="invitations-title" tabindex="-1">${msg('Invitations waiting')}</h3>
      ${
        account.invitations.length
          ? html`<ul part="invitations" class="cards" aria-labelledby="invitations-title">
              ${account.invitations.map(
                (invitation) =>
                  html`<li part="invitation" class="card" data-invitation=${invitation.id}>
                    <p class="card-head">
                      <strong class="email">${invitation.email}</strong>
                      <span part="role" class="badge">${roleName(invitation.role)}</span>
                    </p>
                    <p class="facts">
                      <span>${msg(str`Invited by ${invitation.invitedBy}`)}</span>
                      <span>
                        ${msg('Valid until')}
                        <time datetime=${invitation.expiresAt}
                          >${formatDate(invitation.expiresAt)}</time
                        >
                      </span>
                    </p>
                    <div class="buttons">
                      <button
                        part="cancel-invitation"
                        type="button"
                        class="secondary"
                        aria-label=${msg(str`Cancel the invitation to ${invitation.email}`)}
                        ?disabled=${this.busy}
                        @click=${() => void this.#run(account.id, { kind: 'cancel', invitation })}
                      >
                        ${msg('Cancel invitation')}
                      </button>
                    </div>
                  </li>`,
              )}
            </ul>`
          : html`<p class="hint">${msg('No invitations are waiting.')}</p>`
      }
    `;
  }

  renderInviteForm(account: CustomerAccount) {
    const failed = this.#failed('invite');
    const emailError = failed ? fieldErrorsOf(this.task.error)['email']?.join(' ') : undefined;
    return html`
      <form
        part="invite-form"
        class="block invite"
        aria-labelledby="invite-title"
        @submit=${(event: SubmitEvent) => this.#invite(event, account.id)}
      >
        <h3 id="invite-title">${msg('Invite someone')}</h3>
        <label for="invite-email">${msg('Email address')}</label>
        <input
          id="invite-email"
          part="invite-email"
          name="email"
          type="email"
          inputmode="email"
          autocomplete="off"
          required
          maxlength="254"
          aria-invalid=${emailError ? 'true' : nothing}
          aria-describedby=${emailError ? 'invite-email-error' : nothing}
        />
        ${renderFieldError('invite-email-error', emailError)}
        <label for="invite-role">${msg('Role')}</label>
        <select id="invite-role" part="invite-role" name="role">
          ${ROLES.map(
            (role) =>
              html`<option value=${role} ?selected=${role === 'buyer'}>${roleName(role)}</option>`,
          )}
        </select>
        ${failed && !emailError ? renderTaskError(this.task) : nothing}
        <div class="buttons">
          <button part="send-invitation" type="submit" class="primary" ?disabled=${this.busy}>
            ${this.busy && this.#last?.kind === 'invite' ? msg('Sending…') : msg('Send invitation')}
          </button>
        </div>
      </form>
    `;
  }

  async #invite(event: SubmitEvent, accountId: string): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const role = ROLES.find((candidate) => candidate === data.get('role')) ?? 'buyer';
    await this.#run(accountId, {
      kind: 'invite',
      email: String(data.get('email') ?? '').trim(),
      role,
    });
    if (this.task.status === TaskStatus.COMPLETE && this.#last?.kind === 'invite') form.reset();
  }
}
