// @ptfx/domain/credentials: the credential catalog, parser, formatter, linter and expiry alone —
// no zod, no YAML — for scripts and CLIs that lint listings and want to start fast. Everything
// here is also exported from @ptfx/domain.

export type { UsStateCode } from '../contact/us-state-codes.js';
export { isUsStateCode, suggestUsStateCode, US_STATES } from '../contact/us-state-codes.js';
export type { Issue, Severity, Span } from '../shared/issue.js';
export type { IsoDate } from '../shared/schema.js';
export { suggestClosest } from '../shared/suggest.js';
export type { TherapistRole } from '../therapists/therapist.js';
export { canonicalListing } from './canonical-listing.js';
export {
  aptaCategory,
  CREDENTIAL_PROFILES,
  type CredentialProfile,
  credentialLabel,
  formatCredentials,
  legacyRank,
} from './canonical-order.js';
export { CREDENTIAL_CATALOG, NOT_CREDENTIALS } from './catalog.js';
export {
  type CatalogEntry,
  CREDENTIAL_KINDS,
  type CredentialKind,
  type RenewalRule,
} from './catalog-entry.js';
export {
  type CredentialCatalog,
  credentialById,
  credentialCatalog,
  defaultCatalog,
  findCredential,
  findCredentialByName,
  suggestCredential,
} from './catalog-lookup.js';
export {
  CUSTOM_CREDENTIAL_SOURCE,
  type CustomCatalogProblem,
  type CustomCredential,
  customCatalogEntry,
  customCatalogProblem,
} from './custom-credential.js';
export { type CredentialExpiry, credentialExpiry, expiryFromCycle } from './expiry.js';
export { CREDENTIAL_LINT_RULES, type CredentialLintCode } from './lint-rules.js';
export {
  type CredentialListingLint,
  type LintCredentialListingOptions,
  lintCredentialListing,
} from './listing-lint.js';
export {
  type CredentialToken,
  type ListingToken,
  type NameToken,
  type ParsedListing,
  parseCredentialListing,
} from './listing-parser.js';
export {
  CREDENTIAL_RULES,
  type CredentialRule,
  type CredentialRuleContext,
  type CredentialRuleLevel,
  type CredentialRuleLevels,
  type CredentialRuleMeta,
  type RuleExample,
  type RuleFinding,
  type RuleReport,
} from './rules/index.js';
export {
  STATE_TITLE_LAWS,
  type StateCitation,
  type StateTitleLaw,
  stateTitleLaw,
} from './states/index.js';
