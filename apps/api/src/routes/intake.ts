import { createHash, randomUUID } from 'node:crypto';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  CONSULTATION_REQUEST_EXAMPLE,
  type ConsultationRequestContent,
  ConsultationRequestSchema,
  isHoneypotFilled,
  type ReplyChannel,
  requestContent,
} from '@ptfx/domain';
import type { Context, Schema } from 'hono';
import type { ApiDeps, ApiEnv } from '../app-types.js';
import { clientAddress } from '../http/client-address.js';
import { ApiProblem } from '../http/problem.js';
import { responseHeaders } from '../http/public-headers.js';
import { rateLimit, rateLimitHeaders } from '../http/rate-limit.js';
import type { StoredResponse } from '../store/store.js';
import { jsonBody, problem } from './shared.js';

/**
 * An Idempotency-Key: 16 to 255 plain characters, bare or as an RFC 8941 string in double
 * quotes (draft-ietf-httpapi-idempotency-key-header). Short keys are refused: they collide.
 */
const IDEMPOTENCY_KEY = /^(?:"[A-Za-z0-9._~+/=:-]{16,255}"|[A-Za-z0-9._~+/=:-]{16,255})$/;

const ReceiptSchema = z
  .object({
    id: z.string().uuid().describe('The request’s id: quote it if the person calls'),
    receivedAt: z.string().describe('When it was received (ISO 8601)'),
    reply: z
      .object({ channel: z.enum(['phone', 'sms', 'email']) })
      .describe('How the clinic will answer: the preferred channel'),
    message: z.string().describe('A thank-you line the website can show'),
  })
  .openapi('ConsultationReceipt');

const rateLimitHeaderDocs = {
  RateLimit: {
    description: 'Remaining requests and seconds to reset',
    schema: { type: 'string' as const },
  },
  'RateLimit-Policy': {
    description: 'Requests allowed per window',
    schema: { type: 'string' as const },
  },
};

const create = createRoute({
  method: 'post',
  path: '/v1/consultation-requests',
  summary: 'Ask for a consultation (the website’s booking form)',
  description:
    'Stores the request for the clinic’s staff and answers with its id. Send an Idempotency-Key (a UUID) so that a retry after a lost answer stores nothing twice. Rate limited per client address.',
  tags: ['intake'],
  request: {
    headers: z.object({
      'idempotency-key': z
        .string()
        .regex(IDEMPOTENCY_KEY, {
          error:
            'Idempotency-Key must be 16 to 255 letters, digits or ._~+/=:- (a UUID is best), bare or in double quotes',
        })
        .optional()
        .openapi({
          example: '"8e03978e-40d5-43e8-bc93-6894a57f9324"',
          description:
            'Makes retries safe: the same key and body get the first answer again; keys are kept for 24 hours',
        }),
    }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: ConsultationRequestSchema,
          example: CONSULTATION_REQUEST_EXAMPLE,
        },
      },
    },
  },
  responses: {
    201: {
      ...jsonBody(ReceiptSchema, 'Received: the clinic will be in touch'),
      headers: rateLimitHeaderDocs,
    },
    400: problem('The body or the Idempotency-Key does not match the schema'),
    409: problem('A request with this Idempotency-Key is still being processed; retry shortly'),
    413: problem('The body is over the size limit'),
    415: problem('The body is not JSON'),
    422: problem('This Idempotency-Key was used with a different body'),
    429: problem('Too many requests from this address; see Retry-After'),
    503: problem('Requests cannot be stored right now; see Retry-After'),
  },
});

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

function answer(c: Context<ApiEnv>, response: StoredResponse, replayed: boolean): Response {
  return new Response(response.body, {
    status: response.status,
    headers: responseHeaders(c, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      ...rateLimitHeaders(c),
      ...(replayed ? { 'Idempotent-Replayed': 'true' } : {}),
    }),
  });
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

/** `POST /v1/consultation-requests`. */
export function intakeRoutes<S extends Schema>(app: OpenAPIHono<ApiEnv, S>, deps: ApiDeps) {
  const newId = deps.newId ?? randomUUID;
  // Keys being processed by this instance; the PostgreSQL adapter also locks keys across instances.
  const inFlight = new Set<string>();
  return app.openapi(create, async (c) => {
    const now = deps.clock();
    const address = clientAddress(c, deps.config.trustedProxies);
    await rateLimit(c, deps.store, {
      bucket: `intake:${address}`,
      policy: 'intake',
      ...deps.config.intakeRateLimit,
      now,
    });
    const request = c.req.valid('json');
    const rawKey = c.req.valid('header')['idempotency-key'];
    const id = newId();
    const response = receipt(id, now, request.contact.preferred);
    if (isHoneypotFilled(request)) {
      // A bot: it gets what a person would, and nothing is stored or announced.
      deps.logger.info({ event: 'intake-honeypot', requestId: c.get('requestId') });
      return answer(c, response, false);
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
          return answer(c, outcome.response, false);
        case 'replay':
          return answer(c, outcome.response, true);
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
  });
}
