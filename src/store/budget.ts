/**
 * A request's time budget as the store sees it (ReadOptions.deadline). The
 * repository starts no statement once the budget is spent, and each adapter
 * hands the time left to its engine, which stops the statement when it runs
 * out: a request refused with REQUEST_TIMEOUT leaves nothing running on.
 * Neo4j stops it at its next check of transaction timeouts
 * (db.transaction.monitor.check.interval: 2 s by default, 200 ms in neo4j/'s launcher).
 */
import { TimeBudgetError } from '../errors';

/** The request's time budget: aborted when spent, and when that is (`performance.now()` clock). */
export interface RequestBudget {
  readonly signal: AbortSignal;
  readonly deadline: number;
}

export const budgetSpent = (what: string): TimeBudgetError =>
  new TimeBudgetError(`the request used up its time budget during ${what}; its remaining work was dropped`);

/**
 * Whole milliseconds left before `deadline` (at least 1), or undefined when
 * there is no deadline; throws the budget's error once it has passed.
 */
export function msLeft(deadline: number | undefined, what: string): number | undefined {
  if (deadline === undefined) return undefined;
  const left = Math.ceil(deadline - performance.now());
  if (left <= 0) throw budgetSpent(what);
  return left;
}

/**
 * Whether a statement that failed ran into its deadline. Told by our clock:
 * Kuzu's interruption carries no code, and its text is no contract.
 */
export const pastDeadline = (deadline: number | undefined): boolean =>
  deadline !== undefined && performance.now() >= deadline;
