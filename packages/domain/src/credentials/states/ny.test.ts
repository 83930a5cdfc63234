import { describe, expect, it } from 'vitest';
import { type LintCredentialListingOptions, lintCredentialListing } from '../listing-lint.js';
import { stateTitleLaw } from './index.js';
import { NEW_YORK } from './ny.js';

const NY: LintCredentialListingOptions = { jurisdiction: 'NY' };

/** Every issue of `listing` in New York, as `severity:code`. */
function issues(listing: string, options: LintCredentialListingOptions = {}): string[] {
  return lintCredentialListing(listing, { ...NY, ...options }).issues.map(
    (i) => `${i.severity}:${i.code}`,
  );
}

describe('New York (NYSED Guideline 2; Educ. Law Art. 136)', () => {
  it('is registered, with citations that link to the text read', () => {
    expect(stateTitleLaw('NY')).toBe(NEW_YORK);
    expect(NEW_YORK.citations.length).toBeGreaterThan(0);
    for (const c of NEW_YORK.citations) {
      expect(c.url).toMatch(/^https:\/\/[^\s]+$/);
      expect(c.section.trim()).not.toBe('');
      expect(c.says.trim()).not.toBe('');
    }
  });

  it('requires the designation: a listing without PT is an error', () => {
    expect(NEW_YORK.designationRequired).toBe(true);
    expect(issues('Jane Doe, DPT')).toContain('error:missing-designation');
    expect(issues('Jane Doe, DPT')).not.toContain('warning:missing-designation');
    expect(issues('Jane Doe, PT, DPT')).toEqual([]);
  });

  it('"Dr." must name the profession: PT in the listing, no doctorate asked', () => {
    expect(NEW_YORK.doctorTitle).toEqual({ rule: 'designation' });
    expect(issues('Dr. Jane Doe, PT, DPT')).toEqual([]);
    expect(issues('Dr. Jane Doe, PT, MS')).toEqual([]);
    expect(issues('Dr. Jane Doe, DPT')).toContain('error:title-requires-designation');
  });

  it('judges a PTA using "Dr." or PT as a warning', () => {
    expect(NEW_YORK.assistantSeverity).toBe('warning');
    expect(issues('Dr. Maria Lopez, PTA')).toEqual(['warning:assistant-title']);
    expect(issues('Maria Lopez, PTA, PT')).toEqual(['warning:assistant-title']);
    expect(issues('Maria Lopez, PTA')).toEqual([]);
  });
});
