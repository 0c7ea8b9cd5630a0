/** Article, Announcement and Figure fields. */
import type { AnnouncementResolvers, ArticleResolvers, FigureResolvers } from '../generated/types';
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

export const Announcement: AnnouncementResolvers = {
  edition: async (a, _x, ctx) =>
    required(await ctx.loaders.relatedOne('announcement/edition', a.id), a, 'edition'),
  projects: (a, _x, ctx) => ctx.loaders.relatedNodes('announcement/projects', a.id),
  companies: (a, _x, ctx) => ctx.loaders.relatedNodes('announcement/companies', a.id),
  sources: (a) => sourcesOf(a.sources),
};

export const Figure: FigureResolvers = {
  edition: async (f, _x, ctx) => required(await ctx.loaders.relatedOne('figure/edition', f.id), f, 'edition'),
  sources: (f) => sourcesOf(f.sources),
};
