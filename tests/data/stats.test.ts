/**
 * The per-edition coverage counts (src/load/stats.ts), checked against the
 * mini fixtures with answers worked out by hand from tests/fixtures/mini.
 */
import { readFixtureDir } from '../../src/load/fixtures';
import type { Fixtures } from '../../src/load/fixtures';
import { editionStats, formatStatsTable } from '../../src/load/stats';
import { validate } from '../../src/load/validate';
import { MINI_FIXTURES } from '../helpers/engines';

function mini(): Fixtures {
  const result = validate(readFixtureDir(MINI_FIXTURES));
  if (!result.fixtures)
    throw new Error('the mini fixtures no longer validate: see tests/load/validate.test.ts');
  return result.fixtures;
}

describe('editionStats', () => {
  const table = editionStats(mini());

  it('gives one row per edition, oldest first', () => {
    expect(table.rows.map((r) => r.editionId)).toEqual([
      'edition:kubecon-eu-2018',
      'edition:kubecon-na-2019',
      'edition:kubecon-eu-2020',
    ]);
  });

  it('counts each edition as worked out by hand', () => {
    const counts = Object.fromEntries(
      table.rows.map(({ editionId, name: _n, year: _y, ...c }) => [editionId, c]),
    );
    expect(counts).toEqual({
      // Envoy deep dive (Matt Klein, Lyft) and the Conduit demo (Franziska von der Goltz, Buoyant);
      // the talks mention Envoy, Istio, Tokio and Linkerd.
      'edition:kubecon-eu-2018': {
        talks: 2,
        people: 2,
        companies: 2,
        projects: 4,
        announcements: 0,
        figures: 0,
        // No sponsor; the recap names the two speakers, their companies and the four projects, all on stage.
        sponsors: 0,
        mentions: 8,
        offStage: 0,
      },
      // Spotify's Envoy migration: credited to Spotify, no named speaker. Google is only
      // mentioned, so it is not counted; the attendance figure is.
      'edition:kubecon-na-2019': {
        talks: 1,
        people: 0,
        companies: 1,
        projects: 1,
        announcements: 0,
        figures: 1,
        // Google's test sponsorship; the recap names Spotify, Envoy and Google, and only Google is off stage.
        sponsors: 1,
        mentions: 3,
        offStage: 1,
      },
      // The Falco keynote (Shopify and Sysdig through their speakers' affiliations) and
      // Backstage joining the CNCF (Spotify, Backstage).
      'edition:kubecon-eu-2020': {
        talks: 1,
        people: 2,
        companies: 3,
        projects: 2,
        announcements: 1,
        figures: 0,
        // The recap names 2 people, 3 companies and 4 projects; Istio and Linkerd (¶119) are off stage.
        sponsors: 0,
        mentions: 9,
        offStage: 2,
      },
    });
  });

  it('totals talks, announcements and figures, and counts each entity once across editions', () => {
    // Spotify presents in 2019 and announces in 2020; Envoy is mentioned in 2018 and 2019.
    expect(table.total).toEqual({
      talks: 4,
      people: 4,
      companies: 5,
      projects: 6,
      announcements: 1,
      figures: 1,
      sponsors: 1,
      mentions: 16,
      offStage: 3,
    });
  });

  it('lists an edition with nothing attached to it, with zeros', () => {
    const f = mini();
    const empty = {
      ...f,
      editions: [...f.editions, { ...f.editions[0]!, id: 'edition:kubecon-2015', year: 2015 }],
    };
    expect(editionStats(empty).rows[0]).toMatchObject({
      editionId: 'edition:kubecon-2015',
      talks: 0,
      people: 0,
      companies: 0,
      projects: 0,
      announcements: 0,
      figures: 0,
    });
  });

  it('does not count a company from an unknown affiliation, nor a participant twice', () => {
    const f = mini();
    const talk = f.talks.find((t) => t.id === 'talk:shopify-falco');
    if (!talk) throw new Error('mini fixtures changed: talk:shopify-falco is gone');
    const changed: Fixtures = {
      ...f,
      talks: f.talks.map((t) =>
        t === talk ? { ...t, participants: [...t.participants, { ...t.participants[0]!, role: 'HOST' }] } : t,
      ),
      affiliations: f.affiliations.map((a) =>
        a.personId === 'person:kris-nova' ? { ...a, companyId: null, unknown: true } : a,
      ),
    };
    const row = editionStats(changed).rows.find((r) => r.editionId === 'edition:kubecon-eu-2020');
    expect(row).toMatchObject({ people: 2, companies: 2 });
  });
});

describe('formatStatsTable', () => {
  it('aligns the columns and ends with the total row', () => {
    const lines = formatStatsTable(editionStats(mini())).split('\n');
    expect(lines[0]).toMatch(
      /^edition\s+talks\s+people\s+companies\s+projects\s+announcements\s+figures\s+sponsors\s+mentions\s+offStage$/,
    );
    expect(lines.at(-1)).toMatch(/^total\s+4\s+4\s+5\s+6\s+1\s+1\s+1\s+16\s+3$/);
    expect(lines.find((l) => l.startsWith('kubecon-eu-2020'))).toMatch(
      /\s1\s+2\s+3\s+2\s+1\s+0\s+0\s+9\s+2$/,
    );
    // Every line is as wide as the header, so the numbers line up under their headings.
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
  });
});
