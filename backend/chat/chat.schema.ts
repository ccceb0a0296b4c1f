import { z } from 'zod';
import { LOCALES } from '../portal/portal.schema.ts';

export const MAX_CHAT_MESSAGE = 2000;
export const MAX_CHAT_FILES = 3;

export const conversationId = z.string().min(1).max(64);

const body = z
  .string()
  .trim()
  .min(1, 'Write a message.')
  .max(MAX_CHAT_MESSAGE, `Chat messages are limited to ${MAX_CHAT_MESSAGE} characters.`);

const attachmentIds = z
  .array(z.string().min(1).max(64))
  .max(MAX_CHAT_FILES, `At most ${MAX_CHAT_FILES} files per message.`)
  .refine((ids) => new Set(ids).size === ids.length, 'Each file once.')
  .default([]);

export const byConversation = z.strictObject({ conversationId });

export const startInput = z.strictObject({
  message: body,
  locale: z.enum(LOCALES).optional(),
  pageUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  visitor: z
    .strictObject({
      name: z.string().trim().min(1, 'Give your name.').max(100),
      email: z.email('Give an email address we can answer to.').max(200),
    })
    .optional(),
});
export type StartInput = z.output<typeof startInput>;

export const sendInput = z.strictObject({
  conversationId,
  body,
  attachmentIds,
  clientId: z.string().min(1).max(64).optional(),
});
export type SendInput = z.output<typeof sendInput>;

export const historyInput = z.strictObject({
  conversationId,
  before: z.int().min(1).optional(),
  limit: z.int().min(1).max(100).default(50),
});

export const typingInput = z.strictObject({ conversationId, typing: z.boolean() });

export const markReadInput = z.strictObject({ conversationId, upTo: z.int().min(0) });

export const transferInput = z.strictObject({ conversationId, agentId: z.string().min(1).max(64) });

export const lastEventId = z.string().max(40).nullish();

/**
 * A stream's resume point: `"12"` after message 12, `"12:3"` after a passing event that followed
 * it. Anything else is not an id this server handed out.
 */
export function resumeSeq(id: string | null | undefined): number | null {
  if (id === null || id === undefined) return null;
  const match = /^(\d{1,9})(?::\d{1,12})?$/.exec(id);
  return match ? Number(match[1]) : Number.NaN;
}
