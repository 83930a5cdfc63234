import type { UsStateCode } from '../../contact/us-state-codes.js';
import type { Severity, Span } from '../../shared/issue.js';
import type { IsoDate } from '../../shared/schema.js';
import type { TherapistRole } from '../../therapists/therapist.js';
import type { CredentialProfile } from '../canonical-order.js';
import type { CredentialCatalog } from '../catalog-lookup.js';
import type { Credential } from '../credential.js';
import type { LintCredentialListingOptions } from '../listing-lint.js';
import type { ParsedListing } from '../listing-parser.js';
import type { StateTitleLaw } from '../states/state-law.js';

/** What a configuration may set a rule to: `off` drops it, a severity replaces its own. */
export type CredentialRuleLevel = 'off' | Severity;

/** The rule levels `lintCredentialListing` takes as its `rules` option, by rule code. */
export type CredentialRuleLevels = { readonly [code: string]: CredentialRuleLevel };

/** A listing (and the options it is linted with) that shows what a rule does. */
export interface RuleExample {
  /** The listing as a site shows it. */
  readonly listing: string;
  /** The lint options, when the rule depends on them (a state, a role, a date). */
  readonly options?: LintCredentialListingOptions;
}

/** What a rule is, how much it matters by default, where it comes from, and what it catches. */
export interface CredentialRuleMeta {
  /** Kebab-case and stable: programs (and `ptfx.config.json`) key on it. */
  readonly code: string;
  /** The severity it reports with by default; a state's law may raise or lower it. */
  readonly severity: Severity;
  /** The rule in one line. */
  readonly description: string;
  /** The policy, statute or board rule it enforces, and a link to it. */
  readonly source: { readonly text: string; readonly url: string };
  /** Listings that break it (each reports this code) and listings that pass (none does). */
  readonly examples: {
    readonly fails: readonly RuleExample[];
    readonly passes: readonly RuleExample[];
  };
}

/** What a rule's check knows besides the parsed listing: resolved once per listing. */
export interface CredentialRuleContext {
  /** The listing as given. */
  readonly text: string;
  /** The order judged by. */
  readonly profile: CredentialProfile;
  /** The role, resolved: as given, else PTA when the listing has PTA, else PT. */
  readonly role: TherapistRole;
  /** The state whose title law applies, when one is given. */
  readonly jurisdiction?: UsStateCode | undefined;
  /** That state's title law (`stateTitleLaw(jurisdiction)`), when the linter has one for it. */
  readonly law?: StateTitleLaw | undefined;
  /** The date expiry is judged on. */
  readonly asOf?: IsoDate | undefined;
  /** The person's structured credentials. */
  readonly credentials?: readonly Credential[] | undefined;
  /** Days before expiry that count as expiring. */
  readonly expiringWithinDays: number;
  /** The listing in canonical form: the fix most rules offer. */
  readonly canonical: string;
  /** The catalog the listing was read with (the built-in one, or it plus custom credentials). */
  readonly catalog: CredentialCatalog;
}

/** One finding of a rule; the linter adds the code, the source and the severity it is set to. */
export interface RuleFinding {
  /** What is wrong and what to do, in one sentence. */
  readonly message: string;
  /** Where in the listing. */
  readonly span?: Span | undefined;
  /** The severity, when the rule's default does not hold here (a state's law). */
  readonly severity?: Severity | undefined;
  /** A replacement that resolves it, when one is known. */
  readonly fix?: string | undefined;
  /** The option it is about (`['credentials', 2]`); empty by default. */
  readonly path?: (string | number)[] | undefined;
}

/** How a rule's check reports a finding. */
export type RuleReport = (finding: RuleFinding) => void;

/**
 * One rule of the credential linter, the way ESLint and markdownlint arrange theirs: its
 * metadata (for the docs, `ptfx credentials explain` and SARIF) and its check.
 */
export interface CredentialRule {
  /** Code, default severity, description, source and examples. */
  readonly meta: CredentialRuleMeta;
  /**
   * Reports every finding of the rule in `listing`. Called once per listing, in the order of
   * `CREDENTIAL_RULES`; must not throw, keep state between calls or allocate more than it needs
   * (it runs on every row of a million-row roster).
   */
  check(listing: ParsedListing, context: CredentialRuleContext, report: RuleReport): void;
}
