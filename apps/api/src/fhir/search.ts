// FHIR R4 search over an in-memory list of resources: a pure function from the query to a
// searchset Bundle or an OperationOutcome, for the HTTP routes to send.
import type { SearchIssue } from './criteria.js';
import { type IncludeSpec, readQuery, type SearchQuery } from './query.js';
import type { FhirSearchType } from './search-params.js';
import { keptElements, subset } from './subset.js';
import {
  codesOf,
  type FhirSearchResource,
  field,
  fold,
  stringsOf,
  valuesAt,
  valuesOf,
} from './values.js';

/** Options of {@link fhirSearch}. */
export interface FhirSearchOptions<R extends FhirSearchResource> {
  /** The resource type searched (`GET [base]/[type]`). */
  readonly type: FhirSearchType;
  /** The query's parameters as `[name, value]`, decoded, in the order given (query then form body). */
  readonly params: readonly (readonly [string, string])[];
  /** `Prefer: handling=`: `strict` refuses unknown or unsupported parameters, `lenient` ignores and reports them. */
  readonly handling: 'strict' | 'lenient';
  /** The FHIR base, e.g. `https://api.example.com/fhir/r4` (links and absolute references). */
  readonly base: string;
  /** The `fullUrl` of an entry; defaults to `[base]/[resourceType]/[id]` (pass the domain's `fhirFullUrl`). */
  readonly fullUrl?: (base: string, resource: R) => string;
}

/** One `Bundle.entry` of a searchset. */
export interface FhirSearchEntry {
  readonly fullUrl?: string;
  readonly resource: FhirSearchResource;
  readonly search: {
    readonly mode: 'match' | 'include' | 'outcome';
    readonly extension?: readonly {
      readonly url: string;
      readonly valueDistance: {
        readonly value: number;
        readonly unit: string;
        readonly system: string;
        readonly code: string;
      };
    }[];
  };
}

/** A FHIR R4 searchset Bundle. */
export interface FhirSearchBundle {
  readonly resourceType: 'Bundle';
  readonly type: 'searchset';
  readonly total: number;
  readonly link: readonly { readonly relation: string; readonly url: string }[];
  readonly entry?: readonly FhirSearchEntry[];
}

/** A FHIR R4 OperationOutcome. */
export interface FhirOperationOutcome extends FhirSearchResource {
  readonly resourceType: 'OperationOutcome';
  readonly issue: readonly {
    readonly severity: 'fatal' | 'error' | 'warning' | 'information';
    readonly code: 'invalid' | 'not-supported';
    readonly diagnostics: string;
    readonly location: readonly string[];
  }[];
}

/** What {@link fhirSearch} answers: a Bundle to send with 200, or an OperationOutcome with 400. */
export type FhirSearchResult =
  | { readonly status: 200; readonly bundle: FhirSearchBundle }
  | { readonly status: 400; readonly outcome: FhirOperationOutcome };

const DISTANCE_URL = 'http://hl7.org/fhir/StructureDefinition/location-distance';

/**
 * FHIR R4 search (`GET [base]/[type]?…`, `POST [base]/[type]/_search`) over `resources`, per
 * https://hl7.org/fhir/R4/search.html: the parameters of `FHIR_SEARCH_PARAMS` (string, token,
 * reference, `near`; comma = OR, repetition = AND), `_count`/`_offset` paging with
 * `self`/`first`/`previous`/`next`/`last` links, `_sort`, `_summary`, `_elements`, `_include`,
 * `_revinclude`. Unknown or unsupported parameters and modifiers: a 400 OperationOutcome under
 * `strict`; under `lenient` they are ignored, left out of the links, and reported in an
 * OperationOutcome entry (`search.mode` `outcome`). A malformed value (`_count=x`,
 * `near=north`) is a 400 either way. `_format` is left to the HTTP layer but kept in the links.
 *
 * @example
 * fhirSearch(resources, {
 *   type: 'Practitioner',
 *   params: [['name', 'shul,mck'], ['_count', '1']],
 *   handling: 'lenient',
 *   base: 'https://api.example.com/fhir/r4',
 * });
 * // { status: 200, bundle: { total: 2, entry: [Mark Shulman], link: [self, first, next, last] } }
 */
export function fhirSearch<R extends FhirSearchResource>(
  resources: readonly R[],
  options: FhirSearchOptions<R>,
): FhirSearchResult {
  const { type, handling } = options;
  const base = options.base.replace(/\/+$/, '');
  const query = readQuery(type, options.params, base);
  const refused = query.issues.filter((i) => i.kind === 'invalid' || handling === 'strict');
  if (refused.length > 0) return { status: 400, outcome: outcomeOf(query.issues, 'error') };

  const fullUrl = options.fullUrl ?? ((b: string, r: R) => `${b}/${r.resourceType}/${r.id}`);
  const matches = sorted(
    resources.filter((r) => r.resourceType === type && query.criteria.every((c) => c.matches(r))),
    query,
  );
  const countOnly = query.summary === 'count' || query.count === 0;
  const page = countOnly ? [] : matches.slice(query.offset, query.offset + query.count);
  const keep = keptElements(type, query.summary, query.elements);
  const near = query.criteria.find((c) => c.distanceKm);
  const entry: FhirSearchEntry[] = page.map((r) => {
    const km = near?.distanceKm?.(r);
    return {
      fullUrl: fullUrl(base, r),
      resource: keep ? subset(r, keep) : r,
      search:
        km === undefined
          ? { mode: 'match' }
          : {
              mode: 'match',
              extension: [
                {
                  url: DISTANCE_URL,
                  valueDistance: {
                    value: Math.round(km * 1000) / 1000,
                    unit: 'km',
                    system: 'http://unitsofmeasure.org',
                    code: 'km',
                  },
                },
              ],
            },
    };
  });
  for (const r of included(resources, page, query.includes, query.revIncludes, base))
    entry.push({ fullUrl: fullUrl(base, r), resource: r, search: { mode: 'include' } });
  if (query.issues.length > 0)
    entry.push({ resource: outcomeOf(query.issues, 'warning'), search: { mode: 'outcome' } });

  const bundle: FhirSearchBundle = {
    resourceType: 'Bundle',
    type: 'searchset',
    total: matches.length,
    link: links(`${base}/${type}`, query, matches.length, countOnly),
    ...(entry.length > 0 ? { entry } : {}),
  };
  return { status: 200, bundle };
}

function outcomeOf(
  issues: readonly SearchIssue[],
  unsupportedSeverity: 'error' | 'warning',
): FhirOperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    id: 'search-parameters',
    issue: issues.map((i) => ({
      severity: i.kind === 'invalid' ? 'error' : unsupportedSeverity,
      code: i.kind === 'invalid' ? 'invalid' : 'not-supported',
      diagnostics:
        i.kind === 'invalid' || unsupportedSeverity === 'error'
          ? i.diagnostics
          : `${i.diagnostics}; ignored`,
      location: [`http.${i.parameter}`],
    })),
  };
}

function sorted<R>(matches: R[], query: SearchQuery): R[] {
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

function included<R extends FhirSearchResource>(
  resources: readonly R[],
  page: readonly R[],
  includes: readonly IncludeSpec[],
  revIncludes: readonly IncludeSpec[],
  base: string,
): R[] {
  if (includes.length === 0 && revIncludes.length === 0) return [];
  const key = (r: FhirSearchResource) => `${r.resourceType}/${r.id}`;
  const local = (ref: unknown) => {
    const reference = field(ref, 'reference');
    if (typeof reference !== 'string') return undefined;
    return reference.startsWith(`${base}/`) ? reference.slice(base.length + 1) : reference;
  };
  const byKey = new Map(resources.map((r) => [key(r), r]));
  const shown = new Set(page.map(key));
  const out: R[] = [];
  const add = (r: R | undefined) => {
    if (r && !shown.has(key(r))) {
      shown.add(key(r));
      out.push(r);
    }
  };
  for (const r of page)
    for (const { source, param } of includes)
      if (r.resourceType === source)
        for (const ref of valuesOf(r, param.expression)) {
          const target = local(ref);
          if (target && param.targets?.some((t) => target.startsWith(`${t}/`)))
            add(byKey.get(target));
        }
  const pageKeys = new Set(page.map(key));
  for (const { source, param } of revIncludes)
    for (const r of resources)
      if (
        r.resourceType === source &&
        valuesOf(r, param.expression).some((ref) => pageKeys.has(local(ref) ?? ''))
      )
        add(r);
  return out;
}

function links(
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

// Percent-encodes like encodeURIComponent, but leaves `:` `,` `/` readable (they mean the same).
const encode = (s: string) =>
  encodeURIComponent(s).replace(/%3A/gi, ':').replace(/%2C/gi, ',').replace(/%2F/gi, '/');

function href(url: string, pairs: readonly (readonly [string, string])[]): string {
  return pairs.length === 0
    ? url
    : `${url}?${pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')}`;
}
