/**
 * What resolvers hand to the fields below them, for the GraphQL types that are
 * not stored nodes. codegen.ts maps each type to its value here (stored nodes
 * map to StoredNode, related rows to Related), so parent types in
 * src/graphql/generated/types.ts are what the resolvers really pass on.
 */
import type { StoredNode } from '../store/engine';
import type { EntityType } from './generated/types';
import type { Connection } from './pagination';

/** Provenance: an article and a paragraph locator, decoded from `articleId#locator`. */
export interface SourceValue {
  articleId: string;
  locator: string;
}

/** A company backing a project, with the relationship's provenance. */
export interface BackingValue {
  company: StoredNode;
  project: StoredNode;
  kind: string;
  sources: SourceValue[];
  reference: string | null;
}

/** One step of a path: node ids at both ends, resolved to nodes by PathStep.from/to. */
export interface PathStepValue {
  fromId: string;
  toId: string;
  relation: string;
  forward: boolean;
  sources: SourceValue[];
  reference: string | null;
}

export interface PathValue {
  length: number;
  /** Node ids along the path, `from` first (Path.subgraph). */
  ids: string[];
  steps: PathStepValue[];
}

/** A company–project link as ranked by the database; its facts are read by `id` when a field asks (Loaders.linkFacts). */
export interface LinkValue {
  /** The link summary's id (linkId in src/load/plan/links.ts). */
  id: string;
  companyId: string;
  projectId: string;
  weight: number;
  /** Stored with the link: enough for an end whose selection asks only its name (see CompanyProjectLink). */
  companyName: string;
  projectName: string;
}

/** A search hit: its node is loaded only when asked for (SearchHit.node). */
export interface SearchHitValue {
  id: string;
  type: EntityType;
  label: string;
  score: number;
}

/** A page of links; `totalCount` is counted in the database only when asked for. */
export type LinkConnectionValue = Connection<LinkValue>;

/** A relationship of a subgraph, in its stored direction, merged per (from, relation, to). */
export interface EdgeValue {
  from: string;
  to: string;
  relation: string;
  sources: SourceValue[];
  reference: string | null;
  weight: number;
}

/** A subgraph by node ids (resolved through the request's loaders) and edges. */
export interface SubgraphValue {
  ids: string[];
  edges: EdgeValue[];
  truncated: boolean;
  /**
   * Each node as its id and label properties, when the walk read them
   * (Query.neighborhood): `nodes { id type label }` answers from these.
   */
  labelled?: ReadonlyMap<string, StoredNode>;
}

/** One edition of a project's timeline, by ids. */
export interface TimelineValue {
  edition: string;
  talks: string[];
  announcements: string[];
  maturity: string | null;
  maturityChanged: boolean;
}
