// Keeps the OAI-PMH records in step with published content. Like the search index, the
// records remember the content version they were built from; any request that finds the
// version moved (a save in this process, another app server, `db copy`, a demo load) brings
// them up to date before answering. A record whose header or metadata changed gets a new
// datestamp; an item no longer published becomes a deleted record, kept for good; one that is
// published again comes back.
import { createHash, randomBytes } from 'node:crypto';
import type { Exhibition, Institution, Lang, Person, Place } from '../domain/types.ts';
import type { ContentChange } from '../services/content.ts';
import type { Storage } from '../storage/index.ts';
import { dcFields, type DcContext } from './dc.ts';
import { exhibitionSpec, itemSets, placementSets } from './sets.ts';
import { oaiDb, type OaiDb } from './tables.ts';

const READ_BATCH = 500;
const WRITE_BATCH = 200;

export interface SyncReport {
  /** False when another process had already brought the records to this version or later. */
  ran: boolean;
  version: number;
  changed: number;
  deleted: number;
  unchanged: number;
}

interface Built {
  itemId: string;
  sets: string[];
  metadata: string;
  fingerprint: string;
}

/** UTC to the second, the repository's granularity: YYYY-MM-DDThh:mm:ssZ. */
export function utcSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface OaiSyncOptions {
  /** Language of the item page URL in dc:identifier. */
  pageLang: Lang;
  now?: () => Date;
  /** Where failures of updates after this process's own writes are reported. */
  onError?: (err: unknown) => void;
}

export class OaiSync {
  readonly db: OaiDb;
  private inflight: Promise<void> | null = null;
  /** Updates for this process's own writes, in commit order. */
  private queue: Promise<void> = Promise.resolve();
  private readonly now: () => Date;

  constructor(
    private readonly storage: Storage,
    private readonly options: OaiSyncOptions,
  ) {
    this.db = oaiDb(storage.db);
    this.now = options.now ?? (() => new Date());
  }

  /** The content version the records stand at (-1 before the first sync). */
  async recordedVersion(): Promise<number> {
    const row = await this.db.selectFrom('oai_state').select('content_version').where('id', '=', 1).executeTakeFirst();
    return row ? Number(row.content_version) : -1;
  }

  /**
   * Brings the records up to the current content version when it moved. Callers in one process
   * share a running sync; across processes the sync's transaction serialises them.
   */
  async ensureCurrent(): Promise<void> {
    // This process's own changes are applied record by record first; a full sync is needed
    // only when the version moved elsewhere (another app server, a copy, a failed update).
    await this.queue;
    // A sync already running may have read an older version than the one seen here: look again after it.
    for (let round = 0; round < 3; round++) {
      const [content, recorded] = await Promise.all([this.storage.store.contentVersion(), this.recordedVersion()]);
      if (recorded >= content) return;
      this.inflight ??= this.sync()
        .then(() => undefined)
        .finally(() => {
          this.inflight = null;
        });
      await this.inflight;
    }
  }

  /** The key resumption tokens are signed with, made once per database. */
  async tokenSecret(): Promise<string> {
    const read = () => this.db.selectFrom('oai_state').select('token_secret').where('id', '=', 1).executeTakeFirst();
    const row = await read();
    if (row) return row.token_secret;
    await this.ensureStateRow(this.db);
    const made = await read();
    if (!made) throw new Error('oai_state has no row after creating it');
    return made.token_secret;
  }

  private async ensureStateRow(db: OaiDb): Promise<void> {
    await db
      .insertInto('oai_state')
      .values({ id: 1, content_version: -1, token_secret: randomBytes(32).toString('hex'), synced_at: null })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }

  /** A listener for ContentService: brings the records a committed change touches up to date. */
  readonly contentChanged = (version: number, changes: readonly ContentChange[]): void => {
    this.queue = this.queue
      .then(() => this.apply(version, changes))
      .then(
        () => undefined,
        (err: unknown) => this.options.onError?.(err),
      );
  };

  /**
   * Updates only the records `changes` touch. It counts as bringing the records to `version`
   * only when they stood at the version just before: otherwise some change in between was
   * made elsewhere, and the next request runs a full sync.
   */
  async apply(version: number, changes: readonly ContentChange[]): Promise<SyncReport> {
    // Not worth reading anything when the records are not at the version just before.
    if ((await this.recordedVersion()) !== version - 1) return { ran: false, version, changed: 0, deleted: 0, unchanged: 0 };
    const scope = await this.affected(changes);
    const built = await this.build(scope);
    await this.ensureStateRow(this.db);
    return this.commit(version, built, scope);
  }

  /** Reads published content as it is now and writes what changed, in one transaction. */
  async sync(): Promise<SyncReport> {
    // Read first: content committed after this is at a later version and syncs again.
    const version = await this.storage.store.contentVersion();
    const built = await this.build(null);
    await this.ensureStateRow(this.db);
    return this.commit(version, built, null);
  }

  /** Item ids whose records a change may alter. */
  private async affected(changes: readonly ContentChange[]): Promise<string[]> {
    const store = this.storage.store;
    const ids = new Set<string>();
    let institutions: Institution[] | null = null;
    for (const c of changes) {
      switch (c.entity) {
        case 'item':
          ids.add(c.id);
          break;
        case 'person':
          for (const id of await store.itemIdsByPerson(c.id, false)) ids.add(id);
          break;
        case 'place':
          for (const r of await this.db.selectFrom('item_places').select('item_id').where('place_id', '=', c.id).execute()) ids.add(r.item_id);
          break;
        case 'institution': {
          // A division's records name its parents too.
          institutions ??= await store.listInstitutions();
          const family = new Set([c.id]);
          for (let grew = true; grew; ) {
            grew = false;
            for (const i of institutions) {
              if (i.parentId && family.has(i.parentId) && !family.has(i.id)) {
                family.add(i.id);
                grew = true;
              }
            }
          }
          for (const id of family) for (const item of await store.itemIdsByInstitution(id, false)) ids.add(item);
          break;
        }
        case 'exhibition': {
          const ex = await store.getExhibition(c.id);
          for (const id of ex?.chapters.flatMap((ch) => ch.sections.flatMap((s) => s.itemIds)) ?? []) ids.add(id);
          // Records placed there before this change leave its sets.
          const spec = exhibitionSpec({ id: c.id });
          if (spec) for (const r of await this.db.selectFrom('oai_record_sets').select('item_id').where('set_spec', '=', spec).execute()) ids.add(r.item_id);
          break;
        }
        case 'page':
          break;
      }
    }
    return [...ids];
  }

  /**
   * Writes the records of `built` that changed and deletes those of `scope` (every record when
   * null) that are no longer published, then records `version`.
   */
  private commit(version: number, built: readonly Built[], scope: readonly string[] | null): Promise<SyncReport> {
    return this.db.transaction().execute(async (trx) => {
      // Taking the row lock first serialises syncs across app servers (PostgreSQL waits on it;
      // SQLite takes its write lock), and the datestamp below is read after it.
      await trx.updateTable('oai_state').set({ synced_at: utcSeconds(this.now()) }).where('id', '=', 1).execute();
      const state = await trx.selectFrom('oai_state').select('content_version').where('id', '=', 1).executeTakeFirstOrThrow();
      const recorded = Number(state.content_version);
      const report: SyncReport = { ran: false, version, changed: 0, deleted: 0, unchanged: 0 };
      // Versions only grow: a sync of an older read must not undo a newer one. A partial update
      // proves the records current only when it follows the recorded version directly.
      if (scope === null ? recorded >= version : recorded !== version - 1) return report;
      report.ran = true;
      const stamp = utcSeconds(this.now());

      const existing = new Map<string, { fingerprint: string; deleted: boolean }>();
      const rows = trx.selectFrom('oai_records').select(['item_id', 'fingerprint', 'deleted']);
      const found =
        scope === null
          ? await rows.execute()
          : (await Promise.all(chunks(scope, READ_BATCH).map((part) => rows.where('item_id', 'in', part).execute()))).flat();
      for (const r of found) existing.set(r.item_id, { fingerprint: r.fingerprint, deleted: Number(r.deleted) === 1 });

      const changed: Built[] = [];
      for (const b of built) {
        const old = existing.get(b.itemId);
        if (old && !old.deleted && old.fingerprint === b.fingerprint) report.unchanged++;
        else changed.push(b);
      }
      const live = new Set(built.map((b) => b.itemId));
      const gone = [...existing].filter(([id, r]) => !r.deleted && !live.has(id)).map(([id]) => id);

      for (let i = 0; i < changed.length; i += WRITE_BATCH) {
        const part = changed.slice(i, i + WRITE_BATCH);
        await trx
          .insertInto('oai_records')
          .values(
            part.map((b) => ({
              item_id: b.itemId,
              datestamp: stamp,
              deleted: 0,
              fingerprint: b.fingerprint,
              set_specs: JSON.stringify(b.sets),
              metadata: b.metadata,
            })),
          )
          .onConflict((oc) =>
            oc.column('item_id').doUpdateSet((eb) => ({
              datestamp: eb.ref('excluded.datestamp'),
              deleted: eb.ref('excluded.deleted'),
              fingerprint: eb.ref('excluded.fingerprint'),
              set_specs: eb.ref('excluded.set_specs'),
              metadata: eb.ref('excluded.metadata'),
            })),
          )
          .execute();
        const ids = part.map((b) => b.itemId);
        await trx.deleteFrom('oai_record_sets').where('item_id', 'in', ids).execute();
        const rows = part.flatMap((b) => b.sets.map((s) => ({ set_spec: s, item_id: b.itemId })));
        for (let j = 0; j < rows.length; j += WRITE_BATCH) await trx.insertInto('oai_record_sets').values(rows.slice(j, j + WRITE_BATCH)).execute();
      }
      // A deleted record keeps its header and set memberships, so selective harvesters learn
      // of it too, but its metadata is dropped: unpublished text is never served.
      for (let i = 0; i < gone.length; i += WRITE_BATCH) {
        await trx
          .updateTable('oai_records')
          .set({ deleted: 1, datestamp: stamp, metadata: null, fingerprint: '' })
          .where('item_id', 'in', gone.slice(i, i + WRITE_BATCH))
          .execute();
      }
      report.changed = changed.length;
      report.deleted = gone.length;
      await trx.updateTable('oai_state').set({ content_version: version }).where('id', '=', 1).execute();
      return report;
    });
  }

  /** Header sets and metadata of the published items among `ids` (every published item when null). */
  private async build(ids: readonly string[] | null): Promise<Built[]> {
    const store = this.storage.store;
    const institutions = new Map((await store.listInstitutions()).map((i) => [i.id, i]));
    const exhibitions: Exhibition[] = [];
    for (const id of await store.listExhibitionIds(true)) {
      const ex = await store.getExhibition(id);
      if (ex) exhibitions.push(ex);
    }
    const placements = placementSets(exhibitions);
    const out: Built[] = [];
    const itemIds = ids ?? (await store.listItemIds(true));
    const people = new Map<string, Person>();
    const places = new Map<string, Place>();
    const ctx: DcContext = { institutions, people, places, pageLang: this.options.pageLang };
    for (let i = 0; i < itemIds.length; i += READ_BATCH) {
      const items = (await store.getItems(itemIds.slice(i, i + READ_BATCH))).filter((it) => it.state === 'published');
      // People and places are read once per sync, not once per batch.
      for (const p of await store.getPeople([...new Set(items.flatMap((it) => it.personIds))].filter((id) => !people.has(id)))) people.set(p.id, p);
      for (const p of await store.getPlaces([...new Set(items.flatMap((it) => it.placeIds))].filter((id) => !places.has(id)))) places.set(p.id, p);
      for (const item of items) {
        const sets = itemSets(item, placements.get(item.id), institutions);
        const metadata = JSON.stringify(dcFields(item, ctx));
        const fingerprint = createHash('sha256').update(JSON.stringify([sets, metadata])).digest('hex');
        out.push({ itemId: item.id, sets, metadata, fingerprint });
      }
    }
    return out;
  }

}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
