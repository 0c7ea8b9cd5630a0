/**
 * Configuration: every environment variable the service reads, read here and
 * nowhere else, validated once at start. A bad value is a ConfigError naming
 * the variable; the entry points turn it into exit status 2.
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
  neo4j?: { uri: string; user: string; password: string; database: string | undefined };
  /** pino level of the server log. */
  logLevel: LogLevel;
}

export const CONFIG_VARIABLES = {
  HOST: 'interface to listen on (default 127.0.0.1; 0.0.0.0 in containers)',
  PORT: 'HTTP port (default 4000)',
  DATA_DIR: 'Kuzu data directory when NEO4J_URI is unset (default ./data)',
  KUZU_BUFFER_POOL_MB: 'Kuzu buffer pool in MiB (default 512; Kuzu alone would take 80% of RAM)',
  FIXTURES_DIR: 'fixture directory used to seed an empty store (default ./fixtures)',
  SEED_ON_START: 'true/false: load fixtures into an empty store at start (default true)',
  NEO4J_URI: 'use Neo4j instead of the embedded Kuzu store (neo4j://, neo4j+s://, bolt://, bolt+s://)',
  NEO4J_USER: 'Neo4j user (default neo4j)',
  NEO4J_PASSWORD: 'Neo4j password (required with NEO4J_URI)',
  NEO4J_DATABASE: "Neo4j database name (default: the server's default database)",
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
