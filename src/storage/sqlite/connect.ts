import SQLite from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../kysely/tables.ts';

export interface SqliteOptions {
  /** A file path, or ":memory:". */
  filename: string;
}

export function connectSqlite(opts: SqliteOptions): Promise<Kysely<Database>> {
  if (opts.filename !== ':memory:') mkdirSync(dirname(opts.filename), { recursive: true });
  const sqlite = new SQLite(opts.filename);
  // WAL lets readers go on while one writer commits; NORMAL sync is safe with WAL.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return Promise.resolve(new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }));
}
