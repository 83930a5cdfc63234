import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { CONSULTATION_REQUEST_EXAMPLE, ConsultationRequestSchema } from '@ptfx/domain';
import type { StoredResponse } from '@ptfx/intake';
import type { Context, Schema } from 'hono';
import type { ApiDeps, ApiEnv } from '../app-types.js';
import { responseHeaders } from '../http/public-headers.js';
import { rateLimitHeaders } from '../http/rate-limit.js';
import { formBranch } from '../intake/form.js';
import { createSubmit, IDEMPOTENCY_KEY, IDEMPOTENCY_KEY_RULE } from '../intake/submit.js';
import { jsonBody, problem, REQUEST_ERRORS } from './shared.js';

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

/** The booking page sent back to a form posted without JavaScript. */
const bookingPage = {
  'text/html': {
    schema: z
      .string()
      .describe(
        'The site’s booking page again: the visitor’s input kept, each problem at its field (aria-invalid, aria-describedby) or at the top of the form',
      ),
  },
};

/** An error as problem+json for JSON, or as the booking page for the form. */
function problemOrPage(description: string) {
  const json = problem(description);
  return { description, content: { ...json.content, ...bookingPage } };
}

const create = createRoute({
  method: 'post',
  path: '/v1/consultation-requests',
  operationId: 'createConsultationRequest',
  summary: 'Ask for a consultation (the website’s booking form)',
  description:
    'Stores the request for the clinic’s staff and answers with its id. Send an Idempotency-Key (a UUID) so that a retry after a lost answer stores nothing twice. Rate limited per client address. The site’s booking form without JavaScript posts the same fields as application/x-www-form-urlencoded (dotted names): it gets 303 to the site’s thank-you page, or the booking page again with its problems (422 when the fields are not valid).',
  tags: ['intake'],
  security: [],
  request: {
    headers: z.object({
      'idempotency-key': z
        .string()
        .regex(IDEMPOTENCY_KEY, { error: IDEMPOTENCY_KEY_RULE })
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
    303: {
      description:
        'The form (application/x-www-form-urlencoded) was received: see the site’s thank-you page',
      headers: {
        Location: {
          description:
            'The thank-you page: PTFX_SITE_URL + /booking/thank-you/, or /booking/thank-you/ on this origin',
          schema: { type: 'string' as const },
        },
        ...rateLimitHeaderDocs,
      },
    },
    400: problemOrPage('The body or the Idempotency-Key does not match the schema'),
    403: {
      description: 'A form posted from a site PTFX_CORS_ORIGINS does not list',
      content: bookingPage,
    },
    409: problemOrPage(
      'A request with this Idempotency-Key is still being processed; retry shortly',
    ),
    413: problemOrPage('The body is over the size limit'),
    415: problem('The body is neither JSON nor a form'),
    422: problemOrPage(
      'This Idempotency-Key was used with a different body; or (text/html) the form’s fields are not valid',
    ),
    429: problemOrPage('Too many requests from this address; see Retry-After'),
    503: problemOrPage('Requests cannot be stored right now; see Retry-After'),
    // As REQUEST_ERRORS, but the form posted without JavaScript gets them as its page too.
    414: problemOrPage(REQUEST_ERRORS[414].description),
    431: problemOrPage(REQUEST_ERRORS[431].description),
    500: problemOrPage(REQUEST_ERRORS[500].description),
  },
});

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

/** `POST /v1/consultation-requests`: JSON (the API, the site's script) or the plain HTML form. */
export function intakeRoutes<S extends Schema>(app: OpenAPIHono<ApiEnv, S>, deps: ApiDeps) {
  const submit = createSubmit(deps);
  // The form is read before the route's JSON validation; JSON goes on to it.
  const route = { ...create, middleware: [formBranch(deps, submit)] };
  return app.openapi(route, async (c) => {
    const { response, replayed } = await submit(
      c,
      c.req.valid('json'),
      c.req.valid('header')['idempotency-key'],
    );
    return answer(c, response, replayed);
  });
}
