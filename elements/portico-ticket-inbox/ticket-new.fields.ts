import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { errorMessage, refusalReason } from '../api/errors.ts';
import { isolate, joinIsolated } from '../shared/bidi.ts';
import { formatDate, formatMoney } from '../shared/format.ts';
import { fieldErrorsOf, type OrderOption } from './ticket-list.api.ts';

/** The new-ticket form's fields that the server may say something about. */
export type Field =
  'subject' | 'kind' | 'category' | 'priority' | 'tags' | 'orderId' | 'body' | 'attachments';

/** Where focus goes for a field's problem, in the order the form shows them. */
export const FIELD_TARGETS: Record<Field, string> = {
  subject: '#subject',
  kind: "[name='kind']",
  category: '#category',
  priority: '#priority',
  tags: '#tag-input',
  orderId: '#order',
  body: '#body',
  attachments: 'portico-ticket-attachments',
};

const FIELDS = Object.keys(FIELD_TARGETS) as Field[];

/** Domain refusals that are about one field. */
const REFUSAL_FIELDS: Record<string, Field> = {
  UNKNOWN_CATEGORY: 'category',
  ORDER_NOT_FOUND: 'orderId',
  UPLOAD_NOT_FOUND: 'attachments',
};

const fieldOf = (key: string): Field | null => {
  const head = key.split('.')[0] ?? '';
  if (head === 'attachmentIds') return 'attachments';
  return (FIELDS as string[]).includes(head) ? (head as Field) : null;
};

/**
 * The server's messages about single fields, by field: zod's (`tags.2` counts as `tags`) and
 * the refusals that name one field. Empty when the error is about the whole request.
 */
export function fieldProblems(error: unknown): Partial<Record<Field, string>> {
  const problems: Partial<Record<Field, string[]>> = {};
  for (const [key, messages] of Object.entries(fieldErrorsOf(error))) {
    const field = fieldOf(key);
    if (field) (problems[field] ??= []).push(...messages);
  }
  const refused = REFUSAL_FIELDS[refusalReason(error) ?? ''];
  if (refused) (problems[refused] ??= []).push(errorMessage(error));
  return Object.fromEntries(
    Object.entries(problems).map(([field, messages]) => [field, [...new Set(messages)].join(' ')]),
  );
}

/** The first field with a problem, in the form's order. */
export function firstProblem(problems: Partial<Record<Field, string>>): Field | null {
  return FIELDS.find((field) => problems[field]) ?? null;
}

/** A field's problem, named by the field's `aria-describedby` (`<field>-error`). */
export function renderProblem(field: Field, text: string | undefined) {
  return text ? html`<span part="field-error" id="${field}-error">${text}</span>` : nothing;
}

/** `aria-describedby` for a field: its problem, if any, then its hint. */
export function describedBy(field: Field, text: string | undefined, hint?: string) {
  const ids = [text ? `${field}-error` : '', hint ?? ''].filter(Boolean).join(' ');
  return ids || nothing;
}

/** An order as the select offers it: number, day and total. */
export function orderLabel(order: OrderOption) {
  const pieces = [
    order.number,
    formatDate(order.createdAt),
    formatMoney(order.total, order.currency),
  ];
  return joinIsolated(pieces, ' · ');
}

/** The page the form is on, for the answer mails' link back, when it is a web page. */
export function pageUrl(): string | undefined {
  const { href, protocol } = location;
  return /^https?:$/.test(protocol) && href.length <= 2000 ? href : undefined;
}

/** What the order field says when the linked order is not the customer's. */
export function missingOrderText(number: string): string {
  return msg(
    str`We could not find order ${isolate(number)} in your account. Choose one of your orders, or none.`,
  );
}
