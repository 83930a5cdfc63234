// Types of declaration-errors.mjs, for the TypeScript tests.

/** At most eight of `errors` and a count, led by what to do when some name DOM types. */
export function summariseDeclarationErrors(errors: string[]): string[];
