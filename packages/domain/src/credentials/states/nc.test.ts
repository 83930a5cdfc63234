import { describe, expect, it } from 'vitest';
import { type LintCredentialListingOptions, lintCredentialListing } from '../listing-lint.js';
import { stateTitleLaw } from './index.js';
import { NORTH_CAROLINA } from './nc.js';

const NC: LintCredentialListingOptions = { jurisdiction: 'NC' };

/** Every issue of `listing` in North Carolina, as `severity:code`. */
function issues(listing: string, options: LintCredentialListingOptions = {}): string[] {
  return lintCredentialListing(listing, { ...NC, ...options }).issues.map(
    (i) => `${i.severity}:${i.code}`,
  );
}

describe('North Carolina (N.C.G.S. §90-270.102)', () => {
  it('is registered, with citations that link to the text read', () => {
    expect(stateTitleLaw('NC')).toBe(NORTH_CAROLINA);
    expect(NORTH_CAROLINA.citations.length).toBeGreaterThan(0);
    for (const c of NORTH_CAROLINA.citations) {
      expect(c.url).toMatch(/^https:\/\/[^\s]+$/);
      expect(c.section.trim()).not.toBe('');
      expect(c.says.trim()).not.toBe('');
    }
  });

  it('does not require the designation: a listing without PT is a warning (APTA)', () => {
    expect(NORTH_CAROLINA.designationRequired).toBe(false);
    expect(issues('Jane Doe, DPT')).toContain('warning:missing-designation');
    expect(issues('Jane Doe, DPT')).not.toContain('error:missing-designation');
    expect(issues('Jane Doe, PT, DPT')).toEqual([]);
  });

  it('has no "Dr." rule beyond title protection: "Dr." stands with or without a doctorate', () => {
    expect(NORTH_CAROLINA.doctorTitle).toEqual({ rule: 'none' });
    expect(issues('Dr. Jane Doe, PT, DPT')).toEqual([]);
    expect(issues('Dr. Jane Doe, PT, MS')).toEqual([]);
    expect(lintCredentialListing('Dr. Jane Doe, PT, MS', NC).fix).toBeUndefined();
  });

  it('judges a PTA using "Dr." or PT as a warning', () => {
    expect(NORTH_CAROLINA.assistantSeverity).toBe('warning');
    expect(issues('Dr. Maria Lopez, PTA')).toEqual(['warning:assistant-title']);
    expect(issues('Maria Lopez, PTA, PT')).toEqual(['warning:assistant-title']);
    expect(issues('Maria Lopez, PTA')).toEqual([]);
  });
});
