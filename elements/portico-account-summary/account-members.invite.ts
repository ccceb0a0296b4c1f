import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import { isolate } from '../shared/bidi.ts';
import { formatDate } from '../shared/format.ts';
import {
  ROLES,
  fieldErrorsOf,
  renderFieldError,
  renderTaskError,
  roleName,
  type MemberList,
  type PendingInvitation,
  type ProfileEffects,
  type ProfileHost,
  type Role,
} from './account-profile.api.ts';

/**
 * The invitations an account sent: those waiting for an answer, and the owner's form that sends
 * one (the mail links back to this page). Both answer with the account's members as they are now.
 */
export class InviteController {
  readonly inviteTask: Task<[PorticoApi, string, Role], void>;
  readonly cancelTask: Task<[PorticoApi, PendingInvitation], void>;

  readonly #host: ProfileHost;
  readonly #current = new Set<object>();
  #cancelling: string | null = null;

  /** `changed` receives the members and invitations after each change. */
  constructor(host: ProfileHost, effects: ProfileEffects, changed: (list: MemberList) => void) {
    this.#host = host;

    this.inviteTask = new Task(host, {
      autoRun: false,
      task: async ([api, email, role]: [PorticoApi, string, Role], { signal }) => {
        try {
          changed(
            await api.trpc.account.invite.mutate(
              { email, role, returnTo: location.href },
              { signal },
            ),
          );
        } catch (error) {
          effects.focusSoon(
            fieldErrorsOf(error)['email']
              ? '#invite-email'
              : "[part~='invite-form'] [part~='error']",
          );
          throw error;
        }
        effects.announce(msg(str`We sent an invitation to ${email}.`));
      },
    });

    this.cancelTask = new Task(host, {
      autoRun: false,
      task: async ([api, invitation]: [PorticoApi, PendingInvitation], { signal }) => {
        changed(
          await api.trpc.account.cancelInvitation.mutate(
            { invitationId: invitation.id },
            { signal },
          ),
        );
        effects.focusSoon('#members-title');
        effects.announce(msg(str`The invitation to ${invitation.email} is cancelled.`));
      },
    });
  }

  reset(): void {
    this.#current.clear();
  }

  renderPending(invitations: PendingInvitation[], owner: boolean) {
    if (!invitations.length) return nothing;
    return html`
      <h4 id="pending-title">${msg('Invitations waiting for an answer')}</h4>
      <ul part="pending-list" class="cards" aria-labelledby="pending-title">
        ${invitations.map((invitation) => this.#renderInvitation(invitation, owner))}
      </ul>
      ${this.#current.has(this.cancelTask) ? renderTaskError(this.cancelTask) : nothing}
    `;
  }

  renderForm() {
    const task = this.inviteTask;
    const busy = task.status === TaskStatus.PENDING;
    const failed = this.#current.has(task) && task.status === TaskStatus.ERROR;
    const emailError = failed ? fieldErrorsOf(task.error)['email']?.join(' ') : undefined;
    return html`
      <form
        part="invite-form"
        class="panel"
        aria-labelledby="invite-title"
        @submit=${this.#onSubmit}
      >
        <h4 id="invite-title">${msg('Invite a colleague')}</h4>
        <div class="field">
          <label for="invite-email">${msg('Their email address')}</label>
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
        </div>
        <div class="field">
          <label for="invite-role">${msg('Role')}</label>
          <select id="invite-role" part="invite-role" name="role">
            ${ROLES.map(
              (role) =>
                html`<option value=${role} ?selected=${role === 'buyer'}>
                  ${roleName(role)}
                </option>`,
            )}
          </select>
        </div>
        ${failed && !emailError ? renderTaskError(task) : nothing}
        <div class="actions">
          <button part="send-invitation" type="submit" class="primary" ?disabled=${busy}>
            ${busy ? msg('Sending…') : msg('Send invitation')}
          </button>
        </div>
      </form>
    `;
  }

  #renderInvitation(invitation: PendingInvitation, owner: boolean) {
    const busy =
      this.cancelTask.status === TaskStatus.PENDING && this.#cancelling === invitation.id;
    const { email, invitedBy } = invitation;
    return html`<li part="pending" class="card" data-invitation=${invitation.id}>
      <p class="card-head">
        <strong class="email" dir="ltr">${email}</strong>
        <span part="role" class="badge">${roleName(invitation.role)}</span>
      </p>
      <p class="meta">
        <span>${msg(str`Invited by ${isolate(invitedBy)}`)}</span>
        <span>
          ${msg('Valid until')}
          <time datetime=${invitation.expiresAt}>${formatDate(invitation.expiresAt)}</time>
        </span>
      </p>
      ${
        owner
          ? html`<div class="actions">
              <button
                part="cancel-invitation"
                type="button"
                class="secondary"
                aria-label=${msg(str`Cancel the invitation to ${isolate(email)}`)}
                ?disabled=${busy}
                @click=${() => this.#cancel(invitation)}
              >
                ${busy ? msg('Cancelling…') : msg('Cancel invitation')}
              </button>
            </div>`
          : nothing
      }
    </li>`;
  }

  #cancel(invitation: PendingInvitation) {
    const api = this.#host.api;
    if (!api) return;
    this.#cancelling = invitation.id;
    this.#current.add(this.cancelTask);
    void this.cancelTask.run([api, invitation]);
  }

  readonly #onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const api = this.#host.api;
    if (!api) return;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const role = ROLES.find((candidate) => candidate === data.get('role')) ?? 'buyer';
    this.#current.add(this.inviteTask);
    await this.inviteTask.run([api, String(data.get('email') ?? '').trim(), role]);
    if (this.inviteTask.status === TaskStatus.COMPLETE) form.reset();
  };
}
