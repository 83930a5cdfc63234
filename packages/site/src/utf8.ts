// TextEncoder is in every runtime the site renders on (Node, Deno, Bun, workers, browsers), but
// in no type library of a platform-neutral package: declare just what is used.
interface Utf8Encoder {
  encode(input: string): Uint8Array;
}
const platform = globalThis as unknown as { TextEncoder: new () => Utf8Encoder };
const encoder = new platform.TextEncoder();

/** The UTF-8 bytes of a text. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}
