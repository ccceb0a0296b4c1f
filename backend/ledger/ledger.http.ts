import type { Hono, Context as HonoContext } from 'hono';
import type { Services } from '../services.ts';
import { isStaffRole } from '../session/roles.ts';
import { needsSecondFactor } from '../session/session.cache.ts';
import { SessionError } from '../session/session.errors.ts';
import { isLocale, type Locale } from '../i18n/locale.ts';
import { savedLocales } from '../i18n/request.ts';
import { findInvoice } from './ledger.queries.ts';
import { renderInvoicePdf } from './invoice.pdf.ts';
import { statementInput } from './ledger.schema.ts';
import { accountStatement, statementCsv } from './statement.ts';
import { download, refusal } from '../download.ts';
import { LedgerError } from './ledger.errors.ts';

/**
 * Downloads that are files rather than JSON: an invoice as PDF and the account statement as
 * CSV. The session cookie decides what may be read, exactly as for the tRPC procedures: a
 * customer reads their own account's, staff any account's.
 */
export function mountLedgerDownloads(app: Hono, services: Services): void {
  // The page's language (`?locale=`), else the person's saved one, else the vendor's. Not the
  // browser's Accept-Language: a download is fetched without the page's own header.
  const locale = async (c: HonoContext, userId: string): Promise<Locale> => {
    const asked = c.req.query('locale');
    if (isLocale(asked)) return asked;
    const saved = (await savedLocales(services.db, [userId])).get(userId);
    return saved ?? services.portalSettings().defaultLocale;
  };

  app.get('/api/invoices/:id/pdf', async (c) => {
    const { session } = await services.sessions.lookup(c.req.raw.headers);
    if (!session) return refusal(c, 401, 'UNAUTHORIZED', 'Please sign in.');
    if (needsSecondFactor(session)) {
      return refusal(c, 403, 'SECOND_FACTOR_REQUIRED', SessionError.SECOND_FACTOR_REQUIRED);
    }
    const scope = isStaffRole(session.role)
      ? 'all'
      : session.account
        ? { accountId: session.account.accountId }
        : null;
    const id = c.req.param('id');
    const invoice = scope && id.length <= 64 ? await findInvoice(services.db, scope, id) : null;
    if (!invoice) return refusal(c, 404, 'NOT_FOUND', 'We could not find that invoice.');
    const pdf = await renderInvoicePdf(
      invoice,
      services.portalSettings(),
      await locale(c, session.userId),
    );
    return download(c, pdf, 'application/pdf', `invoice-${invoice.number}.pdf`);
  });

  app.get('/api/statement.csv', async (c) => {
    const { session } = await services.sessions.lookup(c.req.raw.headers);
    if (!session) return refusal(c, 401, 'UNAUTHORIZED', 'Please sign in.');
    if (needsSecondFactor(session)) {
      return refusal(c, 403, 'SECOND_FACTOR_REQUIRED', SessionError.SECOND_FACTOR_REQUIRED);
    }
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
      if (!account) return refusal(c, 404, 'NOT_FOUND', LedgerError.ACCOUNT_NOT_FOUND);
      accountId = account.id;
    }
    if (!accountId) return refusal(c, 401, 'UNAUTHORIZED', 'Please sign in.');
    const range = statementInput.safeParse({ from: c.req.query('from'), to: c.req.query('to') });
    if (!range.success) {
      const message = range.error.issues.map((issue) => issue.message).join(' ');
      return refusal(c, 400, 'BAD_REQUEST', message);
    }
    const { currency } = services.portalSettings();
    const digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    const language = await locale(c, session.userId);
    const statement = await accountStatement(services.db, accountId, range.data, language);
    const csv = statementCsv(statement, currency, digits, language);
    return download(
      c,
      csv,
      'text/csv; charset=utf-8',
      `statement-${range.data.from}-${range.data.to}.csv`,
    );
  });
}
