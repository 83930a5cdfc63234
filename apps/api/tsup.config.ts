import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    server: 'src/server.ts',
    admin: 'src/admin.ts',
    index: 'src/index.ts',
    // For bench/intake.mjs: the private PostgreSQL cluster the tests use.
    'test-support/pg-cluster': 'src/test-support/pg-cluster.ts',
  },
  format: ['esm'],
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  clean: true,
  dts: { entry: { index: 'src/index.ts' } },
});
