// node:sqlite, Node's built-in SQLite: no native build, the same node_modules on every Node. It
// is loaded on first use, so that a Node without it fails with a clear StoreConfigError rather
// than at import.
import type * as NodeSqlite from 'node:sqlite';
import { StoreConfigError } from './store.js';

/** The Node.js versions with an unflagged `node:sqlite` this package supports (as `engines.node`). */
export const SQLITE_NODE = '^22.13.0 || ^24.0.0 || ^26.0.0';

let loaded: typeof NodeSqlite | undefined;

/**
 * The `node:sqlite` module.
 *
 * @throws StoreConfigError on a Node.js without it (before 22.13, where it is missing or needs
 *   `--experimental-sqlite`).
 */
export function nodeSqlite(): typeof NodeSqlite {
  loaded ??= load();
  return loaded;
}

// Node 22 prints "ExperimentalWarning: SQLite is an experimental feature and might change at any
// time" once, when the module is first loaded (Node 24 and 26 do not). On a server's console it
// reads as a fault in the deployment, and it is not one: the API uses a small, settled part of
// the module, and its tests run on every supported Node. So that one warning, and no other, is
// dropped while the module loads; process.emitWarning is restored right after.
function load(): typeof NodeSqlite {
  const emitWarning = process.emitWarning;
  process.emitWarning = (warning: string | Error, ...rest: unknown[]) => {
    if (!isSqliteExperimentalWarning(warning, rest[0])) {
      Reflect.apply(emitWarning, process, [warning, ...rest]);
    }
  };
  try {
    // getBuiltinModule itself is missing before Node 20.16: the same answer.
    const sqlite = process.getBuiltinModule?.('node:sqlite');
    if (sqlite === undefined) {
      throw new StoreConfigError(
        `node:sqlite is not available in Node.js ${process.versions.node}: the SQLite store needs Node.js ${SQLITE_NODE}`,
      );
    }
    return sqlite;
  } finally {
    process.emitWarning = emitWarning;
  }
}

/** Whether a warning is node:sqlite's ExperimentalWarning (and nothing else). */
export function isSqliteExperimentalWarning(warning: unknown, type: unknown): boolean {
  const message = warning instanceof Error ? warning.message : warning;
  const kind = warning instanceof Error ? warning.name : type;
  return (
    kind === 'ExperimentalWarning' &&
    typeof message === 'string' &&
    message.startsWith('SQLite is an experimental feature')
  );
}
