import type { Services } from '../services.ts';
import type { Mail } from '../mail/mailer.ts';
import { escapeHtml, mailWords } from '../mail/mail.words.ts';
import { mailButton, mailLayout, mailQuote } from '../mail/templates.ts';
import { wantsMail } from '../notification/notification.kinds.ts';
import type { Locale } from '../i18n/locale.ts';
import { recipientLocale } from '../i18n/request.ts';

const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((part) => `<p>${escapeHtml(part).replace(/\n/g, '<br>')}</p>`)
    .join('');

const quoted = (text: string) => mailQuote(paragraphs(text));

export interface NewTicketFacts {
  vendor: string;
  to: string;
  number: string;
  subject: string;
  kind: string;
  priority: string;
  account: string;
  author: string;
  body: string;
}

export function newTicketMail(facts: NewTicketFacts): Mail {
  const intro = `${facts.author} of ${facts.account} opened ${facts.kind} ${facts.number} with ${facts.priority} priority.`;
  return {
    to: facts.to,
    subject: `[${facts.number}] New ${facts.kind} (${facts.priority}): ${facts.subject}`,
    text: `${intro}\n\n${facts.subject}\n\n${facts.body}\n\n${facts.vendor}`,
    html: mailLayout(
      facts.vendor,
      facts.subject,
      `<p>${escapeHtml(intro)}</p>${quoted(facts.body)}`,
    ),
  };
}

/** What the mail with a staff answer to a customer's ticket says. */
export const TicketMail = {
  GREETING: 'Hello {name},',
  ANSWER_BODY: '{agent} answered your ticket {ticket}.',
  ANSWER_HEADING: 'Re: {subject}',
  ACTION_LINK: 'Read the whole conversation and reply here: {link}',
  ACTION_SIGN_IN: 'Sign in to the {vendor} customer portal to reply.',
  BUTTON: 'Open the ticket',
  NO_REPLY: 'Please answer in the portal; replies to this mail are not read.',
} as const;

export interface AnswerFacts {
  vendor: string;
  to: string;
  name: string;
  number: string;
  subject: string;
  agent: string;
  body: string;
  /** The vendor's page with the ticket open, when the ticket was opened on one. */
  link: string | null;
  locale: Locale;
}

export function answerMail(facts: AnswerFacts): Mail {
  const { vendor, name, link, locale } = facts;
  const w = mailWords(locale, 'TicketMail');
  const intro = { agent: facts.agent, ticket: facts.number };
  const action = (format: 'text' | 'html') =>
    link ? w[format]('ACTION_LINK', { link }) : w[format]('ACTION_SIGN_IN', { vendor });
  return {
    to: facts.to,
    subject: `[${facts.number}] ${facts.subject}`,
    text: [
      w.text('GREETING', { name }),
      w.text('ANSWER_BODY', intro),
      facts.body,
      action('text'),
      w.text('NO_REPLY'),
      vendor,
    ].join('\n\n'),
    html: mailLayout(
      vendor,
      { html: w.html('ANSWER_HEADING', { subject: facts.subject }) },
      `<p>${w.html('GREETING', { name })} ${w.html('ANSWER_BODY', intro)}</p>${mailQuote(paragraphs(facts.body), locale)}${
        link ? mailButton(link, w.text('BUTTON')) : `<p>${action('html')}</p>`
      }<p style="color:#555">${w.html('NO_REPLY')}</p>`,
      locale,
    ),
    ...(link ? { link } : {}),
  };
}

/** Tells staff about a new ticket: the support inbox when one is set, else every staff member. */
export async function mailNewTicket(services: Services, ticketId: string): Promise<void> {
  try {
    const ticket = await services.db
      .selectFrom('ticket')
      .innerJoin('organization', 'organization.id', 'ticket.accountId')
      .innerJoin('ticketMessage', 'ticketMessage.ticketId', 'ticket.id')
      .select([
        'ticket.number',
        'ticket.subject',
        'ticket.kind',
        'ticket.priority',
        'organization.name as account',
        'ticketMessage.authorName as author',
        'ticketMessage.body',
      ])
      .where('ticket.id', '=', ticketId)
      .orderBy('ticketMessage.createdAt')
      .executeTakeFirst();
    if (!ticket) return;
    const settings = services.portalSettings();
    const recipients = settings.supportInbox
      ? [settings.supportInbox]
      : (
          await services.db
            .selectFrom('user')
            .select('email')
            .where('role', 'in', ['agent', 'admin'])
            .execute()
        ).map((row) => row.email);
    for (const to of recipients) {
      await services.mailer.send(newTicketMail({ vendor: settings.vendorName, to, ...ticket }));
    }
  } catch (error) {
    services.log(`ticket ${ticketId}: the new-ticket notice was not sent: ${String(error)}`);
  }
}

/**
 * Mails a staff answer to the person who opened the ticket, or to the account's owner when they
 * have left the account. Runs after the answer is committed; a failure is only logged.
 */
export async function mailAnswer(
  services: Services,
  ticketId: string,
  messageId: string,
): Promise<void> {
  try {
    const found = await services.db
      .selectFrom('ticket')
      .innerJoin('ticketMessage', 'ticketMessage.ticketId', 'ticket.id')
      .innerJoin('member', 'member.organizationId', 'ticket.accountId')
      .innerJoin('user', 'user.id', 'member.userId')
      .select([
        'ticket.id',
        'ticket.number',
        'ticket.subject',
        'ticket.pageUrl',
        'ticketMessage.authorName as agent',
        'ticketMessage.body',
        'user.id as userId',
        'user.name',
        'user.email',
      ])
      .where('ticket.id', '=', ticketId)
      .where('ticketMessage.id', '=', messageId)
      .where('ticketMessage.internal', '=', 0)
      .orderBy((eb) =>
        eb.case().when('user.id', '=', eb.ref('ticket.createdBy')).then(0).else(1).end(),
      )
      .orderBy((eb) => eb.case().when('member.role', '=', 'owner').then(0).else(1).end())
      .executeTakeFirst();
    if (!found) return;
    // They may have turned ticket answers by mail off in their notification settings.
    if (!(await wantsMail(services.db, found.userId, 'ticket_answered'))) return;
    const link = found.pageUrl ? ticketLink(found.pageUrl, found.id) : null;
    const { vendorName, defaultLocale } = services.portalSettings();
    const locale = await recipientLocale(
      services.db,
      { userId: found.userId },
      { fallback: defaultLocale },
    );
    await services.mailer.send(
      answerMail({
        vendor: vendorName,
        to: found.email,
        name: found.name,
        number: found.number,
        subject: found.subject,
        agent: found.agent,
        body: found.body,
        link,
        locale,
      }),
    );
  } catch (error) {
    services.log(`ticket ${ticketId}: the answer mail was not sent: ${String(error)}`);
  }
}

/** The vendor's page with this ticket open in `<portico-ticket-inbox>`. */
export function ticketLink(pageUrl: string, ticketId: string): string {
  const url = new URL(pageUrl);
  url.hash = `ticket=${encodeURIComponent(ticketId)}`;
  return url.href;
}
