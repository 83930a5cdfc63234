// The PostgreSQL adapter: a postgres.js pool per store. Every method is one statement or one
// transaction (READ COMMITTED). What must hold across instances sharing the database is held by
// the database: advisory locks (migrations, idempotency keys), an upsert (rate limits), and the
// primary keys as the last guard.

import { isIP } from 'node:net';
import type { ConsultationRequestContent, ConsultationRequestStatus } from '@ptfx/domain';
import postgres from 'postgres';
import type { FieldCipher } from './cipher.js';
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
  type StatusHistoryEntry,
  type Store,
  StoreConfigError,
  type StoredRequest,
  StoreUnavailableError,
  storedKeyOutcome,
} from './store.js';

/** How to open a PostgreSQL store. */
export interface PostgresStoreOptions {
  /** Seals personal fields (content, staff notes) before they are written. Default PLAINTEXT. */
  readonly cipher?: FieldCipher;
  /**
   * `postgres://user:password@host:port/database?…` (or `postgresql://`). The URL decides TLS:
   * no `ssl` option is passed to postgres.js (3.4.9), which reads `sslmode` from the URL like
   * this (read in its source, checked by postgres.int.test.ts against a TLS-enabled server):
   *
   * - no `sslmode`, or `sslmode=disable`: no TLS. (postgres.js does not read `PGSSLMODE`.)
   * - `sslmode=prefer`: TLS when the server offers it, else plain text. Certificate NOT verified.
   * - `sslmode=require`: TLS or no connection; the certificate is NOT verified (encryption
   *   only). `allow` is the same as `require` (no plain-text fallback, unlike libpq). A server
   *   without TLS hangs up, which reads as `unreachable`.
   * - `sslmode=verify-full`: TLS, the certificate verified against Node's trusted CAs and the
   *   host name checked. `verify-ca` is the same (postgres.js checks the name too, stricter than
   *   libpq). For a private CA, start Node with `NODE_EXTRA_CA_CERTS=/path/ca.pem`. Give a host
   *   NAME: with an IP address postgres.js sends no server name and Node then checks the
   *   certificate against "localhost" (so a real server's certificate would be refused): an IP
   *   address with `verify-*` is refused here.
   * - `sslrootcert=system`: the same as `verify-full`.
   * - `sslnegotiation=direct` (PostgreSQL 17+): TLS from the first byte, no SSLRequest.
   *
   * postgres.js does not read certificate files named in the URL: `sslrootcert=<file>`,
   * `sslcert`, `sslkey`, `sslpassword`, `sslcrl`, `sslcrldir` would be sent to the server as
   * settings and fail every connection, so they are refused here ({@link StoreConfigError}), as
   * is an unknown `sslmode`. An untrusted certificate at open is a {@link StoreConfigError}.
   * Other parameters postgres.js reads: `connect_timeout` (seconds;
   * {@link PostgresStoreOptions.connectTimeoutSeconds} wins), `application_name`,
   * `target_session_attrs`, `prepare=false` (behind PgBouncer in transaction mode).
   */
  readonly url: string;
  /** Most connections in the pool (postgres.js default: 10). */
  readonly max?: number;
  /**
   * How long to wait for a connection to be established, in seconds. Default: the URL's
   * `connect_timeout`, else `PGCONNECT_TIMEOUT`, else {@link DEFAULT_CONNECT_TIMEOUT_SECONDS}.
   */
  readonly connectTimeoutSeconds?: number;
  /** How long {@link Store.ping} waits for `SELECT 1` (ms, default {@link DEFAULT_PING_TIMEOUT_MS}). */
  readonly pingTimeoutMs?: number;
}

/** Default for {@link PostgresStoreOptions.connectTimeoutSeconds}: postgres.js's own is 30 s. */
export const DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;

/** Default for {@link PostgresStoreOptions.pingTimeoutMs}: a readiness probe must answer fast. */
export const DEFAULT_PING_TIMEOUT_MS = 3000;

/** The PostgreSQL store. */
export interface PostgresStore extends Store {
  readonly kind: 'postgres';
}

/**
 * The advisory lock (`pg_advisory_xact_lock`) every migration transaction takes first, so that
 * instances starting at the same moment migrate one after the other. The bytes of "ptfxmigr".
 */
export const MIGRATION_LOCK_ID = '8103214296964097906';

/** The prefix of idempotency-key advisory locks: `hashtextextended(prefix || key, 0)`. */
export const IDEMPOTENCY_LOCK_PREFIX = 'ptfx-idem:';

type Sql = postgres.Sql;
type Tx = postgres.TransactionSql;

/**
 * Opens a PostgreSQL store: checks the URL, connects and applies pending migrations.
 *
 * @throws StoreConfigError for a URL that is not `postgres://`, has an unsupported TLS parameter,
 *   is refused (authentication, no such database, untrusted certificate), or a database
 *   migrated by newer code.
 * @throws StoreUnavailableError when the server cannot be reached.
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  const connectTimeout = checkUrl(options);
  if (options.max !== undefined && !(Number.isInteger(options.max) && options.max > 0)) {
    throw new StoreConfigError('max must be a positive integer');
  }
  let sql: Sql;
  try {
    sql = postgres(options.url, {
      ...(options.max === undefined ? {} : { max: options.max }),
      ...(connectTimeout === undefined ? {} : { connect_timeout: connectTimeout }),
      // postgres.js logs every notice to the console by default (IF NOT EXISTS, shutdown warnings).
      onnotice: () => {},
      // Between failed connection attempts postgres.js waits 3^n/100 s, up to 20 s. Capped at
      // 1 s, requests fail fast (503) during an outage and the pool is back within a second of
      // the database; an attempt to a closed port costs the server nothing.
      backoff: (attempt) => Math.min(0.05 * 2 ** attempt, 1),
      connection: { application_name: process.env.PGAPPNAME ?? 'ptfx-api' },
    });
  } catch {
    // No cause: Node's URL errors carry the input, password included.
    throw new StoreConfigError('the PostgreSQL URL cannot be parsed');
  }
  try {
    await applyPostgresMigrations(sql);
  } catch (error) {
    await sql.end({ timeout: 0 }).catch(() => {});
    throw openError(error);
  }
  return postgresStore(sql, options.pingTimeoutMs ?? DEFAULT_PING_TIMEOUT_MS);
}

const TLS_FILE_PARAMS = ['sslcert', 'sslkey', 'sslpassword', 'sslcrl', 'sslcrldir'];
const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];

/** Refuses what postgres.js would misread; returns the connect timeout to pass, if any. */
function checkUrl(options: PostgresStoreOptions): number | undefined {
  // Never echo the URL: it carries a password. Read it the way postgres.js does (a multi-host
  // URL such as postgres://u@h1:5432,h2:5432/db is not one WHATWG URL can parse).
  const text = options.url;
  if (!/^postgres(ql)?:\/\//.test(text)) {
    throw new StoreConfigError('the PostgreSQL URL must start with postgres:// or postgresql://');
  }
  const authority = text.slice(text.indexOf('://') + 3).split(/[?/#]/)[0] ?? '';
  const query = text.includes('?') ? text.slice(text.indexOf('?') + 1).split('#')[0] : '';
  const params = new URLSearchParams(query);
  const mode = params.get('sslmode');
  if (mode !== null && !SSL_MODES.includes(mode)) {
    throw new StoreConfigError(`sslmode must be one of ${SSL_MODES.join(', ')}`);
  }
  const rootCert = params.get('sslrootcert');
  const unsupported = TLS_FILE_PARAMS.filter((name) => params.has(name));
  if (rootCert !== null && rootCert !== 'system') unsupported.unshift('sslrootcert');
  if (unsupported.length > 0) {
    throw new StoreConfigError(
      `postgres.js cannot read TLS files from the URL (${unsupported.join(', ')}); use ` +
        'sslmode=verify-full with NODE_EXTRA_CA_CERTS for a private CA',
    );
  }
  const verifies = mode === 'verify-full' || mode === 'verify-ca' || rootCert === 'system';
  if (verifies && hostsOf(authority).some((host) => isIP(host) !== 0)) {
    // postgres.js sends no server name for an IP and Node then checks the certificate against
    // "localhost": a real certificate would be refused, a "localhost" one accepted for any IP.
    throw new StoreConfigError(
      `sslmode=${mode ?? 'verify-full'} needs host names, not IP addresses, in the PostgreSQL URL`,
    );
  }
  const seconds = options.connectTimeoutSeconds;
  if (seconds !== undefined && !(Number.isFinite(seconds) && seconds > 0)) {
    throw new StoreConfigError('connectTimeoutSeconds must be a positive number');
  }
  if (seconds !== undefined) return seconds;
  if (params.has('connect_timeout') || process.env.PGCONNECT_TIMEOUT) return undefined;
  return DEFAULT_CONNECT_TIMEOUT_SECONDS;
}

/** The host names or addresses of a URL's authority (`user:pw@h1:5432,[::1]:5433`). */
function hostsOf(authority: string): string[] {
  const hosts = authority.slice(authority.lastIndexOf('@') + 1);
  return hosts.split(',').map((host) => {
    const bracketed = /^\[([^\]]*)\]/.exec(host);
    return decodeURIComponent(bracketed ? (bracketed[1] ?? '') : (host.split(':')[0] ?? ''));
  });
}

/**
 * Applies the migrations the database lacks, oldest first, each in its own transaction with its
 * `schema_migrations` row. Each transaction first takes {@link MIGRATION_LOCK_ID}, so instances
 * starting together wait for each other and apply each migration once. Refuses a database
 * migrated by newer code. `openPostgresStore` calls it with {@link MIGRATIONS}.
 */
export async function applyPostgresMigrations(
  sql: Sql,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<void> {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  const known = Math.max(0, ...ordered.map((m) => m.version));
  for (;;) {
    const applied = await sql.begin(async (tx) => {
      await tx`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_ID}::bigint)`;
      await tx`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`;
      const rows = await tx<{ version: number }[]>`SELECT version FROM schema_migrations`;
      const done = new Set(rows.map((r) => r.version));
      const newest = Math.max(0, ...done);
      if (newest > known) {
        throw new StoreConfigError(
          `the PostgreSQL database has schema version ${newest}, newer than this code knows ` +
            `(${known}); run a newer version of the API or restore a matching backup`,
        );
      }
      const next = ordered.find((m) => !done.has(m.version));
      if (next === undefined) return false;
      // Several statements: the simple protocol runs them all, inside this transaction.
      await tx.unsafe(next.postgres);
      await tx`INSERT INTO schema_migrations (version, name) VALUES (${next.version}, ${next.name})`;
      return true;
    });
    if (!applied) return;
  }
}

/** Node and postgres.js error codes that mean the connection failed or was lost. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** The {@link StoreUnavailableError} reason for an error, if it means "not now" rather than a bug. */
function unavailableReason(error: unknown): StoreUnavailableError['reason'] | undefined {
  const code = errorCode(error);
  if (code === undefined) {
    // Node reports a failed connect to a name with several addresses as an AggregateError.
    if (error instanceof AggregateError) {
      for (const inner of error.errors) {
        const reason = unavailableReason(inner);
        if (reason !== undefined) return reason;
      }
    }
    return undefined;
  }
  if (CONNECTION_CODES.has(code)) return 'unreachable';
  if (!(error instanceof postgres.PostgresError)) return undefined;
  // SQLSTATEs (https://www.postgresql.org/docs/current/errcodes-appendix.html).
  if (code.startsWith('08')) return 'unreachable'; // connection exception
  if (code === '57P01' || code === '57P02' || code === '57P03') return 'unreachable'; // shutdown
  if (code === '53100') return 'disk-full';
  if (code.startsWith('53')) return 'unreachable'; // out of memory, too many connections
  if (code === '25006') return 'read-only'; // read_only_sql_transaction: a standby, or read-only
  if (code === '55P03' || code === '57014') return 'busy'; // lock_not_available, statement timeout
  if (code === '58030') return 'io';
  return undefined;
}

/**
 * Maps an error that means "the database cannot be used right now" to
 * {@link StoreUnavailableError} (the original as `cause`; the message never holds a query, a
 * value or the URL). Anything else is returned unchanged: it is a bug, not a reason to retry.
 */
export function toStoreError(error: unknown): unknown {
  if (error instanceof StoreUnavailableError || error instanceof StoreConfigError) return error;
  const reason = unavailableReason(error);
  return reason === undefined ? error : new StoreUnavailableError(reason, { cause: error });
}

/** TLS verification failures (Node's codes): the server is there, but not to be trusted. */
const CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** At open, a refusal that retrying will not fix is a configuration error. */
function openError(error: unknown): unknown {
  const code = errorCode(error);
  const why =
    code === undefined
      ? undefined
      : code === '28P01' || code === '28000'
        ? 'the server refused the credentials'
        : code === '3D000'
          ? 'the database does not exist'
          : code === '42501'
            ? 'the user may not create the tables (permission denied)'
            : CERTIFICATE_CODES.has(code)
              ? `the server's TLS certificate was not accepted (${code})`
              : undefined;
  if (
    why !== undefined &&
    (error instanceof postgres.PostgresError || CERTIFICATE_CODES.has(code ?? ''))
  ) {
    return new StoreConfigError(`cannot use the PostgreSQL database: ${why}`, { cause: error });
  }
  return toStoreError(error);
}

interface RequestRow {
  readonly id: string;
  readonly received_at: Date;
  readonly status: ConsultationRequestStatus;
  readonly status_changed_at: Date;
  readonly content: string;
}

interface HistoryRow {
  readonly request_id: string;
  readonly at: Date;
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
  /** bigserial: postgres.js returns int8 as a string. */
  readonly seq: string;
  readonly at: Date;
  readonly staff: string;
  readonly action: AuditAction;
  readonly target_id: string | null;
  readonly request_id: string;
  readonly outcome: AuditRecord['outcome'];
}

/** An instant as the store returns it: ISO 8601, UTC, milliseconds. */
function iso(date: Date): string {
  return new Date(date).toISOString();
}

function historyEntry(row: HistoryRow): StatusHistoryEntry {
  return {
    at: iso(row.at),
    by: row.by,
    status: row.status,
    ...(row.note === null ? {} : { note: row.note }),
  };
}

function auditRecord(row: AuditRow): AuditRecord {
  return {
    seq: Number(row.seq),
    at: iso(row.at),
    staff: row.staff,
    action: row.action,
    targetId: row.target_id,
    requestId: row.request_id,
    outcome: row.outcome,
  };
}

/** Thrown inside a create transaction to roll it back with an answer (the key appeared meanwhile). */
class RollBack {
  constructor(readonly outcome: CreateOutcome) {}
}

const REQUEST_COLUMNS = 'id, received_at, status, status_changed_at, content';

/** The store over a migrated pool. */
function postgresStore(sql: Sql, pingTimeoutMs: number): PostgresStore {
  /** Runs `fn` in one transaction, mapping what it throws. */
  const transaction = async <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => {
    try {
      return (await sql.begin(fn)) as T;
    } catch (error) {
      throw toStoreError(error);
    }
  };
  /** Runs one statement outside a transaction, mapping what it throws. */
  const guarded = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw toStoreError(error);
    }
  };

  const withHistory = async (tx: Tx, rows: readonly RequestRow[]): Promise<StoredRequest[]> => {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const history = await tx<HistoryRow[]>`
      SELECT request_id, at, by, status, note FROM status_history
      WHERE request_id IN ${tx(ids)} ORDER BY seq`;
    const byRequest = new Map<string, StatusHistoryEntry[]>();
    for (const row of history) {
      const entries = byRequest.get(row.request_id) ?? [];
      entries.push(historyEntry(row));
      byRequest.set(row.request_id, entries);
    }
    return rows.map((row) => ({
      id: row.id,
      receivedAt: iso(row.received_at),
      status: row.status,
      statusChangedAt: iso(row.status_changed_at),
      // Stored as the JSON of already-validated content; it is never changed afterwards.
      content: JSON.parse(row.content) as ConsultationRequestContent,
      history: byRequest.get(row.id) ?? [],
    }));
  };
  const read = async (tx: Tx, id: string): Promise<StoredRequest | undefined> => {
    const rows = await tx<RequestRow[]>`
      SELECT ${tx.unsafe(REQUEST_COLUMNS)} FROM consultation_requests WHERE id = ${id}`;
    const [request] = await withHistory(tx, rows);
    return request;
  };
  const audit = async (
    tx: Sql | Tx,
    entry: AuditEntry,
    outcome: AuditEntry['outcome'] = entry.outcome,
  ): Promise<void> => {
    await tx`
      INSERT INTO audit_log (at, staff, action, target_id, request_id, outcome)
      VALUES (${entry.at}, ${entry.staff}, ${entry.action}, ${entry.targetId},
              ${entry.requestId}, ${outcome})`;
  };
  const found = (exists: boolean): AuditEntry['outcome'] => (exists ? 'ok' : 'not-found');
  const keyOutcome = (row: KeyRow, fingerprint: string) =>
    storedKeyOutcome(
      {
        fingerprint: row.fingerprint,
        response: { status: row.response_status, body: row.response_body },
      },
      fingerprint,
    );

  return {
    kind: 'postgres',

    async ping() {
      const query = sql`SELECT 1`;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          // A query still waiting for a connection is dropped from the queue.
          query.cancel();
          reject(new StoreUnavailableError('unreachable'));
        }, pingTimeoutMs);
      });
      // The losing query's rejection (cancelled, or failed later) is not an unhandled one.
      const answer = query.then(
        () => undefined,
        (error: unknown) => Promise.reject(toStoreError(error)),
      );
      answer.catch(() => {});
      try {
        await Promise.race([answer, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },

    async createRequest(input) {
      const claim = input.idempotency;
      try {
        return await transaction(async (tx): Promise<CreateOutcome> => {
          if (claim !== undefined) {
            // Non-blocking: another transaction (any instance) working on this key right now
            // gets 409 instead of waiting for it. Released at commit or rollback.
            const [lock] = await tx<{ locked: boolean }[]>`
              SELECT pg_try_advisory_xact_lock(
                hashtextextended(${IDEMPOTENCY_LOCK_PREFIX} || ${claim.key}::text, 0)) AS locked`;
            if (lock?.locked !== true) return { kind: 'key-in-flight' };
            const [seen] = await tx<KeyRow[]>`
              SELECT fingerprint, response_status, response_body FROM idempotency_keys
              WHERE key = ${claim.key}`;
            if (seen !== undefined) return keyOutcome(seen, claim.fingerprint);
          }
          await tx`
            INSERT INTO consultation_requests (id, received_at, status, status_changed_at, content)
            VALUES (${input.id}, ${input.receivedAt}, 'new', ${input.receivedAt},
                    ${JSON.stringify(input.content)})`;
          if (claim !== undefined) {
            const stored = await tx`
              INSERT INTO idempotency_keys
                (key, fingerprint, request_id, response_status, response_body, created_at)
              VALUES (${claim.key}, ${claim.fingerprint}, ${input.id}, ${input.response.status},
                      ${input.response.body}, ${input.receivedAt})
              ON CONFLICT (key) DO NOTHING`;
            if (stored.count === 0) {
              // Someone stored the key without the lock (cannot happen with this code). The
              // conflict waited for their commit; read their row (a new statement sees it
              // under READ COMMITTED) and roll back our request row.
              const [seen] = await tx<KeyRow[]>`
                SELECT fingerprint, response_status, response_body FROM idempotency_keys
                WHERE key = ${claim.key}`;
              throw new RollBack(
                seen === undefined
                  ? { kind: 'key-in-flight' }
                  : keyOutcome(seen, claim.fingerprint),
              );
            }
          }
          return {
            kind: 'created',
            response: { status: input.response.status, body: input.response.body },
          };
        });
      } catch (error) {
        if (error instanceof RollBack) return error.outcome;
        throw error;
      }
    },

    async hitRateLimit({ bucket, windowMs, now }) {
      if (!Number.isInteger(windowMs) || windowMs <= 0) {
        throw new RangeError(`windowMs must be a positive integer, got ${windowMs}`);
      }
      const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
      // One upsert: atomic across connections and instances, no read-then-write.
      const [row] = await guarded(
        () => sql<{ hits: number }[]>`
          INSERT INTO rate_limit_windows (bucket, window_start, hits)
          VALUES (${bucket}, ${windowStart}, 1)
          ON CONFLICT (bucket, window_start)
          DO UPDATE SET hits = rate_limit_windows.hits + 1
          RETURNING hits`,
      );
      if (row === undefined) throw new Error('the rate-limit upsert returned no row');
      return { count: row.hits, windowStart: new Date(windowStart) };
    },

    async listRequests(query, entry) {
      const size = pageSize(query.limit);
      const after =
        query.after === undefined
          ? undefined
          : { at: cursorInstant(query.after.receivedAt), id: query.after.id };
      return transaction(async (tx) => {
        const rows = await tx<RequestRow[]>`
          SELECT ${tx.unsafe(REQUEST_COLUMNS)} FROM consultation_requests
          WHERE true
            ${query.status === undefined ? tx`` : tx`AND status = ${query.status}`}
            ${query.receivedFrom === undefined ? tx`` : tx`AND received_at >= ${query.receivedFrom}`}
            ${query.receivedBefore === undefined ? tx`` : tx`AND received_at < ${query.receivedBefore}`}
            ${after === undefined ? tx`` : tx`AND (received_at, id) < (${after.at}, ${after.id})`}
          ORDER BY received_at DESC, id DESC
          LIMIT ${size + 1}`;
        const items = await withHistory(tx, rows.slice(0, size));
        await audit(tx, entry);
        const last = items.at(-1);
        const next: RequestCursor | undefined =
          rows.length > size && last !== undefined
            ? { receivedAt: last.receivedAt, id: last.id }
            : undefined;
        return next === undefined ? { items } : { items, next };
      });
    },

    async getRequest(id, entry) {
      return transaction(async (tx) => {
        const request = await read(tx, id);
        await audit(tx, entry, found(request !== undefined));
        return request;
      });
    },

    async updateStatus(id, change, entry) {
      return transaction(async (tx) => {
        const changed = await tx`
          UPDATE consultation_requests SET status = ${change.status}, status_changed_at = ${entry.at}
          WHERE id = ${id}`;
        if (changed.count > 0) {
          await tx`
            INSERT INTO status_history (request_id, at, by, status, note)
            VALUES (${id}, ${entry.at}, ${entry.staff}, ${change.status}, ${change.note ?? null})`;
        }
        await audit(tx, entry, found(changed.count > 0));
        return changed.count > 0 ? read(tx, id) : undefined;
      });
    },

    async deleteRequest(id, entry) {
      return transaction(async (tx) => {
        // History and idempotency keys go with it (ON DELETE CASCADE).
        const deleted = await tx`DELETE FROM consultation_requests WHERE id = ${id}`;
        await audit(tx, entry, found(deleted.count > 0));
        return deleted.count > 0;
      });
    },

    async appendAudit(entry) {
      await guarded(() => audit(sql, entry));
    },

    async listAudit(query, entry) {
      const size = pageSize(query.limit);
      return transaction(async (tx) => {
        const rows = await tx<AuditRow[]>`
          SELECT seq, at, staff, action, target_id, request_id, outcome FROM audit_log
          ${query.before === undefined ? tx`` : tx`WHERE seq < ${query.before}`}
          ORDER BY seq DESC LIMIT ${size + 1}`;
        // Written after the read: a page shows the log as it was before this listing.
        await audit(tx, entry);
        const items = rows.slice(0, size).map(auditRecord);
        const last = items.at(-1);
        return rows.length > size && last !== undefined ? { items, next: last.seq } : { items };
      });
    },

    async purge(cutoffs: PurgeCutoffs): Promise<PurgeResult> {
      const result = await transaction(async (tx) => {
        // Keys first, so the count is of keys past their own cutoff; keys of purged requests then
        // go with their request (cascade) and are not counted.
        const keys = await tx`
          DELETE FROM idempotency_keys WHERE created_at < ${cutoffs.idempotencyKeysBefore}`;
        const requests = await tx`
          DELETE FROM consultation_requests
          WHERE status IN ('closed', 'spam') AND received_at < ${cutoffs.requestsBefore}`;
        const windows = await tx`
          DELETE FROM rate_limit_windows
          WHERE window_start < ${cutoffs.rateLimitWindowsBefore.getTime()}`;
        return {
          requests: requests.count,
          idempotencyKeys: keys.count,
          rateLimitWindows: windows.count,
        };
      });
      // Should VACUUM fail (unreachable), the deletions are committed; purging again is harmless.
      if (result.requests > 0 || result.idempotencyKeys > 0) {
        // A DELETE only marks rows dead; VACUUM prunes them from the table and index pages now
        // rather than whenever autovacuum comes by. (Freed space is reused, not zeroed, and WAL
        // and backups keep old pages for a while: encryption at rest covers those.)
        await guarded(() =>
          sql.unsafe('VACUUM consultation_requests, status_history, idempotency_keys'),
        );
      }
      return result;
    },

    async close() {
      // Waits up to 5 s for running queries, then ends the connections. postgres.js 3.4.9 waits
      // the full 5 s when a connection failed mid-query and was not used since (upstream issue
      // porsager/postgres#1097), so a close after an outage can take that long.
      await sql.end({ timeout: 5 });
    },
  };
}
