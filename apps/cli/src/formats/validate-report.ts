import { formatPath, type Issue } from '@ptfx/domain';
import type { Output } from '../io.js';
import type { Finding } from './finding.js';
import { AnnotationCounter, annotation } from './github.js';
import { credentialRuleInfos, DATA_FILE_RULES, SarifStream } from './sarif.js';

/**
 * The findings of `ptfx validate`, located in the data file: the line and column the parser or
 * the listing check gave (a listing's issue spans its characters: the listing is found verbatim in
 * the file); the JSON path leads the message and is kept in `properties.path`. `file` is undefined
 * for standard input.
 */
export function validateFindings(issues: readonly Issue[], file: string | undefined): Finding[] {
  return issues.map((issue) => {
    const path = issue.path.length > 0 ? formatPath(issue.path) : undefined;
    const at = issue.position;
    const width = issue.span ? Math.max(1, issue.span.end - issue.span.start) : undefined;
    return {
      code: issue.code,
      severity: issue.severity,
      message: path ? `${path}: ${issue.message}` : issue.message,
      file,
      region: at
        ? {
            startLine: at.line,
            startColumn: at.column,
            ...(width === undefined ? {} : { endLine: at.line, endColumn: at.column + width }),
          }
        : undefined,
      properties: path ? { path } : undefined,
    };
  });
}

/**
 * Writes `ptfx validate`'s findings as SARIF (every rule of the data file and the listings, and
 * any other code that occurred) or as GitHub annotations.
 */
export function writeValidateReport(
  format: 'sarif' | 'github',
  issues: readonly Issue[],
  options: {
    file: string | undefined;
    out: Output;
    cwd: string;
    version: string;
    exitCode: number;
  },
): void {
  const findings = validateFindings(issues, options.file);
  const { out } = options;
  if (format === 'github') {
    const counter = new AnnotationCounter();
    for (const finding of findings) {
      counter.add(finding.severity);
      out.write(annotation(finding));
    }
    out.write(counter.closing());
    return;
  }
  const sarif = new SarifStream({
    rules: [...DATA_FILE_RULES, ...credentialRuleInfos()],
    version: options.version,
    cwd: options.cwd,
  });
  for (const finding of findings)
    sarif.add({
      code: finding.code,
      severity: 'error',
      summary: `ptfx reports "${finding.code}".`,
    });
  out.write(sarif.header());
  for (const finding of findings) out.write(sarif.result(finding));
  out.write(sarif.footer(options.exitCode));
}
