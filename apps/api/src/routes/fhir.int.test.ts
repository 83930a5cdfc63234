// FHIR answers on a real socket, with the server's fast path in front: a published FHIR answer
// is sent again only to a request that accepts FHIR JSON (the router answers XML with 406), a
// search that reported ignored parameters is not kept, and POST _search reads its form off Node.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, MAX_HEADER_BYTES, MAX_URL_LENGTH, publicHeaderOptions } from '../app.js';
import { ClinicSource, loadClinic } from '../clinic-source.js';
import { createFastPath } from '../http/fast-path.js';
import { StaffDirectory } from '../http/staff-auth.js';
import { tempSqliteStore } from '../test-support/app.js';

const now = new Date('2026-11-25T18:00:00Z');
let fastHits = 0;
let server: Server;
let base = '';
const temp = await tempSqliteStore();

beforeAll(async () => {
  const loaded = await loadClinic({ kind: 'sample' }, 'http://api.test', now);
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  const source = new ClinicSource(loaded.snapshot, { kind: 'sample' }, 'http://api.test');
  const logger = { info: () => {}, error: () => {} };
  const clock = () => now;
  const config = {
    corsOrigins: '*' as const,
    bodyLimit: 1024 * 1024,
    baseUrl: 'http://api.test',
    trustedProxies: [],
    intakeRateLimit: { limit: 100, windowMs: 60_000 },
  };
  const app = createApp({
    source,
    clock,
    logger,
    readiness: { isReady: () => true },
    config,
    store: temp.store,
    staff: new StaffDirectory([]),
  });
  const fast = createFastPath({ source, clock, logger }, publicHeaderOptions(config), {
    maxUrlLength: MAX_URL_LENGTH,
    maxHeaderBytes: MAX_HEADER_BYTES,
  });
  const hono = getRequestListener(app.fetch);
  server = createServer((req, res) => {
    if (fast(req, res)) fastHits += 1;
    else void hono(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  base = `http://127.0.0.1:${(address satisfies AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await temp.dispose();
});

interface Answer {
  status: number;
  type: string | undefined;
  body: string;
  fast: boolean;
}
function call(
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
  body?: string,
): Promise<Answer> {
  const before = fastHits;
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: res.headers['content-type'],
          body: Buffer.concat(chunks).toString('utf8'),
          fast: fastHits > before,
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
