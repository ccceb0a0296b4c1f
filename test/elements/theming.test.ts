import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../../elements/portico-login/portico-login.ts';
import '../../elements/portico-order-form/portico-order-form.ts';
import '../../elements/portico-account-summary/portico-account-summary.ts';
import '../../elements/portico-ticket-inbox/portico-ticket-inbox.ts';
import '../../elements/portico-help-search/portico-help-search.ts';
import '../../elements/portico-chat/portico-chat.ts';
import '../../elements/portico-notifications/portico-notifications.ts';
import '../../elements/portico-announcements/portico-announcements.ts';
import type { PorticoChat } from '../../elements/portico-chat/portico-chat.ts';
import type { PorticoLogin } from '../../elements/portico-login/portico-login.ts';
import { porticoApiFor } from '../../elements/api/client.ts';
import {
  applyBranding,
  brandSheet,
  contrast,
  darkBrand,
} from '../../elements/shared/brand-colors.ts';
import { PortalSettingsStore, portalSettingsFor } from '../../elements/shared/branding.ts';
import { axeProblems } from './support/contract.axe.ts';
import { contrastProblems, rgba } from './support/contract.contrast.ts';
import { focusProblems } from './support/contract.focus.ts';
import { deepElements, isShown, nameOf } from './support/contract.tree.ts';
import type { StaffCall } from './support/portico-backend.plugin.ts';
import {
  attachContextRoot,
  backendUrl,
  definePortal,
  part,
  sessionKnown,
  signIn,
  signOut,
  until,
} from './support/page.ts';

/**
 * Theming as a vendor meets it: the `--portico-*` tokens reach everything every customer element
 * paints, light and dark follow the page, and the backend's branding fills in what the vendor did
 * not set, once per page.
 */

const VENDOR = {
  vendorName: 'Kestrel Tools',
  logoUrl: 'https://logo.example/kestrel.svg',
  colors: { brand: '#8a1538', brandContrast: '#ffffff' },
};

type Settings = { portal: Record<string, unknown> };
const admin = <T>(path: string, input?: unknown, kind?: 'query') =>
  executeServerCommand<T, StaffCall>('portico-admin', { path, input, kind });

/** Every customer element, each in the state that shows the most of it to a signed-in customer. */
const ELEMENTS: Record<string, TemplateResult> = {
  'portico-login': html`<portico-login></portico-login>`,
  'portico-order-form': html`<portico-order-form></portico-order-form>`,
  'portico-account-summary': html`<portico-account-summary></portico-account-summary>`,
  'portico-ticket-inbox': html`<portico-ticket-inbox></portico-ticket-inbox>`,
  'portico-help-search': html`<portico-help-search query="invoice"></portico-help-search>`,
  'portico-chat': html`<portico-chat without-launcher></portico-chat>`,
  'portico-notifications': html`<portico-notifications></portico-notifications>`,
  'portico-announcements': html`<portico-announcements></portico-announcements>`,
};

/** Two complete, unlike sets of colour tokens: a colour that is the same under both is fixed. */
const PALETTE_A = {
  brand: '#0b6e4f',
  'brand-contrast': '#fffff0',
  surface: '#fbf7ef',
  'surface-raised': '#efe6d6',
  text: '#2b1d0e',
  muted: '#5e4b36',
  border: '#b9a78f',
  'field-border': '#6f5b43',
  focus: '#a4161a',
  danger: '#9b1d20',
  success: '#1b5e20',
  warning: '#8a4b00',
};
const PALETTE_B = {
  brand: '#3a0ca3',
  'brand-contrast': '#f0fff8',
  surface: '#eef6ff',
  'surface-raised': '#d9e7f7',
  text: '#0d1b2a',
  muted: '#34506b',
  border: '#8aa4bf',
  'field-border': '#3f5f80',
  focus: '#006d77',
  danger: '#7b0828',
  success: '#005f40',
  warning: '#6b3d00',
};

/** The tokens, and the page's own ink, which the notification bell takes on purpose. */
function tokens(palette: Record<string, string>): string {
  return Object.entries(palette)
    .map(([name, value]) => `--portico-color-${name}: ${value};`)
    .concat(`color: ${palette.text};`)
    .join(' ');
}

/** Renders `template` inside a portal on this backend, in a wrapper the test styles. */
async function render(template: TemplateResult, style = ''): Promise<HTMLElement> {
  const wrapper = await fixture<HTMLElement>(
    html`<div style=${style}><portico-portal api=${backendUrl}>${template}</portico-portal></div>`,
  );
  const element = wrapper.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>(
    'portico-portal > *',
  )!;
  if ('session' in element) await sessionKnown(element as Parameters<typeof sessionKnown>[0]);
  await element.updateComplete;
  return element;
}

/** Waits until everything in the element has rendered and the page has painted. */
async function settled(host: Element): Promise<void> {
  for (const element of [host, ...deepElements(host)]) {
    const pending = (element as Partial<{ updateComplete: Promise<unknown> }>).updateComplete;
    if (pending) await pending;
  }
  await nextFrame();
  await nextFrame();
}

/** The colours each shown element paints: text, background, borders and SVG strokes. */
function paintedColours(host: Element): Map<Element, Record<string, string>> {
  const painted = new Map<Element, Record<string, string>>();
  for (const element of [host, ...deepElements(host)]) {
    if (!isShown(element)) continue;
    const style = getComputedStyle(element);
    const colours: Record<string, string> = {};
    const ownText = [...element.childNodes].some(
      (node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim(),
    );
    if (ownText) colours.color = style.color;
    if (rgba(style.backgroundColor)[3] > 0) colours.background = style.backgroundColor;
    for (const side of ['top', 'right', 'bottom', 'left']) {
      const width = parseFloat(style.getPropertyValue(`border-${side}-width`));
      const color = style.getPropertyValue(`border-${side}-color`);
      if (width > 0 && style.getPropertyValue(`border-${side}-style`) !== 'none' && rgba(color)[3])
        colours[`border-${side}`] = color;
    }
    if (element instanceof SVGElement) {
      if (style.stroke !== 'none') colours.stroke = style.stroke;
      if (style.fill !== 'none' && element.localName !== 'svg') colours.fill = style.fill;
    }
    painted.set(element, colours);
  }
  return painted;
}

// This file makes many requests: keep every one, so the last test can count them.
performance.setResourceTimingBufferSize(100_000);

describe('theming', () => {
  let saved: Settings['portal'];

  before(async () => {
    attachContextRoot();
    await definePortal();
    ({ portal: saved } = await admin<Settings>('staff.settings.get', undefined, 'query'));
    await admin('staff.portal.update', { ...saved, ...VENDOR });
    localStorage.removeItem(`portico-branding:${backendUrl}`);
  });

  after(async () => {
    await admin('staff.portal.update', saved);
    await emulateMedia({ colorScheme: 'light' });
  });

  afterEach(async () => {
    await signOut();
  });

  describe('the tokens', () => {
    for (const [tag, template] of Object.entries(ELEMENTS)) {
      it(`reach every colour <${tag}> paints`, async () => {
        await signIn();
        const element = await render(template, tokens(PALETTE_A));
        if (tag === 'portico-chat') (element as PorticoChat).open();
        if (tag === 'portico-help-search') await until(() => part(element, 'result'), 'no results');
        await settled(element);
        const before = paintedColours(element);
        (element.parentElement!.parentElement as HTMLElement).style.cssText = tokens(PALETTE_B);
        await nextFrame();
        const after = paintedColours(element);
        const fixed: string[] = [];
        for (const [node, colours] of before) {
          for (const [what, value] of Object.entries(colours)) {
            if (after.get(node)?.[what] === value) fixed.push(`${nameOf(node)} ${what} ${value}`);
          }
        }
        expect(before.size, 'nothing was painted').to.be.greaterThan(1);
        expect(fixed, `colours that ignore the tokens:\n  ${fixed.join('\n  ')}\n`).to.deep.equal(
          [],
        );
      });
    }

    it('set the font, the corner radius and the spacing', async () => {
      const style =
        "--portico-font-family: 'Courier New', monospace; --portico-radius: 0px; --portico-space: 2rem; --portico-density: 0.5";
      const login = await render(html`<portico-login></portico-login>`, style);
      const submit = part(login, 'submit')!;
      expect(getComputedStyle(submit).fontFamily).to.contain('Courier New');
      expect(getComputedStyle(submit).borderTopLeftRadius).to.equal('0px');
      // 2rem × 0.5 density: the form's gap is one rem.
      expect(getComputedStyle(part(login, 'form')!).rowGap).to.equal('16px');
      // Density never takes a touch target under 44 px.
      expect(submit.getBoundingClientRect().height).to.be.at.least(44);
    });
  });

  describe('light and dark', () => {
    const DARK_TEXT = 'rgb(230, 232, 236)';
    const LIGHT_TEXT = 'rgb(31, 41, 55)';

    async function textOfScheme(scheme: string): Promise<string> {
      const login = await render(html`<portico-login></portico-login>`, `color-scheme: ${scheme}`);
      return getComputedStyle(part(login, 'title')!).color;
    }

    it('stays light on a page that says nothing, even when the reader prefers dark', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      expect(await textOfScheme('normal')).to.equal(LIGHT_TEXT);
    });

    it('is dark under color-scheme: dark', async () => {
      await emulateMedia({ colorScheme: 'light' });
      expect(await textOfScheme('dark')).to.equal(DARK_TEXT);
    });

    it("follows the reader's preference under color-scheme: light dark", async () => {
      await emulateMedia({ colorScheme: 'dark' });
      expect(await textOfScheme('light dark')).to.equal(DARK_TEXT);
      await emulateMedia({ colorScheme: 'light' });
      expect(await textOfScheme('light dark')).to.equal(LIGHT_TEXT);
    });

    it("keeps the vendor's own tokens in both schemes", async () => {
      const style = 'color-scheme: dark; --portico-color-text: rgb(1, 2, 3)';
      const login = await render(html`<portico-login></portico-login>`, style);
      expect(getComputedStyle(part(login, 'title')!).color).to.equal('rgb(1, 2, 3)');
    });

    const DARK_PAGE = 'color-scheme: dark; background: #15171c; padding: 1rem';
    const darkStates: Record<string, () => Promise<HTMLElement>> = {
      'the sign-in form': () => render(html`<portico-login></portico-login>`, DARK_PAGE),
      'help results': async () => {
        const help = await render(ELEMENTS['portico-help-search']!, DARK_PAGE);
        await until(() => part(help, 'result'), 'no results');
        return help;
      },
      'the account overview, signed in': async () => {
        await signIn();
        const account = await render(ELEMENTS['portico-account-summary']!, DARK_PAGE);
        await until(() => part(account, 'balance'), 'no balance');
        return account;
      },
      'the ticket list, signed in': async () => {
        await signIn();
        return render(ELEMENTS['portico-ticket-inbox']!, DARK_PAGE);
      },
      'the catalog': async () => {
        const form = await render(ELEMENTS['portico-order-form']!, DARK_PAGE);
        await until(() => part(form, 'product'), 'no products');
        return form;
      },
      'the open chat': async () => {
        const chat = (await render(ELEMENTS['portico-chat']!, DARK_PAGE)) as PorticoChat;
        chat.open();
        await until(() => part(chat, 'visitor'), 'no visitor form');
        return chat;
      },
    };
    for (const [name, show] of Object.entries(darkStates)) {
      it(`reads in dark: ${name} (text 4.5:1, fields and focus 3:1)`, async () => {
        const element = await show();
        await settled(element);
        const problems = [
          ...(await axeProblems(element)).filter((line) => line.startsWith('axe color-contrast')),
          ...contrastProblems(element),
          ...focusProblems(element),
        ];
        expect(problems, `in dark:\n  ${problems.join('\n  ')}\n`).to.deep.equal([]);
      });
    }
  });

  describe("the backend's branding", () => {
    it('colours the elements when the vendor sets no brand token', async () => {
      const login = await render(html`<portico-login></portico-login>`);
      await until(
        () => getComputedStyle(part(login, 'submit')!).backgroundColor === 'rgb(138, 21, 56)',
        "the submit button never took the backend's brand colour",
      );
    });

    it("gives way to the vendor's own token", async () => {
      const login = await render(
        html`<portico-login></portico-login>`,
        '--portico-color-brand: rgb(0, 100, 0)',
      );
      await until(() => part(login, 'vendor-name'), 'no vendor name');
      expect(getComputedStyle(part(login, 'submit')!).backgroundColor).to.equal('rgb(0, 100, 0)');
    });

    it('has a dark brand that reads on the dark surfaces', async () => {
      const login = await render(html`<portico-login></portico-login>`, 'color-scheme: dark');
      await until(() => part(login, 'vendor-name'), 'no vendor name');
      const submit = getComputedStyle(part(login, 'submit')!);
      expect(submit.backgroundColor).not.to.equal('rgb(138, 21, 56)');
      expect(contrast(toHex(submit.backgroundColor), '#15171c')).to.be.at.least(4.5);
      expect(contrast(toHex(submit.backgroundColor), toHex(submit.color))).to.be.at.least(4.5);
      for (const brand of ['#000000', '#1d4ed8', '#8a1538', '#ffcc00', '#0f5132', '#ffffff']) {
        const dark = darkBrand({ brand, brandContrast: '#ffffff' });
        expect(contrast(dark.brand, '#15171c'), brand).to.be.at.least(4.5);
        expect(contrast(dark.brand, '#25282e'), brand).to.be.at.least(4.5);
        expect(contrast(dark.brand, dark.brandContrast), brand).to.be.at.least(4.5);
      }
    });

    it("puts the page's backend's colours in every element's shared sheet, and remembers them", async () => {
      const api = porticoApiFor(backendUrl);
      applyBranding(api);
      await until(() => brandSheet.cssRules.length > 0, 'the shared sheet stayed empty');
      expect(brandSheet.cssRules[0]!.cssText).to.contain('#8a1538');
      const login = await fixture<PorticoLogin>(html`<portico-login></portico-login>`);
      expect(login.shadowRoot!.adoptedStyleSheets).to.include(brandSheet);
      // The next page of this browser starts in the vendor's colours, before any answer.
      const next = new PortalSettingsStore(api);
      expect(next.branding).to.deep.equal(VENDOR);
    });

    it("shows the vendor's name and logo above the sign-in form and in the chat", async () => {
      const login = await render(html`<portico-login></portico-login>`);
      await until(() => part(login, 'vendor-name'), 'no vendor name');
      expect(part(login, 'vendor-name')!.textContent).to.equal(VENDOR.vendorName);
      expect(part<HTMLImageElement>(login, 'logo')!.getAttribute('src')).to.equal(VENDOR.logoUrl);
      expect(part<HTMLImageElement>(login, 'logo')!.alt).to.equal('');
      const chat = (await render(ELEMENTS['portico-chat']!)) as PorticoChat;
      chat.open();
      await until(() => part(chat, 'vendor-name')?.getClientRects().length, 'no name in chat');
      expect(part(chat, 'header')!.contains(part(chat, 'vendor-name'))).to.equal(true);
      expect(part(chat, 'vendor-name')!.textContent).to.equal(VENDOR.vendorName);
    });

    it('lets the vendor put their own header in the slot instead', async () => {
      const login = await render(
        html`<portico-login><strong slot="header">Our own header</strong></portico-login>`,
      );
      await until(() => part(login, 'vendor-name'), 'no vendor name');
      const own = login.querySelector('strong')!;
      expect(own.assignedSlot?.name).to.equal('header');
      expect(own.getClientRects().length).to.be.greaterThan(0);
      // The default (name and logo) is not shown while the slot has content.
      expect(part(login, 'vendor-name')!.getClientRects().length).to.equal(0);
    });

    it('is asked of the server once for the whole page', async () => {
      await render(html`<portico-login></portico-login><portico-chat></portico-chat>`);
      const asked = performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.includes('portal.settings'));
      expect(asked.map((entry) => entry.name)).to.have.length(1);
    });

    // Last: the backend that does not answer adds a request for the settings.
    it('follows only the latest backend, in the shared sheet and in a portal', async () => {
      // Nothing answers here, and this browser remembers no branding for it.
      const unbranded = 'http://127.0.0.1:9';
      const api = porticoApiFor(backendUrl);
      const store = portalSettingsFor(api);
      await store.load();
      applyBranding(api);
      await until(() => brandSheet.cssRules.length > 0, 'the shared sheet stayed empty');
      applyBranding(porticoApiFor(unbranded));
      expect(brandSheet.cssRules.length).to.equal(0);
      // The previous backend's news no longer reaches the sheet.
      store.dispatchEvent(new Event('change'));
      expect(brandSheet.cssRules.length).to.equal(0);
      applyBranding(api);
      expect(brandSheet.cssRules[0]!.cssText).to.contain('#8a1538');

      const portal = await fixture<HTMLElement>(
        html`<portico-portal api=${backendUrl}></portico-portal>`,
      );
      await until(() => portal.style.getPropertyValue('--_portal-brand'), 'no portal brand');
      portal.setAttribute('api', unbranded);
      expect(portal.style.getPropertyValue('--_portal-brand')).to.equal('');
      expect(portal.style.getPropertyValue('--_portal-brand-contrast')).to.equal('');
    });
  });
});

function toHex(color: string): string {
  const [r, g, b] = rgba(color);
  return `#${[r, g, b].map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}
