import type { Severity } from '../shared/issue.js';
import { sourceLine } from './rules/helpers.js';
import { CREDENTIAL_RULES, type CredentialLintCode } from './rules/index.js';

export type { CredentialLintCode } from './rules/index.js';

/** What a credential-listing rule says, how much it matters by default, and where it comes from. */
export interface CredentialLintRule {
  /** Default severity; some rules are errors only where a law applies. */
  readonly severity: Severity;
  /** The rule in one line. */
  readonly summary: string;
  /** The policy, statute or board rule behind it, with its link: `text: url`. */
  readonly source: string;
  /** The link to the source alone. */
  readonly url: string;
}

/**
 * Every rule `lintCredentialListing` applies, by stable code, derived from the rule modules
 * (`CREDENTIAL_RULES`): default severity, summary, source and link. A listing with no error or
 * warning is clean; `info` issues are advice.
 */
export const CREDENTIAL_LINT_RULES: { readonly [C in CredentialLintCode]: CredentialLintRule } =
  Object.fromEntries(
    CREDENTIAL_RULES.map(({ meta }) => [
      meta.code,
      {
        severity: meta.severity,
        summary: meta.description,
        source: sourceLine(meta),
        url: meta.source.url,
      },
    ]),
  ) as { readonly [C in CredentialLintCode]: CredentialLintRule };
