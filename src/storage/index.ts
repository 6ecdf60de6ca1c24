import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { ContentStore } from './kysely/content-store.ts';
import { WorkspaceStore } from './kysely/workspace-store.ts';
import type { Database } from './kysely/tables.ts';
import { migrateToLatest, migrationsCurrent } from './migrations/index.ts';
import { connectPostgres } from './postgres/connect.ts';
import { postgresFragments } from './postgres/fragments.ts';
import { sqliteFragments } from './sqlite/fragments.ts';
import { connectSqlite } from './sqlite/connect.ts';

export { ContentStore, type Placement } from './kysely/content-store.ts';
export { WorkspaceStore, type Revision, type RevisionState, type UserRecord, type AuditEntry } from './kysely/workspace-store.ts';

export type Engine = 'sqlite' | 'postgres';

export interface Storage {
  engine: Engine;
  store: ContentStore;
  /** Accounts, sessions, revisions and audit log of the workspace. */
  workspace: WorkspaceStore;
  /** The query builder itself, for storage-level tools (copy, introspection); services use `store`. */
  db: Kysely<Database>;
  /** Runs `fn` with both stores on one transaction: content and workspace change together or not at all. */
  transaction<T>(fn: (tx: { store: ContentStore; workspace: WorkspaceStore }) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` with a Storage bound to one transaction: services built on it (ContentService,
   * WorkflowService…) join that transaction instead of opening their own, so a whole import
   * lands or nothing does. Throwing (or an aborted signal checked by `fn`) rolls back. Services
   * built on the bound storage must not tell listeners of changes before the commit: give them
   * a listener that collects, and replay after this returns.
   */
  atomically<T>(fn: (bound: Storage) => Promise<T>): Promise<T>;
  /** True when the database answers and every migration is applied. */
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

export interface StorageOptions {
  /** `postgres://…`, a SQLite file path, or ":memory:". */
  url: string;
  /** PostgreSQL schema to use (tests give each run its own). */
  schema?: string;
  /** PostgreSQL pool size. */
  poolSize?: number;
  /** PostgreSQL statement timeout in ms. */
  statementTimeoutMs?: number;
}

export function engineOf(url: string): Engine {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}

/** Takes our own `schema` parameter off a PostgreSQL URL (pg would pass it to the server). */
export function splitSchema(url: string): { url: string; schema?: string } {
  if (engineOf(url) !== 'postgres') return { url };
  const u = new URL(url);
  const schema = u.searchParams.get('schema') ?? undefined;
  u.searchParams.delete('schema');
  return schema ? { url: u.toString(), schema } : { url: u.toString() };
}

/** Opens the database named by `url` and applies pending migrations. */
export async function openStorage(options: StorageOptions): Promise<Storage> {
  const fromUrl = splitSchema(options.url);
  const opts = { ...options, url: fromUrl.url, schema: options.schema ?? fromUrl.schema };
  const engine = engineOf(opts.url);
  const db: Kysely<Database> =
    engine === 'postgres'
      ? await connectPostgres({
          url: opts.url,
          ...(opts.schema ? { schema: opts.schema } : {}),
          ...(opts.poolSize ? { poolSize: opts.poolSize } : {}),
          ...(opts.statementTimeoutMs ? { statementTimeoutMs: opts.statementTimeoutMs } : {}),
        })
      : await connectSqlite({ filename: opts.url });
  const fragments = engine === 'postgres' ? postgresFragments : sqliteFragments;
  const ready = async () => {
    try {
      return await migrationsCurrent(db, engine === 'postgres' ? opts.schema : undefined);
    } catch {
      // An unreachable database is exactly what "not ready" reports.
      return false;
    }
  };
  try {
    await migrateToLatest(db, engine === 'postgres' ? opts.schema : undefined);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return {
    engine,
    db,
    store: new ContentStore(db, fragments),
    workspace: new WorkspaceStore(db, fragments),
    transaction: (fn) =>
      db.transaction().execute((trx) => fn({ store: new ContentStore(trx, fragments), workspace: new WorkspaceStore(trx, fragments) })),
    atomically: (fn) =>
      db.transaction().execute((trx) => {
        const tx = { store: new ContentStore(trx, fragments), workspace: new WorkspaceStore(trx, fragments) };
        const bound: Storage = {
          engine,
          db: trx,
          ...tx,
          transaction: (inner) => inner(tx),
          atomically: (inner) => inner(bound),
          ready,
          close: () => Promise.reject(new Error('a transaction-bound storage is closed by its owner')),
        };
        return fn(bound);
      }),
    ready,
    close: () => db.destroy(),
  };
}

export function defaultSqlitePath(dataDir: string): string {
  return join(dataDir, 'tsuzuri.sqlite');
}
