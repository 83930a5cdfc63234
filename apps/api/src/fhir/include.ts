// `_include` and `_revinclude`: the resources the page's matches refer to, and those that
// refer to them (R4 search.html#include), each once and never one already on the page.
import type { IncludeSpec } from './query.js';
import { type FhirSearchResource, field, valuesOf } from './values.js';

/** The resources to add to a page with `search.mode` `include`. */
export function included<R extends FhirSearchResource>(
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
