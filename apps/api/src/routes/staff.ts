import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  ConsultationRequestSchema,
  ConsultationRequestStatusSchema,
  StatusChangeSchema,
} from '@ptfx/domain';
import type { AuditAction, AuditEntry, RequestCursor, StoredRequest } from '@ptfx/intake';
import type { Context, Schema } from 'hono';
import type { ApiDeps, ApiEnv } from '../app-types.js';
import { ApiProblem } from '../http/problem.js';
import { responseHeaders } from '../http/public-headers.js';
import {
  bodyErrors,
  invalidPathParam,
  jsonBody,
  problem,
  REQUEST_ERRORS,
  STAFF_SECURITY,
  staffGuardResponses,
  staffPageLimit,
} from './shared.js';

const security = STAFF_SECURITY;

const StatusHistorySchema = z.object({
  at: z.string(),
  by: z.string().describe('The staff member'),
  status: ConsultationRequestStatusSchema,
  note: z.string().optional(),
});

const StoredRequestSchema = z
  .object({
    id: z.string(),
    receivedAt: z.string(),
    status: ConsultationRequestStatusSchema,
    statusChangedAt: z.string(),
    request: ConsultationRequestSchema.describe('What the person sent'),
    history: z.array(StatusHistorySchema).describe('Status changes, oldest first'),
  })
  .openapi('StoredConsultationRequest');

const AuditRecordSchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    staff: z.string().describe('Who (anonymous for a refused token)'),
    action: z.enum([
      'request.list',
      'request.read',
      'request.update',
      'request.delete',
      'audit.list',
      'outbox.list',
      'outbox.redrive',
      'auth.failed',
    ]),
    targetId: z.string().nullable(),
    requestId: z.string().describe('The X-Request-Id of the HTTP request'),
    outcome: z.enum(['ok', 'not-found', 'refused']),
  })
  .openapi('AuditRecord');

const instant = (what: string) =>
  z
    .string()
    .max(40)
    .refine((text) => !Number.isNaN(Date.parse(text)) && /^\d{4}-\d{2}-\d{2}/.test(text), {
      error: `${what} must be a date (2026-11-27) or an ISO 8601 instant (2026-11-27T08:00:00Z)`,
    })
    .transform((text) => new Date(text))
    .optional();

const idParams = z.object({
  id: z
    .string()
    .max(64)
    .openapi({
      param: { name: 'id', in: 'path' },
      example: '0b7c2f2e-4a1d-4f57-9d8e-2a0f5c3e9b11',
      description: 'The request’s id',
    }),
});

const unauthorizedResponses = {
  ...staffGuardResponses(
    'Staff access is not configured, the store is unavailable, or a request is sealed under a data key this server does not have (data-key-unavailable)',
  ),
  ...REQUEST_ERRORS,
};

const list = createRoute({
  method: 'get',
  path: '/v1/staff/consultation-requests',
  operationId: 'listConsultationRequests',
  summary: 'List consultation requests, newest first (staff)',
  tags: ['staff'],
  security,
  request: {
    query: z.object({
      status: ConsultationRequestStatusSchema.optional(),
      from: instant('from').openapi({ description: 'Received at or after (date or instant)' }),
      to: instant('to').openapi({ description: 'Received before (date or instant)' }),
      limit: staffPageLimit,
      cursor: z
        .string()
        .max(200)
        .optional()
        .openapi({ description: 'The `next` of the previous page' }),
    }),
  },
  responses: {
    200: jsonBody(
      z.object({
        items: z.array(StoredRequestSchema),
        next: z.string().nullable().describe('Cursor of the next page; null on the last'),
      }),
      'A page of requests',
    ),
    400: problem('A filter or the cursor is not valid'),
    ...unauthorizedResponses,
  },
});

const read = createRoute({
  method: 'get',
  path: '/v1/staff/consultation-requests/{id}',
  operationId: 'getConsultationRequest',
  summary: 'Read one consultation request (staff)',
  tags: ['staff'],
  security,
  request: { params: idParams },
  responses: {
    200: jsonBody(StoredRequestSchema, 'The request'),
    400: invalidPathParam,
    404: problem('No request has this id'),
    ...unauthorizedResponses,
  },
});

const update = createRoute({
  method: 'patch',
  path: '/v1/staff/consultation-requests/{id}',
  operationId: 'updateConsultationRequest',
  summary: 'Change a request’s status, with a note (staff)',
  tags: ['staff'],
  security,
  request: {
    params: idParams,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: StatusChangeSchema,
          example: { status: 'contacted', note: 'Left a voicemail; will try again Friday' },
        },
      },
    },
  },
  responses: {
    200: jsonBody(StoredRequestSchema, 'The request with its new status'),
    ...bodyErrors(
      'The body is not JSON or does not match the schema, or the id is too long; each problem names its path',
    ),
    404: problem('No request has this id'),
    ...unauthorizedResponses,
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/v1/staff/consultation-requests/{id}',
  operationId: 'deleteConsultationRequest',
  summary: 'Delete a request for good (staff)',
  tags: ['staff'],
  security,
  request: { params: idParams },
  responses: {
    204: { description: 'Deleted' },
    400: invalidPathParam,
    404: problem('No request has this id'),
    ...unauthorizedResponses,
  },
});

const audit = createRoute({
  method: 'get',
  path: '/v1/staff/audit',
  operationId: 'listAuditRecords',
  summary: 'The audit log, newest first (staff; read-only)',
  tags: ['staff'],
  security,
  request: {
    query: z.object({
      limit: staffPageLimit,
      before: z.coerce
        .number({ error: 'before must be a whole number' })
        .int({ error: 'before must be a whole number' })
        .min(1)
        .optional()
        .openapi({ description: 'The `next` of the previous page' }),
    }),
  },
  responses: {
    200: jsonBody(
      z.object({
        items: z.array(AuditRecordSchema),
        next: z.number().int().nullable().describe('`before` for the next page; null on the last'),
      }),
      'A page of the audit log',
    ),
    400: problem('A parameter is not valid'),
    ...unauthorizedResponses,
  },
});

function view(request: StoredRequest) {
  return {
    id: request.id,
    receivedAt: request.receivedAt,
    status: request.status,
    statusChangedAt: request.statusChangedAt,
    request: request.content,
    history: request.history,
  };
}

function encodeCursor(cursor: RequestCursor): string {
  return Buffer.from(JSON.stringify([cursor.receivedAt, cursor.id])).toString('base64url');
}

function decodeCursor(text: string): RequestCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string' &&
      !Number.isNaN(Date.parse(value[0]))
    ) {
      return { receivedAt: value[0], id: value[1] };
    }
  } catch {
    // reported below
  }
  throw new ApiProblem('invalid-request', '1 problem in the query', [
    { path: 'query.cursor', message: 'cursor must be the `next` of a previous page, unchanged' },
  ]);
}

/** PHI: never cached, by the browser or anyone between. */
function privateJson(c: Context<ApiEnv>, value: unknown, status: 200 = 200): Response {
  return new Response(c.req.method === 'HEAD' ? null : JSON.stringify(value), {
    status,
    headers: responseHeaders(c, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store, private',
    }),
  });
}

/**
 * The staff routes under `/v1/staff`: list, read, change and delete requests, read the audit log.
 * The staff guard (http/staff-auth.ts) runs before every one of them; each writes an audit row.
 */
export function staffRoutes<S extends Schema>(app: OpenAPIHono<ApiEnv, S>, deps: ApiDeps) {
  const entry = (
    c: Context<ApiEnv>,
    action: AuditAction,
    targetId: string | null,
  ): Omit<AuditEntry, 'outcome'> => ({
    at: deps.clock(),
    staff: c.get('staffName'),
    action,
    targetId,
    requestId: c.get('requestId'),
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'staffToken', {
    type: 'http',
    scheme: 'bearer',
    description:
      'A staff member’s token; the server keeps only its SHA-256 in PTFX_STAFF_TOKENS. Mint one with `pnpm --filter @ptfx/api admin mint-token <name>`.',
  });
  const notFound = (id: string) =>
    new ApiProblem('not-found', `no consultation request has the id "${id.slice(0, 64)}"`);

  return app
    .openapi(list, async (c) => {
      const q = c.req.valid('query');
      const page = await deps.store.listRequests(
        {
          limit: q.limit,
          ...(q.status ? { status: q.status } : {}),
          ...(q.from ? { receivedFrom: q.from } : {}),
          ...(q.to ? { receivedBefore: q.to } : {}),
          ...(q.cursor ? { after: decodeCursor(q.cursor) } : {}),
        },
        { ...entry(c, 'request.list', null), outcome: 'ok' },
      );
      return privateJson(c, {
        items: page.items.map(view),
        next: page.next ? encodeCursor(page.next) : null,
      });
    })
    .openapi(read, async (c) => {
      const { id } = c.req.valid('param');
      const found = await deps.store.getRequest(id, {
        ...entry(c, 'request.read', id),
        outcome: 'ok',
      });
      if (!found) throw notFound(id);
      return privateJson(c, view(found));
    })
    .openapi(update, async (c) => {
      const { id } = c.req.valid('param');
      const change = c.req.valid('json');
      const updated = await deps.store.updateStatus(id, change, {
        ...entry(c, 'request.update', id),
        outcome: 'ok',
      });
      if (!updated) throw notFound(id);
      return privateJson(c, view(updated));
    })
    .openapi(remove, async (c) => {
      const { id } = c.req.valid('param');
      const deleted = await deps.store.deleteRequest(id, {
        ...entry(c, 'request.delete', id),
        outcome: 'ok',
      });
      if (!deleted) throw notFound(id);
      return new Response(null, {
        status: 204,
        headers: responseHeaders(c, { 'Cache-Control': 'no-store, private' }),
      });
    })
    .openapi(audit, async (c) => {
      const q = c.req.valid('query');
      const page = await deps.store.listAudit(
        { limit: q.limit, ...(q.before ? { before: q.before } : {}) },
        { ...entry(c, 'audit.list', null), outcome: 'ok' },
      );
      return privateJson(c, { items: page.items, next: page.next ?? null });
    });
}
