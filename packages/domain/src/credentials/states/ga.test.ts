import { describe, expect, it } from 'vitest';
import { type LintCredentialListingOptions, lintCredentialListing } from '../listing-lint.js';
import { GEORGIA } from './ga.js';
import { stateTitleLaw } from './index.js';

const GA: LintCredentialListingOptions = { jurisdiction: 'GA' };

/** Every issue of `listing` in Georgia, as `severity:code`. */
function issues(listing: string, options: LintCredentialListingOptions = {}): string[] {
  return lintCredentialListing(listing, { ...GA, ...options }).issues.map(
    (i) => `${i.severity}:${i.code}`,
  );
}

describe('Georgia (O.C.G.A. §43-33-11)', () => {
  it('is registered, with citations that link to the text read', () => {
    expect(stateTitleLaw('GA')).toBe(GEORGIA);
    expect(GEORGIA.citations.length).toBeGreaterThan(0);
    for (const c of GEORGIA.citations) {
      expect(c.url).toMatch(/^https:\/\/[^\s]+$/);
      expect(c.section.trim()).not.toBe('');
      expect(c.says.trim()).not.toBe('');
    }
  });

  it('requires the designation: a listing without PT is an error', () => {
    expect(GEORGIA.designationRequired).toBe(true);
    expect(issues('Jane Doe, DPT')).toContain('error:missing-designation');
    expect(issues('Jane Doe, DPT')).not.toContain('warning:missing-designation');
    expect(issues('Jane Doe, PT, DPT')).toEqual([]);
  });

  it('has no "Dr." rule beyond title protection: "Dr." stands with or without a doctorate', () => {
    expect(GEORGIA.doctorTitle).toEqual({ rule: 'none' });
    expect(issues('Dr. Jane Doe, PT, DPT')).toEqual([]);
    expect(issues('Dr. Jane Doe, PT, MS')).toEqual([]);
    expect(lintCredentialListing('Dr. Jane Doe, PT, MS', GA).fix).toBeUndefined();
  });

  it('judges a PTA using "Dr." or PT as a warning', () => {
    expect(GEORGIA.assistantSeverity).toBe('warning');
    expect(issues('Dr. Maria Lopez, PTA')).toEqual(['warning:assistant-title']);
    expect(issues('Maria Lopez, PTA, PT')).toEqual(['warning:assistant-title']);
    expect(issues('Maria Lopez, PTA')).toEqual([]);
  });

  it('requires PTA of an assistant (O.C.G.A. §43-33-11(2))', () => {
    expect(issues('Maria Lopez, CSCS', { role: 'PTA' })).toContain('error:missing-designation');
  });
});
