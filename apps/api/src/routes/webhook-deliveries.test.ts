import { CONSULTATION_REQUEST_EXAMPLE } from '@ptfx/domain';
import { announcement } from '@ptfx/intake';
import { describe, expect, it } from 'vitest';
import type { ApiOutbox } from '../app-types.js';
import { sampleAppsPerTest, TEST_STAFF, type TestApp } from '../test-support/app.js';

const open = sampleAppsPerTest();
const auth = { Authorization: TEST_STAFF.authorization };
const NOW = new Date('2026-11-25T18:00:00Z');

/** The real announcement, and a count of wake-ups. */
function countingOutbox(): ApiOutbox & { wakes: number } {
  const outbox = {
    wakes: 0,
    announcement: (requestId: string, receivedAt: Date) =>
      announcement({
        requestId,
        staffUrl: `http://api.test/v1/staff/consultation-requests/${requestId}`,
        receivedAt,
      }),
    wake() {
      outbox.wakes += 1;
    },
  };
  return outbox;
}

async function submit(t: TestApp, n: number): Promise<string> {
  const res = await t.app.request('/v1/consultation-requests', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `deliveries-test-${n}-key` },
    body: JSON.stringify({ ...CONSULTATION_REQUEST_EXAMPLE, reason: `Request ${n}` }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** Claims every due message and settles each as the given outcome (what a deliverer would do). */
async function settleAll(t: TestApp, kind: 'dead' | 'delivered'): Promise<string[]> {
  const claimed = await t.store.claimOutbox({ now: NOW, leaseMs: 60_000, limit: 100 });
  for (const m of claimed) {
    await t.store.settleOutbox(
      m.id,
      kind === 'dead' ? { kind, at: NOW, error: 'http 410' } : { kind, at: NOW },
    );
  }
  return claimed.map((m) => m.id);
}

interface Delivery {
  id: string;
  type: string;
  status: string;
  attempts: number;
  lastError: string | null;
  payload: string;
  deliveredAt: string | null;
}

async function list(t: TestApp, query = ''): Promise<{ items: Delivery[]; next: string | null }> {
  const res = await t.app.request(`/v1/staff/webhook-deliveries${query}`, { headers: auth });
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store, private');
  return (await res.json()) as { items: Delivery[]; next: string | null };
}

async function audit(t: TestApp) {
  const res = await t.app.request('/v1/staff/audit?limit=100', { headers: auth });
  const items = ((await res.json()) as { items: { action: string; targetId: string | null }[] })
    .items;
  return items
    .filter((r) => r.action.startsWith('outbox.'))
    .map((r) => [r.action, r.targetId])
    .reverse();
}

describe('GET /v1/staff/webhook-deliveries', () => {
  it('lists deliveries newest first, filtered by status, paged with before, audited', async () => {
    const outbox = countingOutbox();
    const t = await open({ outbox, clock: () => NOW });
    const ids: string[] = [];
    for (let n = 0; n < 3; n++) ids.push(await submit(t, n));
    const dead = await settleAll(t, 'dead');
    expect(dead).toHaveLength(3);
    await submit(t, 3); // pending

    const all = await list(t);
    expect(all.items).toHaveLength(4);
    expect(all.items.map((i) => i.status).sort()).toEqual(['dead', 'dead', 'dead', 'pending']);
    const deadPage = await list(t, '?status=dead');
    expect(deadPage.items.map((i) => i.id).sort()).toEqual([...dead].sort());
    const item = deadPage.items[0] as Delivery;
    expect(item).toMatchObject({
      type: 'consultation-request.created',
      attempts: 1,
      lastError: 'http 410',
      deliveredAt: null,
    });
    expect(item.id).toMatch(/^msg_[0-9a-f]{32}$/);
    // The payload names the request and its staff link; nothing the person sent.
    const payload = JSON.parse(item.payload) as { data: { id: string } };
    expect(ids).toContain(payload.data.id);
    expect(item.payload).not.toContain(CONSULTATION_REQUEST_EXAMPLE.contact.phone ?? 'never');

    const first = await list(t, '?status=dead&limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.next).toEqual(expect.any(String));
    const second = await list(t, `?status=dead&limit=2&before=${first.next}`);
    expect(second.items).toHaveLength(1);
    expect(second.next).toBeNull();
    expect(new Set([...first.items, ...second.items].map((i) => i.id))).toEqual(new Set(dead));

    expect(await audit(t)).toEqual(Array(4).fill(['outbox.list', null]));
  });

  it('refuses a status or limit that is not valid with 400', async () => {
    const t = await open();
    for (const query of ['?status=lost', '?limit=0', '?limit=101', '?limit=x']) {
      const res = await t.app.request(`/v1/staff/webhook-deliveries${query}`, { headers: auth });
      expect(res.status, query).toBe(400);
    }
  });
});

describe('POST /v1/staff/webhook-deliveries/{id}/redrive', () => {
  it('puts one dead delivery back to pending, due now, wakes the deliverer, audited', async () => {
    const outbox = countingOutbox();
    const t = await open({ outbox, clock: () => NOW });
    await submit(t, 0);
    await submit(t, 1);
    const [one, other] = await settleAll(t, 'dead');
    const wakes = outbox.wakes;
    // No body and no Content-Type: a bodiless action.
    const res = await t.app.request(`/v1/staff/webhook-deliveries/${one}/redrive`, {
      method: 'POST',
      headers: auth,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ redriven: 1 });
    expect(outbox.wakes).toBe(wakes + 1);
    const items = (await list(t)).items;
    expect(items.find((i) => i.id === one)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(items.find((i) => i.id === other)).toMatchObject({ status: 'dead' });
    // A deliverer claims it again.
    const claimed = await t.store.claimOutbox({ now: NOW, leaseMs: 1000, limit: 10 });
    expect(claimed.map((m) => m.id)).toEqual([one]);
    expect(await audit(t)).toEqual([
      ['outbox.redrive', one],
      ['outbox.list', null],
    ]);
  });

  it('accepts an empty JSON body too', async () => {
    const t = await open({ outbox: countingOutbox(), clock: () => NOW });
    await submit(t, 0);
    const [id] = await settleAll(t, 'dead');
    const res = await t.app.request(`/v1/staff/webhook-deliveries/${id}/redrive`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
  });

  it('answers 404 for an id that is not a dead delivery (unknown, pending or delivered)', async () => {
    const outbox = countingOutbox();
    const t = await open({ outbox, clock: () => NOW });
    await submit(t, 0);
    const [delivered] = await settleAll(t, 'delivered');
    await submit(t, 1);
    const pending = (await list(t, '?status=pending')).items[0]?.id;
    const wakes = outbox.wakes;
    for (const id of ['msg_nothing', delivered, pending]) {
      const res = await t.app.request(`/v1/staff/webhook-deliveries/${id}/redrive`, {
        method: 'POST',
        headers: auth,
      });
      expect(res.status, id).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      expect(((await res.json()) as { detail: string }).detail).toMatch(
        /no dead webhook delivery has the id .*status=dead/,
      );
    }
    expect(outbox.wakes).toBe(wakes);
  });

  it('still wants a JSON Content-Type when a body is sent', async () => {
    const t = await open();
    const res = await t.app.request('/v1/staff/webhook-deliveries/msg_x/redrive', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'text/plain' },
      body: 'hello',
    });
    expect(res.status).toBe(415);
  });
});

describe('POST /v1/staff/webhook-deliveries/redrive', () => {
  it('puts every dead delivery back, says how many, and wakes the deliverer once', async () => {
    const outbox = countingOutbox();
    const t = await open({ outbox, clock: () => NOW });
    for (let n = 0; n < 3; n++) await submit(t, n);
    await settleAll(t, 'dead');
    const wakes = outbox.wakes;
    const res = await t.app.request('/v1/staff/webhook-deliveries/redrive', {
      method: 'POST',
      headers: auth,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ redriven: 3 });
    expect(outbox.wakes).toBe(wakes + 1);
    const again = await t.app.request('/v1/staff/webhook-deliveries/redrive', {
      method: 'POST',
      headers: auth,
    });
    expect(await again.json()).toEqual({ redriven: 0 });
    expect(outbox.wakes).toBe(wakes + 1);
    expect((await list(t, '?status=dead')).items).toEqual([]);
    expect(await audit(t)).toEqual([
      ['outbox.redrive', null],
      ['outbox.redrive', null],
      ['outbox.list', null],
    ]);
  });
});

describe('the webhook-delivery routes', () => {
  it.each([
    ['GET', '/v1/staff/webhook-deliveries'],
    ['POST', '/v1/staff/webhook-deliveries/redrive'],
    ['POST', '/v1/staff/webhook-deliveries/msg_x/redrive'],
  ])(
    '%s %s wants a staff token (401), and answers 503 when staff access is off',
    async (method, path) => {
      const t = await open();
      const res = await t.app.request(path, { method });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const off = await open({ staff: 'none' });
      expect((await off.app.request(path, { method, headers: auth })).status).toBe(503);
    },
  );

  it('are in the OpenAPI document, staff-secured', async () => {
    const t = await open();
    const doc = (await (await t.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { security?: unknown; tags?: string[] }>>;
    };
    const list = doc.paths['/v1/staff/webhook-deliveries']?.get;
    const one = doc.paths['/v1/staff/webhook-deliveries/{id}/redrive']?.post;
    const all = doc.paths['/v1/staff/webhook-deliveries/redrive']?.post;
    for (const op of [list, one, all]) {
      expect(op?.security).toEqual([{ staffToken: [] }]);
      expect(op?.tags).toEqual(['staff']);
    }
  });
});
