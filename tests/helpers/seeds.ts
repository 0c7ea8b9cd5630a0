/**
 * Where the seed articles are, for the tests that check fixtures against them.
 *
 * The seeds are not part of this repository: they sit beside a working copy in
 * ../shared/seeds, or wherever SEEDS_DIR points (a relative SEEDS_DIR is taken
 * from the project root). A fresh clone has no seeds, so those tests are
 * skipped with a visible notice; CI sets REQUIRE_SEEDS=1, which turns a
 * missing folder into a failure, so the citations can never go unchecked there.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';

export const DEFAULT_SEEDS_DIR = join('..', 'shared', 'seeds');

export type SeedsStatus =
  | { mode: 'present'; dir: string }
  | { mode: 'skip'; dir: string; notice: string }
  | { mode: 'fail'; dir: string; reason: string };

type Env = Readonly<Record<string, string | undefined>>;

/** What the seed-dependent tests should do, given the environment. */
export function seedsStatus(env: Env = process.env, root: string = PROJECT_ROOT): SeedsStatus {
  const setting = env.SEEDS_DIR?.trim() || DEFAULT_SEEDS_DIR;
  const dir = isAbsolute(setting) ? setting : resolve(root, setting);
  const required = /^(1|true|yes)$/i.test(env.REQUIRE_SEEDS?.trim() ?? '');
  const usable =
    existsSync(dir) && statSync(dir).isDirectory() && readdirSync(dir).some((name) => name.endsWith('.txt'));
  if (usable) return { mode: 'present', dir };
  const why = `seed directory ${dir} is missing or holds no .txt article`;
  if (required) {
    return {
      mode: 'fail',
      dir,
      reason: `${why}, and REQUIRE_SEEDS=1: point SEEDS_DIR at the seed articles (default ${DEFAULT_SEEDS_DIR})`,
    };
  }
  return {
    mode: 'skip',
    dir,
    notice: `${why}: the checks of the fixtures against the seed articles are SKIPPED (set SEEDS_DIR; CI sets REQUIRE_SEEDS=1)`,
  };
}
