import type { Hono, Context as HonoContext } from 'hono';
import type { Services } from '../services.ts';
import { isStaffRole } from '../session/roles.ts';
import { needsSecondFactor } from '../session/session.cache.ts';
import { SessionError } from '../session/session.errors.ts';
import { ServerError } from '../errors.ts';
import type { Locale } from '../i18n/locale.ts';
import { downloadLocaleOf } from '../i18n/request.ts';
import { findInvoice } from './ledger.queries.ts';
import { renderInvoicePdf } from './invoice.pdf.ts';
import { statementInput } from './ledger.schema.ts';
import { accountStatement, statementCsv } from './statement.ts';
import { download, refusal } from '../download.ts';
import { LedgerError } from './ledger.errors.ts';

/**
 * Downloads that are files rather than JSON: an invoice as PDF and the account statement as
 * CSV. The session cookie decides what may be read, exactly as for the tRPC procedures: a
 * customer reads their own account's, staff any account's. The file and any refusal are in the
 * page's language (`?locale=`), else the person's saved one, else the vendor's.
 */
export function mountLedgerDownloads(app: Hono, services: Services): void {
  /** The caller and their language, or the refusal of one who may not download. */
  const readerOf = async (c: HonoContext) => {
    const { session } = await services.sessions.lookup(c.req.raw.headers);
    const locale: Locale = await downloadLocaleOf(
      services.db,
      c.req.query('locale'),
      session?.userId ?? null,
      services.portalSettings().defaultLocale,
    );
    if (!session) return refusal(c, 401, 'UNAUTHORIZED', locale, ServerError, 'SIGN_IN');
    if (needsSecondFactor(session)) {
      const code = 'SECOND_FACTOR_REQUIRED';
      return refusal(c, 403, code, locale, SessionError, code);
    }
    return { locale, session };
  };

  app.get('/api/invoices/:id/pdf', async (c) => {
    const reader = await readerOf(c);
    if (reader instanceof Response) return reader;
    const { locale, session } = reader;
    const scope = isStaffRole(session.role)
      ? 'all'
      : session.account
        ? { accountId: session.account.accountId }
        : null;
    const id = c.req.param('id');
    const invoice = scope && id.length <= 64 ? await findInvoice(services.db, scope, id) : null;
    if (!invoice) return refusal(c, 404, 'NOT_FOUND', locale, LedgerError, 'INVOICE_NOT_FOUND');
    const pdf = await renderInvoicePdf(invoice, services.portalSettings(), locale);
    return download(c, pdf, 'application/pdf', `invoice-${invoice.number}.pdf`);
  });

  app.get('/api/statement.csv', async (c) => {
    const reader = await readerOf(c);
    if (reader instanceof Response) return reader;
    const { locale, session } = reader;
    // Staff name the account (`?accountId=`); a customer always gets their own.
    const asked = c.req.query('accountId');
    let accountId = session.account?.accountId;
    if (isStaffRole(session.role) && asked !== undefined) {
      const account =
        asked.length <= 64
          ? await services.db
              .selectFrom('organization')
              .select('id')
              .where('id', '=', asked)
              .executeTakeFirst()
          : undefined;
      if (!account) {
        return refusal(c, 404, 'NOT_FOUND', locale, LedgerError, 'ACCOUNT_NOT_FOUND');
      }
      accountId = account.id;
    }
    if (!accountId) return refusal(c, 401, 'UNAUTHORIZED', locale, ServerError, 'SIGN_IN');
    const range = statementInput.safeParse({ from: c.req.query('from'), to: c.req.query('to') });
    if (!range.success) {
      // Dates in order is the one rule a person can break from the page; a malformed date
      // comes from a link typed by hand.
      const backwards = range.error.issues.some((issue) => issue.code === 'custom');
      return backwards
        ? refusal(c, 400, 'BAD_REQUEST', locale, LedgerError, 'BAD_RANGE')
        : refusal(c, 400, 'BAD_REQUEST', locale, ServerError, 'INVALID_FIELDS');
    }
    const { currency } = services.portalSettings();
    const statement = await accountStatement(services.db, accountId, range.data, locale);
    const csv = statementCsv(statement, currency, locale);
    return download(
      c,
      csv,
      'text/csv; charset=utf-8',
      `statement-${range.data.from}-${range.data.to}.csv`,
    );
  });
}
