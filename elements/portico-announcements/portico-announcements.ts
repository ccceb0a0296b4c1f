import { LitElement, html, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import { TRPCClientError } from '@trpc/client';
import type { PorticoApi } from '../api/client.ts';
import type { SessionState } from '../api/session.ts';
import { apiContext, sessionContext } from '../context.ts';
import { isolate } from '../shared/bidi.ts';
import { BusyNotice } from '../shared/busy.ts';
import { formStyles, hostStyles } from '../shared/host.styles.ts';
import { LiveStreamController } from '../shared/live-stream.ts';
import { viewStyles } from '../shared/view.styles.ts';
import {
  accountOf,
  delayUntilNextChange,
  dismissLocally,
  locallyDismissed,
  renderTaskError,
  type Announcement,
  type CurrentAnnouncements,
  type Severity,
} from './announcements.api.ts';
import { styles } from './portico-announcements.styles.ts';
import { firstUpdateInNextTask } from '../shared/first-update.ts';

/**
 * The vendor's announcements (a delivery delay, holiday hours, an outage) as a stack of banners,
 * newest first, for visitors and signed-in customers alike. Each can be dismissed: a signed-in
 * customer's dismissal is kept by the server for all their devices, a visitor's in this browser.
 * New, changed and ended announcements show without a reload, and so do ones that start or end
 * by time. The banners are plain content in a region named "Announcements", each an article with
 * a level-2 heading; those on screen when the page loads are not read out, so moving from page
 * to page stays quiet. One that arrives while the page is open is read out once, politely, or at
 * once for an outage. With nothing to announce the element takes no room. Place it at the top of
 * every page, above or just below the site's header.
 *
 * @summary Banners with the vendor's current announcements, each dismissible.
 * @csspart stack - The banners: a region named "Announcements".
 * @csspart announcement - One banner, an article (also `announcement-<severity>`), with
 *   `data-severity`.
 * @csspart announcement-info - A banner with information.
 * @csspart announcement-warning - A banner with a warning.
 * @csspart announcement-outage - A banner about an outage.
 * @csspart icon - The banner's severity mark.
 * @csspart heading - The banner's heading: the severity and the title.
 * @csspart severity - The severity as a word: "Information", "Warning" or "Outage".
 * @csspart title - The announcement's title, in the banner's heading after the severity.
 * @csspart body - The announcement's text.
 * @csspart dismiss - The "Dismiss" button; its name includes the title.
 * @csspart status - The polite live line that says a banner arrived or was dismissed.
 * @csspart urgent - The live line that interrupts to say an outage arrived, with `role="alert"`.
 * @csspart error - The message shown when a dismissal failed, with `role="alert"`.
 * @cssproperty --gap - Space between banners. Default: `0.5rem`.
 * @cssproperty --info-color - The edge and mark of information. Default: the brand colour.
 * @cssproperty --warning-color - The edge and mark of a warning. Default: `--portico-color-warning`.
 * @cssproperty --outage-color - The edge and mark of an outage. Default: the danger colour.
 * @cssstate empty - Nothing to announce: the element takes no room.
 * @cssstate live - Announcements arrive as they are published.
 */
@customElement('portico-announcements')
@localized()
@firstUpdateInNextTask
export class PorticoAnnouncements extends LitElement {
  static override styles = [hostStyles, formStyles, viewStyles, styles];

  /** The API client, from the page or the nearest `<portico-portal>`. */
  @consume({ context: apiContext, subscribe: true })
  @property({ attribute: false })
  api?: PorticoApi;

  /** Who is signed in, from the page or the nearest `<portico-portal>`. */
  @consume({ context: sessionContext, subscribe: true })
  @property({ attribute: false })
  session: SessionState = { status: 'unknown' };

  /** Dismissed on this page since the last read, so they go at once. */
  @state() private dismissed = new Set<string>();

  /** What the polite live line last said. */
  @state() private announcement = '';
  /** What the interrupting live line last said: only outages that arrived meanwhile. */
  @state() private urgent = '';

  private readonly internals = this.attachInternals();
  private nextChange: ReturnType<typeof setTimeout> | undefined;
  /** The announcements the last read found, and for whom: the next read's new ones arrived. */
  private known: { audience: string; ids: Set<string> } | null = null;
  /** The dismiss button to focus after a render, once its banner's neighbour is gone. */
  private focusTarget: string | null = null;

  private readonly busyNotice = new BusyNotice(this);
  /** Each event (the first sync, a sync after a reconnect, a change) calls for a new read. */
  private readonly live = new LiveStreamController(this, {
    what: 'announcements',
    key: () => this.audienceKey,
    open: (api, callbacks, current) =>
      api.trpc.announcement.onChange.subscribe(undefined, {
        ...callbacks,
        onData: current(() => void this.loadTask.run()),
      }),
    liveChanged: (live) => this.setCustomState('live', live),
  });

  private readonly loadTask = new Task(this, {
    args: () => [this.api, this.audienceKey] as const,
    task: async ([api, audience], { signal }) => {
      clearTimeout(this.nextChange);
      if (!api || !audience) return initialState;
      const answer: CurrentAnnouncements = await api.trpc.announcement.current.query(undefined, {
        signal,
      });
      this.dismissed = new Set();
      this.announceArrivals(audience, answer.items);
      const delay = delayUntilNextChange(answer);
      if (delay !== null) this.nextChange = setTimeout(() => void this.loadTask.run(), delay);
      return answer.items;
    },
  });

  private readonly dismissTask = new Task(this, {
    autoRun: false,
    args: () => [''] as [string],
    task: async ([id], { signal }) => {
      const api = this.api;
      if (!api) return;
      await api.trpc.announcement.dismiss.mutate({ id }, { signal });
    },
  });

  /**
   * Whose announcements show: the signed-in person in their account, or 'visitor'; '' while the
   * session is not known yet, so nothing is read twice.
   */
  get audienceKey(): string {
    switch (this.session.status) {
      case 'unknown':
        return '';
      case 'signed-out':
        return 'visitor';
      case 'signed-in':
        return `${this.session.me.user.id} ${this.session.me.account?.id ?? ''}`;
    }
  }

  /** The announcements on screen, newest first. */
  get shown(): Announcement[] {
    const items = this.loadTask.value ?? [];
    const local = locallyDismissed();
    return items.filter((item) => !this.dismissed.has(item.id) && !local.has(item.id));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.nextChange);
  }

  protected override updated(): void {
    this.setCustomState('empty', this.shown.length === 0);
    const target = this.focusTarget;
    if (!target) return;
    this.focusTarget = null;
    this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  override render() {
    const items = this.shown;
    return html`
      ${this.dismissTask.status === TaskStatus.ERROR ? renderTaskError(this.dismissTask) : nothing}
      ${
        items.length
          ? html`<section part="stack" class="stack" aria-label=${msg('Announcements')}>
              ${items.map((item) => this.renderAnnouncement(item))}
            </section>`
          : nothing
      }
      <p part="status" class="visually-hidden" role="status">${this.announcement}</p>
      <p part="urgent" class="visually-hidden" role="alert">${this.urgent}</p>
    `;
  }

  private renderAnnouncement(item: Announcement) {
    const headingId = `announcement-${item.id}`;
    return html`
      <article
        part="announcement announcement-${item.severity}"
        class="announcement"
        data-severity=${item.severity}
        data-id=${item.id}
        aria-labelledby=${headingId}
      >
        <span part="icon" class="icon" aria-hidden="true">${severityIcon(item.severity)}</span>
        <div class="text">
          <h2 id=${headingId} part="heading" class="heading">
            <span part="severity" class="severity">${severityLabel(item.severity)}</span
            ><span class="visually-hidden">: </span>
            <span part="title" class="title" dir="auto">${item.title}</span>
          </h2>
          <p part="body" class="body" dir="auto">${item.body}</p>
        </div>
        <button
          part="dismiss"
          class="dismiss secondary"
          type="button"
          aria-label=${msg(str`Dismiss: ${isolate(item.title)}`)}
          @click=${() => this.dismiss(item)}
        >
          ${msg('Dismiss')}
        </button>
      </article>
    `;
  }

  /**
   * Reads out the announcements that arrived since the last read, once: never those of the first
   * read for this audience, which were there when the page loaded.
   */
  private announceArrivals(audience: string, items: Announcement[]): void {
    const known = this.known?.audience === audience ? this.known.ids : null;
    this.known = { audience, ids: new Set(items.map((item) => item.id)) };
    if (!known) return;
    const local = locallyDismissed();
    const arrived = items.filter((item) => !known.has(item.id) && !local.has(item.id));
    const sentence = (item: Announcement) =>
      msg(str`New announcement. ${severityLabel(item.severity)}: ${item.title}`);
    const outages = arrived.filter((item) => item.severity === 'outage');
    const others = arrived.filter((item) => item.severity !== 'outage');
    if (outages.length) this.urgent = outages.map(sentence).join(' ');
    if (others.length) this.announcement = others.map(sentence).join(' ');
  }

  private async dismiss(item: Announcement): Promise<void> {
    const items = this.shown;
    const next = items[items.indexOf(item) + 1] ?? items[items.indexOf(item) - 1];
    const hadFocus = this.matches(':focus-within');
    this.dismissed = new Set([...this.dismissed, item.id]);
    if (hadFocus && next) this.focusTarget = `[data-id='${next.id}'] [part~='dismiss']`;
    // Kept in this browser at once: the next page hides it even if the customer leaves this one
    // before the server has their dismissal (which then reaches their other devices).
    dismissLocally(item.id);
    if (accountOf(this.session)) {
      await this.dismissTask.run([item.id]);
      if (this.dismissTask.status === TaskStatus.ERROR && !isGone(this.dismissTask.error)) {
        // Not kept: the banner comes back, with the reason above it.
        dismissLocally(item.id, false);
        const dismissed = new Set(this.dismissed);
        dismissed.delete(item.id);
        this.dismissed = dismissed;
        return;
      }
    }
    this.announcement = msg(str`Dismissed: ${item.title}`);
  }

  private setCustomState(name: string, on: boolean): void {
    if (on) this.internals.states.add(name);
    else this.internals.states.delete(name);
  }
}

/** The announcement ended or was withdrawn meanwhile: it is gone either way. */
function isGone(error: unknown): boolean {
  return error instanceof TRPCClientError && error.data?.code === 'NOT_FOUND';
}

function severityLabel(severity: Severity): string {
  switch (severity) {
    case 'outage':
      return msg('Outage');
    case 'warning':
      return msg('Warning');
    default:
      return msg('Information');
  }
}

/** A circle for information, a triangle for a warning, a square for an outage. */
function severityIcon(severity: Severity) {
  const mark =
    severity === 'outage'
      ? svg`<rect x="3" y="3" width="18" height="18" rx="2" /><path d="M12 7v6M12 16.5v.5" />`
      : severity === 'warning'
        ? svg`<path d="M12 3 2 21h20L12 3Z" /><path d="M12 10v5M12 17.5v.5" />`
        : svg`<circle cx="12" cy="12" r="9" /><path d="M12 11v6M12 7.5v.5" />`;
  return html`<svg viewBox="0 0 24 24" width="24" height="24" focusable="false">${mark}</svg>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-announcements': PorticoAnnouncements;
  }
}
