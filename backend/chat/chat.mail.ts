import type { Services } from '../services.ts';
import type { Mail } from '../mail/mailer.ts';
import { escapeHtml, mailWords } from '../mail/mail.words.ts';
import { mailLayout, mailQuote } from '../mail/templates.ts';
import { isLocale, type Locale } from '../i18n/locale.ts';
import { recipientLocale } from '../i18n/request.ts';

/** What the mail with an agent's chat answer says. */
export const ChatMail = {
  GREETING: 'Hello {name},',
  SUBJECT: '{agent} answered your chat',
  HEADING: 'An answer in your chat',
  BODY: '{agent} answered you in the chat.',
  ACTION_LINK: 'Continue the chat here: {link}',
  ACTION_SITE: 'Open the chat on the {vendor} site to continue.',
} as const;

export interface ChatReplyFacts {
  vendor: string;
  to: string;
  name: string;
  agent: string;
  body: string;
  /** The page the chat was started on; the chat reopens there. */
  link: string | null;
  locale: Locale;
}

export function chatReplyMail(facts: ChatReplyFacts): Mail {
  const { vendor, name, agent, link, locale } = facts;
  const w = mailWords(locale, 'ChatMail');
  const action = (format: 'text' | 'html') =>
    link ? w[format]('ACTION_LINK', { link }) : w[format]('ACTION_SITE', { vendor });
  const quoted = mailQuote(escapeHtml(facts.body).replace(/\n/g, '<br>'), locale);
  return {
    to: facts.to,
    subject: w.text('SUBJECT', { agent }),
    text: [
      w.text('GREETING', { name }),
      w.text('BODY', { agent }),
      facts.body,
      action('text'),
      vendor,
    ].join('\n\n'),
    html: mailLayout(
      vendor,
      w.text('HEADING'),
      `<p>${w.html('GREETING', { name })} ${w.html('BODY', { agent })}</p>${quoted}<p>${action('html')}</p>`,
      locale,
    ),
    ...(link ? { link } : {}),
  };
}

/**
 * An agent answered while the customer had the chat closed (on every instance): the answer goes
 * by mail, at most one mail per conversation in ten minutes. Runs after the answer is committed.
 */
export async function mailChatReply(
  services: Services,
  conversationId: string,
  agent: string,
  body: string,
): Promise<void> {
  if (await services.chat.isWatched(conversationId)) return;
  if ((await services.chat.replyMails.take(conversationId)) !== null) return;
  try {
    const row = await services.db
      .selectFrom('chatConversation')
      .select(['customerName', 'customerEmail', 'pageUrl', 'userId', 'locale'])
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    const { vendorName, defaultLocale } = services.portalSettings();
    // A visitor without an account gets the language the chat was started in.
    const locale = await recipientLocale(
      services.db,
      { userId: row.userId },
      { fallback: isLocale(row.locale) ? row.locale : defaultLocale },
    );
    await services.mailer.send(
      chatReplyMail({
        vendor: vendorName,
        to: row.customerEmail,
        name: row.customerName,
        agent,
        body,
        link: row.pageUrl,
        locale,
      }),
    );
  } catch (error) {
    services.log(`chat ${conversationId}: the reply mail was not sent: ${String(error)}`);
  }
}
