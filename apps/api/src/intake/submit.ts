import { createHash, randomUUID } from 'node:crypto';
import {
  type ConsultationRequest,
  type ConsultationRequestContent,
  isHoneypotFilled,
  type ReplyChannel,
  requestContent,
} from '@ptfx/domain';
import { type StoredResponse, storedKeyOutcome } from '@ptfx/intake';
import type { Context } from 'hono';
import type { ApiDeps, ApiEnv } from '../app-types.js';
import { clientAddress } from '../http/client-address.js';
import { ApiProblem } from '../http/problem.js';
import { applyRateLimit, rateLimit, rateLimitedProblem, rateLimitHit } from '../http/rate-limit.js';

/**
 * An Idempotency-Key: 16 to 255 plain characters, bare or as an RFC 8941 string in double
 * quotes (draft-ietf-httpapi-idempotency-key-header). Short keys are refused: they collide.
 */
export const IDEMPOTENCY_KEY = /^(?:"[A-Za-z0-9._~+/=:-]{16,255}"|[A-Za-z0-9._~+/=:-]{16,255})$/;

/** What the Idempotency-Key must look like, said to whoever sent one that does not. */
export const IDEMPOTENCY_KEY_RULE =
  'Idempotency-Key must be 16 to 255 letters, digits or ._~+/=:- (a UUID is best), bare or in double quotes';

const CHANNEL_WORDS: Readonly<Record<ReplyChannel, string>> = {
  phone: 'phone',
  sms: 'text message',
  email: 'email',
};

/** JSON with object keys sorted, so that equal bodies have equal fingerprints. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The fingerprint an Idempotency-Key is bound to: SHA-256 of the validated body. */
export function requestFingerprint(content: ConsultationRequestContent): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

function receipt(id: string, receivedAt: Date, channel: ReplyChannel): StoredResponse {
  // Nothing personal: the answer is kept with the Idempotency-Key for replays.
  return {
    status: 201,
    body: JSON.stringify({
      id,
      receivedAt: receivedAt.toISOString(),
      reply: { channel },
      message: `Thank you. We have your request and will be in touch by ${CHANNEL_WORDS[channel]}, usually within one business day.`,
    }),
  };
}

/** 409: this instance is still processing the key (the PostgreSQL adapter also sees others'). */
function keyInFlight(): ApiProblem {
  return new ApiProblem(
    'idempotency-key-in-flight',
    'a request with this Idempotency-Key is still being processed; retry in a moment',
    [],
    { 'Retry-After': '1' },
  );
}

/** 422: the key came before with another body. */
function keyReused(): ApiProblem {
  return new ApiProblem(
    'idempotency-key-reused',
    'this Idempotency-Key was already used with a different body; use a new key for a new request',
  );
}

/** How a valid submission went: its receipt (the JSON answer), and whether it was a replay. */
export interface Submitted {
  /** The 201 receipt: stored with the request, or made for a bot that filled the honeypot. */
  readonly response: StoredResponse;
  /** The same Idempotency-Key and body came before: this is the first answer again. */
  readonly replayed: boolean;
}

/**
 * Takes one valid consultation request, however it was sent (JSON or the plain HTML form).
 * A key already stored is answered with its first answer again (or 422 for another body) without
 * counting anything, however many retries arrive at once; 409 only while the first is in flight. A filled honeypot is counted against the client's rate limit on its own and
 * answered as if stored (nothing stored or announced). Anything else goes to the store's
 * `createRequest`, which counts the rate limit, stores the request, its key and its announcement
 * in ONE transaction, and refuses (429, nothing counted) over the limit. Problems (429, 409, 422
 * for a reused key, the store's 503) are thrown as {@link ApiProblem}s or store errors, for the
 * caller's error handler.
 */
export type Submit = (
  c: Context<ApiEnv>,
  request: ConsultationRequest,
  rawKey: string | undefined,
) => Promise<Submitted>;

/** Makes the {@link Submit} function of one app: its own set of keys in flight. */
export function createSubmit(deps: ApiDeps): Submit {
  const newId = deps.newId ?? randomUUID;
  // Keys this instance is storing (or replaying) right now; the PostgreSQL adapter also locks
  // keys across instances.
  const inFlight = new Set<string>();
  return async (c, request, rawKey) => {
    const now = deps.clock();
    const check = {
      bucket: `intake:${clientAddress(c, deps.config.trustedProxies)}`,
      policy: 'intake',
      ...deps.config.intakeRateLimit,
      now,
    };
    const id = newId();
    const response = receipt(id, now, request.contact.preferred);
    if (isHoneypotFilled(request)) {
      // A bot: counted like anyone from its address, then told what a person would be told.
      await rateLimit(c, deps.store, check);
      deps.logger.info({ event: 'intake-honeypot', requestId: c.get('requestId') });
      return { response, replayed: false };
    }
    const content = requestContent(request);
    const key = rawKey?.replace(/^"|"$/g, '');
    const idempotency =
      key === undefined ? undefined : { key, fingerprint: requestFingerprint(content) };
    if (idempotency !== undefined) {
      if (inFlight.has(idempotency.key)) {
        // This instance is storing the key, or answering a replay of it, right now: a replay
        // once it is committed (however many arrive at once), 409 while it is not.
        const stored = await deps.store.findIdempotencyKey(idempotency.key);
        if (stored === undefined) throw keyInFlight();
        if (storedKeyOutcome(stored, idempotency.fingerprint).kind === 'key-reused')
          throw keyReused();
        return { response: stored.response, replayed: true };
      }
      // Otherwise createRequest reads the key first (PostgreSQL: before its lock), so a key
      // committed by any instance is replayed there, counted nowhere; a new key costs no
      // look-up of its own (measured: a round trip per request on PostgreSQL).
      inFlight.add(idempotency.key);
    }
    try {
      const outcome = await deps.store.createRequest({
        id,
        receivedAt: now,
        content,
        ...(idempotency !== undefined ? { idempotency } : {}),
        response,
        rateLimit: rateLimitHit(check),
        ...(deps.outbox ? { announce: deps.outbox.announcement(id, now) } : {}),
      });
      switch (outcome.kind) {
        case 'created':
          deps.outbox?.wake();
          if (outcome.rate !== undefined) applyRateLimit(c, check, outcome.rate);
          return { response: outcome.response, replayed: false };
        case 'rate-limited':
          throw rateLimitedProblem(check, outcome.rate);
        case 'replay':
          // The key was committed before (here or by another instance): nothing counted.
          return { response: outcome.response, replayed: true };
        case 'key-reused':
          throw keyReused();
        case 'key-in-flight':
          throw keyInFlight();
      }
    } finally {
      if (idempotency !== undefined) inFlight.delete(idempotency.key);
    }
  };
}
