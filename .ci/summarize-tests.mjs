// Sums the vitest JSON reports the packages wrote under CI into the one closing line CI reads:
// "tests: N passed, N failed". Exits 1 when a package that has tests wrote no report.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let passed = 0;
let failed = 0;
let missing = 0;
for (const group of ['packages', 'apps']) {
  if (!existsSync(group)) continue;
  for (const name of readdirSync(group)) {
    const dir = join(group, name);
    if (!existsSync(join(dir, 'vitest.config.ts'))) continue;
    const report = join(dir, '.vitest-results.json');
    if (!existsSync(report)) {
      console.error(`no test report from ${dir}`);
      missing++;
      continue;
    }
    const { numPassedTests, numFailedTests } = JSON.parse(readFileSync(report, 'utf8'));
    passed += numPassedTests;
    failed += numFailedTests;
  }
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(missing > 0 || (passed === 0 && failed === 0) ? 1 : 0);
