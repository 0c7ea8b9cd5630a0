/**
 * What resolvers hand to the fields below them, for the GraphQL types that are
 * not stored nodes. codegen.ts maps each type to its value here (stored nodes
 * map to StoredNode, related rows to Related), so parent types in
 * src/graphql/generated/types.ts are what the resolvers really pass on.
 */
import type { StoredNode } from '../store/engine';

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
  steps: PathStepValue[];
}

/** A company–project link as facts ids, before they are resolved to nodes. */
export interface LinkValue {
  companyId: string;
  companyName: string;
  projectId: string;
  projectName: string;
  talks: Set<string>;
  announcements: Set<string>;
  backing: Set<string>;
  weight: number;
}

/** One edition of a project's timeline, by ids. */
export interface TimelineValue {
  edition: string;
  talks: string[];
  announcements: string[];
  maturity: string | null;
  maturityChanged: boolean;
}
