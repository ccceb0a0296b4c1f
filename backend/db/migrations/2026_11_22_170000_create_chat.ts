import { sql, type Kysely } from 'kysely';

/**
 * Live chat: visitors who chatted before signing in, conversations with their status and read
 * receipts, and the numbered messages a reconnecting stream resumes from.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('chatContact')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('tokenHash', 'text', (col) => col.notNull().unique())
    .addColumn('accountId', 'text', (col) => col.references('organization.id'))
    .addColumn('userId', 'text')
    .addColumn('createdAt', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('chatConversation')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('accountId', 'text', (col) => col.references('organization.id'))
    .addColumn('userId', 'text')
    .addColumn('contactId', 'text', (col) => col.references('chatContact.id'))
    .addColumn('customerName', 'text', (col) => col.notNull())
    .addColumn('customerEmail', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('bot', 'waiting', 'active', 'ended')`),
    )
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('locale', 'text', (col) => col.notNull())
    .addColumn('pageUrl', 'text')
    .addColumn('agentId', 'text')
    .addColumn('agentName', 'text')
    .addColumn('ticketId', 'text', (col) => col.references('ticket.id'))
    .addColumn('lastSeq', 'integer', (col) => col.notNull())
    .addColumn('deliveredToStaff', 'integer', (col) => col.notNull())
    .addColumn('readByStaff', 'integer', (col) => col.notNull())
    .addColumn('deliveredToCustomer', 'integer', (col) => col.notNull())
    .addColumn('readByCustomer', 'integer', (col) => col.notNull())
    .addColumn('createdAt', 'text', (col) => col.notNull())
    .addColumn('queuedAt', 'text')
    .addColumn('pickedAt', 'text')
    .addColumn('endedAt', 'text')
    .addColumn('lastMessageAt', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('chatConversation_account')
    .on('chatConversation')
    .columns(['accountId', 'createdAt'])
    .execute();
  await db.schema
    .createIndex('chatConversation_contact')
    .on('chatConversation')
    .columns(['contactId', 'createdAt'])
    .execute();
  await db.schema
    .createIndex('chatConversation_status')
    .on('chatConversation')
    .columns(['status', 'queuedAt'])
    .execute();

  await db.schema
    .createTable('chatMessage')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('conversationId', 'text', (col) => col.notNull().references('chatConversation.id'))
    .addColumn('seq', 'integer', (col) => col.notNull())
    .addColumn('kind', 'text', (col) =>
      col.notNull().check(sql`kind in ('text', 'articles', 'notice')`),
    )
    .addColumn('authorRole', 'text', (col) =>
      col.notNull().check(sql`"authorRole" in ('customer', 'staff', 'bot', 'system')`),
    )
    .addColumn('authorId', 'text')
    .addColumn('authorName', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('detail', 'text')
    .addColumn('clientId', 'text')
    .addColumn('createdAt', 'text', (col) => col.notNull())
    .addUniqueConstraint('chatMessage_seq', ['conversationId', 'seq'])
    .addUniqueConstraint('chatMessage_client', ['conversationId', 'clientId'])
    .execute();

  // A file sent in a chat is carried by a chat message, as a ticket's is by a ticket message.
  await db.schema
    .alterTable('upload')
    .addColumn('chatMessageId', 'text', (col) => col.references('chatMessage.id'))
    .execute();
  await db.schema.createIndex('upload_chatMessage').on('upload').column('chatMessageId').execute();
}
