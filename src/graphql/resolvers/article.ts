/** Article fields: a recap, its publisher, the edition it covers and what it mentions. */
import type { ArticleResolvers } from '../generated/types';
import { required, sourcesOf } from './shared';

export const Article: ArticleResolvers = {
  publisher: (a, _x, ctx) => ctx.loaders.relatedOne('article/publisher', a.id),
  edition: async (a, _x, ctx) =>
    required(await ctx.loaders.relatedOne('article/edition', a.id), a, 'edition'),
  mentions: async (a, _x, ctx) =>
    (await ctx.loaders.related('article/mentions').load(a.id)).map((r) => ({
      node: r.node,
      sources: sourcesOf(r.rel?.sources),
    })),
};
