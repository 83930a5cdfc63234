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
} as const;

const MIN_COMPRESS_BYTES = 1024;

/**
 * A response body computed once (per data load, or per request for dynamic answers) with its
 * strong ETag, and its gzip and brotli encodings made on first use and kept.
 */
export class Representation {
  readonly body: Uint8Array<ArrayBuffer>;
  readonly etag: string;
  private gzip: Uint8Array<ArrayBuffer> | undefined;
  private brotli: Uint8Array<ArrayBuffer> | undefined;

  constructor(
    /** The body as text, sent as is when not compressed: Node writes a string with the headers. */
    readonly text: string,
    readonly contentType: string,
    readonly cacheControl: string,
  ) {
    this.body = new TextEncoder().encode(text);
    // An answer nobody may store (a lint result) needs no validator: skip the hash.
    this.etag =
      cacheControl === CACHE.none
        ? ''
        : `"${createHash('sha256').update(this.body).digest('base64url').slice(0, 27)}"`;
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

/** A JSON representation. */
export function json(
  value: unknown,
  cacheControl: string,
  contentType = 'application/json; charset=utf-8',
): Representation {
  return new Representation(JSON.stringify(value), contentType, cacheControl);
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
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * Sends a representation: 304 when If-None-Match matches its ETag, else the body — brotli or
 * gzip when the client accepts it and the body is worth compressing — with ETag, Cache-Control
 * and `Vary: Accept-Encoding`. HEAD gets the headers alone.
 */
export function send(c: Context, rep: Representation, status: 200 | 201 = 200): Response {
  // One plain header object, so that @hono/node-server sends it without building a Web Response.
  const ifNoneMatch = requestHeader(c, 'if-none-match');
  const caching = {
    ...(rep.etag ? { ETag: rep.etag } : {}),
    'Cache-Control': rep.cacheControl,
    Vary: 'Accept-Encoding',
  };
  if (
    ifNoneMatch &&
    rep.etag &&
    matches(ifNoneMatch, rep.etag) &&
    (c.req.method === 'GET' || c.req.method === 'HEAD')
  ) {
    return new Response(null, { status: 304, headers: responseHeaders(c, caching) });
  }
  const encoding =
    rep.body.length >= MIN_COMPRESS_BYTES
      ? preferredEncoding(requestHeader(c, 'accept-encoding'))
      : undefined;
  const body = encoding ? rep.encoded(encoding) : rep.text;
  const headers = responseHeaders(c, {
    ...caching,
    'Content-Type': rep.contentType,
    'Content-Length': String(encoding ? rep.encoded(encoding).length : rep.body.length),
    ...(encoding ? { 'Content-Encoding': encoding } : {}),
  });
  return new Response(c.req.method === 'HEAD' ? null : body, { status, headers });
}

/** Sends a stored representation that must exist (a bug if it does not). */
export function sendStored(c: Context, rep: Representation | undefined, key: string): Response {
  if (!rep) throw new Error(`no representation stored under "${key}"`);
  return send(c, rep);
}
