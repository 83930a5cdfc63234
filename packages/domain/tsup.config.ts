import { defineConfig } from 'tsup';

const common = { sourcemap: true, target: 'es2022', platform: 'neutral' } as const;
// The public entries: the root, the zod-free credentials subpath, and the sample clinic.
const entries = {
  index: 'src/index.ts',
  'credentials/index': 'src/credentials/index.ts',
  'sample/index': 'src/sample/index.ts',
};

export default defineConfig([
  {
    // ESM: one output file per source module, not one bundle. With `sideEffects: false`, a site
    // that imports one function lets its bundler drop every module (and catalog) it never reaches.
    ...common,
    entry: ['src/**/*.ts', '!src/**/*.test.ts', '!src/**/*.bench.ts', '!src/test-support/**'],
    bundle: false,
    format: ['esm'],
    dts: { entry: entries },
    clean: true,
  },
  {
    // CommonJS: the entries with their shared code split into common chunks, so that the root and
    // a subpath load the same module (`require('@ptfx/domain').lintCredentialListing ===
    // require('@ptfx/domain/credentials').lintCredentialListing`). Dependencies stay external.
    ...common,
    entry: entries,
    format: ['cjs'],
    splitting: true,
    dts: { entry: entries },
  },
]);
