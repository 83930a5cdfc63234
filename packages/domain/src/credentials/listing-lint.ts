import type { UsStateCode } from '../contact/us-state.js';
import {
  describeArgument,
  isRecord,
  type OptionsProblem,
  optionsProblem,
  type Shape,
} from '../shared/arguments.js';
import type { Issue, Severity } from '../shared/issue.js';
import type { IsoDate } from '../shared/schema.js';
import {
  CUSTOM_CREDENTIALS,
  ISO_DATE,
  LINTED_CREDENTIALS,
  OUTSIDE_CATEGORIES,
  PROFILE,
  ROLE,
  STATE_CODE,
} from '../shared/shapes.js';
import { suggestClosestUnchecked } from '../shared/suggest.js';
import type { TherapistRole } from '../therapists/therapist.js';
import { canonicalListingUnchecked } from './canonical-listing.js';
import type { CredentialProfile } from './canonical-order.js';
import { type CredentialCatalog, credentialCatalog, defaultCatalog } from './catalog-lookup.js';
import type { Credential } from './credential.js';
import { type CustomCredential, customCatalogProblem } from './custom-credential.js';
import { DEFAULT_EXPIRING_WITHIN_DAYS } from './expiry.js';
import { type ParsedListing, parseCredentialListingUnchecked } from './listing-parser.js';
import { hasCredential, sourceLine } from './rules/helpers.js';
import { CREDENTIAL_RULES, type CredentialLintCode } from './rules/index.js';
import { MAX_LISTING_LENGTH } from './rules/listing-too-long.js';
import type {
  CredentialRule,
  CredentialRuleContext,
  CredentialRuleLevel,
  CredentialRuleLevels,
  RuleFinding,
} from './rules/rule.js';
import { stateTitleLaw } from './states/index.js';

export { MAX_LISTING_LENGTH, MAX_READABLE_CREDENTIALS } from './rules/listing-too-long.js';

/** Options of {@link lintCredentialListing}. */
export interface LintCredentialListingOptions {
  /** The order to judge by; `apta-2016` by default. */
  readonly profile?: CredentialProfile | undefined;
  /** The state whose title law applies (`STATE_TITLE_LAWS` lists the states with rules). */
  readonly jurisdiction?: UsStateCode | undefined;
  /** PT, PTA or other; by default PTA when the listing has PTA, else PT. */
  readonly role?: TherapistRole | undefined;
  /** The date expiry is judged on; without it, expiry is not checked. */
  readonly asOf?: IsoDate | undefined;
  /** The person's structured credentials, for expiry and issuers. */
  readonly credentials?: readonly Credential[] | undefined;
  /** Days before expiry that count as expiring; 90 by default. */
  readonly expiringWithinDays?: number | undefined;
  /** Under apta-2016, spell out (default) or omit credentials outside APTA's categories in the fix. */
  readonly outsideCategories?: 'spell-out' | 'omit' | undefined;
  /**
   * Rule levels by code, as `ptfx.config.json` writes them: `off` drops the rule, `info`,
   * `warning` or `error` replaces its severity (also where a state's law sets one). Every code of
   * `CREDENTIAL_RULES` but `invalid-argument`. A listing past {@link MAX_LISTING_LENGTH}
   * characters is refused as an error whatever `listing-too-long` is set to: nothing was read.
   */
  readonly rules?: CredentialRuleLevels | undefined;
  /**
   * The organisation's own credentials, merged into the catalog the listing is read with
   * (`credentialCatalog`): pass the same array for every listing of a roster, so it is built
   * (and checked) once.
   */
  readonly catalog?: readonly CustomCredential[] | undefined;
}

const LEVELS: readonly string[] = ['off', 'info', 'warning', 'error'];

const LINT_OPTIONS: { readonly [name: string]: Shape } = {
  profile: ['optional', PROFILE],
  jurisdiction: ['optional', STATE_CODE],
  role: ['optional', ROLE],
  asOf: ['optional', ISO_DATE],
  credentials: ['optional', LINTED_CREDENTIALS],
  expiringWithinDays: [
    'optional',
    ['test', 'a whole number of days, 0 or more', (v) => Number.isSafeInteger(v) && Number(v) >= 0],
  ],
  outsideCategories: ['optional', OUTSIDE_CATEGORIES],
  rules: [
    'optional',
    ['test', 'an object of rule levels by code, such as { "order": "off" }', isRecord],
  ],
  // The entries are checked against CUSTOM_CREDENTIALS by catalogProblem, once per array.
  catalog: ['optional', ['test', CUSTOM_CREDENTIALS.what, Array.isArray]],
};

/** The judgement of one credential listing. */
export interface CredentialListingLint {
  /** The listing as given (`''` when it was not text). */
  readonly input: string;
  /** No error and no warning (info issues allowed). */
  readonly clean: boolean;
  /** Every finding, each with a stable code, severity, message, span, source and fix where known. */
  readonly issues: readonly Issue[];
  /** The listing read into parts; absent when it was not read (too long, or not text, or bad options). */
  readonly parsed?: ParsedListing;
  /** The listing in canonical form under the options; absent when it was not read. */
  readonly canonical?: string;
  /** The canonical form when it differs from the input. */
  readonly fix?: string;
}

/** A rule ready to run: its module, code, default severity and source line, worked out once. */
interface RunnableRule {
  readonly rule: CredentialRule;
  readonly code: CredentialLintCode;
  readonly severity: Severity;
  readonly source: string;
}

let runnable: readonly RunnableRule[] | undefined;
const byCode = new Map<string, RunnableRule>();

/** The rules with their source lines, built on first use (importing does no work). */
function runnableRules(): readonly RunnableRule[] {
  if (runnable) return runnable;
  runnable = CREDENTIAL_RULES.map((rule) => {
    const made: RunnableRule = {
      rule,
      code: rule.meta.code,
      severity: rule.meta.severity,
      source: sourceLine(rule.meta),
    };
    byCode.set(made.code, made);
    return made;
  });
  return runnable;
}

type MutableIssue = { -readonly [K in keyof Issue]: Issue[K] };

function makeIssue(
  code: CredentialLintCode,
  severity: Severity,
  source: string,
  finding: RuleFinding,
): Issue {
  // Built in one shape, keys in the order they had before the rules became modules.
  const made: MutableIssue = {
    code,
    severity,
    message: finding.message,
    path: finding.path ?? [],
    source,
  };
  if (finding.span) made.span = finding.span;
  if (finding.fix !== undefined) made.fix = finding.fix;
  return made;
}

/** An issue the linter itself raises (arguments, the length refusal), under a rule's code. */
function linterIssue(code: CredentialLintCode, finding: RuleFinding): Issue {
  runnableRules();
  const rule = byCode.get(code) as RunnableRule;
  return makeIssue(code, finding.severity ?? rule.severity, rule.source, finding);
}

const NO_SPAN = Number.MAX_SAFE_INTEGER;

/** The parser, reading with the given catalog (its second parameter, contract §4). */
const parse: (text: string, catalog: CredentialCatalog) => ParsedListing =
  parseCredentialListingUnchecked;

/** By place in the listing; issues without a place (expiry of an unlisted credential) by their credential. */
function byPlace(a: Issue, b: Issue): number {
  const d = (a.span?.start ?? NO_SPAN) - (b.span?.start ?? NO_SPAN);
  if (d !== 0 || a.span !== undefined || b.span !== undefined) return d;
  return pathIndex(a) - pathIndex(b);
}

function pathIndex(issue: Issue): number {
  const index = issue.path[1];
  return typeof index === 'number' ? index : NO_SPAN;
}

/**
 * Judges a credential listing against APTA's order (current or legacy), the title laws of the
 * states in `STATE_TITLE_LAWS` ("Dr." and the PT/PTA designation), the rules for assistants,
 * ambiguity and — given structured credentials and a date — expiry: every rule of
 * `CREDENTIAL_RULES`, each at its default severity or the level `rules` sets. Custom credentials
 * (`catalog`) are read as the catalog's own. Returns every issue with a stable code, and the
 * canonical listing as the fix. Never throws, whatever it is given: a listing over
 * {@link MAX_LISTING_LENGTH} characters is refused unread, and a listing that is not text or
 * options that are not the documented ones (a misspelt key, `jurisdiction: 'California'`, a date
 * not written `YYYY-MM-DD`, a rule code that does not exist) are `invalid-argument` errors, with
 * the option's path, and nothing else is judged.
 *
 * @example
 * const result = lintCredentialListing('Dr. Mark Shulman — Doctor of Physical Therapy (DPT), FAAOMPT, COMT, CSCS', { jurisdiction: 'CA' });
 * result.issues.map((i) => i.code); // ['missing-designation', 'degree-as-designation', 'outside-apta-categories', …]
 * result.fix; // 'Dr. Mark Shulman, Doctor of Physical Therapy, PT, Fellow of the American Academy …'
 * lintCredentialListing('Jane Doe, PT, MBA, DPT', { rules: { order: 'off' } }).clean; // true
 */
export function lintCredentialListing(
  text: string,
  options: LintCredentialListingOptions = {},
): CredentialListingLint {
  const refused = argumentIssues(text, options);
  if (refused)
    return { input: typeof text === 'string' ? text : '', clean: false, issues: refused };
  if (text.length > MAX_LISTING_LENGTH) {
    return {
      input: text,
      clean: false,
      issues: [
        linterIssue('listing-too-long', {
          message: `the listing is ${text.length} characters; at most ${MAX_LISTING_LENGTH} are read`,
          span: { start: MAX_LISTING_LENGTH, end: text.length },
          severity: 'error',
        }),
      ],
    };
  }
  const profile = options.profile ?? 'apta-2016';
  const catalog: CredentialCatalog =
    options.catalog === undefined ? defaultCatalog() : credentialCatalog(options.catalog);
  const parsed = parse(text, catalog);
  const role: TherapistRole = options.role ?? (hasCredential(parsed, 'PTA') ? 'PTA' : 'PT');
  const jurisdiction = options.jurisdiction;
  const canonical = canonicalListingUnchecked(
    parsed,
    {
      profile,
      role,
      ...(jurisdiction ? { jurisdiction } : {}),
      ...(options.outsideCategories ? { outsideCategories: options.outsideCategories } : {}),
    },
    catalog,
  );
  const context: CredentialRuleContext = {
    text,
    profile,
    role,
    jurisdiction,
    law: stateTitleLaw(jurisdiction),
    asOf: options.asOf,
    credentials: options.credentials,
    expiringWithinDays: options.expiringWithinDays ?? DEFAULT_EXPIRING_WITHIN_DAYS,
    canonical,
    catalog,
  };

  const issues: Issue[] = [];
  const levels = options.rules;
  let current = runnableRules()[0] as RunnableRule;
  let level: Severity | undefined;
  const report = (finding: RuleFinding) => {
    issues.push(
      makeIssue(
        current.code,
        level ?? finding.severity ?? current.severity,
        current.source,
        finding,
      ),
    );
  };
  for (const entry of runnableRules()) {
    level = undefined;
    if (levels !== undefined && Object.hasOwn(levels, entry.code)) {
      const set = levels[entry.code] as CredentialRuleLevel;
      if (set === 'off') continue;
      level = set;
    }
    current = entry;
    entry.rule.check(parsed, context, report);
  }

  issues.sort(byPlace);
  let clean = true;
  for (const issue of issues) if (issue.severity !== 'info') clean = false;
  return {
    input: text,
    clean,
    issues,
    parsed,
    canonical,
    ...(canonical === text ? {} : { fix: canonical }),
  };
}

/** The `invalid-argument` issues of a listing that is not text or options not of the documented form. */
function argumentIssues(text: unknown, options: unknown): Issue[] | undefined {
  const problem = optionsProblem(options, LINT_OPTIONS) ?? detailProblem(options);
  if (typeof text === 'string' && !problem) return undefined;
  const issues: Issue[] = [];
  if (typeof text !== 'string')
    issues.push(
      linterIssue('invalid-argument', {
        message: `the listing must be text, got ${describeArgument(text)}`,
      }),
    );
  if (problem)
    issues.push(
      linterIssue('invalid-argument', { message: problem.message, path: [...problem.path] }),
    );
  return issues;
}

/** What the shapes cannot say: a rule code or level that does not exist, a bad custom credential. */
function detailProblem(options: unknown): OptionsProblem | undefined {
  if (!isRecord(options)) return undefined;
  const rules = options.rules;
  if (isRecord(rules)) {
    const problem = rulesProblem(rules);
    if (problem) return problem;
  }
  const catalog = options.catalog;
  if (Array.isArray(catalog)) {
    const problem = catalogProblem(catalog);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * What is wrong with a `rules` option (levels by rule code), or `undefined`: an unknown code,
 * `invalid-argument`, or a level other than off, info, warning, error. The one check of rule
 * levels, for this linter and for `lintTherapistListing`.
 */
export function rulesProblem(rules: Readonly<Record<string, unknown>>): OptionsProblem | undefined {
  runnableRules();
  for (const code of Object.keys(rules)) {
    const path = ['rules', code];
    if (code === 'invalid-argument')
      return {
        path,
        message:
          'invalid-argument cannot be configured: a listing that is not text or a wrong option is always an error',
      };
    if (!byCode.has(code)) {
      const near = suggestClosestUnchecked(code, configurableCodes());
      return {
        path,
        message: `unknown rule "${code}"${near ? `; did you mean "${near}"?` : ''}; the rules are ${configurableCodes().join(', ')}`,
      };
    }
    const level = rules[code];
    if (typeof level !== 'string' || !LEVELS.includes(level)) {
      const near = typeof level === 'string' ? nearestLevel(level) : undefined;
      return {
        path,
        message: `expected "off", "info", "warning" or "error", got ${describeArgument(level)}${near ? `; did you mean "${near}"?` : ''}`,
      };
    }
  }
  return undefined;
}

/** The level a mistyped one probably meant: "warn" → "warning", "Error" → "error". */
function nearestLevel(given: string): string | undefined {
  const lower = given.trim().toLowerCase();
  if (lower.length >= 2) for (const level of LEVELS) if (level.startsWith(lower)) return level;
  return suggestClosestUnchecked(lower, LEVELS);
}

let codes: readonly string[] | undefined;
/** Every code but invalid-argument. */
function configurableCodes(): readonly string[] {
  codes ??= runnableRules()
    .map((r) => r.code)
    .filter((code) => code !== 'invalid-argument');
  return codes;
}

// A catalog array is checked once, as credentialCatalog builds it once.
const catalogProblems = new WeakMap<readonly unknown[], OptionsProblem | null>();

function catalogProblem(catalog: readonly unknown[]): OptionsProblem | undefined {
  const known = catalogProblems.get(catalog);
  if (known !== undefined) return known ?? undefined;
  const found = customCatalogProblem(catalog);
  const problem: OptionsProblem | null = found
    ? { path: ['catalog', ...found.path], message: found.message }
    : null;
  catalogProblems.set(catalog, problem);
  return problem ?? undefined;
}
