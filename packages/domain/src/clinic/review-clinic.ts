import { articleReadTime } from '../content/read-time.js';
import { findCredential, suggestCredential } from '../credentials/catalog-lookup.js';
import { expectShape } from '../shared/arguments.js';
import type { Issue } from '../shared/issue.js';
import { CLINIC } from '../shared/shapes.js';
import type { Clinic } from './clinic.js';

/**
 * Warnings about a valid clinic: facts that parse but disagree with what ptfx knows — a
 * displayed read time that differs from {@link articleReadTime} (`read-time-mismatch`), a
 * structured credential the catalog does not know (`unknown-credential`).
 *
 * @throws {TypeError} when `clinic` is not a parsed clinic (parse it with `parseClinicData`)
 */
export function reviewClinic(clinic: Clinic): Issue[] {
  expectShape('reviewClinic', 'clinic', clinic, CLINIC);
  return reviewClinicUnchecked(clinic);
}

/** {@link reviewClinic} without the argument check, for the parser that made the clinic. */
export function reviewClinicUnchecked(clinic: Clinic): Issue[] {
  const issues: Issue[] = [];
  clinic.therapists.forEach((therapist, i) => {
    therapist.credentials.forEach((credential, j) => {
      if (findCredential(credential.abbreviation)) return;
      const suggestion = suggestCredential(credential.abbreviation);
      issues.push({
        code: 'unknown-credential',
        severity: 'warning',
        path: ['therapists', i, 'credentials', j, 'abbreviation'],
        message: suggestion
          ? `unknown credential "${credential.abbreviation}"; did you mean "${suggestion}"?`
          : `unknown credential "${credential.abbreviation}"; check the spelling against the credential catalog`,
        ...(suggestion ? { fix: suggestion } : {}),
      });
    });
  });
  clinic.articles.forEach((article, i) => {
    if (article.displayedReadTime === undefined) return;
    const computed = articleReadTime(article);
    if (computed !== article.displayedReadTime) {
      issues.push({
        code: 'read-time-mismatch',
        severity: 'warning',
        path: ['articles', i, 'displayedReadTime'],
        message: `the site shows ${article.displayedReadTime} min but the text reads in ${computed} min at 200 words a minute`,
        fix: String(computed),
      });
    }
  });
  return issues;
}
