// Encryption at rest, end to end through the real server process, on SQLite and PostgreSQL:
// - a canary sent through the API is nowhere in the SQLite file, its -wal or -shm, nor in a
//   pg_dump or the PostgreSQL data directory after a CHECKPOINT (and a plaintext store, the
//   control, shows the same scan does find it);
// - staff reads decrypt it for the authorised reader only;
// - a missing or wrong key answers staff reads with a clear 503 and loses nothing;
// - `admin rotate-key` (plaintext → A → B) under concurrent intake loses nothing, and with A
//   removed every row still opens.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CONSULTATION_REQUEST_EXAMPLE } from '@ptfx/domain';
import { mintDataKey, nodeSqlite } from '@ptfx/intake';
import { type PgCluster, pgUnavailableReason, startPgCluster } from '@ptfx/intake/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintStaffToken } from './http/staff-auth.js';
import {
  SERVER_JS,
  type ServerProcess,
  startServerProcess,
} from './test-support/server-process.js';

const run = promisify(execFile);
const ADMIN_JS = fileURLToPath(new URL('../dist/admin.js', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'ptfx-encryption-'));
const staff = mintStaffToken('encryption-test');
const auth = { Authorization: `Bearer ${staff.token}` };

const unavailable = pgUnavailableReason();
if (unavailable !== undefined && process.env.CI) {
  describe('encryption at rest on PostgreSQL', () => {
    it("CI needs PostgreSQL: install Debian's postgresql package", () => {
      throw new Error(`CI needs PostgreSQL (${unavailable})`);
    });
  });
}

let cluster: PgCluster | undefined;
const servers: ServerProcess[] = [];
beforeAll(async () => {
  if (unavailable === undefined) cluster = await startPgCluster();
});
afterAll(async () => {
  for (const server of servers) if (server.child.exitCode === null) server.child.kill('SIGKILL');
  await cluster?.stop();
  rmSync(root, { recursive: true, force: true });
});

/** A PostgreSQL binary beside the cluster's (pg_dump, psql). */
function pgBin(name: string): string {
  const versions = readdirSync('/usr/lib/postgresql')
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const path = `/usr/lib/postgresql/${v}/bin/${name}`;
    if (existsSync(path)) return path;
  }
  throw new Error(`no ${name} under /usr/lib/postgresql/*/bin`);
}

/** Where a test's requests are stored, and how to look at the raw bytes there. */
interface Target {
  readonly name: string;
  readonly databaseUrl: string;
  /** Every byte the store keeps for this database, as named buffers. */
  raw(): Promise<{ readonly what: string; readonly bytes: Buffer }[]>;
  /** Requests and notes per key id (`null`: plaintext), read straight from the tables. */
  keyIds(): Promise<Record<string, number>>;
}

function sqliteTarget(): Target {
  const path = join(root, randomUUID(), 'ptfx.db');
  return {
    name: 'SQLite',
    databaseUrl: `file:${path}`,
    async raw() {
      return ['', '-wal', '-shm', '-journal']
        .map((suffix) => `${path}${suffix}`)
        .filter((file) => existsSync(file))
        .map((file) => ({ what: file, bytes: readFileSync(file) }));
    },
    async keyIds() {
      const db = new (nodeSqlite().DatabaseSync)(path, { readOnly: true });
      try {
        const rows = db
          .prepare(
            `SELECT key_id AS k, count(*) AS n FROM consultation_requests GROUP BY key_id
             UNION ALL
             SELECT note_key_id AS k, count(*) AS n FROM status_history WHERE note IS NOT NULL GROUP BY note_key_id`,
          )
          .all() as { k: string | null; n: number }[];
        return tally(rows.map((r) => [String(r.k), Number(r.n)]));
      } finally {
        db.close();
      }
    },
  };
}

async function pgTarget(pg: PgCluster): Promise<Target> {
  const name = `enc_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const url = await pg.createDatabase(name);
  const psql = async (sql: string) =>
    (await run(pgBin('psql'), ['-X', '-A', '-t', '-F', '\t', '-d', url, '-c', sql])).stdout;
  return {
    name: 'PostgreSQL',
    databaseUrl: url,
    async raw() {
      // Dirty pages to disk first: what a copy of the data directory would hold.
      await psql('CHECKPOINT');
      const dump = await run(pgBin('pg_dump'), ['-d', url], {
        encoding: 'buffer',
        maxBuffer: 512 * 1024 * 1024,
      });
      const files: { what: string; bytes: Buffer }[] = [{ what: 'pg_dump', bytes: dump.stdout }];
      const walk = (dir: string) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
          const path = join(dir, entry.name);
          if (entry.isDirectory()) walk(path);
          else if (entry.isFile()) {
            try {
              files.push({ what: path, bytes: readFileSync(path) });
            } catch (error) {
              // The server removed it between the listing and the read (a stats temp file).
              if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
            }
          }
        }
      };
      walk(pg.dataDir);
      return files;
    },
    async keyIds() {
      const out = await psql(
        `SELECT coalesce(key_id, 'null'), count(*) FROM consultation_requests GROUP BY 1
         UNION ALL
         SELECT coalesce(note_key_id, 'null'), count(*) FROM status_history WHERE note IS NOT NULL GROUP BY 1`,
      );
      return tally(
        out
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((line) => {
            const [k, n] = line.split('\t');
            return [k ?? '', Number(n)];
          }),
      );
    },
  };
}

function tally(pairs: [string, number][]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, n] of pairs) out[k] = (out[k] ?? 0) + n;
  return out;
}

/** Where in the raw bytes the text is (UTF-8 or UTF-16), or an empty list. */
async function findIn(target: Target, text: string): Promise<string[]> {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
  return (await target.raw())
    .filter(({ bytes }) => needles.some((n) => bytes.includes(n)))
    .map(({ what }) => what);
}

async function start(target: Target, dataKey?: string): Promise<ServerProcess> {
  const server = await startServerProcess({
    DATABASE_URL: target.databaseUrl,
    PTFX_STAFF_TOKENS: staff.line,
    PTFX_INTAKE_RATE_LIMIT: '999999/60',
    PTFX_LOG: 'info',
    ...(dataKey === undefined ? {} : { PTFX_DATA_KEY: dataKey }),
  });
  servers.push(server);
  return server;
}

async function stop(server: ServerProcess): Promise<string> {
  server.child.kill('SIGTERM');
  expect(await server.exited).toBe(0);
  return server.output();
}

/** A request whose every free-text field carries the canary. */
function body(canary: string, i: number) {
  return {
    ...CONSULTATION_REQUEST_EXAMPLE,
    name: { given: canary, family: `${canary}Family` },
    contact: {
      ...CONSULTATION_REQUEST_EXAMPLE.contact,
      email: `${canary.toLowerCase()}@example.com`,
    },
    reason: `${canary} reason ${i}: knee pain on stairs`,
  };
}

async function post(server: ServerProcess, canary: string, i: number): Promise<Response> {
  return fetch(`${server.url}/v1/consultation-requests`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
    body: JSON.stringify(body(canary, i)),
  });
}

/** Posts `n` requests, `concurrency` at a time; returns the acknowledged ids. */
async function postMany(
  server: ServerProcess,
  canary: string,
  n: number,
  concurrency = 16,
): Promise<string[]> {
  const ids: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      const res = await post(server, canary, i);
      expect(res.status, await res.clone().text()).toBe(201);
      ids.push(((await res.json()) as { id: string }).id);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return ids;
}

/** Intake from several clients until stopped: what it acknowledged, and every status seen. */
function load(server: ServerProcess, canary: string, clients = 8) {
  let running = true;
  const acknowledged: string[] = [];
  const statuses: Record<number, number> = {};
  let i = 0;
  const worker = async () => {
    while (running) {
      const res = await post(server, canary, i++);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
      else await res.body?.cancel();
    }
  };
  const workers = Array.from({ length: clients }, worker);
  return {
    acknowledged,
    statuses,
    async stop() {
      running = false;
      await Promise.all(workers);
    },
  };
}

interface Item {
  id: string;
  status: string;
  request: { name: { given: string; family: string }; reason: string; contact: { email?: string } };
  history: { note?: string }[];
}

async function staffList(server: ServerProcess): Promise<Response[]> {
  const pages: Response[] = [];
  let cursor: string | null = null;
  do {
    const res: Response = await fetch(
      `${server.url}/v1/staff/consultation-requests?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
      { headers: auth },
    );
    pages.push(res);
    if (res.status !== 200) return pages;
    cursor = ((await res.clone().json()) as { next: string | null }).next;
  } while (cursor);
  return pages;
}

/** The first page of the staff list, whatever its status. */
async function firstPage(server: ServerProcess): Promise<Response> {
  const [page] = await staffList(server);
  if (!page) throw new Error('no page');
  return page;
}

/** Every stored request, opened by the server; fails unless every page answers 200. */
async function readAll(server: ServerProcess): Promise<Item[]> {
  const items: Item[] = [];
  for (const page of await staffList(server)) {
    expect(page.status, await page.clone().text()).toBe(200);
    items.push(...((await page.json()) as { items: Item[] }).items);
  }
  return items;
}

async function patch(server: ServerProcess, id: string, note: string): Promise<Response> {
  return fetch(`${server.url}/v1/staff/consultation-requests/${id}`, {
    method: 'PATCH',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ status: 'contacted', note }),
  });
}

async function rotateKey(target: Target, dataKey: string): Promise<string> {
  const child: ChildProcess = spawn(process.execPath, [ADMIN_JS, 'rotate-key'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: target.databaseUrl, PTFX_DATA_KEY: dataKey },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect(code, out).toBe(0);
  return out;
}

describe('starting without PTFX_DATA_KEY', () => {
  it('refuses in production, saying how to mint a key, and stores nothing', async () => {
    const dir = join(root, randomUUID());
    const child = spawn(process.execPath, [SERVER_JS], {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        DATABASE_URL: `file:${join(dir, 'ptfx.db')}`,
        PORT: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(err).toMatch(/^ptfx api: PTFX_DATA_KEY is not set and NODE_ENV is production/);
    expect(err).toContain('pnpm --filter @ptfx/api admin mint-data-key');
    expect(existsSync(dir)).toBe(false);
  });
});

const stores: [string, () => Promise<Target>][] = [
  ['SQLite', async () => sqliteTarget()],
  [
    'PostgreSQL',
    async () => {
      if (!cluster) throw new Error(`no PostgreSQL cluster: ${unavailable ?? 'it did not start'}`);
      return pgTarget(cluster);
    },
  ],
];

describe.each(stores.filter(([name]) => name === 'SQLite' || unavailable === undefined))(
  'encryption at rest on %s',
  (_, makeTarget) => {
    it('keeps a canary out of every stored byte, and shows it to staff only', async () => {
      // The control: without a key the same scan finds the canary, so the scan can see it.
      const plain = await makeTarget();
      const control = `Ctrl${randomUUID().replaceAll('-', '').slice(0, 20)}`;
      const dev = await start(plain);
      expect((await post(dev, control, 0)).status).toBe(201);
      const devLog = await stop(dev);
      expect(devLog).toMatch(/"event":"storage-unencrypted".*UNENCRYPTED/);
      expect(await findIn(plain, control)).not.toEqual([]);

      const target = await makeTarget();
      const a = mintDataKey();
      const canary = `Canary${randomUUID().replaceAll('-', '').slice(0, 20)}`;
      const server = await start(target, a.text);
      const ids = await postMany(server, canary, 40);
      const noted = ids[0] ?? '';
      expect((await patch(server, noted, `${canary} called back, left a message`)).status).toBe(
        200,
      );

      // The authorised reader sees everything, opened.
      const items = await readAll(server);
      expect(items.map((i) => i.id).sort()).toEqual([...ids].sort());
      for (const item of items) {
        expect(item.request.name).toEqual({ given: canary, family: `${canary}Family` });
        expect(item.request.reason).toMatch(new RegExp(`^${canary} reason \\d+`));
        expect(item.request.contact.email).toBe(`${canary.toLowerCase()}@example.com`);
      }
      const one = await fetch(`${server.url}/v1/staff/consultation-requests/${noted}`, {
        headers: auth,
      });
      const read = (await one.json()) as Item;
      expect(read.history.at(-1)?.note).toBe(`${canary} called back, left a message`);
      // Anyone else gets nothing of it.
      for (const headers of [{}, { Authorization: 'Bearer ptfx_st_wrong' }]) {
        const res = await fetch(`${server.url}/v1/staff/consultation-requests/${noted}`, {
          headers,
        });
        expect(res.status).toBe(401);
        expect(await res.text()).not.toContain(canary);
      }

      // Nowhere in the stored bytes while it runs (SQLite: file, -wal, -shm) ...
      const upper = canary.toUpperCase();
      const lower = canary.toLowerCase();
      for (const text of [canary, lower, upper, `${canary}Family`])
        expect(await findIn(target, text), text).toEqual([]);
      const log = await stop(server);
      // ... nor after a clean stop, nor in the server's own log.
      expect(await findIn(target, canary)).toEqual([]);
      expect(await findIn(target, lower)).toEqual([]);
      expect(log).toMatch(new RegExp(`"event":"storage-encrypted","keyId":"${a.id}"`));
      expect(log.includes(canary) || log.includes(lower)).toBe(false);
      expect(await target.keyIds()).toEqual({ [a.id]: 41 });
    });

    it('answers staff reads with 503 data-key-unavailable when the key is missing or wrong, and loses nothing', async () => {
      const target = await makeTarget();
      const a = mintDataKey();
      const b = mintDataKey();
      const canary = `Lost${randomUUID().replaceAll('-', '').slice(0, 20)}`;
      const first = await start(target, a.text);
      const ids = await postMany(first, canary, 12);
      await stop(first);

      // The wrong key: B only. Staff reads fail clearly; intake goes on (under B).
      const wrong = await start(target, b.text);
      const page = await firstPage(wrong);
      const one = await fetch(`${wrong.url}/v1/staff/consultation-requests/${ids[0]}`, {
        headers: auth,
      });
      const changed = await patch(wrong, ids[1] ?? '', 'should not stick');
      for (const res of [page, one, changed]) {
        expect(res.status).toBe(503);
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        // No Retry-After: trying again will not help until an operator adds the key.
        expect(res.headers.get('retry-after')).toBeNull();
        const problem = (await res.json()) as { type: string; detail: string };
        expect(problem.type).toBe('https://ptfx.dev/problems/data-key-unavailable');
        expect(problem.detail).toContain(`data key ${a.id}`);
        expect(problem.detail).toMatch(/nothing was changed and nothing is lost/);
        expect(problem.detail).toMatch(/PTFX_DATA_KEY/);
        expect(JSON.stringify(problem)).not.toContain(canary);
      }
      const during = await postMany(wrong, canary, 3);
      const wrongLog = await stop(wrong);
      expect(wrongLog).toMatch(
        new RegExp(`"event":"data-key-unavailable".*"reason":"missing-key","keyId":"${a.id}"`),
      );
      expect(wrongLog).not.toContain(canary);

      // No key at all (development): the same 503, not plaintext garbage.
      const none = await start(target);
      const nonePage = await firstPage(none);
      expect(nonePage.status).toBe(503);
      expect(((await nonePage.json()) as { type: string }).type).toBe(
        'https://ptfx.dev/problems/data-key-unavailable',
      );
      await stop(none);

      // The keys back: every request there, opened, the refused change not applied.
      const back = await start(target, `${b.text},${a.text}`);
      const items = await readAll(back);
      expect(items.map((i) => i.id).sort()).toEqual([...ids, ...during].sort());
      for (const item of items) expect(item.request.name.given).toBe(canary);
      expect(items.find((i) => i.id === ids[1])?.status).toBe('new');
      expect(items.find((i) => i.id === ids[1])?.history).toEqual([]);
      await stop(back);
      expect(await target.keyIds()).toEqual({ [a.id]: 12, [b.id]: 3 });
    });

    it('rotates plaintext → A → B under concurrent intake without losing a request; with A removed every row opens', {
      timeout: 300_000,
    }, async () => {
      const target = await makeTarget();
      const a = mintDataKey();
      const b = mintDataKey();
      const canary = `Rot${randomUUID().replaceAll('-', '').slice(0, 20)}`;

      // Stored before encryption was turned on: more than two batches of 500.
      const dev = await start(target);
      const acknowledged = await postMany(dev, canary, 1100);
      const notedPlain = acknowledged.slice(0, 5);
      for (const id of notedPlain)
        expect((await patch(dev, id, `${canary} note`)).status).toBe(200);
      await stop(dev);
      expect(await target.keyIds()).toEqual({ null: 1105 });

      const statuses: Record<number, number> = {};
      for (const [keys, current, phase] of [
        [a.text, a.id, 'plaintext to A'],
        [`${b.text},${a.text}`, b.id, 'A to B'],
      ] as const) {
        const server = await start(target, keys);
        const traffic = load(server, canary);
        while (traffic.acknowledged.length < 20) await new Promise((r) => setTimeout(r, 10));
        const before = traffic.acknowledged.length;
        const out = await rotateKey(target, keys);
        // Intake went on while the rows were re-sealed.
        expect(traffic.acknowledged.length - before, phase).toBeGreaterThan(0);
        // Staff change a request while rotation runs: its note is sealed under the current key.
        expect((await patch(server, acknowledged[10] ?? '', `${canary} ${phase}`)).status).toBe(
          200,
        );
        await traffic.stop();
        acknowledged.push(...traffic.acknowledged);
        for (const [status, n] of Object.entries(traffic.statuses))
          statuses[Number(status)] = (statuses[Number(status)] ?? 0) + n;
        expect(out, phase).toMatch(/batch 3: /);
        expect(out, phase).toMatch(
          new RegExp(`done: every request and note is encrypted under key ${current}`),
        );
        expect(traffic.acknowledged.length, phase).toBeGreaterThan(0);
        await stop(server);
        const byKey = await target.keyIds();
        expect(Object.keys(byKey), phase).toEqual([current]);
      }
      // Only 201s under load: rotation never got in intake's way.
      expect(Object.keys(statuses)).toEqual(['201']);

      // A retired: B alone opens every request and note, and each acknowledged request is there once.
      const last = await start(target, b.text);
      const items = await readAll(last);
      expect(items).toHaveLength(acknowledged.length);
      expect(new Set(items.map((i) => i.id))).toEqual(new Set(acknowledged));
      for (const item of items) expect(item.request.name.given).toBe(canary);
      const notes = items.flatMap((i) => i.history.map((h) => h.note)).filter(Boolean);
      expect(notes.sort()).toEqual(
        [
          ...notedPlain.map(() => `${canary} note`),
          `${canary} plaintext to A`,
          `${canary} A to B`,
        ].sort(),
      );
      await stop(last);
      expect(await target.keyIds()).toEqual({ [b.id]: acknowledged.length + 7 });
      // What was stored in plaintext before the key is gone from the stored bytes: SQLite
      // overwrites freed cells (secure_delete) and truncates the WAL. PostgreSQL keeps old tuple
      // bytes in pages' free space and in WAL segments until they are reused (README: start
      // encrypted, or VACUUM FULL and retire old backups); a dump after rotation is clean.
      const left = await findIn(target, canary);
      if (target.name === 'SQLite') expect(left).toEqual([]);
      else expect(left.filter((where) => where === 'pg_dump')).toEqual([]);
    });
  },
);
