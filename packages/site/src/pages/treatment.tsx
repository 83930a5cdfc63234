import { type Treatment, therapistDisplayName } from '@ptfx/domain';
import { CallToAction } from '../components/call-to-action.js';
import { Document } from '../components/document.js';
import { LinkList } from '../components/link-list.js';
import { bySlugs, paths } from '../context.js';
import { CATEGORY_LABEL } from '../format.js';
import type { PageRender } from './page-render.js';

/** A treatment's page: what it is, the conditions it helps, who offers it, the articles about it. */
export function treatmentPage(render: PageRender, treatment: Treatment) {
  const { ctx } = render;
  const { clinic } = ctx;
  const conditions = bySlugs(clinic.conditions, treatment.conditions);
  const therapists = clinic.therapists.filter((t) => t.treatments.includes(treatment.slug));
  const articles = clinic.articles.filter((a) => a.treatments.includes(treatment.slug));
  return (
    <Document
      ctx={ctx}
      head={{
        title: treatment.name,
        description: treatment.summary,
        path: paths.treatment(treatment),
        jsonLd: render.jsonLd({ kind: 'practice' }),
      }}
    >
      <div class="wrap">
        <article>
          <p class="eyebrow">{CATEGORY_LABEL[treatment.category]}</p>
          <h1>{treatment.name}</h1>
          <p class="lead">{treatment.summary}</p>
          {treatment.codes.length > 0 ? (
            <p class="small">
              Billed as {treatment.codes.join(', ')}
              {treatment.timed ? ', in 15-minute units' : ', once per visit'}.
            </p>
          ) : null}
        </article>
        <LinkList
          id="conditions-title"
          title="Conditions it helps"
          items={conditions.map((c) => ({ href: ctx.href(paths.condition(c)), label: c.name }))}
        />
        <LinkList
          id="therapists-title"
          title="Therapists who offer it"
          items={therapists.map((t) => ({
            href: ctx.href(paths.therapist(t)),
            label: therapistDisplayName(t),
            text: t.credentialListing,
          }))}
        />
        <LinkList
          id="articles-title"
          title="Read more"
          items={articles.map((a) => ({ href: ctx.href(paths.article(a)), label: a.title }))}
        />
        <CallToAction ctx={ctx} />
      </div>
    </Document>
  );
}
