// Every storage test runs on every engine. DIALECTS=sqlite,postgres narrows the list;
// TEST_DATABASE_URL names the PostgreSQL server (default: the local one, database "test").
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStorage, type Engine, type Storage } from '../../src/storage/index.ts';
import { connectPostgres, dropPostgresSchema } from '../../src/storage/postgres/connect.ts';

export const PG_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export const ENGINES: Engine[] = (process.env['DIALECTS'] ?? 'sqlite,postgres')
  .split(',')
  .map((s) => s.trim())
  .filter((s): s is Engine => s === 'sqlite' || s === 'postgres');

let pgReachable: Promise<string | null> | null = null;

/** Null when PostgreSQL answers, else the reason it does not. */
export function postgresUnavailable(): Promise<string | null> {
  pgReachable ??= (async () => {
    const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return null;
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return pgReachable;
}

export interface TestStorage extends Storage {
  /** Closes and removes everything the test made (its PostgreSQL schema). */
  dispose(): Promise<void>;
}

/** A fresh, migrated, empty database on `engine`, private to the caller. */
export async function freshStorage(engine: Engine): Promise<TestStorage> {
  if (engine === 'sqlite') {
    const storage = await openStorage({ url: ':memory:' });
    return { ...storage, dispose: () => storage.close() };
  }
  const schema = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const storage = await openStorage({ url: PG_URL, schema });
  return {
    ...storage,
    dispose: async () => {
      await storage.close();
      const admin = await connectPostgres({ url: PG_URL });
      try {
        await dropPostgresSchema(admin, schema);
      } finally {
        await admin.destroy();
      }
    },
  };
}

/**
 * The engines to run a suite on. PostgreSQL is left out, with a printed notice, when the
 * server does not answer; asking for it explicitly (DIALECTS=postgres) makes that an error.
 */
export async function availableEngines(): Promise<Engine[]> {
  const out: Engine[] = [];
  for (const engine of ENGINES) {
    if (engine === 'postgres') {
      const why = await postgresUnavailable();
      if (why) {
        if (process.env['DIALECTS']?.includes('postgres')) throw new Error(`PostgreSQL requested but unreachable: ${why}`);
        console.log(`# NOTICE: PostgreSQL at ${PG_URL.replace(/\/\/[^@]*@/, '//')} unreachable (${why}); PostgreSQL half skipped`);
        continue;
      }
    }
    out.push(engine);
  }
  return out;
}
