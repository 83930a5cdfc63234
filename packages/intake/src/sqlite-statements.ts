// The SQL of the SQLite adapter: every fixed statement, prepared once per connection behind a
// function with typed parameters and results, and the rows they return read into store types.
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { ConsultationRequestContent, ConsultationRequestStatus } from '@ptfx/domain';
import type { FieldCipher } from './cipher.js';
import { integer, nullableText, oneOf, type Row, text } from './sqlite-rows.js';
import {
  type AuditAction,
  type AuditEntry,
  type AuditRecord,
  cursorInstant,
  type IdempotencyClaim,
  type OutboxInput,
  type OutboxMessage,
  type OutboxStatus,
  pageSize,
  type RequestQuery,
  type StatusHistoryEntry,
  type StoredRequest,
  type StoredResponse,
} from './store.js';

/** An instant as stored: `toISOString()` (fixed width, so text order is time order). */
export function iso(date: Date): string {
  return date.toISOString();
}

/** A cursor instant in stored form; throws RangeError when it is not an instant. */
function storedInstant(text: string): string {
  return iso(cursorInstant(text));
}

const REQUEST_COLUMNS = 'id, received_at, status, status_changed_at, content, key_id, sealed';
const AUDIT_COLUMNS = 'seq, at, staff, action, target_id, request_id, outcome';
const OUTBOX_COLUMNS =
  'id, type, payload, status, created_at, attempts, next_attempt_at, last_error, delivered_at';

/** The additional authenticated data a request's content is sealed with. */
export function contentAad(requestId: string): string {
  return `consultation_requests:${requestId}`;
}

/** The additional authenticated data a staff note is sealed with. */
export function noteAad(requestId: string): string {
  return `status_history:${requestId}`;
}

// The values the coded columns may hold (the schema's CHECK constraints say the same); written
// as objects keyed by the type so that a new status or action cannot be forgotten here.
const STATUSES = Object.values({
  new: 'new',
  contacted: 'contacted',
  scheduled: 'scheduled',
  closed: 'closed',
  spam: 'spam',
} satisfies { readonly [S in ConsultationRequestStatus]: S });
const AUDIT_ACTIONS = Object.values({
  'request.list': 'request.list',
  'request.read': 'request.read',
  'request.update': 'request.update',
  'request.delete': 'request.delete',
  'audit.list': 'audit.list',
  'outbox.list': 'outbox.list',
  'outbox.redrive': 'outbox.redrive',
  'auth.failed': 'auth.failed',
} satisfies { readonly [A in AuditAction]: A });
const OUTBOX_STATUSES = Object.values({
  pending: 'pending',
  delivered: 'delivered',
  dead: 'dead',
} satisfies { readonly [S in OutboxStatus]: S });
const AUDIT_OUTCOMES = Object.values({
  ok: 'ok',
  'not-found': 'not-found',
  refused: 'refused',
} satisfies { readonly [O in AuditRecord['outcome']]: O });

/**
 * A consultation_requests row, without its history, its content opened with `cipher` (a sealed
 * row keeps JSON `null` in `content` and the sealed text in `sealed`, under `key_id`).
 *
 * @throws DataKeyError when the content is sealed under a key `cipher` does not have.
 */
export function requestRow(row: Row, cipher: FieldCipher): Omit<StoredRequest, 'history'> {
  const id = text(row, 'id');
  const keyId = nullableText(row, 'key_id');
  const json =
    keyId === null ? text(row, 'content') : cipher.open(keyId, text(row, 'sealed'), contentAad(id));
  return {
    id,
    receivedAt: text(row, 'received_at'),
    status: oneOf(row, 'status', STATUSES),
    statusChangedAt: text(row, 'status_changed_at'),
    // Stored as the JSON of already-validated content; it is never changed afterwards.
    content: JSON.parse(json) as ConsultationRequestContent,
  };
}

function historyEntry(row: Row, requestId: string, cipher: FieldCipher): StatusHistoryEntry {
  const stored = nullableText(row, 'note');
  const note =
    stored === null
      ? null
      : cipher.open(nullableText(row, 'note_key_id'), stored, noteAad(requestId));
  return {
    at: text(row, 'at'),
    by: text(row, 'by'),
    status: oneOf(row, 'status', STATUSES),
    ...(note === null ? {} : { note }),
  };
}

/** An outbox row. */
export function outboxRow(row: Row): OutboxMessage {
  return {
    id: text(row, 'id'),
    type: text(row, 'type'),
    payload: text(row, 'payload'),
    status: oneOf(row, 'status', OUTBOX_STATUSES),
    createdAt: text(row, 'created_at'),
    attempts: integer(row, 'attempts'),
    nextAttemptAt: text(row, 'next_attempt_at'),
    lastError: nullableText(row, 'last_error'),
    deliveredAt: nullableText(row, 'delivered_at'),
  };
}

function auditRecord(row: Row): AuditRecord {
  return {
    seq: integer(row, 'seq'),
    at: text(row, 'at'),
    staff: text(row, 'staff'),
    action: oneOf(row, 'action', AUDIT_ACTIONS),
    targetId: nullableText(row, 'target_id'),
    requestId: text(row, 'request_id'),
    outcome: oneOf(row, 'outcome', AUDIT_OUTCOMES),
  };
}

/** A stored idempotency key: the fingerprint of its body and the answer that was sent. */
function keyRow(row: Row): { fingerprint: string; response: StoredResponse } {
  return {
    fingerprint: text(row, 'fingerprint'),
    response: { status: integer(row, 'response_status'), body: text(row, 'response_body') },
  };
}

/** Every fixed statement, prepared once per connection, with typed parameters and results. */
export function prepareStatements(db: DatabaseSync, cipher: FieldCipher) {
  const ping = db.prepare('SELECT 1 AS ok');
  const selectRequest = db.prepare(
    `SELECT ${REQUEST_COLUMNS} FROM consultation_requests WHERE id = ?`,
  );
  const selectHistory = db.prepare(
    'SELECT at, by, status, note, note_key_id FROM status_history WHERE request_id = ? ORDER BY seq',
  );
  const insertRequest = db.prepare(
    `INSERT INTO consultation_requests
       (id, received_at, status, status_changed_at, content, key_id, sealed)
     VALUES (?, ?, 'new', ?, ?, ?, ?)`,
  );
  const selectKey = db.prepare(
    'SELECT fingerprint, response_status, response_body FROM idempotency_keys WHERE key = ?',
  );
  const insertKey = db.prepare(
    `INSERT INTO idempotency_keys
       (key, fingerprint, request_id, response_status, response_body, created_at)
     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING`,
  );
  const selectTat = db.prepare('SELECT tat FROM rate_limits WHERE bucket = ?');
  const upsertTat = db.prepare(
    `INSERT INTO rate_limits (bucket, tat) VALUES (?, ?)
     ON CONFLICT (bucket) DO UPDATE SET tat = excluded.tat`,
  );
  const updateStatus = db.prepare(
    'UPDATE consultation_requests SET status = ?, status_changed_at = ? WHERE id = ?',
  );
  const insertHistory = db.prepare(
    `INSERT INTO status_history (request_id, at, by, status, note, note_key_id)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const deleteRequest = db.prepare('DELETE FROM consultation_requests WHERE id = ?');
  const insertAudit = db.prepare(
    `INSERT INTO audit_log (at, staff, action, target_id, request_id, outcome)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const auditPage = db.prepare(`SELECT ${AUDIT_COLUMNS} FROM audit_log ORDER BY seq DESC LIMIT ?`);
  const auditPageBefore = db.prepare(
    `SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT ?`,
  );

  const insertOutbox = db.prepare(
    `INSERT INTO outbox (id, type, payload, status, created_at, attempts, next_attempt_at)
     VALUES (?, ?, ?, 'pending', ?, 0, ?)`,
  );
  // Due and not leased (or the lease has run out), oldest first.
  const dueOutbox = db.prepare(
    `SELECT ${OUTBOX_COLUMNS} FROM outbox
     WHERE status = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
     ORDER BY created_at, id LIMIT ?`,
  );
  const leaseOutbox = db.prepare('UPDATE outbox SET lease_until = ? WHERE id = ?');
  // A delivery is recorded whatever the message's state (it did reach the receiver), unless it
  // is recorded already; a retry or a dead-letter only settles a message still pending.
  const settleDelivered = db.prepare(
    `UPDATE outbox SET status = 'delivered', attempts = attempts + 1, delivered_at = ?,
       next_attempt_at = ?, lease_until = NULL, last_error = NULL
     WHERE id = ? AND status <> 'delivered'`,
  );
  const settleRetry = db.prepare(
    `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, lease_until = NULL,
       last_error = ?
     WHERE id = ? AND status = 'pending'`,
  );
  const settleDead = db.prepare(
    `UPDATE outbox SET status = 'dead', attempts = attempts + 1, next_attempt_at = ?,
       lease_until = NULL, last_error = ?
     WHERE id = ? AND status = 'pending'`,
  );
  const redriveOne = db.prepare(
    `UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ?, lease_until = NULL
     WHERE id = ? AND status = 'dead'`,
  );
  const redriveAll = db.prepare(
    `UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ?, lease_until = NULL
     WHERE status = 'dead'`,
  );

  // Rotation: rows not sealed under the current key (`IS NOT` also matches NULL, plaintext).
  const staleRequests = db.prepare(
    `SELECT id, key_id, content, sealed FROM consultation_requests WHERE key_id IS NOT ?
     ORDER BY id LIMIT ?`,
  );
  const resealRequest = db.prepare(
    'UPDATE consultation_requests SET content = ?, key_id = ?, sealed = ? WHERE id = ? AND key_id IS ?',
  );
  const staleNotes = db.prepare(
    `SELECT seq, request_id, note, note_key_id FROM status_history
     WHERE note IS NOT NULL AND note_key_id IS NOT ? ORDER BY seq LIMIT ?`,
  );
  const resealNote = db.prepare(
    'UPDATE status_history SET note = ?, note_key_id = ? WHERE seq = ? AND note_key_id IS ?',
  );
  const requestsByKey = db.prepare(
    'SELECT key_id, count(*) AS n FROM consultation_requests GROUP BY key_id',
  );
  const notesByKey = db.prepare(
    'SELECT note_key_id AS key_id, count(*) AS n FROM status_history WHERE note IS NOT NULL GROUP BY note_key_id',
  );

  const purgeKeys = db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?');
  const purgeRequests = db.prepare(
    `DELETE FROM consultation_requests WHERE status IN ('closed', 'spam') AND received_at < ?`,
  );
  const purgeRateLimits = db.prepare('DELETE FROM rate_limits WHERE tat < ?');
  const purgeOutbox = db.prepare(
    `DELETE FROM outbox WHERE status = 'delivered' AND delivered_at < ?`,
  );
  /** How many rows a statement changed (always a number: BigInt results are off). */
  const changes = (result: { changes: number | bigint }) => Number(result.changes);

  return {
    ping: () => ping.get(),
    /** The request, opened; undefined when there is none. */
    request: (id: string) => {
      const row = selectRequest.get(id);
      return row === undefined ? undefined : requestRow(row, cipher);
    },
    /** A request's history, notes opened. */
    history: (id: string) => selectHistory.all(id).map((row) => historyEntry(row, id, cipher)),
    /** Stores a new request, its content sealed under the current key. */
    insertRequest: (id: string, receivedAt: string, content: ConsultationRequestContent) => {
      const { keyId, text: sealed } = cipher.seal(JSON.stringify(content), contentAad(id));
      return keyId === null
        ? insertRequest.run(id, receivedAt, receivedAt, sealed, null, null)
        : insertRequest.run(id, receivedAt, receivedAt, 'null', keyId, sealed);
    },
    key: (key: string) => {
      const row = selectKey.get(key);
      return row === undefined ? undefined : keyRow(row);
    },
    /** Stores a key; false when it was there already (ON CONFLICT DO NOTHING). */
    insertKey: (claim: IdempotencyClaim, requestId: string, response: StoredResponse, at: string) =>
      changes(
        insertKey.run(claim.key, claim.fingerprint, requestId, response.status, response.body, at),
      ) > 0,
    /** A bucket's theoretical arrival time (ms), undefined for a bucket not stored. */
    tat: (bucket: string) => {
      const row = selectTat.get(bucket);
      return row === undefined ? undefined : integer(row, 'tat');
    },
    setTat: (bucket: string, tat: number) => upsertTat.run(bucket, tat),
    /** Whether a request with this id was there to change. */
    updateStatus: (id: string, status: StoredRequest['status'], at: string) =>
      changes(updateStatus.run(status, at, id)) > 0,
    /** Appends a history entry, its note (if any) sealed under the current key. */
    insertHistory: (
      id: string,
      at: string,
      by: string,
      status: StoredRequest['status'],
      note: string | null,
    ) => {
      if (note === null) return insertHistory.run(id, at, by, status, null, null);
      const sealed = cipher.seal(note, noteAad(id));
      return insertHistory.run(id, at, by, status, sealed.text, sealed.keyId);
    },
    /** Whether a request with this id was there to delete. */
    deleteRequest: (id: string) => changes(deleteRequest.run(id)) > 0,
    insertAudit: (entry: AuditEntry, outcome: AuditEntry['outcome']) =>
      insertAudit.run(
        iso(entry.at),
        entry.staff,
        entry.action,
        entry.targetId,
        entry.requestId,
        outcome,
      ),
    auditPage: (limit: number, before?: number) =>
      (before === undefined ? auditPage.all(limit) : auditPageBefore.all(before, limit)).map(
        auditRecord,
      ),

    insertOutbox: (message: OutboxInput, at: string) =>
      insertOutbox.run(message.id, message.type, message.payload, at, at),
    dueOutbox: (now: string, limit: number) => dueOutbox.all(now, now, limit).map(outboxRow),
    leaseOutbox: (id: string, until: string) => leaseOutbox.run(until, id),
    settleDelivered: (id: string, at: string) => changes(settleDelivered.run(at, at, id)) > 0,
    settleRetry: (id: string, next: string, error: string) =>
      changes(settleRetry.run(next, error, id)) > 0,
    settleDead: (id: string, at: string, error: string) =>
      changes(settleDead.run(at, error, id)) > 0,
    /** Dead messages back to pending (one, or all when `id` is undefined); how many. */
    redrive: (id: string | undefined, now: string) =>
      changes(id === undefined ? redriveAll.run(now) : redriveOne.run(now, id)),

    staleRequests: (current: string | null, limit: number) =>
      staleRequests.all(current, limit).map((row) => ({
        id: text(row, 'id'),
        keyId: nullableText(row, 'key_id'),
        content: text(row, 'content'),
        sealed: nullableText(row, 'sealed'),
      })),
    resealRequest: (
      id: string,
      was: string | null,
      value: {
        readonly content: string;
        readonly keyId: string | null;
        readonly sealed: string | null;
      },
    ) => changes(resealRequest.run(value.content, value.keyId, value.sealed, id, was)) > 0,
    staleNotes: (current: string | null, limit: number) =>
      staleNotes.all(current, limit).map((row) => ({
        seq: integer(row, 'seq'),
        requestId: text(row, 'request_id'),
        note: text(row, 'note'),
        keyId: nullableText(row, 'note_key_id'),
      })),
    resealNote: (seq: number, was: string | null, note: string, keyId: string | null) =>
      changes(resealNote.run(note, keyId, seq, was)) > 0,
    /** Rows per key id (`null` for plaintext), requests and notes together. */
    byKey: () => {
      const counts: Record<string, number> = {};
      for (const row of [...requestsByKey.all(), ...notesByKey.all()]) {
        const key = String(nullableText(row, 'key_id'));
        counts[key] = (counts[key] ?? 0) + integer(row, 'n');
      }
      return counts;
    },

    purgeKeys: (before: string) => changes(purgeKeys.run(before)),
    purgeRequests: (before: string) => changes(purgeRequests.run(before)),
    purgeRateLimits: (beforeMs: number) => changes(purgeRateLimits.run(beforeMs)),
    purgeOutbox: (before: string) => changes(purgeOutbox.run(before)),
  };
}

/** The statements of one connection. */
export type SqliteStatements = ReturnType<typeof prepareStatements>;

/**
 * The outbox list query for a filter and cursor (the SQL text depends only on which are
 * present). `before` is a message id: the page continues after that message, newest first.
 */
export function outboxListSql(query: {
  readonly status?: OutboxStatus;
  readonly limit: number;
  readonly before?: string;
}): { readonly sql: string; readonly params: SQLInputValue[] } {
  const where: string[] = [];
  const params: SQLInputValue[] = [];
  if (query.status !== undefined) {
    where.push('status = ?');
    params.push(query.status);
  }
  if (query.before !== undefined) {
    where.push('(created_at, id) < (SELECT created_at, id FROM outbox WHERE id = ?)');
    params.push(query.before);
  }
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  params.push(pageSize(query.limit) + 1);
  return {
    sql: `SELECT ${OUTBOX_COLUMNS} FROM outbox ${filter} ORDER BY created_at DESC, id DESC LIMIT ?`,
    params,
  };
}

/** The list query for a given set of filters (the SQL text depends only on which are present). */
export function listSql(query: RequestQuery): {
  readonly sql: string;
  readonly params: SQLInputValue[];
} {
  const where: string[] = [];
  const params: SQLInputValue[] = [];
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
