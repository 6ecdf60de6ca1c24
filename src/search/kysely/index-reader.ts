// Reads the search index: ranked hits, counts and facets in one statement, and authority names.
// Written once over Kysely; the engine supplies only the matching subquery.
import { sql, type RawBuilder } from 'kysely';
import type { ParsedQuery } from '../analyzer.ts';
import type { AuthorityKind, DocKind } from '../documents.ts';
import type { NameKeys } from '../names.ts';
import { SLOTS, type FtsEngine } from './fts.ts';
import type { SearchDb } from './tables.ts';

export interface IndexFilters {
  kind?: DocKind;
  institution?: string;
  media?: string;
  decade?: number;
  /** Language of the matched text. */
  lang?: string;
  /** Overlap with a date range, YYYY-MM-DD. */
  from?: string;
  to?: string;
  exhibition?: string;
  chapter?: string;
  person?: string;
}

export const FACETS = ['kind', 'exhibition', 'chapter', 'institution', 'decade', 'media', 'person', 'lang'] as const;
export type FacetName = (typeof FACETS)[number];

export interface IndexQuery {
  /** Null: every document passing the filters, unranked. */
  query: ParsedQuery | null;
  filters: IndexFilters;
  limit: number;
  offset: number;
}

export interface IndexHit {
  kind: DocKind;
  entityId: string;
  score: number;
  /** Languages whose text matched, best first. */
  langs: string[];
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface IndexResult {
  total: number;
  hits: IndexHit[];
  facets: Record<FacetName, FacetCount[]>;
  /** Earliest and latest day among the matched documents. */
  dates: { from: string | null; to: string | null };
}

interface ResultRow {
  part: string;
  a: string | null;
  b: string | null;
  c: string | null;
  e: string | null;
  n: string | number | null;
  score: number | null;
  doc_key: number | null;
}

const LIST_FACETS = ['exhibition', 'chapter', 'person'] as const;

/** Conditions on documents (`x`, a search_index_docs row). */
function docFilters(f: IndexFilters): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [];
  if (f.kind) where.push(sql`x.kind = ${f.kind}`);
  if (f.institution) where.push(sql`x.institution_id = ${f.institution}`);
  if (f.media) where.push(sql`x.media_type = ${f.media}`);
  if (f.decade !== undefined) where.push(sql`x.decade = ${f.decade}`);
  if (f.from) where.push(sql`x.date_to >= ${f.from}`);
  if (f.to) where.push(sql`x.date_from <= ${f.to}`);
  for (const facet of LIST_FACETS) {
    const value = f[facet];
    if (value) where.push(sql`x.doc_key in (select doc_key from search_index_facets where facet = ${facet} and value = ${value})`);
  }
  return where;
}

const where = (conds: RawBuilder<unknown>[]) => (conds.length ? sql`where ${sql.join(conds, sql` and `)}` : sql``);

/** A search that matched so much that counting it ran past the database's time limit. */
export class IndexTimeoutError extends Error {}

export class IndexReader {
  constructor(
    private readonly db: SearchDb,
    private readonly fts: FtsEngine,
  ) {}

  /** Language tags by slot. */
  async langs(): Promise<Map<number, string>> {
    const rows = await this.db.selectFrom('search_index_langs').select(['slot', 'tag']).execute();
    return new Map(rows.map((r) => [Number(r.slot), r.tag]));
  }

  async search(q: IndexQuery): Promise<IndexResult> {
    const langs = await this.langs();
    const source = q.query
      ? this.fts.matches(q.query)
      : sql`select doc_key, entry_key - doc_key * ${sql.lit(SLOTS)} as slot, 0.0 as score from search_index_entries`;
    let slotFilter = sql``;
    if (q.filters.lang !== undefined) {
      const slot = [...langs].find(([, tag]) => tag === q.filters.lang)?.[0] ?? -1;
      slotFilter = sql`where s.slot = ${slot}`;
    }
    const docConds = docFilters(q.filters);
    // With document filters, a language counts only the documents that pass them.
    const langSource = docConds.length ? sql`m join d on d.doc_key = m.doc_key` : sql`m`;
    // One statement matches once (materialized) and answers hits, counts and every facet from
    // it: separate queries would each run the full-text match again. Matches are grouped by
    // document before documents are joined, so the join costs one lookup per document. The
    // CROSS JOIN keeps SQLite from scanning every facet row to probe the (small) match set.
    const statement = sql<ResultRow>`
      with m as materialized (
        select s.doc_key, s.slot, s.score from (${source}) s ${slotFilter}
      ),
      d as materialized (
        select x.doc_key, g.score, x.kind, x.institution_id, x.media_type, x.decade, x.date_from, x.date_to
        from (select doc_key, max(score) as score from m group by doc_key) g
        join search_index_docs x on x.doc_key = g.doc_key
        ${where(docConds)}
      ),
      h as materialized (
        select doc_key, score from d order by score desc, doc_key limit ${q.limit} offset ${q.offset}
      )
      select cast('hit' as text) as part, x.kind as a, x.entity_id as b, cast(null as text) as c, cast(null as text) as e,
        cast(null as text) as f, cast(0 as bigint) as n, cast(h.score as double precision) as score, h.doc_key as doc_key
        from h join search_index_docs x on x.doc_key = h.doc_key
      union all select 'hit-lang', cast(m.slot as text), null, null, null, null, 0, m.score, m.doc_key from m join h on h.doc_key = m.doc_key
      union all select 'combo', kind, institution_id, media_type, cast(decade as text), null, count(*), null, null
        from d group by kind, institution_id, media_type, decade
      union all select 'dates', min(date_from), max(date_to), null, null, null, 0, null, null from d
      union all select 'lang', cast(m.slot as text), null, null, null, null, count(*), null, null from ${langSource} group by m.slot
      union all select f.facet, f.value, null, null, null, null, count(*), null, null
        from d cross join search_index_facets f where f.doc_key = d.doc_key group by f.facet, f.value
    `;
    let result;
    try {
      result = await statement.execute(this.db);
    } catch (err) {
      if (this.fts.isTimeout(err)) throw new IndexTimeoutError('the search took too long', { cause: err });
      throw err;
    }

    const facets = Object.fromEntries(FACETS.map((f) => [f, [] as FacetCount[]])) as Record<FacetName, FacetCount[]>;
    const hits: (IndexHit & { docKey: number })[] = [];
    const hitLangs = new Map<number, { lang: string; score: number }[]>();
    let total = 0;
    const comboCounts: Partial<Record<FacetName, Map<string, number>>> = {};
    let dates: IndexResult['dates'] = { from: null, to: null };
    for (const r of result.rows) {
      switch (r.part) {
        case 'hit':
          hits.push({ kind: r.a as DocKind, entityId: r.b ?? '', score: Number(r.score ?? 0), langs: [], docKey: Number(r.doc_key) });
          break;
        case 'hit-lang': {
          const key = Number(r.doc_key);
          const list = hitLangs.get(key) ?? [];
          list.push({ lang: langs.get(Number(r.a)) ?? '', score: Number(r.score ?? 0) });
          hitLangs.set(key, list);
          break;
        }
        case 'combo': {
          // One group per combination of kind, holder, medium and decade (a few hundred at
          // most): one pass over the matches serves four facets and the total.
          const n = Number(r.n ?? 0);
          total += n;
          const add = (facet: FacetName, value: string | null) => {
            if (value === null) return;
            const counts = (comboCounts[facet] ??= new Map<string, number>());
            counts.set(value, (counts.get(value) ?? 0) + n);
          };
          add('kind', r.a);
          add('institution', r.b);
          add('media', r.c);
          add('decade', r.e);
          break;
        }
        case 'dates':
          dates = { from: r.a, to: r.b };
          break;
        case 'lang':
          facets.lang.push({ value: langs.get(Number(r.a)) ?? '', count: Number(r.n ?? 0) });
          break;
        default:
          if ((FACETS as readonly string[]).includes(r.part) && r.a !== null) facets[r.part as FacetName].push({ value: r.a, count: Number(r.n ?? 0) });
      }
    }
    for (const [facet, counts] of Object.entries(comboCounts) as [FacetName, Map<string, number>][]) {
      for (const [value, count] of counts) facets[facet].push({ value, count });
    }
    hits.sort((a, b) => b.score - a.score || a.docKey - b.docKey);
    for (const h of hits) {
      h.langs = (hitLangs.get(h.docKey) ?? []).sort((a, b) => b.score - a.score || (a.lang < b.lang ? -1 : 1)).map((l) => l.lang);
    }
    for (const list of Object.values(facets)) list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    return { total, hits: hits.map(({ docKey: _docKey, ...h }) => h), facets, dates };
  }

  /** Entities whose labels match, by the first key that finds any: exact form, Latin key, skeleton. */
  async resolveName(keys: NameKeys, kinds: readonly AuthorityKind[]): Promise<ResolvedName[]> {
    const attempts: [ResolvedName['how'], 'form_key' | 'latin_key' | 'skeleton', string | null][] = [
      ['exact', 'form_key', keys.form],
      ['key', 'latin_key', keys.latin],
      ['skeleton', 'skeleton', keys.skeleton],
    ];
    for (const [how, column, value] of attempts) {
      if (!value) continue;
      const rows = await this.db
        .selectFrom('search_index_names')
        .select(['entity_kind', 'entity_id', 'label', 'lang'])
        .where(column, '=', value)
        .where('entity_kind', 'in', kinds)
        .execute();
      if (rows.length === 0) continue;
      const seen = new Set<string>();
      const out: ResolvedName[] = [];
      for (const r of rows) {
        const k = `${r.entity_kind}\u0000${r.entity_id}`;
        if (seen.has(k)) continue;
        seen.add(k);
        out.push({ kind: r.entity_kind as AuthorityKind, id: r.entity_id, label: r.label, how });
      }
      return out;
    }
    return [];
  }

  /** Labels starting with what was typed (in its own script, or as a Latin key). */
  async suggestNames(form: string, latin: string | null, kinds: readonly AuthorityKind[], limit: number): Promise<NameSuggestion[]> {
    const clean = (s: string) => s.replace(/[%_\\]/g, '');
    const rows = await this.db
      .selectFrom('search_index_names')
      .select(['entity_kind', 'entity_id', 'label', 'lang', 'source'])
      .where('entity_kind', 'in', kinds)
      .where((eb) => {
        const ors = [eb('form_key', 'like', `${clean(form)}%`)];
        if (latin) ors.push(eb('latin_key', 'like', `${clean(latin)}%`));
        return eb.or(ors);
      })
      .limit(200)
      .execute();
    return rows.map((r) => ({ kind: r.entity_kind as AuthorityKind, id: r.entity_id, label: r.label, lang: r.lang, source: r.source })).slice(0, limit * 10);
  }

  /** Labels of the given entities. */
  async labelsOf(kind: AuthorityKind, ids: readonly string[]): Promise<{ id: string; label: string; lang: string | null; source: string }[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('search_index_names')
      .select(['entity_id', 'label', 'lang', 'source'])
      .where('entity_kind', '=', kind)
      .where('entity_id', 'in', [...new Set(ids)])
      .execute();
    return rows.map((r) => ({ id: r.entity_id, label: r.label, lang: r.lang, source: r.source }));
  }

  /**
   * Number of indexed (so published) items linked to each of the given people, from the person
   * facet: an index range per person, where counting through the content tables joins every item.
   */
  async recordCounts(personIds: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (personIds.length === 0) return out;
    const rows = await this.db
      .selectFrom('search_index_facets')
      .select(['value', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('facet', '=', 'person')
      .where('value', 'in', [...new Set(personIds)])
      .groupBy('value')
      .execute();
    for (const r of rows) out.set(r.value, Number(r.n));
    return out;
  }

  /** Whether a document is in the index (the public person pages a resolution may point to). */
  async hasDocs(kind: DocKind, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('search_index_docs')
      .select('entity_id')
      .where('kind', '=', kind)
      .where('entity_id', 'in', [...new Set(ids)])
      .execute();
    return new Set(rows.map((r) => r.entity_id));
  }
}

export interface ResolvedName {
  kind: AuthorityKind;
  id: string;
  label: string;
  how: 'exact' | 'key' | 'skeleton';
}

export interface NameSuggestion {
  kind: AuthorityKind;
  id: string;
  label: string;
  lang: string | null;
  source: string;
}
