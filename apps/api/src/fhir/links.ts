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
  const at = (offset: number, withCount: boolean) =>
    href(url, [
      ...query.applied,
      ...(withCount ? [['_count', String(query.count)] as const] : []),
      ...(offset > 0 ? [['_offset', String(offset)] as const] : []),
    ]);
  const self = { relation: 'self', url: at(query.offset, query.countGiven) };
  if (countOnly) return [self];
  const { count, offset } = query;
  const last = total === 0 ? 0 : Math.floor((total - 1) / count) * count;
  return [
    self,
    { relation: 'first', url: at(0, true) },
    ...(offset > 0
      ? [
          {
            relation: 'previous',
            url: at(Math.max(0, Math.min(offset, last + count) - count), true),
          },
        ]
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
