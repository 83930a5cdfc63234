import { LineCounter, parseDocument } from 'yaml';
import type { Issue, Judgement, SourcePosition } from '../shared/issue.js';
import { findJsonSyntaxError } from '../shared/json-syntax.js';
import { issuesFromZod } from '../shared/zod-issues.js';
import { type Clinic, ClinicSchema } from './clinic.js';
import { reviewClinic } from './review-clinic.js';
import { sourcePositionOf } from './source-position.js';

/** The formats a clinic data file can be written in. */
export type ClinicDataFormat = 'yaml' | 'json';

/** Options of {@link parseClinicData}. */
export interface ParseClinicDataOptions {
  /** How the text is written. YAML 1.2 (core schema); JSON as RFC 8259. */
  readonly format: ClinicDataFormat;
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
 * cross-references and over-long strings are all reported; nothing throws.
 *
 * @example
 * const result = parseClinicData(text, { format: 'yaml' });
 * if (!result.ok) for (const i of result.issues) console.log(i.position?.line, formatPath(i.path), i.message);
 */
export function parseClinicData(text: string, options: ParseClinicDataOptions): Judgement<Clinic> {
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
  const json = options.format === 'json' ? parseJson(text, lineCounter) : undefined;
  const issues: Issue[] = json && 'issue' in json ? [json.issue] : [];
  for (const error of doc.errors) {
    const position = positionAt(lineCounter, error.pos[0]);
    if (error.code === 'DUPLICATE_KEY') {
      // JSON.parse would keep the last silently; say so instead.
      issues.push(
        fileIssue('a key appears twice in the same object; keep one', position, 'duplicate-key'),
      );
    } else if (options.format === 'yaml' && !issues.some((i) => i.code === 'syntax-error')) {
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
  return { ok: true, value: parsed.data, issues: reviewClinic(parsed.data).map(withPosition) };
}
