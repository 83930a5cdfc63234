import { describe, expect, it } from 'vitest';
import { type LintCredentialListingOptions, lintCredentialListing } from '../listing-lint.js';
import { ARIZONA } from './az.js';
import { stateTitleLaw } from './index.js';

const AZ: LintCredentialListingOptions = { jurisdiction: 'AZ' };

/** Every issue of `listing` in Arizona, as `severity:code`. */
function issues(listing: string, options: LintCredentialListingOptions = {}): string[] {
  return lintCredentialListing(listing, { ...AZ, ...options }).issues.map(
    (i) => `${i.severity}:${i.code}`,
  );
}

describe('Arizona (A.R.S. §32-2042; R4-24-302)', () => {
  it('is registered, with citations that link to the text read', () => {
    expect(stateTitleLaw('AZ')).toBe(ARIZONA);
    expect(ARIZONA.citations.length).toBeGreaterThan(0);
    for (const c of ARIZONA.citations) {
      expect(c.url).toMatch(/^https:\/\/[^\s]+$/);
      expect(c.section.trim()).not.toBe('');
      expect(c.says.trim()).not.toBe('');
    }
  });

  it('requires the designation: a listing without PT is an error', () => {
    expect(ARIZONA.designationRequired).toBe(true);
    expect(issues('Jane Doe, DPT')).toContain('error:missing-designation');
    expect(issues('Jane Doe, DPT')).not.toContain('warning:missing-designation');
    expect(issues('Jane Doe, PT, DPT')).toEqual([]);
  });

  it('has no "Dr." rule beyond title protection: "Dr." stands with or without a doctorate', () => {
    expect(ARIZONA.doctorTitle).toEqual({ rule: 'none' });
    expect(issues('Dr. Jane Doe, PT, DPT')).toEqual([]);
    expect(issues('Dr. Jane Doe, PT, MS')).toEqual([]);
    expect(lintCredentialListing('Dr. Jane Doe, PT, MS', AZ).fix).toBeUndefined();
  });

  it('judges a PTA using "Dr." or PT as a warning', () => {
    expect(ARIZONA.assistantSeverity).toBe('warning');
    expect(issues('Dr. Maria Lopez, PTA')).toEqual(['warning:assistant-title']);
    expect(issues('Maria Lopez, PTA, PT')).toEqual(['warning:assistant-title']);
    expect(issues('Maria Lopez, PTA')).toEqual([]);
  });

  it('does not take R.P.T. or L.P.T. for P.T. (R4-24-302(A))', () => {
    expect(issues('Jane Doe, LPT')).toContain('error:missing-designation');
    expect(issues('Jane Doe, R.P.T., DPT')).toContain('error:missing-designation');
  });

  it('requires PTA of an assistant (A.R.S. §32-2042(B))', () => {
    expect(issues('Maria Lopez, CSCS', { role: 'PTA' })).toContain('error:missing-designation');
  });
});
