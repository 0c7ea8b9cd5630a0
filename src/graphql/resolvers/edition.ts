/** Edition fields. Edition.talks pages over the edition's ordered talk ids. */
import { connectionOf, windowOf } from '../pagination';
import type { StoredNode } from '../../store/engine';
import type { EditionResolvers } from '../generated/types';
import { sourcesOf } from './shared';

export const Edition: EditionResolvers = {
  talks: async (e, { first, after }, ctx) => {
    const window = windowOf(first, after);
    const ids = await ctx.loaders.talkIds.load(e.id);
    const pageIds = ids.slice(window.skip, window.skip + window.limit);
    const nodes = (await ctx.loaders.node('Talk').loadMany(pageIds)).filter(
      (n): n is StoredNode => n !== null && !(n instanceof Error),
    );
    return connectionOf(nodes, window, () => ids.length);
  },
  speakers: (e, _a, ctx) => ctx.loaders.relatedNodes('edition/speakers', e.id),
  companies: (e, _a, ctx) => ctx.loaders.relatedNodes('edition/companies', e.id),
  projects: (e, _a, ctx) => ctx.loaders.relatedNodes('edition/projects', e.id),
  articles: (e, _a, ctx) => ctx.loaders.relatedNodes('edition/articles', e.id),
  announcements: (e, _a, ctx) => ctx.loaders.relatedNodes('edition/announcements', e.id),
  figures: (e, _a, ctx) => ctx.loaders.relatedNodes('edition/figures', e.id),
  sources: (e) => sourcesOf(e.sources),
};
