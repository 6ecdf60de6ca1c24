import type { Kysely } from 'kysely';

// Open data: the OAI-PMH record table. Records are kept in step with published items by
// src/oai/sync.ts; they are content, not a cache: datestamps and deletions must survive restarts,
// other app servers and `db copy`, because harvesters rely on them (deletedRecord=persistent).
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  // One row per item that was ever published. A deleted row keeps its header (datestamp, sets)
  // but no metadata: what was unpublished is not served any more.
  await db.schema
    .createTable('oai_records')
    .addColumn('item_id', 'text', (c) => c.primaryKey())
    .addColumn('datestamp', 'text', (c) => c.notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('set_specs', 'text', (c) => c.notNull())
    .addColumn('metadata', 'text')
    .execute();
  await db.schema.createIndex('oai_records_datestamp').on('oai_records').columns(['datestamp', 'item_id']).execute();

  // Set membership of each record (ancestors included), for selective harvesting by set.
  await db.schema
    .createTable('oai_record_sets')
    .addColumn('set_spec', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull().references('oai_records.item_id').onDelete('cascade'))
    .addPrimaryKeyConstraint('oai_record_sets_pk', ['set_spec', 'item_id'])
    .execute();
  await db.schema.createIndex('oai_record_sets_item').on('oai_record_sets').column('item_id').execute();

  // The content version the records were last brought up to, and the key resumption tokens
  // are signed with (shared by every app server, kept across restarts).
  await db.schema
    .createTable('oai_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('content_version', 'integer', (c) => c.notNull())
    .addColumn('token_secret', 'text', (c) => c.notNull())
    .addColumn('synced_at', 'text')
    .execute();
}
