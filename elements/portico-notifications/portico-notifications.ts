import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import type { PorticoApi } from '../api/client.ts';
import type { SessionState } from '../api/session.ts';
import { apiContext, sessionContext } from '../context.ts';
import { NotificationSelectEvent } from '../events.ts';
import { BusyNotice } from '../shared/busy.ts';
import { formStyles, hostStyles } from '../shared/host.styles.ts';
import { LiveStreamController } from '../shared/live-stream.ts';
import { viewStyles } from '../shared/view.styles.ts';
import {
  notificationSentence,
  subjectNumber,
  subjectOf,
  type NotificationChange,
  type NotificationView,
  type ViewEffects,
} from './notifications.api.ts';
import { NotificationFeed } from './notifications.feed.ts';
import { placePanel } from './notifications.placement.ts';
import { NotificationPreferences } from './notifications.preferences.ts';
import { styles } from './portico-notifications.styles.ts';
import { formatNumber } from '../shared/format.ts';
import { firstUpdateInNextTask } from '../shared/first-update.ts';

const BELL = "[part~='bell']";
const HEADING = '#notifications-title';

/**
 * The notification centre: a bell with the number of unread notifications that opens a panel
 * with the customer's notifications, newest first. Each reads as a sentence in the customer's
 * language (an order shipped, an invoice due, a ticket answered). Choosing one marks it read and
 * fires `portico-notification-select`; the element does not navigate, the vendor's page opens the
 * order, invoice or ticket. The count and the list follow the server's live updates, so a
 * notification read on one device is read on all. The panel's "Email settings" choose, per kind,
 * whether a notification also comes by email. Signed out, or signed in without a customer
 * account, the element is hidden and calls nothing. Place it in the site's header, at the inline
 * end of the navigation: the panel opens below the bell, towards the inline start. Wherever the
 * bell is, the panel stays on screen: it turns towards the inline end, or slides, when needed.
 *
 * @summary Bell with unread count and a panel of notifications, with email settings.
 * @attr page-size - How many notifications each page of the list shows, 1 to 50. Default: 20.
 * @fires portico-notification-select - The customer chose a notification
 *   (`NotificationSelectEvent`, with `notification.{id, kind, subject: {type, id}, number}`).
 * @csspart bell - The bell button; its name says how many are unread.
 * @csspart badge - The number of unread notifications on the bell (hidden when none).
 * @csspart panel - The panel the bell opens.
 * @csspart heading - The panel's heading; it takes focus when the panel opens.
 * @csspart close - The panel's close button.
 * @csspart toolbar - "Mark all as read" and "Email settings".
 * @csspart mark-all - The "Mark all as read" button.
 * @csspart settings - The "Email settings" button.
 * @csspart back - The "Back to notifications" button of the email settings.
 * @csspart list - The notifications, newest first.
 * @csspart item - One notification (also `item-unread` while unread).
 * @csspart item-unread - A notification the customer has not read.
 * @csspart item-button - The button that opens a notification's subject.
 * @csspart unread-marker - The "New" label of an unread notification.
 * @csspart sentence - What happened, in one sentence.
 * @csspart time - When it happened.
 * @csspart more - The "Show more" button under the list.
 * @csspart loading - What the panel says while it reads.
 * @csspart empty - What the list says when there are no notifications.
 * @csspart preferences - The email settings' list of kinds.
 * @csspart preference - One kind with its box.
 * @csspart kind - A kind's name.
 * @csspart mail - A kind's "Also send me an email" box.
 * @csspart status - The polite live line that says what was just done.
 * @csspart error - The message shown when something failed, with `role="alert"`.
 * @csspart retry - The "Try again" button beside a failed read.
 * @cssproperty --panel-width - The panel's width, at most the screen's less a margin. Default: `22rem`.
 * @cssproperty --panel-max-height - The panel's tallest; the list scrolls beyond it. Default: `70vh`.
 * @cssproperty --layer - The panel's `z-index`. Default: `1000`.
 * @cssproperty --badge-background - The badge's colour. Default: the danger colour.
 * @cssproperty --badge-color - The badge's text colour. Default: the surface colour.
 * @cssstate open - The panel is open.
 * @cssstate unread - There are unread notifications.
 * @cssstate live - Notifications arrive as they happen.
 */
@customElement('portico-notifications')
@localized()
@firstUpdateInNextTask
export class PorticoNotifications extends LitElement {
  static override styles = [hostStyles, formStyles, viewStyles, styles];

  /** How many notifications each page of the list shows, 1 to 50. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** The API client, from the page or the nearest `<portico-portal>`. */
  @consume({ context: apiContext, subscribe: true })
  @property({ attribute: false })
  api?: PorticoApi;

  /** Who is signed in, from the page or the nearest `<portico-portal>`. */
  @consume({ context: sessionContext, subscribe: true })
  @property({ attribute: false })
  session: SessionState = { status: 'unknown' };

  @state() private expanded = false;

  /** The panel shows the list or the email settings. */
  @state() private view: 'list' | 'preferences' = 'list';

  /** What the live region last said. */
  @state() private announcement = '';

  private readonly internals = this.attachInternals();
  /** What takes focus once it is on screen. */
  private focusTarget: string | null = null;

  private readonly effects: ViewEffects = {
    focusSoon: (selector) => {
      this.focusTarget = selector;
      this.requestUpdate();
    },
    announce: (text) => (this.announcement = text),
  };

  private readonly busyNotice = new BusyNotice(this, {
    within: () => this.renderRoot.querySelector("[part~='panel'] > .busy"),
  });
  private readonly feed = new NotificationFeed(this, {
    ...this.effects,
    chosen: (notification) => this.handleChosen(notification),
  });
  private readonly preferences = new NotificationPreferences(this, this.effects);
  /** Each event carries the unread count, so every device shows the same number. */
  private readonly live = new LiveStreamController(this, {
    what: 'notifications',
    key: () => this.personKey,
    open: (api, callbacks, current) =>
      api.trpc.notification.onChange.subscribe(
        {},
        { ...callbacks, onData: current((event) => this.handleChange(event.data)) },
      ),
    liveChanged: (live) => this.setCustomState('live', live),
  });

  /** The signed-in customer and the account they work in, or '' when there is none. */
  get personKey(): string {
    if (this.session.status !== 'signed-in') return '';
    const { me } = this.session;
    return me.account ? `${me.user.id} ${me.account.id}` : '';
  }

  /** The number of unread notifications, or null until known (and for nobody signed in). */
  get unread(): number | null {
    return this.personKey ? this.feed.unread : null;
  }

  /** Whether the panel is open. */
  get isOpen(): boolean {
    return this.expanded;
  }

  /** Whether the open panel shows the notifications. */
  get listShown(): boolean {
    return this.expanded && this.view === 'list' && this.personKey !== '';
  }

  /** Whether the open panel shows the email settings. */
  get preferencesShown(): boolean {
    return this.expanded && this.view === 'preferences' && this.personKey !== '';
  }

  /** Opens the panel and moves focus into it. */
  open(): void {
    if (!this.personKey) return;
    this.expanded = true;
    this.effects.focusSoon(HEADING);
  }

  /** Closes the panel; focus goes back to the bell when it was inside. */
  close(): void {
    if (!this.expanded) return;
    const hadFocus = this.matches(':focus-within');
    this.expanded = false;
    this.view = 'list';
    if (hadFocus) this.effects.focusSoon(BELL);
  }

  toggle(): void {
    if (this.expanded) this.close();
    else this.open();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('click', this.handleDocumentClick);
    window.addEventListener('resize', this.handleResize);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('click', this.handleDocumentClick);
    window.removeEventListener('resize', this.handleResize);
  }

  protected override willUpdate(changed: PropertyValues): void {
    // Nobody to notify: nothing shows, and nothing is asked of the server.
    this.hidden = !this.personKey;
    if (changed.has('session') && !this.personKey) {
      this.expanded = false;
      this.view = 'list';
    }
  }

  protected override updated(): void {
    this.setCustomState('open', this.expanded);
    this.setCustomState('unread', (this.unread ?? 0) > 0);
    if (this.expanded) this.placePanel();
    const target = this.focusTarget;
    if (!target) return;
    const element = this.renderRoot.querySelector<HTMLElement>(target);
    if (!element) return;
    this.focusTarget = null;
    element.focus();
  }

  override render() {
    if (!this.personKey) return nothing;
    const unread = this.unread ?? 0;
    const label = unread
      ? msg(str`Notifications, ${formatNumber(unread)} unread`)
      : msg('Notifications');
    return html`
      <div class="anchor" @keydown=${this.handleKeydown}>
        <button
          part="bell"
          class="bell"
          type="button"
          aria-label=${label}
          aria-expanded=${this.expanded ? 'true' : 'false'}
          aria-controls="notifications-panel"
          @click=${() => this.toggle()}
        >
          ${bellIcon}
          ${
            unread
              ? html`<span part="badge" class="badge" aria-hidden="true"
                  >${unread > 99 ? `${formatNumber(99)}+` : formatNumber(unread)}</span
                >`
              : nothing
          }
        </button>
        <section
          id="notifications-panel"
          part="panel"
          class="panel"
          aria-labelledby="notifications-title"
          ?hidden=${!this.expanded}
        >
          ${this.renderHeader()}
          <div class="busy"></div>
          <div class="body">
            ${this.view === 'list' ? this.feed.render() : this.preferences.render()}
          </div>
        </section>
      </div>
      <p part="status" class="visually-hidden" role="status" aria-live="polite">
        ${this.announcement}
      </p>
    `;
  }

  private renderHeader() {
    const list = this.view === 'list';
    return html`
      <div class="head">
        <h2 id="notifications-title" part="heading" tabindex="-1">
          ${list ? msg('Notifications') : msg('Email settings')}
        </h2>
        <button
          part="close"
          class="close secondary"
          type="button"
          aria-label=${msg('Close notifications')}
          @click=${() => this.close()}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div part="toolbar" class="toolbar">
        ${
          list
            ? html`
                <button
                  part="mark-all"
                  type="button"
                  class="link"
                  ?disabled=${!this.unread}
                  @click=${this.handleMarkAll}
                >
                  ${msg('Mark all as read')}
                </button>
                <button part="settings" type="button" class="link" @click=${this.handleSettings}>
                  ${msg('Email settings')}
                </button>
              `
            : html`<button part="back" type="button" class="link" @click=${this.handleBack}>
                ${msg('Back to notifications')}
              </button>`
        }
      </div>
    `;
  }

  /** Measured before the panel is painted, so it never shows off screen first. */
  private placePanel(): void {
    const anchor = this.renderRoot.querySelector<HTMLElement>('.anchor');
    const panel = this.renderRoot.querySelector<HTMLElement>("[part~='panel']");
    if (anchor && panel) placePanel(anchor, panel);
  }

  private setCustomState(name: string, on: boolean): void {
    if (on) this.internals.states.add(name);
    else this.internals.states.delete(name);
  }

  private handleChange(change: NotificationChange): void {
    const latest = change.latest;
    const known = latest && this.feed.items.some((item) => item.id === latest.id);
    this.feed.apply(change);
    if (change.type === 'change' && latest && !latest.readAt && !known) {
      this.announcement = msg(str`New notification: ${notificationSentence(latest)}`);
    }
  }

  private handleChosen(notification: NotificationView): void {
    this.dispatchEvent(
      new NotificationSelectEvent({
        id: notification.id,
        kind: notification.kind,
        subject: subjectOf(notification),
        number: subjectNumber(notification),
      }),
    );
    this.close();
  }

  private handleMarkAll = () => {
    void this.feed.markAllTask.run();
    this.effects.focusSoon(HEADING);
  };

  private handleSettings = () => {
    this.view = 'preferences';
    this.announcement = '';
    this.effects.focusSoon(HEADING);
  };

  private handleBack = () => {
    this.view = 'list';
    this.announcement = '';
    this.effects.focusSoon(HEADING);
  };

  /** Escape closes the panel wherever focus is, on the bell or inside. */
  private handleKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented || !this.expanded) return;
    event.preventDefault();
    this.close();
  };

  private handleResize = () => {
    if (this.expanded) this.placePanel();
  };

  /** A click anywhere outside the element closes the panel, as a popover does. */
  private handleDocumentClick = (event: MouseEvent) => {
    if (this.expanded && !event.composedPath().includes(this)) this.close();
  };
}

const bellIcon = html`<svg
  class="icon"
  viewBox="0 0 24 24"
  aria-hidden="true"
  focusable="false"
  width="24"
  height="24"
>
  <path
    d="M12 3a6 6 0 0 0-6 6v3.6L4.3 15.4A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.6L18 12.6V9a6 6 0 0 0-6-6Z"
    fill="none"
    stroke="currentColor"
    stroke-width="1.8"
    stroke-linejoin="round"
  />
  <path d="M9.5 19.5a2.5 2.5 0 0 0 5 0" fill="none" stroke="currentColor" stroke-width="1.8" />
</svg>`;

declare global {
  interface HTMLElementTagNameMap {
    'portico-notifications': PorticoNotifications;
  }
}
