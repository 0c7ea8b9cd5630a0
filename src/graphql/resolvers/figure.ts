/** Figure fields: a number a recap gives about an edition. */
import type { FigureResolvers } from '../generated/types';
import { required, sourcesOf } from './shared';

export const Figure: FigureResolvers = {
  edition: async (f, _x, ctx) => required(await ctx.loaders.relatedOne('figure/edition', f.id), f, 'edition'),
  sources: (f) => sourcesOf(f.sources),
};
