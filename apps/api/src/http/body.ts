import type { Context } from 'hono';
import { incomingOf, requestHeader } from './node-request.js';
import { ApiProblem } from './problem.js';

/**
 * Reads a request body up to `limit` bytes — counted on the stream, so a chunked body without
 * Content-Length is caught too — and leaves the text where `c.req.json()` finds it. On Node it
 * reads the socket's message directly: the Web Request @hono/node-server would otherwise build
 * for the body (streams, abort signals) cost more than the linting behind the one POST route.
 */
export async function readBody(c: Context, limit: number): Promise<void> {
  const tooLarge = () =>
    new ApiProblem('payload-too-large', `the body is over the ${limit}-byte limit`);
  const declared = Number(requestHeader(c, 'content-length') ?? '0');
  if (declared > limit) throw tooLarge();
  const source: AsyncIterable<Uint8Array> | null = incomingOf(c) ?? c.req.raw.body;
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (source) {
    for await (const chunk of source) {
      size += chunk.byteLength;
      if (size > limit) throw tooLarge();
      chunks.push(chunk);
    }
  }
  // Hono's request keeps bodies here and its json() reads "text" from it. At run time the cache
  // holds promises (its own reads store raw.text()), though its type says strings.
  Object.assign(c.req.bodyCache, { text: Promise.resolve(Buffer.concat(chunks).toString('utf8')) });
}
