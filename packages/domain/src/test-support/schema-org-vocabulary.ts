import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// The schema.org vocabulary as Google's schema-dts compiles it into TypeScript declarations:
// every type, its parents and its properties. Read from the .d.ts text so that a test can check a
// JSON-LD document at run time, property by property.
const source = readFileSync(
  createRequire(import.meta.url).resolve('schema-dts/dist/schema.d.ts'),
  'utf8',
);

const interfaces = new Map<string, { parents: string[]; properties: Set<string> }>();
for (const match of source.matchAll(
  /^(?:export )?interface (\w+)(?: extends ([^{]+))? \{\n([\s\S]*?)^\}/gm,
)) {
  const [, name = '', parents = '', body = ''] = match;
  interfaces.set(name, {
    parents: parents
      .split(',')
      .map((p) => p.trim().replace(/<.*$/, ''))
      .filter(Boolean),
    properties: new Set([...body.matchAll(/^ {4}"([^"]+)"\??:/gm)].map((m) => m[1] ?? '')),
  });
}

function collect(name: string, into: Set<string>, seen: Set<string>): void {
  if (seen.has(name)) return;
  seen.add(name);
  const found = interfaces.get(name);
  if (!found) return;
  for (const p of found.properties) into.add(p);
  for (const parent of found.parents) collect(parent, into, seen);
}

/** The properties schema.org defines for a type (with those it inherits), or undefined for an unknown type. */
export function schemaOrgProperties(type: string): ReadonlySet<string> | undefined {
  const leaf = interfaces.has(`${type}Leaf`)
    ? `${type}Leaf`
    : interfaces.has(`${type}Base`)
      ? `${type}Base`
      : undefined;
  if (!leaf) return undefined;
  const properties = new Set<string>();
  collect(leaf, properties, new Set());
  return properties;
}
