import {
  type Article,
  clinicJsonLd,
  type JsonLdNode,
  type JsonLdValue,
  type Therapist,
} from '@ptfx/domain';
import type { SiteContext } from './context.js';
import { paths } from './context.js';

/** What a page is about, beyond the practice every page carries. */
export type PageSubject =
  | { readonly kind: 'practice' }
  | { readonly kind: 'therapist'; readonly therapist: Therapist }
  | { readonly kind: 'article'; readonly article: Article };

function isNode(value: JsonLdValue | undefined): value is JsonLdNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The domain's graph of the clinic, once per render. */
export function clinicGraph(ctx: SiteContext): readonly JsonLdNode[] {
  const graph = clinicJsonLd(ctx.clinic, { baseUrl: ctx.options.baseUrl })['@graph'];
  return Array.isArray(graph) ? graph.filter(isNode) : [];
}

/**
 * The JSON-LD of a page: the practice (on every page), and the Person of a therapist's page or
 * the BlogPosting of an article's, each from the domain's `clinicJsonLd` with the page's URL.
 */
export function pageJsonLd(
  ctx: SiteContext,
  graph: readonly JsonLdNode[],
  subject: PageSubject,
): JsonLdNode {
  const base = ctx.options.baseUrl;
  const byId = (id: string) => graph.find((node) => node['@id'] === id);
  const practice = byId(`${base}/#practice`);
  const nodes: JsonLdNode[] = practice ? [{ ...practice, url: ctx.url(paths.home) }] : [];
  if (subject.kind === 'therapist') {
    const person = byId(`${base}/therapists/${subject.therapist.slug}/#person`);
    if (person) nodes.push({ ...person, url: ctx.url(paths.therapist(subject.therapist)) });
  } else if (subject.kind === 'article') {
    const url = ctx.url(paths.article(subject.article));
    const posting = byId(`${base}/articles/${subject.article.slug}/#article`);
    if (posting) nodes.push({ ...posting, url, mainEntityOfPage: url });
  }
  return { '@context': 'https://schema.org', '@graph': nodes };
}
