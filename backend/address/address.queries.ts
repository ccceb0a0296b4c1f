import type { Transaction } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { newId } from '../db/id.ts';
import { parseStoredAddress, type Address } from './address.schema.ts';
import { timestamp } from '../db/clock.ts';

export const ADDRESS_BOOK_LIMIT = 50;

export interface SavedAddress {
  id: string;
  label: string;
  isDefault: boolean;
  address: Address;
}

export async function listAddresses(db: Db, accountId: string): Promise<SavedAddress[]> {
  const rows = await db
    .selectFrom('address')
    .select(['id', 'label', 'value', 'isDefault'])
    .where('accountId', '=', accountId)
    .orderBy('isDefault', 'desc')
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    label: row.label,
    isDefault: row.isDefault === 1,
    address: parseStoredAddress(row.value),
  }));
}

export type SaveResult = SavedAddress | 'NOT_FOUND' | 'TOO_MANY';

/** Adds an address, or replaces one of this account's by id; a new default unsets the old one. */
export async function saveAddress(db: Db, accountId: string, input: AddressInput) {
  return db.transaction().execute((trx) => saveAddressIn(trx, accountId, input));
}

export interface AddressInput {
  id?: string | undefined;
  label: string;
  isDefault: boolean;
  address: Address;
}

/** `saveAddress` inside a transaction the caller already holds. */
export async function saveAddressIn(
  trx: Transaction<Database>,
  accountId: string,
  input: AddressInput,
): Promise<SaveResult> {
  const { count } = await trx
    .selectFrom('address')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('accountId', '=', accountId)
    .executeTakeFirstOrThrow();
  const value = JSON.stringify(input.address);
  let id = input.id;
  if (id) {
    const updated = await trx
      .updateTable('address')
      .set({ label: input.label, value })
      .where('id', '=', id)
      .where('accountId', '=', accountId)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) return 'NOT_FOUND';
  } else {
    if (Number(count) >= ADDRESS_BOOK_LIMIT) return 'TOO_MANY';
    id = newId();
    await trx
      .insertInto('address')
      .values({
        id,
        accountId,
        label: input.label,
        value,
        isDefault: 0,
        createdAt: timestamp(),
      })
      .execute();
  }
  // The first address an account saves is its default until it picks another.
  const makeDefault = input.isDefault || Number(count) === 0;
  if (makeDefault) {
    await trx
      .updateTable('address')
      .set((eb) => ({ isDefault: eb.case().when('id', '=', id).then(1).else(0).end() }))
      .where('accountId', '=', accountId)
      .execute();
  }
  const row = await trx
    .selectFrom('address')
    .select('isDefault')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { id, label: input.label, isDefault: row.isDefault === 1, address: input.address };
}

/** Removes one of the account's addresses; the oldest remaining one becomes the default. */
export async function removeAddress(db: Db, accountId: string, id: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('address')
      .where('id', '=', id)
      .where('accountId', '=', accountId)
      .returning('isDefault')
      .executeTakeFirst();
    if (!removed) return false;
    if (removed.isDefault === 1) {
      const next = await trx
        .selectFrom('address')
        .select('id')
        .where('accountId', '=', accountId)
        .orderBy('createdAt')
        .orderBy('id')
        .executeTakeFirst();
      if (next) {
        await trx.updateTable('address').set({ isDefault: 1 }).where('id', '=', next.id).execute();
      }
    }
    return true;
  });
}
