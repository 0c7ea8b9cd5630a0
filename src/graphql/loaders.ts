/**
 * The DataLoaders of one request. Every relationship field is answered by one
 * of these, so a list of N parents costs one query per relationship, not N.
 *
 * - `node(label)`: nodes by id, one batch query per label;
 * - `related(name)`: one loader per relationship batch query (cypher/<kind>/<field>.cypher),
 *   each returning, per parent id, the related nodes with their relationship;
 * - `talkIds`: an edition's talk ids in display order, which Edition.talks pages over.
 *
 * Loaders are created per request (see context.ts): their cache must never
 * outlive the request that filled it.
 */
import DataLoader from 'dataloader';
import type { StoredNode } from '../store/engine';
import type { Label } from '../store/kinds';
import type { Related, Repository } from '../store/repository';
import type { RelationQuery } from '../store/query-names';

export class Loaders {
  private readonly nodes = new Map<Label, DataLoader<string, StoredNode | null>>();
  private readonly relations = new Map<RelationQuery, DataLoader<string, Related[]>>();
  readonly talkIds: DataLoader<string, string[]>;

  constructor(private readonly repo: Repository) {
    this.talkIds = new DataLoader(
      async (ids) => (await repo.relatedValues('edition/talk-ids', ids, 'id')) as string[][],
    );
  }

  node(label: Label): DataLoader<string, StoredNode | null> {
    let loader = this.nodes.get(label);
    if (!loader) {
      loader = new DataLoader((ids) => this.repo.nodesByIds(label, ids));
      this.nodes.set(label, loader);
    }
    return loader;
  }

  related(name: RelationQuery): DataLoader<string, Related[]> {
    let loader = this.relations.get(name);
    if (!loader) {
      loader = new DataLoader((ids) => this.repo.related(name, ids));
      this.relations.set(name, loader);
    }
    return loader;
  }

  /** Related nodes only, each once, in query order. */
  async relatedNodes(name: RelationQuery, id: string): Promise<StoredNode[]> {
    return uniqueNodes((await this.related(name).load(id)).map((r) => r.node));
  }

  /** The single related node of a to-one relationship (Talk.edition, Article.publisher…). */
  async relatedOne(name: RelationQuery, id: string): Promise<StoredNode | null> {
    return (await this.related(name).load(id))[0]?.node ?? null;
  }

  /** Lets nodes already fetched by a list query answer later `node(id)` calls without a round trip. */
  prime(nodes: readonly StoredNode[]): void {
    for (const n of nodes) this.node(n.__label as Label).prime(n.id, n);
  }
}

export function uniqueNodes(nodes: readonly StoredNode[]): StoredNode[] {
  const seen = new Set<string>();
  return nodes.filter((n) => !seen.has(n.id) && seen.add(n.id));
}
