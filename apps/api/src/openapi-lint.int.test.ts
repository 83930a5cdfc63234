import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_TAGS } from './routes/api-document.js';
import { sampleApp, TEST_STAFF } from './test-support/app.js';
import { exampleParams } from './test-support/example-params.js';

// The OpenAPI document as client generators and linters read it: Redocly's recommended ruleset
// on the live document (not a file in git), and what generators need beyond it (stable
// operationIds, declared security, every error a route can give listed with its body).

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const REDOCLY_CLI = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
const REDOCLY_CONFIG = join(import.meta.dirname, '..', 'redocly.yaml');
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
/** The app's body limit here: small, so that a 413 is cheap to provoke. */
const BODY_LIMIT = 4096;

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly op: Json;
}

const temp = mkdtempSync(join(tmpdir(), 'ptfx-openapi-lint-'));
let built: Awaited<ReturnType<typeof sampleApp>>;
let doc: Json;

beforeAll(async () => {
  built = await sampleApp({ bodyLimit: BODY_LIMIT });
  const res = await built.app.request('/openapi.json');
  expect(res.status).toBe(200);
  const body: unknown = await res.json();
  if (!isRecord(body)) throw new Error('/openapi.json is not a JSON object');
  doc = body;
});
afterAll(async () => {
  await built?.dispose();
  rmSync(temp, { recursive: true, force: true });
});

function operations(): Operation[] {
  const paths = doc.paths;
  if (!isRecord(paths)) throw new Error('the document has no paths');
  return Object.entries(paths).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => {
      const op = isRecord(item) ? item[method] : undefined;
      return isRecord(op) ? [{ method: method.toUpperCase(), path, op }] : [];
    }),
  );
}

const responsesOf = (op: Json): Json => (isRecord(op.responses) ? op.responses : {});

/**
 * `redocly lint` (the installed CLI, under this Node) on a document written to a temporary file:
 * the totals and each problem as `severity rule pointer: message`. Offline: the recommended
 * ruleset is built in, the document has only local references, telemetry and the update check
 * are off.
 */
async function redoclyLint(
  name: string,
  document: unknown,
): Promise<{ errors: number; warnings: number; problems: string[] }> {
  const file = join(temp, name);
  writeFileSync(file, JSON.stringify(document, null, 2));
  const { stdout } = await run(
    process.execPath,
    [REDOCLY_CLI, 'lint', file, '--config', REDOCLY_CONFIG, '--format=json'],
    {
      cwd: temp,
      env: {
        ...process.env,
        REDOCLY_TELEMETRY: 'off',
        REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
        NO_COLOR: '1',
      },
      maxBuffer: 64 * 1024 * 1024,
      // The exit code is 1 when there are errors: the JSON report says what they are.
    },
  ).catch((error: unknown) => {
    if (isRecord(error) && typeof error.stdout === 'string' && error.stdout.startsWith('{'))
      return { stdout: error.stdout };
    throw error;
  });
  const report: unknown = JSON.parse(stdout);
  if (!isRecord(report) || !isRecord(report.totals) || !Array.isArray(report.problems))
    throw new Error(`redocly lint gave no JSON report:\n${stdout.slice(0, 2000)}`);
  const problems = report.problems.map((p: unknown) => {
    if (!isRecord(p)) return String(p);
    const pointers = Array.isArray(p.location)
      ? p.location.map((l: unknown) => (isRecord(l) ? String(l.pointer) : '?'))
      : [];
    return `${String(p.severity)} ${String(p.ruleId)} ${pointers.join(' ')}: ${String(p.message)}`;
  });
  return {
    errors: Number(report.totals.errors),
    warnings: Number(report.totals.warnings),
    problems,
  };
}

describe('redocly lint (recommended ruleset) on GET /openapi.json', () => {
  it('finds 0 errors and 0 warnings', async () => {
    const result = await redoclyLint('openapi.json', doc);
    expect(result).toEqual({ errors: 0, warnings: 0, problems: [] });
  });

  it('does find what client generators need, when it is missing (the ruleset is live)', async () => {
    const broken: Json = structuredClone(doc);
    const info = broken.info;
    const health = isRecord(broken.paths) ? broken.paths['/healthz'] : undefined;
    const get = isRecord(health) ? health.get : undefined;
    if (!isRecord(info) || !isRecord(get)) throw new Error('no info or GET /healthz');
    delete info.license;
    delete get.security;
    delete get.operationId;
    const result = await redoclyLint('broken.json', broken);
    expect(result.problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'error security-defined #/paths/~1healthz/get',
      'warn info-license #/info',
      'warn operation-operationId #/paths/~1healthz/get/operationId',
    ]);
    expect({ errors: result.errors, warnings: result.warnings }).toEqual({
      errors: 1,
      warnings: 2,
    });
  });
});

describe('the OpenAPI document for client generators', () => {
  it('names every operation with a stable lowerCamelCase verb+noun operationId', () => {
    const ids = Object.fromEntries(
      operations().map(({ method, path, op }) => [`${method} ${path}`, op.operationId]),
    );
    // A renamed operationId renames a generated client's method: change one on purpose only.
    expect(ids).toMatchInlineSnapshot(`
      {
        "DELETE /v1/staff/consultation-requests/{id}": "deleteConsultationRequest",
        "GET /docs": "getApiReference",
        "GET /fhir/r4/metadata": "fhirCapabilities",
        "GET /fhir/r4/{type}": "fhirSearch",
        "GET /fhir/r4/{type}/{id}": "fhirRead",
        "GET /healthz": "getLiveness",
        "GET /openapi.json": "getOpenApiDocument",
        "GET /readyz": "getReadiness",
        "GET /v1/articles": "listArticles",
        "GET /v1/articles/{slug}": "getArticle",
        "GET /v1/clinic": "getClinic",
        "GET /v1/clinic.jsonld": "getClinicJsonLd",
        "GET /v1/clinic.vcf": "getClinicVCard",
        "GET /v1/conditions/{slug}": "getCondition",
        "GET /v1/credentials": "listCredentials",
        "GET /v1/credentials/{abbreviation}": "getCredential",
        "GET /v1/locations": "listLocations",
        "GET /v1/locations/{slug}": "getLocation",
        "GET /v1/locations/{slug}.vcf": "getLocationVCard",
        "GET /v1/locations/{slug}/hours": "getLocationHours",
        "GET /v1/staff/audit": "listAuditRecords",
        "GET /v1/staff/consultation-requests": "listConsultationRequests",
        "GET /v1/staff/consultation-requests/{id}": "getConsultationRequest",
        "GET /v1/staff/webhook-deliveries": "listWebhookDeliveries",
        "GET /v1/therapists": "listTherapists",
        "GET /v1/therapists/{slug}": "getTherapist",
        "GET /v1/treatments": "listTreatments",
        "GET /v1/treatments/{slug}": "getTreatment",
        "PATCH /v1/staff/consultation-requests/{id}": "updateConsultationRequest",
        "POST /fhir/r4/{type}/_search": "fhirSearchPost",
        "POST /v1/consultation-requests": "createConsultationRequest",
        "POST /v1/credential-listings/lint": "lintCredentialListings",
        "POST /v1/staff/webhook-deliveries/redrive": "redriveWebhookDeliveries",
        "POST /v1/staff/webhook-deliveries/{id}/redrive": "redriveWebhookDelivery",
      }
    `);
    const values = Object.values(ids);
    expect(
      values.filter((id) => typeof id !== 'string' || !/^[a-z]+[A-Z][A-Za-z0-9]*$/.test(id)),
    ).toEqual([]);
    expect(new Set(values).size).toBe(values.length);
  });

  it('declares the security of every operation: none for the public ones, the staff token under /v1/staff', () => {
    const wrong = operations()
      .filter(({ path, op }) => {
        const expected = path.startsWith('/v1/staff/') ? [{ staffToken: [] }] : [];
        return JSON.stringify(op.security) !== JSON.stringify(expected);
      })
      .map(({ method, path, op }) => `${method} ${path}: ${JSON.stringify(op.security)}`);
    expect(wrong).toEqual([]);
    expect(doc.security).toBeUndefined();
    const schemes = isRecord(doc.components) ? doc.components.securitySchemes : undefined;
    expect(schemes).toEqual({
      staffToken: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    });
  });

  it('has a licence, a contact, and a description for each tag the operations use', () => {
    expect(doc.info).toMatchObject({
      license: { name: 'MIT', identifier: 'MIT' },
      contact: { name: expect.any(String), url: expect.stringMatching(/^https:\/\//) },
    });
    const used = new Set(
      operations().flatMap(({ op }) => (Array.isArray(op.tags) ? op.tags.map(String) : [])),
    );
    const declared = (Array.isArray(doc.tags) ? doc.tags : []).filter(isRecord);
    expect(declared.map((t) => t.name).sort()).toEqual([...used].sort());
    expect(declared.filter((t) => String(t.description ?? '').length < 20)).toEqual([]);
    expect(declared).toEqual(API_TAGS);
  });

  it('gives every 4xx and 5xx a body schema: the Problem (RFC 9457), an OperationOutcome under /fhir/r4', () => {
    // Two answers that are not problems, on purpose: readiness answers 503 in health+json (what
    // a probe reads), and only the HTML booking form can be refused for its origin (403, a page).
    const exceptions = new Set(['GET /readyz 503', 'POST /v1/consultation-requests 403']);
    const wrong: string[] = [];
    let checked = 0;
    for (const { method, path, op } of operations()) {
      const expected = path.startsWith('/fhir/r4')
        ? { type: 'application/fhir+json', ref: '#/components/schemas/OperationOutcome' }
        : { type: 'application/problem+json', ref: '#/components/schemas/Problem' };
      for (const [status, response] of Object.entries(responsesOf(op))) {
        if (Number(status) < 400 || exceptions.has(`${method} ${path} ${status}`)) continue;
        checked += 1;
        const content = isRecord(response) ? response.content : undefined;
        const media = isRecord(content) ? content[expected.type] : undefined;
        const ref = isRecord(media) && isRecord(media.schema) ? media.schema.$ref : undefined;
        if (ref !== expected.ref)
          wrong.push(`${method} ${path} ${status}: ${JSON.stringify(content)}`);
      }
      // What the app answers before or after any route runs (URL and header limits, a fault).
      for (const status of ['414', '431', '500'])
        if (!(status in responsesOf(op))) wrong.push(`${method} ${path}: no ${status}`);
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });
});

/** A value for each path parameter: a real one, or one far over every bound (`long`). */
function fill(path: string, long: boolean): string {
  const real = exampleParams(path);
  return path.replace(/\{(\w+)\}/g, (_m, name: string) =>
    long ? 'a'.repeat(300) : encodeURIComponent(String(real[name])),
  );
}

/** The body media type an operation takes first (JSON, or a form for FHIR's POST _search). */
function bodyType(op: Json): string | undefined {
  const content = isRecord(op.requestBody) ? op.requestBody.content : undefined;
  return isRecord(content) ? Object.keys(content)[0] : undefined;
}

describe('every error an operation answers is documented for it, with its media type', () => {
  it('for the URL and header limits, a path parameter over its bound, and bodies too large, not JSON or malformed', async () => {
    const staff = { Authorization: TEST_STAFF.authorization };
    const undocumented: string[] = [];
    const seen = new Set<number>();
    let checked = 0;
    for (const { method, path, op } of operations()) {
      const auth = path.startsWith('/v1/staff/') ? staff : {};
      const type = bodyType(op);
      // A re-drive takes no body: one sent anyway says it is JSON.
      const body = { 'Content-Type': type ?? 'application/json' };
      const probes: [string, string, RequestInit][] = [
        [
          'a URL over 4096 characters',
          `${fill(path, false)}?pad=${'a'.repeat(5000)}`,
          { headers: auth },
        ],
        [
          'headers over 16 KiB',
          fill(path, false),
          { headers: { ...auth, 'X-Pad': 'a'.repeat(17_000) } },
        ],
      ];
      if (path.includes('{'))
        probes.push(['a 300-character path parameter', fill(path, true), { headers: auth }]);
      if (path.startsWith('/v1/staff/'))
        probes.push(['no staff token', fill(path, false), { headers: {} }]);
      if (method === 'POST' || method === 'PATCH') {
        probes.push(
          [
            'a body over the limit',
            fill(path, false),
            { headers: { ...auth, ...body }, body: `{"pad":"${'a'.repeat(BODY_LIMIT)}"}` },
          ],
          [
            'a text/plain body',
            fill(path, false),
            { headers: { ...auth, 'Content-Type': 'text/plain' }, body: 'hello' },
          ],
        );
        if (type === 'application/json')
          probes.push([
            'malformed JSON',
            fill(path, false),
            { headers: { ...auth, ...body }, body: '{"listing": ' },
          ]);
      }
      for (const [what, url, init] of probes) {
        const res = await built.app.request(url, { ...init, method });
        await res.arrayBuffer();
        checked += 1;
        seen.add(res.status);
        const status = String(res.status);
        if (res.status < 400) {
          undocumented.push(`${method} ${path} with ${what}: ${status}, not an error`);
          continue;
        }
        const response = responsesOf(op)[status];
        const content = isRecord(response) ? response.content : undefined;
        const mediaType = (res.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
        if (!isRecord(response))
          undocumented.push(`${method} ${path} with ${what}: ${status} is not documented`);
        else if (!isRecord(content) || !(mediaType in content))
          undocumented.push(
            `${method} ${path} with ${what}: ${status} ${mediaType}, documented ${Object.keys(content ?? {}).join(', ') || 'without a body'}`,
          );
      }
    }
    expect(undocumented).toEqual([]);
    expect(checked).toBeGreaterThan(90);
    // The probes reach each of these answers somewhere (not, say, 404 for everything).
    expect([...seen].sort()).toEqual([400, 401, 404, 413, 414, 415, 431]);
  });
});
