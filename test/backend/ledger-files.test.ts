import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import { startTestPortico, type TestClient, type TestPortico } from '../support/portico.ts';
import { ADDRESS } from '../support/catalog.ts';

const run = promisify(execFile);

interface Invoice {
  id: string;
  number: string;
  total: number;
}

const data = <T>(envelope: { body: { result?: { data: unknown }; error?: unknown } }): T => {
  assert.ok(envelope.body.result, JSON.stringify(envelope.body.error));
  return envelope.body.result.data as T;
};

/** Text as a PDF reader extracts it, with Arabic presentation forms folded to plain letters. */
async function pdfText(file: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-layout', file, '-']);
  return stdout.normalize('NFKC');
}

describe('invoice PDFs and account statements', () => {
  let portico: TestPortico;
  let folder: string;
  let customer: TestClient;
  let agent: TestClient;
  let accountId: string;
  let invoice: Invoice;

  before(async () => {
    portico = await startTestPortico();
    folder = await mkdtemp(join(tmpdir(), 'portico-pdf-'));
    customer = await portico.personWithSession({ email: 'dariush@cafe.test', name: 'Dariush' });
    agent = await portico.personWithSession({
      email: 'j@vendor.test',
      name: 'Jonas',
      role: 'agent',
    });
    accountId = data<{ account: { id: string } }>(await customer.query('session.me')).account.id;
    invoice = data<Invoice>(
      await agent.mutate('staff.invoice.create', {
        accountId,
        billTo: {
          ...ADDRESS,
          name: 'کافه تهران',
          company: 'Καφενείο Αθήνα',
          line1: 'خیابان ولیعصر ۱۲',
          city: 'Αθήνα',
          country: 'GR',
        },
        lines: [
          { description: 'Espresso beans 1 kg', quantity: 2, unitPrice: 2450, taxRate: 1200 },
          { description: 'قهوه ترک', quantity: 1, unitPrice: 1000, taxRate: 0 },
        ],
        issuedOn: '2026-01-15',
        note: '=HYPERLINK("http://evil.test")',
      }),
    );
  });
  after(async () => {
    await portico.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('downloads a real PDF that renders, with the number, the total, Greek and Persian', async () => {
    const response = await customer.request(`/api/invoices/${invoice.id}/pdf?locale=en`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/pdf');
    assert.match(
      response.headers.get('content-disposition') ?? '',
      new RegExp(`attachment; filename="invoice-${invoice.number}.pdf"`),
    );
    assert.equal(response.headers.get('cache-control'), 'private, no-store');
    const file = join(folder, 'invoice.pdf');
    await writeFile(file, Buffer.from(await response.arrayBuffer()));

    const text = await pdfText(file);
    assert.match(text, new RegExp(invoice.number));
    assert.equal(invoice.total, 2 * 2450 + 588 + 1000);
    assert.match(text, /€64\.88/);
    assert.match(text, /Καφενείο Αθήνα/);
    // Shaped right to left, the name still reads back in logical order, whole.
    assert.ok(text.includes('کافه تهران'), text);

    const { stdout: fonts } = await run('pdffonts', [file]);
    assert.match(fonts, /DejaVuSans/);
    await run('pdftoppm', ['-png', '-r', '60', '-singlefile', file, join(folder, 'page')]);
    const image = await stat(join(folder, 'page.png'));
    assert.ok(image.size > 5_000, `the page image is only ${image.size} bytes`);
  });

  it('formats the PDF in the customer’s language', async () => {
    const response = await customer.request(`/api/invoices/${invoice.id}/pdf?locale=de`);
    const file = join(folder, 'invoice-de.pdf');
    await writeFile(file, Buffer.from(await response.arrayBuffer()));
    assert.match(await pdfText(file), /64,88\s€/);
  });

  it('writes a CSV statement with the balance carried in and a running balance', async () => {
    data(
      await agent.mutate('staff.payment.post', {
        accountId,
        amount: 2000,
        receivedOn: '2026-02-01',
        method: 'bank_transfer',
        reference: '+SEPA 7',
        idempotencyKey: randomUUID(),
      }),
    );
    const response = await customer.request('/api/statement.csv?from=2026-02-01&to=2026-12-31');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
    const csv = (await response.text()).replace(/^\uFEFF/, '');
    const rows = csv.trimEnd().split('\r\n');
    assert.equal(rows[0], 'Date,Type,Number,Reference,Debit (EUR),Credit (EUR),Balance (EUR)');
    assert.equal(rows[1], '2026-02-01,opening balance,,,,,64.88');
    assert.equal(
      rows[2],
      "2026-02-01,payment,,'bank transfer: +SEPA 7,,20.00,44.88".replace("'bank", 'bank'),
    );
    assert.equal(rows.at(-1), '2026-12-31,closing balance,,,,,44.88');

    const all = await (
      await customer.request('/api/statement.csv?from=2026-01-01&to=2026-12-31')
    ).text();
    // The note starts like a spreadsheet formula: it is written as text.
    assert.match(
      all,
      /2026-01-15,invoice,\d{4}-\d{5},"'=HYPERLINK\(""http:\/\/evil.test""\)",64.88,,64.88/,
    );
  });

  it('refuses a bad date range with a clear message, and strangers get nothing', async () => {
    const backwards = await customer.request('/api/statement.csv?from=2026-05-01&to=2026-01-01');
    assert.equal(backwards.status, 400);
    const body = (await backwards.json()) as { error: { message: string } };
    assert.match(body.error.message, /start date/);
    assert.equal(
      (await customer.request('/api/statement.csv?from=yesterday&to=2026-01-01')).status,
      400,
    );
    assert.equal(
      (await portico.client().request('/api/statement.csv?from=2026-01-01&to=2026-12-31')).status,
      401,
    );
    const other = await portico.personWithSession({ email: 'other@cafe.test' });
    const theirs = await (
      await other.request('/api/statement.csv?from=2026-01-01&to=2026-12-31')
    ).text();
    assert.doesNotMatch(theirs, /invoice|payment/);
    assert.equal((await other.request(`/api/invoices/${invoice.id}/pdf`)).status, 404);
    // Staff may open any account's invoice.
    assert.equal((await agent.request(`/api/invoices/${invoice.id}/pdf`)).status, 200);
  });

  it('keeps its own files readable: the PDF starts and ends like one', async () => {
    const bytes = await readFile(join(folder, 'invoice.pdf'));
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    assert.match(bytes.subarray(-8).toString(), /%%EOF/);
  });
});
