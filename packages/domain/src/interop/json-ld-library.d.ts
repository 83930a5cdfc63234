// Types for the one function the tests use from the jsonld library (jsonld.js, the W3C JSON-LD
// processor), which ships none of its own.
declare module 'jsonld' {
  interface RemoteDocument {
    contextUrl: string | null;
    documentUrl: string;
    document: unknown;
  }
  interface ExpandOptions {
    /** Resolves a remote context; the tests serve schema.org's from memory (no network). */
    documentLoader?: (url: string) => Promise<RemoteDocument>;
    /** Safe mode: throw instead of dropping a term, a value or an @id that does not expand. */
    safe?: boolean;
  }
  const jsonld: {
    expand(input: unknown, options?: ExpandOptions): Promise<Record<string, unknown>[]>;
  };
  export default jsonld;
}
