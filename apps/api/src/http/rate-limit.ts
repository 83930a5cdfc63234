import { createHash } from 'node:crypto';
import type { Store } from '@ptfx/intake';
import type { Context } from 'hono';
import type { ApiEnv } from '../app-types.js';
import { ApiProblem } from './problem.js';

/** One rate-limit check. */
export interface RateLimitCheck {
  /** What is counted, e.g. `intake:<client address>`; hashed before it is stored. */
  readonly bucket: string;
  /** The policy's name in the RateLimit headers. */
  readonly policy: string;
  /** Hits allowed per window. */
  readonly limit: number;
  /** Window length in milliseconds. */
  readonly windowMs: number;
  /** The time now. */
  readonly now: Date;
}

/**
 * Counts a hit in a fixed window kept in the store, so that instances sharing a database share
 * the limit. Sets `RateLimit-Policy` and `RateLimit` (draft-ietf-httpapi-ratelimit-headers) on
 * the response; over the limit, throws a 429 problem with `Retry-After`. The bucket is stored as
 * a hash: client addresses are not kept in the database.
 */
export async function rateLimit(
  c: Context<ApiEnv>,
  store: Store,
  check: RateLimitCheck,
): Promise<void> {
  const bucket = createHash('sha256').update(check.bucket).digest('base64url').slice(0, 32);
  const hit = await store.hitRateLimit({
    bucket: `${check.policy}:${bucket}`,
    windowMs: check.windowMs,
    now: check.now,
  });
  const resetSeconds = Math.max(
    1,
    Math.ceil((hit.windowStart.getTime() + check.windowMs - check.now.getTime()) / 1000),
  );
  const headers = {
    'RateLimit-Policy': `"${check.policy}";q=${check.limit};w=${Math.round(check.windowMs / 1000)}`,
    RateLimit: `"${check.policy}";r=${Math.max(0, check.limit - hit.count)};t=${resetSeconds}`,
  };
  if (hit.count > check.limit) {
    throw new ApiProblem(
      'rate-limited',
      `too many requests from this address; try again in ${resetSeconds} seconds`,
      [],
      { ...headers, 'Retry-After': String(resetSeconds) },
    );
  }
  c.set('rateLimitHeaders', headers);
}

/** The RateLimit headers a check left for the success response, if any. */
export function rateLimitHeaders(c: Context<ApiEnv>): Record<string, string> {
  return c.get('rateLimitHeaders') ?? {};
}
