// The PostgreSQL adapter: a node-postgres (`pg`) pool per store. Every method is one statement or
// one transaction (READ COMMITTED); createRequest is one autocommitted call of a function
// (migration 3), so one round trip and one commit — under load, creates that queue behind the
// ones at the database go together in one call and one commit (group commit, migration 3; each
// caller answered after that commit). What must hold across instances sharing the
// database is held by the database: advisory locks (migrations, idempotency keys), row locks (a
// rate-limit bucket, claimed outbox messages with SKIP LOCKED), and the primary keys as the last
// guard.
//
// Crash safety: a lost connection must never become an uncaught exception. Every client gets an
// `error` listener as soon as the pool has connected it (pg emits `error` on a checked-out client
// whose socket dies, and an EventEmitter `error` without a listener throws), the pool gets one
// for its idle clients, and every helper that checks a client out releases it on every path —
// with the error when the connection may be broken, so that the pool destroys it.

import type { ConnectionOptions } from 'node:tls';
import type { ConsultationRequestContent, ConsultationRequestStatus } from '@ptfx/domain';
import pg from 'pg';
import { type FieldCipher, PLAINTEXT } from './cipher.js';
import { MIGRATIONS, type Migration } from './migrations.js';
import {
  type AuditAction,
  type AuditEntry,
  type AuditRecord,
  type CreateOutcome,
  cursorInstant,
  gcra,
  type OutboxMessage,
  type OutboxStatus,
  type PurgeCutoffs,
  type PurgeResult,
  pageSize,
  type RateLimitDecision,
  type RateLimitHit,
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
   * `postgres://user:password@host:port/database?…` (or `postgresql://`), one host. The URL
   * decides TLS, with the same meaning for every `sslmode` as before the move to node-postgres
   * (the store reads `sslmode` itself and gives `pg` an explicit `ssl` setting, so neither
   * `PGSSLMODE` nor pg's own reading of `sslmode=require` as verify-full applies):
   *
   * - no `sslmode`, or `sslmode=disable`: no TLS.
   * - `sslmode=prefer`: TLS when the server offers it, else plain text. Certificate NOT
   *   verified. Once the server answers that it has no TLS, later connections of the store go
   *   plain without asking (a connection that meets the answer is retried in plain text once).
   * - `sslmode=require`: TLS or no connection; the certificate is NOT verified (encryption
   *   only). `allow` is the same as `require` (no plain-text fallback, unlike libpq). A server
   *   without TLS is `unreachable` (StoreUnavailableError) until it offers TLS.
   * - `sslmode=verify-full`: TLS, the certificate verified against Node's trusted CAs and the
   *   host checked: a host name against the certificate's DNS names, an IP address against its
   *   IP addresses. `verify-ca` is the same (the name is checked too, stricter than libpq). For a
   *   private CA, start Node with `NODE_EXTRA_CA_CERTS=/path/ca.pem`.
   * - `sslrootcert=system`: the same as `verify-full`, whatever `sslmode` says.
   * - `sslnegotiation=direct` (PostgreSQL 17+): TLS from the first byte, no SSLRequest.
   *
   * Refused ({@link StoreConfigError}): an unknown `sslmode`; certificate files in the URL
   * (`sslrootcert=<file>`, `sslcert`, `sslkey`, `sslpassword`, `sslcrl`, `sslcrldir`); pg's own
   * `ssl=` and `uselibpqcompat=` parameters; several hosts (`h1:5432,h2:5432`: node-postgres
   * connects to one). An untrusted certificate at open is a {@link StoreConfigError}. Other
   * parameters: `connect_timeout` (seconds; {@link PostgresStoreOptions.connectTimeoutSeconds}
   * wins), `application_name`, `options` (e.g. `-c search_path=…`), and `prepare=false`, which
   * turns named prepared statements off (PgBouncer in transaction mode before 1.21).
   */
  readonly url: string;
  /** Most connections in the pool (default 10). */
  readonly max?: number;
  /**
   * How long to wait for a connection to be established, in seconds. Default: the URL's
   * `connect_timeout`, else `PGCONNECT_TIMEOUT`, else {@link DEFAULT_CONNECT_TIMEOUT_SECONDS}.
   */
  readonly connectTimeoutSeconds?: number;
  /** How long {@link Store.ping} waits for `SELECT 1` (ms, default {@link DEFAULT_PING_TIMEOUT_MS}). */
  readonly pingTimeoutMs?: number;
}

/** Default for {@link PostgresStoreOptions.connectTimeoutSeconds}. */
export const DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;

/** Default for {@link PostgresStoreOptions.pingTimeoutMs}: a readiness probe must answer fast. */
export const DEFAULT_PING_TIMEOUT_MS = 3000;

/** How long {@link Store.close} waits for calls in progress before it cuts their connections. */
export const CLOSE_TIMEOUT_MS = 5000;

/** The PostgreSQL store. */
export interface PostgresStore extends Store {
  readonly kind: 'postgres';
}

/**
 * The advisory lock (`pg_advisory_xact_lock`) every migration transaction takes first, so that
 * instances starting at the same moment migrate one after the other. The bytes of "ptfxmigr".
 */
export const MIGRATION_LOCK_ID = '8103214296964097906';

/**
 * The prefix of idempotency-key advisory locks: `hashtextextended(prefix || key, 0)` (written out
 * in migration 3's `ptfx_create_request`, which takes them).
 */
export const IDEMPOTENCY_LOCK_PREFIX = 'ptfx-idem:';

/** What {@link checkUrl} makes of the URL: what to give `pg`. */
interface PoolSettings {
  /** The URL without the parameters the store reads itself. */
  readonly connectionString: string;
  readonly ssl: false | ConnectionOptions;
  /** `sslmode=prefer`: fall back to plain text when the server has no TLS. */
  readonly prefer: boolean;
  readonly direct: boolean;
  /** 0: no limit (`connect_timeout=0`, as in libpq). */
  readonly connectTimeoutMs: number;
  /** Named prepared statements (off with `prepare=false`). */
  readonly prepare: boolean;
  readonly applicationName?: string;
}

/**
 * Opens a PostgreSQL store: checks the URL, connects and applies pending migrations.
 *
 * @throws StoreConfigError for a URL that is not `postgres://`, has an unsupported parameter,
 *   is refused (authentication, no such database, untrusted certificate), or a database
 *   migrated by newer code.
 * @throws StoreUnavailableError when the server cannot be reached.
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  const settings = checkUrl(options);
  if (options.max !== undefined && !(Number.isInteger(options.max) && options.max > 0)) {
    throw new StoreConfigError('max must be a positive integer');
  }
  const pingTimeoutMs = options.pingTimeoutMs ?? DEFAULT_PING_TIMEOUT_MS;
  if (!(Number.isFinite(pingTimeoutMs) && pingTimeoutMs > 0)) {
    throw new StoreConfigError('pingTimeoutMs must be a positive number');
  }
  let pool: pg.Pool;
  try {
    // pg parses the URL only when it connects (and throws there): parse it once now.
    new pg.Client({
      connectionString: settings.connectionString,
      ssl: false,
      sslnegotiation: 'postgres',
    });
    pool = new pg.Pool({
      connectionString: settings.connectionString,
      // Always explicit: pg would otherwise read PGSSLMODE / PGSSLNEGOTIATION from the environment.
      ssl: settings.ssl,
      sslnegotiation: settings.direct ? 'direct' : 'postgres',
      max: options.max ?? 10,
      connectionTimeoutMillis: settings.connectTimeoutMs,
      // A server that vanishes without a FIN (failover, cable) is noticed by TCP keepalive.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      idleTimeoutMillis: 30_000,
      ...(settings.applicationName === undefined
        ? {}
        : { application_name: settings.applicationName }),
    });
  } catch {
    // No cause: the error may carry the input, password included.
    throw new StoreConfigError('the PostgreSQL URL cannot be parsed');
  }
  guardPool(pool);
  const db = new Db(pool, settings);
  try {
    await db.withClient((client) => applyPostgresMigrations(client));
  } catch (error) {
    await pool.end().catch(() => {});
    throw openError(error);
  }
  return postgresStore(
    db,
    options.cipher ?? PLAINTEXT,
    pingTimeoutMs,
    Math.min(CREATES_IN_FLIGHT, options.max ?? 10),
  );
}

const TLS_FILE_PARAMS = ['sslcert', 'sslkey', 'sslpassword', 'sslcrl', 'sslcrldir'];
const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];
/** Parameters the store reads itself and takes out of the URL it gives pg. */
const STORE_PARAMS = ['sslmode', 'sslrootcert', 'sslnegotiation', 'connect_timeout', 'prepare'];

/** Refuses what the store cannot honour; returns what to give pg. Never echoes the URL. */
function checkUrl(options: PostgresStoreOptions): PoolSettings {
  const text = options.url;
  if (!/^postgres(ql)?:\/\//.test(text)) {
    throw new StoreConfigError('the PostgreSQL URL must start with postgres:// or postgresql://');
  }
  const hashAt = text.indexOf('#');
  const withoutHash = hashAt === -1 ? text : text.slice(0, hashAt);
  const queryAt = withoutHash.indexOf('?');
  const base = queryAt === -1 ? withoutHash : withoutHash.slice(0, queryAt);
  const params = new URLSearchParams(queryAt === -1 ? '' : withoutHash.slice(queryAt + 1));
  const authority = base.slice(base.indexOf('://') + 3).split('/')[0] ?? '';
  if (authority.slice(authority.lastIndexOf('@') + 1).includes(',')) {
    throw new StoreConfigError(
      'the PostgreSQL URL names several hosts; node-postgres connects to one: give the address ' +
        'of the primary (or of a proxy that follows it)',
    );
  }
  const mode = params.get('sslmode');
  if (mode !== null && !SSL_MODES.includes(mode)) {
    throw new StoreConfigError(`sslmode must be one of ${SSL_MODES.join(', ')}`);
  }
  const rootCert = params.get('sslrootcert');
  const unsupported = TLS_FILE_PARAMS.filter((name) => params.has(name));
  if (rootCert !== null && rootCert !== 'system') unsupported.unshift('sslrootcert');
  if (unsupported.length > 0) {
    throw new StoreConfigError(
      `TLS files cannot be named in the URL (${unsupported.join(', ')}); use ` +
        'sslmode=verify-full with NODE_EXTRA_CA_CERTS for a private CA',
    );
  }
  for (const name of ['ssl', 'uselibpqcompat']) {
    if (params.has(name)) {
      throw new StoreConfigError(`the URL parameter ${name} is not supported; use sslmode`);
    }
  }
  const negotiation = params.get('sslnegotiation');
  if (negotiation !== null && negotiation !== 'postgres' && negotiation !== 'direct') {
    throw new StoreConfigError('sslnegotiation must be postgres or direct');
  }
  const verify = rootCert === 'system' || mode === 'verify-full' || mode === 'verify-ca';
  const encrypt = mode === 'require' || mode === 'allow' || mode === 'prefer';
  const ssl: false | ConnectionOptions = verify
    ? { rejectUnauthorized: true }
    : encrypt
      ? { rejectUnauthorized: false }
      : false;
  const direct = negotiation === 'direct';
  if (direct && ssl === false) {
    throw new StoreConfigError('sslnegotiation=direct needs TLS: set sslmode too');
  }
  if (direct && mode === 'prefer') {
    throw new StoreConfigError('sslnegotiation=direct cannot fall back to plain text: use require');
  }

  const prepare = params.get('prepare');
  if (prepare !== null && prepare !== 'true' && prepare !== 'false') {
    throw new StoreConfigError('prepare must be true or false');
  }
  const seconds = options.connectTimeoutSeconds;
  if (seconds !== undefined && !(Number.isFinite(seconds) && seconds > 0)) {
    throw new StoreConfigError('connectTimeoutSeconds must be a positive number');
  }
  const fromUrl = params.get('connect_timeout') ?? process.env.PGCONNECT_TIMEOUT;
  const given = seconds ?? (fromUrl === undefined ? undefined : Number(fromUrl));
  if (given !== undefined && !(Number.isFinite(given) && given >= 0)) {
    throw new StoreConfigError('connect_timeout must be a number of seconds');
  }
  const connectTimeoutMs = Math.round((given ?? DEFAULT_CONNECT_TIMEOUT_SECONDS) * 1000);

  const rest = new URLSearchParams([...params].filter(([name]) => !STORE_PARAMS.includes(name)));
  const query = rest.toString();
  const applicationName =
    params.has('application_name') || process.env.PGAPPNAME ? undefined : 'ptfx-api';
  return {
    connectionString: query === '' ? base : `${base}?${query}`,
    ssl,
    prefer: mode === 'prefer' && !verify,
    direct,
    connectTimeoutMs,
    prepare: prepare !== 'false',
    ...(applicationName === undefined ? {} : { applicationName }),
  };
}

/** Listens for `error` on the pool and on every client it connects: see the file's header. */
function guardPool(pool: pg.Pool): void {
  // An idle client lost its connection: the pool has removed it already; the next call that
  // needs a connection makes a new one (or fails `unreachable` while the server is away).
  pool.on('error', () => {});
  // A checked-out client whose socket dies emits `error` too; the call using it gets the error
  // through its own query, and the helper that holds it releases it with the error.
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
}

/** Something that runs queries: a pool client or a client of one's own. */
type Queryable = Pick<pg.ClientBase, 'query'>;

/**
 * Applies the migrations the database lacks, oldest first, each in its own transaction with its
 * `schema_migrations` row. Each transaction first takes {@link MIGRATION_LOCK_ID}, so instances
 * starting together wait for each other and apply each migration once. Refuses a database
 * migrated by newer code. `openPostgresStore` calls it with {@link MIGRATIONS}.
 *
 * @param client A connected client (a `pg.Client`, or a pool client), not in a transaction.
 */
export async function applyPostgresMigrations(
  client: Queryable,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<void> {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  const known = Math.max(0, ...ordered.map((m) => m.version));
  for (;;) {
    await client.query('BEGIN');
    let applied: boolean;
    try {
      await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK_ID]);
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      const { rows } = await client.query<{ version: number }>(
        'SELECT version FROM schema_migrations',
      );
      const done = new Set(rows.map((r) => r.version));
      const newest = Math.max(0, ...done);
      if (newest > known) {
        throw new StoreConfigError(
          `the PostgreSQL database has schema version ${newest}, newer than this code knows ` +
            `(${known}); run a newer version of the API or restore a matching backup`,
        );
      }
      const next = ordered.find((m) => !done.has(m.version));
      if (next !== undefined) {
        // Several statements, no parameters: the simple protocol runs them all, in this transaction.
        await client.query(next.postgres);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
          next.version,
          next.name,
        ]);
      }
      await client.query('COMMIT');
      applied = next !== undefined;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    }
    if (!applied) return;
  }
}

/** Node and pg error codes that mean the connection failed or was lost. */
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
  'ENOENT', // a unix socket that is not there (server stopped)
]);

/**
 * pg's errors without a code that mean the connection is gone or could not be made (pg 8.23:
 * lib/client.js, lib/connection.js, pg-pool). Matched exactly, and only on plain `Error`s.
 */
const CONNECTION_MESSAGES = new Set([
  'Connection terminated unexpectedly',
  'Connection terminated',
  'Connection terminated due to connection timeout',
  'timeout exceeded when trying to connect',
  'timeout expired',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'The server does not support SSL connections',
  'There was an error establishing an SSL connection',
  'Query read timeout',
]);

/** pg-pool's answer once the pool is ending. */
const POOL_ENDED = 'Cannot use a pool after calling end on the pool';

/** pg's answer when the server has no TLS (what `sslmode=prefer` falls back on). */
const NO_TLS = 'The server does not support SSL connections';

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** The {@link StoreUnavailableError} reason for an error, if it means "not now" rather than a bug. */
function unavailableReason(error: unknown): StoreUnavailableError['reason'] | undefined {
  if (error instanceof pg.DatabaseError) {
    const code = error.code ?? '';
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
  const code = errorCode(error);
  if (code !== undefined && CONNECTION_CODES.has(code)) return 'unreachable';
  // Node reports a failed connect to a name with several addresses as an AggregateError.
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const reason = unavailableReason(inner);
      if (reason !== undefined) return reason;
    }
    return undefined;
  }
  if (error instanceof Error && code === undefined) {
    if (error.message === POOL_ENDED) return 'shutting-down';
    if (CONNECTION_MESSAGES.has(error.message)) return 'unreachable';
    // pg wraps a connect timeout's socket error as the cause of its own.
    if (error.cause !== undefined && error.cause !== error) return unavailableReason(error.cause);
  }
  return undefined;
}

/**
 * Maps an error that means "the database cannot be used right now" to
 * {@link StoreUnavailableError} (the original as `cause`; the message never holds a query, a
 * value or the URL). Anything else is returned unchanged (a DataKeyError too): it is a bug or a
 * configuration problem, not a reason to retry.
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
  const database = error instanceof pg.DatabaseError;
  const why =
    code === undefined
      ? undefined
      : database && (code === '28P01' || code === '28000')
        ? 'the server refused the credentials'
        : database && code === '3D000'
          ? 'the database does not exist'
          : database && code === '42501'
            ? 'the user may not create the tables (permission denied)'
            : CERTIFICATE_CODES.has(code)
              ? `the server's TLS certificate was not accepted (${code})`
              : undefined;
  if (why !== undefined) {
    return new StoreConfigError(`cannot use the PostgreSQL database: ${why}`, { cause: error });
  }
  return toStoreError(error);
}

/**
 * The pool and how to use it: checking clients out and in on every path, transactions,
 * named statements, and `close` waiting for the calls in progress.
 */
class Db {
  /** Clients checked out now: cut by {@link Db.end} when a call outlives its wait. */
  private readonly held = new Set<pg.PoolClient>();
  /** Calls in progress (see {@link Db.call}). */
  private readonly running = new Set<Promise<unknown>>();
  private ending: Promise<void> | undefined;

  constructor(
    readonly pool: pg.Pool,
    private readonly settings: PoolSettings,
  ) {
    pool.on('acquire', (client) => this.held.add(client));
    pool.on('release', (_error, client) => this.held.delete(client));
    pool.on('remove', (client) => this.held.delete(client));
  }

  /** A statement, named (prepared once per connection) unless `prepare=false`. */
  named(name: string, text: string, values: unknown[]): pg.QueryConfig {
    return this.settings.prepare ? { name, text, values } : { text, values };
  }

  /** Runs a store method: refused once closing, awaited by {@link Db.end}, errors mapped. */
  call<T>(fn: () => Promise<T>): Promise<T> {
    if (this.ending !== undefined) {
      return Promise.reject(new StoreUnavailableError('shutting-down'));
    }
    const promise = fn().catch((error: unknown) => Promise.reject(toStoreError(error)));
    this.running.add(promise);
    const done = () => {
      this.running.delete(promise);
    };
    promise.then(done, done);
    return promise;
  }

  /** A client from the pool; with `sslmode=prefer`, once more in plain text if TLS is refused. */
  async acquire(): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect();
    } catch (error) {
      if (!this.settings.prefer || !(error instanceof Error) || error.message !== NO_TLS) {
        throw error;
      }
      // pg-pool gives `options` to every client it makes: later ones go plain at once.
      this.pool.options.ssl = false;
      return this.pool.connect();
    }
  }

  /** `fn` with a client, released on every path (destroyed when the connection may be broken). */
  async withClient<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.acquire();
    try {
      const result = await fn(client);
      release(client);
      return result;
    } catch (error) {
      // A database's answer (a constraint, a DataKeyError after a clean rollback) leaves the
      // connection usable; a lost connection or a transaction left open does not.
      const usable =
        unavailableReason(error) === undefined && client.getTransactionStatus() === 'I';
      release(client, usable ? undefined : error);
      throw error;
    }
  }

  /** One statement on a pooled client (autocommitted). */
  query<R extends pg.QueryResultRow>(config: pg.QueryConfig): Promise<pg.QueryResult<R>> {
    return this.withClient((client) => client.query<R>(config));
  }

  /**
   * `fn` in one transaction: BEGIN, `fn`, COMMIT; whatever `fn` or the COMMIT throws rolls back
   * and is rethrown. The client goes back to the pool only when it is idle and healthy.
   */
  transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.withClient(async (client) => {
      try {
        await client.query('BEGIN');
        const result = await fn(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await rollback(client);
        throw error;
      }
    });
  }

  /**
   * Waits for the calls in progress (up to {@link CLOSE_TIMEOUT_MS}), cuts the connections of
   * any still running, and ends the pool. Later calls fail `shutting-down`.
   */
  end(): Promise<void> {
    this.ending ??= (async () => {
      let timer: NodeJS.Timeout | undefined;
      const waited = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, CLOSE_TIMEOUT_MS);
      });
      try {
        await Promise.race([Promise.allSettled([...this.running]), waited]);
      } finally {
        clearTimeout(timer);
      }
      // A call still running is stuck on a connection (a server that stopped answering): end
      // its socket, so that its query fails and the pool can end.
      for (const client of this.held) destroySocket(client);
      await this.pool.end().catch(() => {});
    })();
    return this.ending;
  }
}

/**
 * Rolls back an open transaction. Should the ROLLBACK fail (the connection is gone), the client
 * is not idle, and {@link Db.withClient} destroys it instead of pooling it.
 */
async function rollback(client: pg.PoolClient): Promise<void> {
  if (client.getTransactionStatus() === 'I') return;
  try {
    await client.query('ROLLBACK');
  } catch {
    // Reported by the caller's own error; the client is released with it.
  }
}

/** Gives a client back to the pool, or destroys it when `error` is given. */
function release(client: pg.PoolClient, error?: unknown): void {
  client.release(error === undefined ? undefined : error instanceof Error ? error : true);
}

/** Ends a checked-out client's socket (pg has no public destroy; its `end` waits for the server). */
function destroySocket(client: pg.PoolClient): void {
  const connection = (client as unknown as { connection?: { stream?: { destroy(): void } } })
    .connection;
  connection?.stream?.destroy();
}

interface RequestRow {
  readonly id: string;
  readonly received_at: Date;
  readonly status: ConsultationRequestStatus;
  readonly status_changed_at: Date;
  readonly content: string;
  readonly key_id: string | null;
  readonly sealed: string | null;
}

interface HistoryRow {
  readonly request_id: string;
  readonly at: Date;
  readonly by: string;
  readonly status: ConsultationRequestStatus;
  readonly note: string | null;
  readonly note_key_id: string | null;
}

interface CreateRow {
  readonly outcome: 'seen' | 'in-flight' | 'rate-limited' | 'created';
  readonly seen_fingerprint: string | null;
  readonly seen_status: number | null;
  readonly seen_body: string | null;
  /** bigint: a string. */
  readonly old_tat: string | null;
}

interface KeyRow {
  readonly fingerprint: string;
  readonly response_status: number;
  readonly response_body: string;
}

interface AuditRow {
  /** bigserial: pg returns int8 as a string. */
  readonly seq: string;
  readonly at: Date;
  readonly staff: string;
  readonly action: AuditAction;
  readonly target_id: string | null;
  readonly request_id: string;
  readonly outcome: AuditRecord['outcome'];
}

interface OutboxRow {
  readonly id: string;
  readonly type: string;
  readonly payload: string;
  readonly status: OutboxStatus;
  readonly created_at: Date;
  readonly attempts: number;
  readonly next_attempt_at: Date;
  readonly last_error: string | null;
  readonly delivered_at: Date | null;
}

/** An instant as the store returns it: ISO 8601, UTC, milliseconds. */
function iso(date: Date): string {
  return new Date(date).toISOString();
}

/** The additional authenticated data a request's content is sealed with. */
function contentAad(requestId: string): string {
  return `consultation_requests:${requestId}`;
}

/** The additional authenticated data a staff note is sealed with. */
function noteAad(requestId: string): string {
  return `status_history:${requestId}`;
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

function outboxMessage(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    type: row.type,
    payload: row.payload,
    status: row.status,
    createdAt: iso(row.created_at),
    attempts: row.attempts,
    nextAttemptAt: iso(row.next_attempt_at),
    lastError: row.last_error,
    deliveredAt: row.delivered_at === null ? null : iso(row.delivered_at),
  };
}

function keyOutcome(row: KeyRow, fingerprint: string) {
  return storedKeyOutcome(
    {
      fingerprint: row.fingerprint,
      response: { status: row.response_status, body: row.response_body },
    },
    fingerprint,
  );
}

/** Checks a rate-limit hit's instant (the limit and window are checked by {@link gcra}). */
function checkHit(hit: RateLimitHit): void {
  if (!Number.isFinite(hit.now.getTime())) throw new RangeError('now is not a valid instant');
  // gcra() checks these too; checked before anything is sent.
  gcra(undefined, { ...hit, now: new Date(0) });
}

function positiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value <= 0) {
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
}

const REQUEST_COLUMNS = 'id, received_at, status, status_changed_at, content, key_id, sealed';
const OUTBOX_COLUMNS =
  'id, type, payload, status, created_at, attempts, next_attempt_at, last_error, delivered_at';

// The statements of the hot path, named: parsed once per connection.
const SQL = {
  findKey:
    'SELECT fingerprint, response_status, response_body FROM idempotency_keys WHERE key = $1',
  // A new bucket is inserted first (TAT 0: "nothing used"), so that the SELECT … FOR UPDATE that
  // follows always finds a row to lock: two transactions on a new bucket cannot both count from
  // empty (the second insert waits for the first to commit, then finds its row).
  bucketRow: 'INSERT INTO rate_limits (bucket, tat) VALUES ($1, 0) ON CONFLICT (bucket) DO NOTHING',
  lockBucket: 'SELECT tat FROM rate_limits WHERE bucket = $1 FOR UPDATE',
  setTat: 'UPDATE rate_limits SET tat = $2 WHERE bucket = $1',
  // See migration 3.
  create: `SELECT outcome, seen_fingerprint, seen_status, seen_body, old_tat
    FROM ptfx_create_request($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
  // See migration 3: one row per create, in the order given.
  createBatch: `SELECT outcome, seen_fingerprint, seen_status, seen_body, old_tat
    FROM ptfx_create_requests($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
  audit: `
    INSERT INTO audit_log (at, staff, action, target_id, request_id, outcome)
    VALUES ($1, $2, $3, $4, $5, $6)`,
} as const;

/**
 * Most creates (or batches of creates, see the store's group commit) at the database at once,
 * per store (fewer when the pool is smaller). Under load the creates queue behind these and go
 * as batches of up to {@link MAX_BATCH}. Measured on 2 cores, 50 callers, CPU per create (node +
 * PostgreSQL): one call per create 257 µs, 4 in flight 118 µs, 2 in flight 98 µs (store level);
 * through the API 383 µs with 4, 325 µs with 2 (a bare INSERT server: 202). Fewer means bigger
 * batches; two keep a create from waiting behind one slow call (a lock wait) alone.
 */
export const CREATES_IN_FLIGHT = 2;

/** Most creates in one call of `ptfx_create_requests`. */
const MAX_BATCH = 64;

/** The store over a migrated pool. */
function postgresStore(
  db: Db,
  cipher: FieldCipher,
  pingTimeoutMs: number,
  inFlightMax: number,
): PostgresStore {
  /** A request row with its history, content and notes opened (a DataKeyError goes through). */
  const withHistory = async (
    client: pg.PoolClient,
    rows: readonly RequestRow[],
  ): Promise<StoredRequest[]> => {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const history = await client.query<HistoryRow>(
      db.named(
        'ptfx_history',
        `SELECT request_id, at, by, status, note, note_key_id FROM status_history
         WHERE request_id = ANY($1::text[]) ORDER BY seq`,
        [ids],
      ),
    );
    const byRequest = new Map<string, StatusHistoryEntry[]>();
    for (const row of history.rows) {
      const entries = byRequest.get(row.request_id) ?? [];
      const note =
        row.note === null ? null : cipher.open(row.note_key_id, row.note, noteAad(row.request_id));
      entries.push({
        at: iso(row.at),
        by: row.by,
        status: row.status,
        ...(note === null ? {} : { note }),
      });
      byRequest.set(row.request_id, entries);
    }
    return rows.map((row) => {
      const json =
        row.key_id === null
          ? row.content
          : cipher.open(row.key_id, row.sealed ?? '', contentAad(row.id));
      return {
        id: row.id,
        receivedAt: iso(row.received_at),
        status: row.status,
        statusChangedAt: iso(row.status_changed_at),
        // Stored as the JSON of already-validated content; it is never changed afterwards.
        content: JSON.parse(json) as ConsultationRequestContent,
        history: byRequest.get(row.id) ?? [],
      };
    });
  };
  const read = async (client: pg.PoolClient, id: string): Promise<StoredRequest | undefined> => {
    const { rows } = await client.query<RequestRow>(
      db.named(
        'ptfx_request',
        `SELECT ${REQUEST_COLUMNS} FROM consultation_requests WHERE id = $1`,
        [id],
      ),
    );
    const [request] = await withHistory(client, rows);
    return request;
  };
  const audit = async (
    client: pg.PoolClient,
    entry: AuditEntry,
    outcome: AuditEntry['outcome'] = entry.outcome,
  ): Promise<void> => {
    await client.query(
      db.named('ptfx_audit', SQL.audit, [
        iso(entry.at),
        entry.staff,
        entry.action,
        entry.targetId,
        entry.requestId,
        outcome,
      ]),
    );
  };
  const found = (exists: boolean): AuditEntry['outcome'] => (exists ? 'ok' : 'not-found');

  const tatOf = (row: { tat: string } | undefined): number => {
    const tat = row?.tat;
    if (tat === undefined)
      throw new Error('the rate-limit bucket row was not found after its insert');
    return Number(tat);
  };

  type CreateInput = Parameters<Store['createRequest']>[0];

  /** The 16 arguments of `ptfx_create_request` for one create (content sealed here). */
  const createArgs = (input: CreateInput): unknown[] => {
    const claim = input.idempotency;
    const hit = input.rateLimit;
    const announce = input.announce;
    const sealed = cipher.seal(JSON.stringify(input.content), contentAad(input.id));
    return [
      input.id,
      iso(input.receivedAt),
      sealed.keyId === null ? sealed.text : 'null',
      sealed.keyId,
      sealed.keyId === null ? null : sealed.text,
      claim?.key ?? null,
      claim?.fingerprint ?? null,
      input.response.status,
      input.response.body,
      announce?.id ?? null,
      announce?.type ?? null,
      announce?.payload ?? null,
      hit?.bucket ?? null,
      hit?.limit ?? null,
      hit?.windowMs ?? null,
      hit?.now.getTime() ?? null,
    ];
  };

  /** What the function's row means for `input`. */
  const createOutcome = (input: CreateInput, row: CreateRow | undefined): CreateOutcome => {
    const claim = input.idempotency;
    const hit = input.rateLimit;
    // The decision as gcra() makes it from the TAT the function read (the function decided with
    // the same arithmetic).
    const rate = (): RateLimitDecision | undefined => {
      if (hit === undefined) return undefined;
      const { newTatMs: _, ...decision } = gcra(
        row?.old_tat === null || row?.old_tat === undefined ? undefined : Number(row.old_tat),
        hit,
      );
      return decision;
    };
    switch (row?.outcome) {
      case 'seen':
        if (claim === undefined || row.seen_fingerprint === null) break;
        return keyOutcome(
          {
            fingerprint: row.seen_fingerprint,
            response_status: row.seen_status ?? 0,
            response_body: row.seen_body ?? '',
          },
          claim.fingerprint,
        );
      case 'in-flight':
        return { kind: 'key-in-flight' };
      case 'rate-limited': {
        const decision = rate();
        if (decision === undefined || decision.allowed) break;
        return { kind: 'rate-limited', rate: decision };
      }
      case 'created': {
        const response = { status: input.response.status, body: input.response.body };
        const decision = rate();
        return decision === undefined
          ? { kind: 'created', response }
          : { kind: 'created', response, rate: decision };
      }
    }
    throw new Error(`ptfx_create_request answered ${String(row?.outcome)} unexpectedly`);
  };

  /**
   * One create alone: one autocommitted call of `ptfx_create_request` (migration 3): one round
   * trip, one commit. A key committed by a writer that did not hold the lock (or between the
   * function's read and its lock) is refused by the primary key and the whole call rolls back:
   * answered as if it had been read first.
   */
  const createOne = async (input: CreateInput, args: unknown[]): Promise<CreateOutcome> => {
    try {
      const { rows } = await db.query<CreateRow>(db.named('ptfx_create', SQL.create, args));
      return createOutcome(input, rows[0]);
    } catch (error) {
      const claim = input.idempotency;
      if (
        claim !== undefined &&
        error instanceof pg.DatabaseError &&
        error.code === '23505' &&
        error.constraint === 'idempotency_keys_pkey'
      ) {
        const { rows } = await db.query<KeyRow>(
          db.named('ptfx_find_key', SQL.findKey, [claim.key]),
        );
        const seen = rows[0];
        return seen === undefined ? { kind: 'key-in-flight' } : keyOutcome(seen, claim.fingerprint);
      }
      throw error;
    }
  };

  // Group commit. At most CREATES_IN_FLIGHT creates (or batches of creates) are at the database
  // at once; the creates that arrive meanwhile wait here and go together, as ONE autocommitted
  // call of ptfx_create_requests (migration 3): one round trip, one plpgsql entry and one commit
  // (one WAL flush) for the lot, each caller answered only after that commit. A lone create at
  // low load goes at once, alone, as before. The batch is sorted by bucket, so that two batches
  // lock buckets in the same order (no deadlock between them). Should the batch fail with a
  // database error (a key or id refused by a primary key, a deadlock), it has written nothing:
  // each create runs again alone, with createOne's answers. A lost connection fails them all
  // (StoreUnavailableError), like a failed COMMIT: none of them is acknowledged.
  interface Queued {
    readonly input: CreateInput;
    readonly args: unknown[];
    readonly resolve: (outcome: CreateOutcome) => void;
    readonly reject: (error: unknown) => void;
  }
  const queue: Queued[] = [];
  let atDatabase = 0;
  const runBatch = async (batch: Queued[]): Promise<void> => {
    if (batch.length === 1) {
      const [only] = batch as [Queued];
      await createOne(only.input, only.args).then(only.resolve, only.reject);
      return;
    }
    batch.sort((a, b) => {
      const x = a.input.rateLimit?.bucket ?? '';
      const y = b.input.rateLimit?.bucket ?? '';
      return x < y ? -1 : x > y ? 1 : 0;
    });
    let rows: CreateRow[];
    try {
      const columns = Array.from({ length: 16 }, (_, i) => batch.map((q) => q.args[i]));
      ({ rows } = await db.query<CreateRow>(
        db.named('ptfx_create_batch', SQL.createBatch, columns),
      ));
    } catch (error) {
      if (error instanceof pg.DatabaseError && unavailableReason(error) === undefined) {
        await Promise.all(batch.map((q) => createOne(q.input, q.args).then(q.resolve, q.reject)));
        return;
      }
      for (const q of batch) q.reject(error);
      return;
    }
    batch.forEach((q, i) => {
      try {
        q.resolve(createOutcome(q.input, rows[i]));
      } catch (error) {
        q.reject(error);
      }
    });
  };
  const pump = (): void => {
    while (atDatabase < inFlightMax && queue.length > 0) {
      const batch = queue.splice(0, MAX_BATCH);
      atDatabase++;
      void runBatch(batch)
        .catch((error: unknown) => {
          // Not expected (runBatch answers every caller itself); never an unhandled rejection.
          for (const q of batch) q.reject(error);
        })
        .finally(() => {
          atDatabase--;
          pump();
        });
    }
  };
  const create = (input: CreateInput): Promise<CreateOutcome> =>
    new Promise((resolve, reject) => {
      // Sealed before it queues; should sealing throw, the promise rejects with its error.
      queue.push({ input, args: createArgs(input), resolve, reject });
      pump();
    });

  // Every method is async, so that an argument refused up front (RangeError) is a rejection.
  return {
    kind: 'postgres',

    async ping() {
      return db.call(async () => {
        let timer: NodeJS.Timeout | undefined;
        let expired = false;
        let holding: pg.PoolClient | undefined;
        const attempt = (async () => {
          const client = await db.acquire();
          if (expired) {
            release(client);
            return;
          }
          holding = client;
          try {
            await client.query('SELECT 1');
          } catch (error) {
            if (holding === client) release(client, error);
            holding = undefined;
            throw error;
          }
          if (holding === client) release(client);
          holding = undefined;
        })();
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            expired = true;
            // A connection that does not answer SELECT 1 in time is not one to keep.
            if (holding !== undefined) release(holding, new Error('ping timed out'));
            holding = undefined;
            reject(new StoreUnavailableError('unreachable'));
          }, pingTimeoutMs);
        });
        // The loser's rejection (late failure, or the timeout after success) is not unhandled.
        attempt.catch(() => {});
        timeout.catch(() => {});
        try {
          await Promise.race([attempt, timeout]);
        } finally {
          clearTimeout(timer);
        }
      });
    },

    async createRequest(input) {
      if (input.rateLimit !== undefined) checkHit(input.rateLimit);
      return db.call(() => create(input));
    },

    async findIdempotencyKey(key) {
      return db.call(async () => {
        const { rows } = await db.query<KeyRow>(db.named('ptfx_find_key', SQL.findKey, [key]));
        const row = rows[0];
        return row === undefined
          ? undefined
          : {
              fingerprint: row.fingerprint,
              response: { status: row.response_status, body: row.response_body },
            };
      });
    },

    async hitRateLimit(input) {
      checkHit(input);
      return db.call(() =>
        db.transaction(async (client) => {
          await client.query(db.named('ptfx_bucket_row', SQL.bucketRow, [input.bucket]));
          const { rows } = await client.query<{ tat: string }>(
            db.named('ptfx_lock_bucket', SQL.lockBucket, [input.bucket]),
          );
          const { newTatMs, ...decision } = gcra(tatOf(rows[0]), input);
          // Refused: the bucket is left as it was (its row existed: a new one always allows).
          if (newTatMs !== undefined) {
            await client.query(db.named('ptfx_set_tat', SQL.setTat, [input.bucket, newTatMs]));
          }
          return decision;
        }),
      );
    },

    async claimOutbox({ now, leaseMs, limit }) {
      positiveInteger('leaseMs', leaseMs);
      positiveInteger('limit', limit);
      return db.call(async () => {
        // One statement: the due rows are locked (rows another claim holds are skipped, not
        // waited for) and leased; the lease keeps them from the next claims after COMMIT.
        const { rows } = await db.query<OutboxRow>(
          db.named(
            'ptfx_claim_outbox',
            `WITH due AS (
               SELECT id FROM outbox
               WHERE status = 'pending' AND next_attempt_at <= $1::timestamptz
                 AND (lease_until IS NULL OR lease_until <= $1::timestamptz)
               ORDER BY created_at, id LIMIT $3
               FOR UPDATE SKIP LOCKED
             )
             UPDATE outbox o SET lease_until = $2::timestamptz FROM due WHERE o.id = due.id
             RETURNING o.id, o.type, o.payload, o.status, o.created_at, o.attempts,
                       o.next_attempt_at, o.last_error, o.delivered_at`,
            [iso(now), iso(new Date(now.getTime() + leaseMs)), limit],
          ),
        );
        return rows
          .map(outboxMessage)
          .sort((a, b) =>
            a.createdAt === b.createdAt
              ? a.id < b.id
                ? -1
                : a.id > b.id
                  ? 1
                  : 0
              : a.createdAt < b.createdAt
                ? -1
                : 1,
          );
      });
    },

    async settleOutbox(id, settlement) {
      return db.call(async () => {
        const at = iso(settlement.at);
        // A delivery is recorded whatever the message's state (it did reach the receiver),
        // unless it is recorded already; a retry or a dead-letter only settles a pending one.
        switch (settlement.kind) {
          case 'delivered':
            await db.query(
              db.named(
                'ptfx_settle_delivered',
                `UPDATE outbox SET status = 'delivered', attempts = attempts + 1,
                   delivered_at = $2, next_attempt_at = $2, lease_until = NULL, last_error = NULL
                 WHERE id = $1 AND status <> 'delivered'`,
                [id, at],
              ),
            );
            return;
          case 'retry':
            await db.query(
              db.named(
                'ptfx_settle_retry',
                `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $2,
                   lease_until = NULL, last_error = $3
                 WHERE id = $1 AND status = 'pending'`,
                [id, iso(settlement.nextAttemptAt), settlement.error],
              ),
            );
            return;
          case 'dead':
            await db.query(
              db.named(
                'ptfx_settle_dead',
                `UPDATE outbox SET status = 'dead', attempts = attempts + 1, next_attempt_at = $2,
                   lease_until = NULL, last_error = $3
                 WHERE id = $1 AND status = 'pending'`,
                [id, at, settlement.error],
              ),
            );
            return;
        }
      });
    },

    async listOutbox(query, entry) {
      const size = pageSize(query.limit);
      return db.call(() =>
        db.transaction(async (client) => {
          const where: string[] = [];
          const values: unknown[] = [];
          if (query.status !== undefined) {
            values.push(query.status);
            where.push(`status = $${values.length}`);
          }
          if (query.before !== undefined) {
            // `before` is a message id: the page continues after that message, newest first.
            values.push(query.before);
            where.push(
              `(created_at, id) < (SELECT created_at, id FROM outbox WHERE id = $${values.length})`,
            );
          }
          values.push(size + 1);
          const { rows } = await client.query<OutboxRow>(
            `SELECT ${OUTBOX_COLUMNS} FROM outbox
             ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
             ORDER BY created_at DESC, id DESC LIMIT $${values.length}`,
            values,
          );
          const items = rows.slice(0, size).map(outboxMessage);
          await audit(client, entry);
          const last = items.at(-1);
          return rows.length > size && last !== undefined ? { items, next: last.id } : { items };
        }),
      );
    },

    async redriveOutbox(id, now, entry) {
      return db.call(() =>
        db.transaction(async (client) => {
          const set = `UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = $1,
            lease_until = NULL WHERE status = 'dead'`;
          const result =
            id === undefined
              ? await client.query(set, [iso(now)])
              : await client.query(`${set} AND id = $2`, [iso(now), id]);
          const count = result.rowCount ?? 0;
          await audit(client, entry, id === undefined ? entry.outcome : found(count > 0));
          return count;
        }),
      );
    },

    async rotateKeys({ limit }) {
      positiveInteger('limit', limit);
      return db.call(() =>
        db.withClient(async (client) => {
          const current = cipher.currentKeyId;
          let resealed = 0;
          // Rows not sealed under the current key (IS DISTINCT FROM matches plaintext, NULL, too).
          const requests = await client.query<{
            id: string;
            key_id: string | null;
            content: string;
            sealed: string | null;
          }>(
            `SELECT id, key_id, content, sealed FROM consultation_requests
             WHERE key_id IS DISTINCT FROM $1 ORDER BY id LIMIT $2`,
            [current, limit],
          );
          if (requests.rows.length > 0) {
            const ids: string[] = [];
            const was: (string | null)[] = [];
            const contents: string[] = [];
            const keyIds: (string | null)[] = [];
            const sealedTexts: (string | null)[] = [];
            for (const row of requests.rows) {
              const aad = contentAad(row.id);
              const json =
                row.key_id === null ? row.content : cipher.open(row.key_id, row.sealed ?? '', aad);
              const sealed = cipher.seal(json, aad);
              ids.push(row.id);
              was.push(row.key_id);
              contents.push(sealed.keyId === null ? sealed.text : 'null');
              keyIds.push(sealed.keyId);
              sealedTexts.push(sealed.keyId === null ? null : sealed.text);
            }
            // Each row only if its key id is still the one it was read with (another instance
            // may have re-sealed it meanwhile): one statement for the batch.
            const updated = await client.query(
              `UPDATE consultation_requests c
               SET content = u.content, key_id = u.key_id, sealed = u.sealed
               FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
                 AS u(id, was, content, key_id, sealed)
               WHERE c.id = u.id AND c.key_id IS NOT DISTINCT FROM u.was`,
              [ids, was, contents, keyIds, sealedTexts],
            );
            resealed += updated.rowCount ?? 0;
          }
          const notes = await client.query<{
            seq: string;
            request_id: string;
            note: string;
            note_key_id: string | null;
          }>(
            `SELECT seq, request_id, note, note_key_id FROM status_history
             WHERE note IS NOT NULL AND note_key_id IS DISTINCT FROM $1 ORDER BY seq LIMIT $2`,
            [current, Math.max(0, limit - requests.rows.length)],
          );
          if (notes.rows.length > 0) {
            const seqs: string[] = [];
            const was: (string | null)[] = [];
            const texts: string[] = [];
            const keyIds: (string | null)[] = [];
            for (const row of notes.rows) {
              const aad = noteAad(row.request_id);
              const sealed = cipher.seal(cipher.open(row.note_key_id, row.note, aad), aad);
              seqs.push(row.seq);
              was.push(row.note_key_id);
              texts.push(sealed.text);
              keyIds.push(sealed.keyId);
            }
            const updated = await client.query(
              `UPDATE status_history h SET note = u.note, note_key_id = u.key_id
               FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[])
                 AS u(seq, was, note, key_id)
               WHERE h.seq = u.seq AND h.note_key_id IS NOT DISTINCT FROM u.was`,
              [seqs, was, texts, keyIds],
            );
            resealed += updated.rowCount ?? 0;
          }
          const counts = await client.query<{ key_id: string | null; n: number }>(
            `SELECT key_id, count(*)::int AS n FROM (
               SELECT key_id FROM consultation_requests
               UNION ALL
               SELECT note_key_id FROM status_history WHERE note IS NOT NULL
             ) AS k GROUP BY key_id`,
          );
          const byKey: Record<string, number> = {};
          for (const row of counts.rows) byKey[String(row.key_id)] = row.n;
          const remaining = Object.entries(byKey).reduce(
            (sum, [key, n]) => (key === String(current) ? sum : sum + n),
            0,
          );
          if (resealed > 0 && remaining === 0) {
            // The last batch: the old versions of the re-sealed rows (plaintext, or sealed under
            // a retired key) are dead tuples until vacuumed; prune them from the pages now.
            await client.query('VACUUM consultation_requests, status_history');
          }
          return { resealed, remaining, byKey };
        }),
      );
    },

    async listRequests(query, entry) {
      const size = pageSize(query.limit);
      const after =
        query.after === undefined
          ? undefined
          : { at: cursorInstant(query.after.receivedAt), id: query.after.id };
      return db.call(() =>
        db.transaction(async (client) => {
          const where: string[] = [];
          const values: unknown[] = [];
          const param = (value: unknown) => {
            values.push(value);
            return `$${values.length}`;
          };
          if (query.status !== undefined) where.push(`status = ${param(query.status)}`);
          if (query.receivedFrom !== undefined) {
            where.push(`received_at >= ${param(iso(query.receivedFrom))}::timestamptz`);
          }
          if (query.receivedBefore !== undefined) {
            where.push(`received_at < ${param(iso(query.receivedBefore))}::timestamptz`);
          }
          if (after !== undefined) {
            where.push(
              `(received_at, id) < (${param(iso(after.at))}::timestamptz, ${param(after.id)}::text)`,
            );
          }
          const limitParam = param(size + 1);
          const { rows } = await client.query<RequestRow>(
            `SELECT ${REQUEST_COLUMNS} FROM consultation_requests
             ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
             ORDER BY received_at DESC, id DESC LIMIT ${limitParam}`,
            values,
          );
          const items = await withHistory(client, rows.slice(0, size));
          await audit(client, entry);
          const last = items.at(-1);
          const next: RequestCursor | undefined =
            rows.length > size && last !== undefined
              ? { receivedAt: last.receivedAt, id: last.id }
              : undefined;
          return next === undefined ? { items } : { items, next };
        }),
      );
    },

    async getRequest(id, entry) {
      return db.call(() =>
        db.transaction(async (client) => {
          const request = await read(client, id);
          await audit(client, entry, found(request !== undefined));
          return request;
        }),
      );
    },

    async updateStatus(id, change, entry) {
      return db.call(() =>
        db.transaction(async (client) => {
          const changed = await client.query(
            'UPDATE consultation_requests SET status = $1, status_changed_at = $2 WHERE id = $3',
            [change.status, iso(entry.at), id],
          );
          const exists = (changed.rowCount ?? 0) > 0;
          if (exists) {
            const note =
              change.note === undefined ? undefined : cipher.seal(change.note, noteAad(id));
            await client.query(
              `INSERT INTO status_history (request_id, at, by, status, note, note_key_id)
               VALUES ($1, $2, $3, $4, $5, $6)`,
              [
                id,
                iso(entry.at),
                entry.staff,
                change.status,
                note?.text ?? null,
                note?.keyId ?? null,
              ],
            );
          }
          await audit(client, entry, found(exists));
          return exists ? read(client, id) : undefined;
        }),
      );
    },

    async deleteRequest(id, entry) {
      return db.call(() =>
        db.transaction(async (client) => {
          // History goes with it (ON DELETE CASCADE); its idempotency keys have no foreign key
          // since migration 2 (one trigger less per create): deleted here.
          const deleted = await client.query('DELETE FROM consultation_requests WHERE id = $1', [
            id,
          ]);
          const exists = (deleted.rowCount ?? 0) > 0;
          if (exists) {
            await client.query('DELETE FROM idempotency_keys WHERE request_id = $1', [id]);
          }
          await audit(client, entry, found(exists));
          return exists;
        }),
      );
    },

    async appendAudit(entry) {
      return db.call(() => db.withClient((client) => audit(client, entry)));
    },

    async listAudit(query, entry) {
      const size = pageSize(query.limit);
      return db.call(() =>
        db.transaction(async (client) => {
          const { rows } = await client.query<AuditRow>(
            query.before === undefined
              ? 'SELECT seq, at, staff, action, target_id, request_id, outcome FROM audit_log ORDER BY seq DESC LIMIT $1'
              : 'SELECT seq, at, staff, action, target_id, request_id, outcome FROM audit_log WHERE seq < $2 ORDER BY seq DESC LIMIT $1',
            query.before === undefined ? [size + 1] : [size + 1, query.before],
          );
          // Written after the read: a page shows the log as it was before this listing.
          await audit(client, entry);
          const items = rows.slice(0, size).map(auditRecord);
          const last = items.at(-1);
          return rows.length > size && last !== undefined ? { items, next: last.seq } : { items };
        }),
      );
    },

    async purge(cutoffs: PurgeCutoffs): Promise<PurgeResult> {
      return db.call(async () => {
        const result = await db.transaction(async (client) => {
          // Keys first, so the count is of keys past their own cutoff; keys of purged requests
          // then go with their request and are not counted (deleted here: no foreign key since
          // migration 2).
          const keys = await client.query('DELETE FROM idempotency_keys WHERE created_at < $1', [
            iso(cutoffs.idempotencyKeysBefore),
          ]);
          const requests = await client.query<{ n: number }>(
            `WITH gone AS (
               DELETE FROM consultation_requests
               WHERE status IN ('closed', 'spam') AND received_at < $1
               RETURNING id
             ), keys AS (
               DELETE FROM idempotency_keys WHERE request_id IN (SELECT id FROM gone)
             )
             SELECT count(*)::int AS n FROM gone`,
            [iso(cutoffs.requestsBefore)],
          );
          // A bucket whose TAT is past has its whole allowance back: dropping it changes nothing.
          const buckets = await client.query('DELETE FROM rate_limits WHERE tat < $1', [
            cutoffs.rateLimitWindowsBefore.getTime(),
          ]);
          const outbox = await client.query(
            `DELETE FROM outbox WHERE status = 'delivered' AND delivered_at < $1`,
            [iso(cutoffs.outboxDeliveredBefore)],
          );
          return {
            requests: requests.rows[0]?.n ?? 0,
            idempotencyKeys: keys.rowCount ?? 0,
            rateLimitWindows: buckets.rowCount ?? 0,
            outboxMessages: outbox.rowCount ?? 0,
          };
        });
        // Should VACUUM fail (unreachable), the deletions are committed; purging again is harmless.
        if (result.requests > 0 || result.idempotencyKeys > 0) {
          // A DELETE only marks rows dead; VACUUM prunes them from the table and index pages now
          // rather than whenever autovacuum comes by. (Freed space is reused, not zeroed, and WAL
          // and backups keep old pages for a while: encryption at rest covers those.)
          await db.withClient((client) =>
            client.query('VACUUM consultation_requests, status_history, idempotency_keys'),
          );
        }
        return result;
      });
    },

    async close() {
      return db.end();
    },
  };
}
