import { expectShape, expectText } from './arguments.js';
import { ISSUE, ISSUES, JSON_PATH } from './shapes.js';

/** How much an issue matters: an `error` makes the input unusable, a `warning` should be fixed, an `info` is advice. */
export type Severity = 'error' | 'warning' | 'info';

/** One step of a JSON path: an object key or an array index. */
export type PathSegment = string | number;

/** A 1-based line and column in a source text. */
export interface SourcePosition {
  /** 1-based line number. */
  readonly line: number;
  /** 1-based column, counted in UTF-16 code units like editors do. */
  readonly column: number;
}

/** A range of a text: `start` inclusive, `end` exclusive, in UTF-16 code units. */
export interface Span {
  /** Offset of the first character. */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
}

/**
 * One finding about an input: a stable `code` for programs, a `message` for people, and where it is.
 *
 * Codes are kebab-case and never change meaning; apps map them (HTTP status, exit code) and never
 * match on `message`.
 */
export interface Issue {
  /** Stable, kebab-case identifier of the rule, e.g. `invalid-phone` or `unknown-reference`. */
  readonly code: string;
  /** How much the issue matters. */
  readonly severity: Severity;
  /** What is wrong and what to do, in one sentence, without the path. */
  readonly message: string;
  /** JSON path of the offending value, e.g. `['therapists', 1, 'npi']`; empty for the whole input. */
  readonly path: readonly PathSegment[];
  /** Where the offending value starts in the source text, when the input was text. */
  readonly position?: SourcePosition;
  /** Where in a one-line input (a credential listing) the issue is. */
  readonly span?: Span;
  /** The rule's source: the statute, board rule or policy it enforces. */
  readonly source?: string;
  /** A replacement that resolves the issue, when one is known. */
  readonly fix?: string;
}

/**
 * The result of judging an input: the typed value when it is usable, and every issue found.
 * Judging returns data; it throws only on bugs.
 */
export type Judgement<T> =
  | { readonly ok: true; readonly value: T; readonly issues: readonly Issue[] }
  | { readonly ok: false; readonly value?: undefined; readonly issues: readonly Issue[] };

/**
 * Formats a JSON path the way people read it: `therapists[1].credentials[2]`.
 *
 * @example
 * formatPath(['therapists', 1, 'npi']); // 'therapists[1].npi'
 * formatPath([]); // '(root)'
 * @throws {TypeError} when `path` is not a list of keys (text) and indexes (whole numbers)
 */
export function formatPath(path: readonly PathSegment[]): string {
  expectShape('formatPath', 'path', path, JSON_PATH);
  return pathText(path);
}

function pathText(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out === '' ? '(root)' : out;
}

/**
 * An issue as one line for people and editors: `file:line:col  path  message  [code]` (the
 * position only when the issue has one).
 *
 * @example
 * formatIssueLine('clinic.yaml', issue); // 'clinic.yaml:34:19  locations[0].address.postalCode  …  [invalid-type]'
 * @throws {TypeError} when `file` is not text or `issue` is not an issue
 */
export function formatIssueLine(file: string, issue: Issue): string {
  expectText('formatIssueLine', 'file', file, 'a file name (text) such as "clinic.yaml"');
  expectShape('formatIssueLine', 'issue', issue, ISSUE);
  const where = issue.position ? `${file}:${issue.position.line}:${issue.position.column}` : file;
  return `${where}  ${pathText(issue.path)}  ${issue.message}  [${issue.code}]`;
}

/**
 * True when no issue in the list is an error.
 *
 * @throws {TypeError} when `issues` is not a list of issues
 */
export function hasNoErrors(issues: readonly Issue[]): boolean {
  expectShape('hasNoErrors', 'issues', issues, ISSUES);
  return issues.every((issue) => issue.severity !== 'error');
}
