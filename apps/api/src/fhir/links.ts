// The searchset's links: `self` shows the parameters applied; `first`, `previous`, `next` and
// `last` page with `_count` and `_offset` (R4 search.html#count, http.html#paging).
import type { SearchQuery } from './query.js';

/** The Bundle links of a page; only `self` when the search asked for a count alone. */
export function links(
  url: string,
  query: SearchQuery,
  total: number,
  countOnly: boolean,
): { relation: string; url: string }[] {
  const at = (offset: number, withCount: boolean, count = query.count) =>
    href(url, [
      ...query.applied,
      ...(withCount ? [['_count', String(count)] as const] : []),
      ...(offset > 0 ? [['_offset', String(offset)] as const] : []),
    ]);
  const self = { relation: 'self', url: at(query.offset, query.countGiven) };
  if (countOnly) return [self];
  const { count, offset } = query;
  // Pages follow on from this one (an _offset need not be a multiple of _count): the last is the
  // one `next` leads to in the end; past the end, the last counted from the start.
  const last =
    offset < total
      ? offset + Math.floor((total - 1 - offset) / count) * count
      : total === 0
        ? 0
        : Math.floor((total - 1) / count) * count;
  // The page before holds exactly what comes before this one: shorter at the start.
  const previous =
    offset >= total
      ? { offset: Math.max(0, Math.min(offset, last + count) - count), count }
      : offset >= count
        ? { offset: offset - count, count }
        : { offset: 0, count: offset };
  return [
    self,
    { relation: 'first', url: at(0, true) },
    ...(offset > 0
      ? [{ relation: 'previous', url: at(previous.offset, true, previous.count) }]
      : []),
    ...(offset + count < total ? [{ relation: 'next', url: at(offset + count, true) }] : []),
    { relation: 'last', url: at(last, true) },
  ];
}

// Percent-encodes like encodeURIComponent, but leaves `:` `,` `/` readable (they mean the same);
// a lone surrogate (which no decoded URL holds, but a caller might pass) becomes U+FFFD.
const encode = (s: string) =>
  encodeURIComponent(s.replace(/\p{Cs}/gu, '\uFFFD'))
    .replace(/%3A/gi, ':')
    .replace(/%2C/gi, ',')
    .replace(/%2F/gi, '/');

function href(url: string, pairs: readonly (readonly [string, string])[]): string {
  return pairs.length === 0
    ? url
    : `${url}?${pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')}`;
}
