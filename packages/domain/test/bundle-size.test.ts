import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUDGETS, type BundleRow, kib, measureBundles } from '../scripts/bundle-size.mjs';

// Budgets of what a browser site ships for one import of the built package (minified, gzipped),
// with esbuild and with Vite. `pnpm --filter @ptfx/domain size` prints the README's table.
let rows: BundleRow[] = [];
beforeAll(async () => {
  rows = await measureBundles();
}, 120_000);

describe('bundle-size budgets', () => {
  it.each(BUDGETS.map((b) => [b.names.join(', ') + (b.from ? ` from ${b.from}` : ''), b]))(
    '%s stays within its budget with esbuild and with Vite',
    (_label, budget) => {
      const row = rows.find((r) => r.names === budget.names && r.from === budget.from);
      expect(row, 'measured').toBeDefined();
      if (!row) return;
      const over = (bytes: number) =>
        `${kib(bytes)} gzipped, over the ${kib(budget.budget)} budget: find what the entry pulls in with esbuild --metafile`;
      expect(row.esbuild.gzipped, over(row.esbuild.gzipped)).toBeLessThanOrEqual(budget.budget);
      expect(row.vite.gzipped, over(row.vite.gzipped)).toBeLessThanOrEqual(budget.budget);
    },
  );

  it('ships no zod with the small helpers, the hours functions, the linter or the projections', () => {
    // Only the data-file parser and the sample need zod's schemas; the check is the bundle's text.
    const needsZod = (r: (typeof rows)[number]) =>
      r.names.includes('parseClinicData') || r.names.includes('sampleClinic');
    for (const row of rows) expect(row.zod, row.label).toBe(needsZod(row));
  });

  it('is the table the README shows: every entry, its budget, sizes within 10% of today’s', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const row of rows) {
      const line = readme.split('\n').find((l) => l.startsWith(`| \`${row.label}\` |`));
      expect(line, `README.md has no row for ${row.label}: run pnpm size`).toBeDefined();
      const cells = (line ?? '').split('|').map((c) => c.trim());
      expect(cells[2], `${row.label} budget`).toBe(kib(row.budget));
      for (const [cell, bytes] of [
        [cells[3], row.esbuild.gzipped],
        [cells[4], row.vite.gzipped],
      ] as const) {
        const shown = Number.parseFloat(cell ?? '') * 1024;
        expect(
          Math.abs(shown - bytes) <= Math.max(0.1 * bytes, 103),
          `${row.label}: README says ${cell}, measured ${kib(bytes)}; run pnpm size and update the table`,
        ).toBe(true);
      }
    }
  });
});
