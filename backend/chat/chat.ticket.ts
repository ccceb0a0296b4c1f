import { emitEvent } from '../events/event.emit.ts';
import type { Services } from '../services.ts';
import type { Db } from '../db/database.ts';
import { newId } from '../db/id.ts';
import { timestamp } from '../db/clock.ts';
import { refuse } from '../errors.ts';
import { insertTicket } from '../ticket/ticket.write.ts';
import { mailNewTicket } from '../ticket/ticket.mail.ts';
import type { TicketChange } from '../realtime/bus.ts';
import { ChatError } from './chat.errors.ts';
import {
  appendMessage,
  SYSTEM,
  lockedConversation,
  notice,
  updateConversation,
} from './chat.write.ts';
import type { StaffAgent } from './chat.flow.ts';
import { change } from './chat.flow.ts';

const TRANSCRIPT_LIMIT = 60_000;

/** The conversation as plain text, one line per message, times in UTC. */
async function transcript(trx: Db, conversationId: string) {
  const rows = await trx
    .selectFrom('chatMessage')
    .leftJoin('upload', 'upload.chatMessageId', 'chatMessage.id')
    .select([
      'chatMessage.id',
      'chatMessage.kind',
      'chatMessage.authorName',
      'chatMessage.body',
      'chatMessage.detail',
      'chatMessage.createdAt',
      'upload.name as fileName',
    ])
    .where('conversationId', '=', conversationId)
    .orderBy('chatMessage.seq')
    .execute();
  const lines = new Map<string, string>();
  for (const row of rows) {
    const seen = lines.get(row.id);
    if (seen !== undefined) {
      lines.set(row.id, `${seen}\n    (file: ${row.fileName})`);
      continue;
    }
    let text = row.body;
    if (row.kind === 'articles') {
      const { articles } = JSON.parse(row.detail!) as { articles: { title: string }[] };
      text = `suggested: ${articles.map((article) => article.title).join('; ')}`;
    }
    const file = row.fileName ? `\n    (file: ${row.fileName})` : '';
    lines.set(row.id, `[${row.createdAt.slice(11, 16)}] ${row.authorName}: ${text}${file}`);
  }
  const text = `Chat transcript (times in UTC, ${rows[0]?.createdAt.slice(0, 10) ?? ''})\n\n${[...lines.values()].join('\n')}`;
  return text.length > TRANSCRIPT_LIMIT ? `${text.slice(0, TRANSCRIPT_LIMIT)}\n…` : text;
}

/** The chat's files, on the ticket's first message too (the stored bytes are shared). */
async function copyFiles(trx: Db, conversationId: string, messageId: string) {
  const files = await trx
    .selectFrom('upload')
    .innerJoin('chatMessage', 'chatMessage.id', 'upload.chatMessageId')
    .selectAll('upload')
    .where('chatMessage.conversationId', '=', conversationId)
    .execute();
  if (files.length === 0) return;
  await trx
    .insertInto('upload')
    .values(
      files.map((file) => ({
        ...file,
        id: newId(),
        messageId,
        chatMessageId: null,
        createdAt: timestamp(),
      })),
    )
    .execute();
}

/**
 * Ends the chat as a ticket in the customer's name with the whole transcript, in one
 * transaction. `agent` is null when nobody answered in time (the offline fallback).
 */
export async function turnIntoTicket(
  services: Services,
  conversationId: string,
  agent: StaffAgent | null,
): Promise<{ ticketId: string; number: string }> {
  let created: TicketChange | undefined;
  const result = await change(services, conversationId, async (trx) => {
    const row = await lockedConversation(trx, conversationId);
    if (row.status === 'ended') throw refuse('CONFLICT', ChatError, 'ENDED');
    // The no-agent fallback only for a chat still waiting: an agent on another instance may
    // have picked it up since its timer was set.
    if (!agent && row.status !== 'waiting') throw refuse('CONFLICT', ChatError, 'NOT_WAITING');
    if (!row.accountId || !row.userId) throw refuse('CONFLICT', ChatError, 'NO_ACCOUNT');
    created = await insertTicket(
      trx,
      row.accountId,
      { id: row.userId, name: row.customerName, role: 'customer' },
      {
        subject: `Chat: ${row.subject}`.slice(0, 150),
        kind: 'question',
        priority: 'normal',
        tags: ['chat'],
        body: await transcript(trx, conversationId),
        attachmentIds: [],
        ...(row.pageUrl ? { pageUrl: row.pageUrl } : {}),
      },
    );
    await copyFiles(trx, conversationId, created.messageId!);
    const { number } = await trx
      .selectFrom('ticket')
      .select('number')
      .where('id', '=', created.ticketId)
      .executeTakeFirstOrThrow();
    await updateConversation(trx, conversationId, {
      status: 'ended',
      endedAt: timestamp(),
      ticketId: created.ticketId,
    });
    const by = agent ? 'staff' : 'offline';
    await appendMessage(
      trx,
      row,
      SYSTEM,
      notice('ticket', { ticketId: created.ticketId, number, by }),
    );
    if (!agent) {
      await emitEvent(trx, {
        type: 'chat.missed',
        accountId: row.accountId,
        actorId: null,
        conversationId,
        customerId: row.userId,
        ticketId: created.ticketId,
      });
    }
    return { ticketId: created.ticketId, number };
  });
  // A waiting chat's timer may be what ended it: no mutation handles its events.
  await services.events.runNow();
  services.chat.cancel(conversationId);
  services.bus.publish(created!);
  services.background.run('new-ticket mail', () => mailNewTicket(services, result.ticketId));
  return result;
}
