// Versioned schema migrations, applied at start by both adapters in ascending order, each in its
// own transaction together with its row in `schema_migrations`. Never edit a shipped migration:
// add the next version.

/** One schema change, written for each dialect. */
export interface Migration {
  /** 1, 2, 3…: the order they apply in. */
  readonly version: number;
  /** What it does, in a few words (stored with the version). */
  readonly name: string;
  /** SQLite statements (run with `exec`). */
  readonly sqlite: string;
  /** PostgreSQL statements (run as one simple-protocol query). */
  readonly postgres: string;
}

const STATUSES = "('new', 'contacted', 'scheduled', 'closed', 'spam')";
const OUTCOMES = "('ok', 'not-found', 'refused')";
const OUTBOX_STATUSES = "('pending', 'delivered', 'dead')";

/** Every migration, oldest first. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'consultation requests, idempotency keys, rate limits, audit log',
    sqlite: `
      CREATE TABLE consultation_requests (
        id TEXT PRIMARY KEY CHECK (length(id) = 36),
        received_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ${STATUSES}),
        status_changed_at TEXT NOT NULL,
        content TEXT NOT NULL CHECK (json_valid(content))
      ) STRICT;
      CREATE INDEX consultation_requests_by_time ON consultation_requests (received_at DESC, id DESC);
      CREATE INDEX consultation_requests_by_status ON consultation_requests (status, received_at DESC, id DESC);

      CREATE TABLE status_history (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id TEXT NOT NULL REFERENCES consultation_requests (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        by TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ${STATUSES}),
        note TEXT
      ) STRICT;
      CREATE INDEX status_history_by_request ON status_history (request_id, seq);

      CREATE TABLE idempotency_keys (
        key TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        request_id TEXT NOT NULL REFERENCES consultation_requests (id) ON DELETE CASCADE,
        response_status INTEGER NOT NULL,
        response_body TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX idempotency_keys_by_time ON idempotency_keys (created_at);
      CREATE INDEX idempotency_keys_by_request ON idempotency_keys (request_id);

      CREATE TABLE rate_limit_windows (
        bucket TEXT NOT NULL,
        window_start INTEGER NOT NULL,
        hits INTEGER NOT NULL,
        PRIMARY KEY (bucket, window_start)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        staff TEXT NOT NULL,
        action TEXT NOT NULL,
        target_id TEXT,
        request_id TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ${OUTCOMES})
      ) STRICT;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    `,
    postgres: `
      CREATE TABLE consultation_requests (
        id text PRIMARY KEY CHECK (length(id) = 36),
        received_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'new' CHECK (status IN ${STATUSES}),
        status_changed_at timestamptz NOT NULL,
        content text NOT NULL
      );
      CREATE INDEX consultation_requests_by_time ON consultation_requests (received_at DESC, id DESC);
      CREATE INDEX consultation_requests_by_status ON consultation_requests (status, received_at DESC, id DESC);

      CREATE TABLE status_history (
        seq bigserial PRIMARY KEY,
        request_id text NOT NULL REFERENCES consultation_requests (id) ON DELETE CASCADE,
        at timestamptz NOT NULL,
        by text NOT NULL,
        status text NOT NULL CHECK (status IN ${STATUSES}),
        note text
      );
      CREATE INDEX status_history_by_request ON status_history (request_id, seq);

      CREATE TABLE idempotency_keys (
        key text PRIMARY KEY,
        fingerprint text NOT NULL,
        request_id text NOT NULL REFERENCES consultation_requests (id) ON DELETE CASCADE,
        response_status integer NOT NULL,
        response_body text NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX idempotency_keys_by_time ON idempotency_keys (created_at);
      CREATE INDEX idempotency_keys_by_request ON idempotency_keys (request_id);

      CREATE TABLE rate_limit_windows (
        bucket text NOT NULL,
        window_start bigint NOT NULL,
        hits integer NOT NULL,
        PRIMARY KEY (bucket, window_start)
      );

      CREATE TABLE audit_log (
        seq bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        staff text NOT NULL,
        action text NOT NULL,
        target_id text,
        request_id text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ${OUTCOMES})
      );
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the audit log is append-only'; END
      $$;
      CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
    `,
  },
  {
    version: 2,
    name: 'sealed personal fields, GCRA rate limits, transactional outbox',
    // A sealed request keeps JSON null in `content` and the sealed text in `sealed`, under
    // `key_id`; a plaintext one (no PTFX_DATA_KEY, development) keeps `key_id` and `sealed` null.
    // A sealed staff note is in `note` with its `note_key_id`. Rate limits become one GCRA
    // theoretical arrival time per bucket (ms since the epoch); the fixed windows are dropped
    // (losing them only resets the counters). Outbox times are instants like every other.
    sqlite: `
      ALTER TABLE consultation_requests ADD COLUMN key_id TEXT;
      ALTER TABLE consultation_requests ADD COLUMN sealed TEXT;
      CREATE INDEX consultation_requests_by_key ON consultation_requests (key_id);
      ALTER TABLE status_history ADD COLUMN note_key_id TEXT;
      CREATE INDEX status_history_by_key ON status_history (note_key_id) WHERE note IS NOT NULL;

      DROP TABLE rate_limit_windows;
      CREATE TABLE rate_limits (
        bucket TEXT PRIMARY KEY,
        tat INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX rate_limits_by_tat ON rate_limits (tat);

      CREATE TABLE outbox (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        payload TEXT NOT NULL CHECK (json_valid(payload)),
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ${OUTBOX_STATUSES}),
        created_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        lease_until TEXT,
        last_error TEXT,
        delivered_at TEXT
      ) STRICT;
      CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
      CREATE INDEX outbox_by_time ON outbox (created_at DESC, id DESC);
    `,
    postgres: `
      ALTER TABLE consultation_requests ADD COLUMN key_id text, ADD COLUMN sealed text;
      CREATE INDEX consultation_requests_by_key ON consultation_requests (key_id);
      ALTER TABLE status_history ADD COLUMN note_key_id text;
      CREATE INDEX status_history_by_key ON status_history (note_key_id) WHERE note IS NOT NULL;

      DROP TABLE rate_limit_windows;
      CREATE TABLE rate_limits (
        bucket text PRIMARY KEY,
        tat bigint NOT NULL
      );
      CREATE INDEX rate_limits_by_tat ON rate_limits (tat);

      CREATE TABLE outbox (
        id text PRIMARY KEY,
        type text NOT NULL,
        payload text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ${OUTBOX_STATUSES}),
        created_at timestamptz NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        lease_until timestamptz,
        last_error text,
        delivered_at timestamptz
      );
      CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
      CREATE INDEX outbox_by_time ON outbox (created_at DESC, id DESC);
    `,
  },
];
