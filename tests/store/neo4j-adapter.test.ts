/**
 * The Neo4j adapter's boundary, checked offline with the driver's own types:
 * values normalised like Kuzu's, whole numbers sent as Neo4j integers, driver
 * errors mapped by code (never by message), and an unreachable server reported
 * as unavailable. Running queries needs a server: see the contract suites with
 * NEO4J_URI.
 */
import neo4j from 'neo4j-driver';
import {
  fromNeo4j,
  mapNeo4jError,
  Neo4jEngine,
  retryTransient,
  toNeo4jParams,
} from '../../src/store/neo4j/engine';
import { queriesFor } from '../../src/store/open';
import { StoreError, StoreUnavailableError, TimeBudgetError } from '../../src/errors';

describe('Neo4j adapter, offline', () => {
  it('turns driver values into the port’s plain values', () => {
    expect(fromNeo4j(neo4j.int(12000))).toBe(12000);
    expect(fromNeo4j(new neo4j.types.Date(2019, 11, 18))).toBe('2019-11-18');
    const node = new neo4j.types.Node(neo4j.int(1), ['Person'], {
      id: 'person:x',
      aliases: ['X'],
      born: neo4j.int(1980),
    });
    expect(fromNeo4j(node)).toEqual({ __label: 'Person', id: 'person:x', aliases: ['X'], born: 1980 });
    const rel = new neo4j.types.Relationship(neo4j.int(7), neo4j.int(1), neo4j.int(2), 'PRESENTED', {
      role: 'SPEAKER',
    });
    expect(fromNeo4j(rel)).toEqual({ __type: 'PRESENTED', role: 'SPEAKER' });
    expect(fromNeo4j({ key: 'k', list: [neo4j.int(2), null] })).toEqual({ key: 'k', list: [2, null] });
  });

  it('refuses an integer a JavaScript number cannot hold', () => {
    expect(() => fromNeo4j(neo4j.int('9007199254740993'))).toThrow(StoreError);
  });

  it('sends whole numbers as Neo4j integers (SKIP/LIMIT refuse floats) and leaves the rest alone', () => {
    const sent = toNeo4jParams({ skip: 20, value: 2.5, ids: ['a'], name: 'x', none: null });
    expect(neo4j.isInt(sent.skip)).toBe(true);
    expect((sent.skip as { toNumber(): number }).toNumber()).toBe(20);
    expect(sent).toMatchObject({ value: 2.5, ids: ['a'], name: 'x', none: null });
  });

  it('maps driver errors by code, whatever their message says', () => {
    const err = (code: string, message: string) => Object.assign(new Error(message), { code });
    expect(mapNeo4jError(err('ServiceUnavailable', 'boom'), 'q')).toBeInstanceOf(StoreUnavailableError);
    expect(mapNeo4jError(err('Neo.TransientError.Transaction.LockClientStopped', 'x'), 'q')).toBeInstanceOf(
      StoreUnavailableError,
    );
    expect(mapNeo4jError(err('Neo.ClientError.Security.Unauthorized', 'x'), 'q')).toBeInstanceOf(
      StoreUnavailableError,
    );
    const syntax = mapNeo4jError(
      err('Neo.ClientError.Statement.SyntaxError', 'ServiceUnavailable in the text'),
      'q',
    );
    expect(syntax).toBeInstanceOf(StoreError);
    expect(syntax).not.toBeInstanceOf(StoreUnavailableError);
    // Transient by its code, but the same transaction fails the same way every time.
    const memory = mapNeo4jError(err('Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'x'), 'a load');
    expect(memory).toBeInstanceOf(StoreError);
    expect(memory).not.toBeInstanceOf(StoreUnavailableError);
    expect(memory.message).toMatch(/ran out of memory for a load .*db\.memory\.transaction\.max/);
    // A read the server ended at the timeout it was given: the request's budget ran out.
    for (const code of [
      'Neo.ClientError.Transaction.TransactionTimedOut',
      'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
    ]) {
      const timedOut = mapNeo4jError(err(code, 'ServiceUnavailable in the text'), 'q');
      expect(timedOut).toBeInstanceOf(TimeBudgetError);
      expect(timedOut.code).toBe('REQUEST_TIMEOUT');
    }
  });

  describe('reads and write transactions retried as the driver would retry a transaction', () => {
    /** An attempt that fails with each of `codes` in turn, then answers. */
    const scripted = (...codes: string[]) => {
      let calls = 0;
      const attempt = async (): Promise<string> => {
        const code = codes[calls++];
        if (code)
          throw new neo4j.Neo4jError(
            `failure ${calls}`,
            code as never,
            '50N42',
            'general processing exception',
          );
        return 'rows';
      };
      return { attempt, calls: () => calls };
    };

    it('runs a read again after a retryable failure (transient, leader switch, session expired)', async () => {
      const script = scripted('Neo.TransientError.General.DatabaseUnavailable', 'SessionExpired');
      await expect(retryTransient(script.attempt)).resolves.toBe('rows');
      expect(script.calls()).toBe(3);
    });

    it('gives up at once on an error no retry can fix', async () => {
      const script = scripted('Neo.ClientError.Statement.SyntaxError');
      await expect(retryTransient(script.attempt)).rejects.toMatchObject({
        code: 'Neo.ClientError.Statement.SyntaxError',
      });
      expect(script.calls()).toBe(1);
    });

    it('does not retry a transaction over the memory limit: it would fail again', async () => {
      const script = scripted('Neo.TransientError.General.MemoryPoolOutOfMemoryError');
      await expect(retryTransient(script.attempt)).rejects.toMatchObject({
        code: 'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
      });
      expect(script.calls()).toBe(1);
    });

    it('stops retrying when its time budget is spent, with the last error', async () => {
      const script = scripted(...Array<string>(50).fill('ServiceUnavailable'));
      const started = performance.now();
      await expect(retryTransient(script.attempt, 400)).rejects.toMatchObject({ code: 'ServiceUnavailable' });
      expect(performance.now() - started).toBeLessThan(2_000);
      // 100, 200 ms pauses (±20 %) fit in 400 ms; the next one would not.
      expect(script.calls()).toBeGreaterThanOrEqual(2);
      expect(script.calls()).toBeLessThanOrEqual(3);
    });
  });

  it('reports a server that does not answer as unavailable', async () => {
    // Port 1 on loopback refuses at once: no traffic leaves the machine.
    const engine = Neo4jEngine.open(
      { uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'x', database: undefined },
      queriesFor('neo4j'),
    );
    try {
      await expect(engine.ping()).rejects.toThrow(StoreUnavailableError);
      await expect(engine.read(queriesFor('neo4j').get('edition/all'), { first: 1 })).rejects.toThrow(
        StoreUnavailableError,
      );
    } finally {
      await engine.close();
    }
  }, 30_000);
});
