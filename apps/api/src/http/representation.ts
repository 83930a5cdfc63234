import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import { requestHeader } from './node-request.js';
import { responseHeaders } from './public-headers.js';

/** How long clients and caches may keep a response, per route. */
export const CACHE = {
  /** Clinic facts: fresh for 5 minutes, then revalidated with the ETag. */
  facts: 'public, max-age=300, stale-while-revalidate=60',
  /** The credential catalog changes only with a release. */
  catalog: 'public, max-age=86400',
  /** Answers that depend on the moment (hours at an instant). */
  live: 'public, max-age=30',
  /** Never cached: health, lint results. */
  none: 'no-store',
  /** A file whose name carries a hash of its content (the site's CSS and script): kept for good. */
  immutable: 'public, max-age=31536000, immutable',
} as const;

const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

const MIN_COMPRESS_BYTES = 1024;

/**
 * A response body computed once (per data load, or per request for dynamic answers) with its
 * strong ETag, and its gzip and brotli encodings made on first use and kept.
 */
export class Representation {
  readonly etag: string;
  /** The body's length in bytes (UTF-8). */
  readonly byteLength: number;
  private bytes: Uint8Array<ArrayBuffer> | undefined;
  private gzip: Uint8Array<ArrayBuffer> | undefined;
  private brotli: Uint8Array<ArrayBuffer> | undefined;

  constructor(
    /** The body as text, sent as is when not compressed: Node writes a string with the headers. */
    readonly text: string,
    readonly contentType: string,
    readonly cacheControl: string,
    /**
     * Headers of this body that replace the request's base ones: an HTML document's own
     * Content-Security-Policy and framing rules, where the base set is the JSON API's. Kept with
     * the body, so the router and the fast path, which both build headers from it, agree. A
     * `Vary` here is added to the request's, not put in its place.
     */
    readonly headers: Readonly<Record<string, string>> = NO_HEADERS,
  ) {
    this.byteLength = Buffer.byteLength(text, 'utf8');
    // An answer nobody may store (a lint result) needs no validator: skip the hash.
    this.etag =
      cacheControl === CACHE.none
        ? ''
        : `"${createHash('sha256').update(text, 'utf8').digest('base64url').slice(0, 27)}"`;
  }

  /** The body as UTF-8 bytes, encoded on first use (a one-off answer never needs them). */
  get body(): Uint8Array<ArrayBuffer> {
    this.bytes ??= new TextEncoder().encode(this.text);
    return this.bytes;
  }

  /** The body in `encoding`, compressed once and then reused. */
  encoded(encoding: 'br' | 'gzip'): Uint8Array<ArrayBuffer> {
    if (encoding === 'br') {
      this.brotli ??= new Uint8Array(
        brotliCompressSync(this.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
      );
      return this.brotli;
    }
    this.gzip ??= new Uint8Array(gzipSync(this.body, { level: 6 }));
    return this.gzip;
  }
}

/** A JSON representation, with the body's own `headers` (see {@link Representation}). */
export function json(
  value: unknown,
  cacheControl: string,
  contentType = 'application/json; charset=utf-8',
  headers?: Readonly<Record<string, string>>,
): Representation {
  return new Representation(JSON.stringify(value), contentType, cacheControl, headers);
}

function preferredEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | undefined {
  if (!acceptEncoding) return undefined;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name.trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : undefined;
}

function matches(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch === etag) return true; // the usual case: the one ETag sent back as it came
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** What {@link renderRepresentation} needs to know about a request. */
export interface RenderRequest {
  readonly method: string;
  readonly ifNoneMatch: string | undefined;
  readonly acceptEncoding: string | undefined;
}

/** A rendered answer: status, headers and body (null for 304 and HEAD). */
export interface Rendered {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string | Uint8Array<ArrayBuffer> | null;
}

/**
 * Renders a representation for a request: 304 when If-None-Match matches its ETag, else the
 * body — brotli or gzip when the client accepts it and the body is worth compressing — with
 * ETag, Cache-Control and `Vary` (the base's and the body's own, plus Accept-Encoding) over `base` (the request's security, CORS and
 * request-id headers). HEAD gets the headers alone. Shared by {@link send} and the server's fast
 * path for stored answers.
 */
export function renderRepresentation(
  rep: Representation,
  request: RenderRequest,
  base: Readonly<Record<string, string>>,
  status: 200 | 201 = 200,
): Rendered {
  const variant = chooseVariant(rep, request, status);
  return {
    status: variant.status,
    headers: variantHeaders(rep, variant, base),
    body: variantBody(rep, variant, request.method, 'text'),
  };
}

/** Which answer a request gets: its status and content coding. */
export interface Variant {
  readonly status: 200 | 201 | 304;
  readonly encoding: 'br' | 'gzip' | undefined;
}

/** Every variant there is, made once: choosing one allocates nothing. */
const VARIANTS = {
  200: { none: v(200, undefined), br: v(200, 'br'), gzip: v(200, 'gzip') },
  201: { none: v(201, undefined), br: v(201, 'br'), gzip: v(201, 'gzip') },
  304: v(304, undefined),
} as const;
function v(status: Variant['status'], encoding: Variant['encoding']): Variant {
  return Object.freeze({ status, encoding });
}

/** 304 when If-None-Match matches a GET's ETag; else the status, compressed when worth it. */
export function chooseVariant(
  rep: Representation,
  request: RenderRequest,
  status: 200 | 201 = 200,
): Variant {
  const { ifNoneMatch, method } = request;
  if (
    ifNoneMatch &&
    rep.etag &&
    matches(ifNoneMatch, rep.etag) &&
    (method === 'GET' || method === 'HEAD')
  ) {
    return VARIANTS[304];
  }
  const encoding =
    rep.byteLength >= MIN_COMPRESS_BYTES ? preferredEncoding(request.acceptEncoding) : undefined;
  return VARIANTS[status][encoding ?? 'none'];
}

/** The headers of a variant over `base`: caching headers, and content headers unless 304. */
export function variantHeaders(
  rep: Representation,
  variant: Variant,
  base: Readonly<Record<string, string>>,
): Record<string, string> {
  // One copy of the base, then assignments: this runs for every answer the router sends.
  const headers: Record<string, string> = { ...base };
  for (const name in rep.headers) headers[name] = rep.headers[name] ?? '';
  if (rep.etag) headers.ETag = rep.etag;
  headers['Cache-Control'] = rep.cacheControl;
  // Vary is the union: the request's (Origin), the body's own (a FHIR answer's Accept) and ours.
  const own = rep.headers.Vary;
  const vary = base.Vary ? (own ? `${base.Vary}, ${own}` : base.Vary) : own;
  headers.Vary = vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding';
  if (variant.status === 304) return headers;
  const { encoding } = variant;
  headers['Content-Type'] = rep.contentType;
  headers['Content-Length'] = String(encoding ? rep.encoded(encoding).length : rep.byteLength);
  if (encoding) headers['Content-Encoding'] = encoding;
  return headers;
}

/**
 * The body of a variant: none for 304 and HEAD; the compressed bytes; or the identity body as
 * text (Hono's adapter writes a string with the headers) or as bytes (for a raw Node response).
 */
export function variantBody(
  rep: Representation,
  variant: Variant,
  method: string,
  identity: 'text' | 'bytes',
): string | Uint8Array<ArrayBuffer> | null {
  if (variant.status === 304 || method === 'HEAD') return null;
  if (variant.encoding) return rep.encoded(variant.encoding);
  return identity === 'text' ? rep.text : rep.body;
}

/**
 * Sends a representation made for this one answer (an error page; its Cache-Control `no-store`,
 * so it has no ETag and never turns into a 304) with any status, compressed when the client
 * accepts it and it is worth it, with `extra` headers (Retry-After, RateLimit) over the base.
 */
export function sendOnce(
  c: Context,
  rep: Representation,
  status: number,
  extra: Readonly<Record<string, string>> = {},
): Response {
  const variant = chooseVariant(rep, {
    method: c.req.method,
    ifNoneMatch: undefined,
    acceptEncoding: requestHeader(c, 'accept-encoding'),
  });
  const headers = variantHeaders(rep, variant, responseHeaders(c, extra));
  return new Response(variantBody(rep, variant, c.req.method, 'text'), { status, headers });
}

/**
 * Sends a representation ({@link renderRepresentation}) as this request's response, with one
 * plain header object, so that @hono/node-server sends it without building a Web Response.
 */
export function send(c: Context, rep: Representation, status: 200 | 201 = 200): Response {
  const base: Readonly<Record<string, string>> = c.get('baseHeaders') ?? responseHeaders(c, {});
  const rendered = renderRepresentation(
    rep,
    {
      method: c.req.method,
      ifNoneMatch: requestHeader(c, 'if-none-match'),
      acceptEncoding: requestHeader(c, 'accept-encoding'),
    },
    base,
    status,
  );
  return new Response(rendered.body, { status: rendered.status, headers: rendered.headers });
}
