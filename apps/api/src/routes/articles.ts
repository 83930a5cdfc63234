import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ArticleSchema } from '@ptfx/domain';
import type { Schema } from 'hono';
import type { ApiEnv } from '../app-types.js';
import { publish, sendStored } from '../http/fast-path.js';
import { notFound } from '../http/problem.js';
import {
  cachingHeaders,
  invalidPathParam,
  jsonBody,
  notModified,
  problem,
  REQUEST_ERRORS,
  slugParams,
} from './shared.js';

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
  operationId: 'listArticles',
  summary: 'Every article, with its computed read time',
  tags: ['content'],
  security: [],
  responses: {
    200: {
      ...jsonBody(z.object({ data: z.array(ArticleSummarySchema) }), 'The articles'),
      headers: cachingHeaders,
    },
    304: notModified,
    ...REQUEST_ERRORS,
  },
});
const getArticle = createRoute({
  method: 'get',
  path: '/v1/articles/{slug}',
  operationId: 'getArticle',
  summary: 'One article, with its read time and word count',
  tags: ['content'],
  security: [],
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
    400: invalidPathParam,
    404: problem('No such article'),
    ...REQUEST_ERRORS,
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
