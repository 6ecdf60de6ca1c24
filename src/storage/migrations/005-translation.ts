import type { Kysely } from 'kysely';

// Translation state per value: the source-language text a translation was made from (so an
// outdated translation is found by comparing it with the source as it reads now) and who
// last wrote the value.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('texts').addColumn('source_value', 'text').execute();
  await db.schema.alterTable('texts').addColumn('author_id', 'text').execute();
}
