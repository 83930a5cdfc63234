// Property tests: arbitrary bodies and headers sent to every intake and staff route never get a
// 5xx, never show internals, and never let an unauthenticated caller see a stored request.
import { CONSULTATION_REQUEST_EXAMPLE } from '@ptfx/domain';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleApp, TEST_STAFF } from '../test-support/app.js';

const t = await sampleApp({ intakeRateLimit: { limit: 100_000, windowMs: 60_000 } });
afterAll(() => t.dispose());

// One stored request whose content must never leak to a caller without the token.
const seeded = await t.app.request('/v1/consultation-requests', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({
    ...CONSULTATION_REQUEST_EXAMPLE,
    name: { given: 'Seeded', family: 'Secretperson' },
  }),
});
const SEEDED_ID = ((await seeded.json()) as { id: string }).id;

const LEAKS = [/Error:/, /\n\s*at\s/, /node_modules/, /\.(?:[cm]?[jt]s):\d+/, /SQLITE|sqlite/];

/** A valid request with one part changed: missing, wrong type, huge, odd Unicode, extra keys. */
const mutatedRequest = fc
  .tuple(
    fc.constantFrom(
      'name',
      'contact',
      'reason',
      'preferredTimes',
      'patientStatus',
      'coverage',
      'location',
      'therapist',
      'consent',
      'website',
      '__proto__',
      'status',
    ),
    fc.oneof(
      fc.constant(undefined),
      fc.jsonValue(),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ minLength: 2001, maxLength: 2100 }),
      fc.record({ given: fc.string(), family: fc.string() }),
      fc.record({
        phone: fc.string({ maxLength: 30 }),
        email: fc.string({ maxLength: 60 }),
        preferred: fc.constantFrom('phone', 'sms', 'email', 'fax'),
      }),
    ),
  )
  .map(([key, value]) => {
    const body: Record<string, unknown> = { ...CONSULTATION_REQUEST_EXAMPLE };
    if (value === undefined) delete body[key];
    else body[key] = value;
    return JSON.stringify(body);
  });

const bodyArb = fc.oneof(
  mutatedRequest,
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string({ unit: 'binary', maxLength: 500 }),
  fc.constant(JSON.stringify(CONSULTATION_REQUEST_EXAMPLE)),
);

const headerArb = fc.record(
  {
    'Content-Type': fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'application/merge-patch+json',
      'text/plain',
      '',
      'application/json; charset=utf-16',
      'multipart/form-data; boundary=x',
    ),
    'Idempotency-Key': fc.oneof(
      fc.uuid(),
      fc.string({ unit: 'grapheme-ascii', maxLength: 300 }),
      fc.constant('"8e03978e-40d5-43e8-bc93-6894a57f9324"'),
    ),
    Authorization: fc.oneof(
      fc.constant(TEST_STAFF.authorization),
      fc.constant('Bearer '),
      fc.string({ unit: 'grapheme-ascii', maxLength: 200 }).map((s) => `Bearer ${s}`),
      fc.string({ unit: 'grapheme-ascii', maxLength: 200 }),
    ),
    'X-Forwarded-For': fc.oneof(fc.ipV4(), fc.ipV6(), fc.string({ unit: 'grapheme-ascii' })),
    'X-Request-Id': fc.string({ unit: 'grapheme-ascii', maxLength: 300 }),
    Origin: fc.constantFrom('https://evil.example', 'null', 'https://www.pteffect.com'),
  },
  { requiredKeys: ['Content-Type'] },
);

const pathArb = fc.oneof(
  fc.constant('/v1/consultation-requests'),
  fc.constant('/v1/staff/consultation-requests'),
  fc.constant('/v1/staff/audit'),
  fc.constant(`/v1/staff/consultation-requests/${SEEDED_ID}`),
  fc.uuid().map((id) => `/v1/staff/consultation-requests/${id}`),
  fc
    .string({ unit: 'grapheme-ascii', maxLength: 80 })
    .map((s) => `/v1/staff/consultation-requests/${encodeURIComponent(s)}`),
);

const queryArb = fc.oneof(
  fc.constant(''),
  fc
    .record(
      {
        status: fc.oneof(fc.constantFrom('new', 'closed', 'spam'), fc.string({ maxLength: 20 })),
        from: fc.oneof(
          fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString())),
          fc.string({ maxLength: 40 }),
        ),
        to: fc.string({ maxLength: 40 }),
        limit: fc.oneof(
          fc.integer({ min: -5, max: 500 }).map(String),
          fc.string({ maxLength: 10 }),
        ),
        cursor: fc.oneof(fc.base64String({ maxLength: 100 }), fc.string({ maxLength: 100 })),
        before: fc.oneof(fc.integer().map(String), fc.string({ maxLength: 10 })),
        email: fc.emailAddress(),
      },
      { requiredKeys: [] },
    )
    .map((q) => new URLSearchParams(q).toString()),
);

const requestArb = fc.record({
  method: fc.constantFrom('GET', 'HEAD', 'POST', 'PATCH', 'DELETE', 'PUT'),
  path: pathArb,
  query: queryArb,
  headers: headerArb,
  body: bodyArb,
});

describe('intake and staff routes under arbitrary input', () => {
  it('never answer 5xx, never show internals, never show a stored request without the token', async () => {
    await fc.assert(
      fc.asyncProperty(requestArb, async (r) => {
        // Keep the seeded request, so that every run can check it does not leak.
        fc.pre(!(r.method === 'DELETE' && r.path.endsWith(SEEDED_ID)));
        const hasBody = !['GET', 'HEAD'].includes(r.method);
        const res = await t.app.request(`${r.path}${r.query ? `?${r.query}` : ''}`, {
          method: r.method,
          headers: r.headers,
          ...(hasBody ? { body: r.body } : {}),
        });
        const text = await res.text();
        expect(res.status, `${r.method} ${r.path}: ${text.slice(0, 300)}`).toBeLessThan(500);
        for (const leak of LEAKS) expect(text).not.toMatch(leak);
        if (r.headers.Authorization !== TEST_STAFF.authorization) {
          expect(text).not.toContain('Secretperson');
          if (r.path.startsWith('/v1/staff')) expect([401, 429]).toContain(res.status);
        }
        if (res.status >= 400 && r.method !== 'HEAD') {
          expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        }
      }),
      { numRuns: 600 },
    );
  });

  it('store a valid request exactly as sent (the OpenAPI example, with arbitrary Unicode reasons)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .string({ unit: 'grapheme', minLength: 1, maxLength: 300 })
          .filter((s) => s.trim() !== ''),
        async (reason) => {
          const res = await t.app.request('/v1/consultation-requests', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ ...CONSULTATION_REQUEST_EXAMPLE, reason }),
          });
          expect(res.status).toBe(201);
          const { id } = (await res.json()) as { id: string };
          const stored = await t.app.request(`/v1/staff/consultation-requests/${id}`, {
            headers: { Authorization: TEST_STAFF.authorization },
          });
          const view = (await stored.json()) as { request: { reason: string } };
          expect(view.request.reason).toBe(reason.trim());
        },
      ),
      { numRuns: 150 },
    );
  });
});
