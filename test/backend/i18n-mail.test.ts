import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { formatMoney, formatNumber } from '../../backend/i18n/format.ts';
import { escapeHtml } from '../../backend/mail/mail.words.ts';
import {
  startTestPortico,
  TEST_ORIGIN,
  type TestClient,
  type TestPortico,
} from '../support/portico.ts';
import { ADDRESS, seedTestCatalog } from '../support/catalog.ts';
import { quoteFor } from '../support/ordering.ts';
import { data } from '../support/tickets.ts';
import { callIn, customerIn, say, type Customer } from '../support/i18n-world.ts';
import type { ReceivedMail } from '../support/mailbox.ts';

/**
 * Mails in the recipient's language, over real SMTP: which language each mail is written in,
 * the Persian ones right to left with numbers in Persian digits, and every value a customer
 * or agent typed escaped and isolated in `<bdi>`.
 */

describe('server languages: mails', () => {
  let portico: TestPortico;
  let ids: Awaited<ReturnType<typeof seedTestCatalog>>;
  let agent: TestClient;
  let vendor: string;
  /** Saved languages: German, Greek, Persian; and one who chose none. */
  let dora: Customer;
  let eleni: Customer;
  let farid: Customer;
  let plain: Customer;

  async function order(who: Customer, language?: string) {
    const items = [{ productId: ids.beans, quantity: 2 }];
    const { total } = await quoteFor(who.client, items);
    const placed = await callIn(
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
    ids = await seedTestCatalog(portico.services);
    vendor = portico.services.portalSettings().vendorName;
    agent = await portico.personWithSession({
      email: 'jonas@vendor.test',
      name: 'Jonas',
      role: 'agent',
    });
    dora = await customerIn(portico, 'dora@cafe.test', 'Dora', 'de');
    eleni = await customerIn(portico, 'eleni@cafe.test', 'Eleni', 'el');
    farid = await customerIn(portico, 'farid@cafe.test', 'Farid', 'fa');
    plain = await customerIn(portico, 'pat@cafe.test', 'Pat', null);
  });
  after(() => portico.close());

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

  it('lays a Persian order mail out right to left, its quantities in Persian digits', async () => {
    const linesOf = (mail: ReceivedMail) => mail.html.slice(mail.html.indexOf('<table'));
    const persian = await order(farid);
    const rtl = await mailTo(
      farid.email,
      say('fa', 'OrderMail', 'PLACED_SUBJECT', { vendor, order: persian.number }),
    );
    assert.ok(rtl.text.includes(`${formatNumber('fa', 2)} × `), rtl.text);
    assert.doesNotMatch(rtl.text, /\b2 × /);
    // The gap after a line's name and the amounts are on the left, where a Persian line ends.
    const table = linesOf(rtl);
    assert.match(table, /<td style="padding:4px 0;padding-left:12px">۲ × <bdi>/);
    assert.match(table, /text-align:left/);
    assert.doesNotMatch(table, /padding-right|text-align:right|padding:4px 12px 4px 0/);
    // The Latin order number in the Persian heading is isolated, as in the sentences.
    assert.match(rtl.html, new RegExp(`<h1[^>]*>[^<]*<bdi>${persian.number}</bdi>[^<]*</h1>`));

    const german = await order(dora);
    const ltr = await mailTo(
      dora.email,
      say('de', 'OrderMail', 'PLACED_SUBJECT', { vendor, order: german.number }),
    );
    assert.match(linesOf(ltr), /<td style="padding:4px 0;padding-right:12px">2 × <bdi>/);
    assert.match(linesOf(ltr), /text-align:right/);
  });

  it('escapes a hostile name and isolates it in <bdi> in a Persian invitation', async () => {
    const hostile = `Mal <b>&"' lory`;
    const escaped = 'Mal &#60;b&#62;&#38;&#34;&#39; lory';
    assert.equal(escapeHtml(hostile), escaped);
    const owner = await portico.personWithSession({ email: 'mal@evil.test', name: hostile });
    const account = data<{ account: { name: string } }>(await owner.query('session.me')).account
      .name;
    assert.equal(account, hostile, 'the account is named after its owner');
    data(
      await owner.mutate('account.invite', {
        email: farid.email,
        role: 'viewer',
        returnTo: `${TEST_ORIGIN}/account.html`,
      }),
    );
    const mail = await mailTo(
      farid.email,
      say('fa', 'AccountMail', 'INVITE_SUBJECT', { inviter: hostile, account, vendor }),
    );
    assert.match(htmlOf(mail), /<html lang="fa" dir="rtl">/);
    // Heading (account), body (inviter, account) and the closing line (inviter).
    assert.equal(mail.html.split(`<bdi>${escaped}</bdi>`).length - 1, 4, mail.html);
    assert.ok(!mail.html.includes(hostile), 'the name never goes into the HTML as it is');
    assert.doesNotMatch(mail.html, /<b>|&"'/);
    // The plain part is text: the name reads as it was typed.
    assert.ok(mail.text.includes(say('fa', 'AccountMail', 'INVITE_IGNORE', { inviter: hostile })));
  });

  it('escapes an agent’s name and a ticket’s subject in a Greek answer mail', async () => {
    const agentName = `Jo <b>&"' nas`;
    const subject = `Beans <script>alert("x")</script>`;
    const hostileAgent = await portico.personWithSession({
      email: 'jo@vendor.test',
      name: agentName,
      role: 'agent',
    });
    const ticket = data<{ id: string; number: string; subject: string }>(
      await eleni.client.mutate('ticket.create', { subject, kind: 'question', body: 'Fresh?' }),
    );
    data(
      await hostileAgent.mutate('staff.ticket.reply', { ticketId: ticket.id, body: '<i>Yes</i>' }),
    );
    const mail = await mailTo(eleni.email, `[${ticket.number}] ${subject}`);
    assert.match(htmlOf(mail), /<html lang="el" dir="ltr">/);
    assert.ok(mail.html.includes('<bdi>Jo &#60;b&#62;&#38;&#34;&#39; nas</bdi>'), mail.html);
    assert.ok(
      mail.html.includes('<bdi>Beans &#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;</bdi>'),
      'the subject in the heading is escaped and isolated',
    );
    assert.ok(mail.html.includes('&#60;i&#62;Yes&#60;/i&#62;'), 'the answer is quoted as text');
    assert.doesNotMatch(mail.html, /<script|<i>|<b>/);
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
});
