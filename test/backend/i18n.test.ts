import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import { sourceCatalogues, type CatalogueName } from '../../backend/i18n/catalogues.ts';
import { acceptedLocale, LOCALES, type Locale } from '../../backend/i18n/locale.ts';
import { catalogue, fill } from '../../backend/i18n/translate.ts';
import { translateRefusal } from '../../backend/i18n/refusal.ts';
import { Refusal } from '../../backend/errors.ts';
import { formatMoney } from '../../backend/i18n/format.ts';
import { startTestPortico, type TestClient, type TestPortico } from '../support/portico.ts';
import { ADDRESS, seedTestCatalog } from '../support/catalog.ts';
import { quoteFor } from '../support/ordering.ts';
import { data } from '../support/tickets.ts';
import type { ReceivedMail } from '../support/mailbox.ts';

const run = promisify(execFile);
const TRANSLATED = LOCALES.filter((locale) => locale !== 'en');
const source = sourceCatalogues() as Record<CatalogueName, Record<string, string>>;
const names = Object.keys(source) as CatalogueName[];
const sentences = (locale: Locale, name: CatalogueName) =>
  catalogue(locale, name) as Record<string, string>;
/** One sentence of `locale`, filled in: what a test expects to read. */
const say = (
  locale: Locale,
  name: CatalogueName,
  key: string,
  values: Record<string, string> = {},
) => fill(sentences(locale, name)[key]!, values);

/** Sentences that are right when left as in English: a subject made only of placeholders. */
const SAME_AS_ENGLISH = new Set(['*:NotificationMail.SUBJECT']);

/** Catalogues of `*.errors.ts` files that only staff or machines read, left in English. */
const ENGLISH_ONLY = new Set([
  'AnnouncementError',
  'CustomerError',
  'InboundError',
  'ReportError',
  'SettingsError',
  'WebhookError',
  // Shown next to a cart line as data, not as a refusal; the cart element words it itself.
  'LineProblem',
]);

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('server languages: the catalogues', () => {
  it('has every key of every English catalogue in every language, and no other', () => {
    for (const locale of TRANSLATED) {
      for (const name of names) {
        const translated = sentences(locale, name);
        assert.ok(translated, `${locale}: no ${name}`);
        assert.deepEqual(
          Object.keys(translated).sort(),
          Object.keys(source[name]).sort(),
          `${locale}: keys of ${name}`,
        );
        for (const [key, text] of Object.entries(translated)) {
          assert.ok(typeof text === 'string' && text.trim(), `${locale}: ${name}.${key} empty`);
        }
      }
    }
  });

  it('keeps exactly the placeholders of the English sentence, in any order', () => {
    for (const locale of TRANSLATED) {
      for (const name of names) {
        for (const [key, english] of Object.entries(source[name])) {
          assert.deepEqual(
            placeholders(sentences(locale, name)[key]!),
            placeholders(english),
            `${locale}: ${name}.${key}`,
          );
        }
      }
    }
  });

  it('translates every sentence but the few that are right in English', () => {
    const same: string[] = [];
    for (const locale of TRANSLATED) {
      for (const name of names) {
        for (const [key, english] of Object.entries(source[name])) {
          const id = `${name}.${key}`;
          if (SAME_AS_ENGLISH.has(`*:${id}`) || SAME_AS_ENGLISH.has(`${locale}:${id}`)) continue;
          if (sentences(locale, name)[key] === english) same.push(`${locale}:${id}`);
        }
      }
    }
    assert.deepEqual(same, []);
  });

  it('writes Persian with Persian letters and punctuation', () => {
    for (const name of names) {
      for (const [key, text] of Object.entries(sentences('fa', name))) {
        const words = text.replace(/\{\w+\}/g, '');
        assert.doesNotMatch(words, /[\u064A\u0643]/, `fa: ${name}.${key} has Arabic yeh or kaf`);
        assert.doesNotMatch(words, /[,;?]/, `fa: ${name}.${key} has Latin punctuation`);
        assert.doesNotMatch(words, /[0-9]/, `fa: ${name}.${key} has Latin digits`);
      }
    }
  });

  it('knows every catalogue a customer can be refused from', async () => {
    const registered = new Set<object>(Object.values(source));
    const root = new URL('../../backend/', import.meta.url);
    const unknown: string[] = [];
    for (const folder of await readdir(root, { withFileTypes: true })) {
      if (!folder.isDirectory()) continue;
      for (const file of await readdir(new URL(`${folder.name}/`, root))) {
        if (!file.endsWith('.errors.ts')) continue;
        const module = (await import(new URL(`${folder.name}/${file}`, root).href)) as Record<
          string,
          unknown
        >;
        for (const [name, value] of Object.entries(module)) {
          if (typeof value !== 'object' || value === null) continue;
          if (!registered.has(value) && !ENGLISH_ONLY.has(name)) unknown.push(`${file}: ${name}`);
        }
      }
    }
    assert.deepEqual(unknown, [], 'register these in backend/i18n/catalogues.ts');
  });

  it('says how long to wait in the reader’s own plural forms', () => {
    const wait = (seconds: number) =>
      new Refusal('RATE_LIMITED', 'Too many attempts.', { retryAfterSeconds: seconds });
    assert.equal(
      translateRefusal('de', wait(30)),
      'Zu viele Versuche. Versuchen Sie es in 30 Sekunden erneut.',
    );
    assert.equal(
      translateRefusal('de', wait(1)),
      'Zu viele Versuche. Versuchen Sie es in 1 Sekunde erneut.',
    );
    assert.equal(
      translateRefusal('hr', wait(2)),
      'Previše pokušaja. Pokušajte ponovno za 2 sekunde.',
    );
  });

  it('takes the first supported language of an Accept-Language header, by quality', () => {
    assert.equal(acceptedLocale('de-AT, fa;q=0.8'), 'de');
    assert.equal(acceptedLocale('fa;q=0.5, el;q=0.9'), 'el');
    assert.equal(acceptedLocale('xx, HR;q=0.4'), 'hr');
    assert.equal(acceptedLocale('de;q=0, lv'), 'lv');
    assert.equal(acceptedLocale('fa_IR'), 'fa');
    // A malformed or out-of-range quality drops its range instead of counting as q=1.
    assert.equal(acceptedLocale('fa;q=abc, de;q=0.1'), 'de');
    assert.equal(acceptedLocale('fa;q=, de;q=0.1'), 'de');
    assert.equal(acceptedLocale('fa;q=-1, de;q=0.1'), 'de');
    assert.equal(acceptedLocale('fa;q=2, de;q=0.1'), 'de');
    assert.equal(acceptedLocale('fa;q=1.000, de;q=0.999'), 'fa');
    assert.equal(acceptedLocale('*'), null);
    assert.equal(acceptedLocale('pt-BR, es'), null);
    assert.equal(acceptedLocale(''), null);
    assert.equal(acceptedLocale(null), null);
  });
});

interface Customer {
  email: string;
  name: string;
  client: TestClient;
}

describe('server languages: refusals, mails and files', () => {
  let portico: TestPortico;
  let folder: string;
  let ids: Awaited<ReturnType<typeof seedTestCatalog>>;
  let agent: TestClient;
  let vendor: string;
  /** Saved languages: German, Greek, Persian; and one who chose none. */
  let dora: Customer;
  let eleni: Customer;
  let farid: Customer;
  let plain: Customer;

  async function customer(email: string, name: string, locale: Locale | null) {
    const client = await portico.personWithSession({ email, name });
    if (locale) data(await client.mutate('profile.update', { locale }));
    return { email, name, client };
  }

  /** A tRPC call as the portal's elements make it: with the page's language, or none. */
  async function call(
    client: TestClient,
    kind: 'query' | 'mutation',
    path: string,
    input: unknown,
    language?: string,
  ) {
    const headers: Record<string, string> = language ? { 'accept-language': language } : {};
    const response =
      kind === 'query'
        ? await client.request(
            `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
            { headers },
          )
        : await client.post(`/api/trpc/${path}`, input, { headers });
    return (await response.json()) as {
      result?: { data: unknown };
      error?: {
        message: string;
        data: { code: string; reason: string | null; fieldErrors: object | null };
      };
    };
  }

  async function order(who: Customer, language?: string) {
    const items = [{ productId: ids.beans, quantity: 2 }];
    const { total } = await quoteFor(who.client, items);
    const placed = await call(
      who.client,
      'mutation',
      'order.place',
      { idempotencyKey: randomUUID(), items, address: ADDRESS, expectedTotal: total },
      language,
    );
    assert.ok(placed.result, JSON.stringify(placed.error));
    return (placed.result.data as { order: { id: string; number: string; total: number } }).order;
  }

  async function ship(orderId: string) {
    data(
      await agent.mutate('staff.order.advance', {
        orderId,
        to: 'shipped',
        trackingNumber: 'LV123456789',
      }),
    );
  }

  /** The one mail to `to` with exactly this subject. */
  const mailTo = (to: string, subject: string): Promise<ReceivedMail> =>
    portico.mailbox.next(to, new RegExp(`^${subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));

  const htmlOf = (mail: ReceivedMail) => mail.html.slice(0, mail.html.indexOf('<body'));

  before(async () => {
    portico = await startTestPortico();
    folder = await mkdtemp(join(tmpdir(), 'portico-i18n-'));
    ids = await seedTestCatalog(portico.services);
    vendor = portico.services.portalSettings().vendorName;
    agent = await portico.personWithSession({
      email: 'jonas@vendor.test',
      name: 'Jonas',
      role: 'agent',
    });
    dora = await customer('dora@cafe.test', 'Dora', 'de');
    eleni = await customer('eleni@cafe.test', 'Eleni', 'el');
    farid = await customer('farid@cafe.test', 'Farid', 'fa');
    plain = await customer('pat@cafe.test', 'Pat', null);
  });
  after(async () => {
    await portico.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('answers a refusal in the language the request asks for, its reason unchanged', async () => {
    const missing = { orderId: 'no-such-order' };
    for (const [language, locale] of [
      ['fa', 'fa'],
      ['de-AT,de;q=0.9,en;q=0.5', 'de'],
      ['xx, el;q=0.4', 'el'],
      [undefined, 'en'],
    ] as const) {
      const { error } = await call(plain.client, 'query', 'order.byId', missing, language);
      assert.equal(error?.data.code, 'NOT_FOUND', language);
      assert.equal(error?.data.reason, 'NOT_FOUND', language);
      assert.equal(error?.message, say(locale, 'OrderError', 'NOT_FOUND'), language);
    }
    assert.notEqual(say('fa', 'OrderError', 'NOT_FOUND'), say('en', 'OrderError', 'NOT_FOUND'));
    // No header: the saved language. A header: the page's language, whatever was saved.
    const saved = await call(dora.client, 'query', 'order.byId', missing);
    assert.equal(saved.error?.message, say('de', 'OrderError', 'NOT_FOUND'));
    const page = await call(dora.client, 'query', 'order.byId', missing, 'en');
    assert.equal(page.error?.message, say('en', 'OrderError', 'NOT_FOUND'));
  });

  it('says "sign in" and "fields are not valid" in the language, field errors as they are', async () => {
    const signedOut = await call(portico.client(), 'query', 'order.list', {}, 'fa');
    assert.equal(signedOut.error?.data.code, 'UNAUTHORIZED');
    assert.equal(signedOut.error?.message, say('fa', 'ServerError', 'SIGN_IN'));
    const invalid = await call(plain.client, 'query', 'order.byId', { orderId: 5 }, 'de');
    assert.equal(invalid.error?.data.code, 'BAD_REQUEST');
    assert.equal(invalid.error?.message, say('de', 'ServerError', 'INVALID_FIELDS'));
    assert.ok(invalid.error?.data.fieldErrors, 'the fields are still named');
  });

  it('mails a placed and a shipped order in the recipient’s saved language', async () => {
    const placed = await order(dora);
    const confirmation = await mailTo(
      dora.email,
      say('de', 'OrderMail', 'PLACED_SUBJECT', { vendor, order: placed.number }),
    );
    assert.match(confirmation.text, /Espresso/);
    assert.ok(confirmation.text.includes(formatMoney('de', placed.total, 'EUR')));
    await ship(placed.id);
    const shipped = await mailTo(
      dora.email,
      say('de', 'OrderMail', 'SHIPPED_SUBJECT', { vendor, order: placed.number }),
    );
    assert.ok(shipped.text.startsWith(say('de', 'OrderMail', 'GREETING', { name: 'Dora' })));
    assert.match(shipped.text, /Die Sendungsnummer lautet LV123456789\./);
    assert.match(htmlOf(shipped), /<html lang="de" dir="ltr">/);

    const persian = await order(farid);
    await ship(persian.id);
    const rtl = await mailTo(
      farid.email,
      say('fa', 'OrderMail', 'SHIPPED_SUBJECT', { vendor, order: persian.number }),
    );
    assert.match(htmlOf(rtl), /<html lang="fa" dir="rtl">/);
    assert.ok(rtl.text.includes(formatMoney('fa', persian.total, 'EUR')), rtl.text);
    assert.ok(rtl.text.includes(say('fa', 'OrderMail', 'TOTAL_WITH_TAX')));
  });

  it('mails an order placed from a Greek page in Greek when nothing was saved', async () => {
    const placed = await order(plain, 'el');
    const mail = await mailTo(
      plain.email,
      say('el', 'OrderMail', 'PLACED_SUBJECT', { vendor, order: placed.number }),
    );
    assert.match(htmlOf(mail), /<html lang="el" dir="ltr">/);
  });

  it('mails a ticket answer in Greek and in Persian', async () => {
    for (const [who, locale] of [
      [eleni, 'el'],
      [farid, 'fa'],
    ] as const) {
      const ticket = data<{ id: string; number: string; subject: string }>(
        await who.client.mutate('ticket.create', {
          subject: `Beans for ${who.name}`,
          kind: 'question',
          body: 'How fresh are they?',
        }),
      );
      data(
        await agent.mutate('staff.ticket.reply', { ticketId: ticket.id, body: 'Roasted today.' }),
      );
      const mail = await mailTo(who.email, `[${ticket.number}] ${ticket.subject}`);
      const intro = say(locale, 'TicketMail', 'ANSWER_BODY', {
        agent: 'Jonas',
        ticket: ticket.number,
      });
      assert.ok(mail.text.includes(intro), mail.text);
      assert.match(mail.text, /Roasted today\./);
      assert.ok(mail.text.includes(say(locale, 'TicketMail', 'NO_REPLY')));
      assert.match(htmlOf(mail), new RegExp(`<html lang="${locale}"`));
    }
  });

  it('sends the sign-up and password mails in the language of the request that asked', async () => {
    const client = portico.client();
    const email = 'gerda@cafe.test';
    const signUp = await client.post(
      '/api/auth/sign-up/email',
      { name: 'Gerda', email, password: 'a long enough password' },
      { headers: { 'accept-language': 'de' } },
    );
    assert.equal(signUp.status, 200);
    const verify = await mailTo(email, say('de', 'AccountMail', 'VERIFY_SUBJECT', { vendor }));
    assert.ok(verify.text.includes(say('de', 'AccountMail', 'VERIFY_BODY', { vendor })));
    assert.ok(verify.links.some((url) => url.includes('/api/auth/verify-email')));
    assert.match(htmlOf(verify), /<html lang="de" dir="ltr">/);

    const reset = await client.post(
      '/api/auth/request-password-reset',
      { email: plain.email, redirectTo: 'http://vendor.test/signin' },
      { headers: { 'accept-language': 'fa' } },
    );
    assert.equal(reset.status, 200);
    const mail = await mailTo(plain.email, say('fa', 'AccountMail', 'RESET_SUBJECT', { vendor }));
    assert.match(htmlOf(mail), /<html lang="fa" dir="rtl">/);
    // A saved language beats the page's: Dora reads German even from a Persian page.
    await client.post(
      '/api/auth/request-password-reset',
      { email: dora.email, redirectTo: 'http://vendor.test/signin' },
      { headers: { 'accept-language': 'fa' } },
    );
    await mailTo(dora.email, say('de', 'AccountMail', 'RESET_SUBJECT', { vendor }));
  });

  describe('files', () => {
    let invoice: { id: string; number: string };

    /** The words of a PDF and where each starts on the page (Persian words come reversed). */
    async function words(pdf: Buffer): Promise<{ text: string; x: number }[]> {
      const file = join(folder, `${randomUUID()}.pdf`);
      await writeFile(file, pdf);
      const { stdout } = await run('pdftotext', ['-bbox', file, '-']);
      return [
        ...stdout.normalize('NFKC').matchAll(/<word xMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g),
      ].map((m) => ({ text: m[2]!.replace(/\u200C/g, ''), x: Number(m[1]) }));
    }

    const xOf = (found: { text: string; x: number }[], word: string) => {
      const hit = found.find((candidate) => candidate.text === word);
      assert.ok(hit, `no "${word}" in ${found.map((w) => w.text).join(' ')}`);
      return hit.x;
    };
    const reversed = (word: string) => [...word].reverse().join('');

    async function pdf(client: TestClient, query: string): Promise<Buffer> {
      const response = await client.request(`/api/invoices/${invoice.id}/pdf${query}`);
      assert.equal(response.status, 200);
      return Buffer.from(await response.arrayBuffer());
    }

    before(async () => {
      const me = data<{ account: { id: string } }>(await dora.client.query('session.me'));
      invoice = data(
        await agent.mutate('staff.invoice.create', {
          accountId: me.account.id,
          billTo: ADDRESS,
          lines: [
            { description: 'Espresso beans 1 kg', quantity: 2, unitPrice: 2450, taxRate: 1200 },
          ],
          issuedOn: '2026-01-15',
        }),
      );
    });

    it('prints every label of the invoice PDF in German', async () => {
      for (const query of ['?locale=de', '']) {
        const found = await words(await pdf(dora.client, query));
        const text = found.map((word) => word.text).join(' ');
        for (const key of ['HEADING', 'DESCRIPTION', 'UNIT_PRICE', 'SUBTOTAL', 'AMOUNT_DUE']) {
          assert.ok(text.includes(say('de', 'InvoiceText', key)), `${query}: ${key} in ${text}`);
        }
        assert.doesNotMatch(text, /Subtotal|Amount due|Description/);
        assert.match(text, /54,88 €/);
        // Left to right: the description column comes before the amount column.
        assert.ok(xOf(found, 'Beschreibung') < xOf(found, 'Betrag'));
      }
    });

    it('lays the Persian invoice out right to left, shaped and in Persian digits', async () => {
      const found = await words(await pdf(dora.client, '?locale=fa'));
      const description = xOf(found, reversed(say('fa', 'InvoiceText', 'DESCRIPTION')));
      const amount = xOf(found, reversed(say('fa', 'InvoiceText', 'AMOUNT')));
      assert.ok(description > amount, 'the first column is on the right');
      const text = found.map((word) => word.text).join(' ');
      assert.ok(text.includes('۵۴٫۸۸'), text);
      assert.doesNotMatch(text, /Invoice|Total/);
    });

    it('heads the CSV statement in the customer’s language, numbers left machine-readable', async () => {
      const response = await dora.client.request(
        '/api/statement.csv?from=2026-01-01&to=2026-01-31&locale=de',
      );
      const rows = (await response.text())
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      assert.equal(rows[0], 'Datum,Art,Nummer,Referenz,Soll (EUR),Haben (EUR),Saldo (EUR)');
      assert.equal(rows[1], '2026-01-01,Anfangssaldo,,,,,0.00');
      assert.match(rows[2] ?? '', /^2026-01-15,Rechnung,\d{4}-\d{5},,54\.88,,54\.88$/);
      assert.equal(rows.at(-1), '2026-01-31,Endsaldo,,,,,54.88');
    });
  });
});
