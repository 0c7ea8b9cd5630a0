/**
 * The fixture format (documented for curators in fixtures/README.md) as
 * TypeScript types, and reading the files from disk. Validation lives in
 * validate.ts; nothing here trusts the data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Citation {
  article: string;
  locator: string;
}

/** Records that state facts carry citations, public reference data a `reference` note, or both. */
interface Sourced {
  sources?: Citation[];
  reference?: string | null;
}

export interface EditionRecord extends Sourced {
  id: string;
  name: string;
  year: number;
  region: string;
  format: string;
  city?: string | null;
  country?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  attendees?: number | null;
  aliases: string[];
}

export interface ArticleRecord {
  id: string;
  title: string;
  language: string;
  publisherId: string;
  authors: string[];
  personIds: string[];
  editionId: string;
  url?: string | null;
  publishedOn?: string | null;
  covers?: string | null;
  series?: string | null;
  seed: string;
  mentions: { targetId: string; locators: string[] }[];
}

export interface CompanyRecord {
  id: string;
  name: string;
  aliases: string[];
  homepage?: string | null;
  reference?: string | null;
}

export interface ProjectRecord {
  id: string;
  name: string;
  aliases: string[];
  cncf: boolean;
  maturity?: string | null;
  homepage?: string | null;
  description?: string | null;
  reference?: string | null;
}

export interface PersonRecord {
  id: string;
  name: string;
  aliases: string[];
}

export interface TalkRecord extends Sourced {
  id: string;
  title: string;
  originalTitle?: string | null;
  kind: string;
  editionId: string;
  day?: string | null;
  /** Name of the co-located event (EnvoyCon…) the talk belongs to; absent for the main conference. */
  colocatedEvent?: string | null;
  summary?: string | null;
  participants: ({ personId: string; role: string } & Sourced)[];
  companies: ({ companyId: string } & Sourced)[];
  mentions: ({ targetId: string } & Sourced)[];
}

export interface AffiliationRecord extends Sourced {
  personId: string;
  companyId: string | null;
  unknown?: boolean;
  editionId: string;
  jobTitle?: string | null;
}

export interface BackingRecord extends Sourced {
  companyId: string;
  projectId: string;
  kind: string;
}

export interface AnnouncementRecord extends Sourced {
  id: string;
  kind: string;
  description: string;
  editionId: string;
  projectIds: string[];
  companyIds: string[];
  maturity?: string | null;
  version?: string | null;
}

/** A company that sponsored or exhibited at an edition (`(Company)-[:SPONSORED]->(Edition)`). */
export interface SponsorshipRecord extends Sourced {
  companyId: string;
  editionId: string;
  tier?: string | null;
  booth?: string | null;
}

export interface FigureRecord extends Sourced {
  id: string;
  editionId: string;
  label: string;
  value: number;
  unit?: string | null;
}

export interface Fixtures {
  editions: EditionRecord[];
  articles: ArticleRecord[];
  companies: CompanyRecord[];
  projects: ProjectRecord[];
  people: PersonRecord[];
  talks: TalkRecord[];
  affiliations: AffiliationRecord[];
  backs: BackingRecord[];
  announcements: AnnouncementRecord[];
  figures: FigureRecord[];
  sponsorships: SponsorshipRecord[];
}

export type FixtureFile = keyof Fixtures;

export const FIXTURE_FILES: readonly FixtureFile[] = [
  'editions',
  'articles',
  'companies',
  'projects',
  'people',
  'talks',
  'affiliations',
  'backs',
  'announcements',
  'figures',
  'sponsorships',
];

/** A file's parsed JSON, or the reason it could not be read. Content is checked by validate.ts. */
export type RawFixtures = Record<FixtureFile, { ok: true; data: unknown } | { ok: false; error: string }>;

export function readFixtureDir(dir: string): RawFixtures {
  const out = {} as RawFixtures;
  for (const name of FIXTURE_FILES) {
    const path = join(dir, `${name}.json`);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      out[name] = {
        ok: false,
        error: code === 'ENOENT' ? 'file is missing (write [] for none)' : `cannot read (${code})`,
      };
      continue;
    }
    try {
      out[name] = { ok: true, data: JSON.parse(text) };
    } catch (error) {
      out[name] = { ok: false, error: `not valid JSON: ${(error as Error).message}` };
    }
  }
  return out;
}
