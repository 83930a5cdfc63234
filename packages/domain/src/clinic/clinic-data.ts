import { LineCounter, parseDocument } from 'yaml';
import { describeArgument, optionsProblem } from '../shared/arguments.js';
import type { Issue, Judgement, SourcePosition } from '../shared/issue.js';
import { findJsonSyntaxError } from '../shared/json-syntax.js';
import { issuesFromZod } from '../shared/zod-issues.js';
import { type Clinic, ClinicSchema } from './clinic.js';
import { reviewClinicUnchecked } from './review-clinic.js';
import { sourcePositionOf } from './source-position.js';

/** The formats a clinic data file can be written in. */
export type ClinicDataFormat = 'yaml' | 'json';

/** Options of {@link parseClinicData}. */
export interface ParseClinicDataOptions {
  /**
   * How the text is written: YAML 1.2 (core schema), or JSON as RFC 8259. When omitted, a text
   * whose first character other than a space, tab or line break is `{` or `[` is read as JSON,
   * anything else as YAML.
   */
  readonly format?: ClinicDataFormat | undefined;
}

/** The largest clinic data file read, in characters: 5 MiB, far above any real practice. */
export const MAX_CLINIC_DATA_LENGTH = 5 * 1024 * 1024;

/** The most YAML alias expansions allowed, so a "billion laughs" file cannot exhaust memory. */
const MAX_ALIAS_COUNT = 100;

function positionAt(lineCounter: LineCounter, offset: number): SourcePosition {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function fileIssue(
  message: string,
  position: SourcePosition | undefined,
  code = 'syntax-error',
): Issue {
  return { code, severity: 'error', message, path: [], ...(position ? { position } : {}) };
}

/** JSON when the text opens an object or array (a clinic file in JSON always does), else YAML. */
function detectFormat(text: string): ClinicDataFormat {
  return /^[ \t\r\n]*[[{]/.test(text) ? 'json' : 'yaml';
}

/** The `invalid-argument` issues of a text that is not text or options not of the documented form. */
function argumentIssues(text: unknown, options: unknown): Issue[] {
  const issues: Issue[] = [];
  if (typeof text !== 'string') {
    issues.push(
      fileIssue(
        `the clinic data must be text (the file's contents, read as UTF-8), got ${describeArgument(text)}`,
        undefined,
        'invalid-argument',
      ),
    );
  }
  const problem = optionsProblem(options, { format: ['optional', ['one of', 'yaml', 'json']] });
  if (problem) {
    const where = problem.path.map((s) => `.${s}`).join('');
    issues.push(fileIssue(`options${where}: ${problem.message}`, undefined, 'invalid-argument'));
  }
  return issues;
}

/** Parses JSON as RFC 8259 says; on failure, finds where (Node 20's message may not say). */
function parseJson(text: string, lineCounter: LineCounter): { data: unknown } | { issue: Issue } {
  try {
    return { data: JSON.parse(text) };
  } catch {
    const error = findJsonSyntaxError(text);
    const at = error ? positionAt(lineCounter, error.offset) : undefined;
    return { issue: fileIssue(`malformed JSON: ${error?.message ?? 'not valid JSON'}`, at) };
  }
}

/**
 * Parses a clinic data file (YAML or JSON) into a typed {@link Clinic}, or says everything that
 * is wrong with it: each issue has a JSON path and, from the source text, a line and column.
 * Malformed syntax, duplicate keys, unknown keys, wrong types, invalid values, broken
 * cross-references and over-long strings are all reported.
 *
 * Never throws, whatever it is given: a `text` that is not a string, or `options` that are not
 * the documented ones (`format` other than `'yaml'` or `'json'`, a key that is not an option),
 * give `{ ok: false }` with an `invalid-argument` issue. Without `format`, a text that opens with
 * `{` or `[` is read as JSON and anything else as YAML 1.2, of which JSON is a subset.
 *
 * @example
 * const result = parseClinicData(text); // YAML or JSON, told apart by the first character
 * const json = parseClinicData(text, { format: 'json' }); // JSON's own errors for malformed JSON
 * if (!result.ok) for (const i of result.issues) console.log(i.position?.line, formatPath(i.path), i.message);
 */
export function parseClinicData(text: string, options?: ParseClinicDataOptions): Judgement<Clinic> {
  const refused = argumentIssues(text, options);
  if (refused.length > 0) return { ok: false, issues: refused };
  const format = options?.format ?? detectFormat(text);
  if (text.length > MAX_CLINIC_DATA_LENGTH) {
    return {
      ok: false,
      issues: [
        fileIssue(
          `the file is ${text.length} characters; at most ${MAX_CLINIC_DATA_LENGTH} are read`,
          undefined,
          'too-large',
        ),
      ],
    };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    version: '1.2',
  });
  const json = format === 'json' ? parseJson(text, lineCounter) : undefined;
  const issues: Issue[] = json && 'issue' in json ? [json.issue] : [];
  for (const error of doc.errors) {
    const position = positionAt(lineCounter, error.pos[0]);
    if (error.code === 'DUPLICATE_KEY') {
      // JSON.parse would keep the last silently; say so instead.
      issues.push(
        fileIssue('a key appears twice in the same object; keep one', position, 'duplicate-key'),
      );
    } else if (format === 'yaml' && !issues.some((i) => i.code === 'syntax-error')) {
      // Only the first: what a YAML parser reports after a syntax error is mostly its echo.
      issues.push(fileIssue(`malformed YAML: ${error.message.split('\n')[0]}`, position));
    }
  }
  if (issues.length > 0) return { ok: false, issues };

  let data: unknown;
  if (json && 'data' in json) data = json.data;
  else {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      // yaml throws a ReferenceError when aliases expand past maxAliasCount.
      const message = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        issues: [fileIssue(`the YAML cannot be expanded: ${message}`, undefined)],
      };
    }
  }
  if (data === null || data === undefined) {
    return {
      ok: false,
      issues: [
        fileIssue(
          'the file is empty; it must hold a clinic object',
          { line: 1, column: 1 },
          'empty',
        ),
      ],
    };
  }

  const withPosition = (issue: Issue): Issue => {
    const position = sourcePositionOf(doc, lineCounter, issue.path, issue.code === 'unknown-key');
    return position ? { ...issue, position } : issue;
  };
  const parsed = ClinicSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error).map(withPosition) };
  return {
    ok: true,
    value: parsed.data,
    issues: reviewClinicUnchecked(parsed.data).map(withPosition),
  };
}
