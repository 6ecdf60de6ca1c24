import type { Kysely } from 'kysely';

// A medium may be a record that stays at its archive (a URL and an IIIF Image API service
// there) and may carry WebVTT tracks. Both small structures are kept as JSON text: they are
// read with their medium and never queried by their parts.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('media').addColumn('url', 'text').execute();
  await db.schema.alterTable('media').addColumn('service', 'text').execute();
  await db.schema.alterTable('media').addColumn('captions', 'text').execute();
}
