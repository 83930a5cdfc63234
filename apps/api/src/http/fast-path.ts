import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IsoDate } from '@ptfx/domain';
import type { Context } from 'hono';
import type { ApiDeps, ApiEnv } from '../app-types.js';
import type { PublishedAnswer } from '../snapshot.js';
import { headerValue, incomingOf } from './node-request.js';
import { baseHeaderParts, type PublicHeadersOptions } from './public-headers.js';
import {
  chooseVariant,
  type Representation,
  send,
  variantBody,
  variantHeaders,
} from './representation.js';

/** Most request targets one snapshot keeps answers for; later ones go through the router. */
export const MAX_PUBLISHED = 2_000;

/**
 * Sends a representation that depends only on the clinic data (and, with `day`, on the clinic's
 * date) and the request target — not on anything else in the request — and keeps it under the
 * raw request target, so that the next GET or HEAD of the same target is answered by the fast
 * path without routing. Under `app.request()` (no socket) it only sends.
 */
export function publish(
  c: Context<ApiEnv>,
  rep: Representation,
  day: IsoDate | null = null,
  fits?: PublishedAnswer['fits'],
): Response {
  const target = incomingOf(c)?.url;
  const published = c.var.snapshot?.published;
  if (
    target !== undefined &&
    published !== undefined &&
    published.size < MAX_PUBLISHED &&
    (c.req.method === 'GET' || c.req.method === 'HEAD')
  ) {
    published.set(target, {
      rep,
      route: c.req.routePath,
      path: c.req.path,
      day,
      ...(fits ? { fits } : {}),
      headerLists: new Map(),
    });
  }
  return send(c, rep);
}

/** Sends (and publishes) a representation stored in the snapshot that must exist. */
export function sendStored(
  c: Context<ApiEnv>,
  rep: Representation | undefined,
  key: string,
): Response {
  if (!rep) throw new Error(`no representation stored under "${key}"`);
  return publish(c, rep);
}

/** A request id of the right length, replaced per request in a cached header list. */
const ID_PLACEHOLDER = '00000000-0000-4000-8000-000000000000';

/**
 * The server's fast path: a GET or HEAD whose target a route has published is answered straight
 * from Node's request, with what the full stack would send — the same security, CORS and
 * request-id headers ({@link baseHeaderParts}), the same ETag, 304, compression and Cache-Control
 * ({@link chooseVariant}, {@link variantHeaders}), the same URL and header size limits and the
 * same access-log line. The header list of each variant (status, coding, allowed origin) is
 * built once with those functions and kept with the answer; a request adds only its id.
 * Anything else (another method, an unknown target, an answer for another clinic date,
 * oversized headers) returns false and goes through the router, which publishes what it can.
 * Routing, validation and middleware for a cached GET cost more than the answer itself: this is
 * what brings those GETs near a bare `node:http` server.
 */
export function createFastPath(
  deps: Pick<ApiDeps, 'source' | 'clock' | 'logger'>,
  headers: PublicHeadersOptions,
  limits: { readonly maxUrlLength: number; readonly maxHeaderBytes: number },
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const parts = baseHeaderParts(headers);
  return (req, res) => {
    const method = req.method;
    if (method !== 'GET' && method !== 'HEAD') return false;
    const target = req.url;
    if (target === undefined || target.length > limits.maxUrlLength) return false;
    const snapshot = deps.source.current();
    const entry = snapshot.published.get(target);
    if (entry === undefined) return false;
    const started = performance.now();
    if (entry.day !== null && entry.day !== snapshot.today(deps.clock())) return false;
    if (entry.fits !== undefined && !entry.fits((name) => headerValue(req.headers[name])))
      return false;
    let headerBytes = 0;
    for (const part of req.rawHeaders) headerBytes += part.length + 2;
    if (headerBytes > limits.maxHeaderBytes) return false;

    const h = req.headers;
    const id = parts.requestId(headerValue(h['x-request-id']));
    const allowOrigin = parts.allowOrigin(headerValue(h.origin), entry.path);
    const variant = chooseVariant(entry.rep, {
      method,
      ifNoneMatch: headerValue(h['if-none-match']),
      acceptEncoding: headerValue(h['accept-encoding']),
    });
    // Keyed by the variant (one object per status and coding) and the allowed origin.
    let byOrigin = entry.headerLists.get(variant);
    if (byOrigin === undefined) {
      byOrigin = new Map();
      entry.headerLists.set(variant, byOrigin);
    }
    let list = byOrigin.get(allowOrigin ?? '');
    if (list === undefined) {
      const all = variantHeaders(
        entry.rep,
        variant,
        parts.headers(entry.path, allowOrigin, ID_PLACEHOLDER),
      );
      const entries = Object.entries(all);
      list = {
        flat: entries.flat(),
        idAt: 2 * entries.findIndex(([name]) => name === 'X-Request-Id') + 1,
      };
      // Origins are the configured few, or * (one entry); an unlisted origin gets none.
      if (byOrigin.size < 64) byOrigin.set(allowOrigin ?? '', list);
    }
    // writeHead turns the list into the header block before it returns: one list serves all.
    list.flat[list.idAt] = id;
    res.writeHead(variant.status, list.flat);
    res.end(variantBody(entry.rep, variant, method, 'bytes') ?? undefined);
    if (deps.logger.infoEnabled === false) return true;
    deps.logger.info({
      event: 'request',
      requestId: id,
      method,
      route: entry.route,
      status: variant.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
    return true;
  };
}
