// Types of readme-installs.mjs, for the TypeScript tests and check.mjs.
import type { Example } from './markdown.mjs';

/** The packages the README's shell blocks install, in order, each once. */
export function readmeInstalls(markdown: string, file?: string): string[];
/** The packages `code` imports, without relative paths and Node's built-in modules. */
export function importedPackages(code: string): string[];
/** The package a specifier or install word names, or undefined for a path, URL or Node module. */
export function packageName(specifier: string): string | undefined;
/** Per example line, what it imports (or compiles against) that the README does not install. */
export function importProblems(options: {
  examples: Example[];
  installs: string[];
  packageName: string;
  jsxImportSource?: string | undefined;
  readmeName: string;
}): Map<number, string[]>;
