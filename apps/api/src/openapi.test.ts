import {
  CONSULTATION_REQUEST_EXAMPLE,
  ConsultationRequestSchema,
  requestContent,
} from '@ptfx/domain';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import type { ApiDeps } from './app-types.js';
import { ClinicSource, loadClinic } from './clinic-source.js';
import { DOCS_ASSET_PREFIX } from './docs/reference-page.js';
import { StaffDirectory } from './http/staff-auth.js';
import { DOCS_FILE_ROUTE } from './routes/docs.js';
import { SITE_ROUTE } from './routes/site.js';
import { TEST_STAFF, tempSqliteStore } from './test-support/app.js';
import { EXAMPLE_REQUEST_ID, exampleParams } from './test-support/example-params.js';

const BASE_URL = 'http://api.test';
const NOW = new Date('2026-11-27T18:00:00Z');
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads `obj.a.b.c` through unknown values; undefined when any step is missing. */
function dig(value: unknown, ...keys: string[]): unknown {
  let at = value;
  for (const key of keys) {
    if (!isRecord(at)) return undefined;
    at = at[key];
  }
  return at;
}

const temp = await tempSqliteStore();
const { store } = temp;
afterAll(() => temp.dispose());

/** Staff routes need the token; everything else is public. */
function request(path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (path.startsWith('/v1/staff')) headers.set('Authorization', TEST_STAFF.authorization);
  return app.request(path, { ...init, headers });
}

async function buildApp() {
  const loaded = await loadClinic({ kind: 'sample' }, BASE_URL, NOW);
  if (!loaded.ok) throw new Error(`the sample clinic did not load:\n${loaded.errors.join('\n')}`);
  const deps: ApiDeps = {
    source: new ClinicSource(loaded.snapshot, { kind: 'sample' }, BASE_URL),
    clock: () => NOW,
    logger: { info: () => {}, error: () => {} },
    readiness: { isReady: () => true },
    config: {
      corsOrigins: '*',
      bodyLimit: 1024 * 1024,
      baseUrl: BASE_URL,
      trustedProxies: [],
      intakeRateLimit: { limit: 1_000_000, windowMs: 60_000 },
    },
    store,
    staff: new StaffDirectory([{ name: TEST_STAFF.name, sha256: TEST_STAFF.sha256 }]),
  };
  // The request the staff routes' documented example id names.
  await store.createRequest({
    id: EXAMPLE_REQUEST_ID,
    receivedAt: NOW,
    content: requestContent(ConsultationRequestSchema.parse(CONSULTATION_REQUEST_EXAMPLE)),
    response: { status: 201, body: '{}' },
  });
  return createApp(deps);
}

let app: Awaited<ReturnType<typeof buildApp>>;
let doc: Json;

beforeAll(async () => {
  app = await buildApp();
  const res = await app.request('/openapi.json');
  expect(res.status).toBe(200);
  const body: unknown = await res.json();
  if (!isRecord(body)) throw new Error('/openapi.json is not a JSON object');
  doc = body;
});

/** Every documented operation as `METHOD /path` (OpenAPI path syntax). */
function documentedOperations(): string[] {
  const paths = doc.paths;
  if (!isRecord(paths)) return [];
  const out: string[] = [];
  for (const [path, item] of Object.entries(paths)) {
    if (!isRecord(item)) continue;
    for (const method of HTTP_METHODS)
      if (isRecord(item[method])) out.push(`${method.toUpperCase()} ${path}`);
  }
  return out;
}

/**
 * A Hono route path in OpenAPI syntax: `:slug` → `{slug}`; the one regex parameter, the vCard
 * file name, is documented as `{slug}.vcf`. Any other regex parameter is left as is, so that it
 * shows up as undocumented.
 */
function openApiPath(honoPath: string): string {
  return honoPath
    .replace(/:file\{\[a-z0-9-\]\+\\\.vcf\}/, '{slug}.vcf')
    .replace(/:(\w+)(?=\/|$)/g, '{$1}');
}

/**
 * Every routed operation as `METHOD /path`, without the `ALL` middleware entries, the
 * website's catch-all (the site is not the API: its pages are not in the document) and the
 * scripts of the /docs page (routes/docs.ts: its files, not operations).
 */
function routedOperations(): string[] {
  const routed = app.routes
    .filter(
      (r) =>
        r.method !== 'ALL' &&
        r.path !== SITE_ROUTE &&
        // The page's files and its folder's redirect: the page's, not operations.
        r.path !== DOCS_FILE_ROUTE &&
        r.path !== DOCS_ASSET_PREFIX,
    )
    .map((r) => `${r.method} ${openApiPath(r.path)}`);
  return [...new Set(routed)];
}

function fillPath(path: string): string {
  const params = exampleParams(path);
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no example value for {${name}} in ${path}`);
    return encodeURIComponent(value);
  });
}

function resolveRef(ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return dig(doc, ...ref.slice(2).split('/'));
}

/** Examples on a schema, following `$ref` and the branches of `anyOf` / `oneOf`. */
function schemaExamples(schema: unknown, depth = 0): unknown[] {
  if (!isRecord(schema) || depth > 5) return [];
  const out: unknown[] = [];
  if ('example' in schema) out.push(schema.example);
  if (Array.isArray(schema.examples)) out.push(...schema.examples);
  if (typeof schema.$ref === 'string')
    out.push(...schemaExamples(resolveRef(schema.$ref), depth + 1));
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = schema[key];
    if (Array.isArray(branches))
      for (const branch of branches) out.push(...schemaExamples(branch, depth + 1));
  }
  return out;
}

interface BodyExample {
  readonly operation: string;
  readonly mediaType: string;
  readonly label: string;
  readonly value: unknown;
}

/** A request body the document declares: one operation, one media type. */
interface DocumentedBody {
  readonly operation: string;
  readonly method: string;
  readonly path: string;
  readonly mediaType: string;
  readonly schema: unknown;
  readonly examples: readonly BodyExample[];
}

/** Every request body in the document, with the examples it gives. */
function requestBodies(): DocumentedBody[] {
  const out: DocumentedBody[] = [];
  const paths = doc.paths;
  if (!isRecord(paths)) return out;
  for (const [path, item] of Object.entries(paths)) {
    for (const method of HTTP_METHODS) {
      const content = dig(item, method, 'requestBody', 'content');
      if (!isRecord(content)) continue;
      const operation = `${method.toUpperCase()} ${path}`;
      for (const [mediaType, media] of Object.entries(content)) {
        if (!isRecord(media)) continue;
        const examples: BodyExample[] = [];
        if ('example' in media)
          examples.push({ operation, mediaType, label: 'example', value: media.example });
        if (isRecord(media.examples)) {
          for (const [name, ex] of Object.entries(media.examples)) {
            if (isRecord(ex) && 'value' in ex)
              examples.push({ operation, mediaType, label: `examples.${name}`, value: ex.value });
          }
        }
        schemaExamples(media.schema).forEach((value, i) => {
          examples.push({ operation, mediaType, label: `schema example #${i + 1}`, value });
        });
        out.push({
          operation,
          method: method.toUpperCase(),
          path,
          mediaType,
          schema: media.schema,
          examples,
        });
      }
    }
  }
  return out;
}

/**
 * Where a value breaks a `pattern` its schema gives it: follows `$ref`, `allOf`, `properties`
 * and `items` (not `anyOf`/`oneOf`, whose branch is not known).
 */
function patternMismatches(
  schema: unknown,
  value: unknown,
  at: string,
  out: string[],
  depth = 0,
): void {
  if (!isRecord(schema) || depth > 40) return;
  if (typeof schema.$ref === 'string')
    patternMismatches(resolveRef(schema.$ref), value, at, out, depth + 1);
  if (Array.isArray(schema.allOf))
    for (const part of schema.allOf) patternMismatches(part, value, at, out, depth + 1);
  if (typeof value === 'string' && typeof schema.pattern === 'string') {
    let regex: RegExp | undefined;
    try {
      regex = new RegExp(schema.pattern, 'u');
    } catch {
      out.push(
        `${at}: the pattern ${JSON.stringify(schema.pattern)} is not an ECMA-262 regular expression`,
      );
    }
    if (regex && !regex.test(value))
      out.push(`${at}: ${JSON.stringify(value)} does not match ${JSON.stringify(schema.pattern)}`);
  }
  if (isRecord(value) && isRecord(schema.properties)) {
    for (const [key, sub] of Object.entries(schema.properties)) {
      if (key in value) patternMismatches(sub, value[key], `${at}.${key}`, out, depth + 1);
    }
  }
  if (Array.isArray(value) && isRecord(schema.items)) {
    for (const [i, item] of value.entries()) {
      patternMismatches(schema.items, item, `${at}[${i}]`, out, depth + 1);
    }
  }
}

/** An example of a form body (field name → text, or texts for a repeated name) as urlencoded. */
function formBody(value: unknown): string {
  if (!isRecord(value)) throw new Error('a form example must be an object of fields');
  const params = new URLSearchParams();
  for (const [name, field] of Object.entries(value)) {
    for (const text of Array.isArray(field) ? field : [field]) params.append(name, String(text));
  }
  return params.toString();
}

const mediaTypeOf = (contentType: string | null) =>
  (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

describe('GET /openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(dig(doc, 'servers')).toEqual([{ url: BASE_URL }]);
  });

  it('documents every route the app serves, and routes every operation it documents', () => {
    const documented = new Set(documentedOperations());
    const routed = new Set(routedOperations());
    const undocumented = [...routed].filter((op) => !documented.has(op)).sort();
    const unrouted = [...documented].filter((op) => !routed.has(op)).sort();
    expect({ undocumented, unrouted }).toEqual({ undocumented: [], unrouted: [] });
    // The inventory is not vacuous: the route table and the document both hold the API.
    expect(routed.size).toBeGreaterThanOrEqual(20);
    expect(routed).toContain('GET /v1/locations/{slug}.vcf');
    expect(routed).toContain('POST /v1/credential-listings/lint');
  });

  it('gives every request body an example, and every example passes the route’s own validation', async () => {
    const bodies = requestBodies();
    expect(bodies.length).toBeGreaterThan(0);
    const withoutExamples = bodies
      .filter((b) => b.examples.length === 0)
      .map((b) => `${b.operation} (${b.mediaType})`);
    expect(withoutExamples).toEqual([]);
    // The lint body documents a single example, two named ones and its component's.
    expect(bodies.flatMap((b) => b.examples).length).toBeGreaterThanOrEqual(3);

    const failures: string[] = [];
    let forms = 0;
    for (const body of bodies) {
      const form = body.mediaType === 'application/x-www-form-urlencoded';
      for (const example of body.examples) {
        const res = await request(fillPath(body.path), {
          method: body.method,
          headers: { 'Content-Type': body.mediaType },
          body: form ? formBody(example.value) : JSON.stringify(example.value),
        });
        // The booking form is answered as a browser wants it: 303 to the page that says thank
        // you; a FHIR search form (POST _search) with its Bundle.
        const booking = form && !body.path.startsWith('/fhir/');
        const ok = booking ? res.status === 303 : res.status >= 200 && res.status <= 299;
        if (booking) forms += 1;
        if (!ok)
          failures.push(
            `${example.operation} ${example.label}: ${res.status} ${(await res.text()).slice(0, 500)}`,
          );
      }
    }
    expect(failures).toEqual([]);
    // The booking form's body is documented, with an example.
    expect(forms).toBeGreaterThan(0);
  });

  it('answers every documented GET with 200 and a documented content type (HEAD too, without a body)', async () => {
    const paths = doc.paths;
    if (!isRecord(paths)) throw new Error('the document has no paths');
    const failures: string[] = [];
    let checked = 0;
    for (const [path, item] of Object.entries(paths)) {
      const content = dig(item, 'get', 'responses', '200', 'content');
      if (!isRecord(dig(item, 'get'))) continue;
      const documentedTypes = isRecord(content)
        ? Object.keys(content).map((t) => t.toLowerCase())
        : [];
      const url = fillPath(path);
      for (const method of ['GET', 'HEAD']) {
        const res = await request(url, { method });
        const type = mediaTypeOf(res.headers.get('content-type'));
        const body = await res.text();
        checked += 1;
        if (res.status < 200 || res.status > 299)
          failures.push(`${method} ${url}: ${res.status} ${body.slice(0, 300)}`);
        else if (!documentedTypes.includes(type))
          failures.push(
            `${method} ${url}: content type "${type}", documented ${documentedTypes.join(', ') || 'none'}`,
          );
        else if (method === 'HEAD' && body !== '')
          failures.push(`${method} ${url}: HEAD answered with a body`);
        else if (method === 'GET' && body === '') failures.push(`${method} ${url}: empty body`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(40);
  });

  it('sends the ETag it documents and answers If-None-Match with it with 304', async () => {
    const paths = doc.paths;
    if (!isRecord(paths)) throw new Error('the document has no paths');
    const failures: string[] = [];
    let checked = 0;
    for (const [path, item] of Object.entries(paths)) {
      if (!isRecord(dig(item, 'get', 'responses', '200', 'headers', 'ETag'))) continue;
      const url = fillPath(path);
      const res = await app.request(url);
      const etag = res.headers.get('etag');
      checked += 1;
      if (etag === null || !/^"[A-Za-z0-9_-]+"$/.test(etag)) {
        failures.push(`GET ${url}: ETag ${String(etag)}`);
        continue;
      }
      const again = await app.request(url, { headers: { 'If-None-Match': etag } });
      if (again.status !== 304 || (await again.text()) !== '')
        failures.push(`GET ${url} If-None-Match ${etag}: ${again.status}`);
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(15);
  });

  it('gives documented string patterns that the API’s own data and examples match', async () => {
    // Once a bug, now fixed: the document's `pattern`s come from zod regexes with flags, written as RegExp#toString()
    // minus the slashes, so the flags stay in the pattern: the credential abbreviation is
    // "^[\p{L}\p{N}][\p{L}\p{N} .&'/-]*$/u" and every https URL (organization website, logo,
    // sameAs, url contacts) is "^https:\/\/[^/?#@]+(?:[/?#]|$)/i". "$" followed by a literal
    // "/u" matches no string, so a client or contract test validating against /openapi.json
    // rejects GET /v1/therapists/mark-shulman (every credentials[].abbreviation) and the
    // LintRequest example's own "CSCS"; the /i one rejects every website a clinic may set (the
    // sample clinic sets none). Expected: each pattern is a plain ECMA-262 source (flags dropped;
    // for /i, a case-insensitive rewrite or no pattern) that the values the API serves match.
    const flagged = new Set<string>();
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect);
      if (!isRecord(node)) return;
      if (typeof node.pattern === 'string' && /\/[dgimsuvy]+$/.test(node.pattern))
        flagged.add(node.pattern);
      Object.values(node).forEach(collect);
    };
    collect(doc);

    const mismatches: string[] = [];
    const paths = doc.paths;
    if (!isRecord(paths)) throw new Error('the document has no paths');
    for (const [path, item] of Object.entries(paths)) {
      const schema = dig(item, 'get', 'responses', '200', 'content', 'application/json', 'schema');
      if (schema === undefined) continue;
      const url = fillPath(path);
      const res = await request(url);
      expect(res.status, url).toBe(200);
      patternMismatches(schema, await res.json(), `GET ${url}`, mismatches);
    }
    for (const body of requestBodies()) {
      for (const example of body.examples) {
        patternMismatches(
          body.schema,
          example.value,
          `${example.operation} ${example.label}`,
          mismatches,
        );
      }
    }
    const lintRequest = dig(doc, 'components', 'schemas', 'LintRequest');
    patternMismatches(
      lintRequest,
      dig(lintRequest, 'example'),
      'components.schemas.LintRequest.example',
      mismatches,
    );
    expect({ flagged: [...flagged], mismatches }).toEqual({ flagged: [], mismatches: [] });
  });
});
