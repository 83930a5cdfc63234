// Reading rendered HTML back in tests: visible text, attributes, links, JSON blocks.

const INLINE = new Set(['a', 'span', 'strong', 'em', 'b', 'i', 'time', 'abbr', 'small', 'code']);

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Decodes the character references hono and the renderer write. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number(ref.slice(1)));
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** Whitespace runs as one space, trimmed. */
export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The text a visitor reads: the document's title and body, scripts and the head left out, tags
 * stripped (inline ones without a space, so "Fax: (619)…" stays whole), entities decoded,
 * whitespace normalised.
 */
export function visibleText(html: string): string {
  const title = /<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? '';
  const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? html;
  const text = body
    .replace(/<script\b[\s\S]*?<\/script>/g, ' ')
    .replace(/<svg\b[\s\S]*?<\/svg>/g, ' ')
    .replace(/<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g, (_, tag: string) =>
      INLINE.has(tag.toLowerCase()) ? '' : ' ',
    );
  return normalise(`${decodeEntities(title)} ${decodeEntities(text)}`);
}

/** Every value of an attribute on elements matching a tag, decoded. */
export function attributeValues(html: string, tag: string, attribute: string): string[] {
  const values: string[] = [];
  for (const element of html.matchAll(new RegExp(`<${tag}\\b[^>]*>`, 'g'))) {
    const value = new RegExp(`\\s${attribute}="([^"]*)"`).exec(element[0])?.[1];
    if (value !== undefined) values.push(decodeEntities(value));
  }
  return values;
}

/** The content of `<meta property|name="key" content="…">`. */
export function meta(html: string, key: string): string | undefined {
  for (const element of html.matchAll(/<meta\b[^>]*>/g)) {
    const tag = element[0];
    if (tag.includes(`property="${key}"`) || tag.includes(`name="${key}"`)) {
      const content = /\scontent="([^"]*)"/.exec(tag)?.[1];
      return content === undefined ? undefined : decodeEntities(content);
    }
  }
  return undefined;
}

/** The texts of `<script type="…">` blocks of a type. */
export function scriptBlocks(html: string, type: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter((m) => (m[1] ?? '').includes(`type="${type}"`))
    .map((m) => m[2] ?? '');
}

/** The ids in a document. */
export function ids(html: string): Set<string> {
  return new Set(attributeValues(html, '[a-zA-Z][a-zA-Z0-9]*', 'id'));
}
