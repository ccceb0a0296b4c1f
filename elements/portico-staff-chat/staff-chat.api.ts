import { msg, str } from '@lit/localize';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../backend/router.ts';

type StaffChat = inferRouterOutputs<AppRouter>['staff']['chat'];

export type StaffQueue = StaffChat['queue'];
export type StaffChatSummary = StaffQueue['waiting'][number];
export type StaffAgent = StaffQueue['agents'][number];
export type StaffConversation = StaffChat['byId'];
export type ChatMessage = StaffConversation['messages'][number];
export type ChatStatus = StaffChatSummary['status'];

type Stream = StaffChat['onEvent'];
/** One event of `staff.chat.onEvent`, without tRPC's tracking envelope. */
export type StaffChatEvent =
  Stream extends AsyncIterable<infer Item>
    ? Item extends { data: infer Data }
      ? Data
      : Item
    : never;

/** What the element's parts ask of it: focus after a render, and a polite announcement. */
export interface StaffChatEffects {
  /** Moves focus to the element matching `selector` once a render has put it on screen. */
  focusSoon(selector: string): void;
  /** Says `text` in the element's polite live region. */
  announce(text: string): void;
}

export function statusLabel(status: ChatStatus): string {
  switch (status) {
    case 'bot':
      return msg('With the answer bot');
    case 'waiting':
      return msg('Waiting for a person');
    case 'active':
      return msg('Active');
    case 'ended':
      return msg('Ended');
  }
}

/** A wait in minutes and seconds, such as "2:05", or hours for very long waits ("1:02:05"). */
export function formatWait(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, '0');
  return hours ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** The same wait as an ISO 8601 duration, for `<time datetime>`. */
export function isoDuration(seconds: number): string {
  return `PT${Math.max(0, Math.floor(seconds))}S`;
}

/** How far the customer got with a message the agent's side wrote. */
export function receiptLabel(conversation: StaffChatSummary, seq: number): string {
  if (conversation.readByCustomer >= seq) return msg('Read');
  if (conversation.deliveredToCustomer >= seq) return msg('Delivered');
  return msg('Sent');
}

export function whoLabel(conversation: StaffChatSummary): string {
  return conversation.visitor || !conversation.account
    ? msg('Visitor')
    : msg(str`Account: ${conversation.account.name}`);
}

/** Messages in seq order, each seq once: what the server sent, with the newcomers merged in. */
export function mergeMessages(known: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
  if (!incoming.length) return known;
  const bySeq = new Map<number, ChatMessage>();
  for (const message of known) bySeq.set(message.seq, message);
  for (const message of incoming) bySeq.set(message.seq, message);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}
