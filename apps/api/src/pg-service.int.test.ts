// The API on PostgreSQL: an outage makes /readyz fail and POST answer 503, and service comes back
// without a restart (F4); two instances sharing the database share the rate limit (L2) and the
// idempotency keys.
import { CONSULTATION_REQUEST_EXAMPLE } from '@ptfx/domain';
import type { Store } from '@ptfx/intake';
import { openPostgresStore } from '@ptfx/intake';
import { type PgCluster, pgUnavailableReason, startPgCluster } from '@ptfx/intake/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleApp, TEST_STAFF } from './test-support/app.js';

const unavailable = pgUnavailableReason();
if (unavailable !== undefined && process.env.CI) {
  describe('the API on PostgreSQL', () => {
    it("CI needs PostgreSQL: install Debian's postgresql package", () => {
      throw new Error(`CI needs PostgreSQL (${unavailable})`);
    });
  });
}
const describePg = unavailable === undefined ? describe : describe.skip;

describePg(
  unavailable === undefined
    ? 'the API on PostgreSQL'
    : `the API on PostgreSQL (skipped: ${unavailable})`,
  () => {
    let cluster: PgCluster;
    const stores: Store[] = [];
    beforeAll(async () => {
      const started = await startPgCluster();
      if (!started) throw new Error('no PostgreSQL');
      cluster = started;
    });
    afterAll(async () => {
      for (const store of stores) await store.close().catch(() => {});
      await cluster?.stop();
    });

    async function instance(url: string, limit = 1000) {
      const store = await openPostgresStore({ url, connectTimeoutSeconds: 2 });
      stores.push(store);
      const t = await sampleApp({ store, intakeRateLimit: { limit, windowMs: 600_000 } });
      return t;
    }
    const post = (
      t: Awaited<ReturnType<typeof sampleApp>>,
      headers: Record<string, string> = {},
      reason = 'Shoulder pain when reaching overhead',
    ) =>
      t.app.request('/v1/consultation-requests', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ ...CONSULTATION_REQUEST_EXAMPLE, reason }),
      });

    it('fails readiness and answers POST with 503 while the database is down, then recovers without a restart (F4)', async () => {
      const t = await instance(await cluster.createDatabase('outage'));
      const before = await post(t);
      expect(before.status).toBe(201);
      const { id } = (await before.json()) as { id: string };
      expect((await t.app.request('/readyz')).status).toBe(200);

      await cluster.stopServer();
      try {
        expect((await t.app.request('/readyz')).status).toBe(503);
        expect((await t.app.request('/healthz')).status).toBe(200);
        const down = await post(t);
        expect(down.status).toBe(503);
        expect(down.headers.get('retry-after')).toBe('5');
        const text = await down.text();
        expect(text).not.toMatch(/ECONNREFUSED|postgres|127\.0\.0\.1|\.js:/i);
        // Clinic facts do not need the database.
        expect((await t.app.request('/v1/therapists')).status).toBe(200);
      } finally {
        await cluster.startServer();
      }

      expect((await t.app.request('/readyz')).status).toBe(200);
      expect((await post(t)).status).toBe(201);
      const read = await t.app.request(`/v1/staff/consultation-requests/${id}`, {
        headers: { Authorization: TEST_STAFF.authorization },
      });
      expect(read.status).toBe(200);
    });

    it('holds the rate limit across two instances sharing the database (L2)', async () => {
      const url = await cluster.createDatabase('shared_limit');
      const a = await instance(url, 5);
      const b = await instance(url, 5);
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) statuses.push((await post(i % 2 === 0 ? a : b)).status);
      expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);
    });

    it('shares idempotency keys across instances: one row, the same answer', async () => {
      const url = await cluster.createDatabase('shared_keys');
      const a = await instance(url);
      const b = await instance(url);
      const key = { 'Idempotency-Key': 'b0e9f1c2-shared-key-across-instances' };
      const answers = await Promise.all([post(a, key), post(b, key), post(a, key), post(b, key)]);
      const statuses = answers.map((r) => r.status);
      expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
      expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
      const bodies = new Set(
        await Promise.all(answers.filter((r) => r.status === 201).map((r) => r.text())),
      );
      expect(bodies.size).toBe(1);
      const list = await a.app.request('/v1/staff/consultation-requests', {
        headers: { Authorization: TEST_STAFF.authorization },
      });
      expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(1);
      // A different body under the same key is refused by the other instance too.
      expect((await post(b, key, 'A different reason')).status).toBe(422);
    });
  },
);
