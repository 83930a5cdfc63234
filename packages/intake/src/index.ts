// The public surface of @ptfx/intake: the store (one interface, a SQLite and a PostgreSQL
// adapter), its migrations, retention, and the outbox deliverer (Standard Webhooks).

export { DataKeyError, type FieldCipher, PLAINTEXT } from './cipher.js';
export {
  aesGcmCipher,
  DATA_KEY_BYTES,
  type DataKey,
  DataKeyFormatError,
  dataKeyFromBytes,
  dataKeyId,
  MINT_DATA_KEY_COMMAND,
  mintDataKey,
  parseDataKeys,
} from './data-key.js';
export { MIGRATIONS, type Migration } from './migrations.js';
export { isSqliteExperimentalWarning, nodeSqlite, SQLITE_NODE } from './node-sqlite.js';
export { type DatabaseTarget, describeTarget, openStore } from './open.js';
export * from './outbox/deliverer.js';
export * from './outbox/standard-webhooks.js';
export {
  applyPostgresMigrations,
  DEFAULT_CONNECT_TIMEOUT_SECONDS,
  DEFAULT_PING_TIMEOUT_MS,
  openPostgresStore,
  type PostgresStore,
  type PostgresStoreOptions,
} from './postgres.js';
export {
  IDEMPOTENCY_KEY_TTL_MS,
  OUTBOX_DELIVERED_TTL_MS,
  purgeCutoffs,
  purgeOnce,
  type RetentionLogger,
  scheduleRetention,
} from './retention.js';
export {
  applySqliteMigrations,
  checkSqliteSettings,
  DEFAULT_BUSY_TIMEOUT_MS,
  openSqliteStore,
  type SqliteStore,
  type SqliteStoreOptions,
} from './sqlite.js';
export * from './store.js';
