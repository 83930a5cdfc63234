import type { Condition, ConditionFact } from '@ptfx/domain';
import { CallToAction } from '../components/call-to-action.js';
import { Document } from '../components/document.js';
import { LinkList } from '../components/link-list.js';
import { bySlugs, paths, type SiteContext } from '../context.js';
import type { PageRender } from './page-render.js';

function figureText(fact: ConditionFact): string | undefined {
  const figure = fact.figure;
  if (!figure) return undefined;
  return figure.unit === 'percent'
    ? `${figure.value}%`
    : `${figure.value.toLocaleString('en-US')} ${figure.unit}`;
}

function Source(props: { readonly ctx: SiteContext; readonly source: string | undefined }) {
  if (!props.source) return null;
  const article = props.ctx.clinic.articles.find((a) => a.slug === props.source);
  return (
    <p class="small">
      Source:{' '}
      {article ? (
        <a href={props.ctx.href(paths.article(article))}>{article.title}</a>
      ) : (
        props.source
      )}
    </p>
  );
}

/** A condition's page: what it is, its facts (the figures they quote), its treatments and articles. */
export function conditionPage(render: PageRender, condition: Condition) {
  const { ctx } = render;
  const { clinic } = ctx;
  const treatments = bySlugs(clinic.treatments, condition.treatments);
  const articles = bySlugs(clinic.articles, condition.articles);
  return (
    <Document
      ctx={ctx}
      head={{
        title: condition.name,
        description: condition.summary,
        path: paths.condition(condition),
        jsonLd: render.jsonLd({ kind: 'practice' }),
      }}
    >
      <div class="wrap">
        <article>
          <h1>{condition.name}</h1>
          <p class="lead">{condition.summary}</p>
          {condition.facts.length > 0 ? (
            <section aria-labelledby="facts-title">
              <h2 id="facts-title">Facts</h2>
              <ul class="facts">
                {condition.facts.map((fact) => {
                  const figure = figureText(fact);
                  return (
                    <li class="fact">
                      {figure ? (
                        <p class="fact-figure" aria-hidden="true">
                          {figure}
                        </p>
                      ) : null}
                      <p>{fact.statement}</p>
                      <Source ctx={ctx} source={fact.source} />
                    </li>
                  );
                })}
              </ul>
            </section>
          ) : null}
        </article>
        <LinkList
          id="treatments-title"
          title={`How we treat ${condition.name.toLowerCase()}`}
          items={treatments.map((t) => ({
            href: ctx.href(paths.treatment(t)),
            label: t.name,
            text: t.summary,
          }))}
        />
        <LinkList
          id="articles-title"
          title="Read more"
          items={articles.map((a) => ({
            href: ctx.href(paths.article(a)),
            label: a.title,
            text: a.subtitle,
          }))}
        />
        <CallToAction ctx={ctx} />
      </div>
    </Document>
  );
}
