// The title law of each state the linter knows: one file per state, one registration line here.
import type { UsStateCode } from '../../contact/us-state-codes.js';
import { ARIZONA } from './az.js';
import { CALIFORNIA } from './ca.js';
import { FLORIDA } from './fl.js';
import { GEORGIA } from './ga.js';
import { ILLINOIS } from './il.js';
import { MASSACHUSETTS } from './ma.js';
import { MICHIGAN } from './mi.js';
import { NORTH_CAROLINA } from './nc.js';
import { NEW_JERSEY } from './nj.js';
import { NEW_YORK } from './ny.js';
import { OHIO } from './oh.js';
import { PENNSYLVANIA } from './pa.js';
import type { StateTitleLaw } from './state-law.js';
import { TENNESSEE } from './tn.js';
import { TEXAS } from './tx.js';
import { VIRGINIA } from './va.js';
import { WASHINGTON } from './wa.js';

export type { StateCitation, StateTitleLaw } from './state-law.js';

/**
 * The states whose title law the linter applies, in USPS-code order: what a PT needs for "Dr.",
 * whether the PT/PTA designation is required, how a PTA's use of a PT title is judged, each with
 * the statute, rule or board text it rests on. A state not here gets the APTA-level rules only.
 */
export const STATE_TITLE_LAWS: readonly StateTitleLaw[] = [
  ARIZONA,
  CALIFORNIA,
  FLORIDA,
  GEORGIA,
  ILLINOIS,
  MASSACHUSETTS,
  MICHIGAN,
  NORTH_CAROLINA,
  NEW_JERSEY,
  NEW_YORK,
  OHIO,
  PENNSYLVANIA,
  TENNESSEE,
  TEXAS,
  VIRGINIA,
  WASHINGTON,
].sort((a, b) => a.state.localeCompare(b.state));

const BY_STATE: ReadonlyMap<string, StateTitleLaw> = new Map(
  STATE_TITLE_LAWS.map((law) => [law.state, law]),
);

/**
 * The title law of `state`, or `undefined` when the linter has none for it (or no state is
 * given). A map lookup: cheap enough to call once per listing.
 *
 * @example
 * stateTitleLaw('CA')?.doctorTitle; // { rule: 'spelled-out-degree-after-name', degrees: ['DPT', 'PhD', 'EdD'] }
 */
export function stateTitleLaw(state: UsStateCode | undefined): StateTitleLaw | undefined {
  return state === undefined ? undefined : BY_STATE.get(state);
}
