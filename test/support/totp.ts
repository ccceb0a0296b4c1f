import { createHmac } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Bytes(text: string): Buffer {
  let bits = '';
  for (const char of text.replace(/=+$/, '').toUpperCase()) {
    const value = BASE32.indexOf(char);
    if (value < 0) throw new Error(`not base32: ${char}`);
    bits += value.toString(2).padStart(5, '0');
  }
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((byte) => parseInt(byte, 2)));
}

/**
 * The current code of an authenticator app for an `otpauth://totp/…` URI (RFC 6238: HMAC-SHA1,
 * 30-second steps, 6 digits), computed as a person's phone would. `offsetSteps` gives a code of
 * an earlier or later step.
 */
export function totpCode(uri: string, { at = Date.now(), offsetSteps = 0 } = {}): string {
  const params = new URL(uri).searchParams;
  const secret = base32Bytes(params.get('secret') ?? '');
  const period = Number(params.get('period') ?? 30);
  const digits = Number(params.get('digits') ?? 6);
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / period) + offsetSteps));
  const mac = createHmac('sha1', secret).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0xf;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(value).padStart(digits, '0');
}
