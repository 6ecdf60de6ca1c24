// Copies a whole database between engines (SQLite ⇄ PostgreSQL), table by table, in one
// transaction on the target. Media files are not copied: they live on disk or shared storage.
import { sql, type Kysely } from 'kysely';
import type { Database } from './kysely/tables.ts';
import type { OaiTables } from '../oai/tables.ts';
import type { SearchDatabase } from '../search/kysely/tables.ts';

/**
 * Every table, parents before children. A test checks this list against the tables the
 * migrations create, so a table added later cannot be forgotten by the copy.
 */
export const TABLES_IN_COPY_ORDER = [
  'site_state',
  'languages',
  'institutions',
  'people',
  'person_names',
  'places',
  'items',
  'item_people',
  'item_places',
  'media',
  'exhibitions',
  'exhibition_institutions',
  'chapters',
  'sections',
  'placements',
  'site_pages',
  'texts',
  'users',
  'user_roles',
  'sessions',
  'signin_failures',
  'revisions',
  'audit_log',
  'search_name_variants',
  // OAI-PMH datestamps and deleted records are history a harvester relies on: never rebuilt.
  'oai_records',
  'oai_record_sets',
] as const satisfies readonly (keyof (SearchDatabase & OaiTables))[];

/**
 * The search index (tables named `search_index…`, with SQLite's FTS5 shadow tables) is derived
 * from content and differs by engine: it is never copied. A copied database rebuilds it at its
 * first start (the content version moved), or at once with `tsuzuri reindex`.
 */
export function isDerivedTable(name: string): boolean {
  // oai_state: the target makes its own token key and re-checks its records at the first request.
  return name.startsWith('search_index') || name === 'oai_state';
}

/** Tables a fresh, migrated database already fills; everything else must be empty to copy into. */
const SEEDED = new Set<string>(['site_state', 'languages']);

export class CopyError extends Error {}

export interface CopyReport {
  rows: Record<string, number>;
}

const BATCH = 400;

type AnyRow = Record<string, unknown>;

/** Institutions reference their parents: order them so that a parent is always inserted first. */
function parentsFirst(rows: AnyRow[]): AnyRow[] {
  const byId = new Map(rows.map((r) => [r['id'], r]));
  const depth = (r: AnyRow, seen = new Set<unknown>()): number => {
    const parent = byId.get(r['parent_id']);
    if (!parent || seen.has(r['id'])) return 0;
    seen.add(r['id']);
    return 1 + depth(parent, seen);
  };
  return [...rows].sort((a, b) => depth(a) - depth(b));
}

export async function copyDatabase(from: Kysely<Database>, to: Kysely<Database>, opts: { replace?: boolean } = {}): Promise<CopyReport> {
  // Untyped views: the copy works on rows as they are, whatever their columns.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const src = from as unknown as Kysely<any>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const dst = to as unknown as Kysely<any>;
  const rows: Record<string, number> = {};
  await dst.transaction().execute(async (trx) => {
    if (!opts.replace) {
      for (const table of TABLES_IN_COPY_ORDER) {
        if (SEEDED.has(table)) continue;
        const hit = await trx.selectFrom(table).select(sql`1`.as('x')).limit(1).executeTakeFirst();
        if (hit) throw new CopyError(`target is not empty (table ${table} has rows); use --replace to overwrite it`);
      }
    }
    const targetVersion = (await trx.selectFrom('site_state').select('content_version').where('id', '=', 1).executeTakeFirst()) as
      | { content_version: number }
      | undefined;
    for (const table of [...TABLES_IN_COPY_ORDER].reverse()) await trx.deleteFrom(table).execute();
    for (const table of TABLES_IN_COPY_ORDER) {
      let data = (await src.selectFrom(table).selectAll().execute()) as AnyRow[];
      if (table === 'institutions') data = parentsFirst(data);
      if (table === 'site_state') {
        // Move the version past both sides, so every app server drops what it has cached.
        data = data.map((r) => ({ ...r, content_version: Math.max(Number(r['content_version']), targetVersion?.content_version ?? 0) + 1 }));
      }
      for (let i = 0; i < data.length; i += BATCH) await trx.insertInto(table).values(data.slice(i, i + BATCH)).execute();
      const count = (await trx.selectFrom(table).select(sql<string | number>`count(*)`.as('n')).executeTakeFirst()) as { n: string | number };
      if (Number(count.n) !== data.length) throw new CopyError(`table ${table}: wrote ${data.length} rows but the target holds ${count.n}`);
      rows[table] = data.length;
    }
  });
  return { rows };
}
