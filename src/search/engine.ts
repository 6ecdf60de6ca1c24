// Which engine a connection talks to, decided in one place for the search code and its migration.
import { PostgresAdapter, type Kysely } from 'kysely';
import type { Engine } from '../storage/index.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- works on any schema, including inside migrations
export function engineOfDb(db: Kysely<any>): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
