/** Announcement fields: what was announced at an edition, about which projects and companies. */
import type { AnnouncementResolvers } from '../generated/types';
import { required, sourcesOf } from './shared';

export const Announcement: AnnouncementResolvers = {
  edition: async (a, _x, ctx) =>
    required(await ctx.loaders.relatedOne('announcement/edition', a.id), a, 'edition'),
  projects: (a, _x, ctx) => ctx.loaders.relatedNodes('announcement/projects', a.id),
  companies: (a, _x, ctx) => ctx.loaders.relatedNodes('announcement/companies', a.id),
  sources: (a) => sourcesOf(a.sources),
};
