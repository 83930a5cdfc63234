/** Where and why a text is not JSON (RFC 8259). */
export interface JsonSyntaxError {
  /** 0-based offset of the first character that cannot be read. */
  readonly offset: number;
  /** What was expected there. */
  readonly message: string;
}

class Fail {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

/**
 * Finds the first syntax error of a JSON text, with its offset, or returns `undefined` when the
 * text is valid JSON. `JSON.parse` on Node 20 does not always say where it failed; this does.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const describe = () => (i >= text.length ? 'the end of the text' : `"${text.charAt(i)}"`);
  const expect = (char: string, what: string) => {
    if (text.charAt(i) !== char) throw new Fail(i, `expected ${what}, found ${describe()}`);
    i++;
  };
  const string = () => {
    expect('"', 'a double-quoted string');
    for (;;) {
      if (i >= text.length) throw new Fail(i, 'unterminated string: a closing " is missing');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20)
        throw new Fail(i, 'a control character (such as a line break) inside a string; escape it');
      if (c === 0x5c) {
        const next = text.charAt(i + 1);
        if ('"\\/bfnrt'.includes(next) && next !== '') i += 2;
        else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else throw new Fail(i, 'invalid escape sequence in a string');
      } else i++;
    }
  };
  const number = () => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match) throw new Fail(i, `expected a value, found ${describe()}`);
    i += match[0].length;
  };
  const value = (depth: number): void => {
    if (depth > 512) throw new Fail(i, 'nested too deeply');
    ws();
    const c = text.charAt(i);
    if (c === '{') {
      i++;
      ws();
      if (text.charAt(i) === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text.charAt(i) !== '"')
          throw new Fail(i, `expected a double-quoted key, found ${describe()}`);
        string();
        ws();
        expect(':', '":" after the key');
        value(depth + 1);
        ws();
        if (text.charAt(i) === ',') i++;
        else {
          expect('}', '"," or "}"');
          return;
        }
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text.charAt(i) === ']') {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text.charAt(i) === ',') i++;
        else {
          expect(']', '"," or "]"');
          return;
        }
      }
    }
    if (c === '"') {
      string();
      return;
    }
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return;
      }
    }
    number();
  };
  try {
    value(0);
    ws();
    if (i < text.length)
      throw new Fail(i, `unexpected ${describe()} after the end of the JSON value`);
    return undefined;
  } catch (error) {
    if (error instanceof Fail) return { offset: error.offset, message: error.message };
    throw error;
  }
}
