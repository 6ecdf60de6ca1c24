// Row shapes of the OAI-PMH tables (migration 006). `oai_records` and `oai_record_sets` are
// content: datestamps and deletions cannot be rebuilt from the content tables, so `db copy`
// carries them. `oai_state` is per database (sync bookmark, token key) and is made anew.
import type { Kysely } from 'kysely';
import type { Database } from '../storage/kysely/tables.ts';

export type OaiRecordsTable = {
  item_id: string;
  /** YYYY-MM-DDThh:mm:ssZ: when this record last changed (or was deleted). */
  datestamp: string;
  /** 0 | 1 */
  deleted: number;
  /** SHA-256 of the header sets and metadata; a new one gives a new datestamp. */
  fingerprint: string;
  /** JSON array of the set specs the header lists (ancestors included). */
  set_specs: string;
  /** JSON of the Dublin Core fields (see dc.ts); null for a deleted record. */
  metadata: string | null;
};

export type OaiRecordSetsTable = {
  set_spec: string;
  item_id: string;
};

export type OaiStateTable = {
  id: number;
  content_version: number;
  token_secret: string;
  synced_at: string | null;
};

export type OaiTables = {
  oai_records: OaiRecordsTable;
  oai_record_sets: OaiRecordSetsTable;
  oai_state: OaiStateTable;
};

export type OaiDatabase = Database & OaiTables;
export type OaiDb = Kysely<OaiDatabase>;

export function oaiDb(db: Kysely<Database>): OaiDb {
  return db.withTables<OaiTables>();
}
