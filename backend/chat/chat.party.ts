import { createHash, randomBytes } from 'node:crypto';
import type { Context } from '../context.ts';
import { newId } from '../db/id.ts';
import { timestamp } from '../db/clock.ts';
import { isStaffRole } from '../session/roles.ts';
import { needsSecondFactor } from '../session/session.cache.ts';
import { SessionError } from '../session/session.errors.ts';
import { catalogueError, refuse, ServerError } from '../errors.ts';
import { ChatError } from './chat.errors.ts';
import { cookieAttributes, setCookieHeader } from '../http/cookies.ts';
import type { ConversationRow } from './chat.queries.ts';

/** The cookie that remembers a visitor who chatted without signing in. Never readable by scripts. */
export const VISITOR_COOKIE = 'portico_chat';
const VISITOR_DAYS = 30;

/** Who is chatting on the customer side. */
export type ChatParty =
  | { kind: 'customer'; userId: string; accountId: string; name: string; email: string }
  | { kind: 'visitor'; contactId: string; name: string; email: string };

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

function visitorToken(ctx: Context): string | null {
  const header = ctx.http?.headers.get('cookie') ?? '';
  for (const pair of header.split(';')) {
    const [name, value] = pair.trim().split('=');
    if (name === VISITOR_COOKIE && value && /^[\w-]{20,100}$/.test(value)) return value;
  }
  return null;
}

function setVisitorCookie(ctx: Context, token: string, maxAge: number): void {
  const { config } = ctx.services;
  const attributes = cookieAttributes(config, `${config.publicPath}/api`);
  ctx.http?.resHeaders.append(
    'set-cookie',
    setCookieHeader(VISITOR_COOKIE, token, maxAge, attributes),
  );
}

async function contactOf(ctx: Context) {
  const token = visitorToken(ctx);
  if (!token) return undefined;
  return ctx.services.db
    .selectFrom('chatContact')
    .selectAll()
    .where('tokenHash', '=', hashOf(token))
    .executeTakeFirst();
}

/**
 * A visitor who signs in with the email they chatted under brings their conversations into the
 * account (same browser and same email; anything else stays the visitor's).
 */
async function adoptVisitor(ctx: Context, party: Extract<ChatParty, { kind: 'customer' }>) {
  const contact = await contactOf(ctx);
  if (!contact || contact.accountId) return;
  if (contact.email.toLowerCase() !== party.email.toLowerCase()) return;
  await ctx.services.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('chatContact')
      .set({ accountId: party.accountId, userId: party.userId })
      .where('id', '=', contact.id)
      .execute();
    await trx
      .updateTable('chatConversation')
      .set({ accountId: party.accountId, userId: party.userId })
      .where('contactId', '=', contact.id)
      .where('accountId', 'is', null)
      .execute();
  });
  setVisitorCookie(ctx, '', 0);
}

/** The customer or visitor calling, or null for someone who has not chatted yet. */
export async function partyOf(ctx: Context): Promise<ChatParty | null> {
  const { session } = ctx;
  if (session) {
    if (isStaffRole(session.role)) throw refuse('FORBIDDEN', ChatError, 'STAFF_SESSION');
    if (needsSecondFactor(session))
      throw refuse('FORBIDDEN', SessionError, 'SECOND_FACTOR_REQUIRED');
    if (!session.account) throw catalogueError('FORBIDDEN', ServerError, 'NO_CUSTOMER_ACCOUNT');
    const party = {
      kind: 'customer' as const,
      userId: session.userId,
      accountId: session.account.accountId,
      name: session.name,
      email: session.email,
    };
    await adoptVisitor(ctx, party);
    return party;
  }
  const contact = await contactOf(ctx);
  if (!contact || contact.accountId) return null;
  return { kind: 'visitor', contactId: contact.id, name: contact.name, email: contact.email };
}

/** A new visitor: remembered by a cookie holding a random token, stored only as its hash. */
export async function newVisitor(
  ctx: Context,
  visitor: { name: string; email: string },
): Promise<ChatParty> {
  const token = randomBytes(32).toString('base64url');
  const id = newId();
  await ctx.services.db
    .insertInto('chatContact')
    .values({
      id,
      name: visitor.name,
      email: visitor.email,
      tokenHash: hashOf(token),
      accountId: null,
      userId: null,
      createdAt: timestamp(),
    })
    .execute();
  setVisitorCookie(ctx, token, VISITOR_DAYS * 86_400);
  return { kind: 'visitor', contactId: id, ...visitor };
}

/** Whether the party may see this conversation: their account's, or the visitor's own. */
export function mayRead(party: ChatParty, row: ConversationRow): boolean {
  return party.kind === 'customer'
    ? row.accountId === party.accountId
    : row.accountId === null && row.contactId === party.contactId;
}

/** Rate-limit key for starting chats: the person, and separately their address. */
export const partyKey = (party: ChatParty) =>
  party.kind === 'customer' ? `user:${party.userId}` : `contact:${party.email.toLowerCase()}`;
