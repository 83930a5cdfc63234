// FHIR R4 search over an in-memory list of resources: a pure function from the query to a
// searchset Bundle or an OperationOutcome, for the HTTP routes to send.
import type { SearchIssue } from './criteria.js';
import { included } from './include.js';
import { links } from './links.js';
import { readQuery } from './query.js';
import type { FhirSearchType } from './search-params.js';
import { sorted } from './sort.js';
import { keptElements, subset } from './subset.js';
import type { FhirSearchResource } from './values.js';
import { listNarrative, xmlCharacters } from './xhtml.js';

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

/** The `location-distance` extension on a `near` match: how far it is from the point asked for. */
export interface FhirDistanceExtension {
  readonly url: 'http://hl7.org/fhir/StructureDefinition/location-distance';
  readonly valueDistance: {
    readonly value: number;
    readonly unit: 'km';
    readonly system: 'http://unitsofmeasure.org';
    readonly code: 'km';
  };
}

/** One `Bundle.entry` of a searchset: a match, an included resource, or the search's outcome. */
export type FhirSearchEntry =
  | {
      readonly fullUrl: string;
      readonly resource: FhirSearchResource;
      readonly search: {
        readonly mode: 'match' | 'include';
        readonly extension?: readonly FhirDistanceExtension[];
      };
    }
  | { readonly resource: FhirOperationOutcome; readonly search: { readonly mode: 'outcome' } };

/** A FHIR R4 searchset Bundle. */
export interface FhirSearchBundle {
  readonly resourceType: 'Bundle';
  readonly type: 'searchset';
  readonly total: number;
  readonly link: readonly { readonly relation: string; readonly url: string }[];
  readonly entry?: readonly FhirSearchEntry[];
}

/** A FHIR R4 OperationOutcome, with a generated narrative listing its issues. */
export interface FhirOperationOutcome {
  readonly resourceType: 'OperationOutcome';
  readonly text: { readonly status: 'generated'; readonly div: string };
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
  if (refused.length > 0)
    return {
      status: 400,
      outcome: outcomeOf(query.issues, handling === 'strict' ? 'error' : 'warning'),
    };

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
                  url: 'http://hl7.org/fhir/StructureDefinition/location-distance',
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
  const issue = issues.map((i) => ({
    severity: i.kind === 'invalid' ? 'error' : unsupportedSeverity,
    code: i.kind === 'invalid' ? 'invalid' : 'not-supported',
    // Request text, perhaps cut inside a character: kept to what JSON and XML both carry.
    diagnostics: xmlCharacters(
      i.kind === 'invalid' || unsupportedSeverity === 'error'
        ? i.diagnostics
        : `${i.diagnostics}; ignored`,
    ),
    location: [xmlCharacters(`http.${i.parameter.slice(0, 100)}`)],
  })) satisfies FhirOperationOutcome['issue'];
  return {
    resourceType: 'OperationOutcome',
    text: listNarrative(issue.map((i) => i.diagnostics)),
    issue,
  };
}
