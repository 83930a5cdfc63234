import { type Article, articleReadTime, therapistDisplayName } from '@ptfx/domain';
import { CallToAction } from '../components/call-to-action.js';
import { Document } from '../components/document.js';
import { LinkList } from '../components/link-list.js';
import { bySlugs, paths } from '../context.js';
import { formatDate, readTimeText } from '../format.js';
import type { PageRender } from './page-render.js';

/** An image of the article, by its alt text: a placeholder box and the description as caption. */
function FigurePlaceholder(props: { readonly alt: string }) {
  return (
    <figure class="figure-placeholder">
      <svg
        width="640"
        height="200"
        viewBox="0 0 640 200"
        aria-hidden="true"
        focusable="false"
        xmlns="http://www.w3.org/2000/svg"
      >
        <rect width="640" height="200" fill="#dcebee" />
        <path d="M280 130l40-50 40 50z M330 130l25-30 25 30z" fill="#9cc4cc" />
      </svg>
      <figcaption>{props.alt}</figcaption>
    </figure>
  );
}

/** An article's page: the text word for word, its date and read time, its sections as headings. */
export function articlePage(render: PageRender, article: Article) {
  const { ctx } = render;
  const { clinic } = ctx;
  const author = article.author
    ? clinic.therapists.find((t) => t.slug === article.author)
    : undefined;
  const minutes = article.displayedReadTime ?? articleReadTime(article);
  const conditions = bySlugs(clinic.conditions, article.conditions);
  const treatments = bySlugs(clinic.treatments, article.treatments);
  return (
    <Document
      ctx={ctx}
      head={{
        title: article.title,
        description:
          article.subtitle ?? article.sections[0]?.paragraphs[0]?.slice(0, 160) ?? article.title,
        path: paths.article(article),
        ogType: 'article',
        jsonLd: render.jsonLd({ kind: 'article', article }),
      }}
    >
      <div class="wrap">
        <article class="prose">
          <header class="article-header">
            <h1>{article.title}</h1>
            {article.subtitle ? <p class="lead">{article.subtitle}</p> : null}
            <p class="meta">
              <span>{readTimeText(minutes)}</span>{' '}
              <time datetime={article.published}>{formatDate(article.published)}</time>{' '}
              {article.updated ? (
                <span>
                  Updated <time datetime={article.updated}>{formatDate(article.updated)}</time>
                </span>
              ) : null}
              {author ? (
                <span>
                  By <a href={ctx.href(paths.therapist(author))}>{therapistDisplayName(author)}</a>
                </span>
              ) : null}
            </p>
          </header>
          {article.sections.map((section) => (
            <section>
              {section.heading ? <h2>{section.heading}</h2> : null}
              {section.images.map((alt) => (
                <FigurePlaceholder alt={alt} />
              ))}
              {section.paragraphs.map((p) => (
                <p>{p}</p>
              ))}
            </section>
          ))}
        </article>
        <CallToAction ctx={ctx} />
        <LinkList
          id="conditions-title"
          title="Conditions in this article"
          items={conditions.map((c) => ({ href: ctx.href(paths.condition(c)), label: c.name }))}
        />
        <LinkList
          id="treatments-title"
          title="Treatments in this article"
          items={treatments.map((t) => ({ href: ctx.href(paths.treatment(t)), label: t.name }))}
        />
      </div>
    </Document>
  );
}
