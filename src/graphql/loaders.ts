/**
 * The DataLoaders of one request. Every relationship field is answered by one
 * of these, so a list of N parents costs one query per relationship, not N.
 *
 * - `node(label)`: nodes by id, one batch query per label;
 * - `related(name)`: one loader per relationship batch query (cypher/<kind>/<field>.cypher),
 *   each returning, per parent id, the related nodes with their relationship;
 * - `names(name)`: relationship batches asked only ids and names, as stubs (NAME_QUERIES);
 * - `partialTalks(properties)`: an edition's talks in display order, read as
 *   the properties their fields need (Edition.talks pages over them), their
 *   cards among them when the page can use those (../cards.ts);
 * - `editionTalksAlong(properties, id, readAs)` and `lookup(label, id)`: an edition
 *   asked by id read with its talks in one statement, the talks primed, the edition
 *   handed to the lookup (and primed when read whole);
 * - `talksAs(properties)`: talks by id read as the properties their fields need
 *   (CompanyProjectLink.talks);
 * - `linkFacts`: company–project links' facts by link id (CompanyProjectLink.talks, …);
 * - `participantNames`, `participantsWithCompanies`, `participantsWithPeople`: a
 *   talk's participants with the next level of the selection fetched along (look-ahead,
 *   chosen in resolvers/talk.ts), priming the loaders of the people's affiliations or companies;
 * - `affiliationNames`: people's affiliations as stubs (company id and name, edition id).
 * Stubs and partial talks are never primed into `node` or `related` loaders.
 *
 * Loaders are created per request (see context.ts): their cache must never
 * outlive the request that filled it.
 */
import DataLoader from 'dataloader';
import type { Row, StoredNode, StoredRel } from '../store/engine';
import type { Label } from '../store/kinds';
import { groupByKey, stub, type Related, type Repository } from '../store/repository';
import type { NameQuery, RelationQuery } from '../store/query-names';
import { linkFactsOf, type LinkFacts } from '../store/analyst';
import { byNameThenId, compareCodePoints } from '../text';
import { compareParticipantRows, textOrNull, type ParticipantCardRow } from '../load/plan/cards';

export class Loaders {
  private readonly nodes = new Map<Label, DataLoader<string, StoredNode | null>>();
  private readonly relations = new Map<RelationQuery, DataLoader<string, Related[]>>();
  /** Participants of talks, with each person's affiliations primed (look-ahead: talk/participants-people). */
  readonly participantsWithPeople: DataLoader<string, Related[]>;
  /** Participants of talks, with each person's companies primed (look-ahead: talk/participants-companies). */
  readonly participantsWithCompanies: DataLoader<string, Related[]>;
  /** Participants of talks as id-and-name stubs, with their companies' names primed (talk/participant-names). */
  readonly participantNames: DataLoader<string, Related[]>;
  /**
   * People's affiliations as stubs: a company by id and name, the affiliation's
   * edition id (person/affiliation-names), primed with participantNames.
   */
  readonly affiliationNames: DataLoader<string, Related[]>;
  private readonly nameLoaders = new Map<NameQuery, DataLoader<string, StoredNode[]>>();
  private readonly partialTalkLoaders = new Map<string, DataLoader<string, StoredNode[]>>();
  private readonly talksAsLoaders = new Map<string, DataLoader<string, StoredNode | null>>();
  private readonly editionTalkLoaders = new Map<
    string,
    DataLoader<string, { edition: StoredNode; talks: StoredNode[] } | null>
  >();
  /** Reads under way that bring a node asked by id along (alongKey): see lookup(). */
  private readonly readAlong = new Map<string, Promise<StoredNode | null>>();
  /** The facts of company–project links, by link id (stored first page, else cypher/link/facts.cypher). */
  readonly linkFacts: DataLoader<string, LinkFacts>;

  constructor(private readonly repo: Repository) {
    this.linkFacts = new DataLoader(async (ids) => linkFactsOf(this.repo, ids));
    this.participantsWithPeople = new DataLoader(async (ids) => this.participantsBundle(ids));
    this.participantsWithCompanies = new DataLoader(async (ids) => this.participantsCompaniesBundle(ids));
    this.participantNames = new DataLoader(async (ids) => this.participantNamesBundle(ids));
    this.affiliationNames = new DataLoader(async (ids) => this.affiliationNamesBundle(ids));
  }

  private async affiliationNamesBundle(ids: readonly string[]): Promise<Related[][]> {
    const rows = await this.repo.read('person/affiliation-names', { ids: [...ids] });
    return groupByKey(rows, ids, (row) => affiliationStub(row.id, row.name, row.editionId));
  }

  /**
   * One statement for talks' participants and their people's companies
   * (talk/participants-companies); person/companies and person/affiliations are
   * primed from every affiliation of each person.
   */
  private async participantsCompaniesBundle(ids: readonly string[]): Promise<Related[][]> {
    const rows = await this.repo.read('talk/participants-companies', { ids: [...ids] });
    const affiliations = new Map<string, Map<string, Related>>();
    const participants = rows.map((row): ParticipantRow => {
      const person = this.repo.clean(row.node);
      // Every person gets an entry, affiliations or none: an unprimed person would cost a round trip.
      const perPerson = affiliations.get(person.id) ?? new Map<string, Related>();
      affiliations.set(person.id, perPerson);
      this.collectAffiliation(row, perPerson);
      const affiliation = row.affiliation as StoredRel | null;
      return {
        key: row.key as string,
        editionId: row.editionId,
        person,
        rel: row.rel as StoredRel,
        affiliationEdition: affiliation?.editionId,
        jobTitle: affiliation?.jobTitle ?? null,
        company: row.affiliationCompany ? this.repo.clean(row.affiliationCompany) : null,
      };
    });
    this.primePeople(affiliations);
    return participationsAtEdition(participants, ids);
  }

  /**
   * Talks' participants with their people and companies as id-and-name stubs
   * (talk/participant-names): the same participations as the statement above,
   * and names('person/company-names') primed with each person's companies. Each
   * talk's rows are put in a talk card's order (compareParticipantRows), so a
   * talk answers alike whether its page brought its card or not.
   */
  private async participantNamesBundle(ids: readonly string[]): Promise<Related[][]> {
    const rows = await this.repo.read('talk/participant-names', { ids: [...ids] });
    const talks = new Map<string, { editionId: unknown; rows: ParticipantCardRow[] }>();
    for (const row of rows) {
      const key = String(row.key);
      const talk = talks.get(key) ?? { editionId: row.editionId, rows: [] };
      talks.set(key, talk);
      talk.rows.push([
        String(row.id),
        textOrNull(row.name),
        textOrNull(row.role),
        textOrNull(row.affiliationEdition),
        textOrNull(row.companyId),
        textOrNull(row.companyName),
      ]);
    }
    return ids.map((id) => {
      const talk = talks.get(id);
      return talk ? this.participantNamesOf(id, talk.editionId, talk.rows.sort(compareParticipantRows)) : [];
    });
  }

  /** Primes `participantNames` for a talk from its card's rows (src/graphql/cards.ts). */
  primeParticipantNames(talkId: string, editionId: string, rows: readonly ParticipantCardRow[]): void {
    this.participantNames.prime(talkId, this.participantNamesOf(talkId, editionId, rows));
  }

  /** One talk's participations from its rows in card order, priming each person's companies' names. */
  private participantNamesOf(
    talkId: string,
    editionId: unknown,
    rows: readonly ParticipantCardRow[],
  ): Related[] {
    const people = new Map<string, StoredNode>();
    const companies = new Map<string, StoredNode[]>();
    // Each person's rows repeat their affiliations once per role: those of the first role seen.
    const affiliations = new Map<string, { role: string | null; list: Related[] }>();
    const participants = rows.map(
      ([id, name, role, affiliationEdition, companyId, companyName]): ParticipantRow => {
        const person = people.get(id) ?? stub(id, name);
        people.set(id, person);
        const company = companyId == null ? null : stub(companyId, companyName);
        const known = companies.get(id) ?? [];
        if (company) known.push(company);
        companies.set(id, known);
        const held = affiliations.get(id) ?? { role, list: [] };
        affiliations.set(id, held);
        if (held.role === role && company && affiliationEdition != null) {
          held.list.push(affiliationStub(companyId, companyName, affiliationEdition));
        }
        return {
          key: talkId,
          editionId,
          person,
          rel: { __type: 'PRESENTED', role },
          affiliationEdition,
          jobTitle: null,
          company,
        };
      },
    );
    for (const [personId, list] of companies)
      this.names('person/company-names').prime(personId, byName(list));
    for (const [personId, { list }] of affiliations)
      this.affiliationNames.prime(personId, list.sort(byAffiliationOrder));
    return participationsAtEdition(participants, [talkId])[0]!;
  }

  /**
   * person/companies as its own query orders it (lower-cased name, then id), and
   * its names twin with the same nodes as stubs.
   */
  private primeCompanies(personId: string, companies: StoredNode[]): void {
    const sorted = byName(companies);
    this.related('person/companies').prime(
      personId,
      sorted.map((node) => ({ node })),
    );
    this.names('person/company-names').prime(
      personId,
      sorted.map((node) => stub(node.id, node.name)),
    );
  }

  /**
   * One statement for talks' participants and their people's affiliations: the
   * participants come back per talk, and person/companies, person/affiliations
   * and the affiliations' editions are primed, exactly as their own queries
   * would have answered (same rows, same order).
   */
  private async participantsBundle(ids: readonly string[]): Promise<Related[][]> {
    const rows = await this.repo.read('talk/participants-people', { ids: [...ids] });
    const participants = new Map<string, Map<string, Related>>();
    const affiliations = new Map<string, Map<string, Related>>();
    for (const row of rows) {
      const key = row.key as string;
      const person = this.repo.clean(row.node);
      const company = row.company ? this.repo.clean(row.company) : null;
      const perTalk = participants.get(key) ?? new Map<string, Related>();
      participants.set(key, perTalk);
      const id = `${person.id}\u0000${company?.id ?? ''}\u0000${(row.rel as StoredRel).role as string}`;
      if (!perTalk.has(id)) {
        perTalk.set(id, { node: person, rel: row.rel as StoredRel, company, jobTitle: row.jobTitle ?? null });
      }
      const perPerson = affiliations.get(person.id) ?? new Map<string, Related>();
      affiliations.set(person.id, perPerson);
      this.collectAffiliation(row, perPerson);
    }
    this.primePeople(affiliations);
    return ids.map((id) => [...(participants.get(id)?.values() ?? [])]);
  }

  /**
   * person/affiliations and person/companies for each person of a bundle, from
   * their affiliations keyed by edition and company (collectAffiliation), each
   * list in its own query's order: affiliations by edition id, company name and
   * id; companies by lower-cased name, then id.
   */
  private primePeople(affiliations: Map<string, Map<string, Related>>): void {
    for (const [personId, byKey] of affiliations) {
      const list = [...byKey.values()].sort(
        (a, b) =>
          compareCodePoints(String(a.rel!.editionId), String(b.rel!.editionId)) ||
          compareCodePoints(String(a.node.name), String(b.node.name)) ||
          compareCodePoints(a.node.id, b.node.id),
      );
      this.related('person/affiliations').prime(personId, list);
      this.primeCompanies(
        personId,
        list.map((a) => a.node),
      );
    }
  }

  private collectAffiliation(row: Row, perPerson: Map<string, Related>): void {
    if (!row.affiliation || !row.affiliationCompany) return;
    const company = this.repo.clean(row.affiliationCompany);
    const rel = row.affiliation as StoredRel;
    perPerson.set(`${String(rel.editionId)}\u0000${company.id}`, { node: company, rel });
    if (row.affiliationEdition) this.prime([this.repo.clean(row.affiliationEdition)]);
  }

  node(label: Label): DataLoader<string, StoredNode | null> {
    return loaderFor(this.nodes, label, () => new DataLoader((ids) => this.repo.nodesByIds(label, ids)));
  }

  related(name: RelationQuery): DataLoader<string, Related[]> {
    return loaderFor(this.relations, name, () =>
      CARD_ORDERED.has(name)
        ? new DataLoader(async (ids) =>
            (await this.repo.related(name, ids)).map((rows) => inCardOrder(rows, (r) => r.node)),
          )
        : new DataLoader((ids) => this.repo.related(name, ids)),
    );
  }

  /**
   * A names batch (NAME_QUERIES): related nodes as id-and-name stubs. Kept apart
   * from related() and node(), so a stub never answers a field that asks for more.
   */
  names(name: NameQuery): DataLoader<string, StoredNode[]> {
    return loaderFor(this.nameLoaders, name, () =>
      CARD_ORDERED.has(name)
        ? new DataLoader(async (ids) =>
            (await this.repo.relatedNames(name, ids)).map((nodes) => inCardOrder(nodes, (n) => n)),
          )
        : new DataLoader((ids) => this.repo.relatedNames(name, ids)),
    );
  }

  /**
   * An edition's talks in display order, each read as only `properties`
   * (edition/talks projected): partial talks, never primed into the node loader.
   */
  partialTalks(properties: readonly string[]): DataLoader<string, StoredNode[]> {
    return loaderFor(
      this.partialTalkLoaders,
      properties.join(','),
      () => new DataLoader((ids) => this.repo.relatedPartial('edition/talks', ids, properties)),
    );
  }

  /**
   * Edition.talks called early for an edition asked by id (../prefetch.ts): the
   * edition is read with its talks (edition/with-talks), priming
   * partialTalks(properties), so the real Edition.talks finds them with no
   * statement of its own, and the lookup finds the edition (null when there is
   * no such edition). With `readAs`, the properties the edition's own selection
   * reads, the edition is read as only those: on Neo4j a whole edition (twenty
   * properties, its search text and tokens among them) cost 0.4 ms of a 2.6 ms
   * statement. That partial edition answers the lookup only; a whole one is
   * primed into node('Edition') too.
   */
  editionTalksAlong(
    properties: readonly string[],
    id: string,
    readAs: readonly string[] | null = null,
  ): Promise<StoredNode[]> {
    // One statement per edition (batch: false): edition/with-talks finds it by id alone.
    const loader = loaderFor(
      this.editionTalkLoaders,
      `${properties.join(',')}|${readAs?.join(',') ?? '*'}`,
      () =>
        new DataLoader(
          async ([key]: readonly string[]) => {
            const found = await this.repo.editionWithTalks(key!, properties, readAs);
            if (!readAs) this.node('Edition').prime(key!, found?.edition ?? null);
            if (found) this.partialTalks(properties).prime(key!, found.talks);
            return [found];
          },
          { batch: false },
        ),
    );
    const along = loader.load(id);
    const edition = along.then((found) => found?.edition ?? null);
    // Handled here too: a lookup that never comes must not leave a rejection unhandled.
    edition.catch(() => undefined);
    this.readAlong.set(alongKey('Edition', id, readAs), edition);
    return along.then((found) => found?.talks ?? []);
  }

  /**
   * A node asked by id (edition(id:), node(id:)), called once its early fields
   * have started: when one of them reads the node along (editionTalksAlong) as
   * `readAs` (null: whole), the node comes from that statement; else
   * node(label) looks it up. A partial node answers only a lookup asking the
   * same properties: another field asking the same edition gets its own.
   */
  async lookup(
    label: Label,
    id: string,
    readAs: readonly string[] | null = null,
  ): Promise<StoredNode | null> {
    const along = this.readAlong.get(alongKey(label, id, readAs));
    if (along) {
      try {
        return await along;
      } catch {
        // A failed early read: the lookup runs, and meets its own error if any.
      }
    }
    return this.node(label).load(id);
  }

  /** Talks by id, each read as only `properties`: partial talks, never primed into the node loader. */
  talksAs(properties: readonly string[]): DataLoader<string, StoredNode | null> {
    return loaderFor(
      this.talksAsLoaders,
      properties.join(','),
      () => new DataLoader((ids) => this.repo.partialTalksByIds(ids, properties)),
    );
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

/** A read-along's key: the node, and the properties it is read as. */
function alongKey(label: Label, id: string, readAs: readonly string[] | null): string {
  return `${label}\u0000${id}\u0000${readAs?.join(',') ?? '*'}`;
}

/** The loader under `key`, created on first use. */
function loaderFor<K, L>(loaders: Map<K, L>, key: K, create: () => L): L {
  let loader = loaders.get(key);
  if (!loader) loaders.set(key, (loader = create()));
  return loader;
}

/** An affiliation as person/affiliation-names gives it: its company as a stub, its edition's id. */
function affiliationStub(companyId: unknown, companyName: unknown, editionId: unknown): Related {
  return {
    node: stub(companyId, companyName),
    rel: { __type: 'AFFILIATED_WITH', editionId: textOrNull(editionId) },
  };
}

/** person/affiliations' order: edition id, company name, company id. */
function byAffiliationOrder(a: Related, b: Related): number {
  return (
    compareCodePoints(String(a.rel?.editionId ?? ''), String(b.rel?.editionId ?? '')) ||
    compareCodePoints(String(a.node.name ?? ''), String(b.node.name ?? '')) ||
    compareCodePoints(a.node.id, b.node.id)
  );
}

/** Each node once, by lower-cased name, then id: the order of the person/companies queries. */
const byName = (nodes: readonly StoredNode[]): StoredNode[] => uniqueNodes(nodes).sort(byNameThenId);

/** A participant row of talk/participants-companies or talk/participant-names: one per affiliation of the person at any edition. */
interface ParticipantRow {
  key: string;
  /** The talk's edition. */
  editionId: unknown;
  person: StoredNode;
  rel: StoredRel;
  /** The affiliation's edition, its job title and company (none when the person has no affiliation). */
  affiliationEdition: unknown;
  jobTitle: unknown;
  company: StoredNode | null;
}

/**
 * Per talk of `ids`, its participations: a participant's company is the one of an
 * affiliation at the talk's edition, one participation per such company (by company
 * id, talk/participants.cypher's last key), or a single one with none. Rows come in
 * the statements' order (role, lower-cased name, person id).
 */
function participationsAtEdition(rows: readonly ParticipantRow[], ids: readonly string[]): Related[][] {
  type Slot = { node: StoredNode; rel: StoredRel; here: Related[] };
  const talks = new Map<string, Map<string, Slot>>();
  for (const row of rows) {
    const perTalk = talks.get(row.key) ?? new Map<string, Slot>();
    talks.set(row.key, perTalk);
    const slotKey = `${row.person.id}\u0000${row.rel.role as string}`;
    const slot: Slot = perTalk.get(slotKey) ?? { node: row.person, rel: row.rel, here: [] };
    perTalk.set(slotKey, slot);
    const { company } = row;
    const atEdition = company && row.affiliationEdition === row.editionId;
    if (atEdition && !slot.here.some((r) => (r.company as StoredNode).id === company.id)) {
      slot.here.push({ node: row.person, rel: row.rel, company, jobTitle: row.jobTitle ?? null });
    }
  }
  return ids.map((id) =>
    [...(talks.get(id)?.values() ?? [])].flatMap((slot) =>
      slot.here.length
        ? slot.here.sort((a, b) =>
            compareCodePoints((a.company as StoredNode).id, (b.company as StoredNode).id),
          )
        : [{ node: slot.node, rel: slot.rel, company: null, jobTitle: null }],
    ),
  );
}

/**
 * The names batches a card answers too (src/graphql/cards.ts), and their
 * whole-node twins, which must list a node's projects and companies in the
 * same order.
 */
const CARD_ORDERED: ReadonlySet<NameQuery | RelationQuery> = new Set([
  'talk/project-names',
  'talk/company-names',
  'talk/projects',
  'talk/companies',
  'project/company-names',
  'project/companies',
  'company/project-names',
  'company/projects',
  'edition/company-names-all-scopes',
  'edition/companies-all-scopes',
]);

/**
 * A talk's projects or companies in a talk card's order (byNameThenId, as
 * compareNamedRows sorts the cards: JavaScript's lower-casing, where the
 * statements order by the engine's), so a talk answers alike whether its page
 * brought its card, a names statement or a whole-node one did. A stable sort:
 * rows of one node keep their order.
 */
function inCardOrder<T>(items: readonly T[], nodeOf: (item: T) => StoredNode): T[] {
  return [...items].sort((a, b) => byNameThenId(nodeOf(a), nodeOf(b)));
}

export function uniqueNodes(nodes: readonly StoredNode[]): StoredNode[] {
  const seen = new Set<string>();
  return nodes.filter((n) => !seen.has(n.id) && seen.add(n.id));
}
