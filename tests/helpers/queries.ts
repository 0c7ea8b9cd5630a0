/**
 * An ad-hoc read for tests that check the store by other means than the named
 * queries under test (dumps, oracles, raw edits): given a name for errors and
 * the parameters its text binds, as the registry would have listed them.
 */
import type { NamedQuery } from '../../src/store/queries';

export function adHocQuery(name: string, text: string, params: readonly string[] = []): NamedQuery {
  return { name: `test/${name}`, file: `test/${name}`, text, params, listParams: [] };
}
