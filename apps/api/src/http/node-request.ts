import { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/** The Node request behind a Hono context on @hono/node-server; undefined under `app.request()`. */
export function incomingOf(c: Context): IncomingMessage | undefined {
  const env: unknown = c.env;
  if (typeof env !== 'object' || env === null || !('incoming' in env)) return undefined;
  return env.incoming instanceof IncomingMessage ? env.incoming : undefined;
}

/**
 * A request header, read from Node's own parsed headers when there are some. `c.req.header()`
 * makes @hono/node-server build a Web Headers object on first use, which costs more than the
 * rest of answering a cached GET.
 */
export function requestHeader(c: Context, name: string): string | undefined {
  const incoming = incomingOf(c);
  if (!incoming) return c.req.header(name);
  return headerValue(incoming.headers[name]);
}

/** A header from Node's parsed headers as one string (repeated headers joined, as Fetch does). */
export function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The size of the request line's target and of the headers, in characters. */
export function requestSize(c: Context): { url: number; headers: number } {
  const incoming = incomingOf(c);
  if (incoming) {
    let headers = 0;
    for (const part of incoming.rawHeaders) headers += part.length + 2;
    return { url: incoming.url?.length ?? 0, headers };
  }
  let headers = 0;
  c.req.raw.headers.forEach((value, name) => {
    headers += name.length + value.length + 4;
  });
  return { url: c.req.url.length, headers };
}
