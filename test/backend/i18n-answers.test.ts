import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import { startTestPortico, type TestClient, type TestPortico } from '../support/portico.ts';
import { ADDRESS } from '../support/catalog.ts';
import { data } from '../support/tickets.ts';
import { callIn, customerIn, say, type Answer, type Customer } from '../support/i18n-world.ts';
import { png } from '../support/files.ts';

/**
 * Answers in the caller's language: refusals of tRPC calls by their catalogue key (the
 * reason unchanged), downloads and their refusals by `?locale=`, uploads by Accept-Language.
 */

const run = promisify(execFile);

/** A refusal outside tRPC, as downloads and the body limit answer it. */
interface Problem {
  error: { code: string; message: string };
}

describe('server languages: refusals and files', () => {
  let portico: TestPortico;
  let folder: string;
  let agent: TestClient;
  /** Saved languages: German, and one who chose none. */
  let dora: Customer;
  let plain: Customer;

  /** One file posted to `file.upload` as the elements do: multipart, with the page's language. */
  async function upload(client: TestClient, bytes: Uint8Array, name: string, language: string) {
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(bytes)]), name);
    const response = await client.request('/api/trpc/file.upload', {
      method: 'POST',
      body: form,
      headers: { 'accept-language': language },
    });
    return { status: response.status, body: (await response.json()) as Answer };
  }

  before(async () => {
    portico = await startTestPortico();
    folder = await mkdtemp(join(tmpdir(), 'portico-i18n-'));
    agent = await portico.personWithSession({
      email: 'jonas@vendor.test',
      name: 'Jonas',
      role: 'agent',
    });
    dora = await customerIn(portico, 'dora@cafe.test', 'Dora', 'de');
    plain = await customerIn(portico, 'pat@cafe.test', 'Pat', null);
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
      const { error } = await callIn(plain.client, 'query', 'order.byId', missing, language);
      assert.equal(error?.data.code, 'NOT_FOUND', language);
      assert.equal(error?.data.reason, 'NOT_FOUND', language);
      assert.equal(error?.message, say(locale, 'OrderError', 'NOT_FOUND'), language);
    }
    assert.notEqual(say('fa', 'OrderError', 'NOT_FOUND'), say('en', 'OrderError', 'NOT_FOUND'));
    // No header: the saved language. A header: the page's language, whatever was saved.
    const saved = await callIn(dora.client, 'query', 'order.byId', missing);
    assert.equal(saved.error?.message, say('de', 'OrderError', 'NOT_FOUND'));
    const page = await callIn(dora.client, 'query', 'order.byId', missing, 'en');
    assert.equal(page.error?.message, say('en', 'OrderError', 'NOT_FOUND'));
  });

  it('says "sign in" and "fields are not valid" in the language, field errors as they are', async () => {
    const signedOut = await callIn(portico.client(), 'query', 'order.list', {}, 'fa');
    assert.equal(signedOut.error?.data.code, 'UNAUTHORIZED');
    assert.equal(signedOut.error?.message, say('fa', 'ServerError', 'SIGN_IN'));
    const invalid = await callIn(plain.client, 'query', 'order.byId', { orderId: 5 }, 'de');
    assert.equal(invalid.error?.data.code, 'BAD_REQUEST');
    assert.equal(invalid.error?.message, say('de', 'ServerError', 'INVALID_FIELDS'));
    assert.ok(invalid.error?.data.fieldErrors, 'the fields are still named');
  });

  it('words the access rules and a stale page link by key, with no reason to act on', async () => {
    const staffOnly = await callIn(plain.client, 'query', 'staff.ticket.list', {}, 'el');
    assert.equal(staffOnly.error?.data.code, 'FORBIDDEN');
    assert.equal(staffOnly.error?.data.reason, null);
    assert.equal(staffOnly.error?.message, say('el', 'ServerError', 'STAFF_ONLY'));
    const noAccount = await callIn(agent, 'query', 'order.list', {}, 'hr');
    assert.equal(noAccount.error?.data.code, 'FORBIDDEN');
    assert.equal(noAccount.error?.data.reason, null);
    assert.equal(noAccount.error?.message, say('hr', 'ServerError', 'NO_CUSTOMER_ACCOUNT'));
    const stale = await callIn(plain.client, 'query', 'order.list', { cursor: 'not-a-page' }, 'lv');
    assert.equal(stale.error?.data.code, 'BAD_REQUEST');
    assert.equal(stale.error?.data.reason, null);
    assert.equal(stale.error?.message, say('lv', 'ServerError', 'BAD_CURSOR'));
  });

  it('refuses an upload in the language the upload asks for, its reason unchanged', async () => {
    const empty = await upload(plain.client, new Uint8Array(), 'empty.txt', 'fa');
    assert.equal(empty.status, 400);
    assert.equal(empty.body.error?.data.reason, 'EMPTY');
    assert.equal(empty.body.error?.message, say('fa', 'FileError', 'EMPTY', { name: 'empty.txt' }));
    const lying = await upload(plain.client, png(), 'photo.pdf', 'de');
    assert.equal(lying.body.error?.data.reason, 'NAME_MISMATCH');
    assert.equal(
      lying.body.error?.message,
      say('de', 'FileError', 'NAME_MISMATCH', {
        name: 'photo.pdf',
        extension: 'pdf',
        kind: say('de', 'FileKind', 'PNG'),
        expected: 'png',
      }),
    );
    // Too big to be read at all: refused by the body limit, before tRPC, in the same language.
    const huge = await upload(plain.client, new Uint8Array(11 * 1024 * 1024), 'huge.pdf', 'el');
    assert.equal(huge.status, 413);
    const problem = huge.body as unknown as Problem;
    assert.equal(problem.error.code, 'PAYLOAD_TOO_LARGE');
    assert.equal(
      problem.error.message,
      say('el', 'FileError', 'BODY_TOO_LARGE', {
        limit: new Intl.NumberFormat('el', { style: 'unit', unit: 'megabyte' }).format(10),
      }),
    );
  });

  it('refuses a download in the page’s language, else the person’s, else the vendor’s', async () => {
    const refused = async (client: TestClient, path: string, status: number) => {
      const response = await client.request(path);
      assert.equal(response.status, status, path);
      return ((await response.json()) as Problem).error;
    };
    const signedOut = await refused(portico.client(), '/api/invoices/any/pdf?locale=fa', 401);
    assert.deepEqual(signedOut, {
      code: 'UNAUTHORIZED',
      message: say('fa', 'ServerError', 'SIGN_IN'),
    });
    const english = await refused(portico.client(), '/api/files/any', 401);
    assert.equal(english.message, say('en', 'ServerError', 'SIGN_IN'));
    // Dora saved German; the page's `?locale=` comes first.
    const saved = await refused(dora.client, '/api/files/no-such-file', 404);
    assert.deepEqual(saved, { code: 'NOT_FOUND', message: say('de', 'FileError', 'NOT_FOUND') });
    const page = await refused(dora.client, '/api/files/no-such-file?locale=el', 404);
    assert.equal(page.message, say('el', 'FileError', 'NOT_FOUND'));
    const invoice = await refused(dora.client, '/api/invoices/no-such/pdf?locale=lv', 404);
    assert.equal(invoice.message, say('lv', 'LedgerError', 'INVOICE_NOT_FOUND'));
    const range = '/api/statement.csv?from=2026-05-01&to=2026-01-01&locale=hr';
    const backwards = await refused(dora.client, range, 400);
    assert.deepEqual(backwards, {
      code: 'BAD_REQUEST',
      message: say('hr', 'LedgerError', 'BAD_RANGE'),
    });
    const garbled = await refused(dora.client, '/api/statement.csv?from=x&to=y&locale=hr', 400);
    assert.equal(garbled.message, say('hr', 'ServerError', 'INVALID_FIELDS'));
    const unknown = await refused(
      agent,
      '/api/statement.csv?accountId=nope&from=2026-01-01&to=2026-01-31',
      404,
    );
    assert.equal(unknown.message, say('en', 'LedgerError', 'ACCOUNT_NOT_FOUND'));
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
