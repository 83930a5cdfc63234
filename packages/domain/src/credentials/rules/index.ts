// The rules of the credential linter, one module each, in the order they run (issues are then
// sorted by their place in the listing). A new rule is a file in this folder and one line here.
import { abbreviatedSpecialist } from './abbreviated-specialist.js';
import { ambiguousCredential } from './ambiguous-credential.js';
import { assistantTitle } from './assistant-title.js';
import { degreeAsDesignation } from './degree-as-designation.js';
import { designationNotFirst } from './designation-not-first.js';
import { duplicateCredential } from './duplicate-credential.js';
import { emptyListing } from './empty-listing.js';
import { expired } from './expired.js';
import { expiring } from './expiring.js';
import { faptaNotLast } from './fapta-not-last.js';
import { invalidArgument } from './invalid-argument.js';
import { invertedName } from './inverted-name.js';
import { listingTooLong } from './listing-too-long.js';
import { missingDesignation } from './missing-designation.js';
import { multiplePtDegrees } from './multiple-pt-degrees.js';
import { order } from './order.js';
import { outsideAptaCategories } from './outside-apta-categories.js';
import type { CredentialRule } from './rule.js';
import { titleRequiresDesignation } from './title-requires-designation.js';
import { titleRequiresSpelledOutDegree } from './title-requires-spelled-out-degree.js';
import { unknownCredential } from './unknown-credential.js';

export type {
  CredentialRule,
  CredentialRuleContext,
  CredentialRuleLevel,
  CredentialRuleLevels,
  CredentialRuleMeta,
  RuleExample,
  RuleFinding,
  RuleReport,
} from './rule.js';

/**
 * Every rule `lintCredentialListing` applies, each with its metadata (code, default severity,
 * description, source, examples) and its check, in the order they run. The README's rule table
 * and `ptfx credentials explain` are generated from it.
 */
export const CREDENTIAL_RULES = [
  invalidArgument,
  emptyListing,
  unknownCredential,
  duplicateCredential,
  missingDesignation,
  degreeAsDesignation,
  designationNotFirst,
  order,
  multiplePtDegrees,
  abbreviatedSpecialist,
  outsideAptaCategories,
  faptaNotLast,
  titleRequiresSpelledOutDegree,
  titleRequiresDesignation,
  assistantTitle,
  ambiguousCredential,
  expired,
  expiring,
  listingTooLong,
  invertedName,
] as const satisfies readonly CredentialRule[];

/** A stable code of a credential-listing rule. */
export type CredentialLintCode = (typeof CREDENTIAL_RULES)[number]['meta']['code'];
