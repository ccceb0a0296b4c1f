import type { Services } from '../services.ts';
import type { Mail } from '../mail/mailer.ts';
import { escapeHtml, mailWords, type MailWords } from '../mail/mail.words.ts';
import { mailLayout } from '../mail/templates.ts';
import { wantsMail } from '../notification/notification.kinds.ts';
import { countryName, formatMoney, formatNumber } from '../i18n/format.ts';
import { endSide, type Locale } from '../i18n/locale.ts';
import { recipientLocale } from '../i18n/request.ts';
import type { OrderDetail } from './order.queries.ts';

/** What the mails about a customer's own order say. */
export const OrderMail = {
  GREETING: 'Hello {name},',
  PLACED_SUBJECT: 'Your {vendor} order {order}',
  PLACED_HEADING: 'Order {order} received',
  PLACED_BODY: 'Thank you for your order {order}. We will let you know when it ships.',
  SHIPPED_SUBJECT: 'Your {vendor} order {order} has shipped',
  SHIPPED_HEADING: 'Order {order} has shipped',
  SHIPPED_BODY: 'Your order {order} is on its way to {address}.',
  SHIPPED_TRACKING_BODY:
    'Your order {order} is on its way to {address}. The tracking number is {tracking}.',
  SHIPPING: 'Shipping',
  TOTAL: 'Total',
  TOTAL_WITH_TAX: 'Total (tax included)',
  SHIP_TO: 'Shipping to: {address}',
} as const;

type Words = MailWords<'OrderMail'>;

/** A quantity and a product, `2 × Espresso beans`, the quantity in the reader's digits. */
const lineOf = (locale: Locale, line: OrderDetail['lines'][number]) =>
  `${formatNumber(locale, line.quantity)} × ${line.name}`;

function linesTable(order: OrderDetail, w: Words): string {
  const money = (minor: number) => escapeHtml(formatMoney(w.locale, minor, order.currency));
  // The gap and the amounts go on the side a line ends on: the left in Persian. Physical
  // sides, as mail clients ignore logical CSS properties.
  const end = endSide(w.locale);
  const row = (label: string, amount: string, strong = false) =>
    `<tr><td style="padding:4px 0;padding-${end}:12px">${strong ? `<b>${label}</b>` : label}</td>` +
    `<td style="padding:4px 0;text-align:${end}">${strong ? `<b>${amount}</b>` : amount}</td></tr>`;
  const lines = order.lines.map((line) =>
    row(
      `${escapeHtml(formatNumber(w.locale, line.quantity))} × <bdi>${escapeHtml(line.name)}</bdi>`,
      money(line.total),
    ),
  );
  return `<table style="border-collapse:collapse">${lines.join('')}
${row(w.html('SHIPPING'), money(order.shipping))}
${row(w.html('TOTAL'), money(order.total), true)}</table>`;
}

function linesText(order: OrderDetail, w: Words): string {
  const money = (minor: number) => formatMoney(w.locale, minor, order.currency);
  return [
    ...order.lines.map((line) => `${lineOf(w.locale, line)}: ${money(line.total)}`),
    `${w.text('SHIPPING')}: ${money(order.shipping)}`,
    `${w.text('TOTAL_WITH_TAX')}: ${money(order.total)}`,
  ].join('\n');
}

function addressText(order: OrderDetail, locale: Locale): string {
  const a = order.address;
  const country = countryName(locale, a.country);
  return [a.name, a.company, a.line1, a.line2, `${a.postalCode} ${a.city}`, a.region, country]
    .filter(Boolean)
    .join(', ');
}

interface OrderMailFacts {
  vendor: string;
  to: string;
  name: string;
  order: OrderDetail;
  locale: Locale;
}

export function orderPlacedMail({ vendor, to, name, order, locale }: OrderMailFacts): Mail {
  const w = mailWords(locale, 'OrderMail');
  const facts = { order: order.number };
  const address = addressText(order, locale);
  return {
    to,
    subject: w.text('PLACED_SUBJECT', { vendor, order: order.number }),
    text: [
      w.text('GREETING', { name }),
      w.text('PLACED_BODY', facts),
      linesText(order, w),
      w.text('SHIP_TO', { address }),
      vendor,
    ].join('\n\n'),
    html: mailLayout(
      vendor,
      { html: w.html('PLACED_HEADING', facts) },
      `<p>${w.html('GREETING', { name })}</p><p>${w.html('PLACED_BODY', facts)}</p>${linesTable(order, w)}<p>${w.html('SHIP_TO', { address })}</p>`,
      locale,
    ),
  };
}

export function orderShippedMail({ vendor, to, name, order, locale }: OrderMailFacts): Mail {
  const w = mailWords(locale, 'OrderMail');
  const facts = { order: order.number, address: addressText(order, locale) };
  const body = (format: 'text' | 'html') =>
    order.trackingNumber
      ? w[format]('SHIPPED_TRACKING_BODY', { ...facts, tracking: order.trackingNumber })
      : w[format]('SHIPPED_BODY', facts);
  return {
    to,
    subject: w.text('SHIPPED_SUBJECT', { vendor, order: order.number }),
    text: [w.text('GREETING', { name }), body('text'), linesText(order, w), vendor].join('\n\n'),
    html: mailLayout(
      vendor,
      { html: w.html('SHIPPED_HEADING', { order: order.number }) },
      `<p>${w.html('GREETING', { name })}</p><p>${body('html')}</p>${linesTable(order, w)}`,
      locale,
    ),
  };
}

/**
 * Mails the person who placed the order (or the account's owner when they are gone). Runs after
 * the change is committed; a mail failure is logged and never undoes the order.
 */
export async function mailAboutOrder(
  services: Services,
  order: OrderDetail,
  kind: 'placed' | 'shipped',
  /** The headers of the customer's own request (placing the order), for the language. */
  headers?: Headers,
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
    const { vendorName: vendor, defaultLocale } = services.portalSettings();
    const locale = await recipientLocale(
      services.db,
      { userId: person.id },
      { headers: kind === 'placed' ? headers : null, fallback: defaultLocale },
    );
    const make = kind === 'placed' ? orderPlacedMail : orderShippedMail;
    await services.mailer.send(
      make({ vendor, to: person.email, name: person.name, order, locale }),
    );
  } catch (error) {
    services.log(`order ${orderId}: the ${kind} mail was not sent: ${String(error)}`);
  }
}
