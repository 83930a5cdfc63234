// node:sqlite gives each row as `Record<string, SQLOutputValue>`. These read one column each and
// check its type as they read it, so a row that is not what the schema promises fails here, by
// column name, rather than as a wrong value further on.
import type { SQLOutputValue } from 'node:sqlite';

/** A row as node:sqlite returns it. */
export type Row = Record<string, SQLOutputValue>;

function wrongType(column: string, expected: string, found: SQLOutputValue | undefined): never {
  // The type only, never the value: some columns hold what people sent.
  const kind = found === null ? 'NULL' : found === undefined ? 'no such column' : typeof found;
  throw new TypeError(`SQLite column "${column}": expected ${expected}, got ${kind}`);
}

/** A TEXT column. */
export function text(row: Row, column: string): string {
  const value = row[column];
  return typeof value === 'string' ? value : wrongType(column, 'text', value);
}

/** A TEXT column that may be NULL. */
export function nullableText(row: Row, column: string): string | null {
  const value = row[column];
  return value === null || typeof value === 'string' ? value : wrongType(column, 'text', value);
}

/** An INTEGER column (read as a number: every integer the store keeps is a safe integer). */
export function integer(row: Row, column: string): number {
  const value = row[column];
  return Number.isSafeInteger(value) && typeof value === 'number'
    ? value
    : wrongType(column, 'an integer', value);
}

/** A TEXT column holding one of `values`. */
export function oneOf<T extends string>(row: Row, column: string, values: readonly T[]): T {
  const value = text(row, column);
  const found = values.find((v) => v === value);
  if (found !== undefined) return found;
  // These columns hold codes (statuses, actions, outcomes), so the value can be shown.
  throw new TypeError(
    `SQLite column "${column}": expected one of ${values.join(', ')}, got ${JSON.stringify(value)}`,
  );
}
