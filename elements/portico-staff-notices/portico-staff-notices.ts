import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import { formStyles, hostStyles } from '../shared/host.styles.ts';
import { LiveStreamController } from '../shared/live-stream.ts';
import { StaffView } from '../shared/staff-view.ts';
import { renderTaskError } from '../shared/task.ts';
import { staffPageStyles } from '../shared/staff-page.styles.ts';
import { viewStyles } from '../shared/view.styles.ts';
import { delayUntilNextMoment, type NoticesEffects } from './staff-notices.api.ts';
import { AnnouncementForm } from './staff-notices.form.ts';
import { renderAnnouncements } from './staff-notices.list.ts';
import { RulesForm } from './staff-notices.rules.ts';
import { styles } from './portico-staff-notices.styles.ts';

/**
 * What the vendor tells customers without being asked: announcements (a delivery delay, holiday
 * hours, an outage) shown in a banner to all customers or to chosen accounts between a start and
 * an end, and the rules of the reminders the portal sends by itself (invoices coming due and
 * overdue, orders past their promised delivery). Staff publish, change and end announcements;
 * administrators change the reminder rules, which agents only see. The list stays current without
 * a reload: announcements other staff publish, change or end show as they do, and so do ones that
 * start or end by the clock; a form being filled in keeps what was typed.
 *
 * @summary Staff console announcements and reminder rules.
 * @csspart announcements - The announcements block.
 * @csspart list - The announcements, newest first.
 * @csspart row - One announcement.
 * @csspart title - Its title.
 * @csspart status - Its status (also `status-scheduled`, `status-active`, `status-ended`).
 * @csspart severity - Its severity (also `severity-info`, `severity-warning`, `severity-outage`).
 * @csspart body - Its text.
 * @csspart when - When it shows.
 * @csspart audience - Who sees it.
 * @csspart edit - An announcement's "Edit".
 * @csspart end - An announcement's "End now".
 * @csspart empty - The line shown when there are no announcements.
 * @csspart announcement-form - The form that publishes or changes an announcement.
 * @csspart notice-title - Its title field.
 * @csspart notice-body - Its text field.
 * @csspart notice-severity - Its severity choice.
 * @csspart notice-starts - When it starts (`datetime-local`).
 * @csspart notice-ends - When it ends (`datetime-local`).
 * @csspart audience-choice - Who sees it: all customers or chosen accounts.
 * @csspart accounts - The chosen accounts and the account search.
 * @csspart chosen-accounts - The chosen accounts.
 * @csspart chosen-account - One of them.
 * @csspart unchoose - "Take off", which removes an account from the audience.
 * @csspart no-accounts - The line shown while no account is chosen.
 * @csspart account-search - The account search field.
 * @csspart account-hits - The accounts the search found.
 * @csspart account-hit - One of them.
 * @csspart choose - "Add …", which adds an account to the audience.
 * @csspart publish - "Publish" or "Save announcement".
 * @csspart cancel-edit - "Cancel" while editing.
 * @csspart reminders - The reminder rules block.
 * @csspart rules-form - Their form.
 * @csspart rules-admin-only - The line telling agents only administrators change them.
 * @csspart rule - One rule (also `rule-due`, `rule-overdue`, `rule-delayed`).
 * @csspart due-enabled - Whether invoice-due reminders are sent.
 * @csspart due-days - Days before the due date.
 * @csspart overdue-enabled - Whether overdue reminders are sent.
 * @csspart overdue-days - Days after the due date.
 * @csspart delayed-enabled - Whether delayed orders are told.
 * @csspart promise-days - Days from placing an order to its promised delivery.
 * @csspart save-rules - "Save reminder rules".
 * @csspart field-error - Why a field was refused.
 * @csspart error - A failure, with `role="alert"`.
 * @csspart retry - "Try again".
 * @csspart signed-out - The line shown to anyone not signed in as staff.
 * @csspart edit-changed - The line saying someone else changed the announcement being edited.
 * @cssproperty --gap - Space between blocks. Default: `var(--portico-space, 1rem)`.
 * @cssstate live - Announcements changed elsewhere arrive as they happen.
 */
@customElement('portico-staff-notices')
@localized()
export class PorticoStaffNotices extends StaffView {
  static override styles = [hostStyles, formStyles, viewStyles, staffPageStyles, styles];

  @state() private announcement = '';
  /** Bumped after a change, here or elsewhere: the announcements are read again. */
  @state() private syncs = 0;

  private readonly internals = this.attachInternals();
  /** Reads the list again when an announcement in it starts or ends by the clock. */
  private nextMoment: ReturnType<typeof setTimeout> | undefined;

  private effects: NoticesEffects = {
    focusSoon: (selector) => this.focusSoon(selector),
    announce: (text) => (this.announcement = text),
    changed: () => (this.syncs += 1),
  };

  private form = new AnnouncementForm(this, this.effects);
  private rules = new RulesForm(this, this.effects);

  private listTask = new Task(this, {
    args: () => [this.api, this.staffId, this.syncs] as const,
    task: async ([api, staffId], { signal }) => {
      clearTimeout(this.nextMoment);
      if (!api || !staffId) return initialState;
      const { items } = await api.trpc.staff.announcement.list.query(undefined, { signal });
      const delay = delayUntilNextMoment(items);
      if (delay !== null) this.nextMoment = setTimeout(() => (this.syncs += 1), delay);
      return items;
    },
  });

  /**
   * Any change to an announcement, by anyone (and one starting or ending by the clock), and the
   * sync after each (re)connect, calls for a new read; the form is left as it is.
   */
  private readonly live = new LiveStreamController(this, {
    what: 'announcements',
    key: () => this.staffId ?? '',
    open: (api, callbacks, current) =>
      api.trpc.announcement.onChange.subscribe(undefined, {
        ...callbacks,
        onData: current(() => (this.syncs += 1)),
      }),
    liveChanged: (live) => {
      if (live) this.internals.states.add('live');
      else this.internals.states.delete('live');
    },
  });

  private rulesTask = new Task(this, {
    args: () => [this.api, this.staffId] as const,
    task: async ([api, staffId], { signal }) => {
      if (!api || !staffId) return initialState;
      const rules = await api.trpc.staff.reminder.rules.query(undefined, { signal });
      this.rules.load(rules);
      return rules;
    },
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.nextMoment);
  }

  /** Whether an administrator is signed in: only they change the reminder rules. */
  get isAdmin(): boolean {
    return this.session.status === 'signed-in' && this.session.me.role === 'admin';
  }

  override render() {
    if (!this.staffId) {
      return this.renderNotStaff(msg('Sign in with a staff account to see the announcements.'));
    }
    const loading = this.listTask.status === TaskStatus.PENDING;
    return html`
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      <div class="page">
        <section
          part="announcements"
          class="block"
          aria-labelledby="announcements-title"
          aria-busy=${loading ? 'true' : 'false'}
        >
          <h2 id="announcements-title" tabindex="-1">${msg('Announcements')}</h2>
          <p class="hint">
            ${msg('Customers see an announcement in a banner from its start to its end, until they close it.')}
          </p>
          ${renderTaskError(this.listTask, () => void this.listTask.run())}
          ${this.form.renderEndError()}
          ${
            this.listTask.status === TaskStatus.ERROR
              ? nothing
              : renderAnnouncements(this.listTask.value, {
                  edit: (item) => this.form.edit(item),
                  end: (item) => this.form.end(item),
                  ending: this.form.ending,
                  busy: this.form.busy,
                })
          }
          ${this.form.render(false, this.listTask.value)}
        </section>
        <section part="reminders" class="block" aria-labelledby="reminders-title">
          <h2 id="reminders-title" tabindex="-1">${msg('Reminders')}</h2>
          <p class="hint">
            ${msg('The portal sends these by itself, once each, in the portal and by mail as each customer chose.')}
          </p>
          ${renderTaskError(this.rulesTask, () => void this.rulesTask.run())}
          ${
            this.rules.loaded || this.rulesTask.status === TaskStatus.ERROR
              ? nothing
              : html`<p role="status" class="hint">${msg('Loading the reminder rules…')}</p>`
          }
          ${this.rules.render(this.isAdmin)}
        </section>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-staff-notices': PorticoStaffNotices;
  }
}
