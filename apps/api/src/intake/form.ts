// The consultation form without JavaScript: a plain HTML form posted as
// application/x-www-form-urlencoded to the intake route. Success is a 303 to the site's thank-you
// page; any problem is the booking page again, with the visitor's input and the problem's words.
import { ConsultationRequestSchema } from '@ptfx/domain';
import {
  consultationRequestFromForm,
  FIELD,
  type FormState,
  formErrorsFromProblem,
  INTAKE_PATH,
  renderBookingPage,
  THANK_YOU_PATH,
} from '@ptfx/site';
import type { Context, MiddlewareHandler } from 'hono';
import type { ApiDeps, ApiEnv } from '../app-types.js';
import { requestHeader } from '../http/node-request.js';
import { ApiProblem, PROBLEMS, problemResponse } from '../http/problem.js';
import { responseHeaders } from '../http/public-headers.js';
import { rateLimitHeaders } from '../http/rate-limit.js';
import { CACHE, Representation, sendOnce } from '../http/representation.js';
import { problemItems } from '../http/validation.js';
import { currentSite } from '../routes/site.js';
import { IDEMPOTENCY_KEY, IDEMPOTENCY_KEY_RULE, type Submit } from './submit.js';

/** The media type a plain HTML form posts (parameters allowed, as @hono/zod-openapi reads it). */
export const FORM_CONTENT_TYPE =
  /^application\/x-www-form-urlencoded(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i;

/** The status of a form sent back with its problems: the request was read, and is not valid. */
export const FORM_INVALID_STATUS = 422;

type FormDeps = Pick<ApiDeps, 'source' | 'clock' | 'config'>;

/** Whether this request is the booking form posted without JavaScript. */
export function isFormPost(c: Context): boolean {
  return (
    c.req.method === 'POST' &&
    c.req.path === INTAKE_PATH &&
    FORM_CONTENT_TYPE.test(requestHeader(c, 'content-type') ?? '')
  );
}

/** The origin of an http(s) URL, or undefined for anything else (`null`, garbage). */
function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a browser may have sent this form from where it came. A urlencoded POST needs no CORS
 * preflight, so any page could make its visitors' browsers post one: with `PTFX_CORS_ORIGINS` a
 * list, only this origin, the site's (`PTFX_SITE_URL`, `PTFX_BASE_URL`) and the listed ones may
 * (Sec-Fetch-Site first, then Origin, as Go's CrossOriginProtection does). With `*`, as for JSON,
 * any may. A client that sends neither header is not a browser acting for another site.
 */
export function formOriginAllowed(c: Context, config: FormDeps['config']): boolean {
  if (config.corsOrigins === '*') return true;
  const fetchSite = requestHeader(c, 'sec-fetch-site');
  if (fetchSite === 'same-origin' || fetchSite === 'none') return true;
  const origin = requestHeader(c, 'origin');
  const from = origin === undefined ? undefined : originOf(origin);
  if (from !== undefined) {
    const trusted = [config.baseUrl, config.siteUrl ?? config.baseUrl].map(originOf);
    if (trusted.includes(from) || config.corsOrigins.includes(from)) return true;
    const host = requestHeader(c, 'host');
    if (host !== undefined && new URL(from).host === host.toLowerCase()) return true;
  }
  // No Sec-Fetch-Site: an older browser, which says `Origin: null` under a no-referrer policy.
  return fetchSite === undefined && (origin === undefined || origin === 'null');
}

/** Where a sent form lands: the site's thank-you page, a fixed path never taken from the request. */
export function thankYouLocation(c: Context<ApiEnv>, deps: FormDeps): string {
  if (deps.config.siteUrl !== undefined) return `${deps.config.siteUrl}${THANK_YOU_PATH}`;
  return `${currentSite(c, deps).site.basePath}${THANK_YOU_PATH}`;
}

/** The booking page with the form as the visitor sent it and what was wrong, never cached. */
function bookingPage(
  c: Context<ApiEnv>,
  deps: FormDeps,
  status: number,
  state: FormState,
  extra: Readonly<Record<string, string>> = {},
): Response {
  const { site } = currentSite(c, deps);
  const html = renderBookingPage(site.clinic, site.options, state);
  const rep = new Representation(
    html,
    'text/html; charset=utf-8',
    CACHE.none,
    site.documentHeaders,
  );
  return sendOnce(c, rep, status, extra);
}

const CALL = 'or call us: the number is on this page';

/** A problem that is not about one field, in words for the visitor. */
function visitorMessage(problem: ApiProblem): string {
  switch (problem.problem) {
    case 'rate-limited': {
      const seconds = Number(problem.headers['Retry-After'] ?? '60');
      const minutes = Math.max(1, Math.ceil(seconds / 60));
      return `Several requests have been sent from your network in a short time. Please wait ${minutes === 1 ? 'a minute' : `${minutes} minutes`} and send it again, ${CALL}.`;
    }
    case 'store-unavailable':
    case 'data-key-unavailable':
    case 'not-ready':
    case 'internal':
      return `We could not save your request just now, so nothing was sent. Please try again in a few minutes, ${CALL}.`;
    case 'payload-too-large':
      return 'What you wrote is too long to send. Please shorten your message and send the form again.';
    case 'idempotency-key-in-flight':
      return 'Your request is already on its way. Wait a moment; if no thank-you page appears, send it again.';
    case 'idempotency-key-reused':
      return 'This form was already sent with other details. Reload the page to send a new request.';
    case 'forbidden-origin':
      return "This form can only be sent from the clinic's own website. Open the booking page there and send it again.";
    case 'invalid-request':
    case 'malformed-json':
    case 'unsupported-media-type':
    case 'uri-too-long':
    case 'headers-too-large':
    case 'not-found':
    case 'method-not-allowed':
    case 'unauthorized':
    case 'staff-not-configured':
      return 'Part of the form could not be read. Reload the page and try again.';
    default: {
      const unhandled: never = problem.problem;
      return unhandled;
    }
  }
}

/**
 * The answer to a form post that went wrong before or after validation (rate limit, store down,
 * body too large, a reused key…): the booking page again with the problem's status and headers
 * (Retry-After), the visitor's input as far as it was read, and a message for the whole form.
 */
export function formProblemPage(c: Context<ApiEnv>, deps: FormDeps, problem: ApiProblem): Response {
  const values = c.get('formValues') ?? new Map<string, string[]>();
  const fields =
    problem.problem === 'invalid-request' && problem.errors.length > 0
      ? formErrorsFromProblem(problem.errors)
      : undefined;
  const errors = fields ?? new Map([['', [visitorMessage(problem)]]]);
  try {
    return bookingPage(
      c,
      deps,
      PROBLEMS[problem.problem].status,
      { values, errors },
      problem.headers,
    );
  } catch {
    // The page could not be rendered: the problem itself still says what happened.
    return problemResponse(c, problem);
  }
}

/**
 * The route middleware that reads the booking form posted without JavaScript, before the route's
 * JSON validation: the fields by their dotted names (the site's codec), the domain's
 * `ConsultationRequestSchema` (the JSON branch's schema), then the same {@link Submit} as JSON.
 * Valid: `303 See Other` to the thank-you page. Not valid: 422 and the booking page with the
 * visitor's input and a message at each field. Anything else goes on to the JSON route.
 */
export function formBranch(deps: FormDeps, submit: Submit): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (!isFormPost(c)) return next();
    const { request, values } = consultationRequestFromForm(
      new URLSearchParams(await c.req.text()),
    );
    // The honeypot's value is a bot's: it is never shown again.
    values.delete(FIELD.honeypot);
    c.set('formValues', values);
    if (!formOriginAllowed(c, deps.config)) {
      throw new ApiProblem(
        'forbidden-origin',
        'this form may be posted only from the clinic’s website (see PTFX_CORS_ORIGINS)',
      );
    }
    const rawKey = requestHeader(c, 'idempotency-key');
    if (rawKey !== undefined && !IDEMPOTENCY_KEY.test(rawKey)) {
      throw new ApiProblem('invalid-request', '1 problem in the headers', [
        { path: 'headers.idempotency-key', message: IDEMPOTENCY_KEY_RULE },
      ]);
    }
    const parsed = ConsultationRequestSchema.safeParse(request);
    if (!parsed.success) {
      const errors = formErrorsFromProblem(problemItems(parsed.error, 'json'));
      return bookingPage(c, deps, FORM_INVALID_STATUS, { values, errors });
    }
    await submit(c, parsed.data, rawKey);
    return new Response(null, {
      status: 303,
      headers: responseHeaders(c, {
        Location: thankYouLocation(c, deps),
        'Cache-Control': 'no-store',
        ...rateLimitHeaders(c),
      }),
    });
  };
}
