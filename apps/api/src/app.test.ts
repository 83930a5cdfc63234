import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sampleApp } from './test-support/app.js';

const { app, logs } = await sampleApp();
const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });
const body = async (res: Response) => JSON.parse(await res.text());
const post = (path: string, value: unknown, headers: Record<string, string> = {}) =>
  app.request(path, {
    method: 'POST',
    body: JSON.stringify(value),
    headers: { 'Content-Type': 'application/json', ...headers },
  });

describe('GET routes on the sample clinic', () => {
  it.each([
    [
      '/v1/clinic',
      (b: { organization: { name: string } }) =>
        b.organization.name === 'The Physical Therapy Effect',
    ],
    ['/v1/locations', (b: { data: unknown[] }) => b.data.length === 1],
    [
      '/v1/locations/san-diego',
      (b: { address: { postalCode: string } }) => b.address.postalCode === '92101',
    ],
    [
      '/v1/therapists',
      (b: { data: { slug: string }[] }) =>
        b.data.map((t) => t.slug).join() === 'mark-shulman,allison-mckay',
    ],
    ['/v1/credentials', (b: { data: unknown[] }) => b.data.length > 100],
    ['/v1/credentials/Cert%20MDT', (b: { id: string }) => b.id === 'Cert. MDT'],
    ['/v1/credentials/OTR%2FL', (b: { id: string }) => b.id === 'OTR/L'],
    // A kept spelling (ScD) finds DSc, and the entry says which spellings a fix keeps.
    [
      '/v1/credentials/ScD',
      (b: { id: string; variants?: string[] }) =>
        b.id === 'DSc' && b.variants?.includes('ScD') === true,
    ],
    ['/v1/treatments', (b: { data: unknown[] }) => b.data.length === 6],
    ['/v1/treatments/massage', (b: { codes: string[] }) => b.codes.join() === '97124'],
    [
      '/v1/conditions/back-pain',
      (b: { facts: { figure: { value: number } }[] }) => b.facts[0]?.figure.value === 80,
    ],
    [
      '/v1/articles',
      (b: { data: { readTimeMinutes: number }[] }) => b.data[0]?.readTimeMinutes === 3,
    ],
    [
      '/v1/articles/how-can-physical-therapy-help-to-reduce-back-pain',
      (b: { wordCount: number }) => b.wordCount === 472,
    ],
  ])('%s answers 200 JSON', async (path, check) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(check(await body(res))).toBe(true);
  });

  it('serves a therapist with the lint of the listing as displayed', async () => {
    const therapist = await body(await get('/v1/therapists/mark-shulman'));
    expect(therapist).toMatchObject({
      displayName: 'Dr. Mark Shulman',
      npi: '1748392069',
      acceptingNewPatients: true,
    });
    expect(therapist.lint).toMatchObject({ jurisdiction: 'CA', asOf: '2026-11-25', clean: false });
    const codes = therapist.lint.issues.map((i: { code: string }) => i.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'missing-designation',
        'degree-as-designation',
        'ambiguous-credential',
      ]),
    );
    // The sample's credentials run to 2029 and later: nothing expires within 90 days of the clock.
    expect(codes).not.toContain('expiring');
    expect(therapist.lint.fix).toBe(
      'Dr. Mark Shulman, Doctor of Physical Therapy, PT, Fellow of the American Academy of Orthopaedic Manual Physical Therapists, Certified Orthopaedic Manual Therapist, Certified Strength and Conditioning Specialist',
    );
  });

  it('filters and pages therapists', async () => {
    const massage = await body(await get('/v1/therapists?treatment=massage'));
    expect(massage.data.map((t: { slug: string }) => t.slug)).toEqual(['mark-shulman']);
    const prpc = await body(await get('/v1/therapists?credential=PRPC'));
    expect(prpc.data.map((t: { slug: string }) => t.slug)).toEqual(['allison-mckay']);
    expect((await body(await get('/v1/therapists?language=es'))).data).toEqual([]);
    expect((await body(await get('/v1/therapists?acceptingNewPatients=false'))).data).toEqual([]);
    const first = await body(await get('/v1/therapists?limit=1'));
    expect(first.page).toEqual({
      limit: 1,
      offset: 0,
      total: 2,
      next: '/v1/therapists?limit=1&offset=1',
    });
    const second = await body(await get(first.page.next));
    expect(second.data.map((t: { slug: string }) => t.slug)).toEqual(['allison-mckay']);
    expect(second.page.next).toBeNull();
  });

  it('answers open or not, today and the next opening, in the location zone', async () => {
    const thanksgiving = await body(
      await get('/v1/locations/san-diego/hours?at=2026-11-26T18:00:00Z'),
    );
    expect(thanksgiving).toMatchObject({
      open: false,
      localDate: '2026-11-26',
      today: {
        date: '2026-11-26',
        weekday: 'thursday',
        intervals: [],
        exception: { reason: 'Thanksgiving', status: 'closed' },
      },
      nextOpening: { date: '2026-11-27', opens: '07:00', start: '2026-11-27T15:00:00.000Z' },
    });
    const now = await body(await get('/v1/locations/san-diego/hours'));
    expect(now).toMatchObject({
      at: '2026-11-25T18:00:00.000Z',
      open: true,
      current: { opens: '07:00', closes: '19:00' },
    });
  });

  it('serves the projections with their media types', async () => {
    const jsonld = await get('/v1/clinic.jsonld');
    expect(jsonld.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    expect(JSON.parse(await jsonld.text())['@context']).toBe('https://schema.org');
    const vcf = await get('/v1/locations/san-diego.vcf');
    expect(vcf.headers.get('content-type')).toBe('text/vcard; charset=utf-8');
    expect(await vcf.text()).toContain('TEL;VALUE=uri;TYPE=work,fax:tel:+16195441056\r\n');
    expect((await get('/v1/clinic.vcf')).status).toBe(200);
  });
});

describe('FHIR R4', () => {
  it('reads, searches by _id, name and identifier, and states its capabilities', async () => {
    const read = await get('/fhir/r4/Practitioner/mark-shulman');
    expect(read.headers.get('content-type')).toBe('application/fhir+json; charset=utf-8');
    expect((await body(read)).identifier[0].value).toBe('1748392069');
    const byName = await body(await get('/fhir/r4/Practitioner?name=mck'));
    expect(byName).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 1 });
    expect(byName.entry[0]).toMatchObject({
      fullUrl: 'http://api.test/fhir/r4/Practitioner/allison-mckay',
      search: { mode: 'match' },
    });
    const byNpi = await body(
      await get('/fhir/r4/Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|1748392069'),
    );
    expect(byNpi.entry.map((e: { resource: { id: string } }) => e.resource.id)).toEqual([
      'mark-shulman',
    ]);
    expect((await body(await get('/fhir/r4/Practitioner?identifier=other|1748392069'))).total).toBe(
      0,
    );
    expect((await body(await get('/fhir/r4/Location?_id=san-diego'))).total).toBe(1);
    expect((await body(await get('/fhir/r4/HealthcareService'))).total).toBe(6);
    const metadata = await body(await get('/fhir/r4/metadata'));
    expect(metadata).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1' });
  });

  it('answers unknown things with an OperationOutcome', async () => {
    const missing = await get('/fhir/r4/Practitioner/nobody');
    expect(missing.status).toBe(404);
    expect(await body(missing)).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'not-found' }],
    });
    expect((await body(await get('/fhir/r4/Patient'))).issue[0].code).toBe('not-supported');
  });
});

describe('POST /v1/credential-listings/lint', () => {
  it('lints one listing', async () => {
    const res = await post('/v1/credential-listings/lint', {
      listing: 'Dr. Jane Doe, PT, DPT',
      jurisdiction: 'CA',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const result = await body(res);
    expect(result.issues.map((i: { code: string }) => i.code)).toEqual([
      'title-requires-spelled-out-degree',
    ]);
    expect(result.fix).toBe('Dr. Jane Doe, Doctor of Physical Therapy, PT');
  });

  it('lints a batch with a summary', async () => {
    const result = await body(
      await post('/v1/credential-listings/lint', [
        { listing: 'Jane Doe, PT, DPT' },
        { listing: 'John Roe, DPT, CMPTT', profile: 'apta-legacy' },
      ]),
    );
    expect(result.summary).toEqual({
      checked: 2,
      clean: 1,
      byCode: { 'unknown-credential': 1, 'missing-designation': 1, 'degree-as-designation': 1 },
    });
  });

  it('says where each problem in the body is', async () => {
    const res = await post('/v1/credential-listings/lint', {
      listing: 3,
      jurisdiction: 'Cali',
      extra: true,
    });
    expect(res.status).toBe(400);
    const problem = await body(res);
    expect(problem).toMatchObject({
      type: 'https://ptfx.dev/problems/invalid-request',
      status: 400,
    });
    expect(problem.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body']),
    );
  });
});

describe('HTTP behaviour', () => {
  it('answers 304 to a matching If-None-Match, and HEAD with headers only', async () => {
    const first = await get('/v1/therapists/mark-shulman');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    expect(first.headers.get('cache-control')).toBe(
      'public, max-age=300, stale-while-revalidate=60',
    );
    const again = await get('/v1/therapists/mark-shulman', { 'If-None-Match': `"other", ${etag}` });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const head = await app.request('/v1/clinic', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBeTruthy();
    expect(await head.text()).toBe('');
  });

  it('compresses with brotli or gzip when asked', async () => {
    const plain = await (await get('/v1/clinic.jsonld')).text();
    const br = await get('/v1/clinic.jsonld', { 'Accept-Encoding': 'gzip, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(plain);
    const gz = await get('/v1/clinic.jsonld', { 'Accept-Encoding': 'gzip;q=1, br;q=0' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(plain);
  });

  it('sets security headers, CORS for GETs and a request id', async () => {
    const res = await get('/v1/clinic', { Origin: 'https://www.example.com' });
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('x-request-id')).toMatch(/^[\w-]+$/);
    const preflight = await app.request('/v1/credential-listings/lint', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://www.example.com',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type, x-evil',
      },
    });
    expect(preflight.headers.get('access-control-allow-headers')).toBe(
      'Accept,Accept-Encoding,Content-Type,Idempotency-Key,If-None-Match,Prefer,X-Request-Id',
    );
  });

  it('limits CORS to the configured origins', async () => {
    const { app: strict } = await sampleApp({ corsOrigins: ['https://ptfx.example'] });
    const res = await strict.request('/v1/clinic', { headers: { Origin: 'https://evil.example' } });
    expect(res.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
  });

  it('gives the docs page its own policy: its scripts from this origin, nothing remote', async () => {
    const res = await get('/docs');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(await res.text()).toMatch(
      /<script src="\/docs\/scalar-[\d.]+\.[0-9a-f]{16}\.js"><\/script>/,
    );
  });

  it('sends /docs/ (the page’s folder) to /docs with a 308', async () => {
    const res = await get('/docs/');
    expect(res.status).toBe(308);
    expect(res.headers.get('location')).toBe('/docs');
    expect((await get('/docs/nothing.js')).status).toBe(404);
  });

  it('logs one line per request, never a body', async () => {
    logs.length = 0;
    await post('/v1/credential-listings/lint', { listing: 'SECRET-LISTING, PT' });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({
      event: 'request',
      method: 'POST',
      route: '/v1/credential-listings/lint',
      status: 200,
    });
    expect(JSON.stringify(logs)).not.toContain('SECRET');
  });
});

describe('errors are RFC 9457 problems', () => {
  const expectProblem = async (res: Response, status: number, type: string) => {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    const problem = await body(res);
    expect(problem).toMatchObject({ type: `https://ptfx.dev/problems/${type}`, status });
    expect(problem.requestId).toBe(res.headers.get('x-request-id'));
    return problem;
  };

  it.each([
    ['/nope', 404, 'not-found'],
    ['/v1/therapists/nobody', 404, 'not-found'],
    ['/v1/locations/nowhere.vcf', 404, 'not-found'],
    ['/v1/credentials/XYZZY', 404, 'not-found'],
    ['/v1/therapists?limit=0', 400, 'invalid-request'],
    ['/v1/therapists?limit=101', 400, 'invalid-request'],
    ['/v1/locations/san-diego/hours?at=yesterday', 400, 'invalid-request'],
    [`/v1/therapists/${'a'.repeat(5000)}`, 414, 'uri-too-long'],
  ])('GET %.60s → %i %s', async (path, status, type) => {
    await expectProblem(await get(path), status, type);
  });

  it('names the query parameter at fault', async () => {
    const problem = await expectProblem(
      await get('/v1/therapists?limit=1000'),
      400,
      'invalid-request',
    );
    expect(problem.errors).toEqual([{ path: 'query.limit', message: 'limit is at most 100' }]);
  });

  it('answers 405 with Allow', async () => {
    const res = await app.request('/v1/clinic', { method: 'DELETE' });
    await expectProblem(res, 405, 'method-not-allowed');
    expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect((await app.request('/v1/credential-listings/lint')).headers.get('allow')).toBe(
      'POST, OPTIONS',
    );
    // Whatever the body: a method the path does not take is 405, not 415 for the media type.
    for (const path of ['/v1/clinic', '/docs', '/'])
      await expectProblem(await app.request(path, { method: 'POST' }), 405, 'method-not-allowed'); // A plain OPTIONS (no CORS preflight) is answered with the methods, wherever it is sent.
    for (const [path, allow] of [
      ['/v1/clinic', 'GET, HEAD, OPTIONS'] as const,
      ['/v1/credential-listings/lint', 'POST, OPTIONS'],
      ['/fhir/r4/Practitioner', 'GET, HEAD, OPTIONS'],
    ]) {
      const options = await app.request(path, { method: 'OPTIONS' });
      expect(options.status, path).toBe(204);
      expect(options.headers.get('allow')).toBe(allow);
      expect(options.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('answers 415 for a body that is not JSON, 400 for malformed JSON, 413 over the limit', async () => {
    await expectProblem(
      await app.request('/v1/credential-listings/lint', {
        method: 'POST',
        body: 'listing=PT',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      }),
      415,
      'unsupported-media-type',
    );
    await expectProblem(
      await app.request('/v1/credential-listings/lint', {
        method: 'POST',
        body: '{"listing": ',
        headers: { 'Content-Type': 'application/json' },
      }),
      400,
      'malformed-json',
    );
    const { app: small } = await sampleApp({ bodyLimit: 1024 });
    const big = JSON.stringify({ listing: 'x'.repeat(2000) });
    await expectProblem(
      await small.request('/v1/credential-listings/lint', {
        method: 'POST',
        body: big,
        headers: { 'Content-Type': 'application/json' },
      }),
      413,
      'payload-too-large',
    );
  });

  it('answers 431 for oversized headers', async () => {
    await expectProblem(
      await get('/v1/clinic', { 'X-Big': 'x'.repeat(20_000) }),
      431,
      'headers-too-large',
    );
  });

  it('is not ready while starting or draining', async () => {
    const { app: draining } = await sampleApp({ ready: false });
    expect((await draining.request('/readyz')).status).toBe(503);
    expect((await draining.request('/healthz')).status).toBe(200);
  });
});
