import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../elements/portico-staff-help/portico-staff-help.ts';
import type { PorticoStaffHelp } from '../../elements/portico-staff-help/portico-staff-help.ts';
import type { CustomerCall, StaffCall } from './support/portico-backend.plugin.ts';
import { agent } from './support/people.ts';
import {
  all,
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

function staff<T = unknown>(path: string, input?: unknown): Promise<T> {
  return executeServerCommand<T, StaffCall>('portico-staff', { path, input });
}

function customer<T = unknown>(
  path: string,
  input: unknown,
  kind: 'query' | 'mutation' = 'mutation',
): Promise<T> {
  return executeServerCommand<T, CustomerCall>('portico-customer', {
    as: 'carla',
    path,
    input,
    kind,
  });
}

const token = () => crypto.randomUUID().slice(0, 8);

/** A category and a draft in it, with words no other test uses. */
async function draft(run: string, publish = false): Promise<{ id: string; slug: string }> {
  await staff('staff.help.saveCategory', {
    slug: `cat-${run}`,
    names: { en: { name: `Category ${run}` } },
  });
  const slug = `article-${run}`;
  const { articleId } = await staff<{ articleId: string }>('staff.help.create', {
    slug,
    category: `cat-${run}`,
    locale: 'en',
    title: `Descaling ${run}`,
    body: `Use citric acid (${run}).`,
  });
  if (publish) await staff('staff.help.publish', { articleId });
  return { id: articleId, slug };
}

async function render(articleId: string | null = null): Promise<PorticoStaffHelp> {
  const container = await fixture(html`
    <portico-portal api=${backendUrl}>
      <portico-staff-help .articleId=${articleId}></portico-staff-help>
    </portico-portal>
  `);
  const element = container.querySelector('portico-staff-help')!;
  await sessionKnown(element);
  return element;
}

async function asAgent(articleId: string | null = null): Promise<PorticoStaffHelp> {
  await signIn(agent);
  const element = await render(articleId);
  const ready = articleId ? 'translation' : 'list';
  await until(() => part(element, ready), `the ${ready} never rendered`);
  return element;
}

/** Sets a control the way a person does: value, then the events a browser fires. */
function type(element: PorticoStaffHelp, name: string, value: string): void {
  const control = part<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(element, name);
  if (!control) throw new Error(`no ${name}`);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

const rowOf = (element: PorticoStaffHelp, id: string) =>
  element.shadowRoot?.querySelector<HTMLElement>(`[part~='row'][data-id='${id}']`) ?? null;

const noOverflow = (element: PorticoStaffHelp) =>
  element.scrollWidth <= element.clientWidth &&
  document.documentElement.scrollWidth <= document.documentElement.clientWidth;

describe('<portico-staff-help>', () => {
  before(async () => {
    attachContextRoot();
    await definePortal();
  });

  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    await signOut();
  });

  it('asks anyone not signed in as staff to sign in', async () => {
    await signOut();
    const element = await render();
    expect(textOf(part(element, 'signed-out'))).to.contain('Sign in with a staff account');
    await expect(element).to.be.accessible();
  });

  it('lists drafts with their languages, status and counts, and filters them', async () => {
    const run = token();
    const article = await draft(run);
    const element = await asAgent();
    type(element, 'search', `descaling ${run}`);
    await until(() => rowOf(element, article.id), 'the draft never showed');
    const row = rowOf(element, article.id)!;
    expect(textOf(row.querySelector("[part~='status']"))).to.equal('Draft');
    expect(textOf(row.querySelector("[part~='languages']"))).to.contain('en');
    expect(textOf(row.querySelector("[part~='views']"))).to.equal('0 views');
    expect(textOf(row.querySelector("[part~='unhelpful']"))).to.equal('0 unhelpful');
    expect(row.querySelector("[part~='open']")!.getAttribute('href')).to.equal(
      `#article=${article.id}`,
    );
    type(element, 'status-filter', 'published');
    await until(() => !rowOf(element, article.id), 'the draft stayed under "Published"');
    type(element, 'status-filter', 'draft');
    type(element, 'category-filter', `cat-${run}`);
    await until(() => rowOf(element, article.id), 'the draft did not come back');
    await expect(element).to.be.accessible();
  });

  it('writes a Persian translation right to left with a server preview, and publishes', async () => {
    const run = token();
    const article = await draft(run);
    const element = await asAgent(article.id);
    expect(textOf(part(element, 'heading'))).to.equal(`Descaling ${run}`);
    expect(part<HTMLInputElement>(element, 'title')!.value).to.equal(`Descaling ${run}`);
    await until(
      () => textOf(part(element, 'preview-body')).includes('citric acid'),
      'the saved body never previewed',
    );
    type(element, 'new-translation-language', 'fa');
    part<HTMLButtonElement>(element, 'add-translation-button')!.click();
    await until(() => part<HTMLInputElement>(element, 'title')?.value === '', 'no empty editor');
    expect(part(element, 'title')!.getAttribute('dir')).to.equal('rtl');
    expect(part(element, 'body')!.getAttribute('dir')).to.equal('rtl');
    expect(part(element, 'preview-body')!.getAttribute('dir')).to.equal('rtl');
    type(element, 'title', `جرم‌گیری ${run}`);
    type(element, 'body', `**اسید** ${run} <img src=x onerror="window.hacked=1">`);
    await until(
      () => part(element, 'preview-body')?.querySelector('strong'),
      'the preview never rendered the Markdown',
    );
    const preview = part(element, 'preview-body')!;
    expect(preview.querySelector('[onerror]')).to.equal(null);
    expect(textOf(preview.querySelector('strong'))).to.equal('اسید');
    part<HTMLButtonElement>(element, 'save-translation')!.click();
    await until(
      () =>
        element
          .shadowRoot!.querySelector("[part~='language-tab'][data-locale='fa']")
          ?.getAttribute('aria-pressed') === 'true' && !part(element, 'unsaved'),
      'the Persian text was never saved',
    );
    part<HTMLButtonElement>(element, 'publish')!.click();
    await until(() => part(element, 'unpublish'), 'the article was never published');
    expect(textOf(part(element, 'facts'))).to.contain('Published');
    const found = await customer<{ results: { slug: string; locale: string }[] }>(
      'help.search',
      { q: run, locale: 'fa' },
      'query',
    );
    expect(found.results.map((result) => [result.slug, result.locale])).to.deep.include([
      article.slug,
      'fa',
    ]);
    await expect(element).to.be.accessible();
  });

  it('deletes an article after a confirmation, by keyboard', async () => {
    const run = token();
    const article = await draft(run);
    const element = await asAgent(article.id);
    part<HTMLButtonElement>(element, 'delete')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => part(element, 'confirm-delete'), 'no confirmation');
    await until(
      () => element.shadowRoot!.activeElement === part(element, 'confirm-delete'),
      'the confirmation did not take focus',
    );
    await sendKeys({ press: 'Enter' });
    await until(
      () => element.articleId === null && part(element, 'list'),
      'never back to the list',
    );
    type(element, 'search', `descaling ${run}`);
    await until(() => part(element, 'empty'), 'the deleted article is still listed');
  });

  it('creates a draft from the keyboard', async () => {
    const run = token();
    await staff('staff.help.saveCategory', { slug: `cat-${run}`, names: { en: { name: run } } });
    const element = await asAgent();
    await until(() => all(element, 'option').length > 0, 'no categories');
    part<HTMLButtonElement>(element, 'new-article')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(
      () => element.shadowRoot!.activeElement === part(element, 'new-title'),
      'the title never took focus',
    );
    await sendKeys({ type: `Keyboard ${run}` });
    expect(part<HTMLInputElement>(element, 'new-slug')!.value).to.equal(`keyboard-${run}`);
    await sendKeys({ press: 'Enter' });
    await until(() => element.articleId && part(element, 'translation'), 'the draft never opened');
    expect(textOf(part(element, 'heading'))).to.equal(`Keyboard ${run}`);
    expect(textOf(part(element, 'facts'))).to.contain('Draft');
  });

  it('shows searches that found nothing, articles rated unhelpful and their comments', async () => {
    const run = token();
    const article = await draft(run, true);
    const missed = `nothing${run}xq`;
    await customer('help.search', { q: missed, locale: 'de' }, 'query');
    await customer('help.search', { q: `${missed}?`, locale: 'de' }, 'query');
    await customer('help.feedback', {
      slug: article.slug,
      locale: 'en',
      helpful: false,
      comment: `Too short ${run}`,
    });
    const element = await asAgent();
    await until(
      () => all(element, "[part~='miss-query']").some((q) => textOf(q) === missed),
      'the miss was never listed',
    );
    const miss = all(element, "[part~='miss']").find((row) => textOf(row).includes(missed))!;
    expect(textOf(miss.querySelector("[part~='miss-count']"))).to.equal('2 times');
    expect(textOf(miss.querySelector("[part~='miss-language']"))).to.equal('German');
    await until(
      () =>
        element.shadowRoot!.querySelector(`[part~='unhelpful-article'][data-id='${article.id}']`),
      'the unhelpful article was never listed',
    );
    const link = element.shadowRoot!.querySelector(
      `[part~='unhelpful-article'][data-id='${article.id}'] a`,
    )!;
    expect(link.getAttribute('href')).to.equal(`#article=${article.id}`);
    type(element, 'unhelpful-sort', 'count');
    await expect(element).to.be.accessible();
    element.articleId = article.id;
    await until(() => part(element, 'comment'), 'the comment never showed');
    expect(textOf(part(element, 'comment-text'))).to.equal(`Too short ${run}`);
    expect(textOf(part(element, 'rating'))).to.equal('Not helpful');
  });

  it('fits a 320 px screen, list and article', async () => {
    const run = token();
    const article = await draft(run);
    await setViewport({ width: 320, height: 640 });
    const element = await asAgent();
    part<HTMLButtonElement>(element, 'new-article')!.click();
    await until(() => part(element, 'new-form'), 'no form');
    expect(noOverflow(element), 'the list overflows').to.equal(true);
    element.articleId = article.id;
    await until(() => part(element, 'translation'), 'the article never opened');
    await until(() => textOf(part(element, 'preview-body')).length > 0, 'no preview');
    expect(noOverflow(element), 'the article overflows').to.equal(true);
  });
});
