// F3: a full disk answers 503 with Retry-After, leaves no partial row, and reads keep working.
import { CONSULTATION_REQUEST_EXAMPLE } from '@ptfx/domain';
import { nodeSqlite } from '@ptfx/intake';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleApp, TEST_STAFF, tempSqliteStore } from './test-support/app.js';

const disposers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const dispose of disposers.splice(0)) await dispose();
});

const post = (app: Awaited<ReturnType<typeof sampleApp>>['app'], i: number) =>
  app.request('/v1/consultation-requests', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `disk-full-request-${i}` },
    body: JSON.stringify({
      ...CONSULTATION_REQUEST_EXAMPLE,
      reason: `${'Long reason. '.repeat(150)}${i}`,
    }),
  });

describe('when the SQLite disk is full', () => {
  it('answers 503 with Retry-After, stores no partial row, and keeps serving reads', async () => {
    const temp = await tempSqliteStore();
    disposers.push(temp.dispose);
    const t = await sampleApp({ store: temp.store });
    for (let i = 0; i < 3; i++) expect((await post(t.app, i)).status).toBe(201);
    // No page may be added from now on: once the free pages there are (the migrations drop a
    // table) are used up, an insert fails with SQLITE_FULL.
    temp.store.setMaxPageCount(1);
    // Requests 0 … refused − 1 are stored; `refused` is the first that is not.
    let refused = 3;
    let full = await post(t.app, refused);
    while (full.status === 201 && refused < 500) {
      refused++;
      full = await post(t.app, refused);
    }
    expect(full.status).toBe(503);
    expect(full.headers.get('retry-after')).toBe('5');
    const problem = (await full.json()) as { type: string; detail: string };
    expect(problem.type).toBe('https://ptfx.dev/problems/store-unavailable');
    expect(JSON.stringify(problem)).not.toMatch(/SQLITE|disk|sqlite|\.ts|\.js/);
    expect(t.logs.some((l) => l.event === 'store-unavailable' && l.reason === 'disk-full')).toBe(
      true,
    );

    // Reads go on: clinic facts, and staff reads of what was stored.
    expect((await t.app.request('/v1/therapists')).status).toBe(200);
    const list = await t.app.request('/v1/staff/consultation-requests', {
      headers: { Authorization: TEST_STAFF.authorization },
    });
    // The list writes an audit row, which needs a page too: it must fail cleanly, or succeed.
    expect([200, 503]).toContain(list.status);

    // No partial row: as many requests as keys, those acknowledged, and an intact file.
    const db = new (nodeSqlite().DatabaseSync)(temp.path, { readOnly: true });
    expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    expect(db.prepare('SELECT count(*) AS n FROM consultation_requests').get()).toEqual({
      n: refused,
    });
    expect(db.prepare('SELECT count(*) AS n FROM idempotency_keys').get()).toEqual({ n: refused });
    db.close();

    // Room again: the refused request goes through, once.
    temp.store.setMaxPageCount(1_073_741_823);
    const again = await post(t.app, refused);
    expect(again.status).toBe(201);
    expect((await post(t.app, refused)).headers.get('idempotent-replayed')).toBe('true');
  });
});
