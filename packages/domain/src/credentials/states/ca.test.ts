import { describe, expect, it } from 'vitest';
import { type LintCredentialListingOptions, lintCredentialListing } from '../listing-lint.js';
import { CALIFORNIA } from './ca.js';
import { stateTitleLaw } from './index.js';

const CA: LintCredentialListingOptions = { jurisdiction: 'CA' };

/** Every issue of `listing` in California, as `severity:code`. */
function issues(listing: string, options: LintCredentialListingOptions = {}): string[] {
  return lintCredentialListing(listing, { ...CA, ...options }).issues.map(
    (i) => `${i.severity}:${i.code}`,
  );
}

describe('California (B&P §§2633, 2633.5)', () => {
  it('is registered, with citations that link to the text read', () => {
    expect(stateTitleLaw('CA')).toBe(CALIFORNIA);
    expect(CALIFORNIA.citations.length).toBeGreaterThan(0);
    for (const c of CALIFORNIA.citations) {
      expect(c.url).toMatch(/^https:\/\/[^\s]+$/);
      expect(c.section.trim()).not.toBe('');
      expect(c.says.trim()).not.toBe('');
    }
  });

  it('does not require the designation: a listing without PT is a warning (APTA)', () => {
    expect(CALIFORNIA.designationRequired).toBe(false);
    expect(issues('Jane Doe, DPT')).toContain('warning:missing-designation');
    expect(issues('Jane Doe, DPT')).not.toContain('error:missing-designation');
    expect(issues('Jane Doe, PT, DPT')).toEqual([]);
  });

  it('judges a PTA using "Dr." or PT as a error', () => {
    expect(CALIFORNIA.assistantSeverity).toBe('error');
    expect(issues('Dr. Maria Lopez, PTA')).toEqual(['error:assistant-title']);
    expect(issues('Maria Lopez, PTA, PT')).toEqual(['error:assistant-title']);
    expect(issues('Maria Lopez, PTA')).toEqual([]);
  });

  it('"Dr." only with DPT, PhD or EdD written out right after the name (B&P §2633(b)(2))', () => {
    expect(CALIFORNIA.doctorTitle).toEqual({
      rule: 'spelled-out-degree-after-name',
      degrees: ['DPT', 'PhD', 'EdD'],
    });
    expect(issues('Dr. Jane Doe, Doctor of Physical Therapy, PT')).toEqual([]);
    expect(issues('Dr. Priya Raman, Doctor of Philosophy, PT')).toEqual([]);
    expect(issues('Dr. Jane Doe, PT, DPT')).toEqual(['error:title-requires-spelled-out-degree']);
    expect(issues('Dr. Jane Doe, PT, MS')).toEqual(['error:title-requires-spelled-out-degree']);
    expect(lintCredentialListing('Dr. Jane Doe, PT, MS', CA).fix).toBe('Jane Doe, PT, MS');
  });

  it('bars a PTA from a bare "therapist" (B&P §2633.5(b))', () => {
    expect(CALIFORNIA.assistantBarredWords).toEqual(['therapist']);
    expect(issues('Maria Lopez, PTA, therapist')).toContain('error:assistant-title');
    expect(issues('Maria Lopez, PTA, therapist', { jurisdiction: 'PA' })).not.toContain(
      'error:assistant-title',
    );
  });
});
