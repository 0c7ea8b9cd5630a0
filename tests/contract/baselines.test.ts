/**
 * The R2 baselines (bench/cypher/, bench/baselines.ts) return the data of the
 * pages the bench times beside them, on each engine, over the real fixtures: a
 * baseline returning less would make the service look slower than it is
 * against the engine, one returning more would flatter it. Compared order
 * aside (each page's order is the contract suites' business) and with the
 * engines' renderings of "nothing" made alike: a baseline collecting no
 * speaker yields one with a null name, and Kuzu collects no company after an
 * ORDER BY as null.
 */
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';
import { baselineQuery, type BaselineName } from '../../bench/baselines';
import { DASHBOARD, EDITION, LINKS } from '../../bench/scale-queries';
import { describeEachEngine } from '../helpers/engines';
import { graphqlOn } from '../helpers/graphql';

type Name = { name: string };

/** The speaker a baseline collects for a talk without one: a null name, no companies. */
const noSpeaker = (item: unknown): boolean => {
  if (!item || typeof item !== 'object') return false;
  const { name, companies, ...rest } = item as Record<string, unknown>;
  const none = companies === null || (Array.isArray(companies) && companies.length === 0);
  return name === null && none && Object.keys(rest).length === 0;
};

/** A value with every list sorted and every "nothing" an empty list, to compare data order aside. */
function canonical(value: unknown): unknown {
  if (value === null) return [];
  if (Array.isArray(value)) {
    return value
      .filter((item) => !noSpeaker(item))
      .map(canonical)
      .map((item) => JSON.stringify(item))
      .sort();
  }
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

const names = (list: Name[]) => list.map((x) => x.name);

/** Each page's GraphQL answer in the shape its baseline statement returns. */
const PAGES: Record<BaselineName, { query: string; shape(data: Record<string, unknown>): unknown }> = {
  dashboard: {
    query: DASHBOARD,
    shape: (data) => {
      type Talk = { title: string; speakers: (Name & { companies: Name[] })[]; projects: Name[] };
      const talks = data.talks as { totalCount: number; edges: { node: Talk }[] };
      return talks.edges.map(({ node }) => ({
        total: talks.totalCount,
        title: node.title,
        speakers: node.speakers.map((s) => ({ name: s.name, companies: names(s.companies) })),
        projects: names(node.projects),
      }));
    },
  },
  edition: {
    query: EDITION,
    shape: (data) => {
      const edition = data.edition as {
        talks: { edges: { node: { title: string; companies: Name[] } }[] };
        companies: Name[];
      };
      return [
        {
          companies: names(edition.companies),
          talks: edition.talks.edges.map(({ node }) => ({
            title: node.title,
            companies: names(node.companies),
          })),
        },
      ];
    },
  },
  links: {
    query: LINKS,
    shape: (data) =>
      (data.companyProjectLinks as { company: Name; project: Name; weight: number }[]).map((l) => ({
        company: l.company.name,
        project: l.project.name,
        weight: l.weight,
      })),
  },
};

describeEachEngine('R2 baselines', (engine) => {
  const client = graphqlOn(engine, join(PROJECT_ROOT, 'fixtures'));

  it.each(Object.keys(PAGES) as BaselineName[])(
    '%s: the baseline statement returns the page’s data',
    async (name) => {
      const { engine: onEngine } = client.store();
      const { query, params } = baselineQuery(name, onEngine.name);
      const rows = await onEngine.read(query, params);
      const page = PAGES[name].shape(await client.ok(PAGES[name].query));
      expect((page as unknown[]).length).toBeGreaterThan(0);
      expect(canonical(rows)).toEqual(canonical(page));
    },
  );
});
