// The one thing the API stores: consultation requests, their idempotency keys, rate-limit
// counters and the staff audit log. One interface, two adapters (SQLite and PostgreSQL) chosen by
// DATABASE_URL; `contract.ts` is the test suite both must pass.
import type {
  ConsultationRequestContent,
  ConsultationRequestStatus,
  StatusChange,
} from '@ptfx/domain';

/** A consultation request as the store keeps it. `content` is never changed after it is stored. */
export interface StoredRequest {
  /** Random UUIDv4, made by the API. */
  readonly id: string;
  /** When the request was accepted (ISO 8601 instant, UTC, millisecond precision). */
  readonly receivedAt: string;
  /** Where the request stands. `new` until a staff member changes it. */
  readonly status: ConsultationRequestStatus;
  /** When the status last changed (equal to `receivedAt` until then). */
  readonly statusChangedAt: string;
  /** What the person sent, exactly as validated (without the honeypot). */
  readonly content: ConsultationRequestContent;
  /** Every status change, oldest first. */
  readonly history: readonly StatusHistoryEntry[];
}

/** One change of a request's status, by a named staff member. */
export interface StatusHistoryEntry {
  /** When (ISO 8601 instant). */
  readonly at: string;
  /** The staff member's name, as configured in PTFX_STAFF_TOKENS. */
  readonly by: string;
  /** The new status. */
  readonly status: ConsultationRequestStatus;
  /** The staff member's note, if any. */
  readonly note?: string;
}

/** What a staff action is. */
export type AuditAction =
  | 'request.list'
  | 'request.read'
  | 'request.update'
  | 'request.delete'
  | 'audit.list'
  | 'auth.failed';

/** One row of the append-only audit log, as the caller gives it. */
export interface AuditEntry {
  /** When (the caller's clock). */
  readonly at: Date;
  /** The staff member's name; `anonymous` for a failed authentication. */
  readonly staff: string;
  /** What was done. */
  readonly action: AuditAction;
  /** Which request, for reads, changes and deletes (even when no such request exists). */
  readonly targetId: string | null;
  /** The HTTP request id, to join with the access log. */
  readonly requestId: string;
  /**
   * Whether the action succeeded. For get, update and delete the store records what happened
   * (`ok`, or `not-found` when there is no such request) whatever is given here.
   */
  readonly outcome: 'ok' | 'not-found' | 'refused';
}

/** An audit row as stored, with its sequence number (ascending; a rolled-back transaction may leave a gap). */
export interface AuditRecord {
  readonly seq: number;
  readonly at: string;
  readonly staff: string;
  readonly action: AuditAction;
  readonly targetId: string | null;
  readonly requestId: string;
  readonly outcome: 'ok' | 'not-found' | 'refused';
}

/** The HTTP answer to a consultation request POST, kept with its idempotency key for replays. */
export interface StoredResponse {
  readonly status: number;
  /** The JSON body, as sent. */
  readonly body: string;
}

/** An `Idempotency-Key` and the fingerprint of the body it came with. */
export interface IdempotencyClaim {
  /** The header's value (the API checks its shape). */
  readonly key: string;
  /** SHA-256 hex of the validated body in canonical form. */
  readonly fingerprint: string;
}

/** What happened to a create. */
export type CreateOutcome =
  /** Stored now: the request row and the key row in one transaction. */
  | { readonly kind: 'created'; readonly response: StoredResponse }
  /** The key was seen before with the same fingerprint: nothing stored, the first answer again. */
  | { readonly kind: 'replay'; readonly response: StoredResponse }
  /** The key was seen before with a different body (422). Nothing stored. */
  | { readonly kind: 'key-reused' }
  /** Another transaction holds this key right now (409). Nothing stored. */
  | { readonly kind: 'key-in-flight' };

/** The most items one page of a staff list holds. */
export const MAX_PAGE_SIZE = 100;

/** A page size the caller asked for, kept within 1..{@link MAX_PAGE_SIZE}. */
export function pageSize(limit: number): number {
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(limit)));
}

/** A cursor's instant; throws RangeError when it is not one. */
export function cursorInstant(text: string): Date {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new RangeError('the cursor is not a valid instant');
  return date;
}

/**
 * What a create finds when its Idempotency-Key is already stored: the same fingerprint replays
 * the stored answer, another one is a reused key.
 */
export function storedKeyOutcome(
  stored: { readonly fingerprint: string; readonly response: StoredResponse },
  fingerprint: string,
): Exclude<CreateOutcome, { kind: 'created' }> {
  return stored.fingerprint === fingerprint
    ? { kind: 'replay', response: stored.response }
    : { kind: 'key-reused' };
}

/** A page position for the staff list: after this (receivedAt, id), newest first. */
export interface RequestCursor {
  readonly receivedAt: string;
  readonly id: string;
}

/** Filters and paging for the staff list. */
export interface RequestQuery {
  readonly status?: ConsultationRequestStatus;
  /** Received at or after this instant. */
  readonly receivedFrom?: Date;
  /** Received strictly before this instant. */
  readonly receivedBefore?: Date;
  /** 1 to {@link MAX_PAGE_SIZE}; the store clamps it. */
  readonly limit: number;
  /** Continue after this position. */
  readonly after?: RequestCursor;
}

/** What a retention purge removes. */
export interface PurgeCutoffs {
  /** Closed and spam requests received before this are deleted, with their history. */
  readonly requestsBefore: Date;
  /** Idempotency keys stored before this are forgotten. */
  readonly idempotencyKeysBefore: Date;
  /** Rate-limit windows that started before this are dropped. */
  readonly rateLimitWindowsBefore: Date;
}

/** What a purge removed. */
export interface PurgeResult {
  readonly requests: number;
  readonly idempotencyKeys: number;
  readonly rateLimitWindows: number;
}

/** The store is out of service for now (disk full, database down, locked): answer 503. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  constructor(
    /** Why, in a word, for logs: never a query, a value or a connection string. */
    readonly reason: 'disk-full' | 'unreachable' | 'busy' | 'read-only' | 'io',
    options?: { cause?: unknown },
  ) {
    super(`the store is unavailable (${reason})`, options);
  }
}

/** The store cannot be used as configured (weak SQLite settings, bad URL): refuse to start. */
export class StoreConfigError extends Error {
  override readonly name = 'StoreConfigError';
}

/**
 * The store. Every method is atomic: it happens entirely or not at all. Staff methods take the
 * audit entry and write it in the same transaction as what they audit, so no staff read, change
 * or delete happens without its audit row. Methods throw {@link StoreUnavailableError} when the
 * database cannot be reached or written; anything else thrown is a bug.
 */
export interface Store {
  /** `sqlite` or `postgres`. */
  readonly kind: 'sqlite' | 'postgres';

  /** Resolves when the database answers (`SELECT 1`); for `/readyz`. */
  ping(): Promise<void>;

  /**
   * Stores a new request with status `new`, and with it (same transaction) the idempotency key
   * and the response to replay. With a key already stored, stores nothing and tells why.
   */
  createRequest(input: {
    readonly id: string;
    readonly receivedAt: Date;
    readonly content: ConsultationRequestContent;
    readonly idempotency?: IdempotencyClaim;
    readonly response: StoredResponse;
  }): Promise<CreateOutcome>;

  /**
   * Counts one hit in a fixed window: the window starts at `floor(now / windowMs) * windowMs`.
   * Atomic across connections and instances sharing the database (an upsert, not read-then-write).
   */
  hitRateLimit(input: {
    readonly bucket: string;
    readonly windowMs: number;
    readonly now: Date;
  }): Promise<{ readonly count: number; readonly windowStart: Date }>;

  /** Newest first, filtered and paged. */
  listRequests(
    query: RequestQuery,
    audit: AuditEntry,
  ): Promise<{ readonly items: readonly StoredRequest[]; readonly next?: RequestCursor }>;

  /** One request, or undefined. The audit row is written either way. */
  getRequest(id: string, audit: AuditEntry): Promise<StoredRequest | undefined>;

  /**
   * Sets a request's status and appends a history entry (by `audit.staff`, at `audit.at`).
   * The request's content is not touched. Undefined when there is no such request.
   */
  updateStatus(
    id: string,
    change: StatusChange,
    audit: AuditEntry,
  ): Promise<StoredRequest | undefined>;

  /** Deletes a request and its history for good. False when there was none. */
  deleteRequest(id: string, audit: AuditEntry): Promise<boolean>;

  /** Appends an audit row on its own (failed authentication). */
  appendAudit(entry: AuditEntry): Promise<void>;

  /**
   * Newest first, after `before` (a seq) when given. The list itself is audited: its row is
   * written after the read, so it shows in the next listing, not in this one.
   */
  listAudit(
    query: { readonly limit: number; readonly before?: number },
    audit: AuditEntry,
  ): Promise<{ readonly items: readonly AuditRecord[]; readonly next?: number }>;

  /**
   * Retention: deletes for real (SQLite: secure_delete, then a WAL checkpoint that truncates),
   * so no deleted bytes stay on disk.
   */
  purge(cutoffs: PurgeCutoffs): Promise<PurgeResult>;

  /** Closes connections. The store is unusable afterwards. */
  close(): Promise<void>;
}
