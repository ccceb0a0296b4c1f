import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  errorCode,
  refusalReason,
  startTestPortico,
  type TestClient,
  type TestPortico,
} from '../support/portico.ts';
import { countRows } from '../support/ledger.ts';
import { data } from '../support/tickets.ts';
import { createPerson } from '../../backend/session/people.ts';
import { newId } from '../../backend/db/id.ts';
import { createInnerContext } from '../../backend/context.ts';
import { announcementChanges } from '../../backend/announcement/announcement.stream.ts';
import type { Viewer } from '../../backend/announcement/announcement.queries.ts';

interface View {
  id: string;
  title: string;
  body: string;
  severity: string;
  startsAt: string;
  endsAt: string | null;
}
interface Current {
  items: View[];
  nextChangeAt: string | null;
}
interface StaffItem extends View {
  audience: 'all' | 'accounts';
  accounts: { id: string; name: string }[];
  status: 'scheduled' | 'active' | 'ended';
  createdAt: string;
  createdBy: string;
}

const PASSWORD = 'correct horse battery';
const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
/** The type of a tracked event the subscription yields (`[id, data]`). */
const typeOf = (event: unknown) => (event as [string, { type: string }])[1].type;

/**
 * `announcement.onChange` opened as a browser's EventSource would: the tracked events it sent
 * so far, and a wait for the next ones.
 */
async function openChanges(client: TestClient) {
  const abort = new AbortController();
  const response = await client.request('/api/trpc/announcement.onChange?input=%7B%7D', {
    headers: { accept: 'text/event-stream' },
    signal: abort.signal,
  });
  assert.equal(response.status, 200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: string[] = [];
  let text = '';
  const read = async () => {
    const { value, done } = await reader.read();
    assert.ok(!done, 'the stream ended');
    text += decoder.decode(value, { stream: true });
    const blocks = text.split('\n\n');
    text = blocks.pop() ?? '';
    for (const block of blocks) {
      const lines = block.split('\n');
      if (!lines.some((line) => line.startsWith('id:'))) continue;
      const payload = lines.find((line) => line.startsWith('data:'))?.slice(5);
      events.push((JSON.parse(payload ?? '{}') as { type: string }).type);
    }
  };
  const stream = {
    events,
    /** Reads until `count` tracked events came in all. */
    async until(count: number) {
      while (events.length < count) await read();
      return [...events];
    },
    close: () => abort.abort(),
  };
  await stream.until(1);
  return stream;
}

describe('announcements: who sees what, when, and dismissals per person', () => {
  let portico: TestPortico;
  let anna: TestClient;
  let annaPhone: TestClient;
  let colleague: TestClient;
  let ben: TestClient;
  let agent: TestClient;
  let annaAccount: string;
  let benAccount: string;
  let benId: string;
  let colleagueId: string;

  const current = async (client: TestClient) =>
    data<Current>(await client.query('announcement.current'));
  const titles = async (client: TestClient) =>
    (await current(client)).items.map((item) => item.title).sort();
  const publish = async (fields: object) =>
    data<StaffItem>(
      await agent.mutate('staff.announcement.create', {
        title: 'Notice',
        body: 'Something to know.',
        severity: 'info',
        audience: 'all',
        ...fields,
      }),
    );
  const end = async (id: string) =>
    data<StaffItem>(await agent.mutate('staff.announcement.end', { id }));
  const signIn = async (email: string) => {
    const client = portico.client();
    const response = await client.post('/api/auth/sign-in/email', { email, password: PASSWORD });
    assert.ok(response.ok, `sign-in ${response.status}`);
    return client;
  };
  const counts = () =>
    countRows(portico.services, ['announcement', 'announcementAccount', 'announcementDismissal']);

  before(async () => {
    portico = await startTestPortico();
    anna = await portico.personWithSession({ email: 'anna@cafe.test', password: PASSWORD });
    annaPhone = await signIn('anna@cafe.test');
    ben = await portico.personWithSession({ email: 'ben@bistro.test', password: PASSWORD });
    agent = await portico.personWithSession({ email: 'j@vendor.test', role: 'agent' });
    annaAccount = data<{ account: { id: string } }>(await anna.query('session.me')).account.id;
    const benMe = data<{ user: { id: string }; account: { id: string } }>(
      await ben.query('session.me'),
    );
    benAccount = benMe.account.id;
    benId = benMe.user.id;
    // A second person in Anna's account, added as the account page would.
    colleagueId = await createPerson(portico.services.auth, {
      email: 'carl@cafe.test',
      name: 'Carl',
      role: 'customer',
      password: PASSWORD,
    });
    await portico.services.db
      .insertInto('member')
      .values({
        id: newId(),
        organizationId: annaAccount,
        userId: colleagueId,
        role: 'buyer',
        createdAt: new Date().toISOString(),
      })
      .execute();
    colleague = await signIn('carl@cafe.test');
  });
  after(() => portico.close());

  it('shows everyone the public ones, and an account its own; visitors and staff the public ones', async () => {
    const everyone = await publish({ title: 'Holiday hours', severity: 'warning' });
    const annas = await publish({
      title: 'Your delivery is late',
      severity: 'outage',
      audience: 'accounts',
      accountIds: [annaAccount],
    });
    const current = data<Current>(await anna.query('announcement.current'));
    // Outages first.
    assert.deepEqual(
      current.items.map((item) => item.id),
      [annas.id, everyone.id],
    );
    assert.deepEqual(current.items[1], {
      id: everyone.id,
      title: 'Holiday hours',
      body: 'Something to know.',
      severity: 'warning',
      startsAt: everyone.startsAt,
      endsAt: null,
    });
    assert.deepEqual(await titles(colleague), ['Holiday hours', 'Your delivery is late']);
    assert.deepEqual(await titles(ben), ['Holiday hours']);
    assert.deepEqual(await titles(portico.client()), ['Holiday hours']);
    assert.deepEqual(await titles(agent), ['Holiday hours']);

    const listed = data<{ items: StaffItem[] }>(await agent.query('staff.announcement.list'));
    const item = listed.items.find((entry) => entry.id === annas.id);
    assert.deepEqual(
      { ...item, createdAt: undefined, startsAt: undefined },
      {
        id: annas.id,
        title: 'Your delivery is late',
        body: 'Something to know.',
        severity: 'outage',
        startsAt: undefined,
        endsAt: null,
        audience: 'accounts',
        accounts: [{ id: annaAccount, name: 'Test Person' }],
        status: 'active',
        createdAt: undefined,
        createdBy: 'Test Person',
      },
    );
    assert.equal(errorCode(await anna.query('staff.announcement.list')), 'FORBIDDEN');
    await end(everyone.id);
    await end(annas.id);
    assert.deepEqual(await titles(anna), []);
  });

  it('shows one from its start until its end, and says when that changes next', async () => {
    const later = await publish({ title: 'Maintenance', startsAt: inMs(3_600_000) });
    const past = await publish({
      title: 'Old news',
      startsAt: inMs(-7_200_000),
      endsAt: inMs(-3_600_000),
    });
    const closing = await publish({ title: 'Closing soon', endsAt: inMs(1_800_000) });
    assert.equal(later.status, 'scheduled');
    assert.equal(past.status, 'ended');
    assert.equal(closing.status, 'active');
    const seen = await current(ben);
    assert.deepEqual(
      seen.items.map((item) => item.title),
      ['Closing soon'],
    );
    assert.equal(seen.nextChangeAt, closing.endsAt);
    const ended = await end(closing.id);
    assert.equal(ended.status, 'ended');
    assert.ok(ended.endsAt! <= new Date().toISOString());
    assert.equal((await current(ben)).nextChangeAt, later.startsAt);
    // Ending a scheduled one means it never shows.
    assert.equal((await end(later.id)).status, 'ended');
    assert.deepEqual(await current(ben), { items: [], nextChangeAt: null });
  });

  it('tells open pages when one starts or ends by the clock', async () => {
    const stream = await openChanges(portico.client());
    try {
      const soon = await publish({ title: 'Starting soon', startsAt: inMs(600) });
      await stream.until(2); // published
      assert.deepEqual(await titles(portico.client()), []);
      await stream.until(3); // started
      assert.deepEqual(await titles(portico.client()), ['Starting soon']);
      await end(soon.id);
      const brief = await publish({ title: 'Brief', endsAt: inMs(600) });
      await stream.until(5);
      assert.deepEqual(await titles(portico.client()), ['Brief']);
      await stream.until(6); // ended
      assert.deepEqual(await titles(portico.client()), []);
      assert.equal(
        (await current(portico.client())).items.some((item) => item.id === brief.id),
        false,
      );
    } finally {
      stream.close();
    }
  });

  it('hides a dismissed one for that person on every device, not for colleagues', async () => {
    const notice = await publish({ title: 'Price change' });
    const phone = await openChanges(annaPhone);
    try {
      assert.deepEqual(data(await anna.mutate('announcement.dismiss', { id: notice.id })), {
        ok: true,
      });
      // Anna's phone hears of it and reads the banner again.
      assert.deepEqual(await phone.until(2), ['sync', 'change']);
      assert.deepEqual(await titles(annaPhone), []);
      assert.deepEqual(await titles(anna), []);
      assert.deepEqual(await titles(colleague), ['Price change']);
      // Dismissing again changes nothing.
      data(await annaPhone.mutate('announcement.dismiss', { id: notice.id }));
      assert.deepEqual(await titles(annaPhone), []);
      await end(notice.id);
    } finally {
      phone.close();
    }
  });

  it("refuses dismissals of another account's announcement, and visitors' and staff's", async () => {
    const bens = await publish({
      title: 'For the bistro',
      audience: 'accounts',
      accountIds: [benAccount],
    });
    const before = await counts();
    const foreign = await anna.mutate('announcement.dismiss', { id: bens.id });
    assert.equal(errorCode(foreign), 'NOT_FOUND');
    assert.equal(
      errorCode(await anna.mutate('announcement.dismiss', { id: 'no-such-id' })),
      'NOT_FOUND',
    );
    assert.equal(
      errorCode(await portico.client().mutate('announcement.dismiss', { id: bens.id })),
      'UNAUTHORIZED',
    );
    assert.equal(
      errorCode(await agent.mutate('announcement.dismiss', { id: bens.id })),
      'FORBIDDEN',
    );
    assert.deepEqual(await counts(), before);
    assert.deepEqual(await titles(ben), ['For the bistro']);
    data(await ben.mutate('announcement.dismiss', { id: bens.id }));
    assert.deepEqual(await titles(ben), []);
    await end(bens.id);
  });

  it('tells each page only of the changes for it', async () => {
    // Read in process, so that once the stream is stopped everything it heard can be counted.
    const listen = async (viewer: Viewer) => {
      const abort = new AbortController();
      const changes = announcementChanges(
        createInnerContext(portico.services, null),
        viewer,
        abort.signal,
      );
      const first = await changes.next();
      assert.equal(typeOf(first.value), 'sync');
      return async () => {
        abort.abort();
        const types: string[] = [];
        for await (const event of changes) types.push(typeOf(event));
        return types;
      };
    };
    const stops = {
      visitor: await listen({ userId: null, accountId: null }),
      ben: await listen({ userId: benId, accountId: benAccount }),
      carl: await listen({ userId: colleagueId, accountId: annaAccount }),
    };
    const annas = await publish({
      title: 'For the café',
      audience: 'accounts',
      accountIds: [annaAccount],
    });
    data(await anna.mutate('announcement.dismiss', { id: annas.id }));
    const everyone = await publish({ title: 'For all' });
    assert.deepEqual(await stops.visitor(), ['change']);
    assert.deepEqual(await stops.ben(), ['change']);
    assert.deepEqual(await stops.carl(), ['change', 'change', 'change']);

    // Moving the café's announcement to everyone reaches everyone, live.
    const visitor = await openChanges(portico.client());
    try {
      const moved = data<StaffItem>(
        await agent.mutate('staff.announcement.update', {
          id: annas.id,
          title: 'For everyone now',
          body: 'Something to know.',
          severity: 'info',
          audience: 'all',
        }),
      );
      assert.equal(moved.audience, 'all');
      assert.deepEqual(moved.accounts, []);
      assert.equal(moved.startsAt, annas.startsAt);
      assert.deepEqual(await visitor.until(2), ['sync', 'change']);
      assert.deepEqual(await titles(portico.client()), ['For all', 'For everyone now']);
      // Anna dismissed it before it was for everyone: it stays hidden for her.
      assert.deepEqual(await titles(anna), ['For all']);
      await end(annas.id);
      await end(everyone.id);
      assert.deepEqual(await visitor.until(4), ['sync', 'change', 'change', 'change']);
    } finally {
      visitor.close();
    }
  });

  it('refuses unknown accounts and bad fields, writing nothing', async () => {
    const before = await counts();
    const unknown = await agent.mutate('staff.announcement.create', {
      title: 'Lost',
      body: 'Nobody gets this.',
      severity: 'info',
      audience: 'accounts',
      accountIds: [annaAccount, 'no-such-account'],
    });
    assert.equal(errorCode(unknown), 'NOT_FOUND');
    assert.equal(refusalReason(unknown), 'ACCOUNT_NOT_FOUND');
    assert.deepEqual(unknown.body.error?.data.details, {
      field: 'accountIds',
      accountIds: ['no-such-account'],
    });
    const valid = {
      title: 'Valid',
      body: 'A body.',
      severity: 'info',
      audience: 'all',
    };
    const bad: [object, string][] = [
      [{ audience: 'accounts' }, 'accountIds'],
      [{ accountIds: [annaAccount] }, 'accountIds'],
      [{ audience: 'accounts', accountIds: [annaAccount, annaAccount] }, 'accountIds'],
      [{ title: '' }, 'title'],
      [{ title: 'x'.repeat(121) }, 'title'],
      [{ body: 'x'.repeat(2001) }, 'body'],
      [{ severity: 'panic' }, 'severity'],
      [{ startsAt: inMs(60_000), endsAt: inMs(30_000) }, 'endsAt'],
      [{ startsAt: 'tomorrow' }, 'startsAt'],
    ];
    for (const [fields, field] of bad) {
      const answer = await agent.mutate('staff.announcement.create', { ...valid, ...fields });
      assert.equal(errorCode(answer), 'BAD_REQUEST', JSON.stringify(fields));
      assert.ok(answer.body.error?.data.fieldErrors?.[field], JSON.stringify(answer.body.error));
    }
    const notice = await publish({ title: 'To change' });
    const afterCreate = await counts();
    const update = await agent.mutate('staff.announcement.update', {
      id: notice.id,
      ...valid,
      audience: 'accounts',
      accountIds: ['no-such-account'],
    });
    assert.equal(errorCode(update), 'NOT_FOUND');
    assert.equal(
      errorCode(await agent.mutate('staff.announcement.end', { id: 'no-such-id' })),
      'NOT_FOUND',
    );
    assert.deepEqual(await counts(), afterCreate);
    assert.equal(afterCreate.announcement, before.announcement! + 1);
    assert.deepEqual(await titles(ben), ['To change']);
    assert.equal(errorCode(await anna.mutate('staff.announcement.create', valid)), 'FORBIDDEN');
    await end(notice.id);
  });
});
