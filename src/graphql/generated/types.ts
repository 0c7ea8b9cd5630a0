import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { StoredNode } from '../../store/engine';
import type { Related } from '../../store/repository';
import type { BackingValue, SourceValue, PathValue, PathStepValue, LinkValue, LinkConnectionValue, SubgraphValue, EdgeValue, TimelineValue, SearchHitValue } from '../values';
import type { Connection } from '../pagination';
import type { Context } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, `YYYY-MM-DD` (graphql-scalars). */
  Date: { input: string; output: string; }
  /** An integer ≥ 0 (graphql-scalars). */
  NonNegativeInt: { input: number; output: number; }
  /** An absolute URL (graphql-scalars). */
  URL: { input: string; output: string; }
};

export type Affiliation = {
  __typename?: 'Affiliation';
  company: Company;
  edition?: Maybe<Edition>;
  jobTitle?: Maybe<Scalars['String']['output']>;
  sources: Array<Source>;
};

export type Announcement = Node & {
  __typename?: 'Announcement';
  companies: Array<Company>;
  description: Scalars['String']['output'];
  edition: Edition;
  id: Scalars['ID']['output'];
  kind: AnnouncementKind;
  /** The display name (see `Node.label`). */
  label: Scalars['String']['output'];
  /** The maturity level reached, for MATURITY_CHANGE. */
  maturity?: Maybe<Maturity>;
  projects: Array<Project>;
  sources: Array<Source>;
  type: EntityType;
  version?: Maybe<Scalars['String']['output']>;
};

export type AnnouncementKind =
  | 'DONATION'
  | 'LAUNCH'
  | 'MATURITY_CHANGE'
  | 'OTHER'
  | 'RELEASE';

/** One recap article (the source of every fact). */
export type Article = Node & {
  __typename?: 'Article';
  authors: Array<Scalars['String']['output']>;
  /** Which day or part of the edition it covers. */
  covers?: Maybe<Scalars['String']['output']>;
  edition: Edition;
  id: Scalars['ID']['output'];
  /** The display name (see `Node.label`). */
  label: Scalars['String']['output'];
  language: Scalars['String']['output'];
  /** Every project, company and person the article names, grouped by kind (ordered by id), each with its paragraphs. */
  mentions: Array<Mention>;
  publishedOn?: Maybe<Scalars['Date']['output']>;
  publisher?: Maybe<Company>;
  /** Seed file the article text lives in. */
  seed?: Maybe<Scalars['String']['output']>;
  series?: Maybe<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  type: EntityType;
  url?: Maybe<Scalars['URL']['output']>;
};

export type Backing = {
  __typename?: 'Backing';
  company: Company;
  kind: BackingKind;
  project: Project;
  reference?: Maybe<Scalars['String']['output']>;
  sources: Array<Source>;
};

export type BackingKind =
  | 'CREATED'
  | 'DEVELOPS'
  | 'DONATED'
  | 'MAINTAINS';

export type Company = Node & {
  __typename?: 'Company';
  aliases: Array<Scalars['String']['output']>;
  /** Projects the company created, maintains, develops or donated. */
  backs: Array<Backing>;
  /** Editions where the company is credited for a talk. */
  editions: Array<Edition>;
  homepage?: Maybe<Scalars['URL']['output']>;
  id: Scalars['ID']['output'];
  /** The display name (see `Node.label`). */
  label: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** People affiliated with the company at any edition. */
  people: Array<Person>;
  /** Projects the company backs, or discusses in its talks, or is announced with. */
  projects: Array<Project>;
  /** Editions the company sponsored or exhibited at, oldest first. */
  sponsorships: Array<Sponsorship>;
  /** Talks the company is credited for. */
  talks: Array<Talk>;
  type: EntityType;
};

export type CompanyConnection = {
  __typename?: 'CompanyConnection';
  edges: Array<CompanyEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['NonNegativeInt']['output'];
};

export type CompanyEdge = {
  __typename?: 'CompanyEdge';
  cursor: Scalars['String']['output'];
  node: Company;
};

export type CompanyFilter = {
  editionId?: InputMaybe<Scalars['ID']['input']>;
  nameContains?: InputMaybe<Scalars['String']['input']>;
};

/** How strongly a company and a project are linked, and by which facts. */
export type CompanyProjectLink = {
  __typename?: 'CompanyProjectLink';
  announcements: Array<Announcement>;
  /** How the company backs the project (not counted when filtering by edition: backing has no edition). */
  backing: Array<BackingKind>;
  company: Company;
  project: Project;
  talks: Array<Talk>;
  /** Number of facts: talks the company presents that discuss the project, announcements naming both, backing relationships. */
  weight: Scalars['Int']['output'];
};

export type CompanyProjectLinkConnection = {
  __typename?: 'CompanyProjectLinkConnection';
  edges: Array<CompanyProjectLinkEdge>;
  pageInfo: PageInfo;
  /** Every link under the filters, counted in the database. */
  totalCount: Scalars['NonNegativeInt']['output'];
};

export type CompanyProjectLinkEdge = {
  __typename?: 'CompanyProjectLinkEdge';
  cursor: Scalars['String']['output'];
  node: CompanyProjectLink;
};

/** One KubeCon + CloudNativeCon event. */
export type Edition = Node & {
  __typename?: 'Edition';
  /** Other names the recaps use for this edition (`KubeCon Barcelona`…). */
  aliases: Array<Scalars['String']['output']>;
  announcements: Array<Announcement>;
  articles: Array<Article>;
  attendees?: Maybe<Scalars['NonNegativeInt']['output']>;
  city?: Maybe<Scalars['String']['output']>;
  /**
   * Companies of this edition, by name. `STAGE`: credited for one of its talks (directly or through a
   * speaker's affiliation there). `COVERAGE`: named by its recaps but not on stage (sponsors, vendors,
   * companies in passing). `ALL` (default): both.
   */
  companies: Array<Company>;
  country?: Maybe<Scalars['String']['output']>;
  endDate?: Maybe<Scalars['Date']['output']>;
  /** Numbers the recaps report about this edition or the ecosystem at that time. */
  figures: Array<Figure>;
  format: EditionFormat;
  id: Scalars['ID']['output'];
  /** The display name (see `Node.label`). */
  label: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /**
   * Projects of this edition, by name. `STAGE`: discussed in its talks or announcements. `COVERAGE`: named
   * by its recaps but not on stage (a sponsor's project, products in passing). `ALL` (default): both.
   */
  projects: Array<Project>;
  /** Where public facts about this edition (dates, venue, attendance) come from, when not from a recap. */
  reference?: Maybe<Scalars['String']['output']>;
  region: Region;
  /** Where the recaps mention this edition; empty for pure reference data. */
  sources: Array<Source>;
  /** People who presented a talk at this edition. */
  speakers: Array<Person>;
  /** Companies that sponsored or exhibited at this edition, by name (companies merely named stay out: see `companies(scope: COVERAGE)`). */
  sponsors: Array<Company>;
  startDate?: Maybe<Scalars['Date']['output']>;
  talks: TalkConnection;
  type: EntityType;
  year: Scalars['Int']['output'];
};


/** One KubeCon + CloudNativeCon event. */
export type EditionCompaniesArgs = {
  scope?: InputMaybe<EditionScope>;
};


/** One KubeCon + CloudNativeCon event. */
export type EditionProjectsArgs = {
  scope?: InputMaybe<EditionScope>;
};


/** One KubeCon + CloudNativeCon event. */
export type EditionTalksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type EditionFormat =
  | 'HYBRID'
  | 'IN_PERSON'
  | 'VIRTUAL';

/**
 * Which part of an edition a list covers.
 * `STAGE`: what was on stage, i.e. discussed in the edition's talks or announcements
 * (for companies: credited for one of its talks).
 * `COVERAGE`: what the edition's recaps name elsewhere than on stage (sponsor booths,
 * vendor news, products in passing), and not already on stage.
 * `ALL`: both, each entity once.
 */
export type EditionScope =
  | 'ALL'
  | 'COVERAGE'
  | 'STAGE';

/** Distinct counts per edition, stored by every load (cypher/load/edition-stats.cypher). */
export type EditionStats = {
  __typename?: 'EditionStats';
  /** Announcements made at the edition. */
  announcements: Scalars['Int']['output'];
  /** Companies credited with a talk at the edition, directly or through a speaker's affiliation; companies only named by an announcement are not counted (`npm run stats`, a curation report, counts those too). */
  companies: Scalars['Int']['output'];
  edition: Edition;
  /** Projects that a talk at the edition mentions or an announcement there is about. */
  projects: Scalars['Int']['output'];
  /** People who presented a talk at the edition. */
  speakers: Scalars['Int']['output'];
  /** Talks given at the edition. */
  talks: Scalars['Int']['output'];
};

/** Kinds of entity: what `Node.type` says, and what `search` and `neighborhood` filter on (`search` never returns figures). */
export type EntityType =
  | 'ANNOUNCEMENT'
  | 'ARTICLE'
  | 'COMPANY'
  | 'EDITION'
  | 'FIGURE'
  | 'PERSON'
  | 'PROJECT'
  | 'TALK';

/** A number a recap reports (attendance, project counts…). */
export type Figure = Node & {
  __typename?: 'Figure';
  edition: Edition;
  id: Scalars['ID']['output'];
  label: Scalars['String']['output'];
  sources: Array<Source>;
  type: EntityType;
  unit?: Maybe<Scalars['String']['output']>;
  value: Scalars['Float']['output'];
};

export type Maturity =
  | 'ARCHIVED'
  | 'GRADUATED'
  | 'INCUBATING'
  | 'SANDBOX';

/** An entity an article names, with the paragraphs that name it. */
export type Mention = {
  __typename?: 'Mention';
  node: Node;
  sources: Array<Source>;
};

/** Order of people, companies and projects: by name (default), or most talks first. */
export type NameOrder =
  | 'NAME'
  | 'TALKS';

/** Anything in the graph with a stable, typed id such as `person:matt-klein`. */
export type Node = {
  id: Scalars['ID']['output'];
  /** What to call it on screen: its name, or title (talks, articles), or description (announcements), or label (figures). */
  label: Scalars['String']['output'];
  /** Its kind, so that a node reads by itself without an inline fragment. */
  type: EntityType;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type ParticipantRole =
  | 'HOST'
  | 'MODERATOR'
  | 'PANELIST'
  | 'SPEAKER';

export type Participation = {
  __typename?: 'Participation';
  /** The person's company at the talk's edition, when a recap gives it. */
  company?: Maybe<Company>;
  jobTitle?: Maybe<Scalars['String']['output']>;
  person: Person;
  role: ParticipantRole;
  sources: Array<Source>;
};

/** A shortest chain of facts between two nodes. */
export type Path = {
  __typename?: 'Path';
  /** Number of relationships (0 when `from` and `to` are the same node). */
  length: Scalars['Int']['output'];
  steps: Array<PathStep>;
  /** The path's nodes and relationships, ready for a graph view. */
  subgraph: Subgraph;
};

export type PathStep = {
  __typename?: 'PathStep';
  /** True when the stored relationship points from `from` to `to`; false when the step walks it backwards. */
  forward: Scalars['Boolean']['output'];
  from: Node;
  /** Reference note when the relationship is public data rather than a recap fact. */
  reference?: Maybe<Scalars['String']['output']>;
  /** The relationship type (PRESENTED, MENTIONS, AT, …). */
  relation: Scalars['String']['output'];
  /** Where the recaps state this relationship. */
  sources: Array<Source>;
  to: Node;
};

export type Person = Node & {
  __typename?: 'Person';
  /** Where the person worked, per edition. */
  affiliations: Array<Affiliation>;
  aliases: Array<Scalars['String']['output']>;
  companies: Array<Company>;
  id: Scalars['ID']['output'];
  /** The display name (see `Node.label`). */
  label: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** Projects discussed in the person's talks. */
  projects: Array<Project>;
  talks: Array<Talk>;
  type: EntityType;
};

export type PersonConnection = {
  __typename?: 'PersonConnection';
  edges: Array<PersonEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['NonNegativeInt']['output'];
};

export type PersonEdge = {
  __typename?: 'PersonEdge';
  cursor: Scalars['String']['output'];
  node: Person;
};

/** `nameContains` ignores case and accents and also matches aliases. */
export type PersonFilter = {
  companyId?: InputMaybe<Scalars['ID']['input']>;
  editionId?: InputMaybe<Scalars['ID']['input']>;
  nameContains?: InputMaybe<Scalars['String']['input']>;
};

export type Project = Node & {
  __typename?: 'Project';
  aliases: Array<Scalars['String']['output']>;
  announcements: Array<Announcement>;
  backers: Array<Backing>;
  /** Whether it is hosted by the CNCF (public reference data). */
  cncf: Scalars['Boolean']['output'];
  /** Companies that back it, present talks about it, or are announced with it. */
  companies: Array<Company>;
  description?: Maybe<Scalars['String']['output']>;
  /**
   * Editions of this project, oldest first. `STAGE`: discussed in a talk or named by an announcement there.
   * `COVERAGE`: named by the edition's recaps but not on stage. `ALL` (default): both.
   */
  editions: Array<Edition>;
  homepage?: Maybe<Scalars['URL']['output']>;
  id: Scalars['ID']['output'];
  /** The display name (see `Node.label`). */
  label: Scalars['String']['output'];
  /** Current CNCF maturity (public reference data); null outside the CNCF. */
  maturity?: Maybe<Maturity>;
  name: Scalars['String']['output'];
  /** Talks that discuss it. */
  talks: Array<Talk>;
  type: EntityType;
};


export type ProjectEditionsArgs = {
  scope?: InputMaybe<EditionScope>;
};

export type ProjectConnection = {
  __typename?: 'ProjectConnection';
  edges: Array<ProjectEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['NonNegativeInt']['output'];
};

export type ProjectEdge = {
  __typename?: 'ProjectEdge';
  cursor: Scalars['String']['output'];
  node: Project;
};

export type ProjectFilter = {
  cncf?: InputMaybe<Scalars['Boolean']['input']>;
  editionId?: InputMaybe<Scalars['ID']['input']>;
  maturity?: InputMaybe<Maturity>;
  nameContains?: InputMaybe<Scalars['String']['input']>;
};

export type Query = {
  __typename?: 'Query';
  /**
   * Every article, by the year of the edition it covers, then title; the `first` of them when given
   * (0 or more). The cost estimate counts this list as the number of articles it returns.
   */
  articles: Array<Article>;
  companies: CompanyConnection;
  /**
   * The company–project matrix, strongest links first, cut after `first` links: 50 unless asked otherwise, at most 200,
   * with no total and no sign that more were left out. `companyProjectLinksConnection` gives the total and pages.
   */
  companyProjectLinks: Array<CompanyProjectLink>;
  /**
   * `companyProjectLinks` as pages: the same links in the same order, ranked and cut in the database, with `totalCount`.
   * `first` is at most 200.
   */
  companyProjectLinksConnection: CompanyProjectLinkConnection;
  edition?: Maybe<Edition>;
  /**
   * Counts per edition, newest first, as the last load stored them: the `first` newest editions, 100 unless
   * asked otherwise, at most 1000. `/export/edition-stats.csv` (or `.ndjson`) gives every edition.
   */
  editionStats: Array<EditionStats>;
  /**
   * Every edition, newest first; the `first` newest when given (0 or more). The cost estimate counts
   * this list as the number of editions it returns (README "Query limits").
   */
  editions: Array<Edition>;
  /**
   * The entity `id` and what surrounds it, up to `depth` relationships away (1 or 2), for a graph view. With `types`, only
   * nodes of those types are included or walked through (an empty list means every type). At most `first` nodes (0–200)
   * besides `id` itself, the best supported first: a node ranks by the weight of its edges to the nodes already included.
   * `edges` holds every relationship between the nodes included, those among the farthest ones too. NOT_FOUND when `id`
   * does not exist.
   */
  neighborhood: Subgraph;
  /** Any entity by id (`talk:…`, `person:…`, …); null when absent, BAD_USER_INPUT for an unknown id kind. */
  node?: Maybe<Node>;
  /** A shortest path between two nodes over the graph's relationships, at most `maxHops` long (1–6); null when there is none. Among equally short paths, one through fewer articles is preferred. */
  path?: Maybe<Path>;
  /** Every edition where the project was discussed or announced, oldest first. */
  projectTimeline: Array<TimelineEntry>;
  projects: ProjectConnection;
  /** Full-text search over names, aliases and titles of every kind of entity: case, accents, a typo or a word prefix do not matter. Words are Latin letters and digits once accents are removed (other scripts, such as 東京, are not searchable). `first` is at most 50. */
  search: Array<SearchHit>;
  /** People who presented at least one talk. */
  speakers: PersonConnection;
  /** `first` is at most 100; a cursor is only valid with the `orderBy` it came from. */
  talks: TalkConnection;
};


export type QueryArticlesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryCompaniesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CompanyFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<NameOrder>;
};


export type QueryCompanyProjectLinksArgs = {
  companyId?: InputMaybe<Scalars['ID']['input']>;
  editionId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryCompanyProjectLinksConnectionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  companyId?: InputMaybe<Scalars['ID']['input']>;
  editionId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  projectId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryEditionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryEditionStatsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryEditionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryNeighborhoodArgs = {
  depth?: InputMaybe<Scalars['Int']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  types?: InputMaybe<Array<EntityType>>;
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPathArgs = {
  from: Scalars['ID']['input'];
  maxHops?: InputMaybe<Scalars['Int']['input']>;
  to: Scalars['ID']['input'];
};


export type QueryProjectTimelineArgs = {
  projectId: Scalars['ID']['input'];
};


export type QueryProjectsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProjectFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<NameOrder>;
};


export type QuerySearchArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
  types?: InputMaybe<Array<EntityType>>;
};


export type QuerySpeakersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PersonFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<NameOrder>;
};


export type QueryTalksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TalkFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<TalkOrder>;
};

export type Region =
  | 'CHINA'
  | 'EUROPE'
  | 'INDIA'
  | 'JAPAN'
  | 'LATIN_AMERICA'
  | 'NORTH_AMERICA'
  | 'OTHER';

export type SearchHit = {
  __typename?: 'SearchHit';
  /** The entity's name, title or description. */
  label: Scalars['String']['output'];
  node: Node;
  /** Higher is better: the share of query words found (exactly > as a prefix > with a typo), plus a bonus for the whole phrase and a larger one when the query is the whole name or title. */
  score: Scalars['Float']['output'];
  type: EntityType;
};

/** Where a fact comes from: an article and a paragraph (`¶12`) or section. */
export type Source = {
  __typename?: 'Source';
  article: Article;
  locator: Scalars['String']['output'];
};

/** A company sponsoring or exhibiting at an edition (a booth, a sponsor tour in a recap). */
export type Sponsorship = {
  __typename?: 'Sponsorship';
  /** Booth number or location, when known. */
  booth?: Maybe<Scalars['String']['output']>;
  company: Company;
  edition: Edition;
  /** Where the fact comes from when it is public data rather than a recap statement. */
  reference?: Maybe<Scalars['String']['output']>;
  /** Where the recaps show the company exhibiting or sponsoring. */
  sources: Array<Source>;
  /** Sponsorship level as the organiser publishes it (Diamond, Platinum…), when known. */
  tier?: Maybe<Scalars['String']['output']>;
};

/**
 * Nodes and the relationships between them, in the shape a graph view or a notebook's networkx wants:
 * `nodes` to draw or `add_nodes_from`, `edges` to draw or `add_edges_from` (by `from` and `to` ids).
 */
export type Subgraph = {
  __typename?: 'Subgraph';
  /** Strongest first (by `weight`). */
  edges: Array<SubgraphEdge>;
  nodes: Array<Node>;
  /** True when `first` left out nodes that would otherwise have been included. */
  truncated: Scalars['Boolean']['output'];
};

/** A relationship between two nodes of a subgraph, in its stored direction; several of one type between the same two nodes are merged. */
export type SubgraphEdge = {
  __typename?: 'SubgraphEdge';
  from: Scalars['ID']['output'];
  /** Reference note when the relationship is public data rather than a recap fact. */
  reference?: Maybe<Scalars['String']['output']>;
  /** The relationship type (PRESENTED, MENTIONS, AT, …). */
  relation: Scalars['String']['output'];
  /** Where the recaps state it. */
  sources: Array<Source>;
  to: Scalars['ID']['output'];
  /** How many facts support it: the distinct recap paragraphs citing it, and at least 1. */
  weight: Scalars['Int']['output'];
};

/** A keynote, talk, panel… given at an edition. */
export type Talk = Node & {
  __typename?: 'Talk';
  /** The co-located event (EnvoyCon, a Day-0 summit…) the talk was part of; null for a talk of the main conference. */
  colocatedEvent?: Maybe<Scalars['String']['output']>;
  /** Companies credited: the speakers' affiliations at that edition, plus any company credited directly. */
  companies: Array<Company>;
  /** The day it was given, when known. */
  day?: Maybe<Scalars['Date']['output']>;
  edition: Edition;
  id: Scalars['ID']['output'];
  kind: TalkKind;
  /** The display name (see `Node.label`). */
  label: Scalars['String']['output'];
  /** Companies the talk discusses (not necessarily credited). */
  mentionedCompanies: Array<Company>;
  /** The original English title, when the recap only gives a translation and the original is known. */
  originalTitle?: Maybe<Scalars['String']['output']>;
  /** Everyone on stage with their role and their affiliation at that edition. */
  participants: Array<Participation>;
  /** Projects the talk discusses. */
  projects: Array<Project>;
  sources: Array<Source>;
  /** People who presented it, whatever their role. */
  speakers: Array<Person>;
  summary?: Maybe<Scalars['String']['output']>;
  /** The title as the recap gives it (a French rendering when that is all it gives). */
  title: Scalars['String']['output'];
  type: EntityType;
};

export type TalkConnection = {
  __typename?: 'TalkConnection';
  edges: Array<TalkEdge>;
  pageInfo: PageInfo;
  /** Counted in the database, only when asked for. */
  totalCount: Scalars['NonNegativeInt']['output'];
};

export type TalkEdge = {
  __typename?: 'TalkEdge';
  cursor: Scalars['String']['output'];
  node: Talk;
};

/** Every field narrows the list; `titleContains` ignores case and accents. */
export type TalkFilter = {
  companyId?: InputMaybe<Scalars['ID']['input']>;
  editionId?: InputMaybe<Scalars['ID']['input']>;
  kind?: InputMaybe<TalkKind>;
  projectId?: InputMaybe<Scalars['ID']['input']>;
  speakerId?: InputMaybe<Scalars['ID']['input']>;
  titleContains?: InputMaybe<Scalars['String']['input']>;
};

export type TalkKind =
  | 'KEYNOTE'
  | 'LIGHTNING_TALK'
  | 'OTHER'
  | 'PANEL'
  | 'TALK'
  | 'WORKSHOP';

/** Order of Query.talks: newest edition first (default), oldest first, or by title. */
export type TalkOrder =
  | 'NEWEST'
  | 'OLDEST'
  | 'TITLE';

/** One edition in a project's history. */
export type TimelineEntry = {
  __typename?: 'TimelineEntry';
  announcements: Array<Announcement>;
  edition: Edition;
  /** The maturity announced at this edition, else the last one announced before it; null when none was reported. */
  maturity?: Maybe<Maturity>;
  /** True when an announcement at this edition reported a maturity change. */
  maturityChanged: Scalars['Boolean']['output'];
  talks: Array<Talk>;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;




/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  Node:
    | ( StoredNode )
    | ( StoredNode )
    | ( StoredNode )
    | ( StoredNode )
    | ( StoredNode )
    | ( StoredNode )
    | ( StoredNode )
    | ( StoredNode )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Affiliation: ResolverTypeWrapper<Related>;
  Announcement: ResolverTypeWrapper<StoredNode>;
  AnnouncementKind: AnnouncementKind;
  Article: ResolverTypeWrapper<StoredNode>;
  Backing: ResolverTypeWrapper<BackingValue>;
  BackingKind: BackingKind;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Company: ResolverTypeWrapper<StoredNode>;
  CompanyConnection: ResolverTypeWrapper<Connection>;
  CompanyEdge: ResolverTypeWrapper<Omit<CompanyEdge, 'node'> & { node: ResolversTypes['Company'] }>;
  CompanyFilter: CompanyFilter;
  CompanyProjectLink: ResolverTypeWrapper<LinkValue>;
  CompanyProjectLinkConnection: ResolverTypeWrapper<LinkConnectionValue>;
  CompanyProjectLinkEdge: ResolverTypeWrapper<Omit<CompanyProjectLinkEdge, 'node'> & { node: ResolversTypes['CompanyProjectLink'] }>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  Edition: ResolverTypeWrapper<StoredNode>;
  EditionFormat: EditionFormat;
  EditionScope: EditionScope;
  EditionStats: ResolverTypeWrapper<Omit<EditionStats, 'edition'> & { edition: ResolversTypes['Edition'] }>;
  EntityType: EntityType;
  Figure: ResolverTypeWrapper<StoredNode>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Maturity: Maturity;
  Mention: ResolverTypeWrapper<Omit<Mention, 'node' | 'sources'> & { node: ResolversTypes['Node'], sources: Array<ResolversTypes['Source']> }>;
  NameOrder: NameOrder;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  NonNegativeInt: ResolverTypeWrapper<Scalars['NonNegativeInt']['output']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  ParticipantRole: ParticipantRole;
  Participation: ResolverTypeWrapper<Related>;
  Path: ResolverTypeWrapper<PathValue>;
  PathStep: ResolverTypeWrapper<PathStepValue>;
  Person: ResolverTypeWrapper<StoredNode>;
  PersonConnection: ResolverTypeWrapper<Connection>;
  PersonEdge: ResolverTypeWrapper<Omit<PersonEdge, 'node'> & { node: ResolversTypes['Person'] }>;
  PersonFilter: PersonFilter;
  Project: ResolverTypeWrapper<StoredNode>;
  ProjectConnection: ResolverTypeWrapper<Connection>;
  ProjectEdge: ResolverTypeWrapper<Omit<ProjectEdge, 'node'> & { node: ResolversTypes['Project'] }>;
  ProjectFilter: ProjectFilter;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Region: Region;
  SearchHit: ResolverTypeWrapper<SearchHitValue>;
  Source: ResolverTypeWrapper<SourceValue>;
  Sponsorship: ResolverTypeWrapper<Omit<Sponsorship, 'company' | 'edition' | 'sources'> & { company: ResolversTypes['Company'], edition: ResolversTypes['Edition'], sources: Array<ResolversTypes['Source']> }>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subgraph: ResolverTypeWrapper<SubgraphValue>;
  SubgraphEdge: ResolverTypeWrapper<EdgeValue>;
  Talk: ResolverTypeWrapper<StoredNode>;
  TalkConnection: ResolverTypeWrapper<Connection>;
  TalkEdge: ResolverTypeWrapper<Omit<TalkEdge, 'node'> & { node: ResolversTypes['Talk'] }>;
  TalkFilter: TalkFilter;
  TalkKind: TalkKind;
  TalkOrder: TalkOrder;
  TimelineEntry: ResolverTypeWrapper<TimelineValue>;
  URL: ResolverTypeWrapper<Scalars['URL']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Affiliation: Related;
  Announcement: StoredNode;
  Article: StoredNode;
  Backing: BackingValue;
  Boolean: Scalars['Boolean']['output'];
  Company: StoredNode;
  CompanyConnection: Connection;
  CompanyEdge: Omit<CompanyEdge, 'node'> & { node: ResolversParentTypes['Company'] };
  CompanyFilter: CompanyFilter;
  CompanyProjectLink: LinkValue;
  CompanyProjectLinkConnection: LinkConnectionValue;
  CompanyProjectLinkEdge: Omit<CompanyProjectLinkEdge, 'node'> & { node: ResolversParentTypes['CompanyProjectLink'] };
  Date: Scalars['Date']['output'];
  Edition: StoredNode;
  EditionStats: Omit<EditionStats, 'edition'> & { edition: ResolversParentTypes['Edition'] };
  Figure: StoredNode;
  Float: Scalars['Float']['output'];
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  Mention: Omit<Mention, 'node' | 'sources'> & { node: ResolversParentTypes['Node'], sources: Array<ResolversParentTypes['Source']> };
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  NonNegativeInt: Scalars['NonNegativeInt']['output'];
  PageInfo: PageInfo;
  Participation: Related;
  Path: PathValue;
  PathStep: PathStepValue;
  Person: StoredNode;
  PersonConnection: Connection;
  PersonEdge: Omit<PersonEdge, 'node'> & { node: ResolversParentTypes['Person'] };
  PersonFilter: PersonFilter;
  Project: StoredNode;
  ProjectConnection: Connection;
  ProjectEdge: Omit<ProjectEdge, 'node'> & { node: ResolversParentTypes['Project'] };
  ProjectFilter: ProjectFilter;
  Query: Record<PropertyKey, never>;
  SearchHit: SearchHitValue;
  Source: SourceValue;
  Sponsorship: Omit<Sponsorship, 'company' | 'edition' | 'sources'> & { company: ResolversParentTypes['Company'], edition: ResolversParentTypes['Edition'], sources: Array<ResolversParentTypes['Source']> };
  String: Scalars['String']['output'];
  Subgraph: SubgraphValue;
  SubgraphEdge: EdgeValue;
  Talk: StoredNode;
  TalkConnection: Connection;
  TalkEdge: Omit<TalkEdge, 'node'> & { node: ResolversParentTypes['Talk'] };
  TalkFilter: TalkFilter;
  TimelineEntry: TimelineValue;
  URL: Scalars['URL']['output'];
};

export type AffiliationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Affiliation'] = ResolversParentTypes['Affiliation']> = {
  company?: Resolver<ResolversTypes['Company'], ParentType, ContextType>;
  edition?: Resolver<Maybe<ResolversTypes['Edition']>, ParentType, ContextType>;
  jobTitle?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['Source']>, ParentType, ContextType>;
};

export type AnnouncementResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Announcement'] = ResolversParentTypes['Announcement']> = {
  companies?: Resolver<Array<ResolversTypes['Company']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  edition?: Resolver<ResolversTypes['Edition'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['AnnouncementKind'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  maturity?: Resolver<Maybe<ResolversTypes['Maturity']>, ParentType, ContextType>;
  projects?: Resolver<Array<ResolversTypes['Project']>, ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['Source']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['EntityType'], ParentType, ContextType>;
  version?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ArticleResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Article'] = ResolversParentTypes['Article']> = {
  authors?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  covers?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  edition?: Resolver<ResolversTypes['Edition'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  language?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  mentions?: Resolver<Array<ResolversTypes['Mention']>, ParentType, ContextType>;
  publishedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  publisher?: Resolver<Maybe<ResolversTypes['Company']>, ParentType, ContextType>;
  seed?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  series?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['EntityType'], ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['URL']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type BackingResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Backing'] = ResolversParentTypes['Backing']> = {
  company?: Resolver<ResolversTypes['Company'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['BackingKind'], ParentType, ContextType>;
  project?: Resolver<ResolversTypes['Project'], ParentType, ContextType>;
  reference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['Source']>, ParentType, ContextType>;
};

export type CompanyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Company'] = ResolversParentTypes['Company']> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  backs?: Resolver<Array<ResolversTypes['Backing']>, ParentType, ContextType>;
  editions?: Resolver<Array<ResolversTypes['Edition']>, ParentType, ContextType>;
  homepage?: Resolver<Maybe<ResolversTypes['URL']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  people?: Resolver<Array<ResolversTypes['Person']>, ParentType, ContextType>;
  projects?: Resolver<Array<ResolversTypes['Project']>, ParentType, ContextType>;
  sponsorships?: Resolver<Array<ResolversTypes['Sponsorship']>, ParentType, ContextType>;
  talks?: Resolver<Array<ResolversTypes['Talk']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['EntityType'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CompanyConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CompanyConnection'] = ResolversParentTypes['CompanyConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CompanyEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['NonNegativeInt'], ParentType, ContextType>;
};

export type CompanyEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CompanyEdge'] = ResolversParentTypes['CompanyEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Company'], ParentType, ContextType>;
};

export type CompanyProjectLinkResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CompanyProjectLink'] = ResolversParentTypes['CompanyProjectLink']> = {
  announcements?: Resolver<Array<ResolversTypes['Announcement']>, ParentType, ContextType>;
  backing?: Resolver<Array<ResolversTypes['BackingKind']>, ParentType, ContextType>;
  company?: Resolver<ResolversTypes['Company'], ParentType, ContextType>;
  project?: Resolver<ResolversTypes['Project'], ParentType, ContextType>;
  talks?: Resolver<Array<ResolversTypes['Talk']>, ParentType, ContextType>;
  weight?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CompanyProjectLinkConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CompanyProjectLinkConnection'] = ResolversParentTypes['CompanyProjectLinkConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CompanyProjectLinkEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['NonNegativeInt'], ParentType, ContextType>;
};

export type CompanyProjectLinkEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CompanyProjectLinkEdge'] = ResolversParentTypes['CompanyProjectLinkEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['CompanyProjectLink'], ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export type EditionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Edition'] = ResolversParentTypes['Edition']> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  announcements?: Resolver<Array<ResolversTypes['Announcement']>, ParentType, ContextType>;
  articles?: Resolver<Array<ResolversTypes['Article']>, ParentType, ContextType>;
  attendees?: Resolver<Maybe<ResolversTypes['NonNegativeInt']>, ParentType, ContextType>;
  city?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  companies?: Resolver<Array<ResolversTypes['Company']>, ParentType, ContextType, RequireFields<EditionCompaniesArgs, 'scope'>>;
  country?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  endDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  figures?: Resolver<Array<ResolversTypes['Figure']>, ParentType, ContextType>;
  format?: Resolver<ResolversTypes['EditionFormat'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  projects?: Resolver<Array<ResolversTypes['Project']>, ParentType, ContextType, RequireFields<EditionProjectsArgs, 'scope'>>;
  reference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  region?: Resolver<ResolversTypes['Region'], ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['Source']>, ParentType, ContextType>;
  speakers?: Resolver<Array<ResolversTypes['Person']>, ParentType, ContextType>;
  sponsors?: Resolver<Array<ResolversTypes['Company']>, ParentType, ContextType>;
  startDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  talks?: Resolver<ResolversTypes['TalkConnection'], ParentType, ContextType, RequireFields<EditionTalksArgs, 'first'>>;
  type?: Resolver<ResolversTypes['EntityType'], ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type EditionStatsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EditionStats'] = ResolversParentTypes['EditionStats']> = {
  announcements?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  companies?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  edition?: Resolver<ResolversTypes['Edition'], ParentType, ContextType>;
  projects?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  speakers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  talks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type FigureResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Figure'] = ResolversParentTypes['Figure']> = {
  edition?: Resolver<ResolversTypes['Edition'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['Source']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['EntityType'], ParentType, ContextType>;
  unit?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MentionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mention'] = ResolversParentTypes['Mention']> = {
  node?: Resolver<ResolversTypes['Node'], ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['Source']>, ParentType, ContextType>;
};

export type NodeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = {
  __resolveType: TypeResolveFn<'Announcement' | 'Article' | 'Company' | 'Edition' | 'Figure' | 'Person' | 'Project' | 'Talk', ParentType, ContextType>;
};

export interface NonNegativeIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['NonNegativeInt'], any> {
  name: 'NonNegativeInt';
}

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ParticipationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Participation'] = ResolversParentTypes['Participation']> = {
  company?: Resolver<Maybe<ResolversTypes['Company']>, ParentType, ContextType>;
  jobTitle?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  person?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['ParticipantRole'], ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['Source']>, ParentType, ContextType>;
};

export type PathResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Path'] = ResolversParentTypes['Path']> = {
  length?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  steps?: Resolver<Array<ResolversTypes['PathStep']>, ParentType, ContextType>;
  subgraph?: Resolver<ResolversTypes['Subgraph'], ParentType, ContextType>;
};

export type PathStepResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PathStep'] = ResolversParentTypes['PathStep']> = {
  forward?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['Node'], ParentType, ContextType>;
  reference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  relation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['Source']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Node'], ParentType, ContextType>;
};

export type PersonResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person']> = {
  affiliations?: Resolver<Array<ResolversTypes['Affiliation']>, ParentType, ContextType>;
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  companies?: Resolver<Array<ResolversTypes['Company']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  projects?: Resolver<Array<ResolversTypes['Project']>, ParentType, ContextType>;
  talks?: Resolver<Array<ResolversTypes['Talk']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['EntityType'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type PersonConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PersonConnection'] = ResolversParentTypes['PersonConnection']> = {
  edges?: Resolver<Array<ResolversTypes['PersonEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['NonNegativeInt'], ParentType, ContextType>;
};

export type PersonEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PersonEdge'] = ResolversParentTypes['PersonEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
};

export type ProjectResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Project'] = ResolversParentTypes['Project']> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  announcements?: Resolver<Array<ResolversTypes['Announcement']>, ParentType, ContextType>;
  backers?: Resolver<Array<ResolversTypes['Backing']>, ParentType, ContextType>;
  cncf?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  companies?: Resolver<Array<ResolversTypes['Company']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  editions?: Resolver<Array<ResolversTypes['Edition']>, ParentType, ContextType, RequireFields<ProjectEditionsArgs, 'scope'>>;
  homepage?: Resolver<Maybe<ResolversTypes['URL']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  maturity?: Resolver<Maybe<ResolversTypes['Maturity']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  talks?: Resolver<Array<ResolversTypes['Talk']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['EntityType'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ProjectConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProjectConnection'] = ResolversParentTypes['ProjectConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ProjectEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['NonNegativeInt'], ParentType, ContextType>;
};

export type ProjectEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProjectEdge'] = ResolversParentTypes['ProjectEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Project'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  articles?: Resolver<Array<ResolversTypes['Article']>, ParentType, ContextType, Partial<QueryArticlesArgs>>;
  companies?: Resolver<ResolversTypes['CompanyConnection'], ParentType, ContextType, RequireFields<QueryCompaniesArgs, 'first' | 'orderBy'>>;
  companyProjectLinks?: Resolver<Array<ResolversTypes['CompanyProjectLink']>, ParentType, ContextType, RequireFields<QueryCompanyProjectLinksArgs, 'first'>>;
  companyProjectLinksConnection?: Resolver<ResolversTypes['CompanyProjectLinkConnection'], ParentType, ContextType, RequireFields<QueryCompanyProjectLinksConnectionArgs, 'first'>>;
  edition?: Resolver<Maybe<ResolversTypes['Edition']>, ParentType, ContextType, RequireFields<QueryEditionArgs, 'id'>>;
  editionStats?: Resolver<Array<ResolversTypes['EditionStats']>, ParentType, ContextType, RequireFields<QueryEditionStatsArgs, 'first'>>;
  editions?: Resolver<Array<ResolversTypes['Edition']>, ParentType, ContextType, Partial<QueryEditionsArgs>>;
  neighborhood?: Resolver<ResolversTypes['Subgraph'], ParentType, ContextType, RequireFields<QueryNeighborhoodArgs, 'depth' | 'first' | 'id'>>;
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
  path?: Resolver<Maybe<ResolversTypes['Path']>, ParentType, ContextType, RequireFields<QueryPathArgs, 'from' | 'maxHops' | 'to'>>;
  projectTimeline?: Resolver<Array<ResolversTypes['TimelineEntry']>, ParentType, ContextType, RequireFields<QueryProjectTimelineArgs, 'projectId'>>;
  projects?: Resolver<ResolversTypes['ProjectConnection'], ParentType, ContextType, RequireFields<QueryProjectsArgs, 'first' | 'orderBy'>>;
  search?: Resolver<Array<ResolversTypes['SearchHit']>, ParentType, ContextType, RequireFields<QuerySearchArgs, 'first' | 'query'>>;
  speakers?: Resolver<ResolversTypes['PersonConnection'], ParentType, ContextType, RequireFields<QuerySpeakersArgs, 'first' | 'orderBy'>>;
  talks?: Resolver<ResolversTypes['TalkConnection'], ParentType, ContextType, RequireFields<QueryTalksArgs, 'first' | 'orderBy'>>;
};

export type SearchHitResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SearchHit'] = ResolversParentTypes['SearchHit']> = {
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Node'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['EntityType'], ParentType, ContextType>;
};

export type SourceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Source'] = ResolversParentTypes['Source']> = {
  article?: Resolver<ResolversTypes['Article'], ParentType, ContextType>;
  locator?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SponsorshipResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Sponsorship'] = ResolversParentTypes['Sponsorship']> = {
  booth?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  company?: Resolver<ResolversTypes['Company'], ParentType, ContextType>;
  edition?: Resolver<ResolversTypes['Edition'], ParentType, ContextType>;
  reference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['Source']>, ParentType, ContextType>;
  tier?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type SubgraphResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Subgraph'] = ResolversParentTypes['Subgraph']> = {
  edges?: Resolver<Array<ResolversTypes['SubgraphEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Node']>, ParentType, ContextType>;
  truncated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type SubgraphEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SubgraphEdge'] = ResolversParentTypes['SubgraphEdge']> = {
  from?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  relation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['Source']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  weight?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TalkResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Talk'] = ResolversParentTypes['Talk']> = {
  colocatedEvent?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  companies?: Resolver<Array<ResolversTypes['Company']>, ParentType, ContextType>;
  day?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  edition?: Resolver<ResolversTypes['Edition'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['TalkKind'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  mentionedCompanies?: Resolver<Array<ResolversTypes['Company']>, ParentType, ContextType>;
  originalTitle?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  participants?: Resolver<Array<ResolversTypes['Participation']>, ParentType, ContextType>;
  projects?: Resolver<Array<ResolversTypes['Project']>, ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['Source']>, ParentType, ContextType>;
  speakers?: Resolver<Array<ResolversTypes['Person']>, ParentType, ContextType>;
  summary?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['EntityType'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type TalkConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TalkConnection'] = ResolversParentTypes['TalkConnection']> = {
  edges?: Resolver<Array<ResolversTypes['TalkEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['NonNegativeInt'], ParentType, ContextType>;
};

export type TalkEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TalkEdge'] = ResolversParentTypes['TalkEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Talk'], ParentType, ContextType>;
};

export type TimelineEntryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TimelineEntry'] = ResolversParentTypes['TimelineEntry']> = {
  announcements?: Resolver<Array<ResolversTypes['Announcement']>, ParentType, ContextType>;
  edition?: Resolver<ResolversTypes['Edition'], ParentType, ContextType>;
  maturity?: Resolver<Maybe<ResolversTypes['Maturity']>, ParentType, ContextType>;
  maturityChanged?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  talks?: Resolver<Array<ResolversTypes['Talk']>, ParentType, ContextType>;
};

export interface UrlScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['URL'], any> {
  name: 'URL';
}

export type Resolvers<ContextType = Context> = {
  Affiliation?: AffiliationResolvers<ContextType>;
  Announcement?: AnnouncementResolvers<ContextType>;
  Article?: ArticleResolvers<ContextType>;
  Backing?: BackingResolvers<ContextType>;
  Company?: CompanyResolvers<ContextType>;
  CompanyConnection?: CompanyConnectionResolvers<ContextType>;
  CompanyEdge?: CompanyEdgeResolvers<ContextType>;
  CompanyProjectLink?: CompanyProjectLinkResolvers<ContextType>;
  CompanyProjectLinkConnection?: CompanyProjectLinkConnectionResolvers<ContextType>;
  CompanyProjectLinkEdge?: CompanyProjectLinkEdgeResolvers<ContextType>;
  Date?: GraphQLScalarType;
  Edition?: EditionResolvers<ContextType>;
  EditionStats?: EditionStatsResolvers<ContextType>;
  Figure?: FigureResolvers<ContextType>;
  Mention?: MentionResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  NonNegativeInt?: GraphQLScalarType;
  PageInfo?: PageInfoResolvers<ContextType>;
  Participation?: ParticipationResolvers<ContextType>;
  Path?: PathResolvers<ContextType>;
  PathStep?: PathStepResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  PersonConnection?: PersonConnectionResolvers<ContextType>;
  PersonEdge?: PersonEdgeResolvers<ContextType>;
  Project?: ProjectResolvers<ContextType>;
  ProjectConnection?: ProjectConnectionResolvers<ContextType>;
  ProjectEdge?: ProjectEdgeResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SearchHit?: SearchHitResolvers<ContextType>;
  Source?: SourceResolvers<ContextType>;
  Sponsorship?: SponsorshipResolvers<ContextType>;
  Subgraph?: SubgraphResolvers<ContextType>;
  SubgraphEdge?: SubgraphEdgeResolvers<ContextType>;
  Talk?: TalkResolvers<ContextType>;
  TalkConnection?: TalkConnectionResolvers<ContextType>;
  TalkEdge?: TalkEdgeResolvers<ContextType>;
  TimelineEntry?: TimelineEntryResolvers<ContextType>;
  URL?: GraphQLScalarType;
};

