import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ArticleSchema } from '@ptfx/domain';
import type { Schema } from 'hono';
import type { ApiEnv } from '../app-types.js';
import { publish, sendStored } from '../http/fast-path.js';
import { notFound } from '../http/problem.js';
import { cachingHeaders, jsonBody, notModified, problem, slugParams } from './shared.js';

const ArticleSummarySchema = z
  .object({
    slug: z.string(),
    title: z.string(),
    subtitle: z.string().optional(),
    author: z.string().optional(),
    published: z.string(),
    readTimeMinutes: z.number().describe('Computed: words at 200 a minute, rounded up'),
  })
  .openapi('ArticleSummary');

const listArticles = createRoute({
  method: 'get',
  path: '/v1/articles',
  summary: 'Every article, with its computed read time',
  tags: ['content'],
  responses: {
    200: {
      ...jsonBody(z.object({ data: z.array(ArticleSummarySchema) }), 'The articles'),
      headers: cachingHeaders,
    },
    304: notModified,
  },
});
const getArticle = createRoute({
  method: 'get',
  path: '/v1/articles/{slug}',
  summary: 'One article, with its read time and word count',
  tags: ['content'],
  request: { params: slugParams('how-can-physical-therapy-help-to-reduce-back-pain') },
  responses: {
    200: {
      ...jsonBody(
        z.object({ ...ArticleSchema.shape, readTimeMinutes: z.number(), wordCount: z.number() }),
        'The article',
      ),
      headers: cachingHeaders,
    },
    304: notModified,
    404: problem('No such article'),
  },
});

/** `/v1/articles`, `/v1/articles/{slug}`. */
export function articleRoutes<S extends Schema>(app: OpenAPIHono<ApiEnv, S>) {
  return app
    .openapi(listArticles, (c) => sendStored(c, c.var.snapshot.rep('articles'), 'articles'))
    .openapi(getArticle, (c) => {
      const { slug } = c.req.valid('param');
      const rep = c.var.snapshot.rep(`article:${slug}`);
      if (!rep) throw notFound('article', slug);
      return publish(c, rep);
    });
}
