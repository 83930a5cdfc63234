// FHIR over HTTP: search by GET and POST _search with Prefer: handling, FHIR JSON only (406
// otherwise), the Endpoint, and every error under /fhir/r4 an OperationOutcome.
import fc from 'fast-check';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiProblem } from '../http/problem.js';
import { rateLimitedProblem } from '../http/rate-limit.js';
import { sampleApp, sampleAppsPerTest } from '../test-support/app.js';
import { acceptsFhirJson, formatRefusal, preferredHandling } from './fhir-negotiation.js';
import { fhirProblemResponse, isFhirPath } from './fhir-outcome.js';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const t = await sampleApp();
afterAll(() => t.dispose());
const open = sampleAppsPerTest();

interface Bundle {
  resourceType: string;
  total: number;
  link: { relation: string; url: string }[];
  entry?: {
    fullUrl?: string;
    resource: Record<string, unknown> & { id?: string };
    search: { mode: string };
  }[];
}
interface Outcome {
  resourceType: string;
  text?: { status: string; div: string };
  issue: { severity: string; code: string; diagnostics?: string; location?: string[] }[];
}

const get = (path: string, headers: Record<string, string> = {}) =>
  t.app.request(path, { headers });
const postSearch = (path: string, body: string, headers: Record<string, string> = {}) =>
  t.app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });
const ids = (b: Bundle, mode = 'match') =>
  (b.entry ?? []).filter((e) => e.search.mode === mode).map((e) => e.resource.id);
const link = (b: Bundle, relation: string) => b.link.find((l) => l.relation === relation)?.url;

/** Checks a response is an OperationOutcome error with `status`, sent as FHIR JSON, never kept. */
async function expectOutcome(res: Response, status: number, code: string): Promise<Outcome> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe(FHIR_JSON);
  expect(res.headers.get('cache-control')).toBe('no-store');
  const body = (await res.json()) as Outcome;
  expect(body.resourceType).toBe('OperationOutcome');
  expect(body.issue.length).toBeGreaterThan(0);
  expect(body.issue[0]?.code).toBe(code);
  expect(body.text?.status).toBe('generated');
  return body;
}

describe('FHIR search over HTTP', () => {
  it('searches by GET: OR within a value, AND across repetitions, paging with links', async () => {
    const or = (await (await get('/fhir/r4/Practitioner?name=Shulman,McKay')).json()) as Bundle;
    expect(ids(or).sort()).toEqual(['allison-mckay', 'mark-shulman']);
    const and = (await (await get('/fhir/r4/Practitioner?name=mark&name=shul')).json()) as Bundle;
    expect(ids(and)).toEqual(['mark-shulman']);
    const none = (await (await get('/fhir/r4/Practitioner?name=mark&name=mckay')).json()) as Bundle;
    expect(none.total).toBe(0);

    const res = await get('/fhir/r4/Practitioner?_count=1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(FHIR_JSON);
    expect(res.headers.get('etag')).toMatch(/^"/);
    const page = (await res.json()) as Bundle;
    expect(page).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 2 });
    expect(page.entry).toHaveLength(1);
    const next = link(page, 'next');
    expect(next).toBe('http://api.test/fhir/r4/Practitioner?_count=1&_offset=1');
    const second = (await (
      await get(new URL(next ?? '').pathname + new URL(next ?? '').search)
    ).json()) as Bundle;
    expect(second.entry).toHaveLength(1);
    expect(ids(second)).not.toEqual(ids(page));
    expect(link(second, 'previous')).toBe('http://api.test/fhir/r4/Practitioner?_count=1');
  });

  it('searches by POST _search: the form body added to the query, never cached', async () => {
    const res = await postSearch('/fhir/r4/Practitioner/_search?_count=5', 'family=shul');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(FHIR_JSON);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const bundle = (await res.json()) as Bundle;
    expect(ids(bundle)).toEqual(['mark-shulman']);
    // The self link is the GET that would give the same answer.
    expect(link(bundle, 'self')).toBe('http://api.test/fhir/r4/Practitioner?family=shul&_count=5');
    // A repeated name across query and body is AND, as in one query.
    const both = (await (
      await postSearch('/fhir/r4/Practitioner/_search?given=allison', 'family=shul')
    ).json()) as Bundle;
    expect(both.total).toBe(0);
    // Includes, as a directory client asks for them.
    const roles = (await (
      await postSearch(
        '/fhir/r4/PractitionerRole/_search',
        'practitioner=Practitioner/mark-shulman&_include=PractitionerRole:practitioner',
      )
    ).json()) as Bundle;
    expect(ids(roles).length).toBeGreaterThan(0);
    expect(ids(roles, 'include')).toContain('mark-shulman');
    // No body at all: every resource of the type.
    const all = await t.app.request('/fhir/r4/Location/_search', { method: 'POST' });
    expect(all.status).toBe(200);
    expect(((await all.json()) as Bundle).total).toBeGreaterThan(0);
  });

  it('ignores and reports an unsupported parameter by default, and refuses it with Prefer: handling=strict', async () => {
    const lenient = (await (
      await get('/fhir/r4/Practitioner?name=mck&birthdate=1970')
    ).json()) as Bundle;
    expect(ids(lenient)).toEqual(['allison-mckay']);
    // `self` shows what was applied, not the ignored parameter.
    expect(link(lenient, 'self')).toBe('http://api.test/fhir/r4/Practitioner?name=mck');
    const reported = lenient.entry?.find((e) => e.search.mode === 'outcome')?.resource;
    expect(reported).toMatchObject({ resourceType: 'OperationOutcome' });
    expect(JSON.stringify(reported)).toContain('birthdate');

    const strict = await get('/fhir/r4/Practitioner?name=mck&birthdate=1970', {
      Prefer: 'return=representation, handling=strict',
    });
    const outcome = await expectOutcome(strict, 400, 'not-supported');
    expect(JSON.stringify(outcome)).toContain('birthdate');
    const post = await postSearch('/fhir/r4/Practitioner/_search', 'name:above=x', {
      Prefer: 'handling=strict',
    });
    await expectOutcome(post, 400, 'not-supported');
    // A value it cannot read is a 400 either way.
    await expectOutcome(await get('/fhir/r4/Practitioner?_count=many'), 400, 'invalid');
  });

  it('reads and finds the practice’s FHIR API as an Endpoint the Organization refers to', async () => {
    const search = (await (await get('/fhir/r4/Endpoint')).json()) as Bundle;
    expect(search.total).toBe(1);
    const endpoint = search.entry?.[0]?.resource;
    const id = endpoint?.id ?? '';
    expect(id).toMatch(/-fhir$/);
    expect(endpoint).toMatchObject({
      resourceType: 'Endpoint',
      status: 'active',
      address: 'http://api.test/fhir/r4',
      connectionType: { code: 'hl7-fhir-rest' },
    });
    const read = await get(`/fhir/r4/Endpoint/${id}`);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(endpoint);
    const byId = (await (await get(`/fhir/r4/Endpoint?_id=${id}`)).json()) as Bundle;
    expect(ids(byId)).toEqual([id]);
    const org = (await (await get('/fhir/r4/Organization')).json()) as Bundle;
    expect(JSON.stringify(org.entry?.[0]?.resource.endpoint)).toContain(`Endpoint/${id}`);
  });
});

describe('FHIR from a browser on another origin', () => {
  it('may send Prefer (a CORS preflight allows it) and read the answer', async () => {
    const preflight = await t.app.request('/fhir/r4/Practitioner', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://directory.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'prefer',
      },
    });
    expect(preflight.status).toBe(204);
    const allowed = (preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    expect(allowed.split(',')).toContain('prefer');
    const res = await get('/fhir/r4/Practitioner?name=mck', {
      Origin: 'https://directory.example',
      Prefer: 'handling=strict',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('FHIR content negotiation', () => {
  it.each([
    ['/fhir/r4/Practitioner?_format=xml', {}],
    ['/fhir/r4/Practitioner?_format=application/fhir%2Bxml', {}],
    ['/fhir/r4/Practitioner?_format=text/turtle', {}],
    ['/fhir/r4/Practitioner', { Accept: 'application/fhir+xml' }],
    ['/fhir/r4/Practitioner', { Accept: 'application/xml, text/xml;q=0.9' }],
    ['/fhir/r4/Practitioner', { Accept: 'application/fhir+json;q=0' }],
    ['/fhir/r4/Practitioner', { Accept: 'application/fhir+json; fhirVersion=3.0' }],
    ['/fhir/r4/Practitioner/mark-shulman?_format=xml', {}],
    ['/fhir/r4/Practitioner/mark-shulman', { Accept: 'application/fhir+xml' }],
    ['/fhir/r4/metadata?_format=xml', {}],
    ['/fhir/r4/metadata', { Accept: 'text/html' }],
  ])('%s %j: 406 OperationOutcome', async (path, headers) => {
    const outcome = await expectOutcome(await get(path, headers), 406, 'not-supported');
    expect(outcome.issue[0]?.diagnostics).toMatch(/FHIR R4 JSON|application\/fhir\+json/);
  });

  it.each([
    ['/fhir/r4/Practitioner', {}],
    ['/fhir/r4/Practitioner?_format=json', {}],
    ['/fhir/r4/Practitioner?_format=application/fhir%2Bjson', {}],
    ['/fhir/r4/Practitioner?_format=application/fhir+json', {}],
    ['/fhir/r4/Practitioner?_format=application/json', {}],
    ['/fhir/r4/Practitioner?_format=json', { Accept: 'application/fhir+xml' }],
    ['/fhir/r4/Practitioner', { Accept: 'application/fhir+xml, application/fhir+json;q=0.5' }],
    ['/fhir/r4/Practitioner', { Accept: 'application/fhir+json; fhirVersion=4.0' }],
    ['/fhir/r4/Practitioner', { Accept: 'application/json' }],
    ['/fhir/r4/Practitioner', { Accept: '*/*' }],
    ['/fhir/r4/Practitioner/mark-shulman', { Accept: 'application/fhir+json' }],
    ['/fhir/r4/metadata', { Accept: 'application/*' }],
  ])('%s %j: FHIR JSON', async (path, headers) => {
    const res = await get(path, headers);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(FHIR_JSON);
  });

  it('takes _format from a POST _search body too', async () => {
    const res = await postSearch('/fhir/r4/Practitioner/_search', 'name=mck&_format=xml');
    await expectOutcome(res, 406, 'not-supported');
  });

  it('reads _format and Accept as R4 says', () => {
    expect(formatRefusal('JSON', undefined)).toBeUndefined();
    expect(formatRefusal('application/fhir json', undefined)).toBeUndefined(); // a `+` decoded
    expect(formatRefusal('json', 'application/fhir+xml')).toBeUndefined();
    expect(formatRefusal('xml', 'application/fhir+json')).toMatch(/^_format "xml" is not served/);
    expect(formatRefusal(undefined, '')).toBeUndefined();
    expect(formatRefusal('', 'application/fhir+json')).toBeUndefined();
    expect(formatRefusal(' ', 'application/fhir+xml')).toMatch(/^Accept/);
    expect(formatRefusal(undefined, 'text/html, application/xhtml+xml, */*;q=0.8')).toBeUndefined();
    expect(formatRefusal(undefined, 'application/fhir+json;fhirVersion=4.0.1')).toBeUndefined();
    expect(formatRefusal(undefined, 'application/fhir+json;fhirVersion=5.0')).toMatch(/^Accept/);
  });

  it('judges any Accept by its ranges alone: order does not matter, FHIR JSON makes it acceptable', () => {
    const range = fc
      .tuple(
        fc.constantFrom(
          'application/fhir+json',
          'application/json',
          'application/fhir+xml',
          'application/xml',
          'text/html',
          'text/turtle',
          'application/*',
          '*/*',
          'image/png',
        ),
        fc.option(fc.constantFrom('q=0', 'q=0.5', 'q=1', 'fhirVersion=4.0', 'fhirVersion=3.0')),
      )
      .map(([type, param]) => (param === null ? type : `${type};${param}`));
    fc.assert(
      fc.property(fc.array(range, { maxLength: 6 }), (ranges) => {
        const accept = ranges.join(', ');
        const reversed = [...ranges].reverse().join(', ');
        expect(acceptsFhirJson(reversed)).toBe(acceptsFhirJson(accept));
        expect(acceptsFhirJson(`${accept}, application/fhir+json`)).toBe(true);
        const noJson = ranges.filter((r) => !/json|\*/.test(r));
        expect(acceptsFhirJson(noJson.join(', '))).toBe(noJson.length === 0);
        // _format decides over any Accept.
        expect(formatRefusal('json', accept)).toBeUndefined();
        expect(formatRefusal('xml', accept)).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });

  it('answers any Accept and _format with FHIR JSON: a 200 Bundle or a 406 OperationOutcome', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.option(fc.string({ maxLength: 60 })),
        fc.option(fc.constantFrom('json', 'xml', 'application/fhir+json', 'ttl', 'html', '')),
        async (accept, format) => {
          const query = format === null ? '' : `?_format=${encodeURIComponent(format)}`;
          const res = await get(
            `/fhir/r4/Location${query}`,
            accept === null ? {} : { Accept: accept },
          );
          expect([200, 406]).toContain(res.status);
          expect(res.headers.get('content-type')).toBe(FHIR_JSON);
          const body = (await res.json()) as { resourceType: string };
          expect(body.resourceType).toBe(res.status === 200 ? 'Bundle' : 'OperationOutcome');
        },
      ),
      { numRuns: 100 },
    );
  });

  it('reads the handling preference of a Prefer header (RFC 7240)', () => {
    expect(preferredHandling(undefined)).toBe('lenient');
    expect(preferredHandling('handling=strict')).toBe('strict');
    expect(preferredHandling('return=minimal, Handling="STRICT"')).toBe('strict');
    expect(preferredHandling('handling=lenient, handling=strict')).toBe('lenient');
    expect(preferredHandling('handling=sloppy')).toBe('lenient');
    expect(preferredHandling('respond-async')).toBe('lenient');
  });
});

describe('FHIR errors', () => {
  it('answers unknown types, ids and paths with a 404 OperationOutcome', async () => {
    await expectOutcome(await get('/fhir/r4/Patient'), 404, 'not-supported');
    await expectOutcome(await get('/fhir/r4/Patient/x'), 404, 'not-supported');
    await expectOutcome(await postSearch('/fhir/r4/Patient/_search', ''), 404, 'not-supported');
    const missing = await expectOutcome(
      await get('/fhir/r4/Practitioner/nobody'),
      404,
      'not-found',
    );
    expect(missing.issue[0]?.diagnostics).toBe('no Practitioner has the id "nobody"');
    // With a narrative, escaped, as every resource should have (dom-6).
    const odd = await expectOutcome(await get('/fhir/r4/Practitioner/%3Cb%3E&x'), 404, 'not-found');
    expect(odd.text).toEqual({
      status: 'generated',
      div: '<div xmlns="http://www.w3.org/1999/xhtml"><ul><li>no Practitioner has the id &quot;&lt;b&gt;&amp;x&quot;</li></ul></div>',
    });
    for (const path of ['/fhir/r4', '/fhir/r4/', '/fhir/r4/Practitioner/mark-shulman/_history']) {
      const outcome = await expectOutcome(await get(path), 404, 'not-found');
      expect(outcome.issue[0]?.diagnostics).toBe(
        `nothing is at ${path}; see /fhir/r4/metadata for what the FHIR server serves`,
      );
    }
    // HEAD: the status and headers, no body.
    const head = await t.app.request('/fhir/r4/Practitioner/nobody', { method: 'HEAD' });
    expect(head.status).toBe(404);
    expect(head.headers.get('content-type')).toBe(FHIR_JSON);
    expect(await head.text()).toBe('');
  });

  it('answers another method with a 405 OperationOutcome and Allow', async () => {
    const put = await t.app.request('/fhir/r4/Practitioner/mark-shulman', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/fhir+json' },
      body: '{"resourceType":"Practitioner"}',
    });
    await expectOutcome(put, 405, 'not-supported');
    expect(put.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    const del = await t.app.request('/fhir/r4/Practitioner/_search', { method: 'DELETE' });
    await expectOutcome(del, 405, 'not-supported');
    expect(del.headers.get('allow')).toBe('POST, GET, HEAD, OPTIONS');
  });

  it('answers a POST _search body that is not a form with 415, and one over the limit with 413', async () => {
    const asJson = await t.app.request('/fhir/r4/Practitioner/_search', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"name":"mck"}',
    });
    const outcome = await expectOutcome(asJson, 415, 'not-supported');
    expect(outcome.issue[0]?.diagnostics).toContain('application/x-www-form-urlencoded');
    const asText = await t.app.request('/fhir/r4/Practitioner/_search', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'name=mck',
    });
    await expectOutcome(asText, 415, 'not-supported');

    const small = await open({ bodyLimit: 64 });
    const big = await small.app.request('/fhir/r4/Practitioner/_search', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `name=${'a'.repeat(100)}`,
    });
    await expectOutcome(big, 413, 'too-long');
  });

  it('answers an oversized URL or header block with 414 and 431 OperationOutcomes', async () => {
    await expectOutcome(
      await get(`/fhir/r4/Practitioner?name=${'a'.repeat(5000)}`),
      414,
      'too-long',
    );
    await expectOutcome(
      await get('/fhir/r4/Practitioner', { 'X-Padding': 'x'.repeat(17 * 1024) }),
      431,
      'too-long',
    );
  });

  it('answers a fault of ours with a 500 OperationOutcome that shows nothing of it', async () => {
    const broken = await open();
    Object.defineProperty(broken.source.current(), 'fhir', {
      get() {
        throw new Error('at /srv/ptfx/secret.ts: boom');
      },
    });
    const res = await broken.app.request('/fhir/r4/Practitioner?name=mck');
    const outcome = await expectOutcome(res, 500, 'exception');
    expect(outcome.issue[0]?.severity).toBe('fatal');
    expect(JSON.stringify(outcome)).not.toMatch(/secret|boom|srv/);
    expect(broken.logs.some((l) => l.event === 'error')).toBe(true);
  });

  it('renders any API problem (a 429 with its headers too) as an OperationOutcome', async () => {
    const app = new Hono();
    app.get('/fhir/r4/x', (c) =>
      fhirProblemResponse(
        c,
        rateLimitedProblem(
          { policy: 'fhir', windowMs: 60_000 },
          { allowed: false, limit: 10, remaining: 0, resetMs: 30_000, retryAfterMs: 2_500 },
        ),
      ),
    );
    app.get('/fhir/r4/y', (c) =>
      fhirProblemResponse(
        c,
        new ApiProblem('invalid-request', '2 problems in the query', [
          { path: 'query._count', message: 'not a number' },
          { path: 'query._offset', message: 'negative' },
        ]),
      ),
    );
    const limited = await app.request('/fhir/r4/x');
    const outcome = await expectOutcome(limited, 429, 'throttled');
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(outcome.issue[0]?.diagnostics).toContain('try again in 3 seconds');
    const invalid = await expectOutcome(await app.request('/fhir/r4/y'), 400, 'invalid');
    expect(invalid.issue.map((i) => i.diagnostics)).toEqual([
      'query._count: not a number',
      'query._offset: negative',
    ]);
  });

  it('leaves problem+json to the rest of the API', async () => {
    expect(isFhirPath('/fhir/r4')).toBe(true);
    expect(isFhirPath('/fhir/r4/Practitioner')).toBe(true);
    expect(isFhirPath('/fhir/r4x')).toBe(false);
    expect(isFhirPath('/fhir')).toBe(false);
    const res = await get('/v1/nothing');
    expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  });
});

describe('licence statuses as of the clinic’s date', () => {
  const statusOf = async (app: { request: (path: string) => Response | Promise<Response> }) => {
    const read = (await (await app.request('/fhir/r4/Practitioner/allison-mckay')).json()) as {
      qualification: { extension?: { extension: { url: string; valueCode?: string }[] }[] }[];
    };
    const search = (await (
      await app.request('/fhir/r4/Practitioner?_id=allison-mckay')
    ).json()) as Bundle;
    const statuses = (q: typeof read.qualification) =>
      q
        .flatMap((x) => x.extension ?? [])
        .flatMap((e) => e.extension.filter((s) => s.url === 'status'));
    const found = search.entry?.[0]?.resource as typeof read | undefined;
    return [statuses(read.qualification), statuses(found?.qualification ?? [])];
  };

  it('says a licence that lapsed (2030-03-31) is inactive from the next clinic day, read or searched', async () => {
    let now = new Date('2030-03-31T18:00:00Z'); // 11:00 in San Diego, the last day
    const { app } = await open({ clock: () => now });
    expect(await statusOf(app)).toEqual([
      [{ url: 'status', valueCode: 'active' }],
      [{ url: 'status', valueCode: 'active' }],
    ]);
    now = new Date('2030-04-01T08:00:00Z'); // 01:00 on April 1st in San Diego
    expect(await statusOf(app)).toEqual([
      [{ url: 'status', valueCode: 'inactive' }],
      [{ url: 'status', valueCode: 'inactive' }],
    ]);
  });
});

describe('GET [type]/_search', () => {
  it('is 405 naming POST and the GET form, not a read of the id "_search"', async () => {
    const res = await get('/fhir/r4/Practitioner/_search?name=shul');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST, OPTIONS');
    expect(res.headers.get('content-type')).toBe(FHIR_JSON);
    const outcome = (await res.json()) as Outcome;
    expect(outcome.issue[0]?.diagnostics).toBe(
      'Practitioner/_search takes POST with a form body; to search with GET, send the parameters to /fhir/r4/Practitioner?…',
    );
  });
});

describe('_pretty (FHIR’s general parameter)', () => {
  it.each([
    '/fhir/r4/metadata',
    '/fhir/r4/Practitioner/mark-shulman',
    '/fhir/r4/Practitioner?name=shul',
  ])('%s: _pretty=true indents the same JSON, _pretty=false does not', async (path) => {
    const sep = path.includes('?') ? '&' : '?';
    const compact = await (await get(path)).text();
    const pretty = await (
      await get(`${path}${sep}_pretty=true`, { Prefer: 'handling=strict' })
    ).text();
    const plain = await (await get(`${path}${sep}_pretty=false`)).text();
    expect(compact).not.toContain('\n');
    expect(pretty).toMatch(/^\{\n {2}"resourceType": /);
    expect(plain).not.toContain('\n');
    // The same content, the links aside (they repeat what the query said).
    const strip = (text: string) => {
      const value = JSON.parse(text) as Record<string, unknown>;
      delete value.link;
      return value;
    };
    expect(strip(pretty)).toEqual(strip(compact));
  });

  it('keeps _pretty in the links, and refuses a value other than true or false', async () => {
    const bundle = (await (
      await get('/fhir/r4/Practitioner?_count=1&_pretty=true')
    ).json()) as Bundle;
    expect(bundle.link.find((l) => l.relation === 'next')?.url).toBe(
      'http://api.test/fhir/r4/Practitioner?_pretty=true&_count=1&_offset=1',
    );
    for (const path of [
      '/fhir/r4/Practitioner?_pretty=yes',
      '/fhir/r4/Practitioner/mark-shulman?_pretty=yes',
      '/fhir/r4/metadata?_pretty=1',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      const outcome = (await res.json()) as Outcome;
      expect(outcome.issue[0]?.diagnostics).toMatch(/^_pretty=(yes|1): expected true or false$/);
    }
    const twice = await postSearch('/fhir/r4/Practitioner/_search?_pretty=true', '_pretty=false');
    expect(twice.status).toBe(400);
    expect(((await twice.json()) as Outcome).issue[0]?.diagnostics).toBe(
      '_pretty repeats: give it once',
    );
  });
});
