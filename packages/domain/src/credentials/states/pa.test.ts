import { describe, expect, it } from 'vitest';
import { type LintCredentialListingOptions, lintCredentialListing } from '../listing-lint.js';
import { stateTitleLaw } from './index.js';
import { PENNSYLVANIA } from './pa.js';

const PA: LintCredentialListingOptions = { jurisdiction: 'PA' };

/** Every issue of `listing` in Pennsylvania, as `severity:code`. */
function issues(listing: string, options: LintCredentialListingOptions = {}): string[] {
  return lintCredentialListing(listing, { ...PA, ...options }).issues.map(
    (i) => `${i.severity}:${i.code}`,
  );
}

describe('Pennsylvania (63 P.S. §1304)', () => {
  it('is registered, with citations that link to the text read', () => {
    expect(stateTitleLaw('PA')).toBe(PENNSYLVANIA);
    expect(PENNSYLVANIA.citations.length).toBeGreaterThan(0);
    for (const c of PENNSYLVANIA.citations) {
      expect(c.url).toMatch(/^https:\/\/[^\s]+$/);
      expect(c.section.trim()).not.toBe('');
      expect(c.says.trim()).not.toBe('');
    }
  });

  it('does not require the designation: a listing without PT is a warning (APTA)', () => {
    expect(PENNSYLVANIA.designationRequired).toBe(false);
    expect(issues('Jane Doe, DPT')).toContain('warning:missing-designation');
    expect(issues('Jane Doe, DPT')).not.toContain('error:missing-designation');
    expect(issues('Jane Doe, PT, DPT')).toEqual([]);
  });

  it('has no "Dr." rule beyond title protection: "Dr." stands with or without a doctorate', () => {
    expect(PENNSYLVANIA.doctorTitle).toEqual({ rule: 'none' });
    expect(issues('Dr. Jane Doe, PT, DPT')).toEqual([]);
    expect(issues('Dr. Jane Doe, PT, MS')).toEqual([]);
    expect(lintCredentialListing('Dr. Jane Doe, PT, MS', PA).fix).toBeUndefined();
  });

  it('judges a PTA using "Dr." or PT as a warning', () => {
    expect(PENNSYLVANIA.assistantSeverity).toBe('warning');
    expect(issues('Dr. Maria Lopez, PTA')).toEqual(['warning:assistant-title']);
    expect(issues('Maria Lopez, PTA, PT')).toEqual(['warning:assistant-title']);
    expect(issues('Maria Lopez, PTA')).toEqual([]);
  });
});
