import { describe, expect, it } from 'vitest';
import { type LintCredentialListingOptions, lintCredentialListing } from '../listing-lint.js';
import { stateTitleLaw } from './index.js';
import { TENNESSEE } from './tn.js';

const TN: LintCredentialListingOptions = { jurisdiction: 'TN' };

/** Every issue of `listing` in Tennessee, as `severity:code`. */
function issues(listing: string, options: LintCredentialListingOptions = {}): string[] {
  return lintCredentialListing(listing, { ...TN, ...options }).issues.map(
    (i) => `${i.severity}:${i.code}`,
  );
}

describe('Tennessee (T.C.A. §63-13-310)', () => {
  it('is registered, with citations that link to the text read', () => {
    expect(stateTitleLaw('TN')).toBe(TENNESSEE);
    expect(TENNESSEE.citations.length).toBeGreaterThan(0);
    for (const c of TENNESSEE.citations) {
      expect(c.url).toMatch(/^https:\/\/[^\s]+$/);
      expect(c.section.trim()).not.toBe('');
      expect(c.says.trim()).not.toBe('');
    }
  });

  it('requires the designation: a listing without PT is an error', () => {
    expect(TENNESSEE.designationRequired).toBe(true);
    expect(issues('Jane Doe, DPT')).toContain('error:missing-designation');
    expect(issues('Jane Doe, DPT')).not.toContain('warning:missing-designation');
    expect(issues('Jane Doe, PT, DPT')).toEqual([]);
  });

  it('has no "Dr." rule beyond title protection: "Dr." stands with or without a doctorate', () => {
    expect(TENNESSEE.doctorTitle).toEqual({ rule: 'none' });
    expect(issues('Dr. Jane Doe, PT, DPT')).toEqual([]);
    expect(issues('Dr. Jane Doe, PT, MS')).toEqual([]);
    expect(lintCredentialListing('Dr. Jane Doe, PT, MS', TN).fix).toBeUndefined();
  });

  it('judges a PTA using "Dr." or PT as a warning', () => {
    expect(TENNESSEE.assistantSeverity).toBe('warning');
    expect(issues('Dr. Maria Lopez, PTA')).toEqual(['warning:assistant-title']);
    expect(issues('Maria Lopez, PTA, PT')).toEqual(['warning:assistant-title']);
    expect(issues('Maria Lopez, PTA')).toEqual([]);
  });

  it('requires PTA of an assistant (T.C.A. §63-13-310(d))', () => {
    expect(issues('Maria Lopez, CSCS', { role: 'PTA' })).toContain('error:missing-designation');
  });
});
