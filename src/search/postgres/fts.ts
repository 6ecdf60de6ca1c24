// PostgreSQL: a tsvector column on the entry rows, written as a literal, with a GIN index;
// ranked by ts_rank with weights A (title), B (names), D (body).
import { sql } from 'kysely';
import type { ParsedQuery } from '../analyzer.ts';
import { INDEX_TABLES, SLOTS, type EntryTerms, type FtsEngine } from '../kysely/fts.ts';

// tsvector positions run from 1 to 16383; later positions are clamped by PostgreSQL.
const MAX_POSITION = 16383;

function quote(term: string): string {
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * A tsvector literal of an entry. Fields follow each other with one unused position between
 * them, so that a phrase never spans two fields (as FTS5 columns never do).
 */
export function tsvectorLiteral(terms: EntryTerms): string {
  const positions = new Map<string, string[]>();
  let pos = 0;
  const add = (list: readonly string[], weight: string) => {
    for (const t of list) {
      pos++;
      const at = `${Math.min(pos, MAX_POSITION)}${weight}`;
      const p = positions.get(t);
      if (p) p.push(at);
      else positions.set(t, [at]);
    }
    pos++;
  };
  add(terms.title, 'A');
  add(terms.names, 'B');
  add(terms.body, 'D');
  return [...positions].map(([t, ps]) => `${quote(t)}:${ps.join(',')}`).join(' ');
}

/** A tsquery literal: each clause a `<->` phrase, its last term a prefix when asked, all ANDed. */
export function tsqueryLiteral(query: ParsedQuery): string {
  return query.clauses
    .map((c) => `(${c.terms.map((t, i) => `${quote(t)}${c.prefix && i === c.terms.length - 1 ? ':*' : ''}`).join(' <-> ')})`)
    .join(' & ');
}

// ts_rank takes weights in the order D, C, B, A; 0.1 / 0.5 / 1.0 mirror FTS5's 1 / 5 / 10.
const WEIGHTS = '{0.1, 0.2, 0.5, 1.0}';

export const postgresFts: FtsEngine = {
  entryValues: (terms: EntryTerms) => ({ vector: sql`cast(${tsvectorLiteral(terms)} as tsvector)` }),

  insert: async () => undefined,

  remove: async () => undefined,

  clear: async () => undefined,

  async afterRebuild(db) {
    // VACUUM sets the visibility map, without which the index-only scans of the facet join
    // fetch every heap row (measured 2.7× slower at 100,000 records); it cannot run in a transaction.
    for (const table of INDEX_TABLES) await sql`vacuum analyze ${sql.table(table)}`.execute(db);
  },

  // 57014 query_canceled: statement_timeout (TSUZURI_DB_STATEMENT_TIMEOUT_MS) ran out.
  isTimeout: (err) => typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '57014',

  matches(query) {
    return sql`select e.doc_key, cast(e.entry_key % ${sql.lit(SLOTS)} as integer) as slot,
        ts_rank(cast(${WEIGHTS} as real[]), e.vector, q.q, 1) as score
      from search_index_entries e, (select cast(${tsqueryLiteral(query)} as tsquery) as q) q
      where e.vector @@ q.q`;
  },

  async sizes(db) {
    // The tsvectors themselves live in the entry rows; the GIN index is the searchable part.
    const r = await sql<{ gin: string | number | null; total: string | number | null }>`select
        pg_relation_size(to_regclass('search_index_entries_vector')) as gin,
        (select sum(pg_total_relation_size(c.oid)) from pg_class c
          where c.relkind = 'r' and c.relname like 'search_index%' and c.relnamespace = to_regnamespace(current_schema())) as total`.execute(db);
    return { fullText: Number(r.rows[0]?.gin ?? 0), total: Number(r.rows[0]?.total ?? 0) };
  },
};
