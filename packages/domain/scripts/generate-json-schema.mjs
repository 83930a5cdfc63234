// Writes schema/clinic.schema.json and schema/ptfx.config.schema.json from the built package. Run
// `pnpm generate:schema` after a schema change (or a new lint rule, whose code the configuration
// lists); src/clinic/clinic-json-schema.test.ts and src/config/ptfx-config-json-schema.test.ts fail
// until the committed files are current.
import { writeFileSync } from 'node:fs';
import { clinicJsonSchema, ptfxConfigJsonSchema } from '../dist/index.js';

for (const [file, schema] of [
  ['clinic.schema.json', clinicJsonSchema()],
  ['ptfx.config.schema.json', ptfxConfigJsonSchema()],
]) {
  const target = new URL(`../schema/${file}`, import.meta.url);
  writeFileSync(target, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${target.pathname}`);
}
