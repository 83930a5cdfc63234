import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    // The store contract suite and the private PostgreSQL cluster, for the API's tests and benches.
    'testing/index': 'src/testing/index.ts',
  },
  format: ['esm'],
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  clean: true,
  dts: true,
  // vitest is the contract suite's peer: the caller's test runner, never bundled.
  external: ['vitest'],
});
