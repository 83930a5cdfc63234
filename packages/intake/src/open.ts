import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type FieldCipher, PLAINTEXT } from './cipher.js';
import { openPostgresStore } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './store.js';

/** Where the store is: a SQLite file, or a PostgreSQL server (a `postgres://` URL). */
export type DatabaseTarget =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string };

/**
 * Opens the store DATABASE_URL names — a SQLite file (relative paths from `cwd`) or a
 * PostgreSQL server — applying pending migrations. Throws StoreConfigError for a database that
 * cannot be used as configured, StoreUnavailableError for one that cannot be reached.
 */
export async function openStore(
  target: DatabaseTarget,
  cwd: string,
  options: OpenStoreOptions = {},
): Promise<Store> {
  const cipher = options.cipher ?? PLAINTEXT;
  if (target.kind === 'postgres') return openPostgresStore({ url: target.url, cipher });
  const path = resolve(cwd, target.path);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  return openSqliteStore({ path, cipher });
}

/** Options of {@link openStore}. */
export interface OpenStoreOptions {
  /** Seals personal fields before they reach the database. Default {@link PLAINTEXT}. */
  readonly cipher?: FieldCipher;
}

/** Where a target is, for logs: the SQLite path, or the PostgreSQL host and database — never a password. */
export function describeTarget(target: DatabaseTarget, cwd: string): string {
  if (target.kind === 'sqlite') return `SQLite ${resolve(cwd, target.path)}`;
  const url = new URL(target.url);
  return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
}
