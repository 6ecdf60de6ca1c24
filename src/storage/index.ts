import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { ContentStore } from './kysely/content-store.ts';
import type { Database } from './kysely/tables.ts';
import { migrateToLatest, migrationsCurrent } from './migrations/index.ts';
import { connectPostgres } from './postgres/connect.ts';
import { connectSqlite } from './sqlite/connect.ts';

export { ContentStore, type Placement } from './kysely/content-store.ts';

export type Engine = 'sqlite' | 'postgres';

export interface Storage {
  engine: Engine;
  store: ContentStore;
  /** True when the database answers and every migration is applied. */
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

export interface StorageOptions {
  /** `postgres://…`, a SQLite file path, or ":memory:". */
  url: string;
  /** PostgreSQL schema to use (tests give each run its own). */
  schema?: string;
}

export function engineOf(url: string): Engine {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}

/** Opens the database named by `url` and applies pending migrations. */
export async function openStorage(opts: StorageOptions): Promise<Storage> {
  const engine = engineOf(opts.url);
  const db: Kysely<Database> =
    engine === 'postgres'
      ? await connectPostgres({ url: opts.url, ...(opts.schema ? { schema: opts.schema } : {}) })
      : await connectSqlite({ filename: opts.url });
  try {
    await migrateToLatest(db);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return {
    engine,
    store: new ContentStore(db),
    ready: async () => {
      try {
        return await migrationsCurrent(db);
      } catch {
        // An unreachable database is exactly what "not ready" reports.
        return false;
      }
    },
    close: () => db.destroy(),
  };
}

export function defaultSqlitePath(dataDir: string): string {
  return join(dataDir, 'tsuzuri.sqlite');
}
