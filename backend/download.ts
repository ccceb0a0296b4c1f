import type { Context as HonoContext } from 'hono';
import type { Locale } from './i18n/locale.ts';
import { sentenceIn } from './i18n/refusal.ts';

/**
 * A download refused, as JSON: `{ error: { code, message } }`, the code stable, the message a
 * catalogue's sentence in the reader's language: `refusal(c, 404, 'NOT_FOUND', locale,
 * FileError, 'NOT_FOUND')`.
 */
export function refusal<C extends Readonly<Record<string, string>>>(
  c: HonoContext,
  status: 400 | 401 | 403 | 404,
  code: string,
  locale: Locale,
  catalogue: C,
  key: keyof C & string,
) {
  return c.json({ error: { code, message: sentenceIn(locale, catalogue, key) } }, status);
}

/** `filename` for old agents (ASCII only) next to `filename*` with the real UTF-8 name. */
function disposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * A private file: never kept by a shared cache, always saved rather than shown, its type never
 * guessed by the browser, and inert should it be opened anyway.
 */
export function download(
  c: HonoContext,
  body: Uint8Array | string,
  type: string,
  filename: string,
) {
  return c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, {
    'content-type': type,
    'content-disposition': disposition(filename),
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
  });
}
