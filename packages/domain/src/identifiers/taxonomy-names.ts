// NUCC taxonomy names, apart from the schema so that a site importing them does not bundle zod.
import { expectText } from '../shared/arguments.js';

/**
 * NUCC Health Care Provider Taxonomy codes for physical therapy and its neighbours, with their
 * names. Code system URI: `http://nucc.org/provider-taxonomy`. Source: the NUCC code set as listed
 * in ../shared/reference/credentials-and-codes.md §5.
 */
export const NUCC_TAXONOMY_NAMES = {
  '225100000X': 'Physical Therapist',
  '2251C2600X': 'Physical Therapist – Cardiopulmonary',
  '2251E1200X': 'Physical Therapist – Ergonomics',
  '2251E1300X': 'Physical Therapist – Electrophysiology, Clinical',
  '2251G0304X': 'Physical Therapist – Geriatrics',
  '2251H1200X': 'Physical Therapist – Hand',
  '2251H1300X': 'Physical Therapist – Human Factors',
  '2251N0400X': 'Physical Therapist – Neurology',
  '2251P0200X': 'Physical Therapist – Pediatrics',
  '2251S0007X': 'Physical Therapist – Sports',
  '2251X0800X': 'Physical Therapist – Orthopedic',
  '225200000X': 'Physical Therapy Assistant',
  '2255A2300X': 'Athletic Trainer',
  '225700000X': 'Massage Therapist',
  '261QP2000X': 'Clinic/Center – Physical Therapy',
  '261QR0400X': 'Clinic/Center – Rehabilitation',
  '261QR0401X':
    'Clinic/Center – Rehabilitation, Comprehensive Outpatient Rehabilitation Facility (CORF)',
} as const;

/** The FHIR code system URI of NUCC taxonomy codes. */
export const NUCC_TAXONOMY_SYSTEM = 'http://nucc.org/provider-taxonomy';

/**
 * The name of a NUCC taxonomy code this package knows, or `undefined`.
 *
 * @throws {TypeError} when `code` is not text
 * @example
 * taxonomyName('2251X0800X'); // 'Physical Therapist – Orthopedic'
 */
export function taxonomyName(code: string): string | undefined {
  expectText('taxonomyName', 'code', code, 'a NUCC taxonomy code such as "225100000X"');
  const names: Readonly<Record<string, string>> = NUCC_TAXONOMY_NAMES;
  return Object.hasOwn(names, code) ? names[code] : undefined;
}
