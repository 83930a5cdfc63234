// @ts-check
import { defineConfig } from 'vitest/config';

/**
 * The shared vitest setup: unit tests are `src/**\/*.test.ts` beside the code; tests that need a
 * database server or a socket are `*.int.test.ts` and run as their own project.
 * @param {{ integration?: boolean }} [options]
 */
export function ptfxVitestConfig(options = {}) {
  const unit = {
    extends: true,
    test: {
      name: 'unit',
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      exclude: ['**/*.int.test.ts', '**/node_modules/**', '**/dist/**'],
    },
  };
  const integration = {
    extends: true,
    test: {
      name: 'integration',
      include: ['src/**/*.int.test.ts', 'test/**/*.int.test.ts'],
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  };
  return defineConfig({
    test: {
      // Under CI, also write a JSON report that .ci/run sums into one "N passed, N failed" line.
      reporters: process.env.CI ? ['default', 'json'] : ['default'],
      outputFile: { json: '.vitest-results.json' },
      passWithNoTests: false,
      benchmark: { include: ['src/**/*.bench.ts', 'bench/**/*.bench.ts'] },
      projects: options.integration ? [unit, integration] : [unit],
    },
  });
}
