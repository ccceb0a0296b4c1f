import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { apiContext, sessionContext } from '../context.ts';
import { BusyNotice } from '../shared/busy.ts';
import type { PorticoApi } from '../api/client.ts';
import { mustSetUpSecondFactor, type SessionState } from '../api/session.ts';
import { formStyles, hostStyles } from '../shared/host.styles.ts';
import { viewStyles } from '../shared/view.styles.ts';
import { securityStyles } from '../shared/security.styles.ts';
import { SecuritySetupController } from '../shared/security-setup.ts';
import { isStaffSession, staffOf } from '../shared/staff-view.ts';

/** The console's views, in the order of its navigation. */
export const VIEWS = [
  'chats',
  'tickets',
  'orders',
  'customers',
  'billing',
  'help',
  'reports',
  'notices',
  'integrations',
  'settings',
] as const;

export type View = (typeof VIEWS)[number];

/** The views only administrators see in the navigation (agents who follow a link are told). */
const ADMIN_VIEWS: readonly View[] = ['integrations', 'settings'];

export interface Route {
  view: View;
  /** The one thing the view shows (`#ticket=<id>`, `#order=<id>`, …), or null for its list. */
  id: string | null;
}

/** The fragment that names one thing, and the view that shows it. */
const ITEM_ROUTES: Record<string, View> = {
  ticket: 'tickets',
  order: 'orders',
  customer: 'customers',
  billing: 'billing',
  article: 'help',
};

/**
 * `#chats` (the default), `#tickets`, `#ticket=<id>`, `#orders`, `#order=<id>`, `#customers`,
 * `#customer=<id>`, `#billing`, `#billing=<accountId>`, `#help`, `#article=<id>`, `#reports`,
 * `#notices`, `#integrations`, `#settings`. Anything else is the chat view.
 */
export function routeOf(hash: string): Route {
  const fragment = hash.replace(/^#/, '');
  const item = /^([a-z]+)=([^&]+)/.exec(fragment);
  const itemView = item ? ITEM_ROUTES[item[1]!] : undefined;
  if (item && itemView) {
    try {
      return { view: itemView, id: decodeURIComponent(item[2]!) };
    } catch {
      return { view: itemView, id: null };
    }
  }
  const view = VIEWS.find((name) => name === fragment);
  return { view: view ?? 'chats', id: null };
}

/**
 * The staff console at `/staff`: one place for the vendor's people to answer chats and tickets,
 * move orders along, keep the books, look after customer accounts and the help centre, read the
 * reports, publish announcements and (administrators) connect other systems and change the
 * settings. The view follows the URL fragment, so every
 * view and every thing in it has an address to bookmark or paste. The chat view stays on the page
 * while another is shown, hidden, so the agent stays online for customers while working elsewhere.
 *
 * @summary The staff console: every staff view behind one navigation.
 * @csspart nav - The list of views.
 * @csspart nav-link - One view's link (`aria-current="page"` on the one shown).
 * @csspart chats - The chat view, always on the page.
 * @csspart tickets - The ticket view's section, when shown.
 * @csspart orders - The order view's section, when shown.
 * @csspart customers - The customer view's section, when shown.
 * @csspart billing - The billing view's section, when shown.
 * @csspart help - The help-centre view's section, when shown.
 * @csspart reports - The reports view's section, when shown.
 * @csspart notices - The announcements and reminders view's section, when shown.
 * @csspart integrations - The webhooks and ERP keys view's section (administrators only), when
 *   shown.
 * @csspart settings - The settings view's section (administrators only), when shown.
 * @csspart second-factor-gate - What a staff member without security codes sees instead of the
 *   views: why, and the same setup as in a customer's profile (an authenticator app or email).
 * @csspart setup - The setup's steps, with the same parts as in `<portico-account-profile>`:
 * @csspart setup-app - "Use an authenticator app". @csspart setup-email - "Get codes by email".
 * @csspart setup-form - A step of turning codes on (the password, or the code from the app).
 * @csspart security-password - The password asked before codes are turned on.
 * @csspart setup-cancel - The button that stops turning codes on.
 * @csspart qr-code - The QR code for the authenticator app (an SVG image).
 * @csspart totp-secret - The key to type into the app by hand.
 * @csspart setup-code - The field for the app's code that confirms it works.
 * @csspart setup-done - "Continue" once codes by email are on.
 * @csspart backup-codes - The backup codes, shown once.
 * @csspart store-safely - The warning to store them safely.
 * @csspart backup-code-list - The list of backup codes. @csspart copy-codes - Copies them.
 * @csspart download-codes - Downloads them as a text file.
 * @csspart codes-stored - "I have stored them".
 * @csspart field-error - A message about one field, named by the field's `aria-describedby`.
 * @csspart notice - What a step did, such as "We sent you a code".
 * @csspart error - The message shown when something failed, with `role="alert"`.
 * @csspart retry - The "Try again" button beside a failed read.
 */
@customElement('portico-staff-console')
@localized()
export class PorticoStaffConsole extends LitElement {
  static override styles = [
    hostStyles,
    formStyles,
    viewStyles,
    securityStyles,
    css`
      :host {
        display: block !important;
      }
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: calc(0.5 * var(--_portico-rem));
        margin: 0 0 var(--_portico-rem);
        padding: 0;
        list-style: none;
      }
      nav a {
        display: inline-flex;
        align-items: center;
        min-block-size: calc(2.75 * var(--_portico-rem));
        padding-inline: var(--_portico-rem);
        border-radius: var(--portico-radius, calc(0.5 * var(--_portico-rem)));
        color: inherit;
        font-weight: 600;
        text-decoration: none;
      }
      nav a[aria-current='page'] {
        background: var(--portico-color-brand, #1d4ed8);
        color: var(--portico-color-brand-contrast, #ffffff);
      }
      nav a:focus-visible {
        outline: 3px solid var(--portico-color-focus, #2563eb);
        outline-offset: 2px;
      }
      [hidden] {
        display: none !important;
      }
      [part~='second-factor-gate'] {
        display: grid;
        gap: var(--_portico-rem);
        max-inline-size: calc(40 * var(--_portico-rem));
      }
    `,
  ];

  /** The API client, from the page. */
  @consume({ context: apiContext, subscribe: true })
  @property({ attribute: false })
  api?: PorticoApi;

  /** Who is signed in, from the page. */
  @consume({ context: sessionContext, subscribe: true })
  @property({ attribute: false })
  session: SessionState = { status: 'unknown' };

  @state() private route: Route = routeOf(location.hash);
  /** What the live region last said, such as "Security codes are on." */
  @state() private announcement = '';

  /** The selector to focus once a render has put it on screen. */
  private focusTarget: string | null = null;

  private busyNotice = new BusyNotice(this);
  private setup = new SecuritySetupController(
    this,
    {
      focusSoon: (selector) => {
        this.focusTarget = selector;
        this.requestUpdate();
      },
      announce: (text) => (this.announcement = text),
    },
    // Once codes are on, the session says so and the views appear.
    {
      home: '#gate-title',
      finished: async () => {
        await this.api?.session.refresh();
      },
    },
  );

  private readonly handleHashChange = () => {
    this.route = routeOf(location.hash);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.handleHashChange);
    this.handleHashChange();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.handleHashChange);
    super.disconnectedCallback();
  }

  protected override updated(): void {
    if (!this.focusTarget) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.focusTarget);
    if (!target) return;
    this.focusTarget = null;
    target.focus();
  }

  override render() {
    if (isStaffSession(this.session) && mustSetUpSecondFactor(this.session)) {
      return this.renderGate();
    }
    const staff = staffOf(this.session) !== null;
    const admin = this.session.status === 'signed-in' && this.session.me.role === 'admin';
    const { view, id } = this.route;
    const views = VIEWS.filter((name) => admin || !ADMIN_VIEWS.includes(name));
    return html`
      ${
        staff
          ? html`<nav part="nav" aria-label=${msg('Staff console')}>
              <ul>
                ${views.map(
                  (name) =>
                    html`<li>
                      <a
                        part="nav-link"
                        href="#${name}"
                        aria-current=${view === name ? 'page' : 'false'}
                        >${viewLabel(name)}</a
                      >
                    </li>`,
                )}
              </ul>
            </nav>`
          : nothing
      }
      <section part="chats" ?hidden=${staff && view !== 'chats'}>
        <portico-staff-chat></portico-staff-chat>
      </section>
      ${staff && view !== 'chats' ? html`<section part=${view}>${this.renderView(view, id)}</section>` : nothing}
    `;
  }

  /** Staff sign in with a security code after the password: until it is set up, only this. */
  private renderGate() {
    return html`
      <p class="visually-hidden" role="status">${this.announcement}</p>
      <section part="second-factor-gate" aria-labelledby="gate-title">
        <h2 id="gate-title" tabindex="-1">${msg('Set up security codes to use the console')}</h2>
        <p>
          ${msg('Everyone on the staff enters a security code after the password, so that a stolen password alone cannot open the console.')}
        </p>
        ${this.setup.render()}
      </section>
    `;
  }

  /** The view for the fragment; each takes its one thing (or null for its list) as a property. */
  private renderView(view: Exclude<View, 'chats'>, id: string | null) {
    switch (view) {
      case 'tickets':
        return html`<portico-staff-tickets .ticketId=${id}></portico-staff-tickets>`;
      case 'orders':
        return html`<portico-staff-orders .orderId=${id}></portico-staff-orders>`;
      case 'customers':
        return html`<portico-staff-customers .accountId=${id}></portico-staff-customers>`;
      case 'billing':
        return html`<portico-staff-billing .accountId=${id}></portico-staff-billing>`;
      case 'help':
        return html`<portico-staff-help .articleId=${id}></portico-staff-help>`;
      case 'reports':
        return html`<portico-staff-reports></portico-staff-reports>`;
      case 'notices':
        return html`<portico-staff-notices></portico-staff-notices>`;
      case 'integrations':
        // As settings: an agent who follows a link gets the view's "only administrators".
        return html`<portico-staff-integrations></portico-staff-integrations>`;
      case 'settings':
        // An agent who follows a link here gets the view's own "only administrators" answer.
        return html`<portico-staff-settings></portico-staff-settings>`;
    }
  }
}

function viewLabel(view: View): string {
  switch (view) {
    case 'chats':
      return msg('Chats');
    case 'tickets':
      return msg('Tickets');
    case 'orders':
      return msg('Orders');
    case 'customers':
      return msg('Customers');
    case 'billing':
      return msg('Billing');
    case 'help':
      return msg('Help centre');
    case 'reports':
      return msg('Reports');
    case 'notices':
      return msg('Announcements');
    case 'integrations':
      return msg('Integrations');
    case 'settings':
      return msg('Settings');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-staff-console': PorticoStaffConsole;
  }
}
