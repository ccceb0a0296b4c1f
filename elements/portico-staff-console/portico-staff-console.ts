import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { sessionContext } from '../context.ts';
import type { SessionState } from '../api/session.ts';
import { hostStyles } from '../shared/host.styles.ts';
import { staffOf } from '../portico-staff-chat/staff-chat.api.ts';

type View = 'chats' | 'tickets';

interface Route {
  view: View;
  /** The ticket open in the tickets view (`#ticket=<id>`). */
  ticketId: string | null;
}

/** `#chats` (the default), `#tickets`, `#ticket=<id>`. */
export function routeOf(hash: string): Route {
  const fragment = hash.replace(/^#/, '');
  const ticket = /^ticket=([^&]+)/.exec(fragment);
  if (ticket) return { view: 'tickets', ticketId: decodeURIComponent(ticket[1]!) };
  if (fragment === 'tickets') return { view: 'tickets', ticketId: null };
  return { view: 'chats', ticketId: null };
}

/**
 * The staff console at `/staff`: one place for agents to answer chats and tickets. The views
 * follow the URL fragment. The chat view stays on the page while another is shown, hidden, so
 * the agent stays online for customers while working on tickets.
 *
 * @summary The staff console: chats and tickets.
 * @csspart nav - The list of views.
 * @csspart nav-link - One view's link (`aria-current="page"` on the one shown).
 * @csspart chats - The chat view.
 * @csspart tickets - The ticket view.
 */
@localized()
@customElement('portico-staff-console')
export class PorticoStaffConsole extends LitElement {
  static override styles = [
    hostStyles,
    css`
      :host {
        display: block;
      }
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin: 0 0 1rem;
        padding: 0;
        list-style: none;
      }
      nav a {
        display: inline-flex;
        align-items: center;
        min-block-size: 2.75rem;
        padding-inline: 1rem;
        border-radius: var(--portico-radius, 0.5rem);
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
    `,
  ];

  /** Who is signed in, from the page. */
  @consume({ context: sessionContext, subscribe: true })
  @property({ attribute: false })
  session: SessionState = { status: 'unknown' };

  @state() private route: Route = routeOf(location.hash);

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

  override render() {
    const staff = staffOf(this.session) !== null;
    const { view, ticketId } = this.route;
    const link = (to: View, label: string) =>
      html`<li>
        <a part="nav-link" href="#${to}" aria-current=${view === to ? 'page' : 'false'}>${label}</a>
      </li>`;
    return html`
      ${
        staff
          ? html`<nav part="nav" aria-label=${msg('Staff console')}>
              <ul>
                ${link('chats', msg('Chats'))} ${link('tickets', msg('Tickets'))}
              </ul>
            </nav>`
          : nothing
      }
      <section part="chats" ?hidden=${staff && view !== 'chats'}>
        <portico-staff-chat></portico-staff-chat>
      </section>
      ${
        staff && view === 'tickets'
          ? html`<section part="tickets">
              <portico-staff-tickets .ticketId=${ticketId}></portico-staff-tickets>
            </section>`
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-staff-console': PorticoStaffConsole;
  }
}
