// F1: every request that got a 201 survives the process being killed (SIGKILL) at a random
// moment, over several rounds; the database stays intact.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONSULTATION_REQUEST_EXAMPLE } from '@ptfx/domain';
import { nodeSqlite } from '@ptfx/intake';
import { afterAll, describe, expect, it } from 'vitest';
import { mintStaffToken } from './http/staff-auth.js';
import { type ServerProcess, startServerProcess } from './test-support/server-process.js';

const dir = mkdtempSync(join(tmpdir(), 'ptfx-crash-'));
const dbPath = join(dir, 'ptfx.db');
const staff = mintStaffToken('crash-test');
const CANARY = `CANARY${Date.now().toString(36)}`;
const env = {
  DATABASE_URL: `file:${dbPath}`,
  PTFX_STAFF_TOKENS: staff.line,
  PTFX_INTAKE_RATE_LIMIT: '100000/60',
  PTFX_LOG: 'info',
};
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Posts requests, 8 at a time, until the server stops answering; returns the ids it acknowledged. */
async function postUntilDead(server: ServerProcess, round: number): Promise<string[]> {
  const acknowledged: string[] = [];
  let alive = true;
  let n = 0;
  const worker = async () => {
    while (alive) {
      const i = n++;
      try {
        const res = await fetch(`${server.url}/v1/consultation-requests`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'Idempotency-Key': `crash-round-${round}-request-${i}`,
          },
          body: JSON.stringify({
            ...CONSULTATION_REQUEST_EXAMPLE,
            name: { given: `${CANARY}`, family: `Round${round}` },
            reason: `Request ${i} of round ${round}`,
          }),
        });
        if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
        else await res.body?.cancel();
      } catch {
        alive = false; // the connection died with the process
      }
    }
  };
  const workers = Array.from({ length: 8 }, worker);
  // Kill at a random moment, while requests are in flight.
  await new Promise((resolve) => setTimeout(resolve, 150 + Math.random() * 450));
  server.child.kill('SIGKILL');
  await server.exited;
  alive = false;
  await Promise.all(workers);
  return acknowledged;
}

async function storedIds(server: ServerProcess): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${cursor}` : '';
    const res = await fetch(`${server.url}/v1/staff/consultation-requests?limit=100${query}`, {
      headers: { Authorization: `Bearer ${staff.token}` },
    });
    expect(res.status).toBe(200);
    const page = (await res.json()) as { items: { id: string }[]; next: string | null };
    for (const item of page.items) ids.add(item.id);
    cursor = page.next;
  } while (cursor);
  return ids;
}

describe('a server killed with SIGKILL', () => {
  it('keeps every request it acknowledged, over several rounds', async () => {
    const acknowledged: string[] = [];
    let output = '';
    for (let round = 0; round < 4; round++) {
      const server = await startServerProcess(env);
      const before = await storedIds(server);
      for (const id of acknowledged) expect(before.has(id), `round ${round}: ${id}`).toBe(true);
      const acked = await postUntilDead(server, round);
      expect(acked.length, `round ${round} acknowledged nothing`).toBeGreaterThan(0);
      acknowledged.push(...acked);
      output += server.output();
    }
    const last = await startServerProcess(env);
    const stored = await storedIds(last);
    const lost = acknowledged.filter((id) => !stored.has(id));
    expect(lost).toEqual([]);
    last.child.kill('SIGTERM');
    expect(await last.exited).toBe(0);
    output += last.output();

    const db = new (nodeSqlite().DatabaseSync)(dbPath, { readOnly: true });
    expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    db.close();
    // The access log of every round holds not one byte of what people sent.
    expect(output).toMatch(/"event":"request"/);
    expect(output.includes(CANARY)).toBe(false);
  });
});
