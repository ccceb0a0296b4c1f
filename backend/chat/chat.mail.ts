import type { Services } from '../services.ts';
import type { Mail } from '../mail/mailer.ts';
import { escapeHtml, mailLayout } from '../mail/templates.ts';

export interface ChatReplyFacts {
  vendor: string;
  to: string;
  name: string;
  agent: string;
  body: string;
  /** The page the chat was started on; the chat reopens there. */
  link: string | null;
}

export function chatReplyMail(facts: ChatReplyFacts): Mail {
  const intro = `Hello ${facts.name}, ${facts.agent} answered you in the chat.`;
  const action = facts.link
    ? `Continue the chat here: ${facts.link}`
    : `Open the chat on the ${facts.vendor} site to continue.`;
  const quoted = `<blockquote style="margin:1em 0;padding:.5em 1em;border-left:4px solid #ccc">${escapeHtml(facts.body).replace(/\n/g, '<br>')}</blockquote>`;
  return {
    to: facts.to,
    subject: `${facts.agent} answered your chat`,
    text: `${intro}\n\n${facts.body}\n\n${action}\n\n${facts.vendor}`,
    html: mailLayout(
      facts.vendor,
      'An answer in your chat',
      `<p>${escapeHtml(intro)}</p>${quoted}<p>${escapeHtml(action)}</p>`,
    ),
    ...(facts.link ? { link: facts.link } : {}),
  };
}

/**
 * An agent answered while the customer had the chat closed: the answer goes by mail, at most
 * one mail per conversation in ten minutes. Runs after the answer is committed.
 */
export async function mailChatReply(
  services: Services,
  conversationId: string,
  agent: string,
  body: string,
): Promise<void> {
  if (services.chat.isWatched(conversationId)) return;
  if (services.chat.replyMails.take(conversationId) !== null) return;
  try {
    const row = await services.db
      .selectFrom('chatConversation')
      .select(['customerName', 'customerEmail', 'pageUrl'])
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    await services.mailer.send(
      chatReplyMail({
        vendor: services.portalSettings().vendorName,
        to: row.customerEmail,
        name: row.customerName,
        agent,
        body,
        link: row.pageUrl,
      }),
    );
  } catch (error) {
    services.log(`chat ${conversationId}: the reply mail was not sent: ${String(error)}`);
  }
}
