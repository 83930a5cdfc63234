import { OpenAPIHono } from '@hono/zod-openapi';
import { DataKeyError, StoreUnavailableError } from '@ptfx/intake';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ApiDeps, ApiEnv } from './app-types.js';
import { readBody } from './http/body.js';
import { requestHeader, requestSize } from './http/node-request.js';
import { ApiProblem, problemResponse } from './http/problem.js';
import {
  createBaseHeaders,
  type PublicHeadersOptions,
  responseHeaders,
} from './http/public-headers.js';
import { staffAuth } from './http/staff-auth.js';
import { validationHook } from './http/validation.js';
import { formProblemPage, isFormPost } from './intake/form.js';
import { articleRoutes } from './routes/articles.js';
import { clinicRoutes } from './routes/clinic.js';
import { credentialRoutes } from './routes/credentials.js';
import { docsRoutes } from './routes/docs.js';
import { fhirRoutes } from './routes/fhir.js';
import { fhirProblemResponse, isFhirPath, isFhirSearchPost } from './routes/fhir-outcome.js';
import { healthRoutes } from './routes/health.js';
import { intakeRoutes } from './routes/intake.js';
import { lintRoutes } from './routes/lint.js';
import { locationRoutes } from './routes/locations.js';
import { isSitePath, siteNotFound, siteRoutes } from './routes/site.js';
import { staffRoutes } from './routes/staff.js';
import { therapistRoutes } from './routes/therapists.js';
import { treatmentRoutes } from './routes/treatments.js';
import { WEBHOOK_DELIVERIES_PATH, webhookDeliveryRoutes } from './routes/webhook-deliveries.js';

/** The longest URL read, in characters; longer gets 414. */
export const MAX_URL_LENGTH = 4096;
/** The most header bytes read; more gets 431 (Node itself cuts at its maxHeaderSize above this). */
export const MAX_HEADER_BYTES = 16 * 1024;

const JSON_CONTENT_TYPE = /^application\/([a-z-.]+\+)?json(;\s*[a-zA-Z0-9-]+=([^;]+))*$/;
const ALLOWED_HEADERS = [
  'Accept',
  'Accept-Encoding',
  'Content-Type',
  'Idempotency-Key',
  'If-None-Match',
  // FHIR search's `Prefer: handling=strict|lenient`, from a browser on another origin.
  'Prefer',
  'X-Request-Id',
];
const EXPOSED_HEADERS = [
  'ETag',
  'X-Request-Id',
  'Allow',
  'RateLimit',
  'RateLimit-Policy',
  'Retry-After',
  'Idempotent-Replayed',
];
/** Where the staff routes live: no CORS, a bearer token on everything. */
export const STAFF_PREFIX = '/v1/staff';

/** The security, CORS and request-id headers of every response, from the configuration. */
export function publicHeaderOptions(
  config: Pick<ApiDeps['config'], 'corsOrigins'>,
): PublicHeadersOptions {
  return {
    origins: config.corsOrigins,
    allowMethods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
    allowHeaders: ALLOWED_HEADERS,
    exposeHeaders: EXPOSED_HEADERS,
    maxAge: 600,
    privatePrefix: STAFF_PREFIX,
  };
}

/** A Hono route path as a regular expression source: literal text escaped, parameters as groups. */
function routePattern(path: string): string {
  return path
    .split(/(:\w+(?:\{[^}]+\})?)/)
    .map((part) => {
      const param = /^:\w+(?:\{([^}]+)\})?$/.exec(part);
      if (param) return param[1] ? `(?:${param[1]})` : '[^/]+';
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
}

/**
 * A staff action that takes no body (the webhook re-drives): a POST there with no Content-Type,
 * no Content-Length (or 0) and no Transfer-Encoding need not pretend to send JSON.
 */
function isBodylessAction(c: Context<ApiEnv>): boolean {
  return (
    c.req.method === 'POST' &&
    c.req.path.startsWith(`${WEBHOOK_DELIVERIES_PATH}/`) &&
    c.req.path.endsWith('/redrive') &&
    requestHeader(c, 'content-type') === undefined &&
    (requestHeader(c, 'content-length') ?? '0') === '0' &&
    requestHeader(c, 'transfer-encoding') === undefined
  );
}

/** What went wrong, as the problem to answer with; our own faults are logged, without a body. */
function problemOf(c: Context<ApiEnv>, error: unknown, deps: ApiDeps): ApiProblem {
  if (error instanceof ApiProblem) return error;
  if (error instanceof StoreUnavailableError) {
    deps.logger.error({
      event: 'store-unavailable',
      requestId: c.get('requestId'),
      route: c.req.routePath,
      reason: error.reason,
    });
    return new ApiProblem(
      'store-unavailable',
      'requests cannot be stored or read right now; nothing was kept, please try again shortly',
      [],
      { 'Retry-After': '5' },
    );
  }
  if (error instanceof DataKeyError) return dataKeyProblem(c, error, deps);
  if (error instanceof HTTPException) {
    if (error.status === 400)
      return new ApiProblem(
        'malformed-json',
        'the body could not be read as JSON; check its syntax',
      );
    if (error.status === 415)
      return new ApiProblem('unsupported-media-type', 'send the body as application/json');
  }
  deps.logger.error({
    event: 'error',
    requestId: c.get('requestId'),
    method: c.req.method,
    path: c.req.path.slice(0, 200),
    error:
      error instanceof Error
        ? `${error.name}: ${error.message}\n${error.stack ?? ''}`
        : String(error),
  });
  return new ApiProblem(
    'internal',
    'something went wrong on our side; the request id identifies it in our logs',
  );
}

/**
 * A stored value that does not open under PTFX_DATA_KEY: 503 until an operator configures the
 * key (nothing was changed, nothing is lost). No Retry-After: retrying will not help until then.
 * Logged with the key id and reason only: never the value, the key or the request's content.
 */
function dataKeyProblem(c: Context<ApiEnv>, error: DataKeyError, deps: ApiDeps): ApiProblem {
  deps.logger.error({
    event: 'data-key-unavailable',
    requestId: c.get('requestId'),
    route: c.req.routePath,
    reason: error.reason,
    keyId: error.keyId,
  });
  const what =
    error.reason === 'missing-key'
      ? `stored data is sealed under data key ${error.keyId}, which is not in this server's PTFX_DATA_KEY`
      : `stored data sealed under data key ${error.keyId} does not decrypt with the key of that id in PTFX_DATA_KEY (another key, or the stored value was altered)`;
  return new ApiProblem(
    'data-key-unavailable',
    `${what}; nothing was changed and nothing is lost. An operator must put the key with id ${error.keyId} back in PTFX_DATA_KEY (after the current key) and restart; see "admin rotate-key --help" for retiring keys`,
  );
}

/** A problem as problem+json; under /fhir/r4 as the OperationOutcome FHIR clients expect. */
function answerProblem(c: Context<ApiEnv>, problem: ApiProblem): Response {
  return isFhirPath(c.req.path) ? fhirProblemResponse(c, problem) : problemResponse(c, problem);
}

/** An error as problem+json (see answerProblem); for the booking form posted without JavaScript, as its page. */
function mapError(c: Context<ApiEnv>, error: unknown, deps: ApiDeps): Response {
  const problem = problemOf(c, error, deps);
  return isFormPost(c) ? formProblemPage(c, deps, problem) : answerProblem(c, problem);
}

/**
 * Builds the API from its dependencies: middleware (request id, access log, size limits,
 * security headers, CORS, body limit, JSON-only bodies but the booking form's), every route,
 * RFC 9457 errors, 405s, and the clinic's website at every path outside the API.
 *
 * @example
 * const app = createApp(deps);
 * const res = await app.request('/v1/clinic');
 */
export function createApp(deps: ApiDeps) {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });

  // Three layers, not one per concern: each layer is an async call and a promise per request.
  // 1. Security, CORS and request-id headers, and the access log line around everything else.
  const baseHeaders = createBaseHeaders(publicHeaderOptions(deps.config));
  app.use('*', async (c, next) => {
    const started = performance.now();
    const base = baseHeaders({
      method: c.req.method,
      path: c.req.path,
      header: (name) => requestHeader(c, name),
    });
    c.set('requestId', base.id);
    if (base.kind === 'preflight') {
      c.res = new Response(null, { status: 204, headers: base.headers });
    } else {
      c.set('baseHeaders', base.headers);
      await next();
    }
    if (deps.logger.infoEnabled === false) return;
    deps.logger.info({
      event: 'request',
      requestId: base.id,
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  });
  // 2. Nothing under the staff prefix is looked at, or its body read, without a token.
  const guard = staffAuth({
    staff: deps.staff,
    store: deps.store,
    clock: deps.clock,
    trustedProxies: deps.config.trustedProxies,
  });
  app.use(STAFF_PREFIX, guard);
  app.use(`${STAFF_PREFIX}/*`, guard);
  // 3. Size limits, JSON-only bodies read under the limit, and the snapshot to answer from.
  // A body is looked at only where a route takes this method: elsewhere the answer is 405 (or
  // 404), whatever the body's media type.
  const takesMethod = (method: string, path: string) =>
    patterns.some((p) => p.method === method && p.regex.test(path));
  app.use('*', async (c, next) => {
    const size = requestSize(c);
    if (size.url > MAX_URL_LENGTH)
      throw new ApiProblem('uri-too-long', `the URL is over ${MAX_URL_LENGTH} characters`);
    if (size.headers > MAX_HEADER_BYTES)
      throw new ApiProblem('headers-too-large', `the headers are over ${MAX_HEADER_BYTES} bytes`);
    if (
      (c.req.method === 'POST' || c.req.method === 'PUT' || c.req.method === 'PATCH') &&
      takesMethod(c.req.method, c.req.path)
    ) {
      // The test the JSON validator itself applies, so nothing it would refuse gets past here;
      // the booking form's media type on the intake route alone (intake/form.ts reads it).
      const type = requestHeader(c, 'content-type') ?? '';
      // FHIR's POST _search takes a form; its route checks the media type itself.
      if (
        !JSON_CONTENT_TYPE.test(type) &&
        !isFormPost(c) &&
        !isBodylessAction(c) &&
        !isFhirSearchPost(c)
      ) {
        throw new ApiProblem(
          'unsupported-media-type',
          `send the body as application/json, not "${type.slice(0, 100) || 'nothing'}"`,
        );
      }
      await readBody(c, deps.config.bodyLimit);
    }
    c.set('snapshot', deps.source.current());
    await next();
  });

  // Chained, so that the app's type carries every route for a typed `hc` client.
  const withHealth = healthRoutes(app, deps);
  const withClinic = clinicRoutes(withHealth);
  const withLocations = locationRoutes(withClinic, deps);
  const withTherapists = therapistRoutes(withLocations, deps);
  const withCredentials = credentialRoutes(withTherapists);
  const withLint = lintRoutes(withCredentials);
  const withIntake = intakeRoutes(withLint, deps);
  const withStaff = staffRoutes(withIntake, deps);
  const withDeliveries = webhookDeliveryRoutes(withStaff, deps);
  const withTreatments = treatmentRoutes(withDeliveries);
  const withArticles = articleRoutes(withTreatments);
  const withFhir = fhirRoutes(withArticles, deps);
  const routed = docsRoutes(withFhir, deps);

  // 405 for a path that exists under another method; else 404.
  const patterns = app.routes
    .filter((r) => r.method !== 'ALL')
    .map((r) => ({
      method: r.method,
      regex: new RegExp(`^${routePattern(r.path)}$`),
    }));
  app.notFound((c) => {
    const methods = [
      ...new Set(patterns.filter((p) => p.regex.test(c.req.path)).map((p) => p.method)),
    ];
    if (methods.length === 0 && isSitePath(c, deps)) methods.push('GET');
    if (methods.length > 0) {
      const allow = [...methods, ...(methods.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(
        ', ',
      );
      // OPTIONS is in Allow: a plain OPTIONS (a CORS preflight is cors()'s) gets the methods.
      if (c.req.method === 'OPTIONS')
        return new Response(null, { status: 204, headers: responseHeaders(c, { Allow: allow }) });
      return answerProblem(
        c,
        new ApiProblem(
          'method-not-allowed',
          `${c.req.method} is not allowed here; use ${allow}`,
          [],
          { Allow: allow },
        ),
      );
    }
    return (
      siteNotFound(c, deps) ??
      answerProblem(
        c,
        new ApiProblem(
          'not-found',
          `nothing is at ${c.req.path.slice(0, 200)}; see ${isFhirPath(c.req.path) ? '/fhir/r4/metadata for what the FHIR server serves' : '/openapi.json for the routes'}`,
        ),
      )
    );
  });
  app.onError((error, c) => mapError(c, error, deps));
  // The website last, on the app but not in its type: it answers what no API route does.
  siteRoutes(app, deps);
  return routed;
}

/** The app's type, for a typed `hc` client: `hc<AppType>('https://api.example.com')`. */
export type AppType = ReturnType<typeof createApp>;
