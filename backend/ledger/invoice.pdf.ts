import PDFDocument from 'pdfkit';
import type { Address } from '../address/address.schema.ts';
import type { InvoiceDetail } from './ledger.queries.ts';
import { FONTS, isRtl, visualRuns } from './pdf.text.ts';

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

/**
 * One line of text in any script, in a box `width` wide: left-aligned, or right-aligned when
 * asked or when the line reads right to left. Too long a line is cut with an ellipsis.
 */
function line(doc: Doc, raw: string, x: number, y: number, width: number, align?: 'right') {
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
  let cursor = align === 'right' || isRtl(text) ? x + width - total() : x;
  for (const run of runs) {
    doc.text(run.text, cursor, y, { lineBreak: false, ...(run.rtl ? WHOLE_RUN : {}) });
    cursor += run.width;
  }
}

function addressLines(address: Address, locale: string): string[] {
  const country = new Intl.DisplayNames([locale], { type: 'region' }).of(address.country);
  return [
    address.name,
    address.company,
    address.line1,
    address.line2,
    [address.postalCode, address.city].filter(Boolean).join(' '),
    address.region,
    country ?? address.country,
  ].filter((value) => value.trim() !== '');
}

/** Renders an invoice as an A4 PDF. */
export function renderInvoicePdf(
  invoice: InvoiceDetail,
  seller: PdfSeller,
  locale: string,
): Promise<Buffer> {
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: invoice.currency });
  const digits = money.resolvedOptions().maximumFractionDigits ?? 2;
  const amount = (minor: number) => money.format(minor / 10 ** digits);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const date = (day: string) => dates.format(new Date(`${day}T00:00:00Z`));

  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    info: { Title: `Invoice ${invoice.number}`, Author: seller.vendorName },
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
  line(doc, seller.vendorName, PAGE.margin, PAGE.margin, 280);
  doc.font('regular').fontSize(9).fillColor(MUTED);
  let y = PAGE.margin + 26;
  for (const detail of seller.sellerDetails.split('\n').filter((value) => value.trim())) {
    line(doc, detail, PAGE.margin, y, 280);
    y += 12;
  }
  const heading = invoice.status === 'void' ? 'Invoice (void)' : 'Invoice';
  doc.font('bold').fontSize(18).fillColor('black');
  line(doc, heading, RIGHT - 200, PAGE.margin, 200, 'right');
  doc.font('regular').fontSize(10);
  const facts: [string, string][] = [
    ['Number', invoice.number],
    ['Issued', date(invoice.issuedOn)],
    ['Due', date(invoice.dueOn)],
    ...(invoice.orderNumber ? [['Order', invoice.orderNumber] as [string, string]] : []),
  ];
  facts.forEach(([label, value], index) => {
    const at = PAGE.margin + 28 + index * 14;
    doc.fillColor(MUTED);
    line(doc, label, RIGHT - 200, at, 80);
    doc.fillColor('black');
    line(doc, value, RIGHT - 120, at, 120, 'right');
  });

  // Who is billed.
  y = Math.max(y, PAGE.margin + 28 + facts.length * 14) + 24;
  doc.font('bold').fontSize(10).fillColor(MUTED);
  line(doc, 'Bill to', PAGE.margin, y, 250);
  doc.font('regular').fillColor('black');
  for (const text of addressLines(invoice.billTo, locale)) {
    y += 14;
    line(doc, text, PAGE.margin, y, 250);
  }

  // The lines.
  const columns = [
    { label: 'Description', x: PAGE.margin, width: 215 },
    { label: 'Qty', x: 270, width: 40, align: 'right' as const },
    { label: 'Unit price', x: 315, width: 80, align: 'right' as const },
    { label: 'Tax', x: 400, width: 45, align: 'right' as const },
    { label: 'Amount', x: 450, width: RIGHT - 450, align: 'right' as const },
  ];
  const header = () => {
    doc.font('bold').fontSize(9).fillColor(MUTED);
    for (const column of columns) line(doc, column.label, column.x, y, column.width, column.align);
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
      String(item.quantity),
      amount(item.unitPrice),
      percent.format(item.taxRate / 10_000),
      amount(item.total),
    ];
    cells.forEach((text, index) => {
      const column = columns[index]!;
      line(doc, text, column.x, y, column.width, column.align);
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
    ['Subtotal', invoice.subtotal, false],
    ['Tax', invoice.tax, false],
    ['Total', invoice.total, true],
    ['Paid', invoice.paid, false],
    ['Amount due', invoice.amountDue, true],
  ];
  for (const [label, value, strong] of totals) {
    doc
      .font(strong ? 'bold' : 'regular')
      .fontSize(10)
      .fillColor('black');
    line(doc, label, 330, y, 110);
    line(doc, amount(value), 440, y, RIGHT - 440, 'right');
    y += 16;
  }
  doc.font('regular').fontSize(9).fillColor(MUTED);
  for (const settled of invoice.settledBy) {
    const what = settled.kind === 'payment' ? 'Payment received' : 'Credit note';
    const reference = settled.reference ? ` (${settled.reference})` : '';
    line(
      doc,
      `${what} ${date(settled.on)}${reference}: ${amount(settled.amount)}`,
      330,
      y,
      RIGHT - 330,
    );
    y += 13;
  }
  if (invoice.note) {
    y += 10;
    line(doc, invoice.note, PAGE.margin, y, RIGHT - PAGE.margin);
  }
  if (invoice.status === 'void' && invoice.voidReason) {
    y += 14;
    line(doc, `Void: ${invoice.voidReason}`, PAGE.margin, y, RIGHT - PAGE.margin);
  }
  doc.end();
  return done;
}
