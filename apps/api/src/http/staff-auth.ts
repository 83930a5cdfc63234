import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Store } from '@ptfx/intake';
import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from '../app-types.js';
import type { StaffToken } from '../config.js';
import { clientAddress } from './client-address.js';
import { requestHeader } from './node-request.js';
import { ApiProblem } from './problem.js';
import { rateLimit } from './rate-limit.js';

/** What a bearer token may look like (RFC 6750 b64token). */
const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/;
const CHALLENGE = 'Bearer realm="ptfx staff"';
/** Wrong tokens allowed per client address in ten minutes before 429. */
export const FAILED_AUTH_LIMIT = { limit: 10, windowMs: 600_000 } as const;

/** The staff members who may read requests: their names and token hashes. */
export class StaffDirectory {
  private readonly entries: readonly { name: string; hash: Buffer }[];

  constructor(tokens: readonly StaffToken[]) {
    this.entries = tokens.map((t) => ({ name: t.name, hash: Buffer.from(t.sha256, 'hex') }));
  }

  /** Whether any staff member is configured. */
  get configured(): boolean {
    return this.entries.length > 0;
  }

  /**
   * The staff member whose token this is, or undefined. The token's SHA-256 is compared with
   * every configured hash in constant time, and every entry is compared, so the time taken says
   * nothing about which entry, or how much of one, matched.
   */
  identify(token: string): string | undefined {
    const hash = createHash('sha256').update(token, 'utf8').digest();
    let found: string | undefined;
    for (const entry of this.entries) {
      if (timingSafeEqual(hash, entry.hash) && found === undefined) found = entry.name;
    }
    return found;
  }
}

/** A new staff token and the `name:sha256` line that goes into PTFX_STAFF_TOKENS. */
export function mintStaffToken(name: string): { token: string; line: string } {
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(name)) {
    throw new RangeError(
      `a staff name is 1 to 64 letters, digits, ".", "_" or "-", got "${name.slice(0, 80)}"`,
    );
  }
  // 256 random bits, URL-safe; the prefix makes a leaked token easy to find with secret scanners.
  const token = `ptfx_st_${randomBytes(32).toString('base64url')}`;
  const hash = createHash('sha256').update(token, 'utf8').digest('hex');
  return { token, line: `${name}:${hash}` };
}

/**
 * Guards the staff routes: 503 when no staff member is configured (never open), 401 with a
 * Bearer challenge without a valid token, 429 after repeated wrong tokens from one address.
 * A token is read only from the Authorization header, never from the query string. A wrong token
 * is written to the audit log (as `anonymous`, without the token) until the address hits the
 * limit.
 */
export function staffAuth(deps: {
  readonly staff: StaffDirectory;
  readonly store: Store;
  readonly clock: () => Date;
  readonly trustedProxies: readonly string[];
}): MiddlewareHandler<ApiEnv> {
  const unauthorized = (detail: string, error?: string) =>
    new ApiProblem('unauthorized', detail, [], {
      'WWW-Authenticate': error ? `${CHALLENGE}, error="${error}"` : CHALLENGE,
    });
  return async (c, next) => {
    if (!deps.staff.configured) {
      throw new ApiProblem(
        'staff-not-configured',
        'staff access is not configured; set PTFX_STAFF_TOKENS on the server',
      );
    }
    const header = requestHeader(c, 'authorization');
    if (header === undefined) {
      throw unauthorized('staff routes need "Authorization: Bearer <token>"');
    }
    const token = BEARER.exec(header)?.[1];
    const name = token === undefined ? undefined : deps.staff.identify(token);
    if (name === undefined) {
      const address = clientAddress(c, deps.trustedProxies);
      // Counted first: past the limit the answer is 429 and nothing more is written, so a flood
      // of wrong tokens cannot grow the audit log without bound.
      await rateLimit(c, deps.store, {
        bucket: `auth-failed:${address}`,
        policy: 'staff-auth',
        ...FAILED_AUTH_LIMIT,
        now: deps.clock(),
      });
      await deps.store.appendAudit({
        at: deps.clock(),
        staff: 'anonymous',
        action: 'auth.failed',
        targetId: null,
        requestId: c.get('requestId'),
        outcome: 'refused',
      });
      throw unauthorized(
        token === undefined
          ? 'the Authorization header must be "Bearer <token>"'
          : 'the token is not valid',
        'invalid_token',
      );
    }
    c.set('staffName', name);
    await next();
  };
}
