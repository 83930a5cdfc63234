import * as z from 'zod';
import { ClinicSchema } from './clinic.js';

/** The `$id` of the clinic data file's JSON Schema. */
export const CLINIC_JSON_SCHEMA_ID = 'https://ptfx.dev/schema/clinic.schema.json';

/**
 * The JSON Schema (draft 2020-12) of a clinic data file as written, generated from
 * {@link ClinicSchema}. Editors use it through a file's `$schema` key (JSON) or a
 * `# yaml-language-server: $schema=…` line (YAML) to complete and check fields. Rules that
 * JSON Schema cannot say (check digits, cross-references) are only checked by ptfx.
 */
export function clinicJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ClinicSchema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
  });
  return { ...schema, $id: CLINIC_JSON_SCHEMA_ID, title: 'ptfx clinic data' };
}
