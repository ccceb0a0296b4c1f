import type { Services } from '../services.ts';
import type { Mail } from '../mail/mailer.ts';
import { escapeHtml, mailLayout } from '../mail/templates.ts';
import { wantsMail } from '../notification/notification.kinds.ts';
import type { OrderDetail } from './order.queries.ts';

const moneyFormats = new Map<string, Intl.NumberFormat>();

function money(amount: number, currency: string): string {
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat('en', { style: 'currency', currency });
    moneyFormats.set(currency, format);
  }
  return format.format(amount / 100);
}

function linesTable(order: OrderDetail): string {
  const row = (left: string, right: string, strong = false) =>
    `<tr><td style="padding:4px 12px 4px 0">${strong ? `<b>${left}</b>` : left}</td>` +
    `<td style="padding:4px 0;text-align:right">${strong ? `<b>${right}</b>` : right}</td></tr>`;
  const lines = order.lines.map((line) =>
    row(`${line.quantity} × ${escapeHtml(line.name)}`, money(line.total, order.currency)),
  );
  return `<table style="border-collapse:collapse">${lines.join('')}
${row('Shipping', money(order.shipping, order.currency))}
${row('Total', money(order.total, order.currency), true)}</table>`;
}

function linesText(order: OrderDetail): string {
  return [
    ...order.lines.map((l) => `${l.quantity} × ${l.name}: ${money(l.total, order.currency)}`),
    `Shipping: ${money(order.shipping, order.currency)}`,
    `Total (tax included): ${money(order.total, order.currency)}`,
  ].join('\n');
}

function addressText(order: OrderDetail): string {
  const a = order.address;
  return [a.name, a.company, a.line1, a.line2, `${a.postalCode} ${a.city}`, a.region, a.country]
    .filter(Boolean)
    .join(', ');
}

export function orderPlacedMail(vendor: string, to: string, name: string, order: OrderDetail) {
  const intro = `Hello ${name}, thank you for your order ${order.number}. We will let you know when it ships.`;
  return {
    to,
    subject: `Your ${vendor} order ${order.number}`,
    text: `${intro}\n\n${linesText(order)}\n\nShipping to: ${addressText(order)}\n\n${vendor}`,
    html: mailLayout(
      vendor,
      `Order ${order.number} received`,
      `<p>${escapeHtml(intro)}</p>${linesTable(order)}<p>Shipping to: ${escapeHtml(addressText(order))}</p>`,
    ),
  } satisfies Mail;
}

export function orderShippedMail(vendor: string, to: string, name: string, order: OrderDetail) {
  const tracking = order.trackingNumber ? ` The tracking number is ${order.trackingNumber}.` : '';
  const intro = `Hello ${name}, your order ${order.number} is on its way to ${addressText(order)}.${tracking}`;
  return {
    to,
    subject: `Your ${vendor} order ${order.number} has shipped`,
    text: `${intro}\n\n${linesText(order)}\n\n${vendor}`,
    html: mailLayout(
      vendor,
      `Order ${order.number} has shipped`,
      `<p>${escapeHtml(intro)}</p>${linesTable(order)}`,
    ),
  } satisfies Mail;
}

/**
 * Mails the person who placed the order (or the account's owner when they are gone). Runs after
 * the change is committed; a mail failure is logged and never undoes the order.
 */
export async function mailAboutOrder(
  services: Services,
  order: OrderDetail,
  kind: 'placed' | 'shipped',
): Promise<void> {
  const orderId = order.id;
  try {
    const person = await services.db
      .selectFrom('order')
      .innerJoin('member', 'member.organizationId', 'order.accountId')
      .innerJoin('user', 'user.id', 'member.userId')
      .select(['user.id', 'user.name', 'user.email'])
      .where('order.id', '=', orderId)
      .orderBy((eb) =>
        eb.case().when('user.id', '=', eb.ref('order.placedBy')).then(0).else(1).end(),
      )
      .orderBy((eb) => eb.case().when('member.role', '=', 'owner').then(0).else(1).end())
      .executeTakeFirst();
    if (!person) return;
    // Shipping notices by mail may be turned off in the notification settings.
    if (kind === 'shipped' && !(await wantsMail(services.db, person.id, 'order_shipped'))) return;
    const vendor = services.portalSettings().vendorName;
    const make = kind === 'placed' ? orderPlacedMail : orderShippedMail;
    await services.mailer.send(make(vendor, person.email, person.name, order));
  } catch (error) {
    services.log(`order ${orderId}: the ${kind} mail was not sent: ${String(error)}`);
  }
}
