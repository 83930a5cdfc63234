import type { Location } from '../clinic/location.js';
import type { UsStateCode } from '../contact/us-state-codes.js';
import type { CredentialProfile } from '../credentials/canonical-order.js';
import { type CredentialListingLint, lintCredentialListing } from '../credentials/listing-lint.js';
import { expectOptions, expectShape } from '../shared/arguments.js';
import type { IsoDate } from '../shared/schema.js';
import {
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

/**
 * Lints a therapist's credential listing the way the site displays it — after the name and
 * honorific, so the "Dr." rules apply — under the state of the therapist's first location
 * (unless one is given), with their role and structured credentials for expiry.
 *
 * @throws {TypeError} when `therapist` is not a parsed therapist, `locations` not a list of
 * locations (slug and address), or `options` holds a key or value other than `asOf` (a date
 * `YYYY-MM-DD`), `profile` and `jurisdiction` (a USPS code)
 * @example
 * lintTherapistListing(mark, clinic.locations, { asOf: '2026-11-27' }).result.fix;
 * // 'Dr. Mark Shulman, Doctor of Physical Therapy, PT, …' (CA)
 */
export function lintTherapistListing(
  therapist: Therapist,
  locations: readonly Pick<Location, 'slug' | 'address'>[],
  options: {
    readonly asOf?: IsoDate | undefined;
    readonly profile?: CredentialProfile | undefined;
    readonly jurisdiction?: UsStateCode | undefined;
  } = {},
): TherapistListingLint {
  expectShape('lintTherapistListing', 'therapist', therapist, LINTED_THERAPIST);
  expectShape('lintTherapistListing', 'locations', locations, LISTING_LOCATIONS);
  expectOptions('lintTherapistListing', options, {
    asOf: ['optional', ISO_DATE],
    profile: ['optional', PROFILE],
    jurisdiction: ['optional', STATE_CODE],
  });
  const jurisdiction =
    options.jurisdiction ??
    locations.find((l) => therapist.locations.includes(l.slug))?.address.state;
  const input = `${therapistDisplayName(therapist)}, ${therapist.credentialListing}`;
  const result = lintCredentialListing(input, {
    profile: options.profile,
    jurisdiction,
    role: therapist.role,
    credentials: therapist.credentials,
    asOf: options.asOf,
  });
  return { input, ...(jurisdiction ? { jurisdiction } : {}), result };
}
