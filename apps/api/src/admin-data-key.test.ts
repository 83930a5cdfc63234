// admin mint-data-key and admin rotate-key, on a SQLite store: plaintext → key A → key B, the
// old key retired, every request and note still readable; rows under a key PTFX_DATA_KEY lacks
// are refused and left as they were.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CONSULTATION_REQUEST_EXAMPLE,
  ConsultationRequestSchema,
  requestContent,
} from '@ptfx/domain';
import {
  aesGcmCipher,
  type FieldCipher,
  mintDataKey,
  nodeSqlite,
  openStore,
  parseDataKeys,
  type Store,
} from '@ptfx/intake';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runAdmin } from './admin.js';
import { ROTATE_BATCH } from './admin-data-key.js';

let out = '';
let err = '';
let dir = '';
const env = { ...process.env };
beforeEach(() => {
  out = '';
  err = '';
  dir = mkdtempSync(join(tmpdir(), 'ptfx-admin-key-'));
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err += String(chunk);
    return true;
  });
  delete process.env.PTFX_DATA_KEY;
  delete process.env.NODE_ENV;
});
afterEach(() => {
  vi.restoreAllMocks();
  process.env = { ...env };
  rmSync(dir, { recursive: true, force: true });
});

const CANARY = `Canary${randomUUID().replaceAll('-', '')}`;
const content = requestContent(
  ConsultationRequestSchema.parse({
    ...CONSULTATION_REQUEST_EXAMPLE,
    name: { given: CANARY, family: 'Rotation' },
  }),
);
const audit = (
  action: 'request.list' | 'request.update' | 'request.read',
  targetId: string | null = null,
) =>
  ({
    at: new Date(),
    staff: 'alice',
    action,
    targetId,
    requestId: randomUUID(),
    outcome: 'ok',
  }) as const;

function cipherOf(...keys: string[]): FieldCipher {
  return aesGcmCipher(parseDataKeys(keys.join(',')));
}

async function open(path: string, cipher?: FieldCipher): Promise<Store> {
  return openStore({ kind: 'sqlite', path }, dir, cipher ? { cipher } : {});
}

/** Every request, opened: the given names, and each one's note. */
async function readAll(store: Store): Promise<{ names: string[]; notes: string[] }> {
  const names: string[] = [];
  const notes: string[] = [];
  let after: Parameters<Store['listRequests']>[0]['after'];
  do {
    const page = await store.listRequests(
      { limit: 100, ...(after ? { after } : {}) },
      audit('request.list'),
    );
    for (const item of page.items) {
      names.push(item.content.name.given);
      for (const h of item.history) if (h.note) notes.push(h.note);
    }
    after = page.next;
  } while (after);
  return { names, notes };
}

/** The database file and its WAL, as bytes, as latin1 text to search. */
function rawBytes(path: string): string {
  let text = '';
  for (const file of [path, `${path}-wal`]) {
    try {
      text += readFileSync(file).toString('latin1');
    } catch {
      // no WAL
    }
  }
  return text;
}

/** Rows per key id, straight from the file. */
function keyIds(path: string): Record<string, number> {
  const db = new (nodeSqlite().DatabaseSync)(path, { readOnly: true });
  try {
    const rows = db
      .prepare('SELECT key_id AS k, count(*) AS n FROM consultation_requests GROUP BY key_id')
      .all() as { k: string | null; n: number }[];
    return Object.fromEntries(rows.map((r) => [String(r.k), Number(r.n)]));
  } finally {
    db.close();
  }
}

describe('admin mint-data-key', () => {
  it('prints a new key that PTFX_DATA_KEY accepts, with the id it gets', async () => {
    expect(await runAdmin(['mint-data-key'])).toBe(0);
    const key = out.split('\n')[1] ?? '';
    const id = /\(id ([A-Za-z0-9_-]{12})\)/.exec(out)?.[1];
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(parseDataKeys(key)[0]?.id).toBe(id);
    expect(out).toMatch(/put it FIRST in PTFX_DATA_KEY/);
    await runAdmin(['mint-data-key']);
    expect(out.split('\n').filter((l) => /^[A-Za-z0-9_-]{43}$/.test(l))).toHaveLength(2);
    expect(new Set(out.split('\n').filter((l) => /^[A-Za-z0-9_-]{43}$/.test(l))).size).toBe(2);
  });

  it('takes no arguments', async () => {
    expect(await runAdmin(['mint-data-key', 'x'])).toBe(2);
    expect(err).toMatch(/mint-data-key takes no arguments/);
  });

  it('is in the help, with rotate-key and how to retire a key', async () => {
    expect(await runAdmin(['rotate-key', '--help'])).toBe(0);
    expect(out).toMatch(/mint-data-key/);
    expect(out).toMatch(/rotate-key {10}Re-encrypt every stored request/);
    expect(out).toMatch(/put it first in\s+PTFX_DATA_KEY/);
  });
});

describe('admin rotate-key', () => {
  it('needs PTFX_DATA_KEY, and says how to mint one', async () => {
    process.env.DATABASE_URL = `file:${join(dir, 'ptfx.db')}`;
    expect(await runAdmin(['rotate-key'])).toBe(2);
    expect(err).toMatch(/^admin: rotate-key needs PTFX_DATA_KEY.*admin mint-data-key/);
    expect(await runAdmin(['rotate-key', 'now'])).toBe(2);
    expect(err).toMatch(/rotate-key takes no arguments/);
  });

  it('encrypts plaintext rows, then moves them to a new key; the old key can then go', async () => {
    const path = join(dir, 'ptfx.db');
    process.env.DATABASE_URL = `file:${path}`;
    const total = ROTATE_BATCH * 2 + 37;
    const plain = await open(path);
    const ids: string[] = [];
    for (let i = 0; i < total; i++) {
      const id = randomUUID();
      ids.push(id);
      await plain.createRequest({
        id,
        receivedAt: new Date(Date.UTC(2026, 10, 1, 0, 0, i)),
        content,
        response: { status: 201, body: '{}' },
      });
    }
    for (const id of ids.slice(0, 5))
      await plain.updateStatus(
        id,
        { status: 'contacted', note: `${CANARY} note` },
        audit('request.update', id),
      );
    await plain.close();
    expect(keyIds(path)).toEqual({ null: total });
    expect(rawBytes(path)).toContain(CANARY);

    // plaintext → A
    const a = mintDataKey();
    process.env.PTFX_DATA_KEY = a.text;
    expect(await runAdmin(['rotate-key'])).toBe(0);
    expect(err).toBe('');
    expect(out).toMatch(
      new RegExp(`^rotating SQLite ${path} to key ${a.id}, ${ROTATE_BATCH} rows per batch`),
    );
    expect(out).toMatch(/batch 1: re-encrypted 500 \(total 500\), \d+ remaining/);
    // Rows and staff notes are counted alike: 5 notes besides the requests.
    expect(out).toMatch(new RegExp(`0 remaining; key ${a.id}: ${total + 5}\\n`));
    expect(out).toMatch(
      new RegExp(`done: every request and note is encrypted under key ${a.id}\\n$`),
    );
    expect(keyIds(path)).toEqual({ [a.id]: total });
    expect(rawBytes(path)).not.toContain(CANARY);

    // A → B, with A kept to open
    const b = mintDataKey();
    process.env.PTFX_DATA_KEY = `${b.text},${a.text}`;
    out = '';
    expect(await runAdmin(['rotate-key'])).toBe(0);
    expect(out).toMatch(new RegExp(`key\\(s\\) ${a.id} may now be removed from PTFX_DATA_KEY`));
    expect(keyIds(path)).toEqual({ [b.id]: total });

    // A retired: B alone opens everything, notes included
    const after = await open(path, cipherOf(b.text));
    const read = await readAll(after);
    expect(read.names).toHaveLength(total);
    expect(read.names.every((n) => n === CANARY)).toBe(true);
    expect(read.notes).toEqual(Array.from({ length: 5 }, () => `${CANARY} note`));
    await after.close();
    expect(rawBytes(path)).not.toContain(CANARY);

    // Nothing left to do: a second run re-encrypts nothing.
    out = '';
    process.env.PTFX_DATA_KEY = b.text;
    expect(await runAdmin(['rotate-key'])).toBe(0);
    expect(out).toMatch(/batch 1: re-encrypted 0 \(total 0\), 0 remaining/);
  });

  it('refuses rows under a key PTFX_DATA_KEY lacks, naming its id, and changes nothing', async () => {
    const path = join(dir, 'ptfx.db');
    process.env.DATABASE_URL = `file:${path}`;
    const a = mintDataKey();
    const store = await open(path, cipherOf(a.text));
    for (let i = 0; i < 3; i++)
      await store.createRequest({
        id: randomUUID(),
        receivedAt: new Date(),
        content,
        response: { status: 201, body: '{}' },
      });
    await store.close();

    const b = mintDataKey();
    process.env.PTFX_DATA_KEY = b.text;
    expect(await runAdmin(['rotate-key'])).toBe(1);
    expect(err).toContain(a.id);
    expect(err).toMatch(/PTFX_DATA_KEY does not hold/);
    expect(err).toMatch(/nothing was lost/);
    expect(err).not.toContain(a.text);
    expect(err).not.toContain(b.text);
    expect(keyIds(path)).toEqual({ [a.id]: 3 });
    const again = await open(path, cipherOf(a.text));
    expect((await readAll(again)).names).toEqual([CANARY, CANARY, CANARY]);
    await again.close();
  });

  it('names the variable when PTFX_DATA_KEY is malformed, without echoing it', async () => {
    process.env.DATABASE_URL = `file:${join(dir, 'ptfx.db')}`;
    process.env.PTFX_DATA_KEY = 'hunter2hunter2';
    expect(await runAdmin(['rotate-key'])).toBe(2);
    expect(err).toMatch(/^admin: PTFX_DATA_KEY entry 1 of 1 is not a data key/);
    expect(err).not.toMatch(/hunter2/);
  });
});
