import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('category')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('categoryText')
    .addColumn('categoryId', 'text', (col) =>
      col.notNull().references('category.id').onDelete('cascade'),
    )
    .addColumn('locale', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('categoryText_pk', ['categoryId', 'locale'])
    .execute();

  await db.schema
    .createTable('product')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('sku', 'text', (col) => col.notNull().unique())
    .addColumn('categoryId', 'text', (col) => col.notNull().references('category.id'))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('product', 'service')`))
    .addColumn('unitPrice', 'integer', (col) => col.notNull().check(sql`"unitPrice" >= 0`))
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('taxRate', 'integer', (col) => col.notNull().check(sql`"taxRate" >= 0`))
    .addColumn('stock', 'integer', (col) => col.check(sql`stock is null or stock >= 0`))
    .addColumn('image', 'text')
    .addColumn('active', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('searchText', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('createdAt', 'text', (col) => col.notNull())
    .addColumn('updatedAt', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('product_category').on('product').column('categoryId').execute();
  await db.schema
    .createTable('productText')
    .addColumn('productId', 'text', (col) =>
      col.notNull().references('product.id').onDelete('cascade'),
    )
    .addColumn('locale', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('productText_pk', ['productId', 'locale'])
    .execute();

  await db.schema
    .createTable('address')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('accountId', 'text', (col) =>
      col.notNull().references('organization.id').onDelete('cascade'),
    )
    .addColumn('label', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('value', 'text', (col) => col.notNull())
    .addColumn('isDefault', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('createdAt', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('address_account').on('address').column('accountId').execute();

  await db.schema
    .createTable('order')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('number', 'text', (col) => col.notNull().unique())
    .addColumn('accountId', 'text', (col) => col.notNull().references('organization.id'))
    .addColumn('placedBy', 'text', (col) => col.references('user.id').onDelete('set null'))
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .check(sql`status in ('placed', 'confirmed', 'shipped', 'delivered', 'cancelled')`),
    )
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('subtotal', 'integer', (col) => col.notNull())
    .addColumn('tax', 'integer', (col) => col.notNull())
    .addColumn('shipping', 'integer', (col) => col.notNull())
    .addColumn('total', 'integer', (col) => col.notNull())
    .addColumn('address', 'text', (col) => col.notNull())
    .addColumn('note', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('trackingNumber', 'text')
    .addColumn('idempotencyKey', 'text', (col) => col.notNull())
    .addColumn('requestHash', 'text', (col) => col.notNull())
    .addColumn('searchText', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('createdAt', 'text', (col) => col.notNull())
    .addColumn('updatedAt', 'text', (col) => col.notNull())
    .addUniqueConstraint('order_idempotency', ['accountId', 'idempotencyKey'])
    .execute();
  await db.schema
    .createIndex('order_account_created')
    .on('order')
    .columns(['accountId', 'createdAt', 'id'])
    .execute();
  await db.schema.createIndex('order_created').on('order').columns(['createdAt', 'id']).execute();

  await db.schema
    .createTable('orderLine')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('orderId', 'text', (col) => col.notNull().references('order.id').onDelete('cascade'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('productId', 'text', (col) => col.references('product.id').onDelete('set null'))
    .addColumn('sku', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('quantity', 'integer', (col) => col.notNull().check(sql`quantity > 0`))
    .addColumn('unitPrice', 'integer', (col) => col.notNull())
    .addColumn('taxRate', 'integer', (col) => col.notNull())
    .addColumn('subtotal', 'integer', (col) => col.notNull())
    .addColumn('tax', 'integer', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('orderLine_order').on('orderLine').column('orderId').execute();

  await db.schema
    .createTable('orderEvent')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('orderId', 'text', (col) => col.notNull().references('order.id').onDelete('cascade'))
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('actorId', 'text')
    .addColumn('actorName', 'text', (col) => col.notNull())
    .addColumn('actorRole', 'text', (col) => col.notNull())
    .addColumn('detail', 'text', (col) => col.notNull().defaultTo('{}'))
    .addColumn('at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('orderEvent_order')
    .on('orderEvent')
    .columns(['orderId', 'at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'orderEvent',
    'orderLine',
    'order',
    'address',
    'productText',
    'product',
    'categoryText',
    'category',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
