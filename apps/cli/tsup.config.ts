import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

// One file with everything in it (the domain, zod, yaml, date-fns): `npx ptfx` starts without
// resolving a module tree, which is most of a CLI's start-up time.
export default defineConfig({
  entry: { ptfx: 'src/bin.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  bundle: true,
  // Commands are split into chunks loaded on demand; the entry stays small for --help and --version.
  splitting: true,
  noExternal: [/.*/],
  minify: true,
  sourcemap: false,
  clean: true,
  // Bundled CommonJS dependencies (yaml) call require(); give the ES module one.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __ptfxRequire } from 'node:module';\nconst require = __ptfxRequire(import.meta.url);",
  },
  define: { __PTFX_VERSION__: JSON.stringify(version) },
});
