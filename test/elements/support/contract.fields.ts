import { deepElements, nameOf } from './contract.tree.ts';

/** Inputs a customer types into; dates, choices and files have their own pickers. */
const TYPED = new Set(['text', 'email', 'password', 'tel', 'number', 'search', 'url']);

/**
 * What a field that asks about the customer must tell the browser (WCAG 1.3.5), by the field's
 * name: the browser fills it in, and a phone shows the right keyboard.
 */
const PERSONAL: { name: RegExp; tokens: string[] }[] = [
  { name: /^(name|full-?name|recipient)$/i, tokens: ['name'] },
  { name: /^(company|organi[sz]ation)$/i, tokens: ['organization'] },
  { name: /^(line1|street|address1?)$/i, tokens: ['address-line1', 'street-address'] },
  { name: /^(line2|address2)$/i, tokens: ['address-line2'] },
  { name: /^(postal-?code|zip|postcode)$/i, tokens: ['postal-code'] },
  { name: /^(city|town|locality)$/i, tokens: ['address-level2'] },
  { name: /^(region|state|province)$/i, tokens: ['address-level1'] },
  { name: /^country$/i, tokens: ['country', 'country-name'] },
  { name: /^(phone|tel|telephone)$/i, tokens: ['tel'] },
  { name: /^password$/i, tokens: ['current-password', 'new-password'] },
  { name: /^(current-?password)$/i, tokens: ['current-password'] },
  { name: /^(new-?password|confirm(-?password)?)$/i, tokens: ['new-password'] },
];

/** Names of fields that take a count or an amount: a number keyboard on a phone. */
const NUMERIC_NAME = /quantity|qty|amount|count/i;

/** The field token of an autocomplete attribute ("shipping address-line1" → "address-line1"). */
function fieldToken(autocomplete: string): string {
  const tokens = autocomplete.trim().toLowerCase().split(/\s+/);
  return tokens.filter((token) => token !== 'webauthn').at(-1) ?? '';
}

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** The problems of one field, or none. */
function fieldProblems(field: Field): string[] {
  const problems: string[] = [];
  const where = nameOf(field);
  const isInput = field instanceof HTMLInputElement;
  const typed = isInput && TYPED.has(field.type);
  const declared = field.getAttribute('autocomplete');
  const token = fieldToken(declared ?? '');
  const name = field.name || field.id;
  const personal = PERSONAL.find((rule) => rule.name.test(name));

  if (typed && declared === null) {
    problems.push(`autocomplete: ${where} says nothing; name what it holds, or "off"`);
  }
  if (personal && !personal.tokens.includes(token)) {
    problems.push(
      `autocomplete: ${where} is "${declared ?? ''}", expected ${personal.tokens.join(' or ')}`,
    );
  }
  if (!isInput) return problems;

  const inputmode = field.getAttribute('inputmode');
  if (field.type === 'password' && !['current-password', 'new-password'].includes(token)) {
    problems.push(
      `autocomplete: password ${where} is "${token}", expected current- or new-password`,
    );
  }
  if ((token === 'email' || /e-?mail/i.test(name)) && field.type !== 'email' && !field.hidden) {
    problems.push(`type: ${where} takes an email address but is type="${field.type}"`);
  }
  if (token === 'tel' && field.type !== 'tel') {
    problems.push(`type: ${where} takes a phone number but is type="${field.type}"`);
  }
  if (token === 'one-time-code' && inputmode !== 'numeric') {
    problems.push(`inputmode: code ${where} should have inputmode="numeric"`);
  }
  const numeric = field.type === 'number' || NUMERIC_NAME.test(name);
  if (numeric && typed && inputmode !== 'numeric' && inputmode !== 'decimal') {
    problems.push(`inputmode: ${where} takes a number; inputmode="numeric" or "decimal"`);
  }
  return problems;
}

/** Every field in the element with the autocomplete, type and inputmode it should have. */
export function fieldsProblems(host: Element): string[] {
  const problems: string[] = [];
  for (const element of deepElements(host)) {
    if (
      element instanceof HTMLInputElement ||
      element instanceof HTMLSelectElement ||
      element instanceof HTMLTextAreaElement
    ) {
      problems.push(...fieldProblems(element));
    }
  }
  return problems;
}
