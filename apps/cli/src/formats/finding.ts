import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Severity } from '@ptfx/domain/credentials';

/**
 * Where a finding is in a file: 1-based line and column, `endColumn` exclusive (one past the last
 * character), columns in UTF-16 code units as editors count them. SARIF and GitHub annotations
 * get the same numbers.
 */
export interface Region {
  readonly startLine: number;
  readonly startColumn?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

/**
 * One finding as every machine format reports it: the rule's code, its level, one message, and
 * where it is. `file` is the path as the user gave it; absent for listings from arguments or
 * standard input, which no file holds.
 */
export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly file?: string | undefined;
  readonly region?: Region | undefined;
  /** A replacement for the region that resolves the finding (a whole listing's canonical form). */
  readonly fix?:
    | { readonly region: Region; readonly text: string; readonly description: string }
    | undefined;
  /** Anything else worth keeping (SARIF `properties`): the listing, a JSON path. */
  readonly properties?: { readonly [key: string]: unknown } | undefined;
}

/** SARIF's name for a ptfx severity: `info` is SARIF's `note`. */
export function sarifLevel(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'info' ? 'note' : severity;
}

/**
 * A SARIF `artifactLocation` for a path as the user gave it: relative to the working directory
 * (the repository root in CI) with `/` separators, each segment percent-encoded (a space is `%20`)
 * and based on `%SRCROOT%`; a path outside the working directory as a `file:` URI.
 */
export function artifactLocation(
  path: string,
  cwd: string,
): { readonly uri: string; readonly uriBaseId?: '%SRCROOT%' } {
  const rel = isAbsolute(path) ? relative(cwd, path) : path;
  if (isAbsolute(rel) || rel.split(/[\\/]/)[0] === '..' || /^[A-Za-z]:/.test(rel))
    return { uri: pathToFileURL(isAbsolute(path) ? path : `${cwd}${sep}${path}`).href };
  const uri = rel
    .split(sep === '\\' ? /[\\/]/ : '/')
    .filter((segment, i) => !(segment === '.' && i === 0))
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  return { uri, uriBaseId: '%SRCROOT%' };
}
