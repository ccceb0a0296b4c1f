import { sql, type Kysely } from 'kysely';

/**
 * Tickets: a customer account's questions, complaints and concerns, their message threads
 * (with staff-only notes), tags, an audit of every change, who read what, the files attached
 * to messages, and the replies staff keep ready.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ticket')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('number', 'text', (col) => col.notNull().unique())
    .addColumn('accountId', 'text', (col) => col.notNull().references('organization.id'))
    .addColumn('createdBy', 'text', (col) => col.notNull())
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) =>
      col.notNull().check(sql`kind in ('question', 'complaint', 'concern')`),
    )
    .addColumn('category', 'text')
    .addColumn('priority', 'text', (col) =>
      col.notNull().check(sql`priority in ('low', 'normal', 'high', 'urgent')`),
    )
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('open', 'pending', 'resolved', 'closed')`),
    )
    .addColumn('orderId', 'text', (col) => col.references('order.id'))
    .addColumn('assigneeId', 'text')
    .addColumn('mergedInto', 'text', (col) => col.references('ticket.id'))
    .addColumn('pageUrl', 'text')
    .addColumn('searchText', 'text', (col) => col.notNull())
    // When the customer side and the staff side last wrote to the thread: unread markers compare
    // these with each reader's `ticketRead.readAt`.
    .addColumn('customerAt', 'text', (col) => col.notNull())
    .addColumn('staffAt', 'text')
    .addColumn('resolvedAt', 'text')
    .addColumn('rating', 'integer', (col) => col.check(sql`rating between 1 and 5`))
    .addColumn('ratingComment', 'text')
    .addColumn('ratedBy', 'text')
    .addColumn('ratedAt', 'text')
    .addColumn('createdAt', 'text', (col) => col.notNull())
    .addColumn('updatedAt', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('ticket_account_updated')
    .on('ticket')
    .columns(['accountId', 'updatedAt', 'id'])
    .execute();
  await db.schema
    .createIndex('ticket_queue')
    .on('ticket')
    .columns(['status', 'updatedAt', 'id'])
    .execute();
  await db.schema.createIndex('ticket_assignee').on('ticket').column('assigneeId').execute();

  await db.schema
    .createTable('ticketTag')
    .addColumn('ticketId', 'text', (col) =>
      col.notNull().references('ticket.id').onDelete('cascade'),
    )
    .addColumn('tag', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('ticketTag_pk', ['ticketId', 'tag'])
    .execute();
  await db.schema
    .createIndex('ticketTag_tag')
    .on('ticketTag')
    .columns(['tag', 'ticketId'])
    .execute();

  await db.schema
    .createTable('ticketMessage')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('ticketId', 'text', (col) => col.notNull().references('ticket.id'))
    .addColumn('authorId', 'text')
    .addColumn('authorName', 'text', (col) => col.notNull())
    .addColumn('authorRole', 'text', (col) =>
      col.notNull().check(sql`"authorRole" in ('customer', 'staff', 'system')`),
    )
    .addColumn('body', 'text', (col) => col.notNull())
    // 1 for a staff note the customer never sees.
    .addColumn('internal', 'integer', (col) => col.notNull())
    .addColumn('folded', 'text', (col) => col.notNull())
    .addColumn('createdAt', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('ticketMessage_thread')
    .on('ticketMessage')
    .columns(['ticketId', 'createdAt', 'id'])
    .execute();

  await db.schema
    .createTable('ticketEvent')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('ticketId', 'text', (col) => col.notNull().references('ticket.id'))
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('actorId', 'text')
    .addColumn('actorName', 'text', (col) => col.notNull())
    .addColumn('actorRole', 'text', (col) => col.notNull())
    .addColumn('detail', 'text', (col) => col.notNull())
    .addColumn('internal', 'integer', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('ticketEvent_ticket')
    .on('ticketEvent')
    .columns(['ticketId', 'at'])
    .execute();

  await db.schema
    .createTable('ticketRead')
    .addColumn('ticketId', 'text', (col) =>
      col.notNull().references('ticket.id').onDelete('cascade'),
    )
    .addColumn('userId', 'text', (col) => col.notNull())
    .addColumn('readAt', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('ticketRead_pk', ['ticketId', 'userId'])
    .execute();

  // A file someone uploaded, stored once by its SHA-256 under the data folder. It is nobody's
  // but its uploader's until a message carries it (`messageId`).
  await db.schema
    .createTable('upload')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('sha256', 'text', (col) => col.notNull())
    .addColumn('size', 'integer', (col) => col.notNull().check(sql`size > 0`))
    .addColumn('mediaType', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('uploadedBy', 'text', (col) => col.notNull())
    .addColumn('accountId', 'text')
    .addColumn('messageId', 'text', (col) => col.references('ticketMessage.id'))
    .addColumn('createdAt', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('upload_message').on('upload').column('messageId').execute();
  await db.schema
    .createIndex('upload_uploader')
    .on('upload')
    .columns(['uploadedBy', 'createdAt'])
    .execute();

  await db.schema
    .createTable('cannedReply')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('title', 'text', (col) => col.notNull().unique())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('updatedBy', 'text', (col) => col.notNull())
    .addColumn('updatedAt', 'text', (col) => col.notNull())
    .execute();
}
