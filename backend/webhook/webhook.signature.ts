import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a signature's time may be from the receiver's clock before it is refused. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** Hex HMAC-SHA256 of `<t>.<body>` with the endpoint's secret. */
function digest(secret: string, t: number, body: string): string {
  return createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
}

/**
 * The `Portico-Signature` header of a body sent at `now`: `t=<unix seconds>,v1=<hex>`. The time
 * is inside what is signed, so an old delivery sent again is told apart by its time.
 */
export function signatureHeader(secret: string, body: string, now: Date): string {
  const t = Math.floor(now.getTime() / 1000);
  return `t=${t},v1=${digest(secret, t, body)}`;
}

export type SignatureCheck =
  { ok: true; timestamp: number } | { ok: false; reason: 'MALFORMED' | 'MISMATCH' | 'TOO_OLD' };

/**
 * What a receiver does with a delivery, written out (the README shows the same in Node and PHP):
 * read `t` and every `v1` from the header, recompute the HMAC of `<t>.<raw body>` with the
 * secret, compare in constant time, and refuse a time more than `toleranceSeconds` from now.
 * The raw body must be the bytes received, before any JSON parsing.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | null | undefined,
  rawBody: string,
  now: Date = new Date(),
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): SignatureCheck {
  if (!header) return { ok: false, reason: 'MALFORMED' };
  let t: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const index = part.indexOf('=');
    const key = part.slice(0, index).trim();
    const value = part.slice(index + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) t = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  if (t === null || signatures.length === 0) return { ok: false, reason: 'MALFORMED' };
  const expected = Buffer.from(digest(secret, t, rawBody), 'hex');
  const matches = signatures.some((signature) =>
    timingSafeEqual(expected, Buffer.from(signature, 'hex')),
  );
  if (!matches) return { ok: false, reason: 'MISMATCH' };
  if (Math.abs(now.getTime() / 1000 - t) > toleranceSeconds)
    return { ok: false, reason: 'TOO_OLD' };
  return { ok: true, timestamp: t };
}
