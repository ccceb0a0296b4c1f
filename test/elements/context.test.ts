import { expect, fixture, html } from '@open-wc/testing';
import type { PorticoAccountSummary } from '../../elements/portico-account-summary/portico-account-summary.ts';
import type { PorticoLogin } from '../../elements/portico-login/portico-login.ts';
import { anna } from './support/people.ts';
import {
  attachContextRoot,
  backendUrl,
  definePortal,
  part,
  sessionKnown,
  signIn,
  signOut,
  textOf,
  until,
} from './support/page.ts';

/**
 * How elements find their API and session when the page builds itself in an awkward order.
 * This file imports no element module up front: the first test needs the tags undefined.
 */

function greeting(summary: PorticoAccountSummary): string {
  return textOf(part(summary, 'greeting'));
}

describe('context between <portico-portal> and the elements', () => {
  before(attachContextRoot);
  afterEach(signOut);

  it('reaches elements whose markup came before any definition', async () => {
    expect(customElements.get('portico-portal'), 'defined too early').to.equal(undefined);
    expect(customElements.get('portico-account-summary'), 'defined too early').to.equal(undefined);
    await signIn();
    const portal = await fixture(html`
      <portico-portal api=${backendUrl}>
        <portico-account-summary></portico-account-summary>
      </portico-portal>
    `);

    // The consumer upgrades first and asks for a session nobody provides yet.
    await import('../../elements/portico-account-summary/portico-account-summary.ts');
    const summary = portal.querySelector('portico-account-summary');
    if (!summary) throw new Error('the fixture did not render');
    expect(summary.session.status).to.equal('unknown');
    await definePortal();

    await until(() => greeting(summary) === `Hello, ${anna.name}`, 'no session arrived');
  });

  it('hands already-connected elements over to a portal that starts providing later', async () => {
    await import('../../elements/portico-login/portico-login.ts');
    await import('../../elements/portico-account-summary/portico-account-summary.ts');
    await definePortal();
    await signIn();
    // The same backend under another host name: the browser sends it no cookies.
    const elsewhere = backendUrl.replace('//localhost:', '//127.0.0.1:');
    const outer = await fixture(html`
      <portico-portal api=${elsewhere}>
        <portico-portal>
          <portico-login></portico-login>
          <portico-account-summary></portico-account-summary>
        </portico-portal>
      </portico-portal>
    `);
    const inner = outer.querySelector('portico-portal');
    const login = outer.querySelector<PorticoLogin>('portico-login');
    const summary = outer.querySelector<PorticoAccountSummary>('portico-account-summary');
    if (!inner || !login || !summary) throw new Error('the fixture did not render');
    await sessionKnown(summary);
    expect(login.api?.url).to.equal(elsewhere);
    expect(summary.session.status).to.equal('signed-out');

    inner.setAttribute('api', backendUrl);

    await until(() => greeting(summary) === `Hello, ${anna.name}`, 'not handed over');
    expect(login.api?.url).to.equal(backendUrl);
    await until(() => part(login, 'signed-in'), 'the login was not handed over');
  });

  it('gives separate portals on one backend one shared session', async () => {
    await import('../../elements/portico-login/portico-login.ts');
    await import('../../elements/portico-account-summary/portico-account-summary.ts');
    await definePortal();
    const page = await fixture(html`
      <div>
        <portico-portal api=${backendUrl}><portico-login></portico-login></portico-portal>
        <portico-portal api=${backendUrl + '/'}>
          <portico-account-summary></portico-account-summary>
        </portico-portal>
      </div>
    `);
    const login = page.querySelector<PorticoLogin>('portico-login');
    const summary = page.querySelector<PorticoAccountSummary>('portico-account-summary');
    if (!login || !summary) throw new Error('the fixture did not render');
    await sessionKnown(summary);
    await signIn();
    await until(
      () => greeting(summary) === `Hello, ${anna.name}`,
      'the other portal did not follow',
    );
    await until(() => part(login, 'signed-in'), 'the login did not follow');
  });

  it('moves elements to another backend when a connected portal changes its api', async () => {
    await import('../../elements/portico-login/portico-login.ts');
    await definePortal();
    const elsewhere = backendUrl.replace('//localhost:', '//127.0.0.1:');
    const portal = await fixture(html`
      <portico-portal api=${backendUrl}><portico-login></portico-login></portico-portal>
    `);
    const login = portal.querySelector<PorticoLogin>('portico-login');
    if (!login) throw new Error('the fixture did not render');
    await until(() => login.api?.url === backendUrl, 'no API at first');
    portal.setAttribute('api', elsewhere);
    await until(() => login.api?.url === elsewhere, 'the login stayed on the old backend');
  });
});
