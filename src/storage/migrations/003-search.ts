import { sql, type Kysely } from 'kysely';
import { engineOfDb } from '../../search/engine.ts';

// Search tables. Portable tables are written with the schema builder; the full-text index
// itself differs by engine: an FTS5 table in SQLite, a tsvector column with a GIN index in
// PostgreSQL. Both are filled with the terms of the application's analyzer (src/search/).
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  const engine = engineOfDb(db);

  // Content: variant names and readings curators add to people, places and institutions.
  await db.schema
    .createTable('search_name_variants')
    .addColumn('entity_kind', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('lang', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_name_variants_pk', ['entity_kind', 'entity_id', 'value'])
    .execute();

  // Everything below is derived from content and rebuilt by `tsuzuri reindex`.
  await db.schema
    .createTable('search_index_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('analyzer_version', 'text', (c) => c.notNull())
    .addColumn('content_version', 'integer', (c) => c.notNull())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('built_at', 'text')
    .addColumn('rebuild_started_at', 'text')
    .execute();

  // Documents (an item, a chapter, a person) with the attributes results are filtered and
  // counted by. The key is SQLite's rowid alias, a PostgreSQL identity column.
  await db.schema
    .createTable('search_index_docs')
    .addColumn('doc_key', 'integer', (c) => (engine === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey()))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('institution_id', 'text')
    .addColumn('media_type', 'text')
    .addColumn('date_from', 'text')
    .addColumn('date_to', 'text')
    .addColumn('decade', 'integer')
    .addUniqueConstraint('search_index_docs_entity', ['kind', 'entity_id'])
    .execute();

  // Languages of indexed text, numbered so that an entry's key can carry its language.
  await db.schema
    .createTable('search_index_langs')
    .addColumn('slot', 'integer', (c) => c.primaryKey())
    .addColumn('tag', 'text', (c) => c.notNull().unique())
    .execute();

  // One entry per document and language: entry_key = doc_key × 64 + language slot, so the
  // full-text index alone tells which document and language matched, without a join.
  await db.schema
    .createTable('search_index_entries')
    .addColumn('entry_key', engine === 'postgres' ? 'bigint' : 'integer', (c) => c.primaryKey())
    .addColumn('doc_key', 'integer', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('search_index_entries_doc').on('search_index_entries').column('doc_key').execute();

  await db.schema
    .createTable('search_index_facets')
    .addColumn('doc_key', 'integer', (c) => c.notNull())
    .addColumn('facet', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_index_facets_pk', ['doc_key', 'facet', 'value'])
    .execute();
  await db.schema.createIndex('search_index_facets_value').on('search_index_facets').columns(['facet', 'value']).execute();

  await db.schema
    .createTable('search_index_names')
    .addColumn('entity_kind', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('lang', 'text')
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('form_key', 'text', (c) => c.notNull())
    .addColumn('latin_key', 'text')
    .addColumn('skeleton', 'text')
    .execute();
  await db.schema.createIndex('search_index_names_entity').on('search_index_names').columns(['entity_kind', 'entity_id']).execute();
  await db.schema.createIndex('search_index_names_form').on('search_index_names').column('form_key').execute();
  await db.schema.createIndex('search_index_names_latin').on('search_index_names').column('latin_key').execute();
  await db.schema.createIndex('search_index_names_skeleton').on('search_index_names').column('skeleton').execute();

  if (engine === 'postgres') {
    // Written by the application as a tsvector literal: no parser, dictionary or locale involved.
    await db.schema.alterTable('search_index_entries').addColumn('vector', sql`tsvector`, (c) => c.notNull()).execute();
    await sql`CREATE INDEX search_index_entries_vector ON search_index_entries USING gin (vector)`.execute(db);
  } else {
    // Contentless: the text lives in the content tables; the index keeps only terms. The terms
    // are the analyzer's, separated by spaces, so the plain ASCII tokenizer only splits them.
    await sql`CREATE VIRTUAL TABLE search_index_fts USING fts5(
      title, names, body,
      content = '', contentless_delete = 1, tokenize = 'ascii', detail = full
    )`.execute(db);
  }
}
