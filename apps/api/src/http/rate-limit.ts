import { createHash } from 'node:crypto';
import type { RateLimitDecision, RateLimitHit, Store } from '@ptfx/intake';
import type { Context } from 'hono';
import type { ApiEnv } from '../app-types.js';
import { ApiProblem } from './problem.js';

/** One rate-limit policy applied to one client: GCRA over `limit` hits per `windowMs`. */
export interface RateLimitCheck {
  /** What is counted, e.g. `intake:<client address>`; hashed before it is stored. */
  readonly bucket: string;
  /** The policy's name in the RateLimit headers, e.g. `intake`. */
  readonly policy: string;
  /** Hits allowed per window (the burst). */
  readonly limit: number;
  /** Window length in milliseconds. */
  readonly windowMs: number;
  /** The time now. */
  readonly now: Date;
}

/**
 * The hit to give the store for a check: the bucket becomes `<policy>:` and 32 characters of
 * SHA-256, so client addresses are never stored.
 */
export function rateLimitHit(check: RateLimitCheck): RateLimitHit {
  const hashed = createHash('sha256').update(check.bucket).digest('base64url').slice(0, 32);
  return {
    bucket: `${check.policy}:${hashed}`,
    limit: check.limit,
    windowMs: check.windowMs,
    now: check.now,
  };
}

/**
 * The `RateLimit-Policy` and `RateLimit` headers (draft-ietf-httpapi-ratelimit-headers) for a
 * decision: `"<policy>";q=<limit>;w=<window s>` and `"<policy>";r=<remaining>;t=<s until the full
 * allowance is back>`.
 */
export function rateLimitHeaderValues(
  check: Pick<RateLimitCheck, 'policy' | 'windowMs'>,
  decision: RateLimitDecision,
): Record<string, string> {
  return {
    'RateLimit-Policy': `"${check.policy}";q=${decision.limit};w=${Math.ceil(check.windowMs / 1000)}`,
    RateLimit: `"${check.policy}";r=${decision.remaining};t=${Math.ceil(decision.resetMs / 1000)}`,
  };
}

/**
 * The 429 problem for a refused decision: the RateLimit headers and `Retry-After`, the whole
 * seconds until one more hit is allowed (at least 1).
 */
export function rateLimitedProblem(
  check: Pick<RateLimitCheck, 'policy' | 'windowMs'>,
  decision: RateLimitDecision,
): ApiProblem {
  const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  return new ApiProblem(
    'rate-limited',
    `too many requests from this address; try again in ${seconds} second${seconds === 1 ? '' : 's'}`,
    [],
    { ...rateLimitHeaderValues(check, decision), 'Retry-After': String(seconds) },
  );
}

/**
 * Applies a decision to the response: allowed, its RateLimit headers go on the success answer
 * (see {@link rateLimitHeaders}); refused, throws the 429 problem of {@link rateLimitedProblem}.
 */
export function applyRateLimit(
  c: Context<ApiEnv>,
  check: Pick<RateLimitCheck, 'policy' | 'windowMs'>,
  decision: RateLimitDecision,
): void {
  if (!decision.allowed) throw rateLimitedProblem(check, decision);
  c.set('rateLimitHeaders', rateLimitHeaderValues(check, decision));
}

/**
 * A rate-limit hit counted on its own (`store.hitRateLimit`, GCRA, shared by every instance on
 * the database), for what stores nothing else: a honeypot, a failed staff login. Sets the
 * RateLimit headers, or throws the 429 problem. A refused hit is not counted. Consultation
 * requests are counted inside `createRequest` instead, in the same transaction as the request.
 */
export async function rateLimit(
  c: Context<ApiEnv>,
  store: Pick<Store, 'hitRateLimit'>,
  check: RateLimitCheck,
): Promise<void> {
  applyRateLimit(c, check, await store.hitRateLimit(rateLimitHit(check)));
}

/** The RateLimit headers a check left for the success response, if any. */
export function rateLimitHeaders(c: Context<ApiEnv>): Record<string, string> {
  return c.get('rateLimitHeaders') ?? {};
}
