import type { JsonLdNode } from '@ptfx/domain';
import type { SiteContext } from '../context.js';
import type { PageSubject } from '../page-json-ld.js';

/** What a page function is given: the site context and the JSON-LD of a page's subject. */
export interface PageRender {
  readonly ctx: SiteContext;
  jsonLd(subject: PageSubject): JsonLdNode;
}
