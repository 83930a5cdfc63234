import { describe, expect, it } from 'vitest';
import { type LintCredentialListingOptions, lintCredentialListing } from '../listing-lint.js';
import { FLORIDA } from './fl.js';
import { stateTitleLaw } from './index.js';

const FL: LintCredentialListingOptions = { jurisdiction: 'FL' };

/** Every issue of `listing` in Florida, as `severity:code`. */
function issues(listing: string, options: LintCredentialListingOptions = {}): string[] {
  return lintCredentialListing(listing, { ...FL, ...options }).issues.map(
    (i) => `${i.severity}:${i.code}`,
  );
}

describe('Florida (F.S. 486.081 as amended by SB 450)', () => {
  it('is registered, with citations that link to the text read', () => {
    expect(stateTitleLaw('FL')).toBe(FLORIDA);
    expect(FLORIDA.citations.length).toBeGreaterThan(0);
    for (const c of FLORIDA.citations) {
      expect(c.url).toMatch(/^https:\/\/[^\s]+$/);
      expect(c.section.trim()).not.toBe('');
      expect(c.says.trim()).not.toBe('');
    }
  });

  it('does not require the designation: a listing without PT is a warning (APTA)', () => {
    expect(FLORIDA.designationRequired).toBe(false);
    expect(issues('Jane Doe, DPT')).toContain('warning:missing-designation');
    expect(issues('Jane Doe, DPT')).not.toContain('error:missing-designation');
    expect(issues('Jane Doe, PT, DPT')).toEqual([]);
  });

  it('"Dr." must name the profession: PT in the listing, no doctorate asked', () => {
    expect(FLORIDA.doctorTitle).toEqual({ rule: 'designation' });
    expect(issues('Dr. Jane Doe, PT, DPT')).toEqual([]);
    expect(issues('Dr. Jane Doe, PT, MS')).toEqual([]);
    expect(issues('Dr. Jane Doe, DPT')).toContain('error:title-requires-designation');
  });

  it('judges a PTA using "Dr." or PT as a warning', () => {
    expect(FLORIDA.assistantSeverity).toBe('warning');
    expect(issues('Dr. Maria Lopez, PTA')).toEqual(['warning:assistant-title']);
    expect(issues('Maria Lopez, PTA, PT')).toEqual(['warning:assistant-title']);
    expect(issues('Maria Lopez, PTA')).toEqual([]);
  });
});
