import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startTestPortico, type TestClient, type TestPortico } from '../support/portico.ts';
import {
  data,
  openTicket,
  ticketCounts,
  upload,
  uploaded,
  type Ticket,
} from '../support/tickets.ts';
import { pdf, png } from '../support/files.ts';

const MB = 1024 * 1024;

interface Refused {
  status: number;
  body: {
    error?: { message: string; code?: unknown; data?: { code: string; reason: string | null } };
  };
}

const refusal = ({ status, body }: { status: number; body: unknown }) => {
  const response = { status, body } as Refused;
  return {
    status: response.status,
    // tRPC's refusals carry `data`; the body limit answers before tRPC, with a plain code.
    reason:
      response.body.error?.data?.reason ??
      response.body.error?.data?.code ??
      response.body.error?.code,
    message: response.body.error?.message ?? '',
  };
};

/** Every file under the uploads folder, as paths relative to the data folder. */
async function storedFiles(dataDir: string): Promise<string[]> {
  const entries = await readdir(join(dataDir, 'uploads'), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dataDir.length + 1));
}

describe('ticket attachments: uploads checked by their bytes, downloads only for those who may', () => {
  let portico: TestPortico;
  let anna: TestClient;
  let ben: TestClient;
  let agent: TestClient;

  before(async () => {
    portico = await startTestPortico();
    anna = await portico.personWithSession({ email: 'anna@cafe.test', name: 'Anna' });
    ben = await portico.personWithSession({ email: 'ben@bistro.test', name: 'Ben' });
    agent = await portico.personWithSession({
      email: 'j@vendor.test',
      name: 'Jonas',
      role: 'agent',
    });
  });
  after(() => portico.close());

  it('keeps allowed files and gives them back byte for byte to the owner only', async () => {
    const image = png(16);
    const document = await pdf();
    const text = 'Lot 42\nBest before 2027-01\n';
    const files = [
      await uploaded(anna, image, 'crack.png'),
      await uploaded(anna, document, 'delivery note.pdf'),
      await uploaded(anna, text, 'lot.txt'),
    ];
    assert.deepEqual(
      files.map((file) => [file.name, file.mediaType, file.size]),
      [
        ['crack.png', 'image/png', image.length],
        ['delivery note.pdf', 'application/pdf', document.length],
        ['lot.txt', 'text/plain; charset=utf-8', Buffer.byteLength(text)],
      ],
    );
    const ticket = await openTicket(anna, { attachmentIds: files.map((file) => file.id) });
    const shown = ticket.messages[0]!.attachments.map((file) => file.id);
    assert.deepEqual(
      shown,
      files.map((file) => file.id),
    );

    for (const [file, bytes] of [
      [files[0]!, image],
      [files[1]!, document],
      [files[2]!, Buffer.from(text)],
    ] as const) {
      for (const reader of [anna, agent]) {
        const response = await reader.request(`/api/files/${file.id}`);
        assert.equal(response.status, 200);
        assert.deepEqual(Buffer.from(await response.arrayBuffer()), Buffer.from(bytes));
        assert.match(response.headers.get('content-disposition') ?? '', /^attachment; /);
        assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
        assert.equal(response.headers.get('cache-control'), 'private, no-store');
      }
      const other = await ben.request(`/api/files/${file.id}`);
      assert.equal(other.status, 404);
      const nobody = await portico.client().request(`/api/files/${file.id}`);
      assert.equal(nobody.status, 401);
    }
    const unicode = await uploaded(anna, 'x', 'Rēķins Ελλάδα.txt');
    const named = await anna.request(`/api/files/${unicode.id}`);
    assert.match(
      named.headers.get('content-disposition') ?? '',
      /filename\*=UTF-8''R%C4%93%C4%B7ins%20%CE%95%CE%BB%CE%BB%CE%AC%CE%B4%CE%B1\.txt/,
    );
  });

  it('refuses a file too large, naming the limit, before and after reading it', async () => {
    const before = await ticketCounts(portico.services);
    const justOver = refusal(await upload(anna, new Uint8Array(10 * MB + 1), 'big.pdf'));
    assert.equal(justOver.status, 400);
    assert.equal(justOver.reason, 'TOO_LARGE');
    assert.match(justOver.message, /10 MB/);
    const farOver = refusal(await upload(anna, new Uint8Array(12 * MB), 'huge.pdf'));
    assert.equal(farOver.status, 413);
    assert.equal(farOver.reason, 'PAYLOAD_TOO_LARGE');
    assert.match(farOver.message, /10 MB/);
    assert.deepEqual(await ticketCounts(portico.services), before);
  });

  it('refuses empty files, lying names, scripts and unknown types, each with a clear message', async () => {
    const before = await ticketCounts(portico.services);
    const exe = Buffer.concat([
      Buffer.from('MZ'),
      Buffer.alloc(62),
      Buffer.from('PE\0\0'),
      Buffer.alloc(200),
    ]);
    exe.writeUInt32LE(64, 0x3c);
    const cases: [Uint8Array | string, string, string, RegExp][] = [
      ['', 'empty.txt', 'EMPTY', /empty/],
      [png(), 'invoice.pdf', 'NAME_MISMATCH', /named as \.pdf but its content is a PNG image/],
      [await pdf(), 'photo.jpg', 'NAME_MISMATCH', /PDF document/],
      [exe, 'photo.png', 'TYPE_NOT_ALLOWED', /images .*PDF.*text.*office/],
      [
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        'logo.svg',
        'MARKUP',
        /SVG/,
      ],
      ['<svg onload="alert(1)"/>', 'logo.txt', 'MARKUP', /SVG/],
      ['<!doctype html><script>alert(1)</script>', 'page.html', 'MARKUP', /web page/],
      [
        Buffer.from([0, 1, 2, 3, 0, 0, 255, 254]),
        'data.txt',
        'TYPE_NOT_ALLOWED',
        /not a kind of file/,
      ],
      // A right-to-left override makes "invoice‮fdp.exe" read as "invoiceexe.pdf".
      ['plain words', 'invoice\u202efdp.exe', 'NAME_MISMATCH', /invoicefdp\.exe/],
    ];
    for (const [bytes, name, reason, message] of cases) {
      const response = refusal(await upload(anna, bytes, name));
      assert.equal(response.status, 400, name);
      assert.equal(response.reason, reason, name);
      assert.match(response.message, message, name);
    }
    assert.deepEqual(await ticketCounts(portico.services), before);
  });

  it('neutralises path names: only the last part is kept, and files live under their hash', async () => {
    const names = [
      ['../../../etc/passwd.txt', 'passwd.txt'],
      ['..\\..\\windows\\win.ini.txt', 'win.ini.txt'],
      ['/absolute/notes', 'notes.txt'],
      ['.hidden.txt', 'hidden.txt'],
    ];
    for (const [raw, kept] of names) {
      const file = await uploaded(anna, `content of ${raw}`, raw!);
      assert.equal(file.name, kept);
    }
    const stored = await storedFiles(portico.dataDir);
    assert.ok(
      stored.every((path) => /^uploads\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(path)),
      stored.join(' '),
    );
  });

  it('stores the same content once however often it is sent', async () => {
    const bytes = png(8, [1, 2, 3]);
    const before = (await storedFiles(portico.dataDir)).length;
    const first = await uploaded(anna, bytes, 'a.png');
    const second = await uploaded(ben, bytes, 'b.png');
    assert.notEqual(first.id, second.id);
    assert.equal((await storedFiles(portico.dataDir)).length, before + 1);
    // Ben's copy is his; Anna cannot read it through her own upload of the same bytes.
    assert.equal((await anna.request(`/api/files/${second.id}`)).status, 404);
  });

  it('keeps unsent uploads private to their uploader, and staff notes’ files from customers', async () => {
    const draft = await uploaded(anna, png(), 'draft.png');
    assert.equal((await anna.request(`/api/files/${draft.id}`)).status, 200);
    assert.equal((await ben.request(`/api/files/${draft.id}`)).status, 404);
    // Ben cannot send Anna's upload as his own.
    const bens = await openTicket(ben, { subject: 'Ben asks' });
    const stolen = await ben.mutate('ticket.reply', {
      ticketId: bens.id,
      body: 'Look',
      attachmentIds: [draft.id],
    });
    assert.equal(stolen.body.error?.data.code, 'BAD_REQUEST');

    const ticket = await openTicket(anna, { subject: 'With a staff file' });
    const internal = await uploaded(agent, await pdf('Internal cost sheet'), 'costs.pdf');
    const answer = await uploaded(agent, await pdf('Return label'), 'label.pdf');
    data(
      await agent.mutate('staff.ticket.note', {
        ticketId: ticket.id,
        body: 'Costs',
        attachmentIds: [internal.id],
      }),
    );
    data(
      await agent.mutate('staff.ticket.reply', {
        ticketId: ticket.id,
        body: 'Label attached',
        attachmentIds: [answer.id],
      }),
    );
    assert.equal((await anna.request(`/api/files/${internal.id}`)).status, 404);
    assert.equal((await anna.request(`/api/files/${answer.id}`)).status, 200);
    const thread = data<Ticket>(await anna.query('ticket.byId', { ticketId: ticket.id }));
    assert.deepEqual(
      thread.messages.flatMap((message) => message.attachments.map((file) => file.name)),
      ['label.pdf'],
    );
    // An attachment cannot be sent twice.
    const again = await agent.mutate('staff.ticket.reply', {
      ticketId: ticket.id,
      body: 'Again',
      attachmentIds: [answer.id],
    });
    assert.equal(again.body.error?.data.code, 'BAD_REQUEST');
  });

  it('limits how many files one person uploads in a day', async () => {
    const eve = await portico.personWithSession({ email: 'eve@busy.test', name: 'Eve' });
    for (let i = 0; i < 50; i++) await uploaded(eve, `note ${i}`, `n${i}.txt`);
    const refused = refusal(await upload(eve, 'one more', 'n50.txt'));
    assert.equal(refused.status, 429);
    assert.match(refused.message, /50 files/);
  });

  it('refuses an upload without a file or without a sign-in', async () => {
    const form = new FormData();
    form.set('other', 'x');
    const response = await anna.request('/api/trpc/file.upload', { method: 'POST', body: form });
    assert.equal(response.status, 400);
    const anonymous = await upload(portico.client(), 'x', 'x.txt');
    assert.equal(anonymous.status, 401);
  });
});
