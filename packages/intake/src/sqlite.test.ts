import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations.js';
import { nodeSqlite } from './node-sqlite.js';
import {
  applySqliteMigrations,
  checkSqliteSettings,
  openSqliteStore,
  type SqliteStore,
  toStoreError,
} from './sqlite.js';
import { type Store, StoreConfigError, StoreUnavailableError } from './store.js';
import {
  contractCipher,
  describeStoreContract,
  sampleContent,
  sampleCreate,
  staffEntry,
  T0,
  TEST_KEY_A,
} from './testing/contract.js';

/** The newest schema version this code knows. */
const newestMigration = Math.max(...MIGRATIONS.map((m) => m.version));

const root = mkdtempSync(join(tmpdir(), 'ptfx-sqlite-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A path for a database file in a folder of its own (not yet created). */
function freshPath(): string {
  return join(root, randomUUID(), 'ptfx.db');
}

const paths = new WeakMap<Store, string>();

/** A plain node:sqlite connection, with none of the store's settings. */
function connect(path: string): DatabaseSync {
  return new (nodeSqlite().DatabaseSync)(path);
}

/** Runs `fn` on a second, plain connection to the file, which must exist. */
function withRaw<T>(path: string, fn: (db: DatabaseSync) => T): T {
  if (!existsSync(path)) throw new Error(`${path} does not exist`);
  const db = connect(path);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** What `PRAGMA <name>` reads back (its first column). */
function pragma(db: DatabaseSync, name: string): unknown {
  return Object.values(db.prepare(`PRAGMA ${name}`).get() ?? {})[0];
}

/** The first column of each row `sql` returns. */
function column(db: DatabaseSync, sql: string, ...params: string[]): unknown[] {
  return db
    .prepare(sql)
    .all(...params)
    .map((row) => Object.values(row)[0]);
}

/** What `fn` throws; fails the test when it throws nothing. */
function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, got none');
}

/** An error as node:sqlite throws it, with this SQLite (extended) result code. */
function sqliteError(errcode: number): Error {
  return Object.assign(new Error('x'), { code: 'ERR_SQLITE_ERROR', errcode, errstr: 'x' });
}

describeStoreContract('sqlite', {
  async open(options = {}) {
    const path =
      options.sameDatabaseAs === undefined
        ? freshPath()
        : (paths.get(options.sameDatabaseAs) ?? '');
    const store = openSqliteStore({
      path,
      ...(options.cipher === undefined ? {} : { cipher: options.cipher }),
    });
    paths.set(store, path);
    return store;
  },
  async rawExec(store, sql) {
    withRaw(paths.get(store) ?? '', (db) => db.exec(sql));
  },
});

/** Stores opened by a test, closed after it. */
const opened: SqliteStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});
function open(path: string, options: { busyTimeoutMs?: number } = {}): SqliteStore {
  const store = openSqliteStore({ path, ...options });
  opened.push(store);
  return store;
}

/** Whether the database file or its WAL holds these bytes. */
function onDisk(path: string, text: string): { db: boolean; wal: boolean } {
  const wal = `${path}-wal`;
  return {
    db: readFileSync(path).includes(text, 0, 'utf8'),
    wal: existsSync(wal) && readFileSync(wal).includes(text, 0, 'utf8'),
  };
}

/** The reason an error gives, when it is a StoreUnavailableError. */
async function unavailableReason(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreUnavailableError);
  return error instanceof StoreUnavailableError ? error.reason : 'none';
}

describe('openSqliteStore', () => {
  it('creates the folder (0700) and the file (0600), and sets and keeps the settings', () => {
    const path = freshPath();
    const store = open(path);
    expect(store.kind).toBe('sqlite');
    expect(statSync(join(path, '..')).mode & 0o777).toBe(0o700);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    // The journal mode lives in the file: a plain connection sees WAL too.
    expect(withRaw(path, (db) => pragma(db, 'journal_mode'))).toBe('wal');
  });

  it('refuses weaker settings, naming each one with the value found and needed', async () => {
    const path = freshPath();
    await open(path).close();
    withRaw(path, (db) => {
      db.exec('PRAGMA busy_timeout = 5000');
      db.exec('PRAGMA synchronous = NORMAL');
      db.exec('PRAGMA secure_delete = ON');
      db.exec('PRAGMA foreign_keys = ON');
      expect(() => checkSqliteSettings(db)).toThrow(StoreConfigError);
      expect(() => checkSqliteSettings(db)).toThrow(
        new RegExp(
          `SQLite database "${path}" cannot be used safely: synchronous is 1, needs 2 \\(FULL\\)$`,
        ),
      );
      db.exec('PRAGMA synchronous = FULL');
      db.exec('PRAGMA secure_delete = OFF');
      db.exec('PRAGMA foreign_keys = OFF');
      db.exec('PRAGMA busy_timeout = 0');
      expect(() => checkSqliteSettings(db)).toThrow(
        /foreign_keys is 0, needs 1 \(ON\); busy_timeout is 0, needs greater than 0; secure_delete is 0/,
      );
      db.exec('PRAGMA secure_delete = ON');
      db.exec('PRAGMA foreign_keys = ON');
      db.exec('PRAGMA busy_timeout = 5000');
      expect(() => checkSqliteSettings(db)).not.toThrow();
      db.exec('PRAGMA journal_mode = DELETE');
      expect(() => checkSqliteSettings(db)).toThrow(/journal_mode is "delete", needs wal/);
    });
  });

  it('refuses an in-memory database, which cannot use WAL', () => {
    expect(() => openSqliteStore({ path: ':memory:' })).toThrow(StoreConfigError);
    expect(() => openSqliteStore({ path: ':memory:' })).toThrow(
      /^SQLite database ":memory:" cannot be used safely: journal_mode is "memory", needs wal$/,
    );
  });

  it('refuses a busy timeout that is not a positive integer', () => {
    expect(() => openSqliteStore({ path: freshPath(), busyTimeoutMs: 0 })).toThrow(
      StoreConfigError,
    );
  });

  it('reopens the same file with the same rows, without running migrations again', async () => {
    const path = freshPath();
    const first = open(path);
    const input = sampleCreate({ idempotency: { key: 'k', fingerprint: 'f'.repeat(64) } });
    await first.createRequest(input);
    const before = await first.updateStatus(
      input.id,
      { status: 'contacted', note: 'called' },
      staffEntry('request.update', input.id),
    );
    await first.close();
    const migrationsBefore = withRaw(path, (db) =>
      db.prepare('SELECT * FROM schema_migrations').all(),
    );
    expect(migrationsBefore).toEqual(
      MIGRATIONS.map((m) => ({ version: m.version, name: m.name, applied_at: expect.any(String) })),
    );

    const second = open(path);
    expect(await second.getRequest(input.id, staffEntry('request.read'))).toStrictEqual(before);
    expect(
      (
        await second.createRequest(
          sampleCreate({ idempotency: { key: 'k', fingerprint: 'f'.repeat(64) } }),
        )
      ).kind,
    ).toBe('replay');
    expect(withRaw(path, (db) => db.prepare('SELECT * FROM schema_migrations').all())).toEqual(
      migrationsBefore,
    );
  });

  it('refuses a database migrated by newer code', async () => {
    const path = freshPath();
    await open(path).close();
    withRaw(path, (db) =>
      db
        .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
        .run(99, 'from the future', T0.toISOString()),
    );
    expect(() => openSqliteStore({ path })).toThrow(StoreConfigError);
    expect(() => openSqliteStore({ path })).toThrow(
      new RegExp(`schema version 99, newer than this code knows \\(${newestMigration}\\)`),
    );
  });

  it('applies a migration entirely or not at all', async () => {
    const path = freshPath();
    await open(path).close();
    const broken = {
      version: newestMigration + 1,
      name: 'broken',
      sqlite: 'CREATE TABLE half_done (x INTEGER); SELECT * FROM no_such_table;',
      postgres: '',
    };
    withRaw(path, (db) => {
      expect(() => applySqliteMigrations(db, [...MIGRATIONS, broken])).toThrow(/no_such_table/);
      const tables = db.prepare("SELECT name FROM sqlite_schema WHERE name = 'half_done'").all();
      expect(tables).toEqual([]);
      expect(column(db, 'SELECT version FROM schema_migrations ORDER BY version')).toEqual(
        MIGRATIONS.map((m) => m.version),
      );
      // The failed transaction was rolled back, not left open: the connection still writes.
      expect(() => applySqliteMigrations(db)).not.toThrow();
    });
  });
});

describe('SQLite errors', () => {
  // Result codes from https://www.sqlite.org/rescode.html: an extended code is its primary code
  // plus a multiple of 256.
  it.each([
    ['SQLITE_FULL', 13, 'disk-full'],
    ['SQLITE_BUSY', 5, 'busy'],
    ['SQLITE_BUSY_SNAPSHOT', 517, 'busy'],
    ['SQLITE_LOCKED', 6, 'busy'],
    ['SQLITE_READONLY', 8, 'read-only'],
    ['SQLITE_READONLY_DBMOVED', 1032, 'read-only'],
    ['SQLITE_IOERR_WRITE', 778, 'io'],
    ['SQLITE_IOERR_FSYNC', 1034, 'io'],
    ['SQLITE_CANTOPEN', 14, 'io'],
  ])('maps %s (%i) to %s', (_name, errcode, reason) => {
    const cause = sqliteError(errcode);
    const mapped = toStoreError(cause);
    expect(mapped).toBeInstanceOf(StoreUnavailableError);
    expect(mapped).toMatchObject({ reason, cause });
  });

  it.each([
    ['SQLITE_CONSTRAINT_PRIMARYKEY', 1555],
    ['SQLITE_ERROR', 1],
    ['SQLITE_CORRUPT', 11],
    ['SQLITE_MISUSE', 21],
  ])('leaves %s (%i) alone (a bug, not an outage)', (_name, errcode) => {
    const error = sqliteError(errcode);
    expect(toStoreError(error)).toBe(error);
  });

  it('leaves errors that are not from SQLite alone', () => {
    for (const error of [new Error('x'), Object.assign(new Error('x'), { errcode: 13 }), 'text']) {
      expect(toStoreError(error)).toBe(error);
    }
  });

  it('reads the result code of the errors node:sqlite really throws', async () => {
    const path = freshPath();
    await open(path).close();
    const readOnly = new (nodeSqlite().DatabaseSync)(path, { readOnly: true });
    try {
      const error = thrownBy(() => readOnly.exec("INSERT INTO rate_limits VALUES ('b', 0)"));
      expect(toStoreError(error)).toMatchObject({ reason: 'read-only', cause: error });
    } finally {
      readOnly.close();
    }
  });

  it('fails busy, storing nothing, while another connection holds the write lock', async () => {
    const path = freshPath();
    const store = open(path, { busyTimeoutMs: 50 });
    const other = connect(path);
    try {
      other.exec('BEGIN IMMEDIATE');
      expect(await unavailableReason(store.createRequest(sampleCreate()))).toBe('busy');
      expect(
        await unavailableReason(
          store.hitRateLimit({ bucket: 'b', limit: 1, windowMs: 1000, now: T0 }),
        ),
      ).toBe('busy');
      // Reads and staff reads wait for the write lock too (they write an audit row).
      expect(
        await unavailableReason(store.getRequest(randomUUID(), staffEntry('request.read'))),
      ).toBe('busy');
      other.exec('ROLLBACK');
    } finally {
      other.close();
    }
    expect((await store.createRequest(sampleCreate())).kind).toBe('created');
    // The refused attempt counted nothing: the one hit allowed is still there.
    expect(
      (await store.hitRateLimit({ bucket: 'b', limit: 1, windowMs: 1000, now: T0 })).allowed,
    ).toBe(true);
  });

  it('fails ping with io when the file was deleted underneath', async () => {
    const path = freshPath();
    const store = open(path);
    await expect(store.ping()).resolves.toBeUndefined();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    expect(await unavailableReason(store.ping())).toBe('io');
  });
});

describe('F3: disk full', () => {
  it('refuses a write as disk-full, leaving no partial row, and keeps reading', async () => {
    const path = freshPath();
    const store = open(path);
    const first = sampleCreate({ idempotency: { key: 'first', fingerprint: '0'.repeat(64) } });
    await store.createRequest(first);
    const limit = store.setMaxPageCount(1);
    expect(limit).toBe(withRaw(path, (db) => pragma(db, 'page_count')));

    // Fill the pages there are until a create needs a new one.
    const big = sampleContent('x'.repeat(1990));
    let failed: { input: ReturnType<typeof sampleCreate>; error: unknown } | undefined;
    let stored = 1;
    for (let i = 0; i < 1000 && failed === undefined; i++) {
      const input = sampleCreate({
        content: big,
        idempotency: { key: `fill-${i}`, fingerprint: '1'.repeat(64) },
      });
      try {
        await store.createRequest(input);
        stored++;
      } catch (error) {
        failed = { input, error };
      }
    }
    expect(failed?.error).toBeInstanceOf(StoreUnavailableError);
    expect(failed?.error).toMatchObject({ reason: 'disk-full' });
    const failedId = failed?.input.id ?? '';
    const failedKey = failed?.input.idempotency?.key ?? '';

    withRaw(path, (db) => {
      expect(pragma(db, 'integrity_check')).toBe('ok');
      const count = (sql: string, ...params: string[]) => column(db, sql, ...params)[0];
      expect(count('SELECT count(*) FROM consultation_requests')).toBe(stored);
      expect(count('SELECT count(*) FROM idempotency_keys')).toBe(stored);
      expect(count('SELECT count(*) FROM consultation_requests WHERE id = ?', failedId)).toBe(0);
      expect(count('SELECT count(*) FROM idempotency_keys WHERE key = ?', failedKey)).toBe(0);
    });

    // Reads still work: their audit rows fit in the audit log's existing page. (On a disk that is
    // full for good, an audited read fails disk-full too: no staff read without its audit row.)
    expect(await store.getRequest(first.id, staffEntry('request.read'))).toMatchObject({
      id: first.id,
      content: first.content,
    });
    const page = await store.listRequests({ limit: 100 }, staffEntry('request.list'));
    expect(page.items.length + (page.next ? 1 : 0)).toBeGreaterThanOrEqual(Math.min(stored, 100));

    // With room again, the same create (same key) goes through: nothing of it was left behind.
    store.setMaxPageCount(1_000_000);
    if (failed === undefined) throw new Error('the disk never filled');
    expect((await store.createRequest(failed.input)).kind).toBe('created');
  });
});

describe('group commit', () => {
  /** Commit frames in the WAL: frames whose header gives the database size after a commit. */
  function walCommits(path: string): number {
    const wal = `${path}-wal`;
    if (!existsSync(wal)) return 0;
    const bytes = readFileSync(wal);
    if (bytes.length < 32) return 0;
    const pageSize = bytes.readUInt32BE(8);
    let commits = 0;
    for (let at = 32; at + 24 + pageSize <= bytes.length; at += 24 + pageSize) {
      if (bytes.readUInt32BE(at + 4) !== 0) commits++;
    }
    return commits;
  }
  /** Empties the WAL (checkpoint TRUNCATE on a second connection), so commits count from 0. */
  function truncateWal(path: string): void {
    withRaw(path, (db) => db.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get());
    expect(walCommits(path)).toBe(0);
  }
  const hit = (bucket: string, limit: number) => ({
    bucket,
    limit,
    windowMs: 60_000,
    now: T0,
  });

  it('stores creates that arrive together in one commit, each answered as if alone', async () => {
    const path = freshPath();
    const store = open(path);
    await store.createRequest(sampleCreate());
    truncateWal(path);

    const limited = Array.from({ length: 8 }, () => ({
      ...sampleCreate(),
      rateLimit: hit('together', 5),
    }));
    const key = { key: 'same-key-twice-in-one-batch', fingerprint: 'a'.repeat(64) };
    const first = sampleCreate({ idempotency: key });
    const again = sampleCreate({ idempotency: key });
    const plain = Array.from({ length: 5 }, () => sampleCreate());
    // The same id as a plain one: its primary key refuses it, and only it.
    const clash = { ...sampleCreate(), id: plain[0]?.id ?? '' };
    const outcomes = await Promise.allSettled(
      [...limited, first, again, ...plain, clash].map((input) => store.createRequest(input)),
    );
    const kinds = outcomes.map((o) => (o.status === 'fulfilled' ? o.value.kind : 'rejected'));
    expect(kinds).toEqual([
      ...Array(5).fill('created'),
      ...Array(3).fill('rate-limited'),
      'created',
      'replay',
      ...Array(5).fill('created'),
      'rejected',
    ]);
    const refused = outcomes.at(-1);
    expect(refused?.status === 'rejected' && refused.reason).not.toBeInstanceOf(
      StoreUnavailableError,
    );
    // One commit for all of them.
    expect(walCommits(path)).toBe(1);
    withRaw(path, (db) => {
      const ids = new Set(column(db, 'SELECT id FROM consultation_requests'));
      expect(ids.size).toBe(1 + 5 + 1 + 5);
      for (const input of [...limited.slice(0, 5), first, ...plain])
        expect(ids.has(input.id)).toBe(true);
      for (const input of [...limited.slice(5), again]) expect(ids.has(input.id)).toBe(false);
      expect(column(db, 'SELECT count(*) FROM idempotency_keys')).toEqual([1]);
    });

    // Awaited one by one, each is its own commit.
    truncateWal(path);
    for (let i = 0; i < 3; i++) await store.createRequest(sampleCreate());
    expect(walCommits(path)).toBe(3);
  });

  it('stores every create it answers created, and none it fails, when the disk fills mid-batch', async () => {
    const path = freshPath();
    const store = open(path);
    await store.createRequest(sampleCreate());
    store.setMaxPageCount(1);
    const big = sampleContent('y'.repeat(1990));
    const created: string[] = [];
    const failed: string[] = [];
    for (let round = 0; round < 50 && failed.length === 0; round++) {
      const batch = Array.from({ length: 6 }, () => sampleCreate({ content: big }));
      const outcomes = await Promise.allSettled(batch.map((input) => store.createRequest(input)));
      outcomes.forEach((outcome, i) => {
        const id = batch[i]?.id ?? '';
        if (outcome.status === 'fulfilled') created.push(id);
        else {
          expect(outcome.reason).toBeInstanceOf(StoreUnavailableError);
          expect(outcome.reason).toMatchObject({ reason: 'disk-full' });
          failed.push(id);
        }
      });
    }
    expect(failed.length).toBeGreaterThan(0);
    withRaw(path, (db) => {
      expect(pragma(db, 'integrity_check')).toBe('ok');
      const ids = new Set(column(db, 'SELECT id FROM consultation_requests'));
      expect(ids.size).toBe(1 + created.length);
      for (const id of created) expect(ids.has(id)).toBe(true);
      for (const id of failed) expect(ids.has(id)).toBe(false);
    });
  });

  it('stores what is queued before it closes, and answers it', async () => {
    const path = freshPath();
    const store = openSqliteStore({ path });
    const inputs = Array.from({ length: 4 }, () => sampleCreate());
    const pending = inputs.map((input) => store.createRequest(input));
    await store.close();
    expect((await Promise.all(pending)).map((o) => o.kind)).toEqual(Array(4).fill('created'));
    withRaw(path, (db) => {
      expect(column(db, 'SELECT count(*) FROM consultation_requests')).toEqual([4]);
    });
  });
});

describe('sealed rows on disk', () => {
  const cipherA = () => contractCipher({ current: TEST_KEY_A, keys: [TEST_KEY_A] });

  it('keeps JSON null, the sealed text and the key id for a sealed row; neither for a plaintext one', async () => {
    const path = freshPath();
    const plain = open(path);
    const sealed = openSqliteStore({ path, cipher: cipherA() });
    opened.push(sealed);
    const p = sampleCreate();
    const s = sampleCreate();
    await plain.createRequest(p);
    await sealed.createRequest(s);
    await sealed.updateStatus(
      s.id,
      { status: 'contacted', note: 'rang' },
      staffEntry('request.update'),
    );
    await plain.updateStatus(
      p.id,
      { status: 'contacted', note: 'rang' },
      staffEntry('request.update'),
    );
    const rows = withRaw(path, (db) => ({
      p: db
        .prepare('SELECT content, key_id, sealed FROM consultation_requests WHERE id = ?')
        .get(p.id),
      s: db
        .prepare('SELECT content, key_id, sealed FROM consultation_requests WHERE id = ?')
        .get(s.id),
      notes: db
        .prepare('SELECT request_id, note, note_key_id FROM status_history ORDER BY seq')
        .all(),
    }));
    expect(rows.p).toEqual({ content: JSON.stringify(p.content), key_id: null, sealed: null });
    expect(rows.s).toEqual({
      content: 'null',
      key_id: TEST_KEY_A,
      sealed: expect.stringMatching(/^v1\.[A-Za-z0-9_-]+$/),
    });
    expect(String(rows.s?.sealed)).not.toContain(s.content.reason);
    expect(rows.notes).toEqual([
      { request_id: s.id, note: expect.stringMatching(/^v1\./), note_key_id: TEST_KEY_A },
      { request_id: p.id, note: 'rang', note_key_id: null },
    ]);
  });

  it('leaves no plaintext in the database file or the WAL after rotation', async () => {
    const path = freshPath();
    const plain = open(path);
    const canary = `CANARY-${randomUUID()}`;
    const input = sampleCreate({
      content: sampleContent(`Shoulder. ${canary} reason.`, {
        given: `${canary}-name`,
        family: 'Doe',
      }),
    });
    await plain.createRequest(input);
    await plain.updateStatus(
      input.id,
      { status: 'contacted', note: `note ${canary}` },
      staffEntry('request.update', input.id),
    );
    // Some of it in the main file, some in the WAL, as automatic checkpoints leave it.
    withRaw(path, (db) => db.exec('PRAGMA wal_checkpoint(PASSIVE)'));
    await plain.createRequest(sampleCreate({ content: sampleContent(`Other ${canary}`) }));
    const before = onDisk(path, canary);
    expect(before.db && before.wal).toBe(true);

    const sealed = openSqliteStore({ path, cipher: cipherA() });
    opened.push(sealed);
    expect(await sealed.rotateKeys({ limit: 2 })).toMatchObject({ resealed: 2, remaining: 1 });
    expect(await sealed.rotateKeys({ limit: 2 })).toMatchObject({ resealed: 1, remaining: 0 });
    expect(onDisk(path, canary)).toEqual({ db: false, wal: false });
    const wal = `${path}-wal`;
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    expect((await sealed.getRequest(input.id, staffEntry('request.read')))?.content).toStrictEqual(
      input.content,
    );
  });
});

describe('migration 2 on a database with data', () => {
  it('keeps requests readable as plaintext and replaces fixed windows with GCRA buckets', async () => {
    const path = freshPath();
    const [first] = MIGRATIONS;
    if (first === undefined) throw new Error('no migrations');
    // A database as the previous release left it: schema 1, a request, a counted window.
    mkdirSync(dirname(path), { recursive: true });
    const input = sampleCreate({ idempotency: { key: 'old-key', fingerprint: 'a'.repeat(64) } });
    const old = connect(path);
    try {
      const db = old;
      db.exec('PRAGMA journal_mode = WAL');
      applySqliteMigrations(db, [first]);
      db.prepare(
        `INSERT INTO consultation_requests (id, received_at, status, status_changed_at, content)
         VALUES (?, ?, 'new', ?, ?)`,
      ).run(input.id, T0.toISOString(), T0.toISOString(), JSON.stringify(input.content));
      db.prepare(`INSERT INTO idempotency_keys VALUES ('old-key', ?, ?, 201, ?, ?)`).run(
        'a'.repeat(64),
        input.id,
        input.response.body,
        T0.toISOString(),
      );
      db.exec("INSERT INTO rate_limit_windows VALUES ('ip:old', 0, 7)");
    } finally {
      old.close();
    }
    const store = open(path);
    expect((await store.getRequest(input.id, staffEntry('request.read')))?.content).toStrictEqual(
      input.content,
    );
    expect(await store.findIdempotencyKey('old-key')).toEqual({
      fingerprint: 'a'.repeat(64),
      response: input.response,
    });
    expect(
      await store.hitRateLimit({ bucket: 'ip:old', limit: 1, windowMs: 60_000, now: T0 }),
    ).toMatchObject({ allowed: true });
    expect(
      withRaw(path, (db) =>
        column(
          db,
          "SELECT name FROM sqlite_schema WHERE name LIKE 'rate_limit%' AND type = 'table'",
        ),
      ),
    ).toEqual(['rate_limits']);
  });
});

describe('P3: secure delete', () => {
  it('leaves no byte of a purged request in the database file or the WAL', async () => {
    const path = freshPath();
    const store = open(path);
    const canary = `CANARY-${randomUUID()}`;
    const other = sampleCreate({ receivedAt: T0 });
    await store.createRequest(other);
    const input = sampleCreate({
      receivedAt: T0,
      content: sampleContent(`My back hurts. ${canary} reason.`, {
        given: `${canary}-name`,
        family: 'Doe',
      }),
      idempotency: { key: `key-${canary}`, fingerprint: '2'.repeat(64) },
    });
    await store.createRequest(input);
    await store.updateStatus(
      input.id,
      { status: 'closed', note: `note ${canary}` },
      staffEntry('request.update', input.id),
    );
    // Move some of it into the main file too, as an automatic checkpoint would.
    withRaw(path, (db) => db.exec('PRAGMA wal_checkpoint(PASSIVE)'));
    await store.createRequest(sampleCreate({ receivedAt: T0 }));
    const before = onDisk(path, canary);
    expect(before.db || before.wal).toBe(true);

    const result = await store.purge({
      requestsBefore: new Date(Date.now() + 86_400_000),
      idempotencyKeysBefore: new Date(0),
      rateLimitWindowsBefore: new Date(0),
      outboxDeliveredBefore: new Date(0),
    });
    expect(result).toEqual({
      requests: 1,
      idempotencyKeys: 0,
      rateLimitWindows: 0,
      outboxMessages: 0,
    });
    expect(onDisk(path, canary)).toEqual({ db: false, wal: false });
    expect(onDisk(path, 'key-CANARY')).toEqual({ db: false, wal: false });
    const wal = `${path}-wal`;
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    // The other requests are untouched.
    expect(await store.getRequest(other.id, staffEntry('request.read'))).toMatchObject({
      content: other.content,
    });
  });

  it('(control) without secure_delete, a deleted row stays readable in the file', () => {
    const path = join(root, `control-${randomUUID()}.db`);
    const canary = `CANARY-${randomUUID()}`;
    const db = connect(path);
    try {
      db.exec('PRAGMA journal_mode = WAL');
      db.exec('PRAGMA secure_delete = OFF');
      db.exec('CREATE TABLE t (x TEXT)');
      db.prepare('INSERT INTO t VALUES (?), (?)').run(canary, 'other');
      db.prepare('DELETE FROM t WHERE x = ?').run(canary);
      db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      expect(onDisk(path, canary).db).toBe(true);
    } finally {
      db.close();
    }
  });
});

describe('two connections to one file', () => {
  it('share rate-limit state and idempotency keys exactly (interleaved, one thread)', async () => {
    const path = freshPath();
    const stores = [open(path), open(path)];
    const at = (i: number) => stores[i % 2] ?? stores[0];
    const hits = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        at(i)?.hitRateLimit({ bucket: 'shared', limit: 50, windowMs: 60_000, now: T0 }),
      ),
    );
    expect(
      hits
        .filter((h) => h?.allowed)
        .map((h) => h?.remaining ?? -1)
        .sort((a, b) => a - b),
    ).toEqual(Array.from({ length: 50 }, (_, i) => i));
    const claim = { key: 'shared-key', fingerprint: '3'.repeat(64) };
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        at(i)?.createRequest(sampleCreate({ idempotency: claim })),
      ),
    );
    expect(outcomes.filter((o) => o?.kind === 'created')).toHaveLength(1);
    expect(outcomes.filter((o) => o?.kind === 'replay')).toHaveLength(9);
    for (const store of stores) {
      const page = await store.listRequests({ limit: 100 }, staffEntry('request.list'));
      expect(page.items).toHaveLength(1);
    }
  });

  it('share them exactly across threads writing at the same time', async () => {
    const bundle = bundleSqliteStore();
    const path = freshPath();
    await open(path).close();
    const threads = 4;
    const rounds = 60;
    const results = await Promise.all(
      Array.from({ length: threads }, () => runWorker({ bundle, path, rounds })),
    );
    // GCRA with a limit of 200 hits at one instant: exactly 200 allowed (remaining 199…0, each
    // once), the other 40 refused (-1).
    const remaining = results.flatMap((r) => r.remaining).sort((a, b) => a - b);
    expect(remaining).toEqual([
      ...Array.from({ length: threads * rounds - 200 }, () => -1),
      ...Array.from({ length: 200 }, (_, i) => i),
    ]);
    const outcomes = results.flatMap((r) => r.outcomes);
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'replay')).toHaveLength(threads * rounds - 1);
    expect(withRaw(path, (db) => column(db, 'SELECT count(*) FROM consultation_requests'))).toEqual(
      [1],
    );
  }, 60_000);
});

/**
 * sqlite.ts bundled to plain JavaScript (with esbuild, the bundler under tsup) so that worker
 * threads, which vitest does not transform, can load it.
 */
function bundleSqliteStore(): string {
  const source = fileURLToPath(new URL('./sqlite.ts', import.meta.url));
  const out = join(root, `sqlite-bundle-${randomUUID()}.mjs`);
  buildSync({
    entryPoints: [source],
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'error',
    outfile: out,
  });
  return pathToFileURL(out).href;
}

/** What one worker saw: its rate-limit hits' remaining allowance (-1: refused) and create outcomes. */
interface WorkerResult {
  readonly remaining: number[];
  readonly outcomes: string[];
}

// Each round: one GCRA hit on a shared bucket, one create with a shared idempotency key.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { openSqliteStore } = await import(workerData.bundle);
  const store = openSqliteStore({ path: workerData.path });
  const remaining = [];
  const outcomes = [];
  for (let i = 0; i < workerData.rounds; i++) {
    const hit = await store.hitRateLimit({ bucket: 'threads', limit: 200, windowMs: 60000, now: new Date(0) });
    remaining.push(hit.allowed ? hit.remaining : -1);
    const id = crypto.randomUUID();
    const outcome = await store.createRequest({
      id,
      receivedAt: new Date(),
      content: { reason: 'thread' },
      idempotency: { key: 'threads-key', fingerprint: 'f' },
      response: { status: 201, body: id },
    });
    outcomes.push(outcome.kind);
  }
  await store.close();
  parentPort.postMessage({ remaining, outcomes });
})();
`;

function runWorker(data: { bundle: string; path: string; rounds: number }): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: data });
    worker.once('message', (result: WorkerResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`worker exited with ${code}`));
    });
  });
}
