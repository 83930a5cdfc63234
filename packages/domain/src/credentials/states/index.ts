// The title law of each state the linter knows: one file per state, one registration line here.
import type { UsStateCode } from '../../contact/us-state-codes.js';
import { CALIFORNIA } from './ca.js';
import { FLORIDA } from './fl.js';
import { NEW_YORK } from './ny.js';
import type { StateTitleLaw } from './state-law.js';
import { TEXAS } from './tx.js';

export type { StateCitation, StateTitleLaw } from './state-law.js';

/**
 * The states whose title law the linter applies, in USPS-code order: what a PT needs for "Dr.",
 * whether the PT/PTA designation is required, how a PTA's use of a PT title is judged, each with
 * the statute, rule or board text it rests on.
 */
export const STATE_TITLE_LAWS: readonly StateTitleLaw[] = [
  CALIFORNIA,
  FLORIDA,
  NEW_YORK,
  TEXAS,
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
