import { createHash, randomUUID } from 'node:crypto';
import {
  type ConsultationRequest,
  type ConsultationRequestContent,
  isHoneypotFilled,
  type ReplyChannel,
  requestContent,
} from '@ptfx/domain';
import type { StoredResponse } from '@ptfx/intake';
import type { Context } from 'hono';
import type { ApiDeps, ApiEnv } from '../app-types.js';
import { clientAddress } from '../http/client-address.js';
import { ApiProblem } from '../http/problem.js';
import { rateLimit } from '../http/rate-limit.js';

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

/** 409: this instance, or another sharing the database, is still processing the key. */
function keyInFlight(): ApiProblem {
  return new ApiProblem(
    'idempotency-key-in-flight',
    'a request with this Idempotency-Key is still being processed; retry in a moment',
    [],
    { 'Retry-After': '1' },
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
 * Takes one valid consultation request, however it was sent (JSON or the plain HTML form): counts
 * it against the client's rate limit, answers a filled honeypot as if stored (storing and
 * announcing nothing), stores it once per Idempotency-Key (key and request in one transaction)
 * and announces it. Problems (429, 409, 422 for a reused key, the store's 503) are thrown as
 * {@link ApiProblem}s or store errors, for the caller's error handler.
 */
export type Submit = (
  c: Context<ApiEnv>,
  request: ConsultationRequest,
  rawKey: string | undefined,
) => Promise<Submitted>;

/** Makes the {@link Submit} function of one app: its own set of keys in flight. */
export function createSubmit(deps: ApiDeps): Submit {
  const newId = deps.newId ?? randomUUID;
  // Keys being processed by this instance; the PostgreSQL adapter also locks keys across instances.
  const inFlight = new Set<string>();
  return async (c, request, rawKey) => {
    const now = deps.clock();
    const address = clientAddress(c, deps.config.trustedProxies);
    await rateLimit(c, deps.store, {
      bucket: `intake:${address}`,
      policy: 'intake',
      ...deps.config.intakeRateLimit,
      now,
    });
    const id = newId();
    const response = receipt(id, now, request.contact.preferred);
    if (isHoneypotFilled(request)) {
      // A bot: it gets what a person would, and nothing is stored or announced.
      deps.logger.info({ event: 'intake-honeypot', requestId: c.get('requestId') });
      return { response, replayed: false };
    }
    const content = requestContent(request);
    const key = rawKey?.replace(/^"|"$/g, '');
    if (key !== undefined && inFlight.has(key)) throw keyInFlight();
    if (key !== undefined) inFlight.add(key);
    try {
      const outcome = await deps.store.createRequest({
        id,
        receivedAt: now,
        content,
        ...(key !== undefined
          ? { idempotency: { key, fingerprint: requestFingerprint(content) } }
          : {}),
        response,
      });
      switch (outcome.kind) {
        case 'created':
          try {
            deps.notifier?.announce({
              type: 'consultation-request.created',
              id,
              staffUrl: `${deps.config.baseUrl}/v1/staff/consultation-requests/${id}`,
              at: now,
            });
          } catch (error) {
            // The request is stored: a broken notifier must not turn that into an error.
            deps.logger.error({
              event: 'webhook-announce-failed',
              requestId: c.get('requestId'),
              error: error instanceof Error ? error.name : 'unknown',
            });
          }
          return { response: outcome.response, replayed: false };
        case 'replay':
          return { response: outcome.response, replayed: true };
        case 'key-reused':
          throw new ApiProblem(
            'idempotency-key-reused',
            'this Idempotency-Key was already used with a different body; use a new key for a new request',
          );
        case 'key-in-flight':
          throw keyInFlight();
      }
    } finally {
      if (key !== undefined) inFlight.delete(key);
    }
  };
}
