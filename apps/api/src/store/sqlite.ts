// The SQLite adapter: one file, one connection per store, better-sqlite3 (synchronous). Every
// method runs to completion inside one SQLite transaction before it returns, so within a process
// nothing interleaves; across processes sharing the file, BEGIN IMMEDIATE takes the write lock
// up front (waiting up to busy_timeout) and the UNIQUE/PRIMARY KEY constraints are the last guard.
import { closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ConsultationRequestContent, ConsultationRequestStatus } from '@ptfx/domain';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations.js';
import {
  type AuditAction,
  type AuditEntry,
  type AuditRecord,
  type CreateOutcome,
  cursorInstant,
  type PurgeCutoffs,
  type PurgeResult,
  pageSize,
  type RequestCursor,
  type RequestQuery,
  type StatusHistoryEntry,
  type Store,
  StoreConfigError,
  type StoredRequest,
  type StoredResponse,
  StoreUnavailableError,
  storedKeyOutcome,
} from './store.js';

/** How to open a SQLite store. */
export interface SqliteStoreOptions {
  /** The database file. Its folder is created (mode 0700) when missing; `:memory:` is refused. */
  readonly path: string;
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

type Db = Database.Database;

/**
 * Opens (creating if needed) the SQLite store at `options.path`: sets and then checks the
 * durability settings ({@link checkSqliteSettings}) and applies pending migrations. Synchronous;
 * the store's methods return promises only to match {@link Store}.
 *
 * @throws StoreConfigError when a setting cannot be had (e.g. `:memory:` or a filesystem without
 *   WAL) or the database was migrated by newer code.
 * @throws StoreUnavailableError when the file cannot be opened or written (`io`, `read-only`, …).
 */
export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  if (!Number.isInteger(busyTimeoutMs) || busyTimeoutMs <= 0) {
    throw new StoreConfigError(`busyTimeoutMs must be a positive integer, got ${busyTimeoutMs}`);
  }
  const db = guard(() => openDatabase(options.path, busyTimeoutMs));
  try {
    guard(() => {
      configure(db, busyTimeoutMs);
      checkSqliteSettings(db);
      applySqliteMigrations(db);
      if (options.maxPageCount !== undefined) setMaxPageCount(db, options.maxPageCount);
    });
    return sqliteStore(db, options.path);
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Whether a path names an in-memory or temporary database rather than a file. */
function isMemoryPath(path: string): boolean {
  return path === '' || path === ':memory:';
}

function openDatabase(path: string, busyTimeoutMs: number): Db {
  if (!isMemoryPath(path)) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    // Create the file owner-only before SQLite does (SQLite would use 0644 minus the umask); the
    // -wal and -shm files take the database file's permissions. An existing file is left as is.
    closeSync(openSync(path, 'a', 0o600));
  }
  return new Database(path, { timeout: busyTimeoutMs });
}

function configure(db: Db, busyTimeoutMs: number): void {
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  // journal_mode answers with the mode it got; checkSqliteSettings reads it back below.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
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
    const found = db.pragma(setting.pragma, { simple: true });
    return setting.ok(found)
      ? []
      : [`${setting.pragma} is ${JSON.stringify(found)}, needs ${setting.needed}`];
  });
  if (wrong.length > 0) {
    throw new StoreConfigError(
      `SQLite database "${db.name}" cannot be used safely: ${wrong.join('; ')}`,
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
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
    refuseNewerSchema(db, known);
  }).immediate();
  const applied = db.prepare<[number], number>('SELECT 1 FROM schema_migrations WHERE version = ?');
  const record = db.prepare<[number, string, string]>(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    db.transaction(() => {
      // Checked inside the write lock: another process may have applied it meanwhile.
      if (applied.get(migration.version) !== undefined) return;
      db.exec(migration.sqlite);
      record.run(migration.version, migration.name, new Date().toISOString());
    }).immediate();
  }
}

function refuseNewerSchema(db: Db, known: number): void {
  const newest = db
    .prepare<[], number | null>('SELECT max(version) FROM schema_migrations')
    .pluck()
    .get();
  if (typeof newest === 'number' && newest > known) {
    throw new StoreConfigError(
      `SQLite database "${db.name}" has schema version ${newest}, newer than this code knows ` +
        `(${known}); run a newer version of the API or restore a matching backup`,
    );
  }
}

function setMaxPageCount(db: Db, pages: number): number {
  if (!Number.isInteger(pages) || pages <= 0) {
    throw new RangeError(`max page count must be a positive integer, got ${pages}`);
  }
  return Number(db.pragma(`max_page_count = ${pages}`, { simple: true }));
}

/** The {@link StoreUnavailableError} reason for a SQLite (extended) result code, if any. */
function unavailableReason(code: string): StoreUnavailableError['reason'] | undefined {
  if (code === 'SQLITE_FULL') return 'disk-full';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  if (code.startsWith('SQLITE_READONLY')) return 'read-only';
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) return 'io';
  return undefined;
}

/**
 * Maps a SQLite error that means "the database cannot be used right now" (full, locked,
 * read-only, I/O) to {@link StoreUnavailableError}, keeping the original as `cause`. Anything
 * else (constraint violations, misuse, corruption) is returned unchanged: it is a bug or needs a
 * person, not a retry.
 */
export function toStoreError(error: unknown): unknown {
  if (!(error instanceof Database.SqliteError)) return error;
  const reason = unavailableReason(error.code);
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

/** An instant as stored: `toISOString()` (fixed width, so text order is time order). */
function iso(date: Date): string {
  return date.toISOString();
}

/** A cursor instant in stored form; throws RangeError when it is not an instant. */
function storedInstant(text: string): string {
  return iso(cursorInstant(text));
}

interface RequestRow {
  readonly id: string;
  readonly received_at: string;
  readonly status: ConsultationRequestStatus;
  readonly status_changed_at: string;
  readonly content: string;
}

interface HistoryRow {
  readonly at: string;
  readonly by: string;
  readonly status: ConsultationRequestStatus;
  readonly note: string | null;
}

interface KeyRow {
  readonly fingerprint: string;
  readonly response_status: number;
  readonly response_body: string;
}

interface AuditRow {
  readonly seq: number;
  readonly at: string;
  readonly staff: string;
  readonly action: AuditAction;
  readonly target_id: string | null;
  readonly request_id: string;
  readonly outcome: AuditRecord['outcome'];
}

const REQUEST_COLUMNS = 'id, received_at, status, status_changed_at, content';
const AUDIT_COLUMNS = 'seq, at, staff, action, target_id, request_id, outcome';

/** Every fixed statement, prepared once per connection. */
function prepareStatements(db: Db) {
  return {
    ping: db.prepare<[], number>('SELECT 1').pluck(),
    selectRequest: db.prepare<[string], RequestRow>(
      `SELECT ${REQUEST_COLUMNS} FROM consultation_requests WHERE id = ?`,
    ),
    selectHistory: db.prepare<[string], HistoryRow>(
      'SELECT at, by, status, note FROM status_history WHERE request_id = ? ORDER BY seq',
    ),
    insertRequest: db.prepare<[string, string, string, string]>(
      `INSERT INTO consultation_requests (id, received_at, status, status_changed_at, content)
       VALUES (?, ?, 'new', ?, ?)`,
    ),
    selectKey: db.prepare<[string], KeyRow>(
      'SELECT fingerprint, response_status, response_body FROM idempotency_keys WHERE key = ?',
    ),
    insertKey: db.prepare<[string, string, string, number, string, string]>(
      `INSERT INTO idempotency_keys
         (key, fingerprint, request_id, response_status, response_body, created_at)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING`,
    ),
    hitRateLimit: db
      .prepare<[string, number], number>(
        `INSERT INTO rate_limit_windows (bucket, window_start, hits) VALUES (?, ?, 1)
         ON CONFLICT (bucket, window_start) DO UPDATE SET hits = hits + 1 RETURNING hits`,
      )
      .pluck(),
    updateStatus: db.prepare<[ConsultationRequestStatus, string, string]>(
      'UPDATE consultation_requests SET status = ?, status_changed_at = ? WHERE id = ?',
    ),
    insertHistory: db.prepare<[string, string, string, ConsultationRequestStatus, string | null]>(
      'INSERT INTO status_history (request_id, at, by, status, note) VALUES (?, ?, ?, ?, ?)',
    ),
    deleteRequest: db.prepare<[string]>('DELETE FROM consultation_requests WHERE id = ?'),
    insertAudit: db.prepare<[string, string, AuditAction, string | null, string, string]>(
      `INSERT INTO audit_log (at, staff, action, target_id, request_id, outcome)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    auditPage: db.prepare<[number], AuditRow>(
      `SELECT ${AUDIT_COLUMNS} FROM audit_log ORDER BY seq DESC LIMIT ?`,
    ),
    auditPageBefore: db.prepare<[number, number], AuditRow>(
      `SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT ?`,
    ),
    purgeKeys: db.prepare<[string]>('DELETE FROM idempotency_keys WHERE created_at < ?'),
    purgeRequests: db.prepare<[string]>(
      `DELETE FROM consultation_requests WHERE status IN ('closed', 'spam') AND received_at < ?`,
    ),
    purgeWindows: db.prepare<[number]>('DELETE FROM rate_limit_windows WHERE window_start < ?'),
  };
}

/** Thrown inside a create transaction to roll it back when the key appeared meanwhile. */
class KeyTakenMeanwhile extends Error {}

/** The list query for a given set of filters (the SQL text depends only on which are present). */
function listSql(query: RequestQuery): { readonly sql: string; readonly params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.status !== undefined) {
    where.push('status = ?');
    params.push(query.status);
  }
  if (query.receivedFrom !== undefined) {
    where.push('received_at >= ?');
    params.push(iso(query.receivedFrom));
  }
  if (query.receivedBefore !== undefined) {
    where.push('received_at < ?');
    params.push(iso(query.receivedBefore));
  }
  if (query.after !== undefined) {
    // Strictly after the cursor in (received_at DESC, id DESC) order.
    const at = storedInstant(query.after.receivedAt);
    where.push('(received_at < ? OR (received_at = ? AND id < ?))');
    params.push(at, at, query.after.id);
  }
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  params.push(pageSize(query.limit) + 1);
  return {
    sql: `SELECT ${REQUEST_COLUMNS} FROM consultation_requests ${filter}
          ORDER BY received_at DESC, id DESC LIMIT ?`,
    params,
  };
}

function historyEntry(row: HistoryRow): StatusHistoryEntry {
  return {
    at: row.at,
    by: row.by,
    status: row.status,
    ...(row.note === null ? {} : { note: row.note }),
  };
}

function auditRecord(row: AuditRow): AuditRecord {
  return {
    seq: row.seq,
    at: row.at,
    staff: row.staff,
    action: row.action,
    targetId: row.target_id,
    requestId: row.request_id,
    outcome: row.outcome,
  };
}

function storedResponse(row: KeyRow): StoredResponse {
  return { status: row.response_status, body: row.response_body };
}

/** The store over an open, configured, migrated connection. */
function sqliteStore(db: Db, path: string): SqliteStore {
  const s = prepareStatements(db);
  const listStatements = new Map<string, Database.Statement<unknown[], RequestRow>>();
  // The file's identity at open: ping fails when the file was deleted or replaced underneath.
  const identity = isMemoryPath(path) ? undefined : fileIdentity(path);

  const withHistory = (row: RequestRow): StoredRequest => ({
    id: row.id,
    receivedAt: row.received_at,
    status: row.status,
    statusChangedAt: row.status_changed_at,
    // Stored as the JSON of already-validated content; it is never changed afterwards.
    content: JSON.parse(row.content) as ConsultationRequestContent,
    history: s.selectHistory.all(row.id).map(historyEntry),
  });
  const read = (id: string): StoredRequest | undefined => {
    const row = s.selectRequest.get(id);
    return row === undefined ? undefined : withHistory(row);
  };
  const audit = (entry: AuditEntry, outcome: AuditEntry['outcome'] = entry.outcome): void => {
    s.insertAudit.run(
      iso(entry.at),
      entry.staff,
      entry.action,
      entry.targetId,
      entry.requestId,
      outcome,
    );
  };
  const found = (exists: boolean): AuditEntry['outcome'] => (exists ? 'ok' : 'not-found');
  const listStatement = (sql: string) => {
    let statement = listStatements.get(sql);
    if (statement === undefined) {
      statement = db.prepare<unknown[], RequestRow>(sql);
      listStatements.set(sql, statement);
    }
    return statement;
  };

  const create = db.transaction((input: Parameters<Store['createRequest']>[0]): CreateOutcome => {
    const claim = input.idempotency;
    if (claim !== undefined) {
      const seen = s.selectKey.get(claim.key);
      if (seen !== undefined) {
        return storedKeyOutcome(
          { fingerprint: seen.fingerprint, response: storedResponse(seen) },
          claim.fingerprint,
        );
      }
    }
    const receivedAt = iso(input.receivedAt);
    s.insertRequest.run(input.id, receivedAt, receivedAt, JSON.stringify(input.content));
    if (claim !== undefined) {
      const { status, body } = input.response;
      const stored = s.insertKey.run(
        claim.key,
        claim.fingerprint,
        input.id,
        status,
        body,
        receivedAt,
      );
      // Cannot happen under BEGIN IMMEDIATE; if it ever does, roll back the request row too.
      if (stored.changes === 0) throw new KeyTakenMeanwhile();
    }
    return {
      kind: 'created',
      response: { status: input.response.status, body: input.response.body },
    };
  });

  const list = db.transaction((query: RequestQuery, entry: AuditEntry) => {
    const { sql, params } = listSql(query);
    const rows = listStatement(sql).all(...params);
    const size = pageSize(query.limit);
    const items = rows.slice(0, size).map(withHistory);
    const last = items.at(-1);
    audit(entry);
    const next: RequestCursor | undefined =
      rows.length > size && last !== undefined
        ? { receivedAt: last.receivedAt, id: last.id }
        : undefined;
    return next === undefined ? { items } : { items, next };
  });

  const get = db.transaction((id: string, entry: AuditEntry) => {
    const request = read(id);
    audit(entry, found(request !== undefined));
    return request;
  });

  const update = db.transaction(
    (id: string, change: Parameters<Store['updateStatus']>[1], entry: AuditEntry) => {
      const at = iso(entry.at);
      const changed = s.updateStatus.run(change.status, at, id).changes > 0;
      if (changed) s.insertHistory.run(id, at, entry.staff, change.status, change.note ?? null);
      audit(entry, found(changed));
      return changed ? read(id) : undefined;
    },
  );

  const remove = db.transaction((id: string, entry: AuditEntry) => {
    // History and idempotency keys go with it (ON DELETE CASCADE).
    const deleted = s.deleteRequest.run(id).changes > 0;
    audit(entry, found(deleted));
    return deleted;
  });

  const listAuditTx = db.transaction(
    (query: { readonly limit: number; readonly before?: number }, entry: AuditEntry) => {
      const size = pageSize(query.limit);
      const rows =
        query.before === undefined
          ? s.auditPage.all(size + 1)
          : s.auditPageBefore.all(query.before, size + 1);
      // Written after the read: a page shows the log as it was before this listing.
      audit(entry);
      const items = rows.slice(0, size).map(auditRecord);
      const last = items.at(-1);
      return rows.length > size && last !== undefined ? { items, next: last.seq } : { items };
    },
  );

  const purgeTx = db.transaction((cutoffs: PurgeCutoffs): PurgeResult => {
    // Keys first, so the count is of keys past their own cutoff; keys of purged requests then go
    // with their request (cascade) and are not counted.
    const idempotencyKeys = s.purgeKeys.run(iso(cutoffs.idempotencyKeysBefore)).changes;
    const requests = s.purgeRequests.run(iso(cutoffs.requestsBefore)).changes;
    const rateLimitWindows = s.purgeWindows.run(cutoffs.rateLimitWindowsBefore.getTime()).changes;
    return { requests, idempotencyKeys, rateLimitWindows };
  });

  return {
    kind: 'sqlite',
    async ping() {
      guard(() => s.ping.get());
      if (identity !== undefined && fileIdentity(path) !== identity) {
        throw new StoreUnavailableError('io');
      }
    },
    async createRequest(input) {
      return guard(() => {
        try {
          return create.immediate(input);
        } catch (error) {
          // The key was stored by someone else between our look-up and insert: look again.
          if (error instanceof KeyTakenMeanwhile) return create.immediate(input);
          throw error;
        }
      });
    },
    async hitRateLimit({ bucket, windowMs, now }) {
      if (!Number.isInteger(windowMs) || windowMs <= 0) {
        throw new RangeError(`windowMs must be a positive integer, got ${windowMs}`);
      }
      const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
      if (!Number.isFinite(windowStart)) throw new RangeError('now is not a valid instant');
      // One upsert statement: atomic on its own, across connections too.
      const count = guard(() => s.hitRateLimit.get(bucket, windowStart));
      if (count === undefined) throw new Error('the rate-limit upsert returned no row');
      return { count, windowStart: new Date(windowStart) };
    },
    async listRequests(query, entry) {
      return guard(() => list.immediate(query, entry));
    },
    async getRequest(id, entry) {
      return guard(() => get.immediate(id, entry));
    },
    async updateStatus(id, change, entry) {
      return guard(() => update.immediate(id, change, entry));
    },
    async deleteRequest(id, entry) {
      return guard(() => remove.immediate(id, entry));
    },
    async appendAudit(entry) {
      guard(() => audit(entry));
    },
    async listAudit(query, entry) {
      return guard(() => listAuditTx.immediate(query, entry));
    },
    async purge(cutoffs) {
      return guard(() => {
        const result = purgeTx.immediate(cutoffs);
        checkpoint(db);
        return result;
      });
    },
    async close() {
      db.close();
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
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  if (result === undefined || result.busy !== 0) throw new StoreUnavailableError('busy');
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
