import { defineConfig } from 'tsup';

const common = { sourcemap: true, target: 'es2022', platform: 'neutral' } as const;

export default defineConfig([
  {
    // ESM: one output file per source module, not one bundle. With `sideEffects: false`, a site
    // that imports one function lets its bundler drop every module (and catalog) it never reaches.
    ...common,
    entry: ['src/**/*.ts', '!src/**/*.test.ts', '!src/**/*.bench.ts', '!src/test-support/**'],
    bundle: false,
    format: ['esm'],
    dts: { entry: { index: 'src/index.ts', 'credentials/index': 'src/credentials/index.ts' } },
    clean: true,
  },
  {
    // CommonJS: one file, since require() cannot load the ESM modules above and CommonJS
    // consumers do not tree-shake anyway. Dependencies stay external.
    ...common,
    entry: { index: 'src/index.ts', 'credentials/index': 'src/credentials/index.ts' },
    format: ['cjs'],
    dts: { entry: { index: 'src/index.ts', 'credentials/index': 'src/credentials/index.ts' } },
  },
]);
