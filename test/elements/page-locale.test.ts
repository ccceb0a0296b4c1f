import { expect, fixture, html as fixtureHtml } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { getLocale, setLocale } from '../../elements/shared/locale.ts';
import { PageLocale } from '../../elements/shared/page-locale.ts';
import { formatMoney, formatNumber } from '../../elements/shared/format.ts';
import { backendUrl, definePortal, part, until } from './support/page.ts';

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
    // The vendor named the language on our tag; the direction comes with it.
    expect(portal.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(probe).direction).to.equal('rtl');
    // Persian readers' digits and currency layout come from Intl.
    expect(formatNumber(1234)).to.equal('۱٬۲۳۴');
    expect(formatMoney(12345, 'EUR')).to.match(/۱۲۳٫۴۵/);
    // The vendor switches the portal to German: the direction follows.
    portal.setAttribute('lang', 'de');
    await until(() => probeText(probe) === SIGN_IN.de, 'not German');
    expect(portal.hasAttribute('dir'), 'the right-to-left direction stayed').to.equal(false);
    expect(getComputedStyle(probe).direction).to.equal('ltr');
  });

  it('takes the customer’s saved language over the document’s, marking the elements', async () => {
    root.lang = 'en';
    const probe = await fixture(fixtureHtml`<portico-locale-probe></portico-locale-probe>`);
    const page = follow();
    page.prefer('fa');
    await until(() => probeText(probe) === SIGN_IN.fa, 'the saved language was not used');
    // Screen readers must hear Persian, and the layout must mirror, on an English page.
    expect(probe.getAttribute('lang')).to.equal('fa');
    expect(getComputedStyle(probe).direction).to.equal('rtl');
    page.prefer(null);
    await until(() => probeText(probe) === SIGN_IN.en, 'signing out kept the saved language');
    expect(probe.hasAttribute('lang'), 'our lang stayed behind').to.equal(false);
    expect(probe.hasAttribute('dir'), 'our dir stayed behind').to.equal(false);
  });

  it('leaves a lang the vendor writes over one of ours to the vendor', async () => {
    root.lang = 'en';
    const probe = await fixture(fixtureHtml`<portico-locale-probe></portico-locale-probe>`);
    follow().prefer('fa');
    await until(() => probe.getAttribute('lang') === 'fa', 'not marked Persian');
    // The vendor's own switcher now names this tag's language: theirs wins over the saved one.
    probe.setAttribute('lang', 'de');
    await until(() => probeText(probe) === SIGN_IN.de, 'the vendor’s lang was not followed');
    expect(probe.getAttribute('lang')).to.equal('de');
    expect(getComputedStyle(probe).direction).to.equal('ltr');
  });

  it('takes a section’s lang over the saved language', async () => {
    root.lang = 'en';
    const section = await fixture(fixtureHtml`
      <section lang="el"><portico-locale-probe></portico-locale-probe></section>
    `);
    follow().prefer('de');
    await until(() => probeText(section.firstElementChild!) === SIGN_IN.el, 'not Greek');
  });

  it('falls back to the browser’s language when the page names none of the six', async () => {
    await setLocale('de');
    root.lang = 'ja';
    const probe = await fixture(fixtureHtml`<portico-locale-probe></portico-locale-probe>`);
    follow();
    // The test browser's languages start with English.
    await until(() => probeText(probe) === SIGN_IN.en, 'not the browser’s English');
  });

  it('keeps a switch back made while a translation was still loading', async () => {
    root.lang = 'en';
    const probe = await fixture(fixtureHtml`<portico-locale-probe></portico-locale-probe>`);
    follow();
    root.lang = 'hr';
    // Let the observer start loading Croatian, then switch back before it has arrived.
    await Promise.resolve();
    root.lang = 'en';
    await import('../../elements/locales/hr.ts');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(getLocale()).to.equal('en');
    expect(probeText(probe)).to.equal(SIGN_IN.en);
  });

  it('re-renders an element that was on the page before its definition', async () => {
    // As on a vendor's page: the markup first, the element's module later, then the language.
    const portal = await fixture(fixtureHtml`
      <portico-portal api=${backendUrl}><portico-login></portico-login></portico-portal>
    `);
    await import('../../elements/portico-login/portico-login.ts');
    const login = portal.querySelector('portico-login')!;
    await until(() => part(login, 'submit'), 'no sign-in form');
    await setLocale('de');
    await until(() => part(login, 'submit')?.textContent?.trim() === SIGN_IN.de, 'still English');
  });
});
