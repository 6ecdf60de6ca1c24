import type { Kysely } from 'kysely';

// Written with Kysely's schema builder and portable column types only, so the same
// migration runs on SQLite and PostgreSQL. Booleans are integers 0/1; dates are ISO text.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('site_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('content_version', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('site_state').values({ id: 1, content_version: 1 }).execute();

  await db.schema
    .createTable('languages')
    .addColumn('tag', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('dir', 'text', (c) => c.notNull())
    .addColumn('fallback', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('institutions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parent_id', 'text', (c) => c.references('institutions.id'))
    .addColumn('scheme', 'text', (c) => c.notNull())
    .addColumn('homepage', 'text')
    .addColumn('country', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('culture', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('person_names')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('family', 'text')
    .addColumn('given', 'text')
    .addColumn('patronymic', 'text')
    .addColumn('patronymic_initial', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_names_pk', ['person_id', 'lang'])
    .execute();

  await db.schema.createTable('places').addColumn('id', 'text', (c) => c.primaryKey()).execute();

  await db.schema
    .createTable('items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addColumn('reference_code', 'text')
    .addColumn('reference_sort', 'text')
    .addColumn('date_edtf', 'text')
    .addColumn('date_from', 'text')
    .addColumn('date_to', 'text')
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('rights', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('items_institution').on('items').columns(['institution_id', 'reference_sort']).execute();
  // One record per reference code within an archive: the code is the record's identity there.
  await db.schema
    .createIndex('items_reference_unique')
    .on('items')
    .columns(['institution_id', 'reference_code'])
    .unique()
    .execute();

  for (const [table, col, target] of [
    ['item_people', 'person_id', 'people.id'],
    ['item_places', 'place_id', 'places.id'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('item_id', 'text', (c) => c.notNull().references('items.id').onDelete('cascade'))
      .addColumn(col, 'text', (c) => c.notNull().references(target))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['item_id', col])
      .execute();
    await db.schema.createIndex(`${table}_${col}`).on(table).column(col).execute();
  }

  await db.schema
    .createTable('media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('duration', 'real')
    .addColumn('placeholder', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('media_item').on('media').column('item_id').execute();

  await db.schema
    .createTable('exhibitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('source_lang', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('exhibition_institutions')
    .addColumn('exhibition_id', 'text', (c) => c.notNull().references('exhibitions.id').onDelete('cascade'))
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('exhibition_institutions_pk', ['exhibition_id', 'institution_id'])
    .execute();

  await db.schema
    .createTable('chapters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('exhibition_id', 'text', (c) => c.notNull().references('exhibitions.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('number', 'integer')
    .addColumn('period', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('chapters_slug_unique', ['exhibition_id', 'slug'])
    .execute();

  await db.schema
    .createTable('sections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('chapter_id', 'text', (c) => c.notNull().references('chapters.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sections_chapter').on('sections').column('chapter_id').execute();

  await db.schema
    .createTable('placements')
    .addColumn('section_id', 'text', (c) => c.notNull().references('sections.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('placements_pk', ['section_id', 'item_id'])
    .execute();
  await db.schema.createIndex('placements_item').on('placements').column('item_id').execute();

  await db.schema.createTable('site_pages').addColumn('id', 'text', (c) => c.primaryKey()).execute();

  await db.schema
    .createTable('texts')
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('texts_pk', ['entity', 'entity_id', 'field', 'lang'])
    .execute();

  // The three languages of the first exhibition; administrators add more later.
  await db
    .insertInto('languages')
    .values([
      { tag: 'ja', name: '日本語', dir: 'ltr', fallback: 'en', position: 1 },
      { tag: 'mn', name: 'Монгол', dir: 'ltr', fallback: 'en', position: 2 },
      { tag: 'en', name: 'English', dir: 'ltr', fallback: 'ja,mn', position: 3 },
    ])
    .execute();
}
