/** Article, Announcement and Figure fields. */
import { sourcesOf } from './shared';
import type { TypeResolvers } from './types';

export const Article: TypeResolvers = {
  publisher: (a, _x, ctx) => ctx.loaders.relatedOne('article/publisher', a.id),
  edition: (a, _x, ctx) => ctx.loaders.relatedOne('article/edition', a.id),
  mentions: async (a, _x, ctx) =>
    (await ctx.loaders.related('article/mentions').load(a.id)).map((r) => ({
      node: r.node,
      sources: sourcesOf(r.rel?.sources),
    })),
};

export const Announcement: TypeResolvers = {
  edition: (a, _x, ctx) => ctx.loaders.relatedOne('announcement/edition', a.id),
  projects: (a, _x, ctx) => ctx.loaders.relatedNodes('announcement/projects', a.id),
  companies: (a, _x, ctx) => ctx.loaders.relatedNodes('announcement/companies', a.id),
  sources: (a) => sourcesOf(a.sources),
};

export const Figure: TypeResolvers = {
  edition: (f, _x, ctx) => ctx.loaders.relatedOne('figure/edition', f.id),
  sources: (f) => sourcesOf(f.sources),
};
