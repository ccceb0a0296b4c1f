import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  errorCode,
  startTestPortico,
  type TestClient,
  type TestPortico,
} from '../support/portico.ts';
import { data } from '../support/tickets.ts';
import { countRows } from '../support/ledger.ts';
import { found, helpCounts, publishedArticle, testCategory } from '../support/help.ts';
import { seedDemoHelp } from '../../backend/seed/demo.help.ts';
import {
  MAX_MISS_QUERY,
  missKey,
  recordSearchMiss,
  withoutHalfTyped,
  type SearchMiss,
} from '../../backend/help/help.insights.ts';

interface Insights {
  misses: SearchMiss[];
  unhelpful: {
    id: string;
    slug: string;
    title: string;
    status: string;
    helpfulCount: number;
    notHelpfulCount: number;
    unhelpfulShare: number;
  }[];
}

describe('help centre insights for staff', () => {
  let portico: TestPortico;
  let visitor: TestClient;
  let customer: TestClient;
  let agent: TestClient;

  const misses = async () =>
    portico.services.db.selectFrom('helpSearchMiss').selectAll().orderBy('query').execute();
  const insights = async (input: Record<string, unknown> = {}) =>
    data<Insights>(await agent.query('staff.help.insights', input));

  before(async () => {
    portico = await startTestPortico();
    await seedDemoHelp(portico.services);
    visitor = portico.client();
    customer = await portico.personWithSession({ email: 'anna@cafe.test', name: 'Anna' });
    agent = await portico.personWithSession({
      email: 'jonas@vendor.test',
      name: 'Jonas',
      role: 'agent',
    });
    await testCategory(agent);
  });
  after(() => portico.close());

  it('is for staff only', async () => {
    assert.equal(errorCode(await customer.query('staff.help.insights', {})), 'FORBIDDEN');
    assert.equal(errorCode(await visitor.query('staff.help.insights', {})), 'UNAUTHORIZED');
  });

  it('counts a search that found nothing in one row per folded query and language', async () => {
    const before = (await misses()).length;
    for (const q of ['Quokka grooming?', 'quokka   GROOMING', 'Quokka grooming.']) {
      assert.deepEqual((await found(visitor, { q, locale: 'en' })).results, []);
    }
    await found(customer, { q: 'quokka grooming', locale: 'de' });
    const rows = (await misses())
      .filter((row) => row.query === 'quokka grooming')
      .sort((a, b) => a.locale.localeCompare(b.locale));
    assert.deepEqual(
      rows.map((row) => [row.locale, row.count]),
      [
        ['de', 1],
        ['en', 3],
      ],
    );
    assert.equal((await misses()).length, before + 2);
    const english = (await insights({ locale: 'en' })).misses.find(
      (miss) => miss.query === 'quokka grooming',
    );
    assert.equal(english?.count, 3);
    assert.ok(english && Date.parse(english.lastAt) <= Date.now());
    assert.ok((await insights({ locale: 'en' })).misses.every((miss) => miss.locale === 'en'));
  });

  it('keeps searches that found something, empty or one-letter ones and later pages out', async () => {
    const before = await misses();
    assert.ok((await found(visitor, { q: 'Rechnung', locale: 'de' })).results.length > 0);
    await found(visitor, { q: '', locale: 'en' });
    await found(visitor, { q: ' x ', locale: 'en' });
    await found(visitor, { q: '?!', locale: 'en' });
    // Past the last result is the end of a list, not a miss.
    await found(visitor, { q: 'invoice', locale: 'en', offset: 400 });
    assert.deepEqual(await misses(), before);
  });

  it('does not count a search within a category: the article may be in another', async () => {
    const before = await misses();
    await found(visitor, { q: 'platypusqz', locale: 'en', category: 'testing' });
    assert.deepEqual(await misses(), before);
  });

  it('caps the query it keeps', async () => {
    const long = Array.from({ length: 40 }, (_, i) => `wombat${i}qx`).join(' ');
    assert.deepEqual((await found(visitor, { q: long, locale: 'en' })).results, []);
    const row = (await misses()).find((miss) => miss.query.startsWith('wombat0qx wombat1qx'));
    assert.ok(row);
    assert.ok(row.query.length <= MAX_MISS_QUERY);
    assert.equal(missKey('a'), null);
    assert.equal(missKey('  '), null);
    assert.equal(missKey('Ĉu ĝi?'), 'cu gi');
  });

  it('lists the most frequent misses first and merges half-typed ones into the whole', async () => {
    for (const q of ['zyxwv', 'zyxwvu', 'zyxwvut', 'zyxwvut ']) {
      await found(visitor, { q, locale: 'lv' });
    }
    for (let i = 0; i < 4; i++) await found(visitor, { q: 'platypus', locale: 'lv' });
    const { misses: shown } = await insights({ locale: 'lv' });
    assert.deepEqual(
      shown.map((miss) => [miss.query, miss.count]),
      [
        ['platypus', 4],
        ['zyxwvut', 2],
      ],
    );
    const sample: SearchMiss[] = [
      { query: 'desc', locale: 'en', count: 5, lastAt: '' },
      { query: 'desca', locale: 'en', count: 2, lastAt: '' },
      { query: 'descal', locale: 'en', count: 2, lastAt: '' },
      { query: 'desca', locale: 'de', count: 1, lastAt: '' },
    ];
    assert.deepEqual(
      withoutHalfTyped(sample).map((miss) => `${miss.locale}:${miss.query}`),
      ['en:desc', 'en:descal', 'de:desca'],
    );
  });

  it('ranks articles rated unhelpful by share or by count', async () => {
    const mostly = await publishedArticle(agent, {
      slug: 'rated-mostly-bad',
      title: 'M',
      body: 'm',
    });
    const many = await publishedArticle(agent, { slug: 'rated-many-bad', title: 'N', body: 'n' });
    const liked = await publishedArticle(agent, { slug: 'rated-good', title: 'G', body: 'g' });
    const vote = async (slug: string, helpful: boolean, n: number) => {
      const voter = `${slug}-${String(n).padStart(4, '0')}-${helpful ? 'y' : 'n'}`.padEnd(16, '0');
      data(
        await visitor.mutate('help.feedback', {
          slug,
          locale: 'en',
          helpful,
          visitor: voter,
          ...(n === 0 && !helpful && { comment: `Not for me (${slug})` }),
        }),
      );
    };
    for (let i = 0; i < 2; i++) await vote('rated-mostly-bad', false, i);
    for (let i = 0; i < 3; i++) await vote('rated-many-bad', false, i);
    for (let i = 0; i < 3; i++) await vote('rated-many-bad', true, i);
    await vote('rated-good', true, 0);
    const ours = (list: Insights['unhelpful']) =>
      list.filter((row) => [mostly, many, liked].includes(row.id)).map((row) => row.slug);
    const byShare = (await insights()).unhelpful;
    assert.deepEqual(ours(byShare), ['rated-mostly-bad', 'rated-many-bad']);
    const mostlyRow = byShare.find((row) => row.id === mostly)!;
    assert.equal(mostlyRow.unhelpfulShare, 1);
    assert.equal(mostlyRow.title, 'M');
    assert.equal(byShare.find((row) => row.id === many)!.unhelpfulShare, 0.5);
    assert.deepEqual(ours((await insights({ unhelpfulBy: 'count' })).unhelpful), [
      'rated-many-bad',
      'rated-mostly-bad',
    ]);
    // The comment reaches the article's page for staff.
    const detail = data<{ comments: { comment: string; helpful: boolean }[] }>(
      await agent.query('staff.help.byId', { articleId: mostly }),
    );
    assert.deepEqual(detail.comments, [
      { ...detail.comments[0], comment: 'Not for me (rated-mostly-bad)', helpful: false },
    ]);
  });

  it('refuses bad input and writes nothing', async () => {
    const tables = ['helpSearchMiss', 'helpArticle', 'helpFeedback'] as const;
    const counts = await countRows(portico.services, tables);
    const help = await helpCounts(portico);
    for (const input of [
      { limit: 0 },
      { limit: 101 },
      { locale: 'it' },
      { unhelpfulBy: 'views' },
      { extra: true },
    ]) {
      const answer = await agent.query('staff.help.insights', input);
      assert.equal(errorCode(answer), 'BAD_REQUEST', JSON.stringify(input));
    }
    // A search the server refuses is no miss either.
    assert.equal(
      errorCode(await visitor.query('help.search', { q: 'quokka', locale: 'it' })),
      'BAD_REQUEST',
    );
    assert.deepEqual(await countRows(portico.services, tables), counts);
    assert.deepEqual(await helpCounts(portico), help);
  });

  it('never keeps more than its cap: the least searched, oldest first, make room', async () => {
    const { db } = portico.services;
    await db.deleteFrom('helpSearchMiss').execute();
    await recordSearchMiss(db, 'often asked', 'en', 3);
    await recordSearchMiss(db, 'often asked', 'en', 3);
    await recordSearchMiss(db, 'first junk', 'en', 3);
    await recordSearchMiss(db, 'second junk', 'en', 3);
    await recordSearchMiss(db, 'third junk', 'en', 3);
    assert.deepEqual(
      (await misses()).map((row) => [row.query, row.count]),
      [
        ['often asked', 2],
        ['second junk', 1],
        ['third junk', 1],
      ],
    );
  });
});
