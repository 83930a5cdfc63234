import * as z from 'zod';
import { PTFX_CONFIG_JSON_SCHEMA_ID, ptfxConfigSchema } from './ptfx-config-schema.js';

/**
 * The JSON Schema (draft 2020-12) of `ptfx.config.json`, generated from {@link ptfxConfigSchema}
 * and published as `@ptfx/domain/ptfx.config.schema.json`. A file's `$schema` key points an
 * editor at it, to complete rule codes and check levels, states and custom credentials. What
 * JSON Schema cannot say (two custom credentials with one abbreviation) only ptfx checks.
 */
export function ptfxConfigJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ptfxConfigSchema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
  });
  return { ...schema, $id: PTFX_CONFIG_JSON_SCHEMA_ID, title: 'ptfx configuration' };
}
