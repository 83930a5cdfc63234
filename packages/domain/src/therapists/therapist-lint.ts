import type { Location } from '../clinic/location.js';
import type { UsStateCode } from '../contact/us-state-codes.js';
import type { CredentialProfile } from '../credentials/canonical-order.js';
import type { CustomCredential } from '../credentials/custom-credential.js';
import {
  type CredentialListingLint,
  lintCredentialListing,
  rulesProblem,
} from '../credentials/listing-lint.js';
import type { CredentialRuleLevels } from '../credentials/rules/rule.js';
import { expectOptions, expectShape, isRecord, type Shape } from '../shared/arguments.js';
import type { IsoDate } from '../shared/schema.js';
import {
  CUSTOM_CREDENTIALS,
  ISO_DATE,
  LINTED_THERAPIST,
  LISTING_LOCATIONS,
  PROFILE,
  STATE_CODE,
} from '../shared/shapes.js';
import { therapistDisplayName } from './display-name.js';
import type { Therapist } from './therapist.js';

/** A therapist's listing as a site shows it, judged. */
export interface TherapistListingLint {
  /** What was judged: the name with its honorific, then the listing ("Dr. Mark Shulman, …"). */
  readonly input: string;
  /** The state whose title law applied, if any. */
  readonly jurisdiction?: UsStateCode;
  /** The linter's result. */
  readonly result: CredentialListingLint;
}

/** Options of {@link lintTherapistListing}. */
export interface LintTherapistListingOptions {
  /** The date expiry is judged on; without it, expiry is not checked. */
  readonly asOf?: IsoDate | undefined;
  /** The order to judge by; `apta-2016` by default. */
  readonly profile?: CredentialProfile | undefined;
  /** The state whose title law applies; by default the state of the therapist's first location. */
  readonly jurisdiction?: UsStateCode | undefined;
  /**
   * Rule levels by code, as `ptfx.config.json` writes them: `off` drops a rule, `info`,
   * `warning` or `error` replaces its severity (`invalid-argument` cannot be set).
   */
  readonly rules?: CredentialRuleLevels | undefined;
  /** The organisation's own credentials, merged into the catalog (see `customCatalogEntry`). */
  readonly catalog?: readonly CustomCredential[] | undefined;
}

const RULE_LEVELS_SHAPE: Shape = [
  'test',
  'an object of rule levels by code, such as { "order": "off" }: each key a code of CREDENTIAL_LINT_RULES other than "invalid-argument", each value "off", "info", "warning" or "error"',
  (value) => isRecord(value) && rulesProblem(value) === undefined,
];

/**
 * Lints a therapist's credential listing the way the site displays it — after the name and
 * honorific, so the "Dr." rules apply — under the state of the therapist's first location
 * (unless one is given), with their role and structured credentials for expiry.
 *
 * `rules` and `catalog` are passed on to `lintCredentialListing` as they are, so a configuration
 * (`ptfx.config.json`) judges a clinic file's listings as it judges a roster's.
 *
 * @throws {TypeError} when `therapist` is not a parsed therapist, `locations` not a list of
 * locations (slug and address), or `options` holds a key or value other than `asOf` (a date
 * `YYYY-MM-DD`), `profile`, `jurisdiction` (a USPS code), `rules` (levels by rule code) and
 * `catalog` (custom credentials)
 * @example
 * lintTherapistListing(mark, clinic.locations, { asOf: '2026-11-27' }).result.fix;
 * // 'Dr. Mark Shulman, Doctor of Physical Therapy, PT, …' (CA)
 * lintTherapistListing(mark, clinic.locations, { rules: { order: 'off' } });
 */
export function lintTherapistListing(
  therapist: Therapist,
  locations: readonly Pick<Location, 'slug' | 'address'>[],
  options: LintTherapistListingOptions = {},
): TherapistListingLint {
  expectShape('lintTherapistListing', 'therapist', therapist, LINTED_THERAPIST);
  expectShape('lintTherapistListing', 'locations', locations, LISTING_LOCATIONS);
  expectOptions('lintTherapistListing', options, {
    asOf: ['optional', ISO_DATE],
    profile: ['optional', PROFILE],
    jurisdiction: ['optional', STATE_CODE],
    rules: ['optional', RULE_LEVELS_SHAPE],
    catalog: ['optional', CUSTOM_CREDENTIALS.shape],
  });
  const jurisdiction =
    options.jurisdiction ??
    locations.find((l) => therapist.locations.includes(l.slug))?.address.state;
  const input = `${therapistDisplayName(therapist)}, ${therapist.credentialListing}`;
  const lintOptions = {
    profile: options.profile,
    jurisdiction,
    role: therapist.role,
    credentials: therapist.credentials,
    asOf: options.asOf,
    ...(options.rules === undefined ? {} : { rules: options.rules }),
    ...(options.catalog === undefined ? {} : { catalog: options.catalog }),
  };
  const result = lintCredentialListing(input, lintOptions);
  return { input, ...(jurisdiction ? { jurisdiction } : {}), result };
}
