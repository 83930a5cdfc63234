import type { UsStateCode } from '../contact/us-state.js';
import { describeArgument, optionsProblem, type Shape } from '../shared/arguments.js';
import type { Issue, Severity, Span } from '../shared/issue.js';
import type { IsoDate } from '../shared/schema.js';
import {
  ISO_DATE,
  LINTED_CREDENTIALS,
  OUTSIDE_CATEGORIES,
  PROFILE,
  ROLE,
  STATE_CODE,
} from '../shared/shapes.js';
import type { TherapistRole } from '../therapists/therapist.js';
import { canonicalListingUnchecked } from './canonical-listing.js';
import {
  aptaCategory,
  type CredentialProfile,
  credentialLabel,
  highestPtDegreeUnchecked,
  legacyRank,
} from './canonical-order.js';
import type { CatalogEntry } from './catalog-entry.js';
import { findCredential, findCredentialByName } from './catalog-lookup.js';
import type { Credential } from './credential.js';
import { credentialExpiryUnchecked, DEFAULT_EXPIRING_WITHIN_DAYS } from './expiry.js';
import { CREDENTIAL_LINT_RULES, type CredentialLintCode } from './lint-rules.js';
import {
  type CredentialToken,
  type ParsedListing,
  parseCredentialListingUnchecked,
} from './listing-parser.js';
import {
  CALIFORNIA_TITLE_DEGREES,
  isBarredForAssistant,
  isDesignation,
  titleDegreeUnchecked,
} from './title-rules.js';

/** The longest listing read, in characters; a longer one is refused unread (`listing-too-long`). */
export const MAX_LISTING_LENGTH = 300;
/** More credentials than this make a listing hard to read (`listing-too-long` warning). */
export const MAX_READABLE_CREDENTIALS = 6;

/** Options of {@link lintCredentialListing}. */
export interface LintCredentialListingOptions {
  /** The order to judge by; `apta-2016` by default. */
  readonly profile?: CredentialProfile | undefined;
  /** The state whose title law applies (CA, TX, FL and NY have "Dr." rules). */
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
}

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

function issue(
  code: CredentialLintCode,
  message: string,
  span: Span | undefined,
  extra: { severity?: Severity; fix?: string; path?: (string | number)[] } = {},
): Issue {
  const rule = CREDENTIAL_LINT_RULES[code];
  return {
    code,
    severity: extra.severity ?? rule.severity,
    message,
    path: extra.path ?? [],
    source: rule.source,
    ...(span ? { span } : {}),
    ...(extra.fix === undefined ? {} : { fix: extra.fix }),
  };
}

function describeRank(entry: CatalogEntry, profile: CredentialProfile): string {
  if (profile === 'apta-legacy') {
    return (
      [
        '',
        'designation',
        'PT degree',
        'other academic degree',
        'ABPTS certification',
        'other credential',
        'honor',
      ][legacyRank(entry)] ?? ''
    );
  }
  return (
    [
      '',
      'designation',
      'PT degree',
      'other regulated occupation',
      'other academic degree',
      'FAPTA',
    ][aptaCategory(entry) ?? 0] ?? ''
  );
}

/**
 * Judges a credential listing against APTA's order (current or legacy), the "Dr." title laws of
 * California, Texas, Florida and New York, the rules for assistants, ambiguity and — given
 * structured credentials and a date — expiry. Returns every issue with a stable code, and the
 * canonical listing as the fix. Never throws, whatever it is given: a listing over
 * {@link MAX_LISTING_LENGTH} characters is refused unread, and a listing that is not text or
 * options that are not the documented ones (a misspelt key, `jurisdiction: 'California'`, a date
 * not written `YYYY-MM-DD`) are `invalid-argument` errors, with the option's path, and nothing
 * else is judged.
 *
 * @example
 * const result = lintCredentialListing('Dr. Mark Shulman — Doctor of Physical Therapy (DPT), FAAOMPT, COMT, CSCS', { jurisdiction: 'CA' });
 * result.issues.map((i) => i.code); // ['missing-designation', 'degree-as-designation', 'outside-apta-categories', …]
 * result.fix; // 'Dr. Mark Shulman, Doctor of Physical Therapy, PT, Fellow of the American Academy …'
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
        issue(
          'listing-too-long',
          `the listing is ${text.length} characters; at most ${MAX_LISTING_LENGTH} are read`,
          { start: MAX_LISTING_LENGTH, end: text.length },
          { severity: 'error' },
        ),
      ],
    };
  }
  const profile = options.profile ?? 'apta-2016';
  const parsed = parseCredentialListingUnchecked(text);
  const creds = parsed.credentials;
  const has = (id: string) => creds.some((c) => c.credential.id === id);
  const role: TherapistRole = options.role ?? (has('PTA') ? 'PTA' : 'PT');
  const jurisdiction = options.jurisdiction;
  const canonical = canonicalListingUnchecked(parsed, {
    profile,
    role,
    ...(jurisdiction ? { jurisdiction } : {}),
    ...(options.outsideCategories ? { outsideCategories: options.outsideCategories } : {}),
  });
  const issues: Issue[] = [];
  const whole: Span = { start: 0, end: text.length };

  if (creds.length === 0 && parsed.unknown.length === 0) {
    issues.push(
      issue('empty-listing', 'the listing names no credential; a PT lists at least "PT"', whole),
    );
  }
  for (const token of parsed.unknown) {
    issues.push(
      issue(
        'unknown-credential',
        token.suggestion
          ? `unknown credential "${token.text}"; did you mean "${token.suggestion}"?`
          : `unknown credential "${token.text}"; check the spelling, or spell it out`,
        token.span,
        token.suggestion ? { fix: token.suggestion } : {},
      ),
    );
  }
  const seen = new Map<string, CredentialToken>();
  for (const token of creds) {
    const first = seen.get(token.credential.id);
    if (first)
      issues.push(
        issue(
          'duplicate-credential',
          `${credentialLabel(token.credential)} appears twice ("${first.text}" and "${token.text}"); keep one`,
          token.span,
          { fix: canonical },
        ),
      );
    else seen.set(token.credential.id, token);
  }

  // The CA title form: "Dr. Jane Doe, Doctor of Physical Therapy, PT, …" puts the written-out
  // doctorate before PT on purpose; it is the title's qualifier, not a misplaced degree.
  const caTitleDegree =
    jurisdiction === 'CA' &&
    parsed.honorific &&
    creds[0]?.form !== 'abbreviation' &&
    CALIFORNIA_TITLE_DEGREES.includes(creds[0]?.credential.id ?? '')
      ? creds[0]
      : undefined;
  const listed = creds.filter((c) => c !== caTitleDegree);

  if (role !== 'other' && creds.length + parsed.unknown.length > 0) {
    const designation = creds.find((c) => isDesignation(c.credential));
    const obsolete = creds.find((c) => c.credential.kind === 'obsolete-designation');
    if (designation?.credential.id === 'PT' && obsolete) {
      issues.push(
        issue(
          'duplicate-credential',
          `${obsolete.text} is an obsolete form of ${designation.text}; list ${designation.text} only`,
          obsolete.span,
          { fix: canonical },
        ),
      );
    }
    if (!designation) {
      const want = role === 'PTA' ? 'PTA' : 'PT';
      const severity: Severity =
        jurisdiction === 'TX' || jurisdiction === 'NY' ? 'error' : 'warning';
      issues.push(
        issue(
          'missing-designation',
          obsolete
            ? `${obsolete.text} does not replace ${want}; the regulatory designation is ${want}`
            : `no ${want}: the regulatory designation is the one mandatory credential${severity === 'error' ? ` (${jurisdiction} requires it)` : ''}`,
          obsolete?.span ?? { start: creds[0]?.span.start ?? 0, end: creds[0]?.span.start ?? 0 },
          { severity, fix: canonical },
        ),
      );
      const first = creds[0];
      if (
        first &&
        (first.credential.kind === 'pt-degree' || first.credential.kind === 'academic-degree')
      ) {
        issues.push(
          issue(
            'degree-as-designation',
            `${credentialLabel(first.credential)} is a degree and stands where ${want} belongs; a degree does not show licensure`,
            first.span,
            { fix: canonical },
          ),
        );
      }
    } else if (listed[0] !== designation) {
      issues.push(
        issue(
          'designation-not-first',
          `${designation.text} must come first, before ${listed[0]?.text ?? 'the others'}`,
          designation.span,
          { fix: canonical },
        ),
      );
    }
  }

  // Order: a credential ranked below one before it is out of place.
  const rank = (e: CatalogEntry) => (profile === 'apta-legacy' ? legacyRank(e) : aptaCategory(e));
  let highest: CredentialToken | undefined;
  for (const token of listed) {
    const r = rank(token.credential);
    if (r === undefined || token.credential.kind === 'license-designation') continue;
    const top = highest ? rank(highest.credential) : undefined;
    if (highest && top !== undefined && r < top) {
      issues.push(
        issue(
          'order',
          `${credentialLabel(token.credential)} (${describeRank(token.credential, profile)}) belongs before ${credentialLabel(highest.credential)} (${describeRank(highest.credential, profile)})`,
          token.span,
          { fix: canonical },
        ),
      );
    } else highest = token;
  }
  if (profile === 'apta-legacy') {
    const abpts = listed.filter((t) => t.credential.kind === 'abpts-specialist');
    abpts.forEach((token, k) => {
      const previous = abpts[k - 1];
      if (
        previous &&
        credentialLabel(token.credential).localeCompare(credentialLabel(previous.credential)) < 0
      ) {
        issues.push(
          issue(
            'order',
            `ABPTS certifications go in alphabetical order: ${credentialLabel(token.credential)} before ${credentialLabel(previous.credential)}`,
            token.span,
            { fix: canonical },
          ),
        );
      }
    });
  }

  const keptDegree = highestPtDegreeUnchecked(creds.map((c) => c.credential));
  for (const token of creds) {
    if (token.credential.kind !== 'pt-degree' || token.credential === keptDegree) continue;
    issues.push(
      issue(
        'multiple-pt-degrees',
        `${token.text} is a second PT degree; list only the highest (${keptDegree ? credentialLabel(keptDegree) : 'one'})`,
        token.span,
        { fix: canonical },
      ),
    );
  }

  if (profile === 'apta-2016') {
    for (const token of creds) {
      if (token.form !== 'abbreviation') continue;
      if (token.credential.kind === 'abpts-specialist') {
        issues.push(
          issue(
            'abbreviated-specialist',
            `APTA no longer recognizes ABPTS abbreviations; write "${token.credential.name}"`,
            token.span,
            { fix: token.credential.name },
          ),
        );
      } else if (aptaCategory(token.credential) === undefined) {
        issues.push(
          issue(
            'outside-apta-categories',
            `${token.text} is outside APTA's five categories; spell it out ("${token.credential.name}") or leave it out`,
            token.span,
            { fix: token.credential.name },
          ),
        );
      }
    }
  }

  const fapta = creds.findIndex((c) => c.credential.id === 'FAPTA');
  const afterFapta =
    fapta < 0
      ? undefined
      : creds
          .slice(fapta + 1)
          .find(
            (c) =>
              c.form === 'abbreviation' &&
              (profile === 'apta-2016' || legacyRank(c.credential) < 6),
          );
  if (afterFapta)
    issues.push(
      issue(
        'fapta-not-last',
        `FAPTA comes last; ${afterFapta.text} follows it`,
        creds[fapta]?.span,
        { fix: canonical },
      ),
    );

  const honorific = parsed.honorific;
  if (honorific && role !== 'PTA') {
    const entries = creds.map((c) => c.credential);
    const doctorate = titleDegreeUnchecked(entries, jurisdiction);
    if (jurisdiction === 'CA') {
      const afterName = parsed.tokens
        .slice(parsed.tokens.indexOf(parsed.name ?? honorific) + 1)
        .find((t) => t.kind !== 'separator');
      const ok =
        afterName?.kind === 'credential' &&
        afterName.form !== 'abbreviation' &&
        CALIFORNIA_TITLE_DEGREES.includes(afterName.credential.id);
      if (!ok) {
        issues.push(
          issue(
            'title-requires-spelled-out-degree',
            doctorate
              ? `in California "${honorific.text}" needs the doctoral degree written out right after the name, e.g. "${doctorate.name}"`
              : `in California "${honorific.text}" is only for a PT with a doctoral degree (DPT, PhD, EdD), written out right after the name`,
            honorific.span,
            { fix: canonical },
          ),
        );
      }
    }
    if (jurisdiction === 'TX' || jurisdiction === 'FL' || jurisdiction === 'NY') {
      const missing = [
        has('PT') ? undefined : '"PT" (or "physical therapist")',
        jurisdiction === 'TX' && !doctorate ? 'the doctoral degree' : undefined,
      ].filter((x) => x !== undefined);
      if (missing.length > 0) {
        issues.push(
          issue(
            'title-requires-designation',
            `in ${jurisdiction} "${honorific.text}" needs ${missing.join(' and ')} in the listing`,
            honorific.span,
            { fix: canonical },
          ),
        );
      }
    }
  }

  if (role === 'PTA') {
    const severity: Severity = jurisdiction === 'CA' ? 'error' : 'warning';
    const offending = [
      ...(honorific ? [honorific] : []),
      ...creds.filter((c) => isBarredForAssistant(c.credential, c.text)),
    ];
    for (const token of offending) {
      issues.push(
        issue(
          'assistant-title',
          `a physical therapist assistant may not use "${token.text}"`,
          token.span,
          { severity, fix: canonical },
        ),
      );
    }
  }

  for (const token of creds) {
    if (token.form !== 'abbreviation' || !token.credential.ambiguity) continue;
    const stated = options.credentials?.find(
      (c) => sameCredential(c, token.credential) && c.issuer,
    );
    if (!stated) {
      issues.push(
        issue(
          'ambiguous-credential',
          `${token.text} is ambiguous: ${token.credential.ambiguity}; name the issuer in the structured credentials`,
          token.span,
        ),
      );
    }
  }

  if (options.asOf && options.credentials) {
    const within = options.expiringWithinDays ?? DEFAULT_EXPIRING_WITHIN_DAYS;
    options.credentials.forEach((credential, index) => {
      const entry =
        findCredential(credential.abbreviation) ??
        (credential.name ? findCredentialByName(credential.name) : undefined);
      const expiry = credentialExpiryUnchecked(credential, entry, options.asOf ?? '', within);
      const token = creds.find((c) => entry && c.credential.id === entry.id);
      const path = ['credentials', index];
      if (expiry.status === 'expired') {
        issues.push(
          issue(
            'expired',
            `${credential.abbreviation} expired on ${expiry.expires}${expiry.basis === 'catalog-cycle' ? ' (by its renewal cycle)' : ''}`,
            token?.span,
            { path },
          ),
        );
      } else if (expiry.status === 'expiring') {
        issues.push(
          issue(
            'expiring',
            `${credential.abbreviation} expires on ${expiry.expires}, in ${expiry.daysLeft} days${expiry.basis === 'catalog-cycle' ? ' (by its renewal cycle)' : ''}`,
            token?.span,
            { path },
          ),
        );
      }
    });
  }

  if (creds.length + parsed.unknown.length > MAX_READABLE_CREDENTIALS) {
    issues.push(
      issue(
        'listing-too-long',
        `${creds.length + parsed.unknown.length} credentials; APTA asks for fewer — keep the five categories and spell out the rest`,
        whole,
        { fix: canonical },
      ),
    );
  }

  issues.sort(
    (a, b) =>
      (a.span?.start ?? Number.MAX_SAFE_INTEGER) - (b.span?.start ?? Number.MAX_SAFE_INTEGER),
  );
  const clean = issues.every((i) => i.severity === 'info');
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
  const problem = optionsProblem(options, LINT_OPTIONS);
  if (typeof text === 'string' && !problem) return undefined;
  const issues: Issue[] = [];
  if (typeof text !== 'string')
    issues.push(
      issue(
        'invalid-argument',
        `the listing must be text, got ${describeArgument(text)}`,
        undefined,
      ),
    );
  if (problem)
    issues.push(issue('invalid-argument', problem.message, undefined, { path: [...problem.path] }));
  return issues;
}

function sameCredential(credential: Credential, entry: CatalogEntry): boolean {
  return findCredential(credential.abbreviation) === entry;
}
