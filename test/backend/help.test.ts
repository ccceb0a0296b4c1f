import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  errorCode,
  startTestPortico,
  type TestClient,
  type TestPortico,
} from '../support/portico.ts';
import { data } from '../support/tickets.ts';
import {
  found,
  helpCounts,
  marked,
  publishedArticle,
  searchHelp,
  testCategory,
  text,
} from '../support/help.ts';
import { seedDemoHelp } from '../../backend/seed/demo.help.ts';
import { snippet } from '../../backend/help/help.snippet.ts';

describe('help centre: search, articles and feedback', () => {
  let portico: TestPortico;
  let visitor: TestClient;
  let customer: TestClient;
  let agent: TestClient;

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

  it('ranks an article with the word in its title above one with it only in the body', async () => {
    await publishedArticle(agent, {
      slug: 'body-mentions',
      title: 'Caring for the counter',
      body: 'The zebrawood counter needs oil. Zebrawood darkens; zebrawood is hard. Zebrawood.',
    });
    await publishedArticle(agent, {
      slug: 'title-mentions',
      title: 'Zebrawood furniture',
      body: 'Keep it dry.',
    });
    const { results } = await found(visitor, { q: 'zebrawood', locale: 'en' });
    assert.deepEqual(
      results.map((result) => result.slug),
      ['title-mentions', 'body-mentions'],
    );
    assert.deepEqual(marked(results[0]!.title), ['Zebrawood']);
    assert.ok(marked(results[1]!.snippet).every((word) => /^zebrawood$/i.test(word)));
  });

  it('cuts snippets at spaces, never inside a word', () => {
    const article = `${'Intro words. '.repeat(10)}Then you'll see your invoices listed ${'and more '.repeat(20)}`;
    const cut = text(snippet(article, [{ word: 'invoices', prefix: false }], 10));
    // Ten words, "you'll" counting as two, six of them before the match.
    assert.equal(cut, "… words. Then you'll see your invoices listed and more …");
  });

  it('finds articles from the first letters of a word, in any case', async () => {
    const partial = await found(visitor, { q: 'Rechn', locale: 'de' });
    assert.ok(partial.results.length >= 3, 'several German articles about invoices');
    assert.ok(partial.results.every((result) => result.locale === 'de'));
    assert.match(text(partial.results[0]!.title), /Rechnung/);
    assert.ok(marked(partial.results[0]!.title).some((word) => word.startsWith('Rechnung')));
    const lower = await found(visitor, { q: 'rechnung', locale: 'de' });
    const upper = await found(visitor, { q: 'RECHNUNG', locale: 'de' });
    assert.deepEqual(
      lower.results.map((result) => result.slug),
      upper.results.map((result) => result.slug),
    );
  });

  it('ignores accents and letter variants: parskats finds pārskats, Arabic letters find Persian ones', async () => {
    const latvian = await found(visitor, { q: 'parskats', locale: 'lv' });
    const slugs = latvian.results.map((result) => result.slug);
    assert.ok(slugs.includes('download-a-statement'), slugs.join());
    const hit = latvian.results.find((result) => result.slug === 'download-a-statement')!;
    assert.equal(hit.locale, 'lv');
    assert.ok(
      [...marked(hit.title), ...marked(hit.snippet)].some((word) => word.startsWith('pārskat')),
      'the snippet marks the word as written, with its accent',
    );
    const persian = await found(visitor, { q: 'رهگیری مرسوله', locale: 'fa' });
    assert.equal(persian.results[0]?.slug, 'track-a-shipment');
    // The same words typed with the Arabic yeh.
    const arabicYeh = await found(visitor, { q: 'رهگيري مرسوله', locale: 'fa' });
    assert.equal(arabicYeh.results[0]?.slug, 'track-a-shipment');
  });

  it('finds Greek articles with or without accents', async () => {
    for (const q of ['τιμολόγιά', 'τιμολογια', 'ΤΙΜΟΛΟΓΙΑ']) {
      const { results } = await found(visitor, { q, locale: 'el' });
      const slugs = results.map((result) => result.slug);
      assert.ok(slugs.includes('find-your-invoices'), `${q}: ${slugs.join()}`);
      assert.ok(results.every((result) => result.locale === 'el'));
    }
  });

  it('still finds the article when a word is misspelled, and says what it searched', async () => {
    const german = await found(visitor, { q: 'Rechnnung', locale: 'de' });
    assert.equal(german.correctedTo, 'rechnung');
    assert.ok(german.results.length > 0);
    const english = await found(visitor, { q: 'tracking numbr', locale: 'en' });
    assert.ok(english.results.some((result) => result.slug === 'track-a-shipment'));
    const exact = await found(visitor, { q: 'tracking number', locale: 'en' });
    assert.equal(exact.correctedTo, null);
  });

  it('pages through many results without repeating one', async () => {
    const first = await found(visitor, { q: 'order', locale: 'en', limit: 4 });
    const second = await found(visitor, { q: 'order', locale: 'en', limit: 4, offset: 4 });
    assert.equal(first.hasMore, true);
    assert.equal(first.results.length, 4);
    assert.ok(second.results.length > 0);
    const slugs = [...first.results, ...second.results].map((result) => result.slug);
    assert.equal(new Set(slugs).size, slugs.length);
    const all = await found(visitor, { q: 'order', locale: 'en', limit: 8 });
    assert.deepEqual(
      all.results.map((result) => result.slug),
      slugs.slice(0, 8),
    );
  });

  it('puts the reader’s language first and falls back to others', async () => {
    await publishedArticle(agent, {
      slug: 'english-only',
      title: 'Quokka cups',
      body: 'Only written in English.',
    });
    const { results } = await found(visitor, { q: 'quokka', locale: 'hr' });
    assert.deepEqual(
      results.map((result) => [result.slug, result.locale]),
      [['english-only', 'en']],
    );
    // A word every language shares: each article once, Croatian ones first.
    const shared = await found(visitor, { q: 'PDF', locale: 'hr', limit: 50 });
    const slugs = shared.results.map((result) => result.slug);
    assert.equal(new Set(slugs).size, slugs.length);
    const firstOther = shared.results.findIndex((result) => result.locale !== 'hr');
    assert.ok(
      firstOther === -1 || shared.results.slice(firstOther).every((r) => r.locale !== 'hr'),
    );
  });

  it('keeps drafts away from customers until they are published', async () => {
    const { articleId } = data<{ articleId: string }>(
      await agent.mutate('staff.help.create', {
        slug: 'secret-draft',
        category: 'testing',
        locale: 'en',
        title: 'Wombat pricing',
        body: 'Unannounced wombat prices.',
      }),
    );
    assert.deepEqual((await found(customer, { q: 'wombat' })).results, []);
    assert.equal(
      errorCode(await visitor.query('help.article', { slug: 'secret-draft' })),
      'NOT_FOUND',
    );
    data(await agent.mutate('staff.help.publish', { articleId }));
    assert.equal((await found(customer, { q: 'wombat' })).results[0]?.slug, 'secret-draft');
    data(await agent.mutate('staff.help.unpublish', { articleId }));
    assert.deepEqual((await found(customer, { q: 'wombat' })).results, []);
    assert.equal(
      errorCode(
        await visitor.mutate('help.feedback', {
          slug: 'secret-draft',
          locale: 'en',
          helpful: true,
        }),
      ),
      'NOT_FOUND',
    );
  });

  it('renders Markdown to HTML that cannot run script', async () => {
    await publishedArticle(agent, {
      slug: 'hostile',
      title: 'Hostile',
      body: [
        '# Heading',
        '<script>window.hacked = 1</script>',
        '<img src=x onerror="window.hacked = 2"> <a href="javascript:alert(1)">link</a>',
        '[click](javascript:alert(1)) <iframe src="https://evil.example"></iframe>',
        '<p onclick="x()" style="color:red">styled</p>',
        '**bold** and [safe](https://vendor.example/a)',
      ].join('\n\n'),
    });
    const article = data<{ html: string }>(
      await visitor.query('help.article', { slug: 'hostile' }),
    );
    assert.doesNotMatch(article.html, /<script|onerror|onclick|href="javascript:|<iframe|style=/i);
    assert.match(article.html, /<p>styled<\/p>/);
    assert.match(article.html, /<h2>Heading<\/h2>/);
    assert.match(
      article.html,
      /<a href="https:\/\/vendor.example\/a" rel="noopener noreferrer" target="_blank">safe<\/a>/,
    );
  });

  it('answers empty, huge and query-syntax searches without an error', async () => {
    assert.deepEqual((await found(visitor, { q: '' })).results, []);
    assert.deepEqual((await found(visitor, { q: '   ' })).results, []);
    const huge = 'delivery invoice '.repeat(600).slice(0, 10_240);
    const long = await searchHelp(visitor, { q: huge, locale: 'en' });
    assert.equal(long.status, 200);
    for (const q of [
      '"',
      '""',
      '*',
      'invoice*',
      'NEAR',
      'NEAR(invoice delivery)',
      'invoice - delivery',
      '-invoice',
      '(invoice',
      'invoice)',
      'AND OR NOT',
      'title:invoice',
      '{title}: x',
      '^invoice',
      "'; drop table helpArticle; --",
      '\u200c',
    ]) {
      const answer = await searchHelp(visitor, { q, locale: 'en' });
      assert.equal(answer.status, 200, `${q}: ${JSON.stringify(answer.body)}`);
    }
    // A NUL character is refused with words to act on, on either engine.
    const nul = await searchHelp(visitor, { q: 'invoice\u0000', locale: 'en' });
    assert.equal(nul.status, 400);
    assert.match(JSON.stringify(nul.body), /NUL character/);
    const tooLong = await searchHelp(visitor, { q: 'x'.repeat(16_385) });
    assert.equal(tooLong.status, 400);
    assert.match(JSON.stringify(tooLong.body), /at most 16384 characters/);
    for (const input of [{ limit: 0 }, { limit: 51 }, { locale: 'xx' }, { extra: 1 }]) {
      assert.equal(
        errorCode(await visitor.query('help.search', { q: 'x', ...input })),
        'BAD_REQUEST',
      );
    }
  });

  it('lists categories in the reader’s language and browses one in its order', async () => {
    const categories = data<{ slug: string; name: string; articleCount: number }[]>(
      await visitor.query('help.categories', { locale: 'de' }),
    );
    assert.deepEqual(
      categories.slice(0, 5).map((category) => [category.slug, category.articleCount]),
      [
        ['orders', 10],
        ['delivery', 8],
        ['invoices', 9],
        ['returns', 6],
        ['account', 7],
      ],
    );
    assert.equal(categories[0]!.name, 'Bestellungen');
    const delivery = await found(visitor, { category: 'delivery', locale: 'el', limit: 50 });
    assert.equal(delivery.results.length, 8);
    assert.equal(delivery.results[0]!.slug, 'shipping-costs');
    assert.ok(delivery.results.every((result) => result.locale === 'el'));
    const inCategory = await found(visitor, { q: 'invoice', category: 'delivery', locale: 'en' });
    assert.ok(inCategory.results.every((result) => result.category.slug === 'delivery'));
    assert.equal(errorCode(await visitor.query('help.search', { category: 'nope' })), 'NOT_FOUND');
  });

  it('shows an article in the language asked for, or the best it has, and counts views', async () => {
    const fa = data<{
      locale: string;
      title: string;
      locales: string[];
      category: { name: string };
    }>(await visitor.query('help.article', { slug: 'track-a-shipment', locale: 'fa' }));
    assert.equal(fa.locale, 'fa');
    assert.equal(fa.title, 'رهگیری مرسوله');
    assert.deepEqual(fa.locales, ['de', 'el', 'en', 'fa', 'hr', 'lv']);
    const { related } = data<{ related: { slug: string; locale: string }[] }>(
      await visitor.query('help.article', { slug: 'track-a-shipment', locale: 'fa' }),
    );
    assert.ok(related.length >= 1 && related.length <= 3, JSON.stringify(related));
    assert.ok(related.every((other) => other.slug !== 'track-a-shipment' && other.locale === 'fa'));
    assert.equal(new Set(related.map((other) => other.slug)).size, related.length);
    const fallback = data<{ locale: string }>(
      await visitor.query('help.article', { slug: 'english-only', locale: 'lv' }),
    );
    assert.equal(fallback.locale, 'en');
    const { articles } = data<{ articles: { slug: string; viewCount: number }[] }>(
      await agent.query('staff.help.list', { q: 'Quokka' }),
    );
    assert.deepEqual(
      articles.map((article) => [article.slug, article.viewCount]),
      [['english-only', 1]],
    );
  });

  it('records whether an article helped, one vote per reader, with comments for staff', async () => {
    const vote = (client: TestClient, input: Record<string, unknown>) =>
      client.mutate('help.feedback', { slug: 'refunds', locale: 'en', ...input });
    const key = 'browser-key-0123456789';
    data(await vote(visitor, { helpful: true, visitor: key }));
    data(await vote(visitor, { helpful: false, visitor: key, comment: 'Which account?' }));
    data(await vote(customer, { helpful: true }));
    data(await vote(customer, { helpful: true }));
    const { articles } = data<{ articles: { id: string; slug: string }[] }>(
      await agent.query('staff.help.list', { q: 'refunds', locale: 'en' }),
    );
    const refunds = articles.find((article) => article.slug === 'refunds')!;
    const detail = data<{
      helpfulCount: number;
      notHelpfulCount: number;
      comments: { comment: string; helpful: boolean }[];
    }>(await agent.query('staff.help.byId', { articleId: refunds.id }));
    assert.equal(detail.helpfulCount, 1);
    assert.equal(detail.notHelpfulCount, 1);
    assert.deepEqual(
      detail.comments.map((row) => [row.comment, row.helpful]),
      [['Which account?', false]],
    );
    const counts = await helpCounts(portico);
    for (const input of [
      { helpful: 'yes' },
      { helpful: true, comment: 'x'.repeat(2001) },
      { helpful: true, visitor: 'short' },
      { helpful: true, slug: 'no-such-article' },
    ]) {
      const answer = await vote(visitor, input);
      assert.ok(['BAD_REQUEST', 'NOT_FOUND'].includes(errorCode(answer)!), JSON.stringify(answer));
    }
    assert.deepEqual(await helpCounts(portico), counts);
  });

  it('suggests articles for what a customer is writing', async () => {
    const suggest = (text: string, locale: string) =>
      customer.query('help.suggest', { text, locale });
    const english = data<{ slug: string }[]>(
      await suggest('The box arrived damaged and two items were missing from the delivery', 'en'),
    );
    assert.ok(english.length > 0 && english.length <= 3);
    assert.equal(english[0]!.slug, 'damaged-or-missing-items');
    const german = data<{ slug: string }[]>(
      await suggest('Wie kann ich meine Lieferadresse ändern?', 'de'),
    );
    assert.ok(german.some((article) => article.slug === 'change-delivery-address'));
    assert.deepEqual(data(await suggest('', 'en')), []);
    assert.deepEqual(data(await suggest('the and of', 'en')), []);
  });
});
