// What a practice keeps of what the public sends: consultation requests (their personal fields
// sealed by a FieldCipher), their idempotency keys, rate-limit state, the outbox of announcements
// and the staff audit log. One interface, two adapters (SQLite and PostgreSQL) chosen by
// DATABASE_URL; `testing/contract.ts` is the test suite both must pass.
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
  | 'outbox.list'
  | 'outbox.redrive'
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
  /**
   * Stored now: the request, its key, its outbox message and its rate-limit hit in one
   * transaction. `rate` is the decision when a rate limit was given.
   */
  | {
      readonly kind: 'created';
      readonly response: StoredResponse;
      readonly rate?: RateLimitDecision;
    }
  /** The key was seen before with the same fingerprint: nothing stored, the first answer again. */
  | { readonly kind: 'replay'; readonly response: StoredResponse }
  /** The key was seen before with a different body (422). Nothing stored. */
  | { readonly kind: 'key-reused' }
  /** Another transaction holds this key right now (409). Nothing stored. */
  | { readonly kind: 'key-in-flight' }
  /**
   * The rate limit given with the create refuses it (429). Nothing stored and nothing counted:
   * a refused request does not use up the client's allowance.
   */
  | { readonly kind: 'rate-limited'; readonly rate: RateLimitDecision };

/**
 * A rate-limit check made inside a store transaction: GCRA (the generic cell rate algorithm,
 * a sliding window with no edge bursts) over `limit` requests per `windowMs`; see {@link gcra}.
 */
export interface RateLimitHit {
  /** What is counted, already hashed by the caller (client addresses are never stored). */
  readonly bucket: string;
  /** Requests allowed per window (the burst). */
  readonly limit: number;
  /** The window, in milliseconds. */
  readonly windowMs: number;
  /** The time now (the caller's clock). */
  readonly now: Date;
}

/** What a rate-limit check decided. */
export interface RateLimitDecision {
  /** Whether the hit was allowed (and so counted). */
  readonly allowed: boolean;
  /** The policy's limit, as given. */
  readonly limit: number;
  /** Hits still allowed right now after this one (0 when refused). */
  readonly remaining: number;
  /** Milliseconds until the full allowance is back (0 when nothing is used). */
  readonly resetMs: number;
  /** When refused: milliseconds until one more hit is allowed. 0 when allowed. */
  readonly retryAfterMs: number;
}

/**
 * An announcement to write in the same transaction as the request (the transactional outbox).
 * The payload is the exact JSON the deliverer sends: never personal data.
 */
export interface OutboxInput {
  /** The Standard Webhooks `webhook-id`: unique, the same on every retry (`msg_` + a UUID). */
  readonly id: string;
  /** The event type, e.g. `consultation-request.created`. */
  readonly type: string;
  /** The JSON body to send, as text. */
  readonly payload: string;
}

/** Where an outbox message stands. */
export type OutboxStatus = 'pending' | 'delivered' | 'dead';

/** One outbox message, as stored. */
export interface OutboxMessage {
  readonly id: string;
  readonly type: string;
  readonly payload: string;
  readonly status: OutboxStatus;
  /** When it was written (with its request). */
  readonly createdAt: string;
  /** Attempts settled so far (a claimed attempt in progress is not counted until settled). */
  readonly attempts: number;
  /** When the next attempt is due (pending), else when it was settled. */
  readonly nextAttemptAt: string;
  /** Why the last attempt failed, in a few words (`http 503`, `timeout`, `network`), never a body. */
  readonly lastError: string | null;
  /** When it was delivered, if it was. */
  readonly deliveredAt: string | null;
}

/** How one claimed delivery attempt ended. */
export type OutboxSettlement =
  | { readonly kind: 'delivered'; readonly at: Date }
  /** Failed; try again at `nextAttemptAt`. */
  | {
      readonly kind: 'retry';
      readonly at: Date;
      readonly nextAttemptAt: Date;
      readonly error: string;
    }
  /** Failed for the last time (retries exhausted, or a status that is not retried): dead-letter. */
  | { readonly kind: 'dead'; readonly at: Date; readonly error: string };

/**
 * GCRA, the generic cell rate algorithm: each allowed hit moves the bucket's theoretical arrival
 * time (TAT) on by `windowMs / limit`; a hit is allowed while TAT − now ≤ windowMs − windowMs/limit.
 * `limit` hits can come at once, then one every `windowMs / limit`: a sliding window without
 * the fixed window's double burst at an edge. Refused hits leave the state alone.
 *
 * @param tatMs The bucket's stored TAT (ms since the epoch), or undefined for a new bucket.
 * @returns The decision and, when allowed, the TAT to store.
 */
export function gcra(
  tatMs: number | undefined,
  hit: Pick<RateLimitHit, 'limit' | 'windowMs' | 'now'>,
): RateLimitDecision & { readonly newTatMs?: number } {
  const { limit, windowMs } = hit;
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`limit must be a positive integer, got ${limit}`);
  if (!Number.isInteger(windowMs) || windowMs < 1)
    throw new RangeError(`windowMs must be a positive integer, got ${windowMs}`);
  const now = hit.now.getTime();
  const interval = windowMs / limit;
  const tolerance = windowMs - interval;
  const tat = Math.max(tatMs ?? now, now);
  if (tat - now > tolerance) {
    return {
      allowed: false,
      limit,
      remaining: 0,
      resetMs: Math.ceil(tat - now),
      retryAfterMs: Math.ceil(tat - now - tolerance),
    };
  }
  const newTat = tat + interval;
  const used = newTat - now;
  return {
    allowed: true,
    limit,
    remaining: Math.max(0, Math.floor((windowMs - used) / interval + 1e-9)),
    resetMs: Math.ceil(used),
    retryAfterMs: 0,
    newTatMs: Math.ceil(newTat),
  };
}

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
  /** Rate-limit buckets whose TAT is before this (fully reset) are dropped. */
  readonly rateLimitWindowsBefore: Date;
  /** Delivered outbox messages settled before this are dropped (dead ones are kept for staff). */
  readonly outboxDeliveredBefore: Date;
}

/** What a purge removed. */
export interface PurgeResult {
  readonly requests: number;
  readonly idempotencyKeys: number;
  readonly rateLimitWindows: number;
  readonly outboxMessages: number;
}

/** The store is out of service for now (disk full, database down, locked): answer 503. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  constructor(
    /** Why, in a word, for logs: never a query, a value or a connection string. */
    readonly reason: 'disk-full' | 'unreachable' | 'busy' | 'read-only' | 'io' | 'shutting-down',
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
   * Stores a new request with status `new` in ONE transaction (one durable commit) together with
   * the idempotency key and the response to replay, the rate-limit hit and the outbox message.
   * In order: a key already stored answers `replay` / `key-reused` (nothing counted); a key held
   * by another transaction answers `key-in-flight`; a refused rate limit answers `rate-limited`
   * (nothing stored, nothing counted); otherwise everything is written and `created` carries
   * the rate-limit decision. The content is sealed with the store's {@link FieldCipher} first.
   */
  createRequest(input: {
    readonly id: string;
    readonly receivedAt: Date;
    readonly content: ConsultationRequestContent;
    readonly idempotency?: IdempotencyClaim;
    readonly response: StoredResponse;
    readonly rateLimit?: RateLimitHit;
    readonly announce?: OutboxInput;
  }): Promise<CreateOutcome>;

  /**
   * The stored answer for an idempotency key, without locking or waiting: what a replay needs
   * before it queues behind anything. Undefined when the key is not (yet) committed.
   */
  findIdempotencyKey(
    key: string,
  ): Promise<{ readonly fingerprint: string; readonly response: StoredResponse } | undefined>;

  /**
   * One GCRA hit on its own (see {@link gcra}), for what is counted without being stored (a
   * honeypot). Counted only when allowed. Atomic across connections and instances.
   */
  hitRateLimit(input: RateLimitHit): Promise<RateLimitDecision>;

  /**
   * Claims up to `limit` due outbox messages (pending, `nextAttemptAt` ≤ now, not leased) for
   * this deliverer for `leaseMs`: another instance's claim skips them (PostgreSQL: FOR UPDATE
   * SKIP LOCKED), and a crashed deliverer's lease runs out so another takes over. Oldest first.
   */
  claimOutbox(input: {
    readonly now: Date;
    readonly leaseMs: number;
    readonly limit: number;
  }): Promise<readonly OutboxMessage[]>;

  /** Settles a claimed attempt: delivered, retry later, or dead (dead-letter). Counts the attempt. */
  settleOutbox(id: string, settlement: OutboxSettlement): Promise<void>;

  /** Outbox messages, newest first, for staff (dead letters, mostly). Audited. */
  listOutbox(
    query: { readonly status?: OutboxStatus; readonly limit: number; readonly before?: string },
    audit: AuditEntry,
  ): Promise<{ readonly items: readonly OutboxMessage[]; readonly next?: string }>;

  /**
   * Puts dead messages back to pending, due now, attempts reset: one by id, or every dead one
   * when `id` is undefined. Returns how many. Audited (`outbox.redrive`, target the id).
   */
  redriveOutbox(id: string | undefined, now: Date, audit: AuditEntry): Promise<number>;

  /**
   * Re-seals up to `limit` requests (content and staff notes) not sealed under the cipher's
   * current key — plaintext rows included — and tells how many remain. Safe while other
   * instances write: each row is updated only if its key id is still the one it was read with.
   */
  rotateKeys(input: { readonly limit: number }): Promise<{
    readonly resealed: number;
    readonly remaining: number;
    /** Rows per key id (null: plaintext) after this batch. */
    readonly byKey: Readonly<Record<string, number>>;
  }>;

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

  /** Closes connections, waiting for calls in progress. The store is unusable afterwards. */
  close(): Promise<void>;
}
