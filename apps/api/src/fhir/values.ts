// Reading a resource's values along a search parameter's expression, and splitting search
// values by FHIR's escaping rules (R4 search.html#escaping: `\,` `\|` `\$` `\\`).

/** The least a resource has for the search: its type and id (the domain's FHIR resources qualify). */
export interface FhirSearchResource {
  readonly resourceType: string;
  readonly id: string;
}

/** The field `key` of a JSON object, or `undefined` for anything else. */
export function field(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const own: unknown = Object.getOwnPropertyDescriptor(value, key)?.value;
  return own;
}

/** The values at a dotted path (`name.family`), arrays flattened along the way. */
export function valuesAt(value: unknown, path: readonly string[]): unknown[] {
  let current: unknown[] = [value];
  for (const key of path) {
    current = current.flatMap((v) => {
      const next = field(v, key);
      if (next === undefined || next === null) return [];
      return Array.isArray(next) ? next : [next];
    });
  }
  return current;
}

/**
 * The values of a resource a FHIRPath-style expression selects: `Type.a.b`, alternatives joined
 * with `|`; `Resource.id` selects the id.
 */
export function valuesOf(resource: unknown, expression: string): unknown[] {
  return expression.split('|').flatMap((alternative) => {
    const [, ...path] = alternative.trim().split('.');
    return valuesAt(resource, path);
  });
}

/** Splits on `separator` where it is not escaped with a backslash; parts keep their escapes. */
export function splitUnescaped(text: string, separator: string, limit = Number.POSITIVE_INFINITY) {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length && parts.length < limit - 1; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Removes FHIR search escapes: `\,` → `,`, `\|` → `|`, `\$` → `$`, `\\` → `\`. */
export function unescapeValue(text: string): string {
  return text.replace(/\\([\\,|$])/g, '$1');
}

// Latin letters that Unicode does not decompose into a base letter and a mark.
const UNDECOMPOSED: Readonly<Record<string, string>> = {
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ħ: 'h',
  ı: 'i',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
};

/**
 * Case- and accent-insensitive form of a string: lower case, Unicode NFD with the combining
 * marks removed, and ø ł đ ħ ı ß æ œ spelled with their base letters.
 */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[øłđħıßæœ]/g, (c) => UNDECOMPOSED[c] ?? c);
}

// The string parts of the complex types a string parameter can point at (HumanName, Address).
const STRING_PARTS = [
  'text',
  'family',
  'given',
  'prefix',
  'suffix',
  'line',
  'city',
  'district',
  'state',
  'postalCode',
  'country',
];

/** The strings a string parameter compares with: the value itself, or a HumanName's or Address's parts. */
export function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return STRING_PARTS.flatMap((part) => valuesAt(value, [part])).filter(
    (v): v is string => typeof v === 'string',
  );
}

/** A code with the system it belongs to; `system` is `undefined` when the value has none. */
export interface SystemCode {
  readonly system: string | undefined;
  readonly code: string | undefined;
}

/** The system/code pairs of a code, Coding, CodeableConcept or Identifier. */
export function codesOf(value: unknown): SystemCode[] {
  if (typeof value === 'string') return [{ system: undefined, code: value }];
  const text = (key: string, from: unknown = value) => {
    const v = field(from, key);
    return typeof v === 'string' ? v : undefined;
  };
  const codings = field(value, 'coding');
  if (Array.isArray(codings))
    return codings.map((c) => ({ system: text('system', c), code: text('code', c) }));
  if (text('code') !== undefined) return [{ system: text('system'), code: text('code') }];
  if (text('value') !== undefined) return [{ system: text('system'), code: text('value') }];
  return [];
}

/** The texts a token `:text` search compares with: CodeableConcept.text, Coding.display, Identifier.type.text. */
export function codeTextsOf(value: unknown): string[] {
  return [
    ...valuesAt(value, ['text']),
    ...valuesAt(value, ['display']),
    ...valuesAt(value, ['coding', 'display']),
    ...valuesAt(value, ['type', 'text']),
  ].filter((v): v is string => typeof v === 'string');
}
