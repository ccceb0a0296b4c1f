import { z } from 'zod';
import { cursorInput, pageLimit } from '../db/cursor.ts';

export const TICKET_KINDS = ['question', 'complaint', 'concern'] as const;
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const TICKET_STATUSES = ['open', 'pending', 'resolved', 'closed'] as const;
/**
 * Orders of the staff queue: unread first (then latest activity), the customers waiting longest
 * for an answer first, newest or oldest first, urgent first.
 */
export const TICKET_SORTS = ['unread', 'waiting', 'newest', 'oldest', 'priority'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];
/** The longest wait the queue filters on: 30 days, in minutes. */
export const MAX_WAITING_MINUTES = 30 * 24 * 60;

export const MAX_TAGS = 10;
export const MAX_ATTACHMENTS = 5;
export const MAX_BODY = 10_000;

export const ticketId = z.string().min(1).max(64);
const uploadId = z.string().min(1).max(64);

/** Tags are short words, kept in lower case so "Delivery" and "delivery" are one tag. */
export const tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'A tag cannot be empty.')
  .max(30, 'Tags are at most 30 characters.')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u, 'Tags use letters, digits, spaces, - and _.');

export const tags = z
  .array(tag)
  .max(MAX_TAGS, `At most ${MAX_TAGS} tags.`)
  .transform((list) => [...new Set(list)]);

const body = z
  .string()
  .trim()
  .min(1, 'Write a message.')
  .max(MAX_BODY, `Messages are limited to ${MAX_BODY} characters.`);

export const attachmentIds = z
  .array(uploadId)
  .max(MAX_ATTACHMENTS, `At most ${MAX_ATTACHMENTS} files per message.`)
  .refine((ids) => new Set(ids).size === ids.length, 'Each file once.')
  .default([]);

/**
 * Made once per submission by the client; a retry with the same key returns the first result.
 * Optional so that a page still holding an older copy of the elements keeps working; ours always
 * send one.
 */
const idempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/, 'A 16 to 64 character request key.')
  .optional();

export const createInput = z.strictObject({
  idempotencyKey,
  subject: z
    .string()
    .trim()
    .min(3, 'A subject of at least 3 characters.')
    .max(150, 'Subjects are limited to 150 characters.'),
  kind: z.enum(TICKET_KINDS),
  category: z.string().trim().min(1).max(60).optional(),
  priority: z.enum(TICKET_PRIORITIES).default('normal'),
  tags: tags.default([]),
  orderId: z.string().min(1).max(64).optional(),
  body,
  attachmentIds,
  /** The page the customer is on, so answer mails can link back to it. */
  pageUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
});
export type CreateInput = z.output<typeof createInput>;

export const listInput = z.strictObject({
  status: z.array(z.enum(TICKET_STATUSES)).max(TICKET_STATUSES.length).optional(),
  priority: z.array(z.enum(TICKET_PRIORITIES)).max(TICKET_PRIORITIES.length).optional(),
  tag: tag.optional(),
  query: z.string().trim().max(100).optional(),
  cursor: cursorInput,
  limit: pageLimit(20),
});
export type ListInput = z.output<typeof listInput>;

export const replyInput = z.strictObject({ idempotencyKey, ticketId, body, attachmentIds });

export const rateInput = z.strictObject({
  ticketId,
  rating: z.number().int('A whole number of stars.').min(1).max(5),
  comment: z.string().trim().max(2000, 'Comments are limited to 2000 characters.').default(''),
});

export const staffListInput = listInput.extend({
  /** `me`, `none` (unassigned) or an agent's id. */
  assignee: z.string().min(1).max(64).optional(),
  accountId: z.string().min(1).max(64).optional(),
  kind: z.array(z.enum(TICKET_KINDS)).max(TICKET_KINDS.length).optional(),
  sort: z.enum(TICKET_SORTS).default('unread'),
  /** Only tickets with customer words this agent has not read. */
  unreadOnly: z.boolean().optional(),
  /** Only tickets whose customer has waited for a staff answer longer than this, in minutes. */
  waitingLongerThan: z
    .number()
    .int('A whole number of minutes.')
    .min(1)
    .max(MAX_WAITING_MINUTES, 'At most 30 days.')
    .optional(),
});
export type StaffListInput = z.output<typeof staffListInput>;

export const staffReplyInput = replyInput.extend({
  /** What the answer leaves the ticket as: by default waiting on the customer. */
  status: z.enum(['open', 'pending', 'resolved']).default('pending'),
});

export const cannedInput = z.strictObject({
  title: z.string().trim().min(1).max(100),
  body: z.string().trim().min(1).max(MAX_BODY),
});
