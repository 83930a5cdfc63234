import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { listNarrative, xmlCharacters } from '../fhir/xhtml.js';
import { type ApiProblem, PROBLEMS, type ProblemType } from '../http/problem.js';
import { responseHeaders } from '../http/public-headers.js';

/** The FHIR JSON media type every `/fhir/r4` answer, error or not, is sent as. */
export const FHIR_JSON = 'application/fhir+json; charset=utf-8';
/**
 * The headers of a FHIR read: the answer depends on Accept (FHIR JSON, or 406 for XML), so a
 * shared cache must not hand one client's answer to another that asked for something else.
 */
export const FHIR_READ_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  Vary: 'Accept',
});
/** The headers of a FHIR search: also on Prefer (handling=strict turns an ignored parameter into 400). */
export const FHIR_SEARCH_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  Vary: 'Accept, Prefer',
});
/** Where the FHIR R4 API lives; every error under it is an OperationOutcome. */
export const FHIR_BASE_PATH = '/fhir/r4';

/** Whether a request path is the FHIR API's (`/fhir/r4` or below it). */
export function isFhirPath(path: string): boolean {
  return path === FHIR_BASE_PATH || path.startsWith(`${FHIR_BASE_PATH}/`);
}

const SEARCH_POST_PATH = /^\/fhir\/r4\/[^/]+\/_search$/;

/**
 * Whether a request is a FHIR `POST [type]/_search`: its body is a form, not JSON, so the app's
 * JSON-only body check lets it through (the route checks the media type itself).
 */
export function isFhirSearchPost(c: Context): boolean {
  return c.req.method === 'POST' && SEARCH_POST_PATH.test(c.req.path);
}

/** FHIR R4 IssueType codes (valueset-issue-type) this API uses. */
export type FhirIssueType =
  | 'invalid'
  | 'structure'
  | 'not-supported'
  | 'not-found'
  | 'too-long'
  | 'transient'
  | 'no-store'
  | 'login'
  | 'forbidden'
  | 'security'
  | 'throttled'
  | 'conflict'
  | 'business-rule'
  | 'exception';

/** One issue of an OperationOutcome. */
export interface FhirIssue {
  readonly severity: 'fatal' | 'error' | 'warning' | 'information';
  readonly code: FhirIssueType;
  readonly diagnostics: string;
  /** Where: `http.<parameter>` for a search parameter (R4 OperationOutcome.issue.location). */
  readonly location?: readonly string[];
}

/** The IssueType of each API problem, for the same error under `/fhir/r4`. */
const ISSUE_TYPE: Readonly<Record<ProblemType, FhirIssueType>> = {
  'not-found': 'not-found',
  'invalid-request': 'invalid',
  'malformed-json': 'structure',
  'method-not-allowed': 'not-supported',
  'unsupported-media-type': 'not-supported',
  'payload-too-large': 'too-long',
  'uri-too-long': 'too-long',
  'headers-too-large': 'too-long',
  'not-ready': 'transient',
  unauthorized: 'login',
  'forbidden-origin': 'forbidden',
  'staff-not-configured': 'security',
  'rate-limited': 'throttled',
  'store-unavailable': 'no-store',
  'data-key-unavailable': 'exception',
  'idempotency-key-reused': 'business-rule',
  'idempotency-key-in-flight': 'conflict',
  internal: 'exception',
};

/** The OperationOutcome body of an error (and the issues of a lenient search's outcome entry). */
export const OperationOutcomeSchema = z
  .object({
    resourceType: z.literal('OperationOutcome'),
    text: z
      .object({ status: z.literal('generated'), div: z.string() })
      .optional()
      .describe('The issues as XHTML, for people'),
    issue: z
      .array(
        z.object({
          severity: z.enum(['fatal', 'error', 'warning', 'information']),
          code: z.string().describe('FHIR IssueType, e.g. not-found, not-supported, invalid'),
          diagnostics: z.string().optional().describe('What went wrong and what to do'),
          location: z
            .array(z.string())
            .optional()
            .describe('Where, e.g. http.name:exact for a search parameter'),
        }),
      )
      .min(1),
  })
  .openapi('OperationOutcome', {
    description: 'FHIR R4 OperationOutcome: how every error under /fhir/r4 is answered',
    example: {
      resourceType: 'OperationOutcome',
      text: {
        status: 'generated',
        div: '<div xmlns="http://www.w3.org/1999/xhtml"><ul><li>no Practitioner has the id &quot;nobody&quot;</li></ul></div>',
      },
      issue: [
        {
          severity: 'error',
          code: 'not-found',
          diagnostics: 'no Practitioner has the id "nobody"',
        },
      ],
    },
  });

/** An error response of a FHIR route in the OpenAPI document. */
export function outcomeResponse(description: string) {
  return {
    description: `${description} (OperationOutcome)`,
    content: { 'application/fhir+json': { schema: OperationOutcomeSchema } },
  };
}

/**
 * An OperationOutcome with a generated narrative listing its issues (escaped XHTML), so that a
 * FHIR validator's dom-6 (a resource should have a narrative) is quiet for errors too.
 */
export function operationOutcome(issues: readonly FhirIssue[]) {
  // Diagnostics quote the request, perhaps cut inside a character.
  const issue = issues.map((i) => ({ ...i, diagnostics: xmlCharacters(i.diagnostics) }));
  return {
    resourceType: 'OperationOutcome' as const,
    text: listNarrative(issue.map((i) => i.diagnostics)),
    issue,
  };
}

/**
 * An OperationOutcome error answer with `status`, `application/fhir+json`, never stored, with
 * `extra` headers (Allow, Retry-After) over the request's base headers; HEAD gets no body.
 */
export function fhirOutcome(
  c: Context,
  status: number,
  issues: readonly FhirIssue[],
  extra: Readonly<Record<string, string>> = {},
): Response {
  const body = JSON.stringify(operationOutcome(issues));
  const headers = responseHeaders(c, {
    'Content-Type': FHIR_JSON,
    'Cache-Control': 'no-store',
    ...extra,
  });
  return new Response(c.req.method === 'HEAD' ? null : body, { status, headers });
}

/** A one-issue OperationOutcome error answer (see {@link fhirOutcome}). */
export function fhirError(
  c: Context,
  status: number,
  code: FhirIssueType,
  diagnostics: string,
): Response {
  return fhirOutcome(c, status, [{ severity: 'error', code, diagnostics }]);
}

/**
 * An API problem (a 404, 405, 413, 414, 415, 429, 431 or 500 from the app's middleware and
 * error mapper) answered the FHIR way: the same status and headers, as an OperationOutcome whose
 * issue says what the problem's detail says (one issue per invalid parameter).
 */
export function fhirProblemResponse(c: Context, problem: ApiProblem): Response {
  const { status } = PROBLEMS[problem.problem];
  const code = ISSUE_TYPE[problem.problem];
  const severity = status >= 500 ? 'fatal' : 'error';
  const issues: FhirIssue[] =
    problem.errors.length === 0
      ? [{ severity, code, diagnostics: problem.detail }]
      : problem.errors.map((e) => ({ severity, code, diagnostics: `${e.path}: ${e.message}` }));
  return fhirOutcome(c, status, issues, problem.headers);
}
