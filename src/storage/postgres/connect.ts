import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Database } from '../kysely/tables.ts';

export interface PostgresOptions {
  url: string;
  /** A schema to work in (created when missing); lets test runs and tenants never collide. */
  schema?: string;
  poolSize?: number;
  statementTimeoutMs?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function connectPostgres(opts: PostgresOptions): Promise<Kysely<Database>> {
  if (opts.schema !== undefined && !SCHEMA_NAME.test(opts.schema)) {
    throw new Error(`invalid PostgreSQL schema name "${opts.schema}": use lower-case letters, digits and _`);
  }
  const settings: string[] = [];
  // Startup parameters apply to every pooled connection before its first query.
  if (opts.schema) settings.push(`-c search_path=${opts.schema}`);
  if (opts.statementTimeoutMs) settings.push(`-c statement_timeout=${Math.floor(opts.statementTimeoutMs)}`);
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.poolSize ?? 10,
    ...(settings.length ? { options: settings.join(' ') } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  if (opts.schema) await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(opts.schema)}`.execute(db);
  return db;
}

/** Drops a schema made by `connectPostgres` (used by tests to clean up after themselves). */
export async function dropPostgresSchema(db: Kysely<Database>, schema: string): Promise<void> {
  await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(db);
}
