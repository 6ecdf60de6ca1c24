import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** Where the SQLite file and media live. */
  dataDir: string;
  /** `postgres://…` selects PostgreSQL; otherwise the SQLite file in `dataDir` is used. */
  databaseUrl: string | null;
  /** Language used when the reader's browser asks for none we have. */
  defaultLang: string;
  /** Load the demo exhibition into an empty database at start-up. */
  loadDemo: boolean;
  /** How often (ms) other app servers' content changes are looked for. */
  contentPollMs: number;
  logLevel: string;
  /** PostgreSQL: connections per app process. */
  dbPoolSize: number;
  /** PostgreSQL: statements running longer are cancelled (0: no limit). */
  dbStatementTimeoutMs: number;
  /** PostgreSQL: schema to work in (default: the server's search_path). */
  dbSchema: string | null;
  /** How long in-flight requests may take to finish on SIGTERM before the process exits anyway. */
  shutdownTimeoutMs: number;
  /** Bytes of rendered pages kept per process (0: render every request). */
  pageCacheBytes: number;
  /** Trust X-Forwarded-For/-Proto/-Host from a reverse proxy in front of the app. */
  trustProxy: boolean;
}

export class ConfigError extends Error {}

function intFrom(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intFrom('PORT', env['PORT'], 3000),
    host: env['HOST'] ?? '0.0.0.0',
    dataDir: resolve(env['TSUZURI_DATA_DIR'] ?? './data'),
    databaseUrl: env['DATABASE_URL'] || null,
    defaultLang: env['TSUZURI_DEFAULT_LANG'] ?? 'en',
    loadDemo: env['TSUZURI_DEMO'] !== '0',
    contentPollMs: intFrom('TSUZURI_CONTENT_POLL_MS', env['TSUZURI_CONTENT_POLL_MS'], 1000),
    logLevel: env['LOG_LEVEL'] ?? 'info',
    dbPoolSize: intFrom('TSUZURI_DB_POOL', env['TSUZURI_DB_POOL'], 10),
    dbStatementTimeoutMs: intFrom('TSUZURI_DB_STATEMENT_TIMEOUT_MS', env['TSUZURI_DB_STATEMENT_TIMEOUT_MS'], 15000),
    dbSchema: env['TSUZURI_DB_SCHEMA'] || null,
    shutdownTimeoutMs: intFrom('TSUZURI_SHUTDOWN_TIMEOUT_MS', env['TSUZURI_SHUTDOWN_TIMEOUT_MS'], 10000),
    pageCacheBytes: intFrom('TSUZURI_PAGE_CACHE_BYTES', env['TSUZURI_PAGE_CACHE_BYTES'], 256 * 1024 * 1024),
    trustProxy: env['TSUZURI_TRUST_PROXY'] === '1',
  };
}
