import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import { formStyles, hostStyles } from '../shared/host.styles.ts';
import { StaffView } from '../shared/staff-view.ts';
import { renderTaskError } from '../shared/task.ts';
import { viewStyles } from '../shared/view.styles.ts';
import type { SettingsEffects } from './staff-settings.api.ts';
import { CannedController } from './staff-settings.canned.ts';
import { OriginsController } from './staff-settings.origins.ts';
import { PeopleController } from './staff-settings.people.ts';
import { PortalFormController } from './staff-settings.portal.ts';
import { styles } from './portico-staff-settings.styles.ts';

/**
 * The administrators' settings: the portal's name, logo and brand colours (previewed before
 * saving, with a contrast check), languages, ticket categories, the support inbox and chat wait;
 * saved replies; the staff and their roles; the sites trusted to embed the portal; and a mail
 * check. Agents see a line saying the settings are for administrators.
 *
 * @summary Staff console settings (administrators only).
 * @csspart portal-form - The portal settings form.
 * @csspart vendor-name - The vendor name field.
 * @csspart logo-url - The logo address field.
 * @csspart colors - The brand colours group.
 * @csspart brand - The brand colour picker.
 * @csspart brand-contrast - The picker of the text colour on the brand colour.
 * @csspart preview - The sample button, badge and link in the chosen colours.
 * @csspart contrast - The contrast ratio, when it is high enough.
 * @csspart contrast-warning - The warning shown when the contrast is below 4.5:1.
 * @csspart locales - The languages offered.
 * @csspart default-locale - The default language.
 * @csspart ticket-kinds - The kinds of ticket customers may open.
 * @csspart categories - The ticket categories, one per line.
 * @csspart support-inbox - The support inbox field.
 * @csspart chat-wait - The chat wait field.
 * @csspart save-portal - "Save settings".
 * @csspart field-error - Why the server refused a field.
 * @csspart canned - The saved replies.
 * @csspart canned-list - Their list.
 * @csspart canned-row - One saved reply.
 * @csspart canned-name - Its title.
 * @csspart canned-empty - The line shown when there are none.
 * @csspart edit-canned - A reply's "Edit".
 * @csspart remove-canned - A reply's "Remove".
 * @csspart canned-form - The form that adds or changes a reply.
 * @csspart canned-title - Its title field.
 * @csspart canned-body - Its text field.
 * @csspart save-canned - "Add reply" or "Save reply".
 * @csspart cancel-canned - "Cancel" while editing.
 * @csspart people - The staff.
 * @csspart people-list - Their list.
 * @csspart person - One staff member.
 * @csspart person-name - Their name.
 * @csspart person-role - Their role (also `role-agent`, `role-admin`).
 * @csspart change-role - "Make … an administrator" or "Make … an agent".
 * @csspart remove-person - "Remove", which asks for confirmation.
 * @csspart confirm-remove - "Yes, remove …".
 * @csspart keep - "Keep", which cancels a removal.
 * @csspart staff-form - The form that adds a staff member.
 * @csspart staff-name - Its name field.
 * @csspart staff-email - Its email field.
 * @csspart staff-role - Its role choice.
 * @csspart add-staff - "Add staff member".
 * @csspart origins - The sites trusted to embed the portal.
 * @csspart origin-list - Their list.
 * @csspart origin - One origin (also `origin-environment` or `origin-stored`).
 * @csspart origin-environment - An origin set on the server (`TRUSTED_ORIGINS`).
 * @csspart origin-stored - An origin added here, with its remove button.
 * @csspart remove-origin - An added origin's "Remove".
 * @csspart origin-form - The form that adds an origin.
 * @csspart origin-input - Its field.
 * @csspart add-origin - "Add origin".
 * @csspart mail - The mail check.
 * @csspart test-mail - "Send a test mail".
 * @csspart mail-result - What the mail server answered (also `notice` or `error`).
 * @csspart notice - A success line.
 * @csspart error - A failure, with `role="alert"`.
 * @csspart retry - "Try again".
 * @csspart signed-out - The line shown to anyone not signed in as staff.
 * @csspart not-admin - The line shown to agents.
 * @cssproperty --gap - Space between blocks. Default: `var(--portico-space, 1rem)`.
 */
@customElement('portico-staff-settings')
@localized()
export class PorticoStaffSettings extends StaffView {
  static override styles = [hostStyles, formStyles, viewStyles, styles];

  @state() private announcement = '';
  /** Bumped after a change the settings read shows (origins): it is read again. */
  @state() private syncs = 0;
  @state() private peopleSyncs = 0;
  @state() private cannedSyncs = 0;

  private portalLoaded = false;

  private effects: SettingsEffects = {
    focusSoon: (selector) => this.focusSoon(selector),
    announce: (text) => (this.announcement = text),
  };

  private portal = new PortalFormController(this, this.effects);
  private canned = new CannedController(this, this.effects, () => (this.cannedSyncs += 1));
  private people = new PeopleController(this, this.effects, () => (this.peopleSyncs += 1));
  private origins = new OriginsController(this, this.effects, () => (this.syncs += 1));

  private settingsTask = new Task(this, {
    args: () => [this.api, this.isAdmin, this.syncs] as const,
    task: async ([api, isAdmin], { signal }) => {
      if (!api || !isAdmin) return initialState;
      const settings = await api.trpc.staff.settings.get.query(undefined, { signal });
      // Read again after an origin changed: the form keeps what the administrator is editing.
      if (!this.portalLoaded) this.portal.load(settings.portal);
      this.portalLoaded = true;
      return settings;
    },
  });

  private peopleTask = new Task(this, {
    args: () => [this.api, this.isAdmin, this.peopleSyncs] as const,
    task: ([api, isAdmin], { signal }) =>
      api && isAdmin
        ? api.trpc.staff.settings.people.list.query(undefined, { signal })
        : initialState,
  });

  private cannedTask = new Task(this, {
    args: () => [this.api, this.isAdmin, this.cannedSyncs] as const,
    task: ([api, isAdmin], { signal }) =>
      api && isAdmin
        ? api.trpc.staff.ticket.canned.list.query(undefined, { signal })
        : initialState,
  });

  /** Whether an administrator is signed in. */
  get isAdmin(): boolean {
    return this.session.status === 'signed-in' && this.session.me.role === 'admin';
  }

  override render() {
    if (!this.staffId) {
      return this.renderNotStaff(msg('Sign in with a staff account to see the settings.'));
    }
    if (!this.isAdmin) {
      return html`<p part="not-admin">
        ${msg('Sorry, only administrators can change the settings. Ask one if something needs changing.')}
      </p>`;
    }
    const settings = this.settingsTask.value;
    return html`
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      <div class="settings" aria-busy=${settings ? 'false' : 'true'}>
        ${renderTaskError(this.settingsTask, () => void this.settingsTask.run())}
        ${
          settings
            ? html`${this.portal.render()} ${this.canned.render(this.cannedTask.value)}
              ${renderTaskError(this.cannedTask, () => void this.cannedTask.run())}
              ${this.people.render(this.peopleTask.value)}
              ${renderTaskError(this.peopleTask, () => void this.peopleTask.run())}
              ${this.origins.renderOrigins(settings.origins)}
              ${this.origins.renderMail(settings.mail)}`
            : this.settingsTask.status === TaskStatus.ERROR
              ? nothing
              : html`<p role="status" class="hint">${msg('Loading the settings…')}</p>`
        }
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-staff-settings': PorticoStaffSettings;
  }
}
