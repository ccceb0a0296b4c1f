import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import { TRPCClientError } from '@trpc/client';
import '../../elements/portico-help-search/portico-help-search.ts';
import type { PorticoHelpSearch } from '../../elements/portico-help-search/portico-help-search.ts';
import type { PorticoApi } from '../../elements/api/client.ts';
import { HelpAskEvent } from '../../elements/events.ts';
import {
  all,
  attachContextRoot,
  backendUrl,
  definePortal,
  part,
  textOf,
  until,
} from './support/page.ts';
import { api } from './support/ledger.ts';

declare global {
  interface Window {
    __helpHacked?: number;
  }
}

/** A staff procedure the author calls from outside the page, as from the staff console. */
function staff<T = unknown>(path: string, input: unknown): Promise<T> {
  return executeServerCommand('portico-staff', { path, input });
}

interface StaffArticle {
  helpfulCount: number;
  notHelpfulCount: number;
  comments: { helpful: boolean; comment: string | null; locale: string }[];
}

/** Writes and publishes an article in English only; answers its slug and id. */
async function publishArticle(title: string, body: string) {
  const slug = `test-${crypto.randomUUID().slice(0, 8)}`;
  const { articleId } = await staff<{ articleId: string }>('staff.help.create', {
    slug,
    category: 'account',
    locale: 'en',
    title,
    body,
  });
  await staff('staff.help.publish', { articleId });
  const article = await staff<{ status: string }>('staff.help.byId', { articleId });
  if (article.status !== 'published') throw new Error(`${slug} was not published`);
  return { slug, articleId };
}

/** Sets the page's fragment without a `hashchange`, as a page opened on that link would have. */
function openAt(hash: string): void {
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
}

/** Moves to a fragment as a link or the back button would, and waits for the `hashchange`. */
async function navigate(hash: string): Promise<void> {
  const changed = oneEvent(window, 'hashchange');
  location.hash = hash;
  await changed;
}

interface Options {
  hash?: string;
  query?: string;
  category?: string;
  locale?: string;
  askHref?: string;
  lang?: string;
  dir?: string;
}

async function renderHelp(options: Options = {}): Promise<PorticoHelpSearch> {
  openAt(options.hash ?? '');
  const container = await fixture(html`
    <div lang=${ifDefined(options.lang)} dir=${ifDefined(options.dir)}>
      <portico-portal api=${backendUrl}>
        <portico-help-search
          query=${ifDefined(options.query)}
          category=${ifDefined(options.category)}
          locale=${ifDefined(options.locale)}
          ask-href=${ifDefined(options.askHref)}
        ></portico-help-search>
      </portico-portal>
    </div>
  `);
  const help = container.querySelector('portico-help-search');
  if (!help) throw new Error('the fixture did not render');
  await until(() => help.api, 'the API never arrived');
  return help;
}

function box(help: PorticoHelpSearch): HTMLInputElement {
  const input = part<HTMLInputElement>(help, 'input');
  if (!input) throw new Error('no search box');
  return input;
}

function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function press(target: Element, key: string): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
}

/** The element that has focus, inside shadow roots too. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const status = (help: PorticoHelpSearch) => textOf(part(help, 'status'));
const results = (help: PorticoHelpSearch) => all<HTMLAnchorElement>(help, "[part~='result']");
const slugs = (help: PorticoHelpSearch) =>
  results(help).map((link) => link.getAttribute('href')?.replace('#help=', ''));
const found = (help: PorticoHelpSearch) => /^(More than )?\d+ articles? found$/.test(status(help));

async function searched(help: PorticoHelpSearch, query: string): Promise<void> {
  type(box(help), query);
  await until(() => found(help) && results(help).length > 0, `no results for ${query}`);
}

/** Opens the article of the result at `index` and waits for its title to take focus. */
async function openResult(help: PorticoHelpSearch, index = 0): Promise<string> {
  const link = results(help)[index];
  if (!link) throw new Error(`no result ${index}`);
  const slug = link.getAttribute('href')?.replace('#help=', '') ?? '';
  link.click();
  await until(() => part(help, 'body'), 'the article did not open');
  return slug;
}

describe('<portico-help-search>', () => {
  before(async () => {
    attachContextRoot();
    await definePortal();
  });

  afterEach(() => {
    openAt('');
  });

  it('shows the categories while the box is empty, and lists a category’s articles', async () => {
    const help = await renderHelp();
    await until(() => all(help, "[part~='category']").length === 5, 'no categories');
    const invoices = all<HTMLButtonElement>(help, "[part~='category']").find(
      (button) => button.dataset.category === 'invoices',
    );
    expect(textOf(invoices?.querySelector("[part~='category-name']"))).to.equal(
      'Invoices & payments',
    );
    expect(textOf(invoices?.querySelector("[part~='category-count']"))).to.equal('9 articles');
    expect(textOf(invoices?.querySelector("[part~='category-description']"))).to.contain(
      'payment terms',
    );
    expect(box(help).getAttribute('aria-expanded')).to.equal('false');
    expect(part(help, 'ask')).to.equal(null);
    await expect(help).to.be.accessible();

    invoices?.click();
    await until(() => results(help).length === 9, 'the category did not list its articles');
    expect(status(help)).to.equal('9 articles found');
    expect(textOf(part(help, 'heading'))).to.equal('Invoices & payments');
    await until(() => textOf(deepActive()) === 'Invoices & payments', 'the heading took no focus');
    expect(slugs(help)).to.include('find-your-invoices');
    expect(box(help).getAttribute('aria-expanded')).to.equal('true');
    await expect(help).to.be.accessible();

    part(help, 'all-categories')?.click();
    await until(
      () => all(help, "[part~='category']").length === 5,
      'the categories did not return',
    );
    await until(
      () => deepActive()?.getAttribute('data-category') === 'invoices',
      'focus did not return to the category',
    );
  });

  it('searches as the customer types, marking the words found', async () => {
    const help = await renderHelp({ locale: 'en' });
    await searched(help, 'track');
    expect(status(help)).to.equal('6 articles found');
    expect(slugs(help)[0]).to.equal('track-a-shipment');
    const first = results(help)[0];
    const marks = [
      ...(first?.querySelectorAll("[part~='result-title'] mark[part~='match']") ?? []),
    ];
    expect(marks.map(textOf)).to.deep.equal(['Track']);
    expect(all(help, "[part~='snippet'] mark[part~='match']").length).to.be.greaterThan(0);
    expect(textOf(first?.querySelector("[part~='result-category']"))).to.equal('Delivery');
    expect(first?.getAttribute('role')).to.equal('option');
    expect(box(help).getAttribute('role')).to.equal('combobox');
    expect(box(help).getAttribute('aria-controls')).to.equal(part(help, 'results')?.id);
    expect(part(help, 'results')?.getAttribute('role')).to.equal('listbox');
    expect(part(help, 'status')?.getAttribute('aria-live')).to.equal('polite');
    expect(part(help, 'ask')).to.not.equal(null);
    await expect(help).to.be.accessible();
  });

  it('finds German words from their first letters', async () => {
    const help = await renderHelp({ locale: 'de' });
    await searched(help, 'Rechn');
    expect(status(help)).to.equal('More than 10 articles found');
    expect(all(help, "[part~='result-title'] mark").map(textOf)).to.include('Rechnungen');
    expect(part(help, 'language'), 'all of them are in German').to.equal(null);
  });

  it('says "Searching…" while a search runs, and shows only the last one', async () => {
    const help = await renderHelp({ locale: 'en' });
    const real = window.fetch;
    const requests: { url: string; signal: AbortSignal | null | undefined }[] = [];
    // The "invoice" search is held back long enough for the customer to type on.
    window.fetch = (input, init) => {
      const url = decodeURIComponent(String(input instanceof Request ? input.url : input));
      if (!url.includes('help.search')) return real(input, init);
      requests.push({ url, signal: init?.signal });
      if (!url.includes('invoice')) return real(input, init);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => resolve(real(input, init)), 2_000);
        init?.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new DOMException('The search was replaced', 'AbortError'));
        });
      });
    };
    try {
      for (const typed of ['d', 'de', 'del', 'deli', 'deliv']) {
        type(box(help), typed);
        await help.updateComplete;
      }
      expect(status(help)).to.equal('Searching…');
      await until(() => found(help), 'no results');
      expect(requests.map((request) => request.url.includes('"deliv"'))).to.deep.equal([true]);

      type(box(help), 'invoice');
      await until(() => requests.length === 2, 'the invoice search did not start');
      type(box(help), 'track');
      await until(() => status(help) === '6 articles found', 'the last search did not show');
      expect(requests[1]?.signal?.aborted, 'the invoice search was not cancelled').to.equal(true);
      const expected = await api.trpc.help.search.query({ q: 'track', locale: 'en' });
      expect(slugs(help)).to.deep.equal(expected.results.map((result) => result.slug));
    } finally {
      window.fetch = real;
    }
  });

  it('moves through the results with the arrow keys and opens one with Enter', async () => {
    const help = await renderHelp({ locale: 'en' });
    await searched(help, 'track');
    const input = box(help);
    const count = results(help).length;
    press(input, 'ArrowDown');
    await help.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal(results(help)[0]?.id);
    expect(results(help)[0]?.getAttribute('aria-selected')).to.equal('true');
    press(input, 'ArrowDown');
    await help.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal(results(help)[1]?.id);
    press(input, 'ArrowUp');
    press(input, 'ArrowUp');
    await help.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal(results(help)[count - 1]?.id);
    press(input, 'ArrowDown');
    await help.updateComplete;
    expect(results(help)[0]?.getAttribute('part')).to.equal('result result-active');

    press(input, 'Enter');
    await until(() => location.hash === '#help=track-a-shipment', 'Enter did not open it');
    await until(() => textOf(deepActive()) === 'Track a shipment', 'the title took no focus');
    expect(box(help).getAttribute('aria-expanded'), 'no results under an article').to.equal(
      'false',
    );
    expect(textOf(part(help, 'article-category'))).to.equal('Delivery');
    expect(part(help, 'updated')?.querySelector('time')?.getAttribute('lang')).to.equal('en');
    const languages = all<HTMLAnchorElement>(help, "[part~='language-link']");
    const german = languages.find((link) => link.hreflang === 'de');
    expect(textOf(german)).to.equal('Deutsch');
    expect(german?.getAttribute('href')).to.equal('#help=track-a-shipment&locale=de');
    await expect(help).to.be.accessible();

    press(deepActive() as Element, 'Escape');
    await until(() => part(help, 'results'), 'Escape did not return to the results');
    expect(location.hash).to.equal('#help');
    await until(() => deepActive() === box(help), 'the search box took no focus');
    expect(box(help).value).to.equal('track');

    press(box(help), 'Escape');
    await until(() => part(help, 'categories'), 'Escape did not clear the box');
    expect(box(help).value).to.equal('');

    await searched(help, 'invoice');
    await openResult(help);
    type(box(help), 'refund');
    await until(() => location.hash === '#help', 'typing did not leave the article');
    await until(() => slugs(help).includes('refunds'), 'typing did not search');
  });

  it('reads the article in another language from its link, and goes back with the link', async () => {
    const help = await renderHelp({ hash: '#help=track-a-shipment', locale: 'en' });
    await until(() => textOf(part(help, 'heading')) === 'Track a shipment', 'no article');
    all<HTMLAnchorElement>(help, "[part~='language-link']")
      .find((link) => link.hreflang === 'de')
      ?.click();
    await until(() => part(help, 'body')?.getAttribute('lang') === 'de', 'no German article');
    expect(part(help, 'heading')?.getAttribute('lang')).to.equal('de');
    part<HTMLAnchorElement>(help, 'back')?.click();
    await until(() => part(help, 'categories'), 'Back to results did not go back');
  });

  it('links related articles under an article, in its language', async () => {
    const help = await renderHelp({ hash: '#help=refunds', locale: 'de' });
    await until(() => part(help, 'related-link'), 'no related articles');
    const links = all<HTMLAnchorElement>(help, "[part~='related-link']");
    expect(links.length).to.be.within(1, 3);
    expect(links.every((link) => !link.hash.startsWith('#help=refunds'))).to.equal(true);
    const title = textOf(links[0]!);
    links[0]!.click();
    await until(() => textOf(part(help, 'heading')) === title, 'the related article did not open');
    expect(part(help, 'body')?.getAttribute('lang')).to.equal('de');
  });

  it('starts with the query and the category the attributes name', async () => {
    const searching = await renderHelp({ query: 'invoice', locale: 'en' });
    await until(() => found(searching), 'the query attribute did not search');
    expect(box(searching).value).to.equal('invoice');
    expect(slugs(searching)).to.include('find-your-invoices');

    const browsing = await renderHelp({ category: 'delivery', locale: 'en' });
    await until(() => results(browsing).length === 8, 'the category attribute did not list');
    expect(textOf(part(browsing, 'heading'))).to.equal('Delivery');
    expect(box(browsing).value).to.equal('');
  });

  it('says which words it searched instead, and offers support when nothing is found', async () => {
    const help = await renderHelp({ locale: 'en' });
    await searched(help, 'invoce');
    expect(textOf(part(help, 'corrected'))).to.equal('Showing results for “invoice”');

    type(box(help), 'xqzjvw');
    await until(() => status(help) === 'No articles found', 'no empty state');
    expect(textOf(part(help, 'empty'))).to.contain('No articles match “xqzjvw”.');
    expect(part(help, 'empty')?.querySelector("[part~='ask']")).to.not.equal(null);
    expect(box(help).getAttribute('aria-expanded')).to.equal('false');
    await expect(help).to.be.accessible();
    part(help, 'browse')?.click();
    await until(() => part(help, 'categories'), 'Browse categories did not clear the box');
  });

  it('shows more results and moves focus to the first new one', async () => {
    const help = await renderHelp({ locale: 'en' });
    await until(() => part(help, 'categories'), 'no categories');
    type(box(help), 'order');
    await until(() => part(help, 'more'), 'no "Show more"');
    expect(results(help)).to.have.length(10);
    part(help, 'more')?.click();
    await until(() => results(help).length === 20, 'no more results');
    expect(deepActive()).to.equal(results(help)[10]);
  });

  it('renders the server’s sanitised HTML and runs nothing an author slipped in', async () => {
    delete window.__helpHacked;
    const { slug } = await publishArticle(
      'Hostile markup',
      [
        'Some **bold words** and a list:',
        '',
        '- one',
        '- two',
        '',
        '<img src=x onerror="window.__helpHacked=1">',
        '',
        '<script>window.__helpHacked=2</script>',
      ].join('\n'),
    );
    const help = await renderHelp({ hash: `#help=${slug}`, locale: 'en' });
    await until(() => part(help, 'body'), 'the article did not open');
    const body = part(help, 'body');
    expect(body?.querySelector('strong')?.textContent).to.equal('bold words');
    expect(body?.querySelectorAll('li')).to.have.length(2);
    expect(body?.querySelector('script, img, [onerror]')).to.equal(null);
    await new Promise(requestAnimationFrame);
    await new Promise(requestAnimationFrame);
    expect(window.__helpHacked).to.equal(undefined);
  });

  it('takes "No" with a comment to the authors, and thanks the reader', async () => {
    const { slug, articleId } = await publishArticle('Feedback target', 'Text to judge.');
    const help = await renderHelp({ hash: `#help=${slug}`, locale: 'en' });
    await until(() => part(help, 'helpful-no'), 'no feedback question');
    part(help, 'helpful-no')?.click();
    await until(() => part(help, 'comment'), 'no comment field after No');
    await until(() => deepActive() === part(help, 'comment'), 'the comment field took no focus');
    const comment = part<HTMLTextAreaElement>(help, 'comment');
    expect(comment?.maxLength).to.equal(2000);
    type(comment as HTMLTextAreaElement, 'The screenshots are missing.');
    part(help, 'send')?.click();
    await until(() => part(help, 'thanks'), 'no thanks');
    expect(textOf(part(help, 'thanks'))).to.equal(
      'Thank you. Your comment helps us improve this article.',
    );
    expect(status(help)).to.equal(textOf(part(help, 'thanks')));

    const saved = await staff<StaffArticle>('staff.help.byId', { articleId });
    expect(saved.notHelpfulCount).to.equal(1);
    expect(saved.comments.map((row) => [row.comment, row.helpful])).to.deep.equal([
      ['The screenshots are missing.', false],
    ]);
    expect(localStorage.getItem('portico-help-visitor')).to.match(/^[A-Za-z0-9_-]{16,64}$/);
  });

  it('counts "Yes", and says what to do when feedback cannot be sent', async () => {
    const { slug, articleId } = await publishArticle('Helpful target', 'Clear text.');
    const help = await renderHelp({ hash: `#help=${slug}`, locale: 'en' });
    await until(() => part(help, 'helpful-yes'), 'no feedback question');
    const real = help.api as PorticoApi;
    // A client whose feedback never reaches the server; everything else is the real one.
    const failing = new Proxy(real.trpc, {
      get(target, key) {
        if (key !== 'help') return Reflect.get(target, key);
        return new Proxy(target.help, {
          get(help, name) {
            if (name !== 'feedback') return Reflect.get(help, name);
            return { mutate: () => Promise.reject(new TRPCClientError('offline')) };
          },
        });
      },
    });
    help.api = { ...real, trpc: failing } as PorticoApi;
    await help.updateComplete;
    part(help, 'helpful-yes')?.click();
    await until(() => part(help, 'feedback')?.querySelector("[part~='error']"), 'no error');
    const error = part(help, 'feedback')?.querySelector("[part~='error']");
    expect(error?.getAttribute('role')).to.equal('alert');
    expect(textOf(error)).to.contain('Check your connection and try again.');
    expect(part(help, 'helpful-yes')?.getAttribute('aria-describedby')).to.equal(error?.id);

    help.api = real;
    await help.updateComplete;
    part(help, 'helpful-yes')?.click();
    await until(() => part(help, 'thanks'), 'no thanks');
    expect(textOf(part(help, 'thanks'))).to.equal('Thank you for your feedback.');
    const saved = await staff<StaffArticle>('staff.help.byId', { articleId });
    expect(saved.helpfulCount).to.equal(1);
  });

  it('tags a result in another language than asked for', async () => {
    const word = `zebrafinch${crypto.randomUUID().slice(0, 6)}`;
    await publishArticle(`About the ${word}`, `Only in English: ${word}.`);
    const help = await renderHelp({ locale: 'de' });
    await searched(help, word);
    const result = results(help)[0];
    expect(result?.getAttribute('lang')).to.equal('en');
    expect(textOf(result?.querySelector("[part~='language']"))).to.equal('Englisch');
  });

  it('lets a listener answer "Ask support" instead, and hides it when nobody does', async () => {
    const help = await renderHelp({ locale: 'en' });
    await searched(help, 'track a parcel');
    const asked: HelpAskEvent[] = [];
    const answer = (event: HelpAskEvent) => {
      asked.push(event);
      event.preventDefault();
    };
    document.body.addEventListener(HelpAskEvent.eventName, answer);
    try {
      part(help, 'ask')?.click();
    } finally {
      document.body.removeEventListener(HelpAskEvent.eventName, answer);
    }
    expect(asked).to.have.length(1);
    expect(asked[0]).to.be.instanceOf(HelpAskEvent);
    expect([asked[0]?.query, asked[0]?.slug]).to.deep.equal(['track a parcel', null]);
    expect([asked[0]?.bubbles, asked[0]?.composed, asked[0]?.cancelable]).to.deep.equal([
      true,
      true,
      true,
    ]);
    await help.updateComplete;
    expect(part(help, 'ask')).to.not.equal(null);

    part(help, 'ask')?.click();
    await until(() => part(help, 'ask') === null, 'a dead "Ask support" stayed');
    await until(() => deepActive() === box(help), 'focus was lost');
  });

  it('follows ask-href with the query, unless a listener prevents it', async () => {
    const help = await renderHelp({ locale: 'en', askHref: '#new-ticket&subject={query}' });
    await searched(help, 'track a parcel');
    const ask = part<HTMLAnchorElement>(help, 'ask');
    expect(ask?.getAttribute('href')).to.equal('#new-ticket&subject=track%20a%20parcel');

    const stop = (event: Event) => event.preventDefault();
    help.addEventListener(HelpAskEvent.eventName, stop);
    ask?.click();
    help.removeEventListener(HelpAskEvent.eventName, stop);
    expect(location.hash).to.equal('');

    const heard = oneEvent(help, HelpAskEvent.eventName);
    ask?.click();
    expect((await heard).defaultPrevented).to.equal(false);
    await until(() => location.hash === '#new-ticket&subject=track%20a%20parcel', 'no navigation');
    // The ticket form's fragment is not the help centre's: the results stay.
    await help.updateComplete;
    expect(results(help).length).to.be.greaterThan(0);
  });

  it('passes the article’s slug with "Ask support" under an article', async () => {
    const help = await renderHelp({ hash: '#help=damaged-or-missing-items', locale: 'en' });
    await until(() => part(help, 'body'), 'no article');
    expect(textOf(part(help, 'ask-line'))).to.equal('Didn’t find what you need? Ask support');
    const heard = oneEvent(help, HelpAskEvent.eventName);
    part(help, 'ask')?.click();
    const event = (await heard) as Event;
    if (!(event instanceof HelpAskEvent)) throw new Error('not a HelpAskEvent');
    expect([event.query, event.slug]).to.deep.equal(['', 'damaged-or-missing-items']);
  });

  it('searches in Persian and lays the article out right to left', async () => {
    const help = await renderHelp({ lang: 'fa', dir: 'rtl' });
    await searched(help, 'رهگیری');
    expect(slugs(help)[0]).to.equal('track-a-shipment');
    expect(all(help, "[part~='result-title'] mark").map(textOf)).to.include('رهگیری');
    expect(getComputedStyle(box(help)).direction).to.equal('rtl');
    await openResult(help);
    const body = part(help, 'body');
    expect(body?.getAttribute('lang')).to.equal('fa');
    expect(body?.getAttribute('dir')).to.equal('rtl');
    expect(body && getComputedStyle(body).direction).to.equal('rtl');
    expect(part(help, 'heading')?.getAttribute('dir')).to.equal('rtl');
  });

  it('keeps Persian articles right to left inside a left-to-right page', async () => {
    const help = await renderHelp({ hash: '#help=track-a-shipment&locale=fa', locale: 'en' });
    await until(() => part(help, 'body'), 'no article');
    expect(part(help, 'body')?.getAttribute('dir')).to.equal('rtl');
    const english = all<HTMLAnchorElement>(help, "[part~='language-link']").find(
      (link) => link.hreflang === 'en',
    );
    expect(english?.getAttribute('dir')).to.equal('ltr');
  });

  it('opens the article the URL names, and ignores fragments that are not its own', async () => {
    const help = await renderHelp({ hash: '#help=find-your-invoices', locale: 'en' });
    await until(() => textOf(part(help, 'heading')) === 'Find your invoices', 'no article');
    expect(deepActive(), 'a page opened on the link keeps its focus').to.not.equal(
      part(help, 'heading'),
    );

    await navigate('#ticket=abc123');
    await help.updateComplete;
    expect(textOf(part(help, 'heading'))).to.equal('Find your invoices');
    expect(part(help, 'body')).to.not.equal(null);

    await navigate('#help=track-a-shipment');
    await until(() => textOf(part(help, 'heading')) === 'Track a shipment', 'no second article');

    const back = oneEvent(window, 'hashchange');
    history.back();
    await back;
    await help.updateComplete;
    expect(location.hash).to.equal('#ticket=abc123');
    expect(textOf(part(help, 'heading'))).to.equal('Track a shipment');

    await navigate('#help');
    await until(() => part(help, 'categories'), 'the search did not return');
  });

  it('fits a 320 px wide screen without scrolling sideways', async () => {
    const original = { width: window.innerWidth, height: window.innerHeight };
    await setViewport({ width: 320, height: 640 });
    const page = document.documentElement;
    const fits = (help: PorticoHelpSearch, view: string) => {
      expect(page.scrollWidth, view).to.be.at.most(page.clientWidth);
      expect(help.scrollWidth, view).to.be.at.most(help.clientWidth);
    };
    try {
      const help = await renderHelp({ locale: 'de' });
      await until(() => part(help, 'categories'), 'no categories');
      fits(help, 'categories');
      await searched(help, 'Rechnungen herunterladen Lieferadresse');
      fits(help, 'results');
      await openResult(help);
      fits(help, 'article');
      for (const target of all(help, "button, a[part~='back'], a[part~='language-link']")) {
        expect(target.getBoundingClientRect().height, textOf(target)).to.be.at.least(44);
      }
    } finally {
      await setViewport(original);
    }
  });
});
