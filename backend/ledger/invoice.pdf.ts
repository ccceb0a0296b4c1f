import PDFDocument from 'pdfkit';
import type { Address } from '../address/address.schema.ts';
import {
  countryName,
  formatDay,
  formatMoney,
  formatNumber,
  formatPercent,
} from '../i18n/format.ts';
import { directionOf, type Locale } from '../i18n/locale.ts';
import { translator } from '../i18n/translate.ts';
import type { InvoiceDetail } from './ledger.queries.ts';
import { FONTS, isRtl, visualRuns } from './pdf.text.ts';

/** Every word printed on an invoice; amounts, dates and numbers are formatted by Intl. */
export const InvoiceText = {
  DOCUMENT_TITLE: 'Invoice {number}',
  HEADING: 'Invoice',
  HEADING_VOID: 'Invoice (void)',
  NUMBER: 'Number',
  ISSUED: 'Issued',
  DUE: 'Due',
  ORDER: 'Order',
  BILL_TO: 'Bill to',
  DESCRIPTION: 'Description',
  QUANTITY: 'Qty',
  UNIT_PRICE: 'Unit price',
  TAX_RATE: 'Tax',
  AMOUNT: 'Amount',
  SUBTOTAL: 'Subtotal',
  TAX: 'Tax',
  TOTAL: 'Total',
  PAID: 'Paid',
  AMOUNT_DUE: 'Amount due',
  PAYMENT: 'Payment received {date}: {amount}',
  PAYMENT_REFERENCE: 'Payment received {date} ({reference}): {amount}',
  CREDIT_NOTE: 'Credit note {date}: {amount}',
  CREDIT_NOTE_REFERENCE: 'Credit note {date} ({reference}): {amount}',
  VOID_REASON: 'Void: {reason}',
} as const;

type Doc = PDFKit.PDFDocument;

export interface PdfSeller {
  vendorName: string;
  /** Address and tax number, one per line. */
  sellerDetails: string;
}

const PAGE = { width: 595.28, height: 841.89, margin: 50 };
const RIGHT = PAGE.width - PAGE.margin;
const BOTTOM = PAGE.height - PAGE.margin - 30;
const MUTED = '#555555';

/** Bidi and invisible formatting marks that Intl inserts: a PDF font has no glyph for them. */
const CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Features that make pdfkit lay a whole run out at once, so it is shaped right to left. */
const WHOLE_RUN = { features: ['kern'] as PDFKit.Mixins.OpenTypeFeatures[] };

type Align = 'left' | 'right';

/**
 * One line of text in any script, in a box `width` wide: aligned as asked, else to the side
 * the line starts reading from. Too long a line is cut with an ellipsis.
 */
function line(doc: Doc, raw: string, x: number, y: number, width: number, align?: Align) {
  let text = raw.replace(CONTROLS, '').replace(/\s+/g, ' ').trim();
  const measure = (value: string) =>
    visualRuns(value).map((run) => ({
      ...run,
      width: doc.widthOfString(run.text, run.rtl ? WHOLE_RUN : {}),
    }));
  let runs = measure(text);
  const total = () => runs.reduce((sum, run) => sum + run.width, 0);
  while (total() > width && text.length > 1) {
    text = text.slice(0, -2).trimEnd() + '…';
    runs = measure(text);
  }
  const right = align ? align === 'right' : isRtl(text);
  let cursor = right ? x + width - total() : x;
  for (const run of runs) {
    doc.text(run.text, cursor, y, { lineBreak: false, ...(run.rtl ? WHOLE_RUN : {}) });
    cursor += run.width;
  }
}

function addressLines(address: Address, locale: Locale): string[] {
  return [
    address.name,
    address.company,
    address.line1,
    address.line2,
    [address.postalCode, address.city].filter(Boolean).join(' '),
    address.region,
    countryName(locale, address.country),
  ].filter((value) => value.trim() !== '');
}

/**
 * Where a box goes on the page. A right-to-left invoice is the mirror image of the
 * left-to-right one: the seller on the right, the table's first column on the right, amounts
 * aligned to the left of their cells. Text aligns to the document's side whatever its own
 * script, so a Persian name in a German invoice lines up with the rest of the address.
 */
function layout(rtl: boolean) {
  return (
    x: number,
    width: number,
    align: Align = 'left',
  ): { x: number; width: number; align: Align } =>
    rtl
      ? { x: PAGE.width - x - width, width, align: align === 'right' ? 'left' : 'right' }
      : { x, width, align };
}

/** Renders an invoice as an A4 PDF, every word and number in `locale`. */
export function renderInvoicePdf(
  invoice: InvoiceDetail,
  seller: PdfSeller,
  locale: Locale,
): Promise<Buffer> {
  const t = translator(locale, 'InvoiceText');
  const box = layout(directionOf(locale) === 'rtl');
  const put = (doc: Doc, text: string, x: number, y: number, width: number, align?: Align) => {
    const at = box(x, width, align);
    line(doc, text, at.x, y, at.width, at.align);
  };
  const amount = (minor: number) => formatMoney(locale, minor, invoice.currency);
  const date = (day: string) => formatDay(locale, day, 'medium');

  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    lang: locale,
    info: { Title: t('DOCUMENT_TITLE', { number: invoice.number }), Author: seller.vendorName },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);

  // The seller, and the invoice's number and dates.
  doc.font('bold').fontSize(18).fillColor('black');
  put(doc, seller.vendorName, PAGE.margin, PAGE.margin, 260);
  doc.font('regular').fontSize(9).fillColor(MUTED);
  let y = PAGE.margin + 26;
  for (const detail of seller.sellerDetails.split('\n').filter((value) => value.trim())) {
    put(doc, detail, PAGE.margin, y, 260);
    y += 12;
  }
  doc.font('bold').fontSize(18).fillColor('black');
  put(
    doc,
    t(invoice.status === 'void' ? 'HEADING_VOID' : 'HEADING'),
    RIGHT - 235,
    PAGE.margin,
    235,
    'right',
  );
  doc.font('regular').fontSize(10);
  const facts: [string, string][] = [
    [t('NUMBER'), invoice.number],
    [t('ISSUED'), date(invoice.issuedOn)],
    [t('DUE'), date(invoice.dueOn)],
    ...(invoice.orderNumber ? [[t('ORDER'), invoice.orderNumber] as [string, string]] : []),
  ];
  facts.forEach(([label, value], index) => {
    const at = PAGE.margin + 28 + index * 14;
    doc.fillColor(MUTED);
    put(doc, label, RIGHT - 235, at, 98);
    doc.fillColor('black');
    put(doc, value, RIGHT - 135, at, 135, 'right');
  });

  // Who is billed.
  y = Math.max(y, PAGE.margin + 28 + facts.length * 14) + 24;
  doc.font('bold').fontSize(10).fillColor(MUTED);
  put(doc, t('BILL_TO'), PAGE.margin, y, 250);
  doc.font('regular').fillColor('black');
  for (const text of addressLines(invoice.billTo, locale)) {
    y += 14;
    put(doc, text, PAGE.margin, y, 250);
  }

  // The lines.
  const columns = [
    { label: t('DESCRIPTION'), x: PAGE.margin, width: 215 },
    { label: t('QUANTITY'), x: 270, width: 40, align: 'right' as const },
    { label: t('UNIT_PRICE'), x: 315, width: 80, align: 'right' as const },
    { label: t('TAX_RATE'), x: 400, width: 45, align: 'right' as const },
    { label: t('AMOUNT'), x: 450, width: RIGHT - 450, align: 'right' as const },
  ];
  const header = () => {
    doc.font('bold').fontSize(9).fillColor(MUTED);
    for (const column of columns) put(doc, column.label, column.x, y, column.width, column.align);
    doc
      .moveTo(PAGE.margin, y + 13)
      .lineTo(RIGHT, y + 13)
      .strokeColor('#999999')
      .stroke();
    y += 20;
    doc.font('regular').fontSize(10).fillColor('black');
  };
  y += 36;
  header();
  for (const item of invoice.lines) {
    if (y > BOTTOM) {
      doc.addPage();
      y = PAGE.margin;
      header();
    }
    const cells = [
      item.description,
      formatNumber(locale, item.quantity),
      amount(item.unitPrice),
      formatPercent(locale, item.taxRate / 10_000),
      amount(item.total),
    ];
    cells.forEach((text, index) => {
      const column = columns[index]!;
      put(doc, text, column.x, y, column.width, column.align);
    });
    y += 16;
  }

  // The totals and what settled them.
  if (y > BOTTOM - 120) {
    doc.addPage();
    y = PAGE.margin;
  }
  y += 8;
  const totals: [string, number, boolean][] = [
    [t('SUBTOTAL'), invoice.subtotal, false],
    [t('TAX'), invoice.tax, false],
    [t('TOTAL'), invoice.total, true],
    [t('PAID'), invoice.paid, false],
    [t('AMOUNT_DUE'), invoice.amountDue, true],
  ];
  for (const [label, value, strong] of totals) {
    doc
      .font(strong ? 'bold' : 'regular')
      .fontSize(10)
      .fillColor('black');
    put(doc, label, 330, y, 110);
    put(doc, amount(value), 440, y, RIGHT - 440, 'right');
    y += 16;
  }
  doc.font('regular').fontSize(9).fillColor(MUTED);
  for (const settled of invoice.settledBy) {
    const facts = { date: date(settled.on), amount: amount(settled.amount) };
    const payment = settled.kind === 'payment';
    const text = settled.reference
      ? t(payment ? 'PAYMENT_REFERENCE' : 'CREDIT_NOTE_REFERENCE', {
          ...facts,
          reference: settled.reference,
        })
      : t(payment ? 'PAYMENT' : 'CREDIT_NOTE', facts);
    put(doc, text, 230, y, RIGHT - 230, 'right');
    y += 13;
  }
  if (invoice.note) {
    y += 10;
    put(doc, invoice.note, PAGE.margin, y, RIGHT - PAGE.margin);
  }
  if (invoice.status === 'void' && invoice.voidReason) {
    y += 14;
    put(doc, t('VOID_REASON', { reason: invoice.voidReason }), PAGE.margin, y, RIGHT - PAGE.margin);
  }
  doc.end();
  return done;
}
