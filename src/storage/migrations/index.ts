import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m001 from './001-initial.ts';
import * as m002 from './002-workspace.ts';
import * as m003 from './003-search.ts';
import * as m004 from './004-iiif.ts';
import * as m005 from './005-translation.ts';
import * as m006 from './006-open-data.ts';

// Migrations are listed in code rather than read from a folder, so they work the same
// from a checkout, a package, or a bundled static build.
const migrations: Record<string, Migration> = {
  '001-initial': m001,
  '002-workspace': m002,
  '003-search': m003,
  '004-iiif': m004,
  '005-translation': m005,
  '006-open-data': m006,
};

const provider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};

export const LATEST_MIGRATION = Object.keys(migrations).sort().at(-1) ?? '';

export class MigrationError extends Error {}

/**
 * In a PostgreSQL schema of its own, the migrator's bookkeeping tables must be looked for
 * there: by default it finds them in any schema (another tenant's) and skips creating its own.
 */
function migrationTables(schema: string | undefined): { migrationTableSchema?: string } {
  return schema ? { migrationTableSchema: schema } : {};
}

/**
 * Kysely's PostgreSQL introspection reads every schema of the database and looks each one up by
 * name; a schema another process drops at that moment (another tenant, a test run cleaning up)
 * makes it fail with `schema "…" does not exist`. That is transient: try again.
 */
function droppedMeanwhile(err: unknown): boolean {
  return err instanceof Error && /^schema "[^"]+" does not exist$/.test(err.message);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works below the typed schema
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<void> {
  const migrator = new Migrator({ db, provider, ...migrationTables(schema) });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    const failed = results?.find((r) => r.status === 'Error');
    if (!error && !failed) return;
    if (droppedMeanwhile(error) && attempt < 5) {
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      continue;
    }
    const cause = error instanceof Error ? error.message : String(error ?? '');
    throw new MigrationError(`migration ${failed?.migrationName ?? ''} failed: ${cause}`);
  }
}

/** True when every known migration has been applied. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export async function migrationsCurrent(db: Kysely<any>, schema?: string): Promise<boolean> {
  const migrator = new Migrator({ db, provider, ...migrationTables(schema) });
  for (let attempt = 1; ; attempt++) {
    try {
      const list = await migrator.getMigrations();
      return list.every((m) => m.executedAt !== undefined);
    } catch (err) {
      if (!droppedMeanwhile(err) || attempt >= 5) throw err;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}
