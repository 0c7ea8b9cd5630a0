/** Configuration from the environment: defaults, and a clear error naming any bad variable. */
import { readConfig } from '../../src/config';
import { ConfigError } from '../../src/errors';

const errorOf = (env: Record<string, string>) => {
  try {
    readConfig(env);
  } catch (error) {
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
};

describe('readConfig', () => {
  it('defaults to the embedded store on localhost:4000, seeded', () => {
    const config = readConfig({});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 4000, seedOnStart: true, kuzuBufferPoolMb: 512 });
    expect(config.dataDir).toMatch(/data$/);
    expect(config.neo4j).toBeUndefined();
  });

  it('reads Neo4j settings when NEO4J_URI is set', () => {
    const config = readConfig({
      NEO4J_URI: 'neo4j+s://db.example:7687',
      NEO4J_PASSWORD: 'secret',
      NEO4J_DATABASE: 'recap',
    });
    expect(config.neo4j).toEqual({
      uri: 'neo4j+s://db.example:7687',
      user: 'neo4j',
      password: 'secret',
      database: 'recap',
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT', /whole number from 0 to 65535 \(got "abc"\)/],
    [{ PORT: '70000' }, 'PORT', /got "70000"/],
    [{ SEED_ON_START: 'maybe' }, 'SEED_ON_START', /true or false/],
    [{ KUZU_BUFFER_POOL_MB: '8' }, 'KUZU_BUFFER_POOL_MB', /from 16 to/],
    [{ NEO4J_URI: 'http://db:7474', NEO4J_PASSWORD: 'x' }, 'NEO4J_URI', /neo4j:\/\//],
    [{ NEO4J_URI: 'neo4j://db:7687' }, 'NEO4J_PASSWORD', /required/],
    [{ NEO4J_PASSWORD: 'x' }, 'NEO4J_PASSWORD', /NEO4J_URI is not/],
  ])('rejects %j naming %s', (env, variable, message) => {
    const error = errorOf(env);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(message);
  });
});
