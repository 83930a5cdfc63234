import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from './json-syntax.js';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('findJsonSyntaxError', () => {
  it('accepts whatever JSON.stringify writes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 4 }), (value, indent) => {
        expect(findJsonSyntaxError(JSON.stringify(value, null, indent))).toBeUndefined();
      }),
    );
  });

  it('agrees with JSON.parse on arbitrary text', () => {
    const jsonish = fc.stringMatching(/^[\s{}[\]",:0-9a-z.eE+\\-]{0,30}$/);
    fc.assert(
      fc.property(fc.oneof(jsonish, fc.string(), fc.json()), (text) => {
        expect(findJsonSyntaxError(text) === undefined).toBe(parses(text));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['{"a": }', 6, 'expected a value, found "}"'],
    ['{"a": 1,}', 8, 'expected a double-quoted key, found "}"'],
    ["{'a': 1}", 1, `expected a double-quoted key, found "'"`],
    ['[1 2]', 3, 'expected "," or "]", found "2"'],
    ['{"a": "x\ny"}', 8, 'a control character (such as a line break) inside a string; escape it'],
    ['{"a": 01}', 7, 'expected "," or "}", found "1"'],
    ['{} {}', 3, 'unexpected "{" after the end of the JSON value'],
    ['', 0, 'expected a value, found the end of the text'],
    ['"abc', 4, 'unterminated string: a closing " is missing'],
  ])('%j fails at %i: %s', (text, offset, message) => {
    expect(findJsonSyntaxError(text)).toEqual({ offset, message });
  });
});
