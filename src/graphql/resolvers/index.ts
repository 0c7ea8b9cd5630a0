/**
 * Where each GraphQL type is resolved. A field without an entry here is read
 * straight off the stored node (same name as the property).
 */
import { DateResolver, NonNegativeIntResolver, URLResolver } from 'graphql-scalars';
import { Query } from './query';
import { Edition } from './edition';
import { Talk, Participation } from './talk';
import { Person, Affiliation } from './person';
import { Company } from './company';
import { Project } from './project';
import { Article } from './article';
import { Announcement } from './announcement';
import { Figure } from './figure';
import { Node, nodeFields, Source } from './shared';
import { analystQueries, CompanyProjectLink, PathStep, SearchHit, TimelineEntry } from './analyst';
import { Path, Subgraph, subgraphQueries } from './subgraph';
import {
  CompanyConnection,
  CompanyProjectLinkConnection,
  PersonConnection,
  ProjectConnection,
  TalkConnection,
} from './connections';
import type { Resolvers } from '../generated/types';

export const resolvers: Resolvers = {
  Date: DateResolver,
  URL: URLResolver,
  NonNegativeInt: NonNegativeIntResolver,
  Node,
  Query: { ...Query, ...analystQueries, ...subgraphQueries },
  TalkConnection,
  PersonConnection,
  CompanyConnection,
  ProjectConnection,
  CompanyProjectLinkConnection,
  Path,
  Subgraph,
  PathStep,
  CompanyProjectLink,
  TimelineEntry,
  SearchHit,
  Edition: { ...nodeFields, ...Edition },
  Talk: { ...nodeFields, ...Talk },
  Participation,
  Person: { ...nodeFields, ...Person },
  Affiliation,
  Company: { ...nodeFields, ...Company },
  Project: { ...nodeFields, ...Project },
  Article: { ...nodeFields, ...Article },
  Announcement: { ...nodeFields, ...Announcement },
  Figure: { ...nodeFields, ...Figure },
  Source,
};
