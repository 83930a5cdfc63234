import { describe, expect, it } from 'vitest';
import { type LintCredentialListingOptions, lintCredentialListing } from '../listing-lint.js';
import { stateTitleLaw } from './index.js';
import { WASHINGTON } from './wa.js';

const WA: LintCredentialListingOptions = { jurisdiction: 'WA' };

/** Every issue of `listing` in Washington, as `severity:code`. */
function issues(listing: string, options: LintCredentialListingOptions = {}): string[] {
  return lintCredentialListing(listing, { ...WA, ...options }).issues.map(
    (i) => `${i.severity}:${i.code}`,
  );
}

describe('Washington (RCW 18.74.090)', () => {
  it('is registered, with citations that link to the text read', () => {
    expect(stateTitleLaw('WA')).toBe(WASHINGTON);
    expect(WASHINGTON.citations.length).toBeGreaterThan(0);
    for (const c of WASHINGTON.citations) {
      expect(c.url).toMatch(/^https:\/\/[^\s]+$/);
      expect(c.section.trim()).not.toBe('');
      expect(c.says.trim()).not.toBe('');
    }
  });

  it('does not require the designation: a listing without PT is a warning (APTA)', () => {
    expect(WASHINGTON.designationRequired).toBe(false);
    expect(issues('Jane Doe, DPT')).toContain('warning:missing-designation');
    expect(issues('Jane Doe, DPT')).not.toContain('error:missing-designation');
    expect(issues('Jane Doe, PT, DPT')).toEqual([]);
  });

  it('has no "Dr." rule beyond title protection: "Dr." stands with or without a doctorate', () => {
    expect(WASHINGTON.doctorTitle).toEqual({ rule: 'none' });
    expect(issues('Dr. Jane Doe, PT, DPT')).toEqual([]);
    expect(issues('Dr. Jane Doe, PT, MS')).toEqual([]);
    expect(lintCredentialListing('Dr. Jane Doe, PT, MS', WA).fix).toBeUndefined();
  });

  it('judges a PTA using "Dr." or PT as a warning', () => {
    expect(WASHINGTON.assistantSeverity).toBe('warning');
    expect(issues('Dr. Maria Lopez, PTA')).toEqual(['warning:assistant-title']);
    expect(issues('Maria Lopez, PTA, PT')).toEqual(['warning:assistant-title']);
    expect(issues('Maria Lopez, PTA')).toEqual([]);
  });
});
