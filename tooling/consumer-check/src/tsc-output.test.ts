import { describe, expect, it } from 'vitest';
import { parseDiagnostics } from './tsc-output.mjs';

describe('parseDiagnostics', () => {
  it('reads located and bare errors, with their continuation lines', () => {
    const output = [
      "examples/readme-33.mts(4,13): error TS18048: 'first' is possibly 'undefined'.",
      "examples/readme-52.cts(2,31): error TS2345: Argument of type 'string' is not assignable.",
      "  Type 'string' is not assignable to type '$brand<\"PhoneNumber\">'.",
      "error TS5083: Cannot read file 'tsconfig.base.json'.",
      '',
    ].join('\n');
    expect(parseDiagnostics(output)).toEqual([
      {
        file: 'examples/readme-33.mts',
        line: 4,
        column: 13,
        text: "TS18048: 'first' is possibly 'undefined'.",
      },
      {
        file: 'examples/readme-52.cts',
        line: 2,
        column: 31,
        text: "TS2345: Argument of type 'string' is not assignable.\n  Type 'string' is not assignable to type '$brand<\"PhoneNumber\">'.",
      },
      { file: '', line: 0, column: 0, text: "TS5083: Cannot read file 'tsconfig.base.json'." },
    ]);
  });
});
