import type {
  Clinic,
  CredentialProfile,
  CustomCredential,
  IsoDate,
  Issue,
  Therapist,
  UsStateCode,
} from '@ptfx/domain';
import { lintTherapistListing, localDateOf } from '@ptfx/domain';

/**
 * Today for a clinic: the date in its first location's time zone (as the API judges listings),
 * so that a CI runner in UTC and the clinic agree on when a credential has expired.
 */
export function clinicToday(clinic: Pick<Clinic, 'locations'>, now: Date): IsoDate {
  return localDateOf(now, clinic.locations[0]?.timeZone ?? 'UTC');
}

/** One therapist's credential listing, judged the way the site displays it. */
export interface ListingCheck {
  /** The therapist's index in `therapists`. */
  readonly index: number;
  readonly therapist: Therapist;
  /** What was judged: the name with its honorific, then the listing ("Dr. Mark Shulman, …"). */
  readonly input: string;
  /** The state whose title law applied, if any. */
  readonly jurisdiction?: UsStateCode | undefined;
  /**
   * The linter's issues, with the path of the data file (`therapists[0].credentialListing`, or
   * `therapists[0].credentials[4]` for expiry) and, where the listing is found in the text, its
   * line and column. `span` still points into {@link input}.
   */
  readonly issues: readonly Issue[];
}

/** Options of {@link checkTherapistListings}. */
export interface ListingCheckOptions {
  readonly profile?: CredentialProfile | undefined;
  /** The title law to apply; default: the state of each therapist's first location. */
  readonly state?: UsStateCode | undefined;
  /** Rule levels by code (a configuration's `rules`). */
  readonly rules?: { readonly [code: string]: 'off' | 'info' | 'warning' | 'error' } | undefined;
  /** The organisation's own credentials (a configuration's `catalog`). */
  readonly catalog?: readonly CustomCredential[] | undefined;
  readonly asOf: IsoDate;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * Lints every therapist's listing of a parsed clinic file, placing each issue in the file's text:
 * what `ptfx validate` reports and what stops `ptfx site build`.
 */
export function checkTherapistListings(
  clinic: Clinic,
  text: string,
  options: ListingCheckOptions,
): ListingCheck[] {
  return clinic.therapists.map((t, index) => {
    const { input, jurisdiction, result } = lintTherapistListing(t, clinic.locations, {
      profile: options.profile,
      jurisdiction: options.state,
      asOf: options.asOf,
      ...(options.rules === undefined ? {} : { rules: options.rules }),
      ...(options.catalog === undefined ? {} : { catalog: options.catalog }),
    });
    const listingAt = text.indexOf(t.credentialListing);
    const issues = result.issues.map((issue): Issue => {
      const isExpiry = issue.path[0] === 'credentials';
      const path = isExpiry
        ? ['therapists', index, ...issue.path]
        : ['therapists', index, 'credentialListing'];
      // The span counts from the start of the displayed name; the file holds the listing alone.
      const offsetInListing = issue.span
        ? issue.span.start - (input.length - t.credentialListing.length)
        : 0;
      const position =
        !isExpiry && listingAt >= 0
          ? lineColumn(text, listingAt + Math.max(0, offsetInListing))
          : undefined;
      return { ...issue, path, ...(position ? { position } : {}) };
    });
    return { index, therapist: t, input, jurisdiction, issues };
  });
}
