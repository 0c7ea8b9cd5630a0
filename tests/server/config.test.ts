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

  it('guards with limits at least as strict as GraphQL Armor, introspection on outside production', () => {
    expect(readConfig({}).guard).toEqual({
      limits: {
        maxDepth: 8,
        maxAliases: 15,
        maxDirectives: 50,
        maxTokens: 2000,
        maxRepeats: 5,
        maxCost: 25000,
      },
      requestBudgetMs: 10000,
      cursorSecret: undefined,
      corsOrigins: [],
      introspection: true,
      suggestions: true,
      compileAfter: 1,
      headersTimeoutMs: 10000,
      requestTimeoutMs: 30000,
      exports: { maxConcurrent: 4, stallMs: 60000 },
    });
  });

  it('turns introspection and suggestions off in production unless asked for', () => {
    expect(readConfig({ NODE_ENV: 'production' }).guard).toMatchObject({
      introspection: false,
      suggestions: false,
    });
    expect(readConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }).guard).toMatchObject({
      introspection: true,
      suggestions: false,
    });
  });

  it('reads limits, budget, cursor secret and CORS origins', () => {
    const { guard } = readConfig({
      QUERY_MAX_DEPTH: '5',
      QUERY_MAX_COST: '1000',
      REQUEST_BUDGET_MS: '2500',
      CURSOR_SECRET: 'a-long-enough-secret',
      CORS_ORIGINS: 'https://a.example, http://localhost:8888',
    });
    expect(guard.limits).toMatchObject({ maxDepth: 5, maxCost: 1000 });
    expect(guard.requestBudgetMs).toBe(2500);
    expect(guard.cursorSecret).toBe('a-long-enough-secret');
    expect(guard.corsOrigins).toEqual(['https://a.example', 'http://localhost:8888']);
  });

  it('reads when a document is compiled: after one run by default, at once, or never', () => {
    expect(readConfig({}).guard.compileAfter).toBe(1);
    expect(readConfig({ GRAPHQL_COMPILE_AFTER: '0' }).guard.compileAfter).toBe(0);
    expect(readConfig({ GRAPHQL_COMPILE_AFTER: 'off' }).guard.compileAfter).toBe(Infinity);
  });

  it('reads the export bounds', () => {
    const { guard } = readConfig({ EXPORT_MAX_CONCURRENT: '2', EXPORT_STALL_MS: '500' });
    expect(guard.exports).toEqual({ maxConcurrent: 2, stallMs: 500 });
  });

  it.each([
    [{ QUERY_MAX_DEPTH: '0' }, 'QUERY_MAX_DEPTH', /from 1 to/],
    [{ QUERY_MAX_TOKENS: 'lots' }, 'QUERY_MAX_TOKENS', /whole number/],
    [{ REQUEST_BUDGET_MS: '-5' }, 'REQUEST_BUDGET_MS', /whole number/],
    [{ CURSOR_SECRET: 'short' }, 'CURSOR_SECRET', /at least 16 characters/],
    [{ CORS_ORIGINS: '*' }, 'CORS_ORIGINS', /https:\/\/host/],
    [{ CORS_ORIGINS: 'https://a.example/path' }, 'CORS_ORIGINS', /got "https:\/\/a.example\/path"/],
    [{ GRAPHQL_INTROSPECTION: 'perhaps' }, 'GRAPHQL_INTROSPECTION', /true or false/],
    [{ GRAPHQL_COMPILE_AFTER: 'never' }, 'GRAPHQL_COMPILE_AFTER', /whole number/],
    [{ EXPORT_MAX_CONCURRENT: '0' }, 'EXPORT_MAX_CONCURRENT', /from 1 to/],
    [{ EXPORT_STALL_MS: '10' }, 'EXPORT_STALL_MS', /from 100 to/],
    [
      { HTTP_HEADERS_TIMEOUT_MS: '5000', HTTP_REQUEST_TIMEOUT_MS: '1000' },
      'HTTP_HEADERS_TIMEOUT_MS',
      /must not exceed/,
    ],
  ])('rejects guard setting %j naming %s', (env, variable, message) => {
    const error = errorOf(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(message);
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
