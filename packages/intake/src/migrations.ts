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
    name: 'sealed personal fields, GCRA rate limits, transactional outbox, fewer indexes',
    // A sealed request keeps JSON null in `content` and the sealed text in `sealed`, under
    // `key_id`; a plaintext one (no PTFX_DATA_KEY, development) keeps `key_id` and `sealed` null.
    // A sealed staff note is in `note` with its `note_key_id`. Rate limits become one GCRA
    // theoretical arrival time per bucket (ms since the epoch); the fixed windows are dropped
    // (losing them only resets the counters). Outbox times are instants like every other.
    // Every index is written by every create, so only those a query needs are kept; these from
    // migration 1 go:
    // - consultation_requests_by_status: a staff list by status walks consultation_requests_by_time
    //   and filters, which at a practice's scale (thousands of rows) is a few ms; retention's purge
    //   by status runs once a day.
    // - idempotency_keys_by_time: keys live a day; the daily purge scans them.
    // No index on `key_id` (rotation selects `key_id IS DISTINCT FROM ?`, which no B-tree index
    // answers) nor on `rate_limits.tat` (only the daily purge reads it; without an index there a
    // bucket's update changes no indexed column, so PostgreSQL makes it a HOT update in the same
    // page, with fillfactor 70 leaving the room, and writes no index entry).
    // PostgreSQL only: idempotency_keys loses its foreign key (a trigger and a row lock on the
    // request per create) and idempotency_keys_by_request with it; the adapter deletes a request's
    // keys itself (deleteRequest, purge). SQLite keeps both: its adapter relies on the cascade.
    sqlite: `
      ALTER TABLE consultation_requests ADD COLUMN key_id TEXT;
      ALTER TABLE consultation_requests ADD COLUMN sealed TEXT;
      ALTER TABLE status_history ADD COLUMN note_key_id TEXT;
      CREATE INDEX status_history_by_key ON status_history (note_key_id) WHERE note IS NOT NULL;

      DROP TABLE rate_limit_windows;
      CREATE TABLE rate_limits (
        bucket TEXT PRIMARY KEY,
        tat INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      DROP INDEX consultation_requests_by_status;
      DROP INDEX idempotency_keys_by_time;

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
      ALTER TABLE status_history ADD COLUMN note_key_id text;
      CREATE INDEX status_history_by_key ON status_history (note_key_id) WHERE note IS NOT NULL;

      DROP TABLE rate_limit_windows;
      CREATE TABLE rate_limits (
        bucket text PRIMARY KEY,
        tat bigint NOT NULL
      ) WITH (fillfactor = 70);
      DROP INDEX consultation_requests_by_status;
      DROP INDEX idempotency_keys_by_time;
      ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_request_id_fkey;
      DROP INDEX idempotency_keys_by_request;

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
  {
    version: 3,
    name: 'PostgreSQL: consultation requests created in one call',
    // SQLite creates in-process, with no round trips to save: nothing to change there.
    sqlite: 'SELECT 1;',
    // The whole of createRequest in one function, called as one autocommitted statement: one
    // round trip and one commit instead of a transaction of seven statements. In order: the key
    // as committed (a replay is answered before the lock and the rate limit), the non-blocking
    // key lock, the bucket row locked, GCRA exactly as store.ts's gcra() computes it (the same
    // double-precision operations), then the request, its key, its announcement and the new TAT.
    // An outcome other than 'created' writes nothing. The caller computes the rate-limit decision
    // from old_tat with gcra(). A known bucket costs a SELECT … FOR UPDATE and an UPDATE, a new one
    // a SELECT and an INSERT of its first TAT (a first hit is always allowed; old_tat is then
    // NULL). Should two creates insert the same new bucket, the second's INSERT waits for the
    // first to commit, does nothing, and the loop locks the row it finds.
    // ptfx_create_requests: several creates in one call and one commit (the adapter's group
    // commit), each exactly as ptfx_create_request decides it, in the order given (a later one
    // sees what an earlier one wrote), one result row each in that order.
    postgres: `
      CREATE FUNCTION ptfx_create_request(
        p_id text, p_received_at timestamptz, p_content text, p_key_id text, p_sealed text,
        p_key text, p_fingerprint text, p_response_status integer, p_response_body text,
        p_message_id text, p_message_type text, p_payload text,
        p_bucket text, p_limit integer, p_window_ms bigint, p_now_ms bigint,
        OUT outcome text, OUT seen_fingerprint text, OUT seen_status integer,
        OUT seen_body text, OUT old_tat bigint
      ) LANGUAGE plpgsql VOLATILE AS $fn$
      DECLARE
        v_interval double precision;
        v_tat double precision;
      BEGIN
        IF p_key IS NOT NULL THEN
          SELECT k.fingerprint, k.response_status, k.response_body
            INTO seen_fingerprint, seen_status, seen_body
            FROM idempotency_keys k WHERE k.key = p_key;
          IF FOUND THEN
            outcome := 'seen';
            RETURN;
          END IF;
          IF NOT pg_try_advisory_xact_lock(hashtextextended('ptfx-idem:' || p_key, 0)) THEN
            outcome := 'in-flight';
            RETURN;
          END IF;
        END IF;
        IF p_bucket IS NOT NULL THEN
          v_interval := p_window_ms::double precision / p_limit;
          LOOP
            SELECT r.tat INTO old_tat FROM rate_limits r WHERE r.bucket = p_bucket FOR UPDATE;
            IF FOUND THEN
              v_tat := greatest(old_tat, p_now_ms)::double precision;
              IF v_tat - p_now_ms > p_window_ms - v_interval THEN
                outcome := 'rate-limited';
                RETURN;
              END IF;
              UPDATE rate_limits r SET tat = ceil(v_tat + v_interval)::bigint
                WHERE r.bucket = p_bucket;
              EXIT;
            END IF;
            INSERT INTO rate_limits (bucket, tat)
              VALUES (p_bucket, ceil(p_now_ms::double precision + v_interval)::bigint)
              ON CONFLICT (bucket) DO NOTHING;
            EXIT WHEN FOUND;
          END LOOP;
        END IF;
        INSERT INTO consultation_requests
          (id, received_at, status, status_changed_at, content, key_id, sealed)
          VALUES (p_id, p_received_at, 'new', p_received_at, p_content, p_key_id, p_sealed);
        IF p_key IS NOT NULL THEN
          INSERT INTO idempotency_keys
            (key, fingerprint, request_id, response_status, response_body, created_at)
            VALUES (p_key, p_fingerprint, p_id, p_response_status, p_response_body, p_received_at);
        END IF;
        IF p_message_id IS NOT NULL THEN
          INSERT INTO outbox (id, type, payload, status, created_at, attempts, next_attempt_at)
            VALUES (p_message_id, p_message_type, p_payload, 'pending', p_received_at, 0, p_received_at);
        END IF;
        outcome := 'created';
      END
      $fn$;
      CREATE FUNCTION ptfx_create_requests(
        p_id text[], p_received_at timestamptz[], p_content text[], p_key_id text[],
        p_sealed text[], p_key text[], p_fingerprint text[], p_response_status integer[],
        p_response_body text[], p_message_id text[], p_message_type text[], p_payload text[],
        p_bucket text[], p_limit integer[], p_window_ms bigint[], p_now_ms bigint[]
      ) RETURNS TABLE (
        outcome text, seen_fingerprint text, seen_status integer, seen_body text, old_tat bigint
      ) LANGUAGE plpgsql VOLATILE AS $fn$
      BEGIN
        FOR i IN 1 .. coalesce(array_length(p_id, 1), 0) LOOP
          SELECT * INTO outcome, seen_fingerprint, seen_status, seen_body, old_tat
            FROM ptfx_create_request(
              p_id[i], p_received_at[i], p_content[i], p_key_id[i], p_sealed[i], p_key[i],
              p_fingerprint[i], p_response_status[i], p_response_body[i], p_message_id[i],
              p_message_type[i], p_payload[i], p_bucket[i], p_limit[i], p_window_ms[i],
              p_now_ms[i]);
          RETURN NEXT;
        END LOOP;
      END
      $fn$;
    `,
  },
];
