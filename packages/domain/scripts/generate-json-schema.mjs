// Writes schema/clinic.schema.json from the built package. Run `pnpm generate:schema` after a
// schema change; src/clinic/clinic-json-schema.test.ts fails until the committed file is current.
import { writeFileSync } from 'node:fs';
import { clinicJsonSchema } from '../dist/index.js';

const target = new URL('../schema/clinic.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(clinicJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
