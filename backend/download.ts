import type { Context as HonoContext } from 'hono';

export function refusal(
  c: HonoContext,
  status: 400 | 401 | 403 | 404,
  code: string,
  message: string,
) {
  return c.json({ error: { code, message } }, status);
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
