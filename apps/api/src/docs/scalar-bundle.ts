// Scalar's browser bundle, read from the installed @scalar/api-reference package: the API serves
// it itself (no CDN), from the source tree, from dist/server.js and from a `pnpm deploy`ed copy,
// all of which have the package in their node_modules.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { z } from 'zod';

/** The package the API reference page runs. */
export const SCALAR_PACKAGE = '@scalar/api-reference';

/** The installed browser bundle: one self-contained script that defines `window.Scalar`. */
export interface ScalarBundle {
  /** The package's version, e.g. `1.76.0`. */
  readonly version: string;
  /** Where the script was read from. */
  readonly path: string;
  /** The script, without its source-map comment (the 20 MB map is not served). */
  readonly script: string;
}

const PackageJsonSchema = z.object({ version: z.string() });

/** Where Node would load a package from (`require.resolve`). */
export type ResolvePackage = (id: string) => string;

/**
 * Reads Scalar's standalone browser bundle (`dist/browser/standalone.js`) from the copy of
 * {@link SCALAR_PACKAGE} that `resolve` finds (by default, Node's resolution from this module).
 * Throws a message that says what is missing and what to do when the package or its bundle is not
 * there.
 */
export function readScalarBundle(
  resolve: ResolvePackage = createRequire(import.meta.url).resolve,
): ScalarBundle {
  let main: string;
  try {
    main = resolve(SCALAR_PACKAGE);
  } catch (error) {
    throw new Error(
      `the API reference page needs ${SCALAR_PACKAGE}, which Node cannot find from ${import.meta.url}: install the API's dependencies (pnpm install; pnpm install --prod for a deployment) — ${String(error)}`,
    );
  }
  // The package's main is dist/index.js; the browser bundle sits beside it, under dist/browser.
  const root = dirname(dirname(main));
  const path = join(root, 'dist', 'browser', 'standalone.js');
  let script: string;
  let version: string;
  try {
    script = readFileSync(path, 'utf8');
    version = PackageJsonSchema.parse(
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')),
    ).version;
  } catch (error) {
    throw new Error(
      `the API reference page cannot read ${SCALAR_PACKAGE}'s browser bundle at ${path}: reinstall the API's dependencies — ${String(error)}`,
    );
  }
  return { version, path, script: script.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n') };
}
