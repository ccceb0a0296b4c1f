import { catalogueError, ServerError } from '../errors.ts';
import { z } from 'zod';

/** An opaque page token: the sort key of the last row shown, base64url-encoded. */
export const cursorInput = z.string().max(400).optional();

const keySchema = z.array(z.string().max(300)).min(1).max(4);

export function encodeCursor(key: string[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string[] | null {
  if (cursor === undefined) return null;
  try {
    return keySchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString()));
  } catch {
    throw catalogueError('BAD_REQUEST', ServerError, 'BAD_CURSOR');
  }
}

export const pageLimit = (fallback: number) => z.number().int().min(1).max(50).default(fallback);

/** Cuts one extra row off a page query's result and turns it into the next cursor. */
export function page<Row>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => string[],
): { items: Row[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null,
  };
}
