import { describe, expect, it } from 'vitest';
import { type LintCredentialListingOptions, lintCredentialListing } from '../listing-lint.js';
import { stateTitleLaw } from './index.js';
import { NEW_JERSEY } from './nj.js';

const NJ: LintCredentialListingOptions = { jurisdiction: 'NJ' };

/** Every issue of `listing` in New Jersey, as `severity:code`. */
function issues(listing: string, options: LintCredentialListingOptions = {}): string[] {
  return lintCredentialListing(listing, { ...NJ, ...options }).issues.map(
    (i) => `${i.severity}:${i.code}`,
  );
}

describe('New Jersey (N.J.S.A. 45:9-37.31; N.J.A.C. 13:39A-8.5)', () => {
  it('is registered, with citations that link to the text read', () => {
    expect(stateTitleLaw('NJ')).toBe(NEW_JERSEY);
    expect(NEW_JERSEY.citations.length).toBeGreaterThan(0);
    for (const c of NEW_JERSEY.citations) {
      expect(c.url).toMatch(/^https:\/\/[^\s]+$/);
      expect(c.section.trim()).not.toBe('');
      expect(c.says.trim()).not.toBe('');
    }
  });

  it('requires the designation: a listing without PT is an error', () => {
    expect(NEW_JERSEY.designationRequired).toBe(true);
    expect(issues('Jane Doe, DPT')).toContain('error:missing-designation');
    expect(issues('Jane Doe, DPT')).not.toContain('warning:missing-designation');
    expect(issues('Jane Doe, PT, DPT')).toEqual([]);
  });

  it('has no "Dr." rule beyond title protection: "Dr." stands with or without a doctorate', () => {
    expect(NEW_JERSEY.doctorTitle).toEqual({ rule: 'none' });
    expect(issues('Dr. Jane Doe, PT, DPT')).toEqual([]);
    expect(issues('Dr. Jane Doe, PT, MS')).toEqual([]);
    expect(lintCredentialListing('Dr. Jane Doe, PT, MS', NJ).fix).toBeUndefined();
  });

  it('judges a PTA using "Dr." or PT as a warning', () => {
    expect(NEW_JERSEY.assistantSeverity).toBe('warning');
    expect(issues('Dr. Maria Lopez, PTA')).toEqual(['warning:assistant-title']);
    expect(issues('Maria Lopez, PTA, PT')).toEqual(['warning:assistant-title']);
    expect(issues('Maria Lopez, PTA')).toEqual([]);
  });

  it('allows LPT and LPTA, which its act names (N.J.S.A. 45:9-37.31)', () => {
    expect(NEW_JERSEY.allowedDesignations).toEqual(['LPT', 'LPTA']);
    expect(issues('Jane Doe, LPT').filter((i) => i.endsWith(':missing-designation'))).toEqual([]);
    expect(issues('Jane Doe, LPT, DPT').filter((i) => i.startsWith('error:'))).toEqual([]);
    // Where the act does not name it, LPT does not replace PT.
    expect(issues('Jane Doe, LPT', { jurisdiction: 'PA' })).toContain(
      'warning:missing-designation',
    );
  });
});
