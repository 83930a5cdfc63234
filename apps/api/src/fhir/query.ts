// A search query (`[name, value]` pairs, decoded, in order) read into what to match, sort,
// page, shape and include, with the parameters that were applied and the problems found.
import { type Criterion, criterionOf, type SearchIssue } from './criteria.js';
import {
  FHIR_DEFAULT_COUNT,
  FHIR_MAX_COUNT,
  FHIR_RESULT_PARAMS,
  FHIR_SEARCH_PARAMS,
  type FhirSearchParam,
  type FhirSearchType,
  fhirSearchIncludes,
  fhirSearchParam,
  fhirSearchRevIncludes,
  isFhirSearchType,
} from './search-params.js';
import { SUMMARY_MODES, type SummaryMode } from './subset.js';
import { splitUnescaped } from './values.js';

/** A reference parameter to follow for `_include` / `_revinclude`. */
export interface IncludeSpec {
  readonly source: FhirSearchType;
  readonly param: FhirSearchParam;
}

/** A query, read. */
export interface SearchQuery {
  readonly criteria: readonly Criterion[];
  /** The parameters applied, as they go into the `self` link (without `_count` and `_offset`). */
  readonly applied: readonly (readonly [string, string])[];
  readonly count: number;
  readonly countGiven: boolean;
  readonly offset: number;
  readonly sort: readonly { readonly param: FhirSearchParam; readonly descending: boolean }[];
  readonly summary: SummaryMode | undefined;
  readonly elements: readonly string[] | undefined;
  readonly includes: readonly IncludeSpec[];
  readonly revIncludes: readonly IncludeSpec[];
  readonly issues: readonly SearchIssue[];
}

// Parameters the HTTP layer handles (routes/fhir-negotiation.ts); kept in the links, not read here.
const PASS_THROUGH = new Set(['_format', '_pretty']);
const ONCE = new Set(['_count', '_offset', '_sort', '_summary', '_elements', '_total']);
// `_total`: the total is always exact, which every value allows.
const TOTALS = ['none', 'estimate', 'accurate'];

/** Reads `params` for a search of `type` under the FHIR base `base`. */
export function readQuery(
  type: FhirSearchType,
  params: readonly (readonly [string, string])[],
  base: string,
): SearchQuery {
  const criteria: Criterion[] = [];
  const applied: [string, string][] = [];
  const issues: SearchIssue[] = [];
  const seen = new Set<string>();
  let count = FHIR_DEFAULT_COUNT;
  let countGiven = false;
  let offset = 0;
  const sort: { param: FhirSearchParam; descending: boolean }[] = [];
  let summary: SummaryMode | undefined;
  let elements: string[] | undefined;
  const includes: IncludeSpec[] = [];
  const revIncludes: IncludeSpec[] = [];
  const unsupported = (parameter: string, diagnostics: string) =>
    issues.push({ kind: 'unsupported', parameter, diagnostics });
  const invalid = (parameter: string, diagnostics: string) =>
    issues.push({ kind: 'invalid', parameter, diagnostics });

  for (const [written, value] of params) {
    // An empty value is no criterion (R4 search: servers ignore empty parameters).
    if (splitUnescaped(value, ',').every((v) => v.trim() === '')) continue;
    const colon = written.indexOf(':');
    const name = colon < 0 ? written : written.slice(0, colon);
    const modifier = colon < 0 ? undefined : written.slice(colon + 1);
    if (PASS_THROUGH.has(name)) {
      applied.push([written, value]);
      continue;
    }
    if (ONCE.has(name) || name === '_include' || name === '_revinclude') {
      if (modifier !== undefined) {
        unsupported(written, `the modifier "${modifier.slice(0, 60)}" of ${name} is not supported`);
        continue;
      }
      if (ONCE.has(name) && seen.has(name)) {
        invalid(written, `${name} is given more than once; give it once`);
        continue;
      }
      seen.add(name);
    }
    switch (name) {
      case '_count':
      case '_offset': {
        if (!/^\d+$/.test(value)) {
          invalid(written, `${name}=${value.slice(0, 40)}: expected a whole number of 0 or more`);
          break;
        }
        if (name === '_offset') {
          if (value.length > 9) {
            invalid(written, `${name}=${value.slice(0, 40)}: at most 999999999`);
            break;
          }
          offset = Number(value);
        } else {
          count = Math.min(Number(value), FHIR_MAX_COUNT);
          countGiven = true;
        }
        break;
      }
      case '_sort': {
        const keys: string[] = [];
        for (const key of value
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean)) {
          const descending = key.startsWith('-');
          const param = fhirSearchParam(type, descending ? key.slice(1) : key);
          if (!param?.sortable)
            unsupported(
              `_sort`,
              `_sort by "${key.slice(0, 60)}" is not supported for ${type} (sortable: ${sortable(type)})`,
            );
          else {
            sort.push({ param, descending });
            keys.push(key);
          }
        }
        if (keys.length > 0) applied.push(['_sort', keys.join(',')]);
        break;
      }
      case '_summary': {
        const mode = SUMMARY_MODES.find((m) => m === value);
        if (mode === undefined)
          invalid(
            '_summary',
            `_summary=${value.slice(0, 40)}: expected one of ${SUMMARY_MODES.join(', ')}`,
          );
        else {
          summary = mode;
          applied.push(['_summary', value]);
        }
        break;
      }
      case '_total': {
        if (TOTALS.includes(value)) applied.push(['_total', value]);
        else
          invalid('_total', `_total=${value.slice(0, 40)}: expected one of ${TOTALS.join(', ')}`);
        break;
      }
      case '_elements': {
        // `Practitioner.name` (R5's qualified form) means `name` in a search of Practitioner.
        elements = value
          .split(',')
          .map((e) => e.trim())
          .map((e) => (e.startsWith(`${type}.`) ? e.slice(type.length + 1) : e))
          .filter(Boolean);
        applied.push(['_elements', elements.join(',')]);
        break;
      }
      case '_include':
      case '_revinclude': {
        const spec = includeSpec(type, name, value);
        if (typeof spec === 'string') unsupported(name, spec);
        else {
          (name === '_include' ? includes : revIncludes).push(...spec);
          applied.push([name, value]);
        }
        break;
      }
      default: {
        if (name.includes('.')) {
          unsupported(written, `chained parameters ("${name.slice(0, 60)}") are not supported`);
          break;
        }
        const param = fhirSearchParam(type, name);
        if (!param) {
          unsupported(
            written,
            `"${name.slice(0, 60)}" is not a search parameter this server supports for ${type} (supported: ${supported(type)})`,
          );
          break;
        }
        const criterion = criterionOf(param, modifier, value, base);
        if ('kind' in criterion) issues.push(criterion);
        else {
          criteria.push(criterion);
          applied.push([written, value]);
        }
      }
    }
  }
  if (elements !== undefined && summary !== undefined && summary !== 'false')
    invalid('_elements', '_elements and _summary cannot be used together; give one of them');
  return {
    criteria,
    applied,
    count,
    countGiven,
    offset,
    sort,
    summary,
    elements,
    includes,
    revIncludes,
    issues,
  };
}

function supported(type: FhirSearchType): string {
  return [
    ...FHIR_SEARCH_PARAMS[type].map((p) => p.name),
    ...FHIR_RESULT_PARAMS.map((p) => p.name),
  ].join(', ');
}
function sortable(type: FhirSearchType): string {
  return FHIR_SEARCH_PARAMS[type]
    .filter((p) => p.sortable)
    .map((p) => p.name)
    .join(', ');
}

// `Source:param` or `Source:param:Target` (and `Source:*` for _include), or why not.
function includeSpec(
  type: FhirSearchType,
  name: '_include' | '_revinclude',
  value: string,
): IncludeSpec[] | string {
  const allowed = name === '_include' ? fhirSearchIncludes(type) : fhirSearchRevIncludes(type);
  const [source = '', paramName = '', target, ...rest] = value.split(':');
  const why = `${name}=${value.slice(0, 80)} is not supported for ${type} (supported: ${allowed.join(', ') || 'none'})`;
  if (rest.length > 0 || !isFhirSearchType(source) || !allowed.includes(`${source}:${paramName}`))
    return why;
  const params =
    paramName === '*'
      ? FHIR_SEARCH_PARAMS[source].filter((p) => p.type === 'reference')
      : FHIR_SEARCH_PARAMS[source].filter((p) => p.name === paramName);
  const chosen = params.filter(
    (p) =>
      (target === undefined || p.targets?.some((t) => t === target)) &&
      (name === '_include' || p.targets?.includes(type)),
  );
  return chosen.length === 0 ? why : chosen.map((param) => ({ source, param }));
}
