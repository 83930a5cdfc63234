import { isIP } from 'node:net';
import type { Context } from 'hono';
import { incomingOf, requestHeader } from './node-request.js';

/** IPv4 addresses written as IPv6 (`::ffff:192.0.2.1`) compare as plain IPv4. */
function plain(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/**
 * The client's address, for rate limits: the socket's peer. Only when that peer is a trusted proxy
 * is `X-Forwarded-For` read, right to left, skipping trusted proxies: the first other address is
 * the client. A client can put anything in the header, so an untrusted peer's header is ignored.
 */
export function clientAddress(c: Context, trustedProxies: readonly string[]): string {
  const peer = plain(incomingOf(c)?.socket.remoteAddress ?? 'unknown');
  if (trustedProxies.length === 0 || !trustedProxies.includes(peer)) return peer;
  const forwarded = (requestHeader(c, 'x-forwarded-for') ?? '')
    .split(',')
    .map((part) => plain(part.trim()))
    .filter((part) => part !== '');
  for (let i = forwarded.length - 1; i >= 0; i--) {
    const hop = forwarded[i] ?? '';
    if (isIP(hop) === 0) return peer; // a garbled chain: count it against the proxy itself
    if (!trustedProxies.includes(hop)) return hop;
  }
  return peer;
}
