import { sql, type Kysely } from 'kysely';

/**
 * The customer ledger: invoices are debits, payments and credit notes are credits, and
 * allocations say which credit settled which invoice. Balances are always summed from these
 * rows, never stored. Also the person's preferred locale.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Invoice and credit-note numbers run without gaps per year, as tax authorities require.
  await db.schema
    .createTable('ledgerCounter')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('value', 'integer', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('invoice')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('number', 'text', (col) => col.notNull().unique())
    .addColumn('accountId', 'text', (col) => col.notNull().references('organization.id'))
    .addColumn('orderId', 'text', (col) => col.unique().references('order.id'))
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('issuedOn', 'text', (col) => col.notNull())
    .addColumn('dueOn', 'text', (col) => col.notNull())
    .addColumn('subtotal', 'integer', (col) => col.notNull())
    .addColumn('tax', 'integer', (col) => col.notNull())
    .addColumn('total', 'integer', (col) => col.notNull().check(sql`total >= 0`))
    .addColumn('billTo', 'text', (col) => col.notNull())
    .addColumn('note', 'text', (col) => col.notNull().defaultTo(''))
    // 1 while money is still due on it: kept by every ledger write (see `settle`) so that open
    // invoices are found through an index, not by summing the allocations of all of them.
    .addColumn('awaitingPayment', 'integer', (col) => col.notNull())
    .addColumn('voidedAt', 'text')
    .addColumn('voidReason', 'text')
    .addColumn('createdBy', 'text', (col) => col.notNull())
    .addColumn('createdAt', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('invoice_account_issued')
    .on('invoice')
    .columns(['accountId', 'issuedOn', 'id'])
    .execute();
  // The balance sums these columns on every overview; covering indexes keep that to an index
  // scan however long the account's history is.
  await db.schema
    .createIndex('invoice_account_total')
    .on('invoice')
    .columns(['accountId', 'voidedAt', 'total'])
    .execute();
  await db.schema
    .createIndex('invoice_account_awaiting')
    .on('invoice')
    .columns(['accountId', 'awaitingPayment', 'dueOn'])
    .execute();

  await db.schema
    .createTable('invoiceLine')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('invoiceId', 'text', (col) =>
      col.notNull().references('invoice.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('sku', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('quantity', 'integer', (col) => col.notNull().check(sql`quantity > 0`))
    .addColumn('unitPrice', 'integer', (col) => col.notNull())
    .addColumn('taxRate', 'integer', (col) => col.notNull())
    .addColumn('subtotal', 'integer', (col) => col.notNull())
    .addColumn('tax', 'integer', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('invoiceLine_invoice')
    .on('invoiceLine')
    .column('invoiceId')
    .execute();

  await db.schema
    .createTable('payment')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('accountId', 'text', (col) => col.notNull().references('organization.id'))
    .addColumn('amount', 'integer', (col) => col.notNull().check(sql`amount > 0`))
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('receivedOn', 'text', (col) => col.notNull())
    .addColumn('method', 'text', (col) => col.notNull())
    .addColumn('reference', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('idempotencyKey', 'text', (col) => col.notNull().unique())
    .addColumn('postedBy', 'text', (col) => col.notNull())
    .addColumn('createdAt', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('payment_account_received')
    .on('payment')
    .columns(['accountId', 'receivedOn', 'id'])
    .execute();
  await db.schema
    .createIndex('payment_account_amount')
    .on('payment')
    .columns(['accountId', 'amount'])
    .execute();

  await db.schema
    .createTable('creditNote')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('number', 'text', (col) => col.notNull().unique())
    .addColumn('accountId', 'text', (col) => col.notNull().references('organization.id'))
    .addColumn('invoiceId', 'text', (col) => col.references('invoice.id'))
    .addColumn('amount', 'integer', (col) => col.notNull().check(sql`amount > 0`))
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('issuedOn', 'text', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('createdBy', 'text', (col) => col.notNull())
    .addColumn('createdAt', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('creditNote_account')
    .on('creditNote')
    .columns(['accountId', 'issuedOn', 'amount'])
    .execute();

  // Exactly one of paymentId and creditNoteId names the credit that settles (part of) an invoice.
  await db.schema
    .createTable('allocation')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('invoiceId', 'text', (col) =>
      col.notNull().references('invoice.id').onDelete('cascade'),
    )
    .addColumn('paymentId', 'text', (col) => col.references('payment.id'))
    .addColumn('creditNoteId', 'text', (col) => col.references('creditNote.id'))
    .addColumn('amount', 'integer', (col) => col.notNull().check(sql`amount > 0`))
    .addColumn('createdAt', 'text', (col) => col.notNull())
    .addCheckConstraint(
      'allocation_one_credit',
      sql`("paymentId" is null) <> ("creditNoteId" is null)`,
    )
    .execute();
  await db.schema.createIndex('allocation_invoice').on('allocation').column('invoiceId').execute();
  await db.schema.createIndex('allocation_payment').on('allocation').column('paymentId').execute();
  await db.schema
    .createIndex('allocation_creditNote')
    .on('allocation')
    .column('creditNoteId')
    .execute();

  await db.schema
    .createTable('preference')
    .addColumn('userId', 'text', (col) =>
      col.primaryKey().references('user.id').onDelete('cascade'),
    )
    .addColumn('locale', 'text')
    .addColumn('updatedAt', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'preference',
    'allocation',
    'creditNote',
    'payment',
    'invoiceLine',
    'invoice',
    'ledgerCounter',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
