import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  // Dependencies stay external: a site that imports one function bundles only what it uses.
  external: ['zod', 'yaml', 'date-fns', '@date-fns/tz'],
  treeshake: true,
});
