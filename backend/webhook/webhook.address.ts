import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { WebhookError } from './webhook.errors.ts';

/** Hosts plain http is allowed to outside production, for trying webhooks out on one machine. */
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Addresses a production server never sends to: this machine, the private networks behind it
 * and link-local ones (the cloud's metadata service among them). An endpoint there would let a
 * stolen admin session probe services that trust the network, reading their answers in the
 * console's delivery list.
 */
const INTERNAL_V4 = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network": 0.0.0.0 reaches this machine
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT, internal in many clouds
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const) {
  INTERNAL_V4.addSubnet(network, prefix, 'ipv4');
}
// A list of its own: a BlockList checks IPv4 addresses against IPv4-mapped IPv6 rules too.
const INTERNAL_V6 = new BlockList();
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['::ffff:0:0', 96], // an IPv4 address written as IPv6: refused whatever it is
  ['fc00::', 7],
  ['fe80::', 10],
] as const) {
  INTERNAL_V6.addSubnet(network, prefix, 'ipv6');
}

/** Whether an IP address (without brackets) is one a production server must not send to. */
export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return INTERNAL_V4.check(address, 'ipv4');
  if (family === 6) return INTERNAL_V6.check(address, 'ipv6');
  return false;
}

/** The URL's host without IPv6 brackets or a final dot, lower case. */
function bareHost(url: URL): string {
  return url.hostname
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '')
    .toLowerCase();
}

/**
 * Why an endpoint address is not allowed, or null. Outside production: https anywhere, or plain
 * http to this machine (to try things out). In production: https only, and never to
 * `localhost` or an IP address on this machine or a private or link-local network. Names are
 * checked again by their addresses when a delivery is sent (see `sendingRefusal`).
 */
export function addressRefusal(
  href: string,
  production: boolean,
): keyof typeof WebhookError | null {
  const url = new URL(href);
  if (!production) {
    const allowed =
      url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_NAMES.has(url.hostname));
    return allowed ? null : 'ADDRESS_NOT_HTTPS';
  }
  if (url.protocol !== 'https:') return 'ADDRESS_NOT_HTTPS';
  const host = bareHost(url);
  if (host === 'localhost' || host.endsWith('.localhost') || isInternalAddress(host)) {
    return 'ADDRESS_INTERNAL';
  }
  return null;
}

/** The endpoint address as the server's rules allow it (see `addressRefusal`). */
const allowedInput = (production: boolean) =>
  z.strictObject({
    url: z
      .string()
      .superRefine((href, ctx) => {
        const refusal = addressRefusal(href, production);
        if (refusal) ctx.addIssue({ code: 'custom', message: WebhookError[refusal] });
      })
      .optional(),
  });

/**
 * BAD_REQUEST unless `addressRefusal` allows the address, as a field error of `url` (as the
 * input's own validation says it), so the console shows it under the address.
 */
export function refuseUnlessAllowed(href: string | undefined, production: boolean): void {
  const checked = allowedInput(production).safeParse({ url: href });
  if (checked.success) return;
  throw new TRPCError({ code: 'BAD_REQUEST', cause: checked.error });
}

/**
 * Why a delivery may not be sent to `href` now, or null: in production, the address's name is
 * looked up, and any of its addresses on this machine or an internal network refuses it (a name
 * that points to 127.0.0.1 must not pass because it is a name).
 */
export async function sendingRefusal(href: string, production: boolean): Promise<string | null> {
  if (!production) return null;
  const refusal = addressRefusal(href, production);
  if (refusal) return WebhookError[refusal];
  const host = bareHost(new URL(href));
  let addresses: { address: string }[];
  try {
    addresses = await lookup(host, { all: true });
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'lookup failed';
    return `The address's name could not be looked up (${code}).`;
  }
  const internal = addresses.find((entry) => isInternalAddress(entry.address));
  return internal ? `${WebhookError.ADDRESS_INTERNAL} (${host} is ${internal.address})` : null;
}
