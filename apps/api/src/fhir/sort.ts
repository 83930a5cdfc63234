// `_sort`: ordering the matches by one or more sortable parameters (R4 search.html#sort).
import type { SearchQuery } from './query.js';
import { codesOf, fold, stringsOf, valuesAt, valuesOf } from './values.js';

/** The matches in `_sort` order (stable: ties keep their order); values missing sort last. */
export function sorted<R>(matches: R[], query: SearchQuery): R[] {
  if (query.sort.length === 0) return matches;
  const keys = matches.map((r) =>
    query.sort.map(({ param, descending }) => sortKey(r, param.expression, param.type, descending)),
  );
  const order = matches.map((_, i) => i);
  order.sort((a, b) => {
    for (const [k, { descending }] of query.sort.entries()) {
      const x = keys[a]?.[k];
      const y = keys[b]?.[k];
      if (x === y) continue;
      if (x === undefined) return 1; // no value: last, either direction
      if (y === undefined) return -1;
      return (x < y ? -1 : 1) * (descending ? -1 : 1);
    }
    return a - b;
  });
  return order.flatMap((i) => matches.slice(i, i + 1));
}

// A resource's sort key for one parameter: the lowest of its values (the highest, descending);
// a name sorts by family, then given names.
function sortKey(
  r: unknown,
  expression: string,
  type: string,
  descending: boolean,
): string | undefined {
  const values = valuesOf(r, expression).flatMap((v): string[] => {
    if (type !== 'string') return codesOf(v).flatMap((c) => (c.code === undefined ? [] : [c.code]));
    if (typeof v === 'string') return [fold(v)];
    const name = [...valuesAt(v, ['family']), ...valuesAt(v, ['given'])].filter(
      (s): s is string => typeof s === 'string',
    );
    const first = name.length > 0 ? name.join(' ') : stringsOf(v)[0];
    return first === undefined ? [] : [fold(first)];
  });
  values.sort();
  return descending ? values.at(-1) : values[0];
}
