// The SQLite adapter: one file, one connection per store, node:sqlite (synchronous). Every
// method runs to completion inside one SQLite transaction before it returns, so within a process
// nothing interleaves; across processes sharing the file, BEGIN IMMEDIATE takes the write lock
// up front (waiting up to busy_timeout) and the UNIQUE/PRIMARY KEY constraints are the last guard.
// Creates are the exception to "one call, one transaction": those queued while a commit waits
// for its fsync share the next transaction (group commit), each in its own savepoint.
import { closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseSync, SQLOutputValue } from 'node:sqlite';
import { type FieldCipher, PLAINTEXT } from './cipher.js';
import { MIGRATIONS, type Migration } from './migrations.js';
import { nodeSqlite } from './node-sqlite.js';
import { integer, text } from './sqlite-rows.js';
import {
  contentAad,
  iso,
  listSql,
  noteAad,
  outboxListSql,
  outboxRow,
  prepareStatements,
  requestRow,
  type SqliteStatements,
} from './sqlite-statements.js';
import {
  type AuditEntry,
  type CreateOutcome,
  gcra,
  type OutboxMessage,
  type OutboxSettlement,
  type OutboxStatus,
  type PurgeCutoffs,
  type PurgeResult,
  pageSize,
  type RateLimitDecision,
  type RateLimitHit,
  type RequestCursor,
  type RequestQuery,
  type Store,
  StoreConfigError,
  type StoredRequest,
  StoreUnavailableError,
  storedKeyOutcome,
} from './store.js';

/** How to open a SQLite store. */
export interface SqliteStoreOptions {
  /** The database file. Its folder is created (mode 0700) when missing; `:memory:` is refused. */
  readonly path: string;
  /** Seals personal fields (content, staff notes) before they are written. Default PLAINTEXT. */
  readonly cipher?: FieldCipher;
  /** How long a statement waits for another connection's lock before failing `busy` (ms, default 5000). */
  readonly busyTimeoutMs?: number;
  /**
   * Test and operations hook: caps the file at this many pages (`PRAGMA max_page_count`), so a
   * write beyond it fails as SQLITE_FULL (`disk-full`) the way a full disk does.
   */
  readonly maxPageCount?: number;
}

/** The SQLite store, with hooks that are not part of {@link Store}. */
export interface SqliteStore extends Store {
  readonly kind: 'sqlite';
  /**
   * Test and operations hook: sets this connection's `max_page_count` and returns the limit in
   * effect. SQLite never sets it below the file's current size, so `setMaxPageCount(1)` freezes
   * the file at its current size: the next write that needs a new page fails `disk-full`.
   */
  setMaxPageCount(pages: number): number;
}

/** Default for {@link SqliteStoreOptions.busyTimeoutMs}. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

type Db = DatabaseSync;

/**
 * Opens (creating if needed) the SQLite store at `options.path`: sets and then checks the
 * durability settings ({@link checkSqliteSettings}) and applies pending migrations. Synchronous;
 * the store's methods return promises only to match {@link Store}.
 *
 * @throws StoreConfigError when a setting cannot be had (e.g. `:memory:` or a filesystem without
 *   WAL), the database was migrated by newer code, or this Node.js has no `node:sqlite`.
 * @throws StoreUnavailableError when the file cannot be opened or written (`io`, `read-only`, …).
 */
export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  if (!Number.isInteger(busyTimeoutMs) || busyTimeoutMs <= 0) {
    throw new StoreConfigError(`busyTimeoutMs must be a positive integer, got ${busyTimeoutMs}`);
  }
  const db = guard(() => openDatabase(options.path));
  try {
    guard(() => {
      configure(db, busyTimeoutMs);
      checkSqliteSettings(db);
      applySqliteMigrations(db);
      if (options.maxPageCount !== undefined) setMaxPageCount(db, options.maxPageCount);
    });
    return sqliteStore(db, options.path, options.cipher ?? PLAINTEXT);
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Whether a path names an in-memory or temporary database rather than a file. */
function isMemoryPath(path: string): boolean {
  return path === '' || path === ':memory:';
}

function openDatabase(path: string): Db {
  // First, so that a Node.js without node:sqlite leaves no empty file behind.
  const { DatabaseSync } = nodeSqlite();
  if (!isMemoryPath(path)) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    // Create the file owner-only before SQLite does (SQLite would use 0644 minus the umask); the
    // -wal and -shm files take the database file's permissions. An existing file is left as is.
    closeSync(openSync(path, 'a', 0o600));
  }
  return new DatabaseSync(path);
}

function configure(db: Db, busyTimeoutMs: number): void {
  // First: switching to WAL may have to wait for another connection's lock.
  db.exec(`PRAGMA busy_timeout = ${busyTimeoutMs}`);
  // journal_mode answers with the mode it got; checkSqliteSettings reads it back below.
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA secure_delete = ON');
}

/** What `PRAGMA <name>` reads back (its first column): `pragma(db, 'journal_mode')` → `'wal'`. */
function pragma(db: Db, name: string): SQLOutputValue | undefined {
  const row = db.prepare(`PRAGMA ${name}`).get();
  return row === undefined ? undefined : Object.values(row)[0];
}

/** The file a connection has open, for messages (`:memory:` when it has none). */
function fileOf(db: Db): string {
  const main = db
    .prepare('PRAGMA database_list')
    .all()
    .find((row) => row.name === 'main');
  return (main === undefined ? '' : text(main, 'file')) || ':memory:';
}

/** Thrown inside {@link immediate}'s function to roll the transaction back and return `value`. */
class Rollback<R> {
  constructor(readonly value: R) {}
}

/**
 * `fn` as one BEGIN IMMEDIATE … COMMIT transaction: the write lock is taken up front (waiting up
 * to busy_timeout), and whatever `fn` or the COMMIT throws rolls it back. `fn` throwing a
 * {@link Rollback} rolls back and returns its value.
 */
function immediate<A extends unknown[], R>(db: Db, fn: (...args: A) => R): (...args: A) => R {
  return (...args) => {
    db.exec('BEGIN IMMEDIATE');
    try {
      const result = fn(...args);
      db.exec('COMMIT');
      return result;
    } catch (error) {
      try {
        db.exec('ROLLBACK');
      } catch {
        // SQLite has already rolled back by itself after some errors (SQLITE_FULL, SQLITE_IOERR,
        // SQLITE_NOMEM…); the ROLLBACK then fails, which "does no harm"
        // (https://www.sqlite.org/lang_transaction.html). The first error is the one to report.
      }
      if (error instanceof Rollback) return error.value as R;
      throw error;
    }
  };
}

/** One setting {@link checkSqliteSettings} insists on. */
interface RequiredSetting {
  readonly pragma: string;
  readonly needed: string;
  readonly ok: (found: unknown) => boolean;
}

/** The settings without which the store refuses to run, and why each matters. */
const REQUIRED_SETTINGS: readonly RequiredSetting[] = [
  // WAL: readers do not block the writer, and a commit is one append + fsync.
  { pragma: 'journal_mode', needed: 'wal', ok: (v) => String(v).toLowerCase() === 'wal' },
  // FULL (2): in WAL mode, NORMAL may lose the last commits on power loss; FULL does not.
  { pragma: 'synchronous', needed: '2 (FULL)', ok: (v) => v === 2 },
  // ON DELETE CASCADE removes history and idempotency keys with their request.
  { pragma: 'foreign_keys', needed: '1 (ON)', ok: (v) => v === 1 },
  // Without a busy timeout a second connection's write fails at once instead of waiting.
  { pragma: 'busy_timeout', needed: 'greater than 0', ok: (v) => typeof v === 'number' && v > 0 },
  // Deleted personal data is overwritten with zeros, not left in free pages.
  { pragma: 'secure_delete', needed: '1 (ON)', ok: (v) => v === 1 },
];

/**
 * Reads back the settings the store relies on and throws {@link StoreConfigError} naming each
 * one that differs, with the value found and the value needed. `openSqliteStore` calls it after
 * setting them; it is exported so that weaker settings can be shown to be refused.
 */
export function checkSqliteSettings(db: Db): void {
  const wrong = REQUIRED_SETTINGS.flatMap((setting) => {
    const found = pragma(db, setting.pragma);
    return setting.ok(found)
      ? []
      : [`${setting.pragma} is ${JSON.stringify(found)}, needs ${setting.needed}`];
  });
  if (wrong.length > 0) {
    throw new StoreConfigError(
      `SQLite database "${fileOf(db)}" cannot be used safely: ${wrong.join('; ')}`,
    );
  }
}

/**
 * Applies the migrations the database lacks, oldest first, each with its `schema_migrations` row
 * in one BEGIN IMMEDIATE transaction (so a failed migration leaves nothing, and two processes
 * starting together apply each once). Refuses a database migrated by newer code.
 * `openSqliteStore` calls it with {@link MIGRATIONS}; the parameter is for tests.
 */
export function applySqliteMigrations(db: Db, migrations: readonly Migration[] = MIGRATIONS): void {
  const known = Math.max(0, ...migrations.map((m) => m.version));
  immediate(db, () => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
    refuseNewerSchema(db, known);
  })();
  const applied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?');
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    immediate(db, () => {
      // Checked inside the write lock: another process may have applied it meanwhile.
      if (applied.get(migration.version) !== undefined) return;
      db.exec(migration.sqlite);
      record.run(migration.version, migration.name, new Date().toISOString());
    })();
  }
}

function refuseNewerSchema(db: Db, known: number): void {
  const newest = db.prepare('SELECT max(version) AS newest FROM schema_migrations').get()?.newest;
  if (typeof newest === 'number' && newest > known) {
    throw new StoreConfigError(
      `SQLite database "${fileOf(db)}" has schema version ${newest}, newer than this code knows ` +
        `(${known}); run a newer version of the API or restore a matching backup`,
    );
  }
}

function setMaxPageCount(db: Db, pages: number): number {
  if (!Number.isInteger(pages) || pages <= 0) {
    throw new RangeError(`max page count must be a positive integer, got ${pages}`);
  }
  return Number(pragma(db, `max_page_count = ${pages}`));
}

/**
 * The {@link StoreUnavailableError} reason for a SQLite result code, if any. Extended codes
 * (SQLITE_BUSY_SNAPSHOT, SQLITE_IOERR_FSYNC, …) carry their primary code in the low byte.
 * https://www.sqlite.org/rescode.html
 */
function unavailableReason(code: number): StoreUnavailableError['reason'] | undefined {
  switch (code & 0xff) {
    case 13: // SQLITE_FULL
      return 'disk-full';
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
      return 'busy';
    case 8: // SQLITE_READONLY
      return 'read-only';
    case 10: // SQLITE_IOERR
    case 14: // SQLITE_CANTOPEN
      return 'io';
    default:
      return undefined;
  }
}

/** The SQLite result code of an error node:sqlite threw (`ERR_SQLITE_ERROR`), if it is one. */
function sqliteResultCode(error: unknown): number | undefined {
  if (!(error instanceof Error) || !('code' in error) || error.code !== 'ERR_SQLITE_ERROR') {
    return undefined;
  }
  return 'errcode' in error && typeof error.errcode === 'number' ? error.errcode : undefined;
}

/**
 * Maps a SQLite error that means "the database cannot be used right now" (full, locked,
 * read-only, I/O) to {@link StoreUnavailableError}, keeping the original as `cause`. Anything
 * else (constraint violations, misuse, corruption) is returned unchanged: it is a bug or needs a
 * person, not a retry.
 */
export function toStoreError(error: unknown): unknown {
  const code = sqliteResultCode(error);
  if (code === undefined) return error;
  const reason = unavailableReason(code);
  return reason === undefined ? error : new StoreUnavailableError(reason, { cause: error });
}

/** Runs `fn`, throwing {@link toStoreError}'s mapping of whatever it throws. */
function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw toStoreError(error);
  }
}

/** Thrown inside a create transaction to roll it back when the key appeared meanwhile. */
class KeyTakenMeanwhile extends Error {}

/** The most creates stored in one transaction by the group commit (bounds a commit's latency). */
const MAX_CREATES_PER_COMMIT = 64;

/** A create queued for the next group commit, with its caller's promise. */
interface WaitingCreate {
  readonly input: Parameters<Store['createRequest']>[0];
  readonly resolve: (outcome: CreateOutcome) => void;
  readonly reject: (error: unknown) => void;
}

/** Checks a rate-limit hit's instant (the limit and window are checked by {@link gcra}). */
function checkHit(hit: RateLimitHit): void {
  if (!Number.isFinite(hit.now.getTime())) throw new RangeError('now is not a valid instant');
}

/**
 * One GCRA hit inside the caller's transaction: reads the bucket's TAT, decides, and stores the
 * new TAT when allowed (a refused hit writes nothing).
 */
function rateLimitIn(s: SqliteStatements, hit: RateLimitHit): RateLimitDecision {
  const { newTatMs, ...decision } = gcra(s.tat(hit.bucket), hit);
  if (newTatMs !== undefined) s.setTat(hit.bucket, newTatMs);
  return decision;
}

/** The store over an open, configured, migrated connection. */
function sqliteStore(db: Db, path: string, cipher: FieldCipher): SqliteStore {
  const s = prepareStatements(db, cipher);
  const listStatements = new Map<string, ReturnType<Db['prepare']>>();
  // The file's identity at open: ping fails when the file was deleted or replaced underneath.
  const identity = isMemoryPath(path) ? undefined : fileIdentity(path);
  let isOpen = true;

  const withHistory = (request: Omit<StoredRequest, 'history'>): StoredRequest => ({
    ...request,
    history: s.history(request.id),
  });
  const read = (id: string): StoredRequest | undefined => {
    const request = s.request(id);
    return request === undefined ? undefined : withHistory(request);
  };
  const audit = (entry: AuditEntry, outcome: AuditEntry['outcome'] = entry.outcome): void => {
    s.insertAudit(entry, outcome);
  };
  const found = (exists: boolean): AuditEntry['outcome'] => (exists ? 'ok' : 'not-found');
  const listStatement = (sql: string) => {
    let statement = listStatements.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      listStatements.set(sql, statement);
    }
    return statement;
  };

  const createIn = (input: Parameters<Store['createRequest']>[0]): CreateOutcome => {
    const claim = input.idempotency;
    if (claim !== undefined) {
      // A replay or a reused key is answered before the rate limit: it is not counted.
      const seen = s.key(claim.key);
      if (seen !== undefined) return storedKeyOutcome(seen, claim.fingerprint);
    }
    let rate: RateLimitDecision | undefined;
    if (input.rateLimit !== undefined) {
      rate = rateLimitIn(s, input.rateLimit);
      // Refused: nothing stored, nothing counted.
      if (!rate.allowed) throw new Rollback<CreateOutcome>({ kind: 'rate-limited', rate });
    }
    const receivedAt = iso(input.receivedAt);
    s.insertRequest(input.id, receivedAt, input.content);
    // Cannot fail: the key was read in this transaction, under the write lock. If it ever does,
    // the request row is rolled back with it (its savepoint).
    if (claim !== undefined && !s.insertKey(claim, input.id, input.response, receivedAt)) {
      throw new KeyTakenMeanwhile();
    }
    if (input.announce !== undefined) s.insertOutbox(input.announce, receivedAt);
    const response = { status: input.response.status, body: input.response.body };
    return rate === undefined ? { kind: 'created', response } : { kind: 'created', response, rate };
  };

  // Group commit. node:sqlite commits synchronously: while one COMMIT waits for its fsync, the
  // event loop stands still and the next requests queue up. The creates queued by then are
  // stored together, in ONE transaction (one fsync), each in its own savepoint: a refused or
  // failed create rolls back its own part only, and every caller is answered after the COMMIT,
  // so durability per request is unchanged. A create on its own costs one setImmediate.
  const waiting: WaitingCreate[] = [];
  const flush = (): void => {
    const batch = waiting.splice(0, MAX_CREATES_PER_COMMIT);
    if (waiting.length > 0) setImmediate(flush);
    if (batch.length === 0) return;
    const failAll = (error: unknown): void => {
      const mapped = toStoreError(error);
      for (const create of batch) create.reject(mapped);
    };
    try {
      db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      failAll(error);
      return;
    }
    const answers: (() => void)[] = [];
    for (const create of batch) {
      db.exec('SAVEPOINT ptfx_create');
      try {
        const outcome = createIn(create.input);
        db.exec('RELEASE ptfx_create');
        answers.push(() => create.resolve(outcome));
      } catch (error) {
        try {
          db.exec('ROLLBACK TO ptfx_create');
          db.exec('RELEASE ptfx_create');
        } catch {
          // SQLite ended the whole transaction itself (SQLITE_FULL, an I/O error…): nothing of
          // this batch is stored, and every create in it fails with this error.
          try {
            db.exec('ROLLBACK');
          } catch {}
          failAll(error);
          return;
        }
        answers.push(
          error instanceof Rollback
            ? () => create.resolve(error.value as CreateOutcome)
            : () => create.reject(toStoreError(error)),
        );
      }
    }
    try {
      db.exec('COMMIT');
    } catch (error) {
      try {
        db.exec('ROLLBACK');
      } catch {}
      failAll(error);
      return;
    }
    for (const answer of answers) answer();
  };
  const create = (input: Parameters<Store['createRequest']>[0]): Promise<CreateOutcome> =>
    new Promise((resolve, reject) => {
      waiting.push({ input, resolve, reject });
      if (waiting.length === 1) setImmediate(flush);
    });

  const hit = immediate(db, (input: RateLimitHit) => rateLimitIn(s, input));

  const claim = immediate(db, (now: Date, leaseMs: number, limit: number) => {
    const at = iso(now);
    const until = iso(new Date(now.getTime() + leaseMs));
    const due = s.dueOutbox(at, limit);
    for (const message of due) s.leaseOutbox(message.id, until);
    return due;
  });

  const settle = immediate(db, (id: string, settlement: OutboxSettlement) => {
    const at = iso(settlement.at);
    switch (settlement.kind) {
      case 'delivered':
        return s.settleDelivered(id, at);
      case 'retry':
        return s.settleRetry(id, iso(settlement.nextAttemptAt), settlement.error);
      case 'dead':
        return s.settleDead(id, at, settlement.error);
    }
  });

  const listOutboxTx = immediate(
    db,
    (
      query: { readonly status?: OutboxStatus; readonly limit: number; readonly before?: string },
      entry: AuditEntry,
    ) => {
      const { sql, params } = outboxListSql(query);
      const rows = listStatement(sql).all(...params);
      const size = pageSize(query.limit);
      const items: OutboxMessage[] = rows.slice(0, size).map(outboxRow);
      audit(entry);
      const last = items.at(-1);
      return rows.length > size && last !== undefined ? { items, next: last.id } : { items };
    },
  );

  const redrive = immediate(db, (id: string | undefined, now: Date, entry: AuditEntry) => {
    const count = s.redrive(id, iso(now));
    audit(entry, id === undefined ? entry.outcome : found(count > 0));
    return count;
  });

  const rotate = immediate(db, (limit: number) => {
    const current = cipher.currentKeyId;
    let resealed = 0;
    for (const row of s.staleRequests(current, limit)) {
      const aad = contentAad(row.id);
      const json = row.keyId === null ? row.content : cipher.open(row.keyId, row.sealed ?? '', aad);
      const sealed = cipher.seal(json, aad);
      const value =
        sealed.keyId === null
          ? { content: sealed.text, keyId: null, sealed: null }
          : { content: 'null', keyId: sealed.keyId, sealed: sealed.text };
      if (s.resealRequest(row.id, row.keyId, value)) resealed++;
    }
    for (const row of s.staleNotes(current, limit - resealed)) {
      const aad = noteAad(row.requestId);
      const sealed = cipher.seal(cipher.open(row.keyId, row.note, aad), aad);
      if (s.resealNote(row.seq, row.keyId, sealed.text, sealed.keyId)) resealed++;
    }
    const byKey = s.byKey();
    const remaining = Object.entries(byKey).reduce(
      (sum, [key, n]) => (key === String(current) ? sum : sum + n),
      0,
    );
    return { resealed, remaining, byKey };
  });

  const list = immediate(db, (query: RequestQuery, entry: AuditEntry) => {
    const { sql, params } = listSql(query);
    const rows = listStatement(sql).all(...params);
    const size = pageSize(query.limit);
    const items = rows.slice(0, size).map((row) => withHistory(requestRow(row, cipher)));
    const last = items.at(-1);
    audit(entry);
    const next: RequestCursor | undefined =
      rows.length > size && last !== undefined
        ? { receivedAt: last.receivedAt, id: last.id }
        : undefined;
    return next === undefined ? { items } : { items, next };
  });

  const get = immediate(db, (id: string, entry: AuditEntry) => {
    const request = read(id);
    audit(entry, found(request !== undefined));
    return request;
  });

  const update = immediate(
    db,
    (id: string, change: Parameters<Store['updateStatus']>[1], entry: AuditEntry) => {
      const at = iso(entry.at);
      const changed = s.updateStatus(id, change.status, at);
      if (changed) s.insertHistory(id, at, entry.staff, change.status, change.note ?? null);
      audit(entry, found(changed));
      return changed ? read(id) : undefined;
    },
  );

  const remove = immediate(db, (id: string, entry: AuditEntry) => {
    // History and idempotency keys go with it (ON DELETE CASCADE).
    const deleted = s.deleteRequest(id);
    audit(entry, found(deleted));
    return deleted;
  });

  const listAuditTx = immediate(
    db,
    (query: { readonly limit: number; readonly before?: number }, entry: AuditEntry) => {
      const size = pageSize(query.limit);
      const rows = s.auditPage(size + 1, query.before);
      // Written after the read: a page shows the log as it was before this listing.
      audit(entry);
      const items = rows.slice(0, size);
      const last = items.at(-1);
      return rows.length > size && last !== undefined ? { items, next: last.seq } : { items };
    },
  );

  const purgeTx = immediate(db, (cutoffs: PurgeCutoffs): PurgeResult => {
    // Keys first, so the count is of keys past their own cutoff; keys of purged requests then go
    // with their request (cascade) and are not counted.
    const idempotencyKeys = s.purgeKeys(iso(cutoffs.idempotencyKeysBefore));
    const requests = s.purgeRequests(iso(cutoffs.requestsBefore));
    const rateLimitWindows = s.purgeRateLimits(cutoffs.rateLimitWindowsBefore.getTime());
    const outboxMessages = s.purgeOutbox(iso(cutoffs.outboxDeliveredBefore));
    return { requests, idempotencyKeys, rateLimitWindows, outboxMessages };
  });

  return {
    kind: 'sqlite',
    async ping() {
      guard(() => s.ping());
      if (identity !== undefined && fileIdentity(path) !== identity) {
        throw new StoreUnavailableError('io');
      }
    },
    async createRequest(input) {
      if (input.rateLimit !== undefined) checkHit(input.rateLimit);
      return create(input);
    },
    async findIdempotencyKey(key) {
      // One SELECT: a consistent snapshot on its own, no lock taken (WAL readers never wait).
      return guard(() => s.key(key));
    },
    async hitRateLimit(input) {
      checkHit(input);
      return guard(() => hit(input));
    },
    async claimOutbox({ now, leaseMs, limit }) {
      if (!Number.isInteger(leaseMs) || leaseMs <= 0) {
        throw new RangeError(`leaseMs must be a positive integer, got ${leaseMs}`);
      }
      if (!Number.isInteger(limit) || limit <= 0) {
        throw new RangeError(`limit must be a positive integer, got ${limit}`);
      }
      return guard(() => claim(now, leaseMs, limit));
    },
    async settleOutbox(id, settlement) {
      guard(() => settle(id, settlement));
    },
    async listOutbox(query, entry) {
      return guard(() => listOutboxTx(query, entry));
    },
    async redriveOutbox(id, now, entry) {
      return guard(() => redrive(id, now, entry));
    },
    async rotateKeys({ limit }) {
      if (!Number.isInteger(limit) || limit <= 0) {
        throw new RangeError(`limit must be a positive integer, got ${limit}`);
      }
      return guard(() => {
        const result = rotate(limit);
        // secure_delete zeroes the cells it frees, but B-tree balancing moves cells between
        // pages without zeroing the gap they leave (sealed values are longer, so rotation splits
        // pages): stale copies of old values could stay in unallocated space. On the last batch,
        // VACUUM rebuilds the file from live rows only (found by the encryption test: 2 runs in
        // 10 left plaintext without it, 0 in 25 with it). The WAL holds the old pages until it
        // is checkpointed and truncated: done after any batch that re-sealed, and on the last
        // (a re-run finishes it).
        if (result.remaining === 0 && result.resealed > 0) db.exec('VACUUM');
        if (result.resealed > 0 || result.remaining === 0) checkpoint(db);
        return result;
      });
    },
    async listRequests(query, entry) {
      return guard(() => list(query, entry));
    },
    async getRequest(id, entry) {
      return guard(() => get(id, entry));
    },
    async updateStatus(id, change, entry) {
      return guard(() => update(id, change, entry));
    },
    async deleteRequest(id, entry) {
      return guard(() => remove(id, entry));
    },
    async appendAudit(entry) {
      guard(() => audit(entry));
    },
    async listAudit(query, entry) {
      return guard(() => listAuditTx(query, entry));
    },
    async purge(cutoffs) {
      return guard(() => {
        const result = purgeTx(cutoffs);
        checkpoint(db);
        return result;
      });
    },
    async close() {
      // Creates still queued for the next commit are stored first (and answered).
      if (isOpen) while (waiting.length > 0) flush();
      // Closing twice is harmless (node:sqlite itself would throw "database is not open").
      if (isOpen) db.close();
      isOpen = false;
    },
    setMaxPageCount: (pages) => guard(() => setMaxPageCount(db, pages)),
  };
}

/**
 * Copies the WAL into the database file and truncates the WAL to zero bytes, so that the old
 * versions of pages (deleted personal data among them) are not left in the -wal file. Fails
 * `busy` when another connection's open read keeps the checkpoint from completing within
 * busy_timeout; the deletions are committed by then, and a later purge finishes the job.
 */
function checkpoint(db: Db): void {
  const result = db.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get();
  if (result === undefined || integer(result, 'busy') !== 0)
    throw new StoreUnavailableError('busy');
}

/** Device and inode of a file, or `missing`. */
function fileIdentity(path: string): string {
  try {
    const stat = statSync(path);
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return 'missing';
  }
}
