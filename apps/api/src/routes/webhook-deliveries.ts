import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AuditEntry, OutboxMessage } from '@ptfx/intake';
import type { Context, Schema } from 'hono';
import type { ApiDeps, ApiEnv } from '../app-types.js';
import { ApiProblem } from '../http/problem.js';
import { responseHeaders } from '../http/public-headers.js';
import {
  jsonBody,
  problem,
  REQUEST_ERRORS,
  STAFF_SECURITY,
  staffGuardResponses,
  staffPageLimit,
} from './shared.js';

/** Where the webhook deliveries (the outbox) are, under the staff prefix. */
export const WEBHOOK_DELIVERIES_PATH = '/v1/staff/webhook-deliveries';

const security = STAFF_SECURITY;

const StatusSchema = z.enum(['pending', 'delivered', 'dead']);

const DeliverySchema = z
  .object({
    id: z.string().describe('The webhook-id the receiver sees (msg_…), the same on every attempt'),
    type: z.string().describe('The event type, e.g. consultation-request.created'),
    status: StatusSchema,
    createdAt: z.string().describe('When it was stored, with its request'),
    attempts: z.number().int().describe('Attempts made so far'),
    nextAttemptAt: z
      .string()
      .describe('When the next attempt is due (pending), else when it was settled'),
    lastError: z
      .string()
      .nullable()
      .describe('Why the last attempt failed (http 503, timeout, network ECONNREFUSED)'),
    deliveredAt: z.string().nullable(),
    payload: z.string().describe('The JSON body sent (no personal data), as text'),
  })
  .openapi('WebhookDelivery');

const RedriveResultSchema = z
  .object({
    redriven: z.number().int().describe('How many dead deliveries are pending again, due now'),
  })
  .openapi('WebhookRedriveResult');

const idParams = z.object({
  id: z
    .string()
    .max(200)
    .openapi({
      param: { name: 'id', in: 'path' },
      example: 'msg_0b7c2f2e4a1d4f579d8e2a0f5c3e9b11',
      description: 'The delivery’s webhook-id',
    }),
});

const staffResponses = {
  ...staffGuardResponses('Staff access is not configured, or the store is unavailable'),
  ...REQUEST_ERRORS,
};

/**
 * A re-drive takes no body; one sent anyway is read under the size limit and must say it is JSON
 * (app.ts), though it is then ignored.
 */
const ignoredBodyErrors = {
  413: problem('A body was sent, over the size limit (a re-drive takes none)'),
  415: problem('A body was sent that is not JSON (a re-drive takes none: send nothing)'),
};

const list = createRoute({
  method: 'get',
  path: WEBHOOK_DELIVERIES_PATH,
  operationId: 'listWebhookDeliveries',
  summary: 'Webhook deliveries (the outbox), newest first: dead letters to re-drive (staff)',
  tags: ['staff'],
  security,
  request: {
    query: z.object({
      status: StatusSchema.optional().openapi({
        description:
          'Only deliveries in this state (dead: retries ran out, or the receiver refused)',
      }),
      limit: staffPageLimit,
      before: z
        .string()
        .max(200)
        .optional()
        .openapi({ description: 'The `next` of the previous page' }),
    }),
  },
  responses: {
    200: jsonBody(
      z.object({
        items: z.array(DeliverySchema),
        next: z.string().nullable().describe('`before` for the next page; null on the last'),
      }),
      'A page of deliveries',
    ),
    400: problem('A parameter is not valid'),
    ...staffResponses,
  },
});

const redriveOne = createRoute({
  method: 'post',
  path: `${WEBHOOK_DELIVERIES_PATH}/{id}/redrive`,
  operationId: 'redriveWebhookDelivery',
  summary: 'Send a dead delivery again: pending, due now, attempts reset (staff; no body)',
  tags: ['staff'],
  security,
  request: { params: idParams },
  responses: {
    200: jsonBody(RedriveResultSchema, 'Pending again'),
    400: problem('The id is not valid (too long)'),
    404: problem('No dead delivery has this id'),
    ...ignoredBodyErrors,
    ...staffResponses,
  },
});

const redriveAll = createRoute({
  method: 'post',
  path: `${WEBHOOK_DELIVERIES_PATH}/redrive`,
  operationId: 'redriveWebhookDeliveries',
  summary: 'Send every dead delivery again (staff; no body)',
  tags: ['staff'],
  security,
  responses: {
    200: jsonBody(RedriveResultSchema, 'How many are pending again'),
    ...ignoredBodyErrors,
    ...staffResponses,
  },
});

function view(message: OutboxMessage) {
  return {
    id: message.id,
    type: message.type,
    status: message.status,
    createdAt: message.createdAt,
    attempts: message.attempts,
    nextAttemptAt: message.nextAttemptAt,
    lastError: message.lastError,
    deliveredAt: message.deliveredAt,
    payload: message.payload,
  };
}

function privateJson(c: Context<ApiEnv>, value: unknown): Response {
  return new Response(c.req.method === 'HEAD' ? null : JSON.stringify(value), {
    status: 200,
    headers: responseHeaders(c, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store, private',
    }),
  });
}

/**
 * The webhook-delivery routes under `/v1/staff/webhook-deliveries`: list the outbox (dead letters
 * mostly), re-drive one dead delivery or all of them. Behind the staff guard like every staff
 * route; each call is audited by the store (`outbox.list`, `outbox.redrive`). A re-drive wakes
 * this instance's deliverer, so the delivery goes out at once.
 */
export function webhookDeliveryRoutes<S extends Schema>(
  app: OpenAPIHono<ApiEnv, S>,
  deps: ApiDeps,
) {
  const entry = (
    c: Context<ApiEnv>,
    action: AuditEntry['action'],
    targetId: string | null,
  ): AuditEntry => ({
    at: deps.clock(),
    staff: c.get('staffName'),
    action,
    targetId,
    requestId: c.get('requestId'),
    outcome: 'ok',
  });
  return app
    .openapi(list, async (c) => {
      const q = c.req.valid('query');
      const page = await deps.store.listOutbox(
        {
          limit: q.limit,
          ...(q.status ? { status: q.status } : {}),
          ...(q.before ? { before: q.before } : {}),
        },
        entry(c, 'outbox.list', null),
      );
      return privateJson(c, { items: page.items.map(view), next: page.next ?? null });
    })
    .openapi(redriveAll, async (c) => {
      const redriven = await deps.store.redriveOutbox(
        undefined,
        deps.clock(),
        entry(c, 'outbox.redrive', null),
      );
      if (redriven > 0) deps.outbox?.wake();
      return privateJson(c, { redriven });
    })
    .openapi(redriveOne, async (c) => {
      const { id } = c.req.valid('param');
      const redriven = await deps.store.redriveOutbox(id, deps.clock(), {
        ...entry(c, 'outbox.redrive', id),
      });
      if (redriven === 0) {
        throw new ApiProblem(
          'not-found',
          `no dead webhook delivery has the id "${id.slice(0, 200)}"; list them with GET ${WEBHOOK_DELIVERIES_PATH}?status=dead`,
        );
      }
      deps.outbox?.wake();
      return privateJson(c, { redriven });
    });
}
