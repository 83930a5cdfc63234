import { describe, expect, it } from 'vitest';
import { lineDiff } from './diff.mjs';

describe('lineDiff', () => {
  it('marks expected lines with -, printed lines with +, and keeps two lines of context', () => {
    const expected = 'a\nb\nc\nd\ne\nf\ng\n';
    const actual = 'a\nb\nc\nD\ne\nf\ng\nh\n';
    expect(lineDiff(expected, actual)).toMatchInlineSnapshot(`
      "  …
        b
        c
      - d
      + D
        e
        f
        g
      + h"
    `);
  });

  it('shows an empty side as all removals or all additions', () => {
    expect(lineDiff('', 'x\n')).toBe('+ x');
    expect(lineDiff('x\n', '')).toBe('- x');
  });
});
