import { defineConfig } from 'tsup';

// One bundle per format: the site is rendered on a server or at build time, not shipped to
// browsers as a library. @ptfx/domain and hono stay external (they are dependencies).
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  target: 'es2022',
  platform: 'neutral',
  sourcemap: true,
  dts: true,
  clean: true,
  esbuildOptions(options) {
    options.jsx = 'automatic';
    options.jsxImportSource = 'hono/jsx';
  },
});
