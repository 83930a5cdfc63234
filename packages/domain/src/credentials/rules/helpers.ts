// What several rules share: the sources they cite and the facts about a listing more than one
// of them reads. Not a rule itself (CREDENTIAL_RULES lists the rules).
import type { Severity } from '../../shared/issue.js';
import type { CatalogEntry } from '../catalog-entry.js';
import type { Credential } from '../credential.js';
import { type CredentialExpiry, credentialExpiryUnchecked } from '../expiry.js';
import type { CredentialToken, ParsedListing } from '../listing-parser.js';
import type { CredentialRuleContext, CredentialRuleMeta } from './rule.js';

/** APTA's current policy on designations (2016), which the `apta-2016` profile follows. */
export const APTA_2016_URL =
  'https://apta.org/apta-and-you/leadership-and-governance/policies/appropriate-use-of-designations';
/** The policy's name as the sources cite it. */
export const APTA_2016 = 'APTA, Appropriate Use of Designations (HOD RC 4-16, 2016)';
/** The replaced 2009 policy, which the `apta-legacy` profile follows. */
export const APTA_2009 =
  'APTA HOD P06-03-17-14 (2009, replaced): PT must not be replaced by RPT, LPT or a degree';
/** The 2019 decision to stop recognising ABPTS abbreviations. */
export const ABPTS_2019_URL =
  'https://specialization.apta.org/for-specialists/marketing/Promote-Certification';
/** The Texas board's FAQ on the display of a license and the use of titles. */
export const TEXAS_FAQ_URL =
  'https://ptot.texas.gov/category/faqs/pt-practice-faqs/display-of-license-use-of-title/';
/** The credential catalog, each entry with its issuer, renewal rule and source. */
export const CATALOG_URL =
  'https://github.com/ptfx/ptfx/blob/main/packages/domain/src/credentials/catalog.ts';
/** Where the README lists the rules and the options of `lintCredentialListing`. */
export const README_RULES_URL =
  'https://github.com/ptfx/ptfx/blob/main/packages/domain/README.md#credential-listing-rules';

/** `meta.source` as an issue and `CREDENTIAL_LINT_RULES` carry it: `text: url`. */
export function sourceLine(meta: CredentialRuleMeta): string {
  return `${meta.source.text}: ${meta.source.url}`;
}

/** PT or PTA, or a student's SPT or SPTA. */
export function isDesignationEntry(entry: CatalogEntry): boolean {
  return entry.kind === 'license-designation' || entry.kind === 'student-designation';
}

/** The designation a role must carry. */
export function wantedDesignation(context: CredentialRuleContext): 'PT' | 'PTA' {
  return context.role === 'PTA' ? 'PTA' : 'PT';
}

/** Whether the listing has a credential with this id. */
export function hasCredential(listing: ParsedListing, id: string): boolean {
  for (const token of listing.credentials) if (token.credential.id === id) return true;
  return false;
}

/** `written` as a designation is compared: dots and spaces dropped, upper case ("L.P.T." → "LPT"). */
function designationKey(written: string): string {
  return written.replace(/[.\s]/g, '').toUpperCase();
}

/**
 * The designation the listing carries: the first PT, PTA, SPT or SPTA, else an obsolete one
 * (LPT) that the state's own act allows (New Jersey, N.J.S.A. 45:9-37.31).
 */
export function designationToken(
  listing: ParsedListing,
  context: CredentialRuleContext,
): CredentialToken | undefined {
  const creds = listing.credentials;
  for (const token of creds) if (isDesignationEntry(token.credential)) return token;
  const allowed = context.law?.allowedDesignations;
  if (allowed === undefined) return undefined;
  for (const token of creds)
    if (
      token.credential.kind === 'obsolete-designation' &&
      allowed.includes(designationKey(token.text))
    )
      return token;
  return undefined;
}

/** The first obsolete designation (RPT, LPT) in the listing. */
export function obsoleteDesignation(listing: ParsedListing): CredentialToken | undefined {
  for (const token of listing.credentials)
    if (token.credential.kind === 'obsolete-designation') return token;
  return undefined;
}

/**
 * Where a state's "Dr." rule wants a doctorate written out right after the name (California,
 * B&P §2633(b)(2)), the listing that does so — "Dr. Jane Doe, Doctor of Physical Therapy, PT, …"
 * — puts that doctorate before PT on purpose: it qualifies the title, and is no misplaced degree.
 * This is that token, or `undefined`.
 */
export function titleQualifier(
  listing: ParsedListing,
  context: CredentialRuleContext,
): CredentialToken | undefined {
  const rule = context.law?.doctorTitle;
  const first = listing.credentials[0];
  if (
    rule?.rule === 'spelled-out-degree-after-name' &&
    listing.honorific !== undefined &&
    first !== undefined &&
    first.form !== 'abbreviation' &&
    rule.degrees.includes(first.credential.id)
  )
    return first;
  return undefined;
}

/** The first credential of the listing other than the title's qualifier. */
export function firstListed(
  listing: ParsedListing,
  context: CredentialRuleContext,
): CredentialToken | undefined {
  const creds = listing.credentials;
  return titleQualifier(listing, context) === undefined ? creds[0] : creds[1];
}

/** The listing's credentials and unknown parts, counted. */
export function partCount(listing: ParsedListing): number {
  return listing.credentials.length + listing.unknown.length;
}

/** One structured credential's expiry, with the entry and listed token it concerns. */
export interface ListedExpiry {
  /** The structured credential. */
  readonly credential: Credential;
  /** Its place in `options.credentials` (the path). */
  readonly index: number;
  /** Its expiry as of `asOf`. */
  readonly expiry: CredentialExpiry;
  /** The listed credential it is, when the listing has it (the span). */
  readonly token: CredentialToken | undefined;
}

// `expired` and `expiring` read the same expiries: the last listing's are kept, so that they are
// worked out once per listing (the linter is synchronous, so the last context is the current one).
let lastContext: CredentialRuleContext | undefined;
let lastExpiries: readonly ListedExpiry[] = [];

/** The expiry of each structured credential as of `context.asOf` (none without a date). */
export function listedExpiries(
  listing: ParsedListing,
  context: CredentialRuleContext,
): readonly ListedExpiry[] {
  if (context === lastContext) return lastExpiries;
  const { asOf, credentials, catalog } = context;
  const found: ListedExpiry[] = [];
  if (asOf !== undefined && credentials !== undefined) {
    for (let index = 0; index < credentials.length; index++) {
      const credential = credentials[index] as Credential;
      const entry =
        catalog.find(credential.abbreviation) ??
        (credential.name ? catalog.findByName(credential.name) : undefined);
      const expiry = credentialExpiryUnchecked(credential, entry, asOf, context.expiringWithinDays);
      const token =
        entry === undefined
          ? undefined
          : listing.credentials.find((c) => c.credential.id === entry.id);
      found.push({ credential, index, expiry, token });
    }
  }
  lastContext = context;
  lastExpiries = found;
  return found;
}

/** The severity a missing designation has under `context.law`. */
export function designationSeverity(context: CredentialRuleContext): Severity {
  return context.law?.designationRequired === true ? 'error' : 'warning';
}
