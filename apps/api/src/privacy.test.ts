// P1/P2: personal data never reaches a log line, on any path a request can take.
import { CONSULTATION_REQUEST_EXAMPLE } from '@ptfx/domain';
import { describe, expect, it } from 'vitest';
import { sampleAppsPerTest, TEST_STAFF, type TestApp, wrapStore } from './test-support/app.js';

const CANARY = `CANARY${Date.now().toString(36)}`;
const canaryRequest = {
  ...CONSULTATION_REQUEST_EXAMPLE,
  name: { given: `${CANARY}-GIVEN`, family: `${CANARY}-FAMILY` },
  contact: {
    phone: '(619) 555-0177',
    email: `${CANARY.toLowerCase()}@example.com`,
    preferred: 'email',
  },
  consent: { accepted: true, textVersion: '2026-01', channels: ['email'] },
  reason: `${CANARY}-REASON my knee`,
} as const;
/** Everything that identifies the person: none of it may be logged. */
const SECRETS = [CANARY, CANARY.toLowerCase(), '555-0177', '5550177', TEST_STAFF.token];

const open = sampleAppsPerTest();

function leaks(t: TestApp): string[] {
  const text = t.logs.map((line) => JSON.stringify(line)).join('\n');
  return SECRETS.filter((s) => text.includes(s));
}
const post = (t: TestApp, body: unknown) =>
  t.app.request('/v1/consultation-requests', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `${CANARY}-key-0001` },
    body: JSON.stringify(body),
  });

describe('logs carry no personal data (P1, P2)', () => {
  it('on success, replay and staff reads', async () => {
    const t = await open();
    const res = await post(t, canaryRequest);
    expect(res.status).toBe(201);
    expect((await post(t, canaryRequest)).status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const auth = { Authorization: TEST_STAFF.authorization };
    expect(
      (await t.app.request(`/v1/staff/consultation-requests/${id}`, { headers: auth })).status,
    ).toBe(200);
    // PHI in a query string (P2): the access log has the route, never the query.
    const search = await t.app.request(
      `/v1/staff/consultation-requests?email=${CANARY.toLowerCase()}%40example.com&q=${CANARY}`,
      { headers: auth },
    );
    expect(search.status).toBe(200);
    expect(t.logs.length).toBeGreaterThanOrEqual(4);
    expect(leaks(t)).toEqual([]);
  });

  it('on validation failures', async () => {
    const t = await open();
    const bad = [
      { ...canaryRequest, contact: { ...canaryRequest.contact, email: `${CANARY} not an email` } },
      { ...canaryRequest, extra: CANARY },
      `{"name":{"given":"${CANARY}"`,
    ];
    for (const body of bad) {
      const res = await t.app.request('/v1/consultation-requests', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      expect(res.status).toBe(400);
    }
    // A wrong token is audited and logged without the token.
    await t.app.request('/v1/staff/audit', { headers: { Authorization: `Bearer ${CANARY}` } });
    expect(leaks(t)).toEqual([]);
  });

  it('on a forced internal error', async () => {
    const base = await open();
    const t = await open({
      store: wrapStore(base.store, {
        createRequest: () => Promise.reject(new TypeError('cannot read properties of undefined')),
      }),
    });
    const res = await post(t, canaryRequest);
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(body).not.toMatch(/TypeError|cannot read|\.ts:|\.js:/);
    expect(t.logs.some((l) => l.event === 'error')).toBe(true);
    expect(leaks(t)).toEqual([]);
    expect(SECRETS.filter((s) => body.includes(s))).toEqual([]);
  });
});

describe('the booking form without JavaScript leaks nothing personal (P1)', () => {
  const form = new URLSearchParams({
    'name.given': `${CANARY}-GIVEN`,
    'name.family': `${CANARY}-FAMILY`,
    'contact.phone': '(619) 555-0177',
    'contact.email': `${CANARY.toLowerCase()}@example.com`,
    'contact.preferred': 'email',
    reason: `${CANARY}-REASON my knee`,
    patientStatus: 'new',
    location: 'san-diego',
    'consent.accepted': 'true',
    'consent.textVersion': '2026-01',
    'consent.channels': 'email',
  });
  const postForm = (t: TestApp, body: URLSearchParams) =>
    t.app.request('/v1/consultation-requests', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });

  it('in the log lines and the redirect, on success, failure, rate limit and an internal error', async () => {
    const t = await open({ intakeRateLimit: { limit: 1, windowMs: 600_000 } });
    const ok = await postForm(t, form);
    expect(ok.status).toBe(303);
    const location = ok.headers.get('location') ?? '';
    expect(SECRETS.filter((s) => location.includes(s))).toEqual([]);
    expect(location).not.toContain('?');

    const invalid = new URLSearchParams(form);
    invalid.set('contact.email', `${CANARY} not an email`);
    expect((await postForm(t, invalid)).status).toBe(422);
    expect((await postForm(t, form)).status).toBe(429);

    const base = await open();
    const broken = await open({
      store: wrapStore(base.store, {
        createRequest: () => Promise.reject(new TypeError('cannot read properties of undefined')),
      }),
    });
    const failed = await postForm(broken, form);
    expect(failed.status).toBe(500);
    expect(await failed.text()).not.toMatch(/TypeError|cannot read/);

    expect(t.logs.filter((l) => l.event === 'request')).toHaveLength(3);
    expect(broken.logs.some((l) => l.event === 'error')).toBe(true);
    expect(leaks(t)).toEqual([]);
    expect(leaks(broken)).toEqual([]);
  });
});
