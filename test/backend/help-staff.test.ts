import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  errorCode,
  startTestPortico,
  type TestClient,
  type TestPortico,
} from '../support/portico.ts';
import { data } from '../support/tickets.ts';
import { found, helpCounts, publishedArticle } from '../support/help.ts';
import { seedDemoHelp } from '../../backend/seed/demo.help.ts';
import { searchIndex } from '../../backend/help/help.index.ts';

const fieldsOf = (envelope: { body: { error?: { data: { fieldErrors?: object | null } } } }) =>
  Object.keys(envelope.body.error?.data.fieldErrors ?? {});

describe('help centre: writing articles as staff', () => {
  // Near misses may still find similar words in other articles: what matters is this one.
  const slugsFound = async (input: Record<string, unknown>) =>
    (await found(customer, input)).results.map((result) => result.slug);

  let portico: TestPortico;
  let customer: TestClient;
  let agent: TestClient;

  before(async () => {
    portico = await startTestPortico();
    await seedDemoHelp(portico.services);
    customer = await portico.personWithSession({ email: 'anna@cafe.test', name: 'Anna' });
    agent = await portico.personWithSession({
      email: 'jonas@vendor.test',
      name: 'Jonas',
      role: 'agent',
    });
    data(
      await agent.mutate('staff.help.saveCategory', {
        slug: 'testing',
        names: { en: { name: 'Testing' }, de: { name: 'Test', description: 'Für Tests' } },
      }),
    );
  });
  after(() => portico.close());

  it('is for staff only', async () => {
    const counts = await helpCounts(portico);
    const create = {
      slug: 'sneaky',
      category: 'testing',
      locale: 'en',
      title: 'Sneaky',
      body: 'x',
    };
    assert.equal(errorCode(await customer.mutate('staff.help.create', create)), 'FORBIDDEN');
    assert.equal(
      errorCode(await portico.client().mutate('staff.help.create', create)),
      'UNAUTHORIZED',
    );
    assert.equal(errorCode(await customer.query('staff.help.list', {})), 'FORBIDDEN');
    assert.equal(errorCode(await customer.query('staff.help.categories')), 'FORBIDDEN');
    assert.deepEqual(await helpCounts(portico), counts);
  });

  it('writes a draft, translates it, publishes it, edits and unpublishes it; search follows', async () => {
    const { articleId } = data<{ articleId: string }>(
      await agent.mutate('staff.help.create', {
        slug: 'descaling',
        category: 'testing',
        locale: 'en',
        title: 'Descaling the espresso machine',
        body: 'Use **citric** acid once a month.',
      }),
    );
    data(
      await agent.mutate('staff.help.translate', {
        articleId,
        locale: 'de',
        title: 'Die Espressomaschine entkalken',
        body: 'Einmal im Monat mit Zitronensäure.',
      }),
    );
    assert.ok(!(await slugsFound({ q: 'entkalken', locale: 'de' })).includes('descaling'));
    data(await agent.mutate('staff.help.publish', { articleId }));
    const german = await found(customer, { q: 'entkalk', locale: 'de' });
    assert.deepEqual(
      german.results.map((result) => [result.slug, result.locale]),
      [['descaling', 'de']],
    );
    // Rewriting the German text: the old words are gone from search, the new ones found.
    data(
      await agent.mutate('staff.help.translate', {
        articleId,
        locale: 'de',
        title: 'Kalk aus der Espressomaschine lösen',
        body: 'Mit Essigessenz.',
      }),
    );
    assert.ok(!(await slugsFound({ q: 'Zitronensäure', locale: 'de' })).includes('descaling'));
    assert.equal((await found(customer, { q: 'essigessenz', locale: 'de' })).results.length, 1);
    // Moving it to another category moves it in category searches too.
    data(await agent.mutate('staff.help.edit', { articleId, category: 'orders' }));
    const inOrders = await found(customer, { q: 'citric', category: 'orders' });
    assert.equal(inOrders.results[0]?.slug, 'descaling');
    assert.ok(!(await slugsFound({ q: 'citric', category: 'testing' })).includes('descaling'));

    const detail = data<{
      status: string;
      translations: { locale: string; body: string; html: string }[];
    }>(await agent.query('staff.help.byId', { articleId }));
    assert.equal(detail.status, 'published');
    assert.deepEqual(
      detail.translations.map((row) => row.locale),
      ['de', 'en'],
    );
    assert.match(detail.translations[1]!.html, /<strong>citric<\/strong>/);

    data(await agent.mutate('staff.help.removeTranslation', { articleId, locale: 'de' }));
    assert.ok(!(await slugsFound({ q: 'essigessenz', locale: 'de' })).includes('descaling'));
    assert.equal(
      errorCode(await agent.mutate('staff.help.removeTranslation', { articleId, locale: 'en' })),
      'PRECONDITION_FAILED',
    );
    data(await agent.mutate('staff.help.unpublish', { articleId }));
    assert.ok(!(await slugsFound({ q: 'citric' })).includes('descaling'));
    data(await agent.mutate('staff.help.removeTranslation', { articleId, locale: 'en' }));
    assert.equal(
      errorCode(await agent.mutate('staff.help.publish', { articleId })),
      'PRECONDITION_FAILED',
    );
    data(await agent.mutate('staff.help.delete', { articleId }));
    assert.equal(errorCode(await agent.query('staff.help.byId', { articleId })), 'NOT_FOUND');
  });

  it('refuses bad or clashing input with a clear error and writes nothing', async () => {
    await publishedArticle(agent, { slug: 'taken', title: 'Taken', body: 'x' });
    const counts = await helpCounts(portico);
    const good = { slug: 'fine-slug', category: 'testing', locale: 'en', title: 'T', body: 'b' };
    const refusals: [Record<string, unknown>, string, string[]][] = [
      [{ ...good, slug: 'Not A Slug' }, 'BAD_REQUEST', ['slug']],
      [{ ...good, slug: 'a--b' }, 'BAD_REQUEST', ['slug']],
      [{ ...good, title: '' }, 'BAD_REQUEST', ['title']],
      [{ ...good, locale: 'it' }, 'BAD_REQUEST', ['locale']],
      [{ ...good, body: 'x'.repeat(100_001) }, 'BAD_REQUEST', ['body']],
      [{ ...good, extra: true }, 'BAD_REQUEST', []],
      [{ ...good, category: 'no-such-category' }, 'NOT_FOUND', []],
      [{ ...good, slug: 'taken' }, 'CONFLICT', []],
    ];
    for (const [input, code, fields] of refusals) {
      const answer = await agent.mutate('staff.help.create', input);
      assert.equal(errorCode(answer), code, JSON.stringify(input).slice(0, 80));
      for (const field of fields) assert.ok(fieldsOf(answer).includes(field), field);
    }
    for (const [path, input] of [
      ['staff.help.translate', { articleId: 'nope', locale: 'en', title: 'x', body: 'y' }],
      ['staff.help.publish', { articleId: 'nope' }],
      ['staff.help.edit', { articleId: 'nope', slug: 'x-y' }],
      ['staff.help.delete', { articleId: 'nope' }],
    ] as const) {
      assert.equal(errorCode(await agent.mutate(path, input)), 'NOT_FOUND', path);
    }
    const { articles } = data<{ articles: { id: string; slug: string }[] }>(
      await agent.query('staff.help.list', { q: 'taken' }),
    );
    const taken = articles.find((article) => article.slug === 'taken')!;
    assert.equal(
      errorCode(await agent.mutate('staff.help.edit', { articleId: taken.id, slug: 'refunds' })),
      'CONFLICT',
    );
    assert.equal(
      errorCode(await agent.mutate('staff.help.saveCategory', { slug: 'x-y', names: {} })),
      'BAD_REQUEST',
    );
    assert.deepEqual(await helpCounts(portico), counts);
  });

  it('lists drafts and published articles with filters, and previews Markdown', async () => {
    const all = data<{ articles: { slug: string; locales: string[] }[]; hasMore: boolean }>(
      await agent.query('staff.help.list', { category: 'delivery', limit: 100 }),
    );
    assert.equal(all.articles.length, 8);
    assert.ok(all.articles.every((article) => article.locales.length === 6));
    // Titles match in any language, without accents.
    const latvian = data<{ articles: { slug: string; title: string }[] }>(
      await agent.query('staff.help.list', { q: 'parskat', locale: 'lv' }),
    );
    assert.ok(latvian.articles.length > 0);
    assert.ok(latvian.articles.every((article) => /pārskat/i.test(article.title)));
    const drafts = data<{ articles: unknown[] }>(
      await agent.query('staff.help.list', { status: 'draft', category: 'delivery' }),
    );
    assert.deepEqual(drafts.articles, []);
    const preview = data<{ html: string }>(
      await agent.query('staff.help.preview', { body: '## Hi\n\n<script>x</script>' }),
    );
    assert.equal(preview.html.trim(), '<h2>Hi</h2>');
    const categories = data<{ slug: string; names: Record<string, { name: string }> }[]>(
      await agent.query('staff.help.categories'),
    );
    assert.equal(
      categories.find((category) => category.slug === 'testing')?.names.de?.name,
      'Test',
    );
  });

  it('ranks only titles when a query matches too many articles to rank them all', async () => {
    const { db } = portico.services;
    const query = {
      terms: [{ word: 'rechnung', prefix: true }],
      match: 'all' as const,
      locale: 'de' as const,
      limit: 40,
    };
    const ranked = await searchIndex(db, query);
    const titlesFirst = await searchIndex(db, query, 3);
    const byTitle = await db
      .selectFrom('helpTranslation')
      .select(['docId', 'foldedTitle'])
      .where(
        'docId',
        'in',
        ranked.map((hit) => hit.docId),
      )
      .execute();
    const inTitle = new Set(
      byTitle.filter((row) => row.foldedTitle.includes('rechnung')).map((row) => row.docId),
    );
    assert.ok(inTitle.size >= 2 && inTitle.size < ranked.length);
    assert.deepEqual(
      new Set(titlesFirst.map((hit) => hit.docId)),
      new Set(ranked.map((hit) => hit.docId)),
    );
    assert.ok(titlesFirst.slice(0, inTitle.size).every((hit) => inTitle.has(hit.docId)));
  });
});
