import { expect, fixture, html as fixtureHtml } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { getLocale, setLocale } from '../../elements/shared/locale.ts';
import { PageLocale } from '../../elements/shared/page-locale.ts';
import { formatMoney, formatNumber } from '../../elements/shared/format.ts';
import { definePortal, until } from './support/page.ts';

/**
 * How the page's language is chosen and followed, with the real translations: a probe element
 * renders the same message the sign-in button uses.
 */
class LocaleProbe extends LitElement {
  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override render() {
    return html`<span>${msg('Sign in')}</span>`;
  }
}
customElements.define('portico-locale-probe', LocaleProbe);

const SIGN_IN = { en: 'Sign in', de: 'Anmelden', fa: 'ورود', el: 'Σύνδεση' } as const;

const probeText = (probe: Element) => probe.shadowRoot?.textContent?.trim() ?? '';

describe('the page’s language', () => {
  const root = document.documentElement;
  const original = { lang: root.getAttribute('lang'), dir: root.getAttribute('dir') };
  let followed: PageLocale | undefined;

  before(definePortal);
  afterEach(async () => {
    followed?.stop();
    followed = undefined;
    for (const [name, value] of Object.entries(original)) {
      if (value === null) root.removeAttribute(name);
      else root.setAttribute(name, value);
    }
    await setLocale('en');
  });

  function follow(): PageLocale {
    followed = new PageLocale(['portico-portal', 'portico-locale-probe']);
    followed.start();
    return followed;
  }

  it('follows the document’s lang, and its changes while the page is open', async () => {
    root.lang = 'de';
    const probe = await fixture(fixtureHtml`<portico-locale-probe></portico-locale-probe>`);
    follow();
    await until(() => probeText(probe) === SIGN_IN.de, 'not German');
    root.lang = 'el-GR';
    await until(() => probeText(probe) === SIGN_IN.el, 'did not follow to Greek');
    expect(getLocale()).to.equal('el');
  });

  it('takes a <portico-portal lang> over the document’s, with its direction', async () => {
    root.lang = 'en';
    const portal = await fixture(fixtureHtml`
      <portico-portal lang="fa"><portico-locale-probe></portico-locale-probe></portico-portal>
    `);
    const probe = portal.querySelector('portico-locale-probe')!;
    follow();
    await until(() => probeText(probe) === SIGN_IN.fa, 'not Persian');
    expect(portal.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(probe).direction).to.equal('rtl');
    // Persian readers' digits and currency layout come from Intl.
    expect(formatNumber(1234)).to.equal('۱٬۲۳۴');
    expect(formatMoney(12345, 'EUR')).to.match(/۱۲۳٫۴۵/);
  });

  it('uses the customer’s saved language when the page’s is not one of the six', async () => {
    root.lang = 'ja';
    const probe = await fixture(fixtureHtml`<portico-locale-probe></portico-locale-probe>`);
    const page = follow();
    // No saved language yet: the browser's (English in the test browser).
    await until(() => getLocale() === 'en', 'not English');
    page.prefer('de');
    await until(() => probeText(probe) === SIGN_IN.de, 'the saved language was not used');
    page.prefer(null);
    await until(() => probeText(probe) === SIGN_IN.en, 'signing out kept the saved language');
  });

  it('lets the page’s own language win over the saved one', async () => {
    root.lang = 'el';
    const probe = await fixture(fixtureHtml`<portico-locale-probe></portico-locale-probe>`);
    follow().prefer('de');
    await until(() => probeText(probe) === SIGN_IN.el, 'not Greek');
  });
});
