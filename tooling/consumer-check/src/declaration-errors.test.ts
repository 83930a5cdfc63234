import { describe, expect, it } from 'vitest';
import { summariseDeclarationErrors } from './declaration-errors.mjs';

describe('summariseDeclarationErrors', () => {
  it('shows a few errors as they are', () => {
    const errors = ["node_modules/x/index.d.ts:3:1 TS2307: Cannot find module 'y'."];
    expect(summariseDeclarationErrors(errors)).toEqual(errors);
  });

  it('shows the first eight of many, and how many in how many files', () => {
    const errors = Array.from(
      { length: 12 },
      (_, i) => `node_modules/x/${i % 3}.d.ts:${i + 1}:1 TS2322: Type 'string' is not assignable.`,
    );
    const shown = summariseDeclarationErrors(errors);
    expect(shown.slice(0, 8)).toEqual(errors.slice(0, 8));
    expect(shown[8]).toMatch(/^… 12 errors in 3 files in all \(with --keep/);
    expect(shown).toHaveLength(9);
  });

  it('says what to do when the errors name DOM types, as Hono’s JSX declarations do', () => {
    const errors = [
      "node_modules/hono/dist/types/jsx/intrinsic-elements.d.ts:109:36 TS2304: Cannot find name 'PointerEvent'.",
      "node_modules/hono/dist/types/jsx/types.d.ts:21:37 TS2694: Namespace 'globalThis' has no exported member 'MouseEvent'.",
      "node_modules/x/index.d.ts:1:1 TS2304: Cannot find name 'Nodes'.",
    ];
    const [first, ...rest] = summariseDeclarationErrors(errors);
    expect(first).toMatchInlineSnapshot(
      `"2 of these name DOM types, which the consumer's "lib" does not have: either the package's declarations stop loading them, or its README tells users to keep DOM in "lib" (TypeScript's default) and its consumer check passes \`lib: ['ES2023', 'DOM']\`"`,
    );
    expect(rest).toEqual(errors);
  });
});
