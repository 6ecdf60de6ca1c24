// SQLite: a contentless FTS5 table keyed by entry_key, ranked by bm25 with column weights.
import { sql } from 'kysely';
import type { ParsedQuery } from '../analyzer.ts';
import { INDEX_TABLES, SLOTS, type EntryTerms, type FtsEngine } from '../kysely/fts.ts';

const BATCH = 300;

/** An FTS5 query: each clause a quoted phrase, its last term a prefix when asked, all ANDed. */
export function ftsQuery(query: ParsedQuery): string {
  return query.clauses
    .map((c) => `"${c.terms.map((t) => t.replace(/"/g, '""')).join(' ')}"${c.prefix ? '*' : ''}`)
    .join(' AND ');
}

export const sqliteFts: FtsEngine = {
  entryValues: () => ({}),

  async insert(db, entries) {
    for (let i = 0; i < entries.length; i += BATCH) {
      const part = entries.slice(i, i + BATCH);
      const rows = part.map(
        (e: { key: number; terms: EntryTerms }) =>
          sql`(${e.key}, ${e.terms.title.join(' ')}, ${e.terms.names.join(' ')}, ${e.terms.body.join(' ')})`,
      );
      await sql`insert into search_index_fts (rowid, title, names, body) values ${sql.join(rows)}`.execute(db);
    }
  },

  async remove(db, keys) {
    for (let i = 0; i < keys.length; i += BATCH) {
      await sql`delete from search_index_fts where rowid in (${sql.join(keys.slice(i, i + BATCH))})`.execute(db);
    }
  },

  async afterRebuild(db) {
    for (const table of INDEX_TABLES) await sql`analyze ${sql.table(table)}`.execute(db);
  },

  // better-sqlite3 runs statements to the end: there is no time limit to run past.
  isTimeout: () => false,

  async clear(db) {
    await sql`insert into search_index_fts (search_index_fts) values ('delete-all')`.execute(db);
  },

  matches(query) {
    // The entry key carries document and language, so the FTS5 table answers alone. bm25() is
    // lower for better matches; it is negated so that both engines rank descending.
    return sql`select f.rowid / ${sql.lit(SLOTS)} as doc_key, f.rowid % ${sql.lit(SLOTS)} as slot, -bm25(search_index_fts, 10.0, 5.0, 1.0) as score
      from search_index_fts f
      where search_index_fts match ${ftsQuery(query)}`;
  },

  async sizes(db) {
    const r = await sql<{ fts: number | null; total: number | null }>`select
        sum(case when name like 'search_index_fts%' then pgsize else 0 end) as fts,
        sum(pgsize) as total
      from dbstat
      where name like 'search_index%' or name like 'sqlite_autoindex_search_index%'`.execute(db);
    return { fullText: Number(r.rows[0]?.fts ?? 0), total: Number(r.rows[0]?.total ?? 0) };
  },
};
