import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { PorticoApi } from '../api/client.ts';
import type { SessionState } from '../api/session.ts';
import { apiContext, sessionContext } from '../context.ts';
import { BusyNotice } from '../shared/busy.ts';
import { DownloadController } from '../shared/download.ts';
import { formStyles, hostStyles } from '../shared/host.styles.ts';
import { BrandingController } from '../shared/branding.ts';
import { vendorHeaderStyles } from '../shared/vendor-header.ts';
import { CONTENT_LOCALES, contentLocale, type ContentLocale } from '../shared/locale.ts';
import { viewStyles } from '../shared/view.styles.ts';
import { partyOf, type Party } from './chat.api.ts';
import { ChatLiveController } from './chat.live.ts';
import { PanelOpening } from './chat.opening.ts';
import { ChatOutgoing } from './chat.outgoing.ts';
import { ChatState } from './chat.state.ts';
import { ViewportController } from './chat.viewport.ts';
import { cssProperties } from '../shared/css-properties.ts';
import { ChatComposer, MESSAGE_FIELD } from './chat-composer.ts';
import { renderBody, renderHeader, renderLauncher, type PanelContext } from './chat-panel.ts';
import { messageStyles } from './chat-messages.styles.ts';
import { styles } from './chat.styles.ts';
import { firstUpdateInNextTask } from '../shared/first-update.ts';

/**
 * Live chat with the vendor's support: a launcher in a bottom corner opens a panel where the
 * answer bot suggests help articles first and a person takes over on request. Signed-in
 * customers chat under their account and may attach files; anyone else gives a name and an
 * email. The server keeps the conversation, so it survives reloads and the vendor's other pages;
 * whether the panel was open is remembered for the browser tab. On narrow screens the panel
 * fills the screen above the on-screen keyboard.
 *
 * Open it from your own button with `open()`, `close()` and `toggle()`, or with
 * `document.dispatchEvent(new CustomEvent('portico-chat-open'))`.
 *
 * @summary Live chat: answer bot, a person on request, files, read marks.
 * @attr position - The corner of the launcher and panel: `end` (default) or `start`, mirrored in
 *   right-to-left pages.
 * @attr without-launcher - Hides the launcher; open the panel from your own button.
 * @attr help-href - Where an article the bot offers links to; `{slug}` and `{locale}` are
 *   replaced. Default: `#help={slug}` (for `<portico-help-search>` on the same page).
 * @attr ticket-href - Where a chat that became a ticket links to; `{id}` is replaced. Default:
 *   `#ticket={id}` (for `<portico-ticket-inbox>` on the same page).
 * @attr locale - The conversation's language (`en`, `de`, `lv`, `hr`, `el`, `fa`) for the bot's
 *   articles and for dates; by default the nearest `lang` attribute of the page.
 * @slot header - At the top of the panel, above "Chat with us". Default: the vendor's logo and
 *   name from the portal's settings.
 * @csspart brand - The box of the `header` slot.
 * @csspart logo - The vendor's logo (the slot's default content).
 * @csspart vendor-name - The vendor's name (the slot's default content).
 * @csspart launcher - The button that opens and closes the panel.
 * @csspart badge - The number of unread messages on the launcher while the panel is closed.
 * @csspart panel - The chat panel (a non-modal dialog).
 * @csspart header - The panel's heading, availability and buttons.
 * @csspart heading - "Chat with us".
 * @csspart availability - Whether someone is online and how soon they usually answer.
 * @csspart end - The "End chat" button.
 * @csspart close - The button that closes the panel.
 * @csspart busy - "The portal is busy. Trying again…" below the header while a call waits to be
 *   sent again (`role="status"`); empty otherwise.
 * @csspart status - Where the chat stands: the place in line and the expected wait, or the agent.
 * @csspart log - The conversation, a polite live log.
 * @csspart earlier - The "Show earlier messages" button.
 * @csspart intro - What the empty chat says before the first message.
 * @csspart loading - The line shown while the chat loads.
 * @csspart staff-hint - What a staff sign-in sees instead of the chat.
 * @csspart group - One author's consecutive messages (also `group-<role>`).
 * @csspart group-customer - The customer's own messages.
 * @csspart group-staff - An agent's messages.
 * @csspart group-bot - The answer bot's messages.
 * @csspart author - A group's author and role.
 * @csspart role - Who the author is, in words: you, support team, answer bot.
 * @csspart message - One message (also `message-<role>`, and `message-pending` while unsent).
 * @csspart message-customer - A message of the customer.
 * @csspart message-staff - A message of an agent.
 * @csspart message-bot - A message of the answer bot.
 * @csspart message-pending - A message of the customer on its way, or failed.
 * @csspart body - A message's text.
 * @csspart meta - A message's time and read mark.
 * @csspart time - When a message was written.
 * @csspart receipt - Sent, delivered or read, on the customer's latest message of a group (also
 *   `receipt-sent`, `receipt-delivered`, `receipt-read`, `receipt-sending`).
 * @csspart receipt-sent - Sent, not yet received by the support team.
 * @csspart receipt-delivered - The support team has it.
 * @csspart receipt-read - The support team read it.
 * @csspart receipt-sending - "Sending…" on a message on its way.
 * @csspart send-error - Why a message did not go out.
 * @csspart resend - The "Retry" button of a failed message.
 * @csspart attachments - A message's files.
 * @csspart attachment - One file of a message.
 * @csspart download - A file's download button.
 * @csspart download-error - Why a download failed (also `error`).
 * @csspart articles - The help articles the bot suggests.
 * @csspart article - One suggested article, a card.
 * @csspart article-link - The link to the article.
 * @csspart snippet - A few lines of the article.
 * @csspart article-actions - "That solved it" and "Talk to a person".
 * @csspart solved - The "That solved it" button.
 * @csspart talk - The "Talk to a person" button.
 * @csspart notice - A line from the chat itself, centred (also `notice-<code>`).
 * @csspart notice-queued - The chat waits for a person, with the expected wait.
 * @csspart notice-joined - An agent joined.
 * @csspart notice-transferred - The chat was passed to another agent.
 * @csspart notice-offline - Nobody is online; the answer comes by email.
 * @csspart notice-ticket - The chat became a ticket, with its link.
 * @csspart notice-solved - The customer said an article solved it.
 * @csspart notice-ended - The chat ended.
 * @csspart ticket-link - The link to the ticket a chat became.
 * @csspart typing - "Mara is typing…".
 * @csspart composer - The message form.
 * @csspart visitor - The name and email a guest gives with the first message.
 * @csspart visitor-name - The name field.
 * @csspart visitor-email - The email field.
 * @csspart sign-in-hint - The hint that signed-in customers can send files.
 * @csspart input - The message field.
 * @csspart attach - The button that adds files (signed-in customers).
 * @csspart files - The files chosen for the next message.
 * @csspart file - One chosen file with its progress.
 * @csspart progress - A chosen file's upload progress.
 * @csspart remove - The button that removes a chosen file.
 * @csspart file-error - Why a file was refused.
 * @csspart send - The "Send" button.
 * @csspart uploading - "Waiting for the files to upload…" while a message waits for its files.
 * @csspart restart - The "Start a new chat" button after a chat ended.
 * @csspart error - The message shown when something failed, with `role="alert"`.
 * @csspart retry - The "Try again" button beside a failed read.
 * @cssproperty --offset - Distance of the launcher and panel from the screen's edges. Default: `1rem`.
 * @cssproperty --panel-width - The panel's width on wider screens. Default: `24rem`.
 * @cssproperty --panel-height - The panel's height on taller screens. Default: `36rem`.
 * @cssproperty --layer - The `z-index` of the launcher and panel. Default: `1000`.
 * @cssproperty --customer-background - The background of the customer's messages. Default: the
 *   brand colour.
 * @cssproperty --customer-color - The text colour of the customer's messages. Default: the brand's
 *   contrast colour.
 * @cssproperty --staff-background - The background of the support team's and bot's messages.
 *   Default: a light tint of the brand colour.
 * @cssstate open - The panel is open.
 * @cssstate live - The chat hears the conversation as it happens.
 */
@customElement('portico-chat')
@localized()
@firstUpdateInNextTask
export class PorticoChat extends LitElement {
  static override styles = [
    hostStyles,
    formStyles,
    viewStyles,
    vendorHeaderStyles,
    styles,
    messageStyles,
  ];

  /** The corner of the launcher and panel: `end` or `start` of the bottom edge. */
  @property({ reflect: true }) position: 'end' | 'start' = 'end';

  /** Hides the launcher: the vendor opens the panel from a button of their own. */
  @property({ type: Boolean, reflect: true, attribute: 'without-launcher' })
  withoutLauncher = false;

  /** Where the bot's articles link to; `{slug}` and `{locale}` are replaced. */
  @property({ attribute: 'help-href' }) helpHref = '#help={slug}';

  /** Where a chat that became a ticket links to; `{id}` is replaced. */
  @property({ attribute: 'ticket-href' }) ticketHref = '#ticket={id}';

  /** The conversation's language; by default the nearest `lang` attribute of the page. */
  @property() locale = '';

  /** The API client, from the page or the nearest `<portico-portal>`. */
  @consume({ context: apiContext, subscribe: true })
  @property({ attribute: false })
  api?: PorticoApi;

  /** Who is signed in, from the page or the nearest `<portico-portal>`. */
  @consume({ context: sessionContext, subscribe: true })
  @property({ attribute: false })
  session: SessionState = { status: 'unknown' };

  /** The log is scrolled to its end, so it follows new messages. */
  private atEnd = true;

  private readonly internals = this.attachInternals();
  private readonly opening = new PanelOpening(this, {
    opened: () => this.refreshAvailability(),
    settled: () => this.party !== 'unknown' && this.loadTask.status !== TaskStatus.PENDING,
  });
  // The element's own box is empty (launcher and panel are fixed): the notice goes in the panel.
  private readonly busyNotice = new BusyNotice(this, {
    within: () => this.renderRoot.querySelector("[part~='panel'] > .busy"),
  });
  private readonly chat = new ChatState(() => this.requestUpdate());
  private readonly outgoing = new ChatOutgoing(this, this.chat, (conversation) => {
    const lost = document.activeElement === document.body || this.matches(':focus-within');
    if (!lost) return;
    this.opening.focusSoon(conversation.status === 'ended' ? "[part~='restart']" : MESSAGE_FIELD);
  });
  private readonly downloads = new DownloadController(this);
  private readonly branding = new BrandingController(this);
  private readonly viewport = new ViewportController(this, () => this.opening.expanded);
  private readonly composer = new ChatComposer(this, {
    send: (body, files, visitor) => {
      this.atEnd = true;
      this.outgoing.send(body, files, visitor);
    },
    typing: (active) => this.outgoing.typing(active),
  });

  private readonly live = new ChatLiveController(
    this,
    () => ({
      conversationId: this.chat.conversation?.id ?? null,
      open: this.chat.open,
      seenSeq: this.chat.maxSeq,
    }),
    {
      event: (event) => this.chat.apply(event),
      liveChanged: (live) => this.setCustomState('live', live),
    },
  );

  private readonly loadTask = new Task(this, {
    args: () => [this.api, this.party, this.personKey] as const,
    task: async ([api, party], { signal }) => {
      if (!api || (party !== 'customer' && party !== 'guest')) {
        this.chat.clear();
        return initialState;
      }
      const loads = this.chat.loads;
      const view = await api.trpc.chat.current.query(undefined, { signal });
      if (this.chat.loads === loads) this.chat.load(view);
      return view;
    },
  });

  /** The language the bot answers in and dates are written in. */
  get chatLocale(): ContentLocale {
    return CONTENT_LOCALES.find((locale) => locale === this.locale) ?? contentLocale(this);
  }

  /** Whether the panel is open. */
  get isOpen(): boolean {
    return this.opening.expanded;
  }

  private get party(): Party {
    return partyOf(this.session);
  }

  /** Who is signed in: the chat reloads when another person is. */
  private get personKey(): string {
    return this.session.status === 'signed-in' ? this.session.me.user.id : '';
  }

  /** Opens the panel and puts the cursor in the message field. */
  open(): void {
    this.atEnd = true;
    this.opening.open();
  }

  /** Closes the panel; focus goes back to the launcher, or where it was before it opened. */
  close(): void {
    this.opening.close();
  }

  /** Opens the panel when it is closed, and closes it when it is open. */
  toggle(): void {
    if (this.opening.expanded) this.close();
    else this.open();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.handleVisibility);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.handleVisibility);
    this.chat.dispose();
  }

  protected override updated(): void {
    const expanded = this.opening.expanded;
    this.setCustomState('open', expanded);
    if (expanded && this.atEnd) {
      const log = this.renderRoot.querySelector<HTMLElement>("[part~='log']");
      if (log) log.scrollTop = log.scrollHeight;
    }
    if (expanded && document.visibilityState === 'visible') this.outgoing.markRead();
  }

  override render() {
    const expanded = this.opening.expanded;
    return html`
      ${
        this.withoutLauncher
          ? nothing
          : renderLauncher({
              expanded,
              unread: expanded ? 0 : this.chat.unread,
              locale: this.chatLocale,
              toggle: () => this.toggle(),
            })
      }
      <section
        id="chat-panel"
        part="panel"
        class="panel"
        role="dialog"
        aria-labelledby="chat-title"
        ${cssProperties(this.viewport.style)}
        ?hidden=${!expanded}
        @keydown=${this.opening.keydown}
      >
        ${renderHeader(this.panelContext)}
        <div class="busy"></div>
        ${renderBody(this.panelContext)}
      </section>
    `;
  }

  private get panelContext(): PanelContext {
    return {
      party: this.party,
      locale: this.chatLocale,
      branding: this.branding.branding,
      state: this.chat,
      outgoing: this.outgoing,
      composer: this.composer,
      load: this.loadTask,
      reload: () => void this.loadTask.run(),
      messages: {
        api: this.api,
        helpHref: this.helpHref,
        ticketHref: this.ticketHref,
        downloads: this.downloads,
      },
      close: () => this.close(),
      restart: () => this.restart(),
      onLogScroll: this.handleLogScroll,
    };
  }

  /** After an ended chat: an empty chat whose first message starts a new conversation. */
  private restart(): void {
    this.chat.clear();
    this.opening.focusSoon(MESSAGE_FIELD);
  }

  private refreshAvailability(): void {
    const { api, party } = this;
    if (!api || (party !== 'customer' && party !== 'guest')) return;
    api.trpc.chat.availability
      .query()
      .then((availability) => this.chat.setAvailability(availability))
      .catch(() => {
        // The line keeps what the chat last knew.
      });
  }

  private setCustomState(name: string, on: boolean): void {
    if (on) this.internals.states.add(name);
    else this.internals.states.delete(name);
  }

  private handleVisibility = () => this.requestUpdate();

  private handleLogScroll = (event: Event) => {
    const log = event.currentTarget as HTMLElement;
    this.atEnd = log.scrollHeight - log.scrollTop - log.clientHeight < 32;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-chat': PorticoChat;
  }
}
