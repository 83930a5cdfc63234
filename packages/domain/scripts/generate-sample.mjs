// Writes src/sample/sample-clinic-yaml.ts from sample/clinic.yaml, so that `@ptfx/domain/sample`
// carries the sample clinic as a string that works in Node and in any bundler (no file reads).
// Run `pnpm generate:sample` after editing the YAML; src/sample/sample.test.ts fails until the
// generated module is current.
import { readFileSync, writeFileSync } from 'node:fs';

const yaml = readFileSync(new URL('../sample/clinic.yaml', import.meta.url), 'utf8');
const target = new URL('../src/sample/sample-clinic-yaml.ts', import.meta.url);
writeFileSync(
  target,
  `// Generated from sample/clinic.yaml by scripts/generate-sample.mjs; do not edit.\n\n` +
    `/** The sample clinic's data file, YAML text exactly as \`sample/clinic.yaml\` (\`@ptfx/domain/sample-clinic.yaml\`). */\n` +
    `export const SAMPLE_CLINIC_YAML: string = ${JSON.stringify(yaml)};\n`,
);
console.log(`wrote ${target.pathname}`);
