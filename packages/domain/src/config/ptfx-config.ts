// Reads ptfx.config.json: JSON as RFC 8259 says, checked against ptfxConfigSchema, every issue
// with its JSON path, line and column, and what to write instead.
import { LineCounter, parseDocument } from 'yaml';
import { sourcePositionOf } from '../clinic/source-position.js';
import { CREDENTIAL_PROFILES } from '../credentials/canonical-order.js';
import { CREDENTIAL_KINDS } from '../credentials/catalog-entry.js';
import { describeArgument, optionsProblem } from '../shared/arguments.js';
import type { Issue, Judgement, PathSegment, SourcePosition } from '../shared/issue.js';
import { findJsonSyntaxError } from '../shared/json-syntax.js';
import { suggestClosestUnchecked } from '../shared/suggest.js';
import { describeValue, issuesFromZod } from '../shared/zod-issues.js';
import {
  CustomCredentialSchema,
  configurableRuleCodes,
  type PtfxConfig,
  ptfxConfigSchema,
  RULE_LEVELS,
} from './ptfx-config-schema.js';

/** The name linters look for: the nearest `ptfx.config.json` up from the working directory. */
export const PTFX_CONFIG_FILE_NAME = 'ptfx.config.json';

/** The largest configuration read, in characters: 1 MiB, far above any real one. */
export const MAX_PTFX_CONFIG_LENGTH = 1024 * 1024;

/** Options of {@link parsePtfxConfig}. */
export interface ParsePtfxConfigOptions {
  /** The file the text came from, for messages that name it; `ptfx.config.json` by default. */
  readonly file?: string | undefined;
}

const TOP_KEYS = Object.keys(ptfxConfigSchema.shape);
const CUSTOM_KEYS = Object.keys(CustomCredentialSchema.shape);
const RENEWAL_KEYS: Readonly<Record<string, readonly string[]>> = {
  none: ['kind'],
  years: ['kind', 'years'],
  'fixed-cycle': ['kind', 'years', 'anchorYear'],
  'varies-by-state': ['kind'],
  unknown: ['kind'],
};
const ROLES = ['PT', 'PTA', 'other'];
/** What people write for a level from other linters: ESLint's "warn" and 0/1/2, Biome's "on". */
const LEVEL_SYNONYMS: Readonly<Record<string, string>> = {
  warn: 'warning',
  err: 'error',
  information: 'info',
  false: 'off',
  none: 'off',
  ignore: 'off',
  disable: 'off',
  disabled: 'off',
  '0': 'off',
  '1': 'warning',
  '2': 'error',
};

const list = (words: readonly string[], conjunction: 'or' | 'and' = 'or') => {
  const quoted = words.map((w) => JSON.stringify(w));
  return quoted.length < 2
    ? quoted.join('')
    : `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted[quoted.length - 1]}`;
};

function issue(
  code: string,
  message: string,
  path: readonly PathSegment[],
  position?: SourcePosition,
): Issue {
  return { code, severity: 'error', message, path, ...(position ? { position } : {}) };
}

function atPath(data: unknown, path: readonly PathSegment[]): unknown {
  let node = data;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

function suggestion(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  // The same word in another case, or in the singular or plural ("rule" for "rules").
  const near = candidates.find((c) => {
    const other = c.toLowerCase();
    return other === lower || other === `${lower}s` || `${other}s` === lower;
  });
  return near ?? suggestClosestUnchecked(word, candidates);
}

/** `; did you mean "rules"?`, or `; remove it` when nothing is close. */
function didYouMean(found: string | undefined, otherwise = '; remove it'): string {
  return found === undefined ? otherwise : `; did you mean ${JSON.stringify(found)}?`;
}

function withFix(base: Issue, found: string | undefined, message: string, code = base.code): Issue {
  return { ...base, code, message, ...(found === undefined ? {} : { fix: found }) };
}

/** Rewrites an issue from the schema so it says what to write, with a did-you-mean where one fits. */
function explain(raw: Issue, data: unknown): Issue {
  const { path } = raw;
  const last = path[path.length - 1];
  const parent = path.slice(0, -1);
  if (raw.code === 'unknown-key' && typeof last === 'string') {
    if (parent.length === 0) {
      const found = suggestion(last, TOP_KEYS);
      return withFix(
        raw,
        found,
        `unknown key "${last}" (a ptfx configuration has ${list(TOP_KEYS, 'and')})${didYouMean(found)}`,
      );
    }
    if (parent.length === 1 && parent[0] === 'rules') {
      if (last === 'invalid-argument') {
        return {
          ...raw,
          code: 'unknown-rule',
          message:
            '"invalid-argument" cannot be set: it says a listing or its options could not be judged at all; remove it',
        };
      }
      const found = suggestion(last, configurableRuleCodes());
      return withFix(
        raw,
        found,
        `unknown rule "${last}" (\`ptfx credentials explain\` lists the rules, as does the @ptfx/domain README)${didYouMean(found)}`,
        'unknown-rule',
      );
    }
    if (parent.length === 2 && parent[0] === 'catalog') {
      const found = suggestion(last, CUSTOM_KEYS);
      return withFix(
        raw,
        found,
        `unknown key "${last}" (a custom credential has ${list(CUSTOM_KEYS, 'and')})${didYouMean(found)}`,
      );
    }
    if (parent.length === 3 && parent[0] === 'catalog' && parent[2] === 'renewal') {
      const kind = atPath(data, [...parent, 'kind']);
      const keys = (typeof kind === 'string' ? RENEWAL_KEYS[kind] : undefined) ?? ['kind'];
      const found = suggestion(last, keys);
      return withFix(
        raw,
        found,
        `unknown key "${last}" (a renewal of kind "${String(kind)}" has ${list(keys, 'and')})${didYouMean(found)}`,
      );
    }
    return raw;
  }
  const given = atPath(data, path);
  const shown = describeValue(given);
  if (path.length === 0 && raw.code === 'invalid-type') {
    return {
      ...raw,
      message: `expected a JSON object such as { "rules": { "order": "off" } }, got ${shown}; write {} for the defaults`,
    };
  }
  if (path.length === 2 && path[0] === 'rules' && raw.code !== 'missing') {
    const found =
      LEVEL_SYNONYMS[String(given).toLowerCase()] ?? suggestion(String(given), RULE_LEVELS);
    return withFix(
      raw,
      found,
      `expected ${list(RULE_LEVELS)}, got ${shown}${didYouMean(found, '')}`,
      'invalid-level',
    );
  }
  if (raw.code === 'invalid-value' && typeof given === 'string') {
    const choices =
      path.length === 1 && path[0] === 'profile'
        ? CREDENTIAL_PROFILES
        : path.length === 1 && path[0] === 'role'
          ? ROLES
          : path.length === 3 && path[0] === 'catalog' && last === 'kind'
            ? CREDENTIAL_KINDS
            : path.length === 4 && path[0] === 'catalog' && path[2] === 'renewal' && last === 'kind'
              ? Object.keys(RENEWAL_KEYS)
              : undefined;
    if (choices) {
      const found = suggestion(given, choices);
      return withFix(raw, found, `expected ${list(choices)}, got ${shown}${didYouMean(found, '')}`);
    }
  }
  if (raw.code === 'missing' && path.length === 3 && path[0] === 'catalog') {
    return {
      ...raw,
      message: `"${String(last)}" is missing: a custom credential needs abbreviation, name and kind`,
    };
  }
  if (raw.code === 'missing' && path.length === 4 && path[2] === 'renewal') {
    const kind = atPath(data, [...parent, 'kind']);
    return {
      ...raw,
      message: `"${String(last)}" is missing: a renewal of kind "${String(kind)}" needs ${list((typeof kind === 'string' ? RENEWAL_KEYS[kind] : undefined) ?? ['kind'], 'and')}`,
    };
  }
  // The shared schema messages speak of YAML; this file is JSON.
  return { ...raw, message: raw.message.replace(' so YAML keeps it as written', '') };
}

/**
 * Reads a `ptfx.config.json`: `{ "$schema", "rules", "catalog", "profile", "state", "role" }`.
 * Returns the configuration, or every mistake in it, each with its JSON path, line and column and
 * what to write instead: malformed JSON, a key given twice, unknown keys and rule codes (with a
 * did-you-mean), a level other than `off`, `info`, `warning` or `error`, a bad state, profile or
 * role, and custom credentials with a field missing, a bad kind or renewal, or an abbreviation
 * another one already has.
 *
 * Never throws: a `text` that is not a string or options other than `file` give `{ ok: false }`
 * with an `invalid-argument` issue.
 *
 * @example
 * const read = parsePtfxConfig('{ "rules": { "ordr": "off" } }', { file: 'ptfx.config.json' });
 * // read.ok === false; read.issues[0]: { code: 'unknown-rule', path: ['rules', 'ordr'],
 * //   position: { line: 1, column: 14 }, message: 'unknown rule "ordr"; did you mean "order"? …', fix: 'order' }
 */
export function parsePtfxConfig(
  text: string,
  options?: ParsePtfxConfigOptions,
): Judgement<PtfxConfig> {
  const problem = optionsProblem(options, { file: ['optional', 'text'] });
  if (typeof text !== 'string' || problem) {
    const message =
      typeof text !== 'string'
        ? `the configuration must be text (the file's contents, read as UTF-8), got ${describeArgument(text)}`
        : `options${problem?.path.map((s) => `.${s}`).join('') ?? ''}: ${problem?.message}`;
    return { ok: false, issues: [issue('invalid-argument', message, [])] };
  }
  const file = options?.file ?? PTFX_CONFIG_FILE_NAME;
  if (text.length > MAX_PTFX_CONFIG_LENGTH) {
    return {
      ok: false,
      issues: [
        issue(
          'too-large',
          `${file} is ${text.length} characters; at most ${MAX_PTFX_CONFIG_LENGTH} are read`,
          [],
        ),
      ],
    };
  }
  // An editor's byte order mark is not JSON, but is no mistake of the person's either; editors
  // do not count it as a column.
  const source = text.startsWith('\ufeff') ? text.slice(1) : text;
  const lineCounter = new LineCounter();
  const positionAt = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const doc = parseDocument(source, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    version: '1.2',
  });
  if (source.trim() === '') {
    return {
      ok: false,
      issues: [
        issue(
          'empty',
          `${file} is empty; write {} for the defaults, or an object with rules, catalog, profile, state or role`,
          [],
          { line: 1, column: 1 },
        ),
      ],
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch {
    const error = findJsonSyntaxError(source);
    return {
      ok: false,
      issues: [
        issue(
          'syntax-error',
          `malformed JSON: ${error?.message ?? 'not valid JSON'}; ${file} is JSON (no comments, no trailing commas, keys in double quotes)`,
          [],
          error ? positionAt(error.offset) : undefined,
        ),
      ],
    };
  }
  const duplicates = doc.errors
    .filter((e) => e.code === 'DUPLICATE_KEY')
    .map((e) =>
      issue(
        'duplicate-key',
        'a key appears twice in the same object (JSON keeps only the last); keep one',
        [],
        positionAt(e.pos[0]),
      ),
    );
  const parsed = ptfxConfigSchema.safeParse(data, { reportInput: true });
  const found = parsed.success ? [] : issuesFromZod(parsed.error);
  const issues = [
    ...duplicates,
    ...found.map((raw) => {
      const explained = explain(raw, data);
      const atKey = explained.code === 'unknown-key' || explained.code === 'unknown-rule';
      const position = sourcePositionOf(doc, lineCounter, explained.path, atKey);
      return position ? { ...explained, position } : explained;
    }),
  ];
  if (issues.length > 0 || !parsed.success) return { ok: false, issues };
  return { ok: true, value: parsed.data as PtfxConfig, issues: [] };
}
