// FHIR answers on a real socket, with the server's fast path in front: a published FHIR answer
// is sent again only to a request that accepts FHIR JSON (the router answers XML with 406), a
// search that reported ignored parameters is not kept, and POST _search reads its form off Node.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleServer } from '../test-support/app.js';

let server: Awaited<ReturnType<typeof sampleServer>>;
let base = '';

beforeAll(async () => {
  server = await sampleServer({ now: new Date('2026-11-25T18:00:00Z'), staff: 'none' });
  base = server.base;
});
afterAll(() => server.dispose());

interface Answer {
  status: number;
  type: string | undefined;
  vary: string | undefined;
  body: string;
  fast: boolean;
}
function call(
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
  body?: string,
): Promise<Answer> {
  const before = server.fastHits();
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: res.headers['content-type'],
          vary: res.headers.vary,
          body: Buffer.concat(chunks).toString('utf8'),
          fast: server.fastHits() > before,
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('FHIR behind the fast path', () => {
  it.each([
    '/fhir/r4/metadata',
    '/fhir/r4/Practitioner/mark-shulman',
    '/fhir/r4/Practitioner?name=mck',
    '/fhir/r4/Endpoint',
  ])('%s: kept for FHIR JSON, never sent to a client that asked for XML', async (path) => {
    const first = await call(path);
    expect(first).toMatchObject({ status: 200, fast: false });
    const again = await call(path, { Accept: 'application/fhir+json' });
    expect(again).toMatchObject({ status: 200, fast: true, body: first.body });
    const xml = await call(path, { Accept: 'application/fhir+xml' });
    expect(xml).toMatchObject({
      status: 406,
      fast: false,
      type: 'application/fhir+json; charset=utf-8',
    });
    expect(JSON.parse(xml.body)).toMatchObject({ resourceType: 'OperationOutcome' });
    expect(await call(path)).toMatchObject({ status: 200, fast: true });
  });

  it.each([
    ['/fhir/r4/metadata', 'Accept, Accept-Encoding'],
    ['/fhir/r4/Practitioner/mark-shulman', 'Accept, Accept-Encoding'],
    ['/fhir/r4/Practitioner?name=mck', 'Accept, Prefer, Accept-Encoding'],
    ['/fhir/r4/Practitioner?name=mck&birthdate=1970', 'Accept, Prefer, Accept-Encoding'],
  ])(
    '%s varies on what changes it (Vary: %s), from the router and the fast path alike',
    async (path, vary) => {
      const answers = [
        await call(path),
        await call(path),
        await call(path, { 'If-None-Match': '*' }),
      ];
      for (const answer of answers) expect(answer.vary).toBe(vary);
    },
  );

  it('does not keep a search that reported ignored parameters (strict would refuse it)', async () => {
    const path = '/fhir/r4/Practitioner?name=mck&birthdate=1970';
    expect(await call(path)).toMatchObject({ status: 200, fast: false });
    expect(await call(path)).toMatchObject({ status: 200, fast: false });
    const strict = await call(path, { Prefer: 'handling=strict' });
    expect(strict).toMatchObject({ status: 400, fast: false });
  });

  it('answers POST _search from a form read off the socket', async () => {
    const res = await call(
      '/fhir/r4/Practitioner/_search',
      { 'Content-Type': 'application/x-www-form-urlencoded' },
      'POST',
      'name=shul',
    );
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ resourceType: 'Bundle', total: 1 });
  });
});
