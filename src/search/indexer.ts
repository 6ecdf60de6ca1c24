// Keeps the search index in step with content: a full rebuild, or the documents a set of
// content changes touches. Reads go through ContentStore and ContentSource; each batch of
// writes is one transaction, taken after its reads (SQLite has a single connection).
import type { ContentChange } from '../services/content.ts';
import type { Exhibition, Institution, Item, Person, Place } from '../domain/types.ts';
import type { Storage } from '../storage/index.ts';
import { sql } from 'kysely';
import { ANALYZER_VERSION } from './analyzer.ts';
import {
  chapterDoc,
  institutionChainLabels,
  itemDoc,
  personDoc,
  personLabels,
  textLabels,
  type AuthorityEntry,
  type DocRef,
  type NameLabel,
  type NameVariant,
  type SearchDoc,
} from './documents.ts';
import { ContentSource } from './kysely/content-source.ts';
import type { FtsEngine } from './kysely/fts.ts';
import { IndexWriter } from './kysely/index-writer.ts';
import { searchDb, type SearchDb } from './kysely/tables.ts';
import { postgresFts } from './postgres/fts.ts';
import { sqliteFts } from './sqlite/fts.ts';

const BATCH = 500;
// A rebuild claimed longer ago than this is taken to have died with its process.
const STALE_CLAIM_MS = 30 * 60 * 1000;

export interface RebuildReport {
  items: number;
  chapters: number;
  people: number;
  names: number;
  removed: number;
  ms: number;
}

export interface IndexState {
  analyzerVersion: string;
  contentVersion: number;
  generation: number;
  builtAt: string | null;
}

/** Labels of linked entities, loaded once per run. */
class LabelBook {
  private readonly people = new Map<string, NameLabel[]>();
  private readonly places = new Map<string, NameLabel[]>();
  private readonly institutionLabels = new Map<string, NameLabel[]>();

  constructor(
    private readonly institutions: ReadonlyMap<string, Institution>,
    private readonly variants: ReadonlyMap<string, NameVariant[]>,
  ) {}

  addPeople(people: readonly Person[]): void {
    for (const p of people) this.people.set(p.id, personLabels(p, this.variants.get(`person ${p.id}`)));
  }

  addPlaces(places: readonly Place[]): void {
    for (const p of places) this.places.set(p.id, textLabels(p.name, this.variants.get(`place ${p.id}`)));
  }

  person(id: string): NameLabel[] {
    return this.people.get(id) ?? [];
  }

  hasPerson(id: string): boolean {
    return this.people.has(id);
  }

  hasPlace(id: string): boolean {
    return this.places.has(id);
  }

  place(id: string): NameLabel[] {
    return this.places.get(id) ?? [];
  }

  institution(inst: Institution): NameLabel[] {
    let labels = this.institutionLabels.get(inst.id);
    if (!labels) {
      labels = textLabels(inst.name, this.variants.get(`institution ${inst.id}`));
      this.institutionLabels.set(inst.id, labels);
    }
    return labels;
  }

  linkedTo(item: Item): string[] {
    const out = new Set<string>();
    for (const id of item.personIds) for (const l of this.person(id)) out.add(l.value);
    for (const id of item.placeIds) for (const l of this.place(id)) out.add(l.value);
    for (const l of institutionChainLabels(item.institutionId, this.institutions, (i) => this.institution(i))) out.add(l);
    return [...out];
  }
}

function ftsFor(storage: Storage): FtsEngine {
  return storage.engine === 'postgres' ? postgresFts : sqliteFts;
}

export class Indexer {
  readonly db: SearchDb;
  readonly fts: FtsEngine;
  readonly source: ContentSource;

  constructor(private readonly storage: Storage) {
    this.db = searchDb(storage.db);
    this.fts = ftsFor(storage);
    this.source = new ContentSource(storage.store, this.db);
  }

  private get store() {
    return this.storage.store;
  }

  // ---- state ---------------------------------------------------------------------------

  async state(): Promise<IndexState | null> {
    const row = await this.db.selectFrom('search_index_state').selectAll().where('id', '=', 1).executeTakeFirst();
    if (!row) return null;
    return {
      analyzerVersion: row.analyzer_version,
      contentVersion: Number(row.content_version),
      generation: Number(row.generation),
      builtAt: row.built_at,
    };
  }

  private async ensureStateRow(): Promise<void> {
    await this.db
      .insertInto('search_index_state')
      .values({ id: 1, analyzer_version: '', content_version: -1, generation: 0, built_at: null, rebuild_started_at: null })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }

  /** Why the index must be rebuilt, or null when it is current. */
  async staleness(): Promise<string | null> {
    const state = await this.state();
    if (!state || state.builtAt === null) return 'the index has never been built';
    if (state.analyzerVersion !== ANALYZER_VERSION) return `the analyzer changed (${state.analyzerVersion} → ${ANALYZER_VERSION})`;
    const version = await this.store.contentVersion();
    if (state.contentVersion !== version) return `content moved to version ${version} without the index (at ${state.contentVersion})`;
    return null;
  }

  /**
   * Marks a rebuild as started unless another process started one recently; false when it did.
   * The new generation is published at once, so documents other processes write meanwhile are
   * not swept at the end.
   */
  private async claim(force: boolean): Promise<number | null> {
    await this.ensureStateRow();
    const now = new Date();
    const staleBefore = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
    const res = await this.db
      .updateTable('search_index_state')
      .set((eb) => ({ rebuild_started_at: now.toISOString(), generation: eb('generation', '+', 1) }))
      .where('id', '=', 1)
      .$if(!force, (q) => q.where((eb) => eb.or([eb('rebuild_started_at', 'is', null), eb('rebuild_started_at', '<', staleBefore)])))
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) return null;
    return (await this.state())?.generation ?? null;
  }

  // ---- full rebuild ----------------------------------------------------------------------

  /**
   * Rewrites every document and name from content, then removes what was not rewritten. The
   * index stays usable throughout: documents are replaced batch by batch, not dropped first.
   * Null when another process is already rebuilding (unless `force`).
   */
  async rebuild(opts: { force?: boolean; onProgress?: (done: number, total: number) => void } = {}): Promise<RebuildReport | null> {
    const started = performance.now();
    const generation = await this.claim(opts.force ?? false);
    if (generation === null) return null;
    try {
      const version = await this.store.contentVersion();
      const institutions = new Map((await this.store.listInstitutions()).map((i) => [i.id, i]));
      const variants = await this.source.variants();
      const book = new LabelBook(institutions, variants);
      const people = await this.store.getPeople(await this.store.listPersonIds());
      const places = await this.store.getPlaces(await this.store.listPlaceIds());
      book.addPeople(people);
      book.addPlaces(places);

      const itemIds = await this.store.listItemIds(true);
      for (let i = 0; i < itemIds.length; i += BATCH) {
        const ids = itemIds.slice(i, i + BATCH);
        const docs = await this.itemDocs(await this.store.getItems(ids), book);
        await this.inTransaction((w) => w.write(docs, generation));
        opts.onProgress?.(Math.min(i + BATCH, itemIds.length), itemIds.length);
      }

      let chapters = 0;
      for (const id of await this.store.listExhibitionIds(true)) {
        const ex = await this.store.getExhibition(id);
        if (!ex) continue;
        const docs = ex.chapters.flatMap((c) => chapterDoc(ex, c) ?? []);
        chapters += docs.length;
        await this.inTransaction((w) => w.write(docs, generation));
      }

      // People have no publication state of their own: like their pages, they are public.
      const personDocs = people.map((p) => personDoc(p, book.person(p.id)));
      for (let i = 0; i < personDocs.length; i += BATCH) {
        const part = personDocs.slice(i, i + BATCH);
        await this.inTransaction((w) => w.write(part, generation));
      }

      const names: AuthorityEntry[] = [
        ...people.map((p) => ({ kind: 'person' as const, id: p.id, labels: book.person(p.id) })),
        ...places.map((p) => ({ kind: 'place' as const, id: p.id, labels: book.place(p.id) })),
        ...[...institutions.values()].map((i) => ({ kind: 'institution' as const, id: i.id, labels: book.institution(i) })),
      ];
      let removed = 0;
      await this.inTransaction(async (w) => {
        await w.clearNames();
        await w.writeNames(names);
        removed = await w.sweep(generation);
      });
      await this.fts.afterRebuild(this.db);
      await this.db
        .updateTable('search_index_state')
        .set({
          analyzer_version: ANALYZER_VERSION,
          // Changes committed while this ran have been applied by their own listeners.
          content_version: sql<number>`case when content_version > ${version} then content_version else ${version} end`,
          built_at: new Date().toISOString(),
          rebuild_started_at: null,
        })
        .where('id', '=', 1)
        .execute();
      return {
        items: itemIds.length,
        chapters,
        people: personDocs.length,
        names: names.reduce((n, e) => n + e.labels.length, 0),
        removed,
        ms: performance.now() - started,
      };
    } catch (err) {
      await this.db.updateTable('search_index_state').set({ rebuild_started_at: null }).where('id', '=', 1).execute();
      throw err;
    }
  }

  // ---- incremental -------------------------------------------------------------------------

  /** Brings the documents `changes` touch up to date; `version` is the content version they made. */
  async apply(changes: readonly ContentChange[], version: number | null): Promise<void> {
    await this.ensureStateRow();
    const state = await this.state();
    const generation = state?.generation ?? 0;
    const index = new IndexWriter(this.db, this.fts);

    const itemIds = new Set<string>();
    const personIds = new Set<string>();
    const placeIds = new Set<string>();
    const institutionIds = new Set<string>();
    const exhibitionIds = new Set<string>();
    const institutions = new Map((await this.store.listInstitutions()).map((i) => [i.id, i]));

    for (const c of changes) {
      switch (c.entity) {
        case 'item':
          itemIds.add(c.id);
          break;
        case 'person':
          personIds.add(c.id);
          for (const id of await this.source.itemIdsByPerson(c.id)) itemIds.add(id);
          break;
        case 'place':
          placeIds.add(c.id);
          for (const id of await this.source.itemIdsByPlace(c.id)) itemIds.add(id);
          break;
        case 'institution': {
          // A division's records carry its parents' names too.
          const family = descendants(c.id, institutions);
          for (const id of family) institutionIds.add(id);
          for (const id of await this.source.itemIdsByInstitutions(family)) itemIds.add(id);
          break;
        }
        case 'exhibition':
          exhibitionIds.add(c.id);
          for (const id of await this.source.itemIdsInExhibition(c.id)) itemIds.add(id);
          // Items that were placed there before this change lose its facet.
          for (const id of await index.docsWithFacet('item', 'exhibition', c.id)) itemIds.add(id);
          break;
        case 'page':
          break;
      }
    }

    const variants = new Map([
      ...(await this.source.variants('person')),
      ...(await this.source.variants('place')),
      ...(await this.source.variants('institution')),
    ]);
    const book = new LabelBook(institutions, variants);
    const people = await this.store.getPeople([...personIds]);
    book.addPeople(people);
    book.addPlaces(await this.store.getPlaces([...placeIds]));

    // Items in batches, each its own transaction: an exhibition or a person can touch
    // thousands of records, and searches go on between batches.
    const remove: DocRef[] = [];
    const allItems = [...itemIds];
    for (let i = 0; i < allItems.length; i += BATCH) {
      const ids = allItems.slice(i, i + BATCH);
      const items = await this.store.getItems(ids);
      await this.addLinkedLabels(items, book);
      const docs = await this.itemDocs(items, book);
      const written = new Set(docs.map((d) => d.entityId));
      const gone: DocRef[] = ids.filter((id) => !written.has(id)).map((id) => ({ kind: 'item', entityId: id }));
      await this.inTransaction(async (w) => {
        await w.remove(gone);
        await w.write(docs, generation);
      });
    }

    const write: SearchDoc[] = [];
    for (const exId of exhibitionIds) {
      const ex: Exhibition | null = await this.store.getExhibition(exId);
      const docs = ex ? ex.chapters.flatMap((c) => chapterDoc(ex, c) ?? []) : [];
      write.push(...docs);
      const kept = new Set(docs.map((d) => d.entityId));
      for (const id of await index.docsWithFacet('chapter', 'exhibition', exId)) if (!kept.has(id)) remove.push({ kind: 'chapter', entityId: id });
    }

    const names: AuthorityEntry[] = [];
    for (const id of personIds) {
      const person = people.find((p) => p.id === id);
      if (person) {
        write.push(personDoc(person, book.person(id)));
        names.push({ kind: 'person', id, labels: book.person(id) });
      } else {
        remove.push({ kind: 'person', entityId: id });
        names.push({ kind: 'person', id, labels: [] });
      }
    }
    for (const place of await this.store.getPlaces([...placeIds])) names.push({ kind: 'place', id: place.id, labels: book.place(place.id) });
    for (const id of institutionIds) {
      const inst = institutions.get(id);
      names.push({ kind: 'institution', id, labels: inst ? book.institution(inst) : [] });
    }

    await this.inTransaction(async (w, trx) => {
      await w.remove(remove);
      await w.write(write, generation);
      await w.writeNames(names);
      if (version !== null) {
        // Only a version that follows the recorded one proves no change was missed in between.
        await trx
          .updateTable('search_index_state')
          .set({ content_version: version })
          .where('id', '=', 1)
          .where('content_version', '=', version - 1)
          .execute();
      }
    });
  }

  // ---- helpers -----------------------------------------------------------------------------

  /** Loads the labels of the people and places of `items` that `book` does not have yet. */
  private async addLinkedLabels(items: readonly Item[], book: LabelBook): Promise<void> {
    const people = new Set<string>();
    const places = new Set<string>();
    for (const item of items) {
      for (const id of item.personIds) if (!book.hasPerson(id)) people.add(id);
      for (const id of item.placeIds) if (!book.hasPlace(id)) places.add(id);
    }
    book.addPeople(await this.store.getPeople([...people]));
    book.addPlaces(await this.store.getPlaces([...places]));
  }

  private async itemDocs(items: readonly Item[], book: LabelBook): Promise<SearchDoc[]> {
    const placements = await this.source.placements(items.map((i) => i.id));
    return items.flatMap(
      (item) =>
        itemDoc(item, {
          linkedLabels: book.linkedTo(item),
          placements: placements.get(item.id) ?? [],
        }) ?? [],
    );
  }

  private async inTransaction(fn: (w: IndexWriter, trx: SearchDb) => Promise<void>): Promise<void> {
    await this.db.transaction().execute((trx) => fn(new IndexWriter(trx, this.fts), trx));
  }

}

function descendants(id: string, institutions: ReadonlyMap<string, Institution>): string[] {
  const out = [id];
  for (let i = 0; i < out.length; i++) {
    for (const inst of institutions.values()) if (inst.parentId === out[i] && !out.includes(inst.id)) out.push(inst.id);
  }
  return out;
}
