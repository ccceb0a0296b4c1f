import { fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../elements/portico-help-search/portico-help-search.ts';
import type { PorticoHelpSearch } from '../../elements/portico-help-search/portico-help-search.ts';
import type { BusyBackendInfo } from './support/busy-backend.plugin.ts';
import { all, attachContextRoot, backendUrl, definePortal, part, until } from './support/page.ts';
import { afterState, contractSuite, holdAnswers, UNREACHABLE } from './support/contract.ts';
import { clearHash, openAt } from './support/contract.page.ts';

/** A word that finds the shipment article in the page's language. */
const TRACK: Record<string, string> = { en: 'track', fa: 'رهگیری' };

/** The slug of an article written for this test, whose feedback it may give. */
let judged = '';

async function publishArticle(): Promise<string> {
  const slug = `contract-${crypto.randomUUID().slice(0, 8)}`;
  const { articleId } = await executeServerCommand<{ articleId: string }, unknown>(
    'portico-staff',
    {
      path: 'staff.help.create',
      input: { slug, category: 'account', locale: 'en', title: 'Judge me', body: 'Some text.' },
    },
  );
  await executeServerCommand('portico-staff', { path: 'staff.help.publish', input: { articleId } });
  return slug;
}

/** The help centre, in the page's language, at `hash` and with `query` in the box. */
async function renderHelp(
  options: { hash?: string; query?: string; api?: string } = {},
): Promise<PorticoHelpSearch> {
  openAt(options.hash ?? '');
  const portal = await fixture(html`
    <portico-portal api=${options.api ?? backendUrl}>
      <portico-help-search .query=${options.query ?? ''}></portico-help-search>
    </portico-portal>
  `);
  const help = portal.querySelector('portico-help-search');
  if (!help) throw new Error('the fixture did not render');
  await until(() => help.api, 'the API never arrived');
  return help;
}

async function showing(help: PorticoHelpSearch, name: string): Promise<PorticoHelpSearch> {
  await until(() => part(help, name), `no ${name}`);
  return help;
}

const results = (help: PorticoHelpSearch) => all(help, "[part~='result']");
const track = () => TRACK[document.documentElement.lang] ?? TRACK.en!;

describe('<portico-help-search> keeps the element contract', () => {
  before(async () => {
    attachContextRoot();
    await definePortal();
    judged = await publishArticle();
  });

  afterEach(clearHash);

  contractSuite('<portico-help-search>', (state) => {
    state('loading: a search on its way', async () => {
      holdAnswers();
      const help = await renderHelp({ query: track() });
      await until(() => part(help, 'status')?.textContent?.trim(), 'no "Searching…"');
      return help;
    });

    state('busy: the server refused the search and it will try again', async () => {
      const { url } = await executeServerCommand<BusyBackendInfo, undefined>(
        'portico-busy-backend',
      );
      await executeServerCommand('portico-busy-hold');
      afterState(() => executeServerCommand('portico-busy-release'));
      const help = await renderHelp({ query: track(), api: url });
      await until(() => part(help, 'busy')?.textContent?.trim(), 'no busy status');
      return help;
    });

    state('the categories, while the box is empty', async () => {
      const help = await renderHelp();
      await until(() => all(help, "[part~='category']").length > 0, 'no categories');
      return help;
    });

    state('a category’s articles', async () => {
      const help = await renderHelp();
      await until(() => all(help, "[part~='category']").length > 0, 'no categories');
      all(help, "[part~='category']")[0]?.click();
      await until(() => results(help).length > 0, 'the category listed nothing');
      return help;
    });

    state('results for a search', async () => {
      const help = await renderHelp({ query: track() });
      await until(() => results(help).length > 0, 'no results');
      return help;
    });

    state('empty: nothing found, with the way to support', async () => {
      const help = await renderHelp({ query: 'xqzjvw' });
      return showing(help, 'empty');
    });

    state('error: the backend cannot be reached', async () => {
      const help = await renderHelp({ query: track(), api: UNREACHABLE });
      return showing(help, 'error');
    });

    state('an article, with the question whether it helped', async () => {
      const help = await renderHelp({ hash: '#help=track-a-shipment' });
      return showing(help, 'helpful-no');
    });

    state('an article with the comment form after "No"', async () => {
      const help = await renderHelp({ hash: `#help=${judged}` });
      await showing(help, 'helpful-no');
      part(help, 'helpful-no')?.click();
      return showing(help, 'comment');
    });
  });
});
