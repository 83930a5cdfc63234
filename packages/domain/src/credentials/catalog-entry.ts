/**
 * What a credential is, for ordering and rules:
 * - `license-designation`: PT or PTA, the regulatory designation (APTA category 1);
 * - `pt-degree`: a physical-therapy degree such as DPT (category 2, the highest only);
 * - `regulated-occupation`: a government designation for another occupation, e.g. ATC, OTR/L (category 3);
 * - `academic-degree`: another earned degree, e.g. MBA, PhD (category 4);
 * - `apta-fellowship`: FAPTA (category 5);
 * - `abpts-specialist`: an ABPTS board certification, e.g. OCS;
 * - `fellowship`: another fellowship or honor, e.g. FAAOMPT;
 * - `certification`: a private certification, e.g. CSCS, COMT;
 * - `student-designation`: SPT, SPTA;
 * - `obsolete-designation`: RPT, LPT, which must not replace PT.
 */
export const CREDENTIAL_KINDS = [
  'license-designation',
  'pt-degree',
  'regulated-occupation',
  'academic-degree',
  'apta-fellowship',
  'abpts-specialist',
  'fellowship',
  'certification',
  'student-designation',
  'obsolete-designation',
] as const;
/** What kind of credential a catalog entry is; one of {@link CREDENTIAL_KINDS}. */
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

/** How a credential stays valid, as far as public sources say. */
export type RenewalRule =
  /** Never lapses (degrees, honors). */
  | { readonly kind: 'none' }
  /** Valid a fixed number of years from when it was earned or last renewed. */
  | { readonly kind: 'years'; readonly years: number }
  /**
   * Everyone shares fixed cycles of `years` years ending Dec 31 of `anchorYear`, and every
   * `years` before and after it (NSCA's CSCS: 2023, 2026, 2029, …).
   */
  | { readonly kind: 'fixed-cycle'; readonly years: number; readonly anchorYear: number }
  /** Set by each state board. */
  | { readonly kind: 'varies-by-state' }
  /** No public source found: ptfx does not guess. */
  | { readonly kind: 'unknown' };

/** One credential of the catalog. */
export interface CatalogEntry {
  /** Stable identifier: the canonical abbreviation, or a slug when there is none. */
  readonly id: string;
  /** How the credential is written after a name, e.g. `DPT`, `Cert. MDT`; absent when it has none. */
  readonly abbreviation?: string;
  /**
   * Deprecated or erroneous written forms of the abbreviation that a fix rewrites to
   * {@link CatalogEntry.abbreviation}, e.g. `tDPT` and `t-DPT` (APTA: write "DPT"). Case matters.
   */
  readonly aliases: readonly string[];
  /**
   * Other valid ways to write the abbreviation that a fix keeps as the person wrote them, e.g.
   * `ScD` for DSc or `Cred. MDT` for Cert. MDT (dots aside: see `CredentialCatalog.spellingOf`).
   * Case matters.
   */
  readonly variants?: readonly string[];
  /**
   * Whether the abbreviation, its variants and aliases are also recognised in another case
   * (`cert. mdt`, `PHD`) when no spelling matches as written. Only set where no other credential
   * folds to the same letters and the case carries no meaning; short codes stay case-sensitive
   * (LAc is not LAC).
   */
  readonly anyCase?: boolean;
  /** The name written out, e.g. `Doctor of Physical Therapy`. */
  readonly name: string;
  /** Other spelled-out forms that mean this credential (matched ignoring case and hyphens). */
  readonly longForms: readonly string[];
  /** What it is. */
  readonly kind: CredentialKind;
  /** Who issues it. */
  readonly issuers: readonly string[];
  /** How it stays valid. */
  readonly renewal: RenewalRule;
  /** Why the abbreviation alone does not say what it is or who issued it, when that is so. */
  readonly ambiguity?: string;
  /** Anything else worth knowing about how it is written or used. */
  readonly note?: string;
  /** For PT degrees: higher is the higher degree (DPT 3, MPT and MSPT 2, BSPT 1). */
  readonly ptDegreeRank?: number;
  /** A doctorate, for the "Dr." title rules. */
  readonly doctorate?: boolean;
  /** Where the facts come from. */
  readonly source: string;
  /** Facts a source did not confirm. */
  readonly unconfirmed?: string;
}
