import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from './catalog-entry.js';
import { findCredential } from './catalog-lookup.js';
import { STATE_TITLE_LAWS, stateTitleLaw } from './states/index.js';
import {
  CALIFORNIA_TITLE_DEGREES,
  isBarredForAssistant,
  isBarredWordForAssistantUnchecked,
  keepsTitle,
  titleDegree,
} from './title-rules.js';

function entry(abbreviation: string): CatalogEntry {
  const found = findCredential(abbreviation);
  if (!found) throw new Error(`the catalog has no ${abbreviation}`);
  return found;
}

describe('title rules read from STATE_TITLE_LAWS', () => {
  it('CALIFORNIA_TITLE_DEGREES is the California record’s list', () => {
    const ca = STATE_TITLE_LAWS.find((law) => law.state === 'CA');
    expect(ca?.doctorTitle).toEqual({
      rule: 'spelled-out-degree-after-name',
      degrees: CALIFORNIA_TITLE_DEGREES,
    });
    expect(CALIFORNIA_TITLE_DEGREES).toEqual(['DPT', 'PhD', 'EdD']);
  });

  it('titleDegree: in CA only DPT, PhD or EdD, in that order; elsewhere any doctorate, DPT first', () => {
    const phdAndDpt = [entry('PT'), entry('PhD'), entry('DPT')];
    expect(titleDegree(phdAndDpt, 'CA')?.id).toBe('DPT');
    expect(titleDegree([entry('PT'), entry('PhD')], 'CA')?.id).toBe('PhD');
    expect(titleDegree([entry('PT'), entry('MS')], 'CA')).toBeUndefined();
    expect(titleDegree(phdAndDpt, 'TX')?.id).toBe('DPT');
    expect(titleDegree([entry('PT'), entry('PhD')], 'PA')?.id).toBe('PhD');
    expect(titleDegree([entry('PT'), entry('PhD')], undefined)?.id).toBe('PhD');
  });

  it('keepsTitle: a doctorate where the state asks one (CA, TX); never for a PTA', () => {
    const noDoctorate = [entry('PT'), entry('MS')];
    expect(keepsTitle(noDoctorate, 'PT', 'CA')).toBe(false);
    expect(keepsTitle(noDoctorate, 'PT', 'TX')).toBe(false);
    expect(keepsTitle([entry('PT'), entry('DPT')], 'PT', 'TX')).toBe(true);
    for (const state of ['FL', 'NY', 'MI', 'PA', 'IL', 'NJ'] as const)
      expect(keepsTitle(noDoctorate, 'PT', state)).toBe(true);
    expect(keepsTitle(noDoctorate, 'PT', undefined)).toBe(true);
    expect(keepsTitle([entry('PTA'), entry('DPT')], 'PTA', 'FL')).toBe(false);
  });

  it('isBarredForAssistant: PT, its obsolete forms, PT degrees and "doctor" everywhere', () => {
    for (const state of [undefined, 'CA', 'TX', 'NJ'] as const) {
      expect(isBarredForAssistant(entry('PT'), 'PT', state)).toBe(true);
      expect(isBarredForAssistant(entry('LPT'), 'LPT', state)).toBe(true);
      expect(isBarredForAssistant(entry('DPT'), 'DPT', state)).toBe(true);
      expect(isBarredForAssistant(entry('PTA'), 'PTA', state)).toBe(false);
    }
    // Two arguments, as before: the rules that hold everywhere.
    expect(isBarredForAssistant(entry('RPT'), 'RPT')).toBe(true);
    expect(isBarredForAssistant(entry('DPT'), 'Doctor of Physical Therapy')).toBe(true);
    expect(isBarredForAssistant(entry('CSCS'), 'CSCS')).toBe(false);
  });

  it('isBarredForAssistant: an assistant designation a state allows is never barred (NJ: LPTA)', () => {
    // Whatever catalog entry "L.P.T.A." is read as, New Jersey's act lets a PTA write it.
    expect(isBarredForAssistant(entry('LPT'), 'L.P.T.A.', 'NJ')).toBe(false);
    expect(isBarredForAssistant(entry('LPT'), 'L.P.T.A.', 'CA')).toBe(true);
    // LPT itself stays a PT's designation in New Jersey.
    expect(isBarredForAssistant(entry('LPT'), 'LPT', 'NJ')).toBe(true);
  });

  it('isBarredWordForAssistantUnchecked: a bare "therapist" in CA (B&P §2633.5(b)) and TX (board FAQ)', () => {
    expect(isBarredWordForAssistantUnchecked('therapist', stateTitleLaw('CA'))).toBe(true);
    expect(isBarredWordForAssistantUnchecked(' Therapist ', stateTitleLaw('CA'))).toBe(true);
    expect(isBarredWordForAssistantUnchecked('massage therapist', stateTitleLaw('CA'))).toBe(false);
    expect(isBarredWordForAssistantUnchecked('therapist', stateTitleLaw('TX'))).toBe(true);
    expect(isBarredWordForAssistantUnchecked('therapist', stateTitleLaw('PA'))).toBe(false);
    expect(isBarredWordForAssistantUnchecked('therapist', stateTitleLaw(undefined))).toBe(false);
    expect(isBarredForAssistant(entry('CSCS'), 'therapist', 'CA')).toBe(true);
  });

  it('refuses a state that is not a USPS code, naming the function and the argument', () => {
    expect(() => isBarredForAssistant(entry('PT'), 'PT', 'California' as never)).toThrow(
      /^isBarredForAssistant\(jurisdiction\)/,
    );
  });
});
