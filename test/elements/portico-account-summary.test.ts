import { expect, fixture, html } from '@open-wc/testing';
import '../../elements/portico-account-summary/portico-account-summary.ts';
import type { PorticoAccountSummary } from '../../elements/portico-account-summary/portico-account-summary.ts';
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
} from './support/page.ts';

async function renderSummary(): Promise<PorticoAccountSummary> {
  const portal = await fixture(html`
    <portico-portal api=${backendUrl}>
      <portico-account-summary></portico-account-summary>
    </portico-portal>
  `);
  const summary = portal.querySelector('portico-account-summary');
  if (!summary) throw new Error('the fixture did not render');
  await sessionKnown(summary);
  return summary;
}

describe('<portico-account-summary>', () => {
  before(async () => {
    attachContextRoot();
    await definePortal();
  });

  afterEach(signOut);

  it('shows a loading status until it knows who is signed in', async () => {
    const summary = await fixture<PorticoAccountSummary>(
      html`<portico-account-summary></portico-account-summary>`,
    );
    const hint = part(summary, 'signed-out');
    expect(hint?.getAttribute('role')).to.equal('status');
    expect(textOf(hint)).to.equal('Loading your account…');
  });

  it('asks a signed-out visitor to sign in', async () => {
    const summary = await renderSummary();
    expect(textOf(part(summary, 'signed-out'))).to.equal('Sign in to see your account.');
    expect(part(summary, 'greeting')).to.equal(null);
  });

  it('greets the signed-in person and names their account', async () => {
    await signIn();
    const summary = await renderSummary();
    expect(summary.session.status).to.equal('signed-in');
    const greeting = part(summary, 'greeting');
    expect(greeting?.localName).to.equal('h2');
    expect(textOf(greeting)).to.equal(`Hello, ${anna.name}`);
    expect(textOf(part(summary, 'account'))).to.equal(`Account: ${anna.name}`);
    expect(part(summary, 'signed-out')).to.equal(null);
  });

  it('is accessible when signed out', async () => {
    const summary = await renderSummary();
    expect(summary.session.status).to.equal('signed-out');
    await expect(summary).to.be.accessible();
  });

  it('is accessible when signed in', async () => {
    await signIn();
    const summary = await renderSummary();
    expect(summary.session.status).to.equal('signed-in');
    await expect(summary).to.be.accessible();
  });
});
