/**
 * Configuration: every environment variable the service reads, read here and
 * nowhere else, validated once at start (LOAD_TRACE aside: a diagnostic switch
 * that src/load/trace.ts reads for any load, the start-up seed included). A bad
 * value is a ConfigError naming the variable; the entry points turn it into exit status 2.
 */
import { resolve } from 'node:path';
import { ConfigError } from './errors';
import { LOG_LEVELS, type LogLevel } from './ops/log';

export interface Config {
  host: string;
  port: number;
  /** Kuzu's directory when NEO4J_URI is unset. */
  dataDir: string;
  /** Kuzu buffer pool size in MiB (512 when absent). */
  kuzuBufferPoolMb?: number;
  fixturesDir: string;
  /** Load fixtures into an empty store at start. */
  seedOnStart: boolean;
  /** On SIGTERM, how long requests in flight may run before their connections are cut. */
  shutdownDrainMs: number;
  neo4j?: { uri: string; user: string; password: string; database: string | undefined };
  /** Limits and HTTP hygiene against careless or hostile clients (README "Configuration"). */
  guard: GuardConfig;
  /** pino level of the server log. */
  logLevel: LogLevel;
}

/** Everything that bounds what one request may cost the service. */
export interface GuardConfig {
  /** Checked after parsing, before anything executes (src/graphql/limits.ts). */
  limits: QueryLimits;
  /** Wall-clock budget of one GraphQL request, in ms. */
  requestBudgetMs: number;
  /** HMAC key for pagination cursors; undefined: a random key per process. */
  cursorSecret: string | undefined;
  /** Origins allowed to call the API from a browser (exact match). */
  corsOrigins: string[];
  introspection: boolean;
  /** "Did you mean …" hints in validation errors. */
  suggestions: boolean;
  /** Runs of a document on graphql-js before graphql-jit compiles it; Infinity: never (src/graphql/executor.ts). */
  compileAfter: number;
  /** Node's server.headersTimeout and server.requestTimeout, in ms. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** Bounds on the streamed exports (src/server/export.ts). */
  exports: ExportLimits;
}

/** How many exports may stream at once, and how long one waits for its client to take a page. */
export interface ExportLimits {
  maxConcurrent: number;
  stallMs: number;
}

export const DEFAULT_EXPORT_LIMITS: ExportLimits = { maxConcurrent: 4, stallMs: 60_000 };

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxRepeats: number;
  maxCost: number;
}

export const DEFAULT_LIMITS: QueryLimits = {
  maxDepth: 8,
  maxAliases: 15,
  maxDirectives: 50,
  maxTokens: 2000,
  maxRepeats: 5,
  maxCost: 25000,
};

export const CONFIG_VARIABLES = {
  HOST: 'interface to listen on (default 127.0.0.1; 0.0.0.0 in containers)',
  PORT: 'HTTP port (default 4000)',
  DATA_DIR: 'Kuzu data directory when NEO4J_URI is unset (default ./data)',
  KUZU_BUFFER_POOL_MB: 'Kuzu buffer pool in MiB (default 512; Kuzu alone would take 80% of RAM)',
  FIXTURES_DIR: 'fixture directory used to seed an empty store (default ./fixtures)',
  SEED_ON_START: 'true/false: load fixtures into an empty store at start (default true)',
  SHUTDOWN_DRAIN_MS: 'on SIGTERM, how long in-flight requests may run before being cut (default 10000)',
  NEO4J_URI: 'use Neo4j instead of the embedded Kuzu store (neo4j://, neo4j+s://, bolt://, bolt+s://)',
  NEO4J_USER: 'Neo4j user (default neo4j)',
  NEO4J_PASSWORD: 'Neo4j password (required with NEO4J_URI)',
  NEO4J_DATABASE: "Neo4j database name (default: the server's default database)",
  NODE_ENV: 'production turns introspection and "Did you mean" suggestions off by default',
  QUERY_MAX_DEPTH: 'deepest field nesting a query may have (default 8)',
  QUERY_MAX_ALIASES: 'aliased fields per operation (default 15)',
  QUERY_MAX_DIRECTIVES: 'directives per operation (default 50)',
  QUERY_MAX_TOKENS: 'lexical tokens per document (default 2000)',
  QUERY_MAX_REPEATS: 'times one field may be selected in one selection set, fragments expanded (default 5)',
  QUERY_MAX_COST: 'estimated cost per operation, lists multiplied by their page size (default 25000)',
  REQUEST_BUDGET_MS: 'time budget of one GraphQL request in ms (default 10000)',
  CURSOR_SECRET: 'HMAC key for pagination cursors (default: random per process)',
  CORS_ORIGINS: 'comma-separated browser origins allowed to call the API (default none)',
  GRAPHQL_INTROSPECTION: 'true/false (default: true unless NODE_ENV=production)',
  GRAPHQL_SUGGESTIONS:
    'true/false: "Did you mean" hints in errors (default: true unless NODE_ENV=production)',
  GRAPHQL_COMPILE_AFTER:
    'runs of a document on graphql-js before graphql-jit compiles it: 0 at once, off never (default 1)',
  HTTP_HEADERS_TIMEOUT_MS: 'time a client has to send its request headers (default 10000)',
  HTTP_REQUEST_TIMEOUT_MS:
    'time a client has to send its whole request, and may take nothing of its answer (default 30000)',
  EXPORT_MAX_CONCURRENT: 'exports streaming at once; one more is a 503 TOO_MANY_EXPORTS (default 4)',
  EXPORT_STALL_MS: 'how long an export waits for its client to take a page before cutting it (default 60000)',
  LOG_LEVEL: `server log level: ${LOG_LEVELS.join(', ')} (default info)`,
} as const;

type Env = Readonly<Record<string, string | undefined>>;

export function readConfig(env: Env = process.env): Config {
  const get = (name: keyof typeof CONFIG_VARIABLES): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const config: Config = {
    host: get('HOST') ?? '127.0.0.1',
    port: parsePort(get('PORT')),
    dataDir: resolve(get('DATA_DIR') ?? 'data'),
    kuzuBufferPoolMb: parseWhole('KUZU_BUFFER_POOL_MB', get('KUZU_BUFFER_POOL_MB'), 512, 16, 1024 * 1024),
    fixturesDir: resolve(get('FIXTURES_DIR') ?? 'fixtures'),
    seedOnStart: parseBoolean('SEED_ON_START', get('SEED_ON_START'), true),
    shutdownDrainMs: parseWhole('SHUTDOWN_DRAIN_MS', get('SHUTDOWN_DRAIN_MS'), 10_000, 0, 600_000),
    guard: readGuard(get),
    logLevel: parseLogLevel(get('LOG_LEVEL')),
  };
  const uri = get('NEO4J_URI');
  if (uri) {
    if (!/^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^\s/]+/.test(uri)) {
      throw new ConfigError(
        'NEO4J_URI',
        `must look like neo4j://host:7687 or bolt://host:7687 (got "${uri}")`,
      );
    }
    const password = get('NEO4J_PASSWORD');
    if (!password) throw new ConfigError('NEO4J_PASSWORD', 'is required when NEO4J_URI is set');
    config.neo4j = { uri, user: get('NEO4J_USER') ?? 'neo4j', password, database: get('NEO4J_DATABASE') };
  } else {
    for (const name of ['NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE'] as const) {
      if (get(name)) throw new ConfigError(name, 'is set but NEO4J_URI is not: set NEO4J_URI to use Neo4j');
    }
  }
  return config;
}

function readGuard(get: (name: keyof typeof CONFIG_VARIABLES) => string | undefined): GuardConfig {
  const whole = (name: keyof typeof CONFIG_VARIABLES, fallback: number, min: number, max: number) =>
    parseWhole(name, get(name), fallback, min, max);
  const production = get('NODE_ENV') === 'production';
  const secret = get('CURSOR_SECRET');
  if (secret !== undefined && secret.length < 16) {
    throw new ConfigError('CURSOR_SECRET', 'must be at least 16 characters long');
  }
  const headersTimeoutMs = whole('HTTP_HEADERS_TIMEOUT_MS', 10_000, 100, 600_000);
  const requestTimeoutMs = whole('HTTP_REQUEST_TIMEOUT_MS', 30_000, 100, 600_000);
  // Node refuses a headers timeout longer than the request timeout.
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new ConfigError(
      'HTTP_HEADERS_TIMEOUT_MS',
      `must not exceed HTTP_REQUEST_TIMEOUT_MS (${requestTimeoutMs})`,
    );
  }
  return {
    limits: {
      maxDepth: whole('QUERY_MAX_DEPTH', DEFAULT_LIMITS.maxDepth, 1, 100),
      maxAliases: whole('QUERY_MAX_ALIASES', DEFAULT_LIMITS.maxAliases, 0, 10_000),
      maxDirectives: whole('QUERY_MAX_DIRECTIVES', DEFAULT_LIMITS.maxDirectives, 0, 10_000),
      maxTokens: whole('QUERY_MAX_TOKENS', DEFAULT_LIMITS.maxTokens, 100, 1_000_000),
      maxRepeats: whole('QUERY_MAX_REPEATS', DEFAULT_LIMITS.maxRepeats, 1, 10_000),
      maxCost: whole('QUERY_MAX_COST', DEFAULT_LIMITS.maxCost, 1, 100_000_000),
    },
    requestBudgetMs: whole('REQUEST_BUDGET_MS', 10_000, 10, 600_000),
    cursorSecret: secret,
    corsOrigins: parseOrigins(get('CORS_ORIGINS')),
    introspection: parseBoolean('GRAPHQL_INTROSPECTION', get('GRAPHQL_INTROSPECTION'), !production),
    suggestions: parseBoolean('GRAPHQL_SUGGESTIONS', get('GRAPHQL_SUGGESTIONS'), !production),
    compileAfter:
      get('GRAPHQL_COMPILE_AFTER') === 'off' ? Infinity : whole('GRAPHQL_COMPILE_AFTER', 1, 0, 1_000_000),
    headersTimeoutMs,
    requestTimeoutMs,
    exports: {
      maxConcurrent: whole('EXPORT_MAX_CONCURRENT', DEFAULT_EXPORT_LIMITS.maxConcurrent, 1, 1000),
      stallMs: whole('EXPORT_STALL_MS', DEFAULT_EXPORT_LIMITS.stallMs, 100, 3_600_000),
    },
  };
}

/** `https://a.example, http://localhost:3000` → exact origins; anything that is not scheme://host[:port] is refused. */
function parseOrigins(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
    .map((origin) => {
      if (!/^https?:\/\/[^\s/]+$/.test(origin)) {
        throw new ConfigError(
          'CORS_ORIGINS',
          `each origin must look like https://host[:port] (got "${origin}")`,
        );
      }
      return origin;
    });
}

function parseLogLevel(value: string | undefined): LogLevel {
  if (value === undefined) return 'info';
  const level = LOG_LEVELS.find((l) => l === value.toLowerCase());
  if (!level) throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')} (got "${value}")`);
  return level;
}

function parsePort(value: string | undefined): number {
  return parseWhole('PORT', value, 4000, 0, 65535);
}

function parseWhole(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max} (got "${value}")`);
  }
  return n;
}

function parseBoolean(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (/^(1|true|yes)$/i.test(value)) return true;
  if (/^(0|false|no)$/i.test(value)) return false;
  throw new ConfigError(name, `must be true or false (got "${value}")`);
}
