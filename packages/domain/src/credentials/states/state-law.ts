import type { UsStateCode } from '../../contact/us-state-codes.js';
import type { Severity } from '../../shared/issue.js';

/** One source a state's title rule rests on: the statute, rule or board text that was read. */
export interface StateCitation {
  /** The section as lawyers cite it, e.g. "Cal. Bus. & Prof. Code §2633(b)(2)". */
  readonly section: string;
  /** Where its text can be read (https). */
  readonly url: string;
  /** What it says, in short or quoted, as far as the rule depends on it. */
  readonly says: string;
}

/**
 * What a state's physical-therapy practice act (and the board's rules or guidance) says about
 * titles in a listing: "Dr." for a PT, the PT/PTA designation, and what a PTA may not write.
 */
export interface StateTitleLaw {
  /** The state's USPS code. */
  readonly state: UsStateCode;
  /** The state's name, e.g. "California". */
  readonly name: string;
  /** One line for the README table. */
  readonly summary: string;
  /** What a PT must do to use "Dr."/"doctor". */
  readonly doctorTitle:
    | {
        /** CA: a doctorate from `degrees`, written out, immediately after the name. */
        readonly rule: 'spelled-out-degree-after-name';
        /** Catalog ids of the doctorates that qualify. */
        readonly degrees: readonly string[];
      }
    | {
        /** TX: PT and the doctorate named in the listing. */
        readonly rule: 'designation-and-degree';
      }
    | {
        /** FL, NY: the profession named (PT). */
        readonly rule: 'designation';
      }
    | {
        /** Nothing beyond the general title protection. */
        readonly rule: 'none';
      };
  /** A missing PT/PTA designation is an error here (TX, NY), not a warning. */
  readonly designationRequired: boolean;
  /** How a PTA using "Dr.", PT or a PT title is judged: 'error' (CA) or 'warning'. */
  readonly assistantSeverity: Severity;
  /** Obsolete designations the state's act itself allows (NJ: LPT, LPTA). */
  readonly allowedDesignations?: readonly string[];
  /**
   * Words a PTA may not write on their own beyond PT, PT degrees and "doctor" (CA: a bare
   * "therapist", B&P §2633.5(b)). Lower case; a listing's word matches when it is the whole word.
   */
  readonly assistantBarredWords?: readonly string[];
  /** At least one; no rule without a citation. */
  readonly citations: readonly StateCitation[];
}
