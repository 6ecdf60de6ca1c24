// Row shapes of the search tables (type aliases: Kysely's withTables needs index-compatible types). `search_name_variants` is content (curators write it; the
// copy command carries it); every `search_index_*` table is derived from content and can be
// rebuilt at any time with `tsuzuri reindex`.
import type { Generated, Kysely } from 'kysely';
import type { Database } from '../../storage/kysely/tables.ts';

export type SearchNameVariantsTable = {
  entity_kind: string;
  entity_id: string;
  value: string;
  lang: string | null;
  /** 'variant' | 'reading' */
  kind: string;
  created_at: string;
}

export type SearchIndexStateTable = {
  id: number;
  analyzer_version: string;
  /** The content version the index was last brought up to. */
  content_version: number;
  /** Stamp of the last full rebuild; documents not rewritten by it are swept. */
  generation: number;
  built_at: string | null;
  /** Set while a process rebuilds, so other app servers do not start the same rebuild. */
  rebuild_started_at: string | null;
}

export type SearchIndexDocsTable = {
  doc_key: Generated<number>;
  kind: string;
  entity_id: string;
  generation: number;
  institution_id: string | null;
  media_type: string | null;
  /** Earliest and latest day the document's date covers (YYYY-MM-DD). */
  date_from: string | null;
  date_to: string | null;
  decade: number | null;
};

/** Languages of indexed text by slot (0–63), the low bits of an entry key. */
export type SearchIndexLangsTable = {
  slot: number;
  tag: string;
};

/** One row per document and language; entry_key = doc_key × 64 + slot keys the full-text index. */
export type SearchIndexEntriesTable = {
  entry_key: number;
  doc_key: number;
  lang: string;
};

export type SearchIndexFacetsTable = {
  doc_key: number;
  facet: string;
  value: string;
}

/** Labels of people, places and institutions with the keys they are resolved by. */
export type SearchIndexNamesTable = {
  entity_kind: string;
  entity_id: string;
  lang: string | null;
  label: string;
  source: string;
  form_key: string;
  latin_key: string | null;
  skeleton: string | null;
}

export type SearchTables = {
  search_name_variants: SearchNameVariantsTable;
  search_index_state: SearchIndexStateTable;
  search_index_docs: SearchIndexDocsTable;
  search_index_langs: SearchIndexLangsTable;
  search_index_entries: SearchIndexEntriesTable;
  search_index_facets: SearchIndexFacetsTable;
  search_index_names: SearchIndexNamesTable;
}

export type SearchDatabase = Database & SearchTables;
export type SearchDb = Kysely<SearchDatabase>;

export function searchDb(db: Kysely<Database>): SearchDb {
  return db.withTables<SearchTables>();
}
