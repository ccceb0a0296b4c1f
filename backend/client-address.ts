import { isIPv6 } from 'node:net';

/** `::ffff:192.0.2.1` (an IPv4 client on a dual-stack socket) as `192.0.2.1`. */
function plain(address: string): string {
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1').trim();
}

/**
 * The client's address: the socket's, unless the socket is one of the vendor's own reverse
 * proxies (TRUSTED_PROXIES); then the nearest address in `X-Forwarded-For` that is not one of
 * them, read from the right, since a client can put anything on the left.
 */
export function clientAddress(
  socket: string | undefined,
  forwardedFor: string | undefined,
  trustedProxies: readonly string[],
): string {
  const direct = plain(socket ?? 'unknown');
  if (!trustedProxies.includes(direct) || !forwardedFor) return direct;
  const hops = forwardedFor.split(',').map(plain).filter(Boolean);
  for (let index = hops.length - 1; index >= 0; index--) {
    if (!trustedProxies.includes(hops[index]!)) return hops[index]!;
  }
  return hops[0] ?? direct;
}

/**
 * The key rate limits count an address under: an IPv6 client gets a whole /64 from its provider,
 * so the /64 is one address; IPv4 addresses count as they are.
 */
export function limitKey(address: string): string {
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group || '0', 16).toString(16))
    .join(':')}::/64`;
}
