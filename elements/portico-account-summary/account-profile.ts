import { LitElement, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import type { PorticoApi } from '../api/client.ts';
import { mustSetUpSecondFactor, type SessionState } from '../api/session.ts';
import { apiContext, sessionContext } from '../context.ts';
import { addressFieldStyles } from '../shared/address-fields.ts';
import { formStyles, hostStyles } from '../shared/host.styles.ts';
import { securityStyles } from '../shared/security.styles.ts';
import { accountOf, userOf, type ProfileEffects } from './account-profile.api.ts';
import { DetailsController } from './account-profile.details.ts';
import { PasswordController } from './account-profile.password.ts';
import { AddressBookController } from './account-profile.addresses.ts';
import { SessionsController } from './account-sessions.ts';
import { MembersController } from './account-members.ts';
import { AccountsController } from './account-profile.accounts.ts';
import { SecurityController } from './account-security.ts';
import { SecurityEventsController } from './account-security.events.ts';
import './account-invitations.ts';
import { styles } from './account-profile.styles.ts';

/** The invitations element's parts, offered as the profile's own. */
const INVITATION_PARTS =
  'invitations, invitation, highlighted, accept, decline, invitation-missing, notice, empty, error, retry';

/**
 * The signed-in person's profile and security inside `<portico-account-summary>`: name and
 * preferred language, email, password, the account's address book, the devices they are signed
 * in on, the company account's members and invitations, invitations for them, and the accounts
 * they belong to. Each section is an `h3` under the host's `h2`.
 *
 * @summary Profile, security, addresses and account members.
 * @csspart signed-out - The hint shown to someone not signed in.
 * @csspart details - The "Your details" section.
 * @csspart details-form - The form with name and preferred language.
 * @csspart name - The name field.
 * @csspart language - The preferred-language select; each language is named in itself.
 * @csspart save-details - The details form's submit button.
 * @csspart email - The "Email" section.
 * @csspart current-email - The email address the person signs in with.
 * @csspart email-form - The form that asks to change the email address.
 * @csspart new-email - The new email address field.
 * @csspart change-email - The email form's submit button.
 * @csspart password - The "Password" section.
 * @csspart password-form - The form that changes the password.
 * @csspart current-password - The current password field.
 * @csspart new-password - The new password field.
 * @csspart repeat-password - The field that repeats the new password.
 * @csspart sign-out-others - The "Sign out on my other devices" checkbox.
 * @csspart change-password - The password form's submit button.
 * @csspart security - The "Security codes" section.
 * @csspart security-required - Why codes are required (staff, or the company account's rule).
 * @csspart security-status - Whether codes are on, and which ways.
 * @csspart setup - Turning codes on: the choice, the password, the QR code, the backup codes.
 * @csspart setup-app - "Use an authenticator app".
 * @csspart setup-email - "Get codes by email".
 * @csspart setup-form - A step of turning codes on (the password, or the code from the app).
 * @csspart security-password - The password asked before a change to security codes.
 * @csspart setup-continue - The password step's submit button.
 * @csspart setup-cancel - The button that stops turning codes on.
 * @csspart qr-code - The QR code for the authenticator app (an SVG image).
 * @csspart totp-secret - The key to type into the app by hand.
 * @csspart setup-code - The field for the app's code that confirms it works.
 * @csspart setup-confirm - The button that turns the app's codes on.
 * @csspart setup-done - "Continue" once codes by email are on.
 * @csspart backup-codes - The backup codes, shown once.
 * @csspart store-safely - The warning to store them safely.
 * @csspart backup-code-list - The list of backup codes.
 * @csspart copy-codes - The button that copies them.
 * @csspart download-codes - The button that downloads them as a text file.
 * @csspart codes-stored - "I have stored them".
 * @csspart backup-codes-left - How many backup codes are left.
 * @csspart new-backup-codes - "New backup codes".
 * @csspart add-app - "Add an authenticator app" when codes come by email.
 * @csspart turn-off - "Turn off".
 * @csspart codes-form - The password step before new backup codes.
 * @csspart turn-off-form - The password step before turning codes off.
 * @csspart confirm-codes - The button that creates new backup codes.
 * @csspart confirm-off - The button that turns codes off.
 * @csspart cancel-password - The button that leaves a password step.
 * @csspart account-rule - The owner's rule for the company account.
 * @csspart require-codes - The switch "Require security codes for everyone in this account".
 * @csspart security-events - The "Recent security activity" section.
 * @csspart security-event-list - The events, newest first.
 * @csspart security-event - One event: what happened, when, on which device.
 * @csspart event-kind - What happened.
 * @csspart event-time - When.
 * @csspart event-device - The device, such as "Firefox on Windows".
 * @csspart event-ip - The network address it came from.
 * @csspart more - "Show more" under the events.
 * @csspart addresses - The "Addresses" section.
 * @csspart address-list - The saved addresses, the default first.
 * @csspart address - One saved address (or the form that edits it).
 * @csspart address-text - A saved address's lines.
 * @csspart default - The "Default" badge of the default address.
 * @csspart viewer-note - Why a member whose role only reads cannot change the addresses.
 * @csspart edit-address - An address's "Edit" button.
 * @csspart make-default - An address's "Make default" button.
 * @csspart remove-address - An address's "Remove" button.
 * @csspart add-address - The "Add an address" button.
 * @csspart address-form - The form that adds or changes an address.
 * @csspart save-address - The address form's submit button.
 * @csspart field-error - A message about one field, named by the field's `aria-describedby`.
 * @csspart sessions - The "Where you are signed in" section.
 * @csspart session-list - The devices signed in, most recently active first.
 * @csspart session - One signed-in device.
 * @csspart device - A device's browser and system, such as "Firefox on Windows".
 * @csspart this-device - The "This device" badge.
 * @csspart last-active - When a device was last active.
 * @csspart revoke-session - The "Sign out" button of another device.
 * @csspart revoke-others - The "Sign out everywhere else" button.
 * @csspart members - The "Company account members" section.
 * @csspart roles - What each role may do.
 * @csspart member-list - The account's members, owners first.
 * @csspart member - One member: name, email, role, since when.
 * @csspart you - The "You" badge on the person's own entry.
 * @csspart role - A member's or invitation's role.
 * @csspart role-form - An owner's form that changes a member's role.
 * @csspart role-select - The role choice in that form.
 * @csspart set-role - The "Change role" button.
 * @csspart remove-member - A member's "Remove" button (owners).
 * @csspart pending-list - Invitations the account sent that wait for an answer.
 * @csspart pending - One such invitation.
 * @csspart cancel-invitation - The "Cancel invitation" button (owners).
 * @csspart invite-form - The owner's form that invites a colleague.
 * @csspart invite-email - The colleague's email field.
 * @csspart invite-role - The colleague's role.
 * @csspart send-invitation - The invite form's submit button.
 * @csspart leave - The "Leave this account" button.
 * @csspart accounts - The "Accounts you belong to" section.
 * @csspart account-list - The accounts the person belongs to.
 * @csspart account - One account with the person's role in it.
 * @csspart current-account - The account this sign-in works in.
 * @csspart switch-account - The button that moves the sign-in to another account.
 * @csspart confirm - An inline "are you sure?" step (remove, sign out everywhere, leave).
 * @csspart confirm-yes - The button that goes ahead.
 * @csspart confirm-no - The button that changes nothing.
 * @csspart invitations - The invitations for the person (from `<portico-account-invitations>`).
 * @csspart invitation - One invitation for the person.
 * @csspart highlighted - The invitation named by the page's `?portico-invitation=` link.
 * @csspart accept - An invitation's "Accept" button.
 * @csspart decline - An invitation's "Decline" button.
 * @csspart invitation-missing - Said when the link's invitation is not among the person's.
 * @csspart notice - What a change did, such as "We sent a confirmation link to …".
 * @csspart empty - Said when the address book or the invitations are empty.
 * @csspart error - The message shown when something failed, with `role="alert"`.
 * @csspart retry - The "Try again" button beside a failed read.
 * @cssproperty --gap - Space between the sections. Default: `var(--portico-space, 1rem)`.
 * @cssproperty --highlight - The outline of the invitation the page's link names.
 *   Default: `var(--portico-color-brand, #1d4ed8)`.
 */
@customElement('portico-account-profile')
@localized()
export class PorticoAccountProfile extends LitElement {
  static override styles = [hostStyles, formStyles, addressFieldStyles, securityStyles, styles];

  /** The API client, from the page or the nearest `<portico-portal>`. */
  @consume({ context: apiContext, subscribe: true })
  @property({ attribute: false })
  api?: PorticoApi;

  /** Who is signed in, from the page or the nearest `<portico-portal>`. */
  @consume({ context: sessionContext, subscribe: true })
  @property({ attribute: false })
  session: SessionState = { status: 'unknown' };

  /** What the live region last said, such as "Your details are saved." */
  @state() private announcement = '';

  private effects: ProfileEffects = {
    focusSoon: (selector) => {
      this.focusTarget = selector;
      this.requestUpdate();
    },
    announce: (text) => (this.announcement = text),
  };

  private details = new DetailsController(this, this.effects);
  private sessions = new SessionsController(this, this.effects);
  private password = new PasswordController(this, this.effects, () => {
    this.sessions.reload();
    this.securityEvents.reload();
  });
  private addresses = new AddressBookController(this, this.effects);
  private members = new MembersController(this, this.effects);
  private accounts = new AccountsController(this, this.effects);
  private securityEvents = new SecurityEventsController(this, this.effects);
  private security = new SecurityController(this, this.effects, async () => {
    this.securityEvents.reload();
    // The session says whether codes are on: elements that wait for them follow.
    await this.api?.session.refresh();
  });

  /** What takes focus once it is on screen: a form's field, a confirmation, a heading. */
  private focusTarget: string | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    const before = changed.get('session');
    if (!before) return;
    // What one person saw must not show, even for a moment, to the next at a shared computer.
    if (userOf(before) !== userOf(this.session)) {
      const sections = [this.details, this.password, this.sessions, this.accounts];
      for (const section of [...sections, this.security, this.securityEvents]) {
        section.reset();
      }
      this.announcement = '';
    }
    if (userOf(before) !== userOf(this.session) || accountOf(before) !== accountOf(this.session)) {
      this.addresses.reset();
      this.members.reset();
    }
  }

  protected override updated(): void {
    if (!this.focusTarget) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.focusTarget);
    if (!target) return;
    this.focusTarget = null;
    target.focus();
  }

  override render() {
    switch (this.session.status) {
      case 'unknown':
        return html`<p part="signed-out" role="status">${msg('Loading your profile…')}</p>`;
      case 'signed-out':
        return html`<p part="signed-out">${msg('Sign in to see your profile.')}</p>`;
      case 'signed-in':
        return html`
          <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
          ${
            // The server refuses the other sections until security codes are set up.
            mustSetUpSecondFactor(this.session)
              ? html`<div class="sections">
                  ${this.security.render()} ${this.securityEvents.render()}
                </div>`
              : this.renderSections()
          }
        `;
    }
  }

  private renderSections() {
    return html`
      <div class="sections">
        ${this.details.renderDetails()} ${this.details.renderEmail()} ${this.password.render()}
        ${this.security.render()} ${this.securityEvents.render()} ${this.addresses.render()}
        ${this.sessions.render()} ${this.members.render()}
        <portico-account-invitations
          with-empty
          exportparts=${INVITATION_PARTS}
        ></portico-account-invitations>
        ${this.accounts.render()}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-account-profile': PorticoAccountProfile;
  }
}
