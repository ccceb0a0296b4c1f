import { msg, str } from '@lit/localize';
import { TRPCClientError } from '@trpc/client';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../backend/router.ts';
import type { SessionState } from '../api/session.ts';
import { errorMessage, refusalReason } from '../api/errors.ts';
import { formatNumber } from '../shared/format.ts';

export { renderTaskError } from '../shared/task.ts';

type Chat = inferRouterOutputs<AppRouter>['chat'];

export type ChatView = Chat['current'];
export type ChatConversation = NonNullable<ChatView['conversation']>;
export type ChatMessage = ChatView['messages'][number];
export type ChatArticle = ChatMessage['articles'][number];
export type ChatAttachment = ChatMessage['attachments'][number];
export type ChatAvailability = ChatView['availability'];
export type ChatVisitor = NonNullable<ChatView['visitor']>;

type Stream = Chat['onEvent'];
/** One event of `chat.onEvent`, without tRPC's tracking envelope. */
export type ChatEvent =
  Stream extends AsyncIterable<infer Item>
    ? Item extends { data: infer Data }
      ? Data
      : Item
    : never;

/** The server's limits (see the chat contract). */
export const MAX_MESSAGE = 2000;
export const MAX_FILES = 3;
/** `chat.typing` goes out at most this often while the customer types. */
export const TYPING_EVERY = 2_000;
/** How long "… is typing" stays without news from the agent's side. */
export const TYPING_SHOWN = 6_000;
/** A message still on its way after this long says so. */
export const SLOW_SEND = 3_000;

/** sessionStorage key: the panel was open, so it opens again on the vendor's next page. */
export const OPEN_KEY = 'portico-chat-open';
/** What a vendor dispatches on `document` to open the chat from a button of their own. */
export const OPEN_EVENT = 'portico-chat-open';

/** Whether the panel was open on the tab's last page. */
export function wasOpen(): boolean {
  try {
    return sessionStorage.getItem(OPEN_KEY) === '1';
  } catch {
    // Storage is blocked: the panel starts closed on every page.
    return false;
  }
}

export function rememberOpen(open: boolean): void {
  try {
    if (open) sessionStorage.setItem(OPEN_KEY, '1');
    else sessionStorage.removeItem(OPEN_KEY);
  } catch {
    // Storage is blocked: only this page knows.
  }
}

/** The focused element, looking into shadow roots, to give focus back to when the panel closes. */
export function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/**
 * Who is chatting on this page: a signed-in customer, a guest (a visitor or someone who has not
 * chatted yet), staff (whose sessions the chat refuses), or not yet known.
 */
export type Party = 'unknown' | 'customer' | 'guest' | 'staff';

export function partyOf(session: SessionState): Party {
  switch (session.status) {
    case 'unknown':
      return 'unknown';
    case 'signed-out':
      return 'guest';
    case 'signed-in':
      return session.me.role === 'customer' ? 'customer' : 'staff';
  }
}

/** A vendor's link pattern with `{name}` placeholders filled in, URL-encoded. */
export function fillHref(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? encodeURIComponent(values[name]!) : whole,
  );
}

/** A wait in whole minutes (at least one), in the chat's locale: "3 minutes", "۳ دقیقه". */
export function formatMinutes(seconds: number, locale: string): string {
  const minutes = Math.max(1, Math.round(seconds / 60));
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'minute',
    unitDisplay: 'long',
  }).format(minutes);
}

/** The header's line about who can answer, and how soon. */
export function availabilityText(
  availability: ChatAvailability,
  party: Party,
  locale: string,
): string {
  if (availability.online) {
    const wait = availability.expectedWaitSeconds;
    return wait === null
      ? msg('Someone is online.')
      : msg(str`Someone is online, usually answers in about ${formatMinutes(wait, locale)}.`);
  }
  return party === 'customer'
    ? msg('Nobody is online right now: leave a message and we will answer in a ticket.')
    : msg('Nobody is online right now: leave a message and we will answer by email.');
}

/** Where a waiting customer stands, such as "You are number 3 in line, about 4 minutes." */
export function queueText(conversation: ChatConversation, locale: string): string {
  const { position, expectedWaitSeconds: wait } = conversation;
  const place =
    position === null || position <= 1
      ? msg('You are next in line.')
      : msg(str`You are number ${formatNumber(position)} in line.`);
  return wait === null
    ? place
    : `${place} ${msg(str`Expected wait: about ${formatMinutes(wait, locale)}.`)}`;
}

/** A refusal's `details.retryAfterSeconds` (TOO_FAST), when the server sent one. */
function retryAfterOf(error: unknown): number | null {
  if (!(error instanceof TRPCClientError)) return null;
  const details = (error.data as { details?: { retryAfterSeconds?: unknown } | null } | undefined)
    ?.details;
  const seconds = details?.retryAfterSeconds;
  return typeof seconds === 'number' ? Math.max(1, Math.ceil(seconds)) : null;
}

/** Why a message did not go out, and whether sending it again can help. */
export function sendFailure(error: unknown): { text: string; retry: boolean } {
  const reason = refusalReason(error);
  if (reason === 'TOO_FAST') {
    const seconds = retryAfterOf(error) ?? 10;
    return {
      text: msg(str`You are sending messages quickly — wait ${formatNumber(seconds)} seconds.`),
      retry: true,
    };
  }
  const final = reason === 'ENDED' || reason === 'VISITOR_FILES' || reason === 'UPLOAD_NOT_FOUND';
  return { text: errorMessage(error), retry: !final };
}

/** Messages in seq order, each seq once. */
export function bySeq(messages: Iterable<ChatMessage>): ChatMessage[] {
  return [...messages].sort((a, b) => a.seq - b.seq);
}

/** `location.href` when it is one the server takes as the page the chat started on. */
export function pageUrl(): string | undefined {
  const { href, protocol } = location;
  return (protocol === 'https:' || protocol === 'http:') && href.length <= 2000 ? href : undefined;
}
