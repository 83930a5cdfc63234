// @ts-check
// Type errors in declaration files (the package's or a dependency's), as a failed check shows
// them: the first few of many, and what to do when they name DOM types, which a dependency's JSX
// declarations (Hono's) do and a consumer with `lib: ["ES2023"]` does not have.

const SHOWN = 8;
// Names from TypeScript's DOM library as they appear in TS2304 "Cannot find name 'X'" and TS2694
// "Namespace 'globalThis' has no exported member 'X'".
const DOM_NAME =
  /'(?:globalThis\.)?(?:\w+Event|HTML\w*Element|Element|Document|Window|EventTarget|Node)'/;

/**
 * The problems to show for `errors` (each `file:line:column TSxxxx: text`): at most eight and a
 * count, led by what to do when some name DOM types.
 * @param {string[]} errors
 */
export function summariseDeclarationErrors(errors) {
  const files = new Set(errors.map((error) => error.replace(/:\d+:\d+ .*$/s, '')));
  const shown =
    errors.length > SHOWN
      ? [
          ...errors.slice(0, SHOWN),
          `… ${errors.length} errors in ${files.size} files in all (with --keep, \`tsc -p tsconfig.<mode>.json --explainFiles\` in the project shows what loads them)`,
        ]
      : errors;
  const dom = errors.filter((error) => /\bTS(2304|2694)\b/.test(error) && DOM_NAME.test(error));
  if (dom.length === 0) return shown;
  return [
    `${dom.length} of these name DOM types, which the consumer's "lib" does not have: either the package's declarations stop loading them, or its README tells users to keep DOM in "lib" (TypeScript's default) and its consumer check passes \`lib: ['ES2023', 'DOM']\``,
    ...shown,
  ];
}
