import { CONSULTATION_REQUEST_EXAMPLE } from '@ptfx/domain';
import { describe, expect, it } from 'vitest';
import { sampleAppsPerTest, TEST_STAFF, type TestApp } from '../test-support/app.js';

const open = sampleAppsPerTest();

const auth = { Authorization: TEST_STAFF.authorization };
async function submit(
  t: TestApp,
  reason: string = CONSULTATION_REQUEST_EXAMPLE.reason,
): Promise<string> {
  const res = await t.app.request('/v1/consultation-requests', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...CONSULTATION_REQUEST_EXAMPLE, reason }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}
interface AuditItem {
  staff: string;
  action: string;
  targetId: string | null;
  requestId: string;
  outcome: string;
}
async function auditLog(t: TestApp): Promise<AuditItem[]> {
  const res = await t.app.request('/v1/staff/audit?limit=100', { headers: auth });
  expect(res.status).toBe(200);
  // Reads of the log itself are left out; oldest first.
  return ((await res.json()) as { items: AuditItem[] }).items
    .filter((r) => r.action !== 'audit.list')
    .reverse();
}

const STAFF_CALLS: [string, string, string?][] = [
  ['GET', '/v1/staff/consultation-requests'],
  ['HEAD', '/v1/staff/consultation-requests'],
  ['GET', '/v1/staff/consultation-requests/0b7c2f2e-4a1d-4f57-9d8e-2a0f5c3e9b11'],
  [
    'PATCH',
    '/v1/staff/consultation-requests/0b7c2f2e-4a1d-4f57-9d8e-2a0f5c3e9b11',
    '{"status":"closed"}',
  ],
  ['DELETE', '/v1/staff/consultation-requests/0b7c2f2e-4a1d-4f57-9d8e-2a0f5c3e9b11'],
  ['GET', '/v1/staff/audit'],
];

describe('staff access', () => {
  it.each(STAFF_CALLS)(
    'answers %s %s with 503 when no staff token is configured, never open',
    async (method, path, payload) => {
      const t = await open({ staff: 'none' });
      const res = await t.app.request(path, {
        method,
        headers: { ...auth, 'Content-Type': 'application/json' },
        ...(payload ? { body: payload } : {}),
      });
      expect(res.status).toBe(503);
      if (method !== 'HEAD') expect(await res.text()).toMatch(/staff access is not configured/);
    },
  );

  it.each([
    ['no Authorization header', {}],
    ['a token in the query string only', {}, `?token=${TEST_STAFF.token}`],
    ['Basic credentials', { Authorization: 'Basic YWxpY2U6c2VjcmV0' }],
    ['"Bearer" and a space', { Authorization: 'Bearer ' }],
    ['an invalid character', { Authorization: 'Bearer abc def' }],
    ['a wrong token', { Authorization: 'Bearer ptfx_st_wrong' }],
    ['the hash instead of the token', { Authorization: `Bearer ${TEST_STAFF.sha256}` }],
  ] as [string, Record<string, string>, string?][])(
    'refuses %s with 401 and a Bearer challenge (A1)',
    async (_n, headers, query = '') => {
      const t = await open();
      const res = await t.app.request(`/v1/staff/consultation-requests${query}`, { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="ptfx staff"/);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    },
  );

  it('refuses the id a public POST returned to an anonymous reader (A3)', async () => {
    const t = await open();
    const id = await submit(t);
    const res = await t.app.request(`/v1/staff/consultation-requests/${id}`);
    expect(res.status).toBe(401);
    expect(await res.text()).not.toMatch(/Ana|Reyes/);
  });

  it('answers 429 after repeated wrong tokens from one address, and audits each refused one as anonymous', async () => {
    const t = await open();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await t.app.request('/v1/staff/audit', {
        headers: { Authorization: `Bearer guess-${i}` },
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    const log = await auditLog(t);
    // Ten refusals; the 429 past the limit writes nothing, so a flood cannot fill the log.
    expect(log).toHaveLength(10);
    expect(log.every((r) => r.staff === 'anonymous' && r.action === 'auth.failed')).toBe(true);
    expect(JSON.stringify(log)).not.toMatch(/guess-/);
  });

  it('gives staff answers no CORS grant for any origin, and no preflight (A5)', async () => {
    const t = await open();
    const res = await t.app.request('/v1/staff/consultation-requests', {
      headers: { ...auth, Origin: 'https://evil.example' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store, private');
    const preflight = await t.app.request('/v1/staff/consultation-requests', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://evil.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    expect(preflight.status).toBe(401);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses every method on every staff route without a token, and path variants too (A2, B8)', async () => {
    const t = await open();
    const id = await submit(t);
    const staffPaths = [
      ...new Set(t.app.routes.map((r) => r.path).filter((p) => p.startsWith('/v1/staff'))),
    ];
    expect(staffPaths.length).toBeGreaterThanOrEqual(3);
    const concrete = staffPaths.map((p) => p.replace(/:id(\{[^}]*\})?/, id));
    const variants = concrete.flatMap((p) => [
      p,
      `${p}/`,
      `/${p}`,
      p.replace('/v1/staff', '/v1//staff'),
      p.replace('/v1/staff', '/V1/STAFF'),
      p.replace('/v1/staff', '/v1/%73taff'),
      p.replace('/v1/staff', '/v1/./staff'),
      p.replace('/v1/staff', '/v1/staff/.'),
      `${p}?token=${TEST_STAFF.token}`,
      `${p};jsessionid=1`,
    ]);
    const leaks: string[] = [];
    for (const path of variants) {
      for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
        const res = await t.app.request(path, {
          method,
          headers: { 'Content-Type': 'application/json' },
          ...(method === 'GET' || method === 'HEAD' || method === 'OPTIONS'
            ? {}
            : { body: '{"status":"closed"}' }),
        });
        const text = method === 'HEAD' ? '' : await res.text();
        if (![401, 404].includes(res.status) || /Ana|Reyes|\+1619/.test(text)) {
          leaks.push(`${method} ${path}: ${res.status}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    // And the exact routes say 401, not 404: their existence needs no hiding, their content does.
    for (const path of concrete) {
      expect((await t.app.request(path)).status).toBe(401);
    }
    // Nothing was changed or deleted along the way.
    const view = await t.app.request(`/v1/staff/consultation-requests/${id}`, { headers: auth });
    expect(((await view.json()) as { status: string }).status).toBe('new');
  });

  it('keeps every route outside the public list behind the token (API5 inventory)', async () => {
    const t = await open();
    // Everything anyone may call. A new route that is not here must be a staff route.
    const PUBLIC = [
      /^\/(healthz|readyz|openapi\.json|docs|docs\/|docs\/:file)$/,
      /^\/v1\/(clinic|locations|therapists|credentials|treatments|conditions|articles)(\/|\.|$)/,
      /^\/v1\/credential-listings\/lint$/,
      /^\/v1\/consultation-requests$/,
      /^\/fhir\/r4\//,
      // The clinic's website: GET and HEAD of its public pages (routes/site.ts).
      /^\/\*$/,
    ];
    const routes = [
      ...new Set(
        t.app.routes
          .filter((r) => r.method !== 'ALL' && !PUBLIC.some((p) => p.test(r.path)))
          .map((r) => `${r.method} ${r.path}`),
      ),
    ].sort();
    expect(routes).toEqual([
      'DELETE /v1/staff/consultation-requests/:id',
      'GET /v1/staff/audit',
      'GET /v1/staff/consultation-requests',
      'GET /v1/staff/consultation-requests/:id',
      'GET /v1/staff/webhook-deliveries',
      'PATCH /v1/staff/consultation-requests/:id',
      'POST /v1/staff/webhook-deliveries/:id/redrive',
      'POST /v1/staff/webhook-deliveries/redrive',
    ]);
    for (const route of routes) {
      const [method = '', pattern = ''] = route.split(' ');
      const path = pattern.replace(/:id(\{[^}]*\})?/, '0b7c2f2e-4a1d-4f57-9d8e-2a0f5c3e9b11');
      for (const m of method === 'GET' ? ['GET', 'HEAD'] : [method]) {
        const res = await t.app.request(path, {
          method: m,
          headers: { 'Content-Type': 'application/json' },
          ...(m === 'PATCH' ? { body: '{"status":"closed"}' } : {}),
        });
        expect(`${m} ${pattern}: ${res.status}`).toBe(`${m} ${pattern}: 401`);
      }
    }
  });
});

describe('staff routes', () => {
  it('lists newest first with filters and a cursor, and audits each list (A7)', async () => {
    let now = new Date('2026-11-20T10:00:00Z');
    const t = await open({ clock: () => now });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(await submit(t, `Reason number ${i}`));
      now = new Date(now.getTime() + 86_400_000);
    }
    const page1 = await t.app.request('/v1/staff/consultation-requests?limit=2', { headers: auth });
    const one = (await page1.json()) as { items: { id: string }[]; next: string | null };
    expect(one.items.map((r) => r.id)).toEqual([ids[4], ids[3]]);
    expect(one.next).toEqual(expect.any(String));
    const page2 = await t.app.request(
      `/v1/staff/consultation-requests?limit=2&cursor=${one.next}`,
      { headers: auth },
    );
    const two = (await page2.json()) as { items: { id: string }[]; next: string | null };
    expect(two.items.map((r) => r.id)).toEqual([ids[2], ids[1]]);
    const ranged = await t.app.request(
      '/v1/staff/consultation-requests?from=2026-11-21&to=2026-11-23',
      { headers: auth },
    );
    expect(((await ranged.json()) as { items: { id: string }[] }).items.map((r) => r.id)).toEqual([
      ids[2],
      ids[1],
    ]);
    const log = await auditLog(t);
    expect(log.map((r) => [r.staff, r.action, r.targetId])).toEqual([
      ['alice', 'request.list', null],
      ['alice', 'request.list', null],
      ['alice', 'request.list', null],
    ]);
  });

  it.each([
    ['limit=101', 'query.limit'],
    ['limit=0', 'query.limit'],
    ['limit=abc', 'query.limit'],
    ['status=done', 'query.status'],
    ['from=yesterday', 'query.from'],
    ['cursor=not-a-cursor', 'query.cursor'],
  ])('refuses ?%s with 400 naming %s (L3)', async (query, path) => {
    const t = await open();
    const res = await t.app.request(`/v1/staff/consultation-requests?${query}`, { headers: auth });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path)).toContain(path);
  });

  it('reads, changes with a note, and deletes a request, with one audit row each', async () => {
    const t = await open();
    const id = await submit(t);
    const read = await t.app.request(`/v1/staff/consultation-requests/${id}`, {
      headers: { ...auth, 'X-Request-Id': 'read-1' },
    });
    expect(read.status).toBe(200);
    const patched = await t.app.request(`/v1/staff/consultation-requests/${id}`, {
      method: 'PATCH',
      headers: { ...auth, 'Content-Type': 'application/json', 'X-Request-Id': 'patch-1' },
      body: JSON.stringify({ status: 'contacted', note: 'Left a voicemail' }),
    });
    expect(patched.status).toBe(200);
    const view = (await patched.json()) as {
      status: string;
      history: unknown[];
      request: { reason: string };
    };
    expect(view.status).toBe('contacted');
    expect(view.history).toEqual([
      {
        at: '2026-11-25T18:00:00.000Z',
        by: 'alice',
        status: 'contacted',
        note: 'Left a voicemail',
      },
    ]);
    expect(view.request.reason).toBe(CONSULTATION_REQUEST_EXAMPLE.reason);
    const deleted = await t.app.request(`/v1/staff/consultation-requests/${id}`, {
      method: 'DELETE',
      headers: { ...auth, 'X-Request-Id': 'delete-1' },
    });
    expect(deleted.status).toBe(204);
    const gone = await t.app.request(`/v1/staff/consultation-requests/${id}`, {
      headers: { ...auth, 'X-Request-Id': 'read-2' },
    });
    expect(gone.status).toBe(404);
    const log = await auditLog(t);
    expect(log.map((r) => [r.action, r.targetId, r.requestId, r.outcome])).toEqual([
      ['request.read', id, 'read-1', 'ok'],
      ['request.update', id, 'patch-1', 'ok'],
      ['request.delete', id, 'delete-1', 'ok'],
      ['request.read', id, 'read-2', 'not-found'],
    ]);
  });

  it('refuses a status change it does not know, and one that tries to rewrite the request', async () => {
    const t = await open();
    const id = await submit(t);
    for (const payload of [
      { status: 'done' },
      { status: 'closed', reason: 'edited' },
      { status: 'closed', note: 'x'.repeat(1001) },
    ]) {
      const res = await t.app.request(`/v1/staff/consultation-requests/${id}`, {
        method: 'PATCH',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify(payload),
      });
      expect(res.status).toBe(400);
    }
  });

  it('offers no way to change or delete the audit log', async () => {
    const t = await open();
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const res = await t.app.request('/v1/staff/audit', {
        method,
        headers: { ...auth, 'Content-Type': 'application/json' },
        ...(method === 'DELETE' ? {} : { body: '{}' }),
      });
      expect(res.status).toBe(405);
    }
  });

  it('asks no token of any other operation (what /docs marks "Auth Required" is the staff ones: test/browser/docs.int.test.ts)', async () => {
    const t = await open();
    const doc = (await (await t.app.request('/openapi.json')).json()) as {
      security?: unknown[];
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const publicOps = Object.entries(doc.paths)
      .filter(([p]) => !p.startsWith('/v1/staff'))
      .flatMap(([p, ops]) => Object.entries(ops).map(([m, op]) => [`${m} ${p}`, op] as const));
    expect(publicOps.length).toBeGreaterThan(20);
    for (const [name, op] of publicOps) expect(op.security ?? doc.security ?? [], name).toEqual([]);
  });

  it('documents every staff route with the bearer scheme in the OpenAPI document', async () => {
    const t = await open();
    const doc = (await (await t.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { security?: unknown }>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(doc.components.securitySchemes.staffToken).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    const staffOps = Object.entries(doc.paths)
      .filter(([p]) => p.startsWith('/v1/staff'))
      .flatMap(([, ops]) => Object.values(ops));
    expect(staffOps).toHaveLength(8);
    for (const op of staffOps) expect(op.security).toEqual([{ staffToken: [] }]);
  });
});
