import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import type { SessionState } from '../api/session.ts';
import { apiContext, sessionContext } from '../context.ts';
import { isolate } from '../shared/bidi.ts';
import { formatDate } from '../shared/format.ts';
import { formStyles, hostStyles } from '../shared/host.styles.ts';
import {
  accountRole,
  renderTaskError,
  roleName,
  userOf,
  type InvitationForYou,
} from './account-profile.api.ts';
import { styles } from './account-profile.styles.ts';

/** The query parameter an invitation mail's link carries, naming the invitation. */
export const INVITATION_PARAM = 'portico-invitation';

type Answer = { invitation: InvitationForYou; accept: boolean };

/**
 * The invitations waiting for the signed-in person's email address, each with Accept and
 * Decline. Accepting moves the sign-in into the company account, and every element on the page
 * follows. The invitation named by `?portico-invitation=<id>` in the page's address (the link in
 * the invitation mail) is highlighted. With nothing waiting it shows nothing, unless
 * `with-empty` is set; the account overview can place it as it is.
 *
 * @summary Invitations to company accounts, to accept or decline.
 * @csspart invitations - The list of invitations.
 * @csspart invitation - One invitation: who invites you, to which account, with which role.
 * @csspart highlighted - The invitation the page's link names (with `invitation`).
 * @csspart accept - An invitation's "Accept" button.
 * @csspart decline - An invitation's "Decline" button.
 * @csspart invitation-missing - Said when the link's invitation is not among yours.
 * @csspart notice - What the last answer did.
 * @csspart empty - "No invitations are waiting for you", with `with-empty`.
 * @csspart error - The message shown when something failed, with `role="alert"`.
 * @csspart retry - The "Try again" button beside a failed read.
 * @cssstate empty - Nothing is waiting and nothing was just answered.
 */
@customElement('portico-account-invitations')
@localized()
export class PorticoAccountInvitations extends LitElement {
  static override styles = [hostStyles, formStyles, styles];

  /** Says so when no invitation is waiting, instead of showing nothing. */
  @property({ type: Boolean, attribute: 'with-empty', reflect: true }) withEmpty = false;

  /** The API client, from the page or the nearest `<portico-portal>`. */
  @consume({ context: apiContext, subscribe: true })
  @property({ attribute: false })
  api?: PorticoApi;

  /** Who is signed in, from the page or the nearest `<portico-portal>`. */
  @consume({ context: sessionContext, subscribe: true })
  @property({ attribute: false })
  session: SessionState = { status: 'unknown' };

  /** The invitation the page's link names, from `?portico-invitation=`. */
  @state() private linked: string | null = null;
  @state() private announcement = '';
  /** What the last answer did, shown where the invitation was. */
  @state() private notice = '';
  /** The invitations as the server last described them. */
  @state() private invitations: InvitationForYou[] | null = null;

  private listTask = new Task(this, {
    args: () => [this.api, userOf(this.session)] as const,
    task: async ([api, user], { signal }) => {
      if (!api || !user) return initialState;
      this.invitations = await api.trpc.account.invitations.query(undefined, { signal });
      return this.invitations;
    },
  });

  private answerTask = new Task(this, {
    autoRun: false,
    task: async ([api, { invitation, accept }]: [PorticoApi, Answer], { signal }) => {
      await api.trpc.account.answerInvitation.mutate(
        { invitationId: invitation.id, accept },
        { signal },
      );
      if (invitation.id === this.linked) this.forgetLink();
      // Accepting moved the sign-in into the company account.
      if (accept) await api.session.refresh();
      await this.listTask.run();
      const { accountName } = invitation;
      this.notice = accept
        ? msg(str`You joined ${accountName} and now work in it.`)
        : msg(str`You declined the invitation to ${accountName}.`);
      this.announcement = this.notice;
      this.focusTitle = true;
    },
  });

  private internals = this.attachInternals();
  private answering: string | null = null;
  private focusTitle = false;
  private scrolled = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.linked = new URL(location.href).searchParams.get(INVITATION_PARAM);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const before = changed.get('session');
    // One person's invitations never show to the next at a shared computer.
    if (before && userOf(before) !== userOf(this.session)) {
      this.invitations = null;
      this.notice = '';
      this.announcement = '';
    }
  }

  protected override updated(): void {
    const empty = !this.invitations?.length && !this.notice;
    if (empty) this.internals.states.add('empty');
    else this.internals.states.delete('empty');
    if (this.focusTitle) {
      this.focusTitle = false;
      this.renderRoot.querySelector<HTMLElement>('#invitations-title')?.focus();
    }
    // Someone who followed the mail's link sees the invitation; focus stays where it was.
    const linked = this.renderRoot.querySelector("[part~='highlighted']");
    if (linked && !this.scrolled) {
      this.scrolled = true;
      linked.scrollIntoView({ block: 'nearest' });
    }
  }

  override render() {
    if (this.session.status !== 'signed-in') return nothing;
    const invitations = this.invitations;
    const missing =
      this.linked && invitations && !invitations.some((entry) => entry.id === this.linked);
    const show = this.withEmpty || invitations?.length || this.notice || missing;
    return html`
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      ${
        show || this.listTask.status === TaskStatus.ERROR
          ? html`<section aria-labelledby="invitations-title">
              <h3 id="invitations-title" tabindex="-1">${msg('Invitations for you')}</h3>
              ${
                this.withEmpty && this.listTask.status === TaskStatus.PENDING && !invitations
                  ? html`<p role="status">${msg('Loading your invitations…')}</p>`
                  : nothing
              }
              ${renderTaskError(this.listTask, () => void this.listTask.run())}
              ${this.notice ? html`<p part="notice">${this.notice}</p>` : nothing}
              ${
                missing
                  ? html`<p part="invitation-missing">
                      ${msg(
                        str`The invitation from your link is not waiting for ${isolate(this.session.me.user.email)}. It may have been answered or cancelled, have expired, or be meant for another email address.`,
                      )}
                    </p>`
                  : nothing
              }
              ${
                invitations?.length
                  ? html`<ul part="invitations" class="cards">
                      ${invitations.map((invitation) => this.renderInvitation(invitation))}
                    </ul>`
                  : this.withEmpty && invitations
                    ? html`<p part="empty">${msg('No invitations are waiting for you.')}</p>`
                    : nothing
              }
              ${renderTaskError(this.answerTask)}
            </section>`
          : nothing
      }
    `;
  }

  private renderInvitation(invitation: InvitationForYou) {
    const { accountName, invitedBy } = invitation;
    const role = roleName(accountRole(invitation.role));
    const invites = msg(
      str`${isolate(invitedBy)} invites you to join ${isolate(accountName)} as ${role}.`,
    );
    const linked = invitation.id === this.linked;
    const busy = this.answerTask.status === TaskStatus.PENDING && this.answering === invitation.id;
    return html`
      <li
        part=${linked ? 'invitation highlighted' : 'invitation'}
        class="card"
        data-invitation=${invitation.id}
      >
        ${linked ? html`<p class="badge">${msg('From your email')}</p>` : nothing}
        <p>${invites}</p>
        <p class="meta">
          ${msg('Valid until')}
          <time datetime=${invitation.expiresAt}>${formatDate(invitation.expiresAt)}</time>
        </p>
        <div class="actions">
          <button
            part="accept"
            type="button"
            class="primary"
            aria-label=${msg(str`Accept the invitation to ${isolate(accountName)}`)}
            ?disabled=${busy}
            @click=${() => this.handleAnswer(invitation, true)}
          >
            ${busy ? msg('Answering…') : msg('Accept')}
          </button>
          <button
            part="decline"
            type="button"
            class="secondary"
            aria-label=${msg(str`Decline the invitation to ${isolate(accountName)}`)}
            ?disabled=${busy}
            @click=${() => this.handleAnswer(invitation, false)}
          >
            ${msg('Decline')}
          </button>
        </div>
      </li>
    `;
  }

  /** The link has done its work; a reload should not point at an answered invitation. */
  private forgetLink() {
    this.linked = null;
    const url = new URL(location.href);
    url.searchParams.delete(INVITATION_PARAM);
    history.replaceState(history.state, '', url.href);
  }

  private handleAnswer(invitation: InvitationForYou, accept: boolean) {
    if (!this.api) return;
    this.answering = invitation.id;
    this.notice = '';
    void this.answerTask.run([this.api, { invitation, accept }]);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-account-invitations': PorticoAccountInvitations;
  }
}
