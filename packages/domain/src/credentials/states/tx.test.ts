import { describe, expect, it } from 'vitest';
import { type LintCredentialListingOptions, lintCredentialListing } from '../listing-lint.js';
import { stateTitleLaw } from './index.js';
import { TEXAS } from './tx.js';

const TX: LintCredentialListingOptions = { jurisdiction: 'TX' };

/** Every issue of `listing` in Texas, as `severity:code`. */
function issues(listing: string, options: LintCredentialListingOptions = {}): string[] {
  return lintCredentialListing(listing, { ...TX, ...options }).issues.map(
    (i) => `${i.severity}:${i.code}`,
  );
}

describe('Texas (Occ. Code §§453.201, 104.004)', () => {
  it('is registered, with citations that link to the text read', () => {
    expect(stateTitleLaw('TX')).toBe(TEXAS);
    expect(TEXAS.citations.length).toBeGreaterThan(0);
    for (const c of TEXAS.citations) {
      expect(c.url).toMatch(/^https:\/\/[^\s]+$/);
      expect(c.section.trim()).not.toBe('');
      expect(c.says.trim()).not.toBe('');
    }
  });

  it('requires the designation: a listing without PT is an error', () => {
    expect(TEXAS.designationRequired).toBe(true);
    expect(issues('Jane Doe, DPT')).toContain('error:missing-designation');
    expect(issues('Jane Doe, DPT')).not.toContain('warning:missing-designation');
    expect(issues('Jane Doe, PT, DPT')).toEqual([]);
  });

  it('judges a PTA using "Dr." or PT as a warning', () => {
    expect(TEXAS.assistantSeverity).toBe('warning');
    expect(issues('Dr. Maria Lopez, PTA')).toEqual(['warning:assistant-title']);
    expect(issues('Maria Lopez, PTA, PT')).toEqual(['warning:assistant-title']);
    expect(issues('Maria Lopez, PTA')).toEqual([]);
  });

  it('"Dr." needs PT and the doctoral degree named (Occ. Code §104.004; board FAQ)', () => {
    expect(TEXAS.doctorTitle).toEqual({ rule: 'designation-and-degree' });
    expect(issues('Dr. Jane Doe, PT, DPT')).toEqual([]);
    expect(issues('Dr. Hannah Lee, PT, PhD')).toEqual([]);
    expect(issues('Dr. Jane Doe, PT, MS')).toEqual(['error:title-requires-designation']);
    expect(issues('Dr. Jane Doe, DPT')).toContain('error:title-requires-designation');
    expect(lintCredentialListing('Dr. Jane Doe, PT, MS', TX).fix).toBe('Jane Doe, PT, MS');
  });

  it('does not take RPT for PT (only "PT" signifies licensure)', () => {
    expect(issues('Jane Doe, RPT')).toEqual(['error:missing-designation']);
  });

  it('bars a PTA from the generic "therapist" (board FAQ)', () => {
    expect(TEXAS.assistantBarredWords).toEqual(['therapist']);
    expect(issues('Maria Lopez, PTA, therapist')).toContain('warning:assistant-title');
  });
});
