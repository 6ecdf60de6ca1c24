// Writes documents and authority names into the search tables, written once over Kysely; the
// engine's FtsEngine adds its full-text part.
import { fieldTerms } from '../analyzer.ts';
import type { AuthorityEntry, DocKind, DocRef, SearchDoc } from '../documents.ts';
import { nameKeys } from '../names.ts';
import { entryKey, SLOTS, type EntryTerms, type FtsEngine } from './fts.ts';
import type { SearchDb } from './tables.ts';

// Rows per INSERT: entries have 10 columns, well under both engines' parameter limits.
const BATCH = 400;
const IN_LIST = 500;

function chunks<T>(list: readonly T[], size = IN_LIST): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

function byKind<T extends DocRef>(refs: readonly T[]): Map<DocKind, string[]> {
  const out = new Map<DocKind, string[]>();
  for (const r of refs) {
    const list = out.get(r.kind);
    if (list) list.push(r.entityId);
    else out.set(r.kind, [r.entityId]);
  }
  return out;
}

export interface StoredDoc extends DocRef {
  docKey: number;
}

export class IndexWriter {
  private readonly slots = new Map<string, number>();

  constructor(
    private readonly db: SearchDb,
    private readonly fts: FtsEngine,
  ) {}

  /** Document keys of the given documents that are in the index. */
  async find(refs: readonly DocRef[]): Promise<StoredDoc[]> {
    const out: StoredDoc[] = [];
    for (const [kind, ids] of byKind(refs)) {
      for (const part of chunks([...new Set(ids)])) {
        const rows = await this.db
          .selectFrom('search_index_docs')
          .select(['doc_key', 'entity_id'])
          .where('kind', '=', kind)
          .where('entity_id', 'in', part)
          .execute();
        for (const r of rows) out.push({ kind, entityId: r.entity_id, docKey: Number(r.doc_key) });
      }
    }
    return out;
  }

  /** Documents of `kind` that carry a facet value (the chapters of an exhibition, the items placed in it). */
  async docsWithFacet(kind: DocKind, facet: string, value: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('search_index_facets as f')
      .innerJoin('search_index_docs as d', 'd.doc_key', 'f.doc_key')
      .select('d.entity_id')
      .where('d.kind', '=', kind)
      .where('f.facet', '=', facet)
      .where('f.value', '=', value)
      .execute();
    return rows.map((r) => r.entity_id);
  }

  private async dropContents(docKeys: readonly number[]): Promise<void> {
    for (const part of chunks(docKeys)) {
      const entries = await this.db.selectFrom('search_index_entries').select('entry_key').where('doc_key', 'in', part).execute();
      await this.fts.remove(
        this.db,
        entries.map((e) => Number(e.entry_key)),
      );
      await this.db.deleteFrom('search_index_entries').where('doc_key', 'in', part).execute();
      await this.db.deleteFrom('search_index_facets').where('doc_key', 'in', part).execute();
    }
  }

  /** Removes documents (unpublished, deleted) from the index. */
  async remove(refs: readonly DocRef[]): Promise<void> {
    const stored = await this.find(refs);
    const keys = stored.map((s) => s.docKey);
    await this.dropContents(keys);
    for (const part of chunks(keys)) await this.db.deleteFrom('search_index_docs').where('doc_key', 'in', part).execute();
  }

  /** The slot of a language, numbering languages as they first appear. */
  async slotOf(tag: string): Promise<number> {
    const cached = this.slots.get(tag);
    if (cached !== undefined) return cached;
    let row = await this.db.selectFrom('search_index_langs').select('slot').where('tag', '=', tag).executeTakeFirst();
    if (!row) {
      const used = await this.db.selectFrom('search_index_langs').select((eb) => eb.fn.max('slot').as('top')).executeTakeFirst();
      const slot = used?.top === null || used?.top === undefined ? 0 : Number(used.top) + 1;
      if (slot >= SLOTS) throw new Error(`search index: more than ${SLOTS} languages of text`);
      await this.db.insertInto('search_index_langs').values({ slot, tag }).onConflict((oc) => oc.column('tag').doNothing()).execute();
      row = await this.db.selectFrom('search_index_langs').select('slot').where('tag', '=', tag).executeTakeFirstOrThrow();
    }
    this.slots.set(tag, Number(row.slot));
    return Number(row.slot);
  }

  /** Writes documents, replacing what the index held for them. Call inside a transaction. */
  async write(docs: readonly SearchDoc[], generation: number): Promise<void> {
    if (docs.length === 0) return;
    // Replaced documents get new keys: their entries and facets are rewritten anyway.
    await this.remove(docs);
    const keyOf = new Map<string, number>();
    for (const part of chunks(docs, BATCH)) {
      const rows = await this.db
        .insertInto('search_index_docs')
        .values(
          part.map((d) => ({
            kind: d.kind,
            entity_id: d.entityId,
            generation,
            institution_id: d.institutionId,
            media_type: d.mediaType,
            date_from: d.dateFrom,
            date_to: d.dateTo,
            decade: d.decade,
          })),
        )
        .returning(['doc_key', 'kind', 'entity_id'])
        .execute();
      for (const r of rows) keyOf.set(`${r.kind}\u0000${r.entity_id}`, Number(r.doc_key));
    }

    const entryRows: { key: number; docKey: number; lang: string; terms: EntryTerms }[] = [];
    const facetRows: { doc_key: number; facet: string; value: string }[] = [];
    for (const doc of docs) {
      const docKey = keyOf.get(`${doc.kind}\u0000${doc.entityId}`);
      if (docKey === undefined) throw new Error(`search index: no key for ${doc.kind} ${doc.entityId}`);
      // The names field is the same for every language of a document: analyze it once.
      const first = doc.entries[0]?.names;
      const names = fieldTerms(first ?? []);
      for (const e of doc.entries) {
        entryRows.push({
          key: entryKey(docKey, await this.slotOf(e.lang)),
          docKey,
          lang: e.lang,
          terms: { title: fieldTerms(e.title), names: e.names === first ? names : fieldTerms(e.names), body: fieldTerms(e.body) },
        });
      }
      for (const f of doc.facets) facetRows.push({ doc_key: docKey, facet: f.facet, value: f.value });
    }
    for (const part of chunks(entryRows, BATCH)) {
      await this.db
        .insertInto('search_index_entries')
        .values(part.map((r) => ({ entry_key: r.key, doc_key: r.docKey, lang: r.lang, ...this.fts.entryValues(r.terms) })))
        .execute();
      await this.fts.insert(this.db, part);
    }
    for (const part of chunks(facetRows, BATCH)) await this.db.insertInto('search_index_facets').values(part).execute();
  }

  /** Removes every document a full rebuild did not rewrite. */
  async sweep(generation: number): Promise<number> {
    const stale = await this.db.selectFrom('search_index_docs').select(['doc_key', 'kind', 'entity_id']).where('generation', '<', generation).execute();
    await this.remove(stale.map((s) => ({ kind: s.kind as DocKind, entityId: s.entity_id })));
    return stale.length;
  }

  /** Replaces the labels of the given authority entities; entities with no labels are removed. */
  async writeNames(entries: readonly AuthorityEntry[]): Promise<void> {
    const groups = new Map<string, string[]>();
    for (const e of entries) {
      const list = groups.get(e.kind);
      if (list) list.push(e.id);
      else groups.set(e.kind, [e.id]);
    }
    for (const [kind, ids] of groups) {
      for (const part of chunks(ids)) {
        await this.db.deleteFrom('search_index_names').where('entity_kind', '=', kind).where('entity_id', 'in', part).execute();
      }
    }
    const rows = entries.flatMap((e) =>
      e.labels.map((l) => {
        const keys = nameKeys(l.value);
        return {
          entity_kind: e.kind,
          entity_id: e.id,
          lang: l.lang,
          label: l.value,
          source: l.source,
          form_key: keys.form,
          latin_key: keys.latin,
          skeleton: keys.skeleton,
        };
      }),
    );
    for (const part of chunks(rows.filter((r) => r.form_key !== ''), BATCH)) await this.db.insertInto('search_index_names').values(part).execute();
  }

  async clearNames(): Promise<void> {
    await this.db.deleteFrom('search_index_names').execute();
  }

  /** Empties the whole index (documents, entries, facets, names). */
  async clear(): Promise<void> {
    await this.fts.clear(this.db);
    await this.db.deleteFrom('search_index_facets').execute();
    await this.db.deleteFrom('search_index_entries').execute();
    await this.db.deleteFrom('search_index_docs').execute();
    await this.db.deleteFrom('search_index_names').execute();
    await this.db.deleteFrom('search_index_langs').execute();
  }
}
