/**
 * Where each GraphQL type is resolved. A field without an entry here is read
 * straight off the stored node (same name as the property).
 */
import { DateResolver, NonNegativeIntResolver, URLResolver } from 'graphql-scalars';
import { Query } from './query';
import { Edition } from './edition';
import { Talk, Participation } from './talk';
import { Person, Affiliation } from './person';
import { Company, Project } from './company';
import { Article, Announcement, Figure } from './article';
import { Node, Source } from './shared';
import { analystQueries, CompanyProjectLink, PathStep, TimelineEntry } from './analyst';
import type { Resolvers } from '../generated/types';

export const resolvers: Resolvers = {
  Date: DateResolver,
  URL: URLResolver,
  NonNegativeInt: NonNegativeIntResolver,
  Node,
  Query: { ...Query, ...analystQueries },
  PathStep,
  CompanyProjectLink,
  TimelineEntry,
  Edition,
  Talk,
  Participation,
  Person,
  Affiliation,
  Company,
  Project,
  Article,
  Announcement,
  Figure,
  Source,
};
