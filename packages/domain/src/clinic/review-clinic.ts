import { articleReadTime } from '../content/article.js';
import type { Issue } from '../shared/issue.js';
import type { Clinic } from './clinic.js';

/**
 * Warnings about a valid clinic: facts that parse but disagree with what ptfx computes, such as
 * a displayed read time that differs from {@link articleReadTime} (`read-time-mismatch`).
 */
export function reviewClinic(clinic: Clinic): Issue[] {
  const issues: Issue[] = [];
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
