import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import type { SessionState } from '../api/session.ts';
import { sessionContext } from '../context.ts';
import { hostStyles } from '../shared/host.styles.ts';
import { styles } from './portico-account-summary.styles.ts';

/**
 * The customer's account at a glance. This first version greets the signed-in person and names
 * their account; balance, invoices and orders follow.
 *
 * @summary Account overview.
 * @csspart greeting - The greeting with the person's name.
 * @csspart account - The name of the customer account.
 * @csspart signed-out - The hint shown to someone not signed in.
 */
@localized()
@customElement('portico-account-summary')
export class PorticoAccountSummary extends LitElement {
  static override styles = [hostStyles, styles];

  /** Who is signed in, from the page or the nearest `<portico-portal>`. */
  @consume({ context: sessionContext, subscribe: true })
  @property({ attribute: false })
  session: SessionState = { status: 'unknown' };

  override render() {
    switch (this.session.status) {
      case 'unknown':
        return html`<p part="signed-out" role="status">${msg('Loading your account…')}</p>`;
      case 'signed-out':
        return html`<p part="signed-out">${msg('Sign in to see your account.')}</p>`;
      case 'signed-in': {
        const { user, account } = this.session.me;
        return html`
          <section aria-labelledby="greeting">
            <h2 id="greeting" part="greeting">${msg(str`Hello, ${user.name}`)}</h2>
            ${account ? html`<p part="account">${msg(str`Account: ${account.name}`)}</p>` : ''}
          </section>
        `;
      }
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-account-summary': PorticoAccountSummary;
  }
}
