// The SQL of the SQLite adapter: every fixed statement, prepared once per connection behind a
// function with typed parameters and results, and the rows they return read into store types.
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { ConsultationRequestContent, ConsultationRequestStatus } from '@ptfx/domain';
import { integer, nullableText, oneOf, type Row, text } from './sqlite-rows.js';
import {
  type AuditAction,
  type AuditEntry,
  type AuditRecord,
  cursorInstant,
  type IdempotencyClaim,
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

const REQUEST_COLUMNS = 'id, received_at, status, status_changed_at, content';
const AUDIT_COLUMNS = 'seq, at, staff, action, target_id, request_id, outcome';

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
  'auth.failed': 'auth.failed',
} satisfies { readonly [A in AuditAction]: A });
const AUDIT_OUTCOMES = Object.values({
  ok: 'ok',
  'not-found': 'not-found',
  refused: 'refused',
} satisfies { readonly [O in AuditRecord['outcome']]: O });

/** A consultation_requests row, without its history. */
export function requestRow(row: Row): Omit<StoredRequest, 'history'> {
  return {
    id: text(row, 'id'),
    receivedAt: text(row, 'received_at'),
    status: oneOf(row, 'status', STATUSES),
    statusChangedAt: text(row, 'status_changed_at'),
    // Stored as the JSON of already-validated content; it is never changed afterwards.
    content: JSON.parse(text(row, 'content')) as ConsultationRequestContent,
  };
}

function historyEntry(row: Row): StatusHistoryEntry {
  const note = nullableText(row, 'note');
  return {
    at: text(row, 'at'),
    by: text(row, 'by'),
    status: oneOf(row, 'status', STATUSES),
    ...(note === null ? {} : { note }),
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
export function prepareStatements(db: DatabaseSync) {
  const ping = db.prepare('SELECT 1 AS ok');
  const selectRequest = db.prepare(
    `SELECT ${REQUEST_COLUMNS} FROM consultation_requests WHERE id = ?`,
  );
  const selectHistory = db.prepare(
    'SELECT at, by, status, note FROM status_history WHERE request_id = ? ORDER BY seq',
  );
  const insertRequest = db.prepare(
    `INSERT INTO consultation_requests (id, received_at, status, status_changed_at, content)
     VALUES (?, ?, 'new', ?, ?)`,
  );
  const selectKey = db.prepare(
    'SELECT fingerprint, response_status, response_body FROM idempotency_keys WHERE key = ?',
  );
  const insertKey = db.prepare(
    `INSERT INTO idempotency_keys
       (key, fingerprint, request_id, response_status, response_body, created_at)
     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING`,
  );
  const hitRateLimit = db.prepare(
    `INSERT INTO rate_limit_windows (bucket, window_start, hits) VALUES (?, ?, 1)
     ON CONFLICT (bucket, window_start) DO UPDATE SET hits = hits + 1 RETURNING hits`,
  );
  const updateStatus = db.prepare(
    'UPDATE consultation_requests SET status = ?, status_changed_at = ? WHERE id = ?',
  );
  const insertHistory = db.prepare(
    'INSERT INTO status_history (request_id, at, by, status, note) VALUES (?, ?, ?, ?, ?)',
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
  const purgeKeys = db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?');
  const purgeRequests = db.prepare(
    `DELETE FROM consultation_requests WHERE status IN ('closed', 'spam') AND received_at < ?`,
  );
  const purgeWindows = db.prepare('DELETE FROM rate_limit_windows WHERE window_start < ?');
  /** How many rows a statement changed (always a number: BigInt results are off). */
  const changes = (result: { changes: number | bigint }) => Number(result.changes);

  return {
    ping: () => ping.get(),
    request: (id: string) => {
      const row = selectRequest.get(id);
      return row === undefined ? undefined : requestRow(row);
    },
    history: (id: string) => selectHistory.all(id).map(historyEntry),
    insertRequest: (id: string, receivedAt: string, content: string) =>
      insertRequest.run(id, receivedAt, receivedAt, content),
    key: (key: string) => {
      const row = selectKey.get(key);
      return row === undefined ? undefined : keyRow(row);
    },
    /** Stores a key; false when it was there already (ON CONFLICT DO NOTHING). */
    insertKey: (claim: IdempotencyClaim, requestId: string, response: StoredResponse, at: string) =>
      changes(
        insertKey.run(claim.key, claim.fingerprint, requestId, response.status, response.body, at),
      ) > 0,
    hitRateLimit: (bucket: string, windowStart: number) => {
      const row = hitRateLimit.get(bucket, windowStart);
      return row === undefined ? undefined : integer(row, 'hits');
    },
    /** Whether a request with this id was there to change. */
    updateStatus: (id: string, status: StoredRequest['status'], at: string) =>
      changes(updateStatus.run(status, at, id)) > 0,
    insertHistory: (
      id: string,
      at: string,
      by: string,
      status: StoredRequest['status'],
      note: string | null,
    ) => insertHistory.run(id, at, by, status, note),
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
    purgeKeys: (before: string) => changes(purgeKeys.run(before)),
    purgeRequests: (before: string) => changes(purgeRequests.run(before)),
    purgeWindows: (before: number) => changes(purgeWindows.run(before)),
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
