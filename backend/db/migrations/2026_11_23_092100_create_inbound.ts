import type { Kysely } from 'kysely';

/**
 * The inbound API: the keys the vendor's ERP calls with (only their SHA-256 is kept) and every
 * message it sent that was applied, under the ERP's own id, with the answer it got.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('inboundKey')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('prefix', 'text', (col) => col.notNull())
    .addColumn('keyHash', 'text', (col) => col.notNull().unique())
    .addColumn('createdBy', 'text', (col) => col.notNull())
    .addColumn('createdAt', 'text', (col) => col.notNull())
    .addColumn('lastUsedAt', 'text')
    .addColumn('revokedAt', 'text')
    .execute();

  await db.schema
    .createTable('inboundMessage')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('externalId', 'text', (col) => col.notNull())
    .addColumn('requestHash', 'text', (col) => col.notNull())
    .addColumn('status', 'integer', (col) => col.notNull())
    .addColumn('response', 'text', (col) => col.notNull())
    .addColumn('keyId', 'text', (col) => col.notNull().references('inboundKey.id'))
    .addColumn('createdAt', 'text', (col) => col.notNull())
    .addUniqueConstraint('inboundMessage_kind_externalId', ['kind', 'externalId'])
    .execute();
  // The hourly clean-up deletes old messages by their age.
  await db.schema
    .createIndex('inboundMessage_createdAt')
    .on('inboundMessage')
    .column('createdAt')
    .execute();
}
