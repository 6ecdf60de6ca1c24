// The storage interface, implemented once over Kysely. Engine differences live only in
// `../sqlite/` and `../postgres/` (connection factories); every query here runs on both.
import { sql, type Kysely, type Transaction } from 'kysely';
import { edtfBounds } from '../../domain/edtf.ts';
import { referenceCodeSortKey } from '../../domain/reference-code.ts';
import { tagText } from '../../domain/translation.ts';
import type {
  Chapter,
  Exhibition,
  Institution,
  Item,
  LanguageConfig,
  LocalizedText,
  Person,
  Place,
  SitePage,
} from '../../domain/types.ts';
import {
  institutionRowToInstitution,
  languageRowToConfig,
  mediaExtrasToRow,
  mediaRowToMedia,
  personNameRowToParts,
  textRowsToFieldTexts,
  toCulture,
  toMediaType,
  toState,
  type FieldTexts,
} from './mappers.ts';
import type { SqlFragments } from './fragments.ts';
import type { Database } from './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Where an item sits in an exhibition. */
export interface Placement {
  exhibitionId: string;
  chapterId: string;
  sectionId: string;
  position: number;
}

// Long IN lists are split so that neither engine hits its bound-parameter limit.
const CHUNK = 500;

function chunks<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

/** Sorts NULLs after every value on both engines (SQLite puts them first, PostgreSQL last). */
function nullsLast(column: string) {
  return sql<number>`(${sql.ref(column)} is null)`;
}

function now(): string {
  return new Date().toISOString();
}

export class ContentStore {
  constructor(
    private readonly db: Db,
    private readonly sqlf: SqlFragments,
  ) {}

  /** Runs `fn` in one transaction: everything it writes lands together or not at all. */
  async transaction<T>(fn: (store: ContentStore) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return fn(this);
    return (this.db as Kysely<Database>).transaction().execute((trx) => fn(new ContentStore(trx, this.sqlf)));
  }

  // ---- site state ---------------------------------------------------------------------

  async contentVersion(): Promise<number> {
    const row = await this.db.selectFrom('site_state').select('content_version').where('id', '=', 1).executeTakeFirst();
    return row?.content_version ?? 0;
  }

  /** Marks public content as changed, so every app server drops its rendered pages. */
  async bumpContentVersion(): Promise<number> {
    await this.db
      .updateTable('site_state')
      .set({ content_version: sql<number>`content_version + 1` })
      .where('id', '=', 1)
      .execute();
    return this.contentVersion();
  }

  async isEmpty(): Promise<boolean> {
    const row = await this.db.selectFrom('exhibitions').select('id').limit(1).executeTakeFirst();
    return row === undefined;
  }

  async listLanguages(): Promise<LanguageConfig[]> {
    const rows = await this.db.selectFrom('languages').selectAll().orderBy('position').execute();
    return rows.map(languageRowToConfig);
  }

  /** Adds a language or changes one (matched by tag); `position` orders the switcher. */
  async saveLanguage(lang: LanguageConfig, position: number): Promise<void> {
    const row = { name: lang.name, dir: lang.dir, fallback: lang.fallback.join(','), position };
    await this.db
      .insertInto('languages')
      .values({ tag: lang.tag, ...row })
      .onConflict((oc) => oc.column('tag').doUpdateSet(row))
      .execute();
  }

  /** Each language's position, for forms that keep the order when nothing else changes. */
  async languagePositions(): Promise<Map<string, number>> {
    const rows = await this.db.selectFrom('languages').select(['tag', 'position']).execute();
    return new Map(rows.map((r) => [r.tag, r.position]));
  }

  // ---- texts ---------------------------------------------------------------------------

  private async loadTexts(entity: string, ids: readonly string[]): Promise<Map<string, FieldTexts>> {
    const rows = [];
    for (const part of chunks([...new Set(ids)])) {
      if (part.length === 0) continue;
      rows.push(
        ...(await this.db
          .selectFrom('texts')
          .select(['entity_id', 'field', 'lang', 'value', 'status', 'source_value', 'author_id'])
          .where('entity', '=', entity)
          .where('entity_id', 'in', part)
          .execute()),
      );
    }
    const texts = textRowsToFieldTexts(rows);
    for (const [id, fields] of texts) for (const [field, text] of Object.entries(fields)) tagText(text, { entity, id, field });
    return texts;
  }

  private async writeTexts(entity: string, id: string, fields: Record<string, LocalizedText>): Promise<void> {
    await this.db.deleteFrom('texts').where('entity', '=', entity).where('entity_id', '=', id).execute();
    const rows = [];
    const at = now();
    for (const [field, text] of Object.entries(fields)) {
      for (const [lang, v] of Object.entries(text)) {
        if (!v || v.value === '') continue;
        rows.push({ entity, entity_id: id, field, lang, value: v.value, status: v.status, updated_at: at, source_value: v.source ?? null, author_id: v.by ?? null });
      }
    }
    for (const part of chunks(rows)) await this.db.insertInto('texts').values(part).execute();
  }

  // ---- institutions, people, places ----------------------------------------------------

  async listInstitutions(): Promise<Institution[]> {
    const rows = await this.db.selectFrom('institutions').selectAll().orderBy('position').orderBy(this.sqlf.binary('id')).execute();
    const texts = await this.loadTexts(
      'institution',
      rows.map((r) => r.id),
    );
    return rows.map((r) => institutionRowToInstitution(r, texts.get(r.id)));
  }

  async getInstitution(id: string): Promise<Institution | null> {
    const row = await this.db.selectFrom('institutions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    return institutionRowToInstitution(row, (await this.loadTexts('institution', [id])).get(id));
  }

  async saveInstitution(inst: Institution, position = 0): Promise<void> {
    const row = {
      parent_id: inst.parentId,
      scheme: inst.scheme,
      homepage: inst.homepage,
      country: inst.country,
      position,
    };
    await this.db
      .insertInto('institutions')
      .values({ id: inst.id, ...row })
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
    await this.writeTexts('institution', inst.id, { name: inst.name });
  }

  async getPeople(ids: readonly string[]): Promise<Person[]> {
    const people = [];
    const names = [];
    for (const part of chunks([...new Set(ids)])) {
      people.push(...(await this.db.selectFrom('people').selectAll().where('id', 'in', part).execute()));
      names.push(...(await this.db.selectFrom('person_names').selectAll().where('person_id', 'in', part).execute()));
    }
    const texts = await this.loadTexts(
      'person',
      people.map((p) => p.id),
    );
    const byId = new Map(
      people.map((p): [string, Person] => [
        p.id,
        { id: p.id, culture: toCulture(p.culture), names: {}, role: texts.get(p.id)?.['role'] ?? {} },
      ]),
    );
    for (const n of names) {
      const person = byId.get(n.person_id);
      if (person) person.names[n.lang] = personNameRowToParts(n);
    }
    // Keep the caller's order: it is the order the people are linked to a record.
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async listPersonIds(): Promise<string[]> {
    const rows = await this.db.selectFrom('people').select('id').orderBy(this.sqlf.binary('id')).execute();
    return rows.map((r) => r.id);
  }

  async savePerson(person: Person): Promise<void> {
    await this.db
      .insertInto('people')
      .values({ id: person.id, culture: person.culture })
      .onConflict((oc) => oc.column('id').doUpdateSet({ culture: person.culture }))
      .execute();
    await this.db.deleteFrom('person_names').where('person_id', '=', person.id).execute();
    const rows = Object.entries(person.names).flatMap(([lang, p]) =>
      p
        ? [
            {
              person_id: person.id,
              lang,
              family: p.family ?? null,
              given: p.given ?? null,
              patronymic: p.patronymic ?? null,
              patronymic_initial: p.patronymicInitial ?? null,
              status: p.status,
            },
          ]
        : [],
    );
    if (rows.length) await this.db.insertInto('person_names').values(rows).execute();
    await this.writeTexts('person', person.id, { role: person.role });
  }

  async getPlaces(ids: readonly string[]): Promise<Place[]> {
    const found = new Set<string>();
    for (const part of chunks([...new Set(ids)])) {
      for (const r of await this.db.selectFrom('places').select('id').where('id', 'in', part).execute()) found.add(r.id);
    }
    const texts = await this.loadTexts('place', [...found]);
    return ids.filter((id) => found.has(id)).map((id) => ({ id, name: texts.get(id)?.['name'] ?? {} }));
  }

  async listPlaceIds(): Promise<string[]> {
    return (await this.db.selectFrom('places').select('id').orderBy(this.sqlf.binary('id')).execute()).map((r) => r.id);
  }

  async savePlace(place: Place): Promise<void> {
    await this.db
      .insertInto('places')
      .values({ id: place.id })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    await this.writeTexts('place', place.id, { name: place.name });
  }

  // ---- items ---------------------------------------------------------------------------

  async getItem(id: string): Promise<Item | null> {
    const [item] = await this.getItems([id]);
    return item ?? null;
  }

  /** Items with every field, relation and medium, in the order of `ids` (unknown ids are skipped). */
  async getItems(ids: readonly string[]): Promise<Item[]> {
    const unique = [...new Set(ids)];
    const rows = [];
    const people = [];
    const places = [];
    const media = [];
    for (const part of chunks(unique)) {
      if (part.length === 0) continue;
      rows.push(...(await this.db.selectFrom('items').selectAll().where('id', 'in', part).execute()));
      people.push(
        ...(await this.db.selectFrom('item_people').selectAll().where('item_id', 'in', part).orderBy('position').execute()),
      );
      places.push(
        ...(await this.db.selectFrom('item_places').selectAll().where('item_id', 'in', part).orderBy('position').execute()),
      );
      media.push(...(await this.db.selectFrom('media').selectAll().where('item_id', 'in', part).orderBy('position').execute()));
    }
    const texts = await this.loadTexts('item', unique);
    const mediaTexts = await this.loadTexts(
      'media',
      media.map((m) => m.id),
    );
    const byId = new Map<string, Item>();
    for (const r of rows) {
      const t = texts.get(r.id);
      byId.set(r.id, {
        id: r.id,
        heading: t?.['heading'] ?? {},
        title: t?.['title'] ?? {},
        caption: t?.['caption'] ?? {},
        date: r.date_edtf,
        institutionId: r.institution_id,
        referenceCode: r.reference_code,
        mediaType: toMediaType(r.media_type),
        rights: r.rights,
        personIds: [],
        placeIds: [],
        media: [],
        state: toState(r.state),
      });
    }
    for (const p of people) byId.get(p.item_id)?.personIds.push(p.person_id);
    for (const p of places) byId.get(p.item_id)?.placeIds.push(p.place_id);
    for (const m of media) byId.get(m.item_id)?.media.push(mediaRowToMedia(m, mediaTexts.get(m.id)));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async listItemIds(publishedOnly = false): Promise<string[]> {
    let q = this.db.selectFrom('items').select('id');
    if (publishedOnly) q = q.where('state', '=', 'published');
    return (await q.orderBy(this.sqlf.binary('id')).execute()).map((r) => r.id);
  }

  /** Saves an item with its relations and media records, replacing what was stored. */
  async saveItem(item: Item): Promise<void> {
    const bounds = item.date ? edtfBounds(item.date) : { earliest: null, latest: null };
    const inst = await this.db
      .selectFrom('institutions')
      .select('scheme')
      .where('id', '=', item.institutionId)
      .executeTakeFirst();
    const row = {
      institution_id: item.institutionId,
      reference_code: item.referenceCode,
      reference_sort: item.referenceCode && inst ? referenceCodeSortKey(inst.scheme, item.referenceCode) : null,
      date_edtf: item.date,
      date_from: bounds.earliest,
      date_to: bounds.latest,
      media_type: item.mediaType,
      rights: item.rights,
      state: item.state,
      updated_at: now(),
    };
    await this.db
      .insertInto('items')
      .values({ id: item.id, ...row })
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
    await this.db.deleteFrom('item_people').where('item_id', '=', item.id).execute();
    await this.db.deleteFrom('item_places').where('item_id', '=', item.id).execute();
    if (item.personIds.length) {
      await this.db
        .insertInto('item_people')
        .values(item.personIds.map((person_id, position) => ({ item_id: item.id, person_id, position })))
        .execute();
    }
    if (item.placeIds.length) {
      await this.db
        .insertInto('item_places')
        .values(item.placeIds.map((place_id, position) => ({ item_id: item.id, place_id, position })))
        .execute();
    }
    const oldMedia = await this.db.selectFrom('media').select('id').where('item_id', '=', item.id).execute();
    for (const m of oldMedia) await this.db.deleteFrom('texts').where('entity', '=', 'media').where('entity_id', '=', m.id).execute();
    await this.db.deleteFrom('media').where('item_id', '=', item.id).execute();
    for (const [position, m] of item.media.entries()) {
      await this.db
        .insertInto('media')
        .values({
          id: m.id,
          item_id: item.id,
          kind: m.kind,
          role: m.role,
          path: m.path,
          mime: m.mime,
          width: m.width,
          height: m.height,
          duration: m.duration,
          placeholder: m.placeholder ? 1 : 0,
          position,
          ...mediaExtrasToRow(m),
        })
        .execute();
      await this.writeTexts('media', m.id, { alt: m.alt });
    }
    await this.writeTexts('item', item.id, { heading: item.heading, title: item.title, caption: item.caption });
  }

  /** Published item ids held by an institution, in reference-code order. */
  async itemIdsByInstitution(institutionId: string, publishedOnly = true): Promise<string[]> {
    let q = this.db.selectFrom('items').select('id').where('institution_id', '=', institutionId);
    if (publishedOnly) q = q.where('state', '=', 'published');
    const rows = await q
      .orderBy(nullsLast('reference_sort'))
      .orderBy(this.sqlf.binary('reference_sort'))
      .orderBy(nullsLast('date_from'))
      .orderBy('date_from')
      .orderBy(this.sqlf.binary('id'))
      .execute();
    return rows.map((r) => r.id);
  }

  /** Published item ids linked to a person, oldest first. */
  async itemIdsByPerson(personId: string, publishedOnly = true): Promise<string[]> {
    let q = this.db
      .selectFrom('item_people')
      .innerJoin('items', 'items.id', 'item_people.item_id')
      .select('items.id')
      .where('item_people.person_id', '=', personId);
    if (publishedOnly) q = q.where('items.state', '=', 'published');
    const rows = await q.orderBy(nullsLast('items.date_from')).orderBy('items.date_from').orderBy(this.sqlf.binary('items.id')).execute();
    return rows.map((r) => r.id);
  }

  /** Number of published items per holding institution. */
  async countItemsByInstitution(): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('items')
      .select(['institution_id', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('state', '=', 'published')
      .groupBy('institution_id')
      .execute();
    return new Map(rows.map((r) => [r.institution_id, Number(r.n)]));
  }

  /** Ids of the published items placed in an exhibition (one query, whatever its size). */
  async publishedItemIdsIn(exhibitionId: string): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('placements')
      .innerJoin('sections', 'sections.id', 'placements.section_id')
      .innerJoin('chapters', 'chapters.id', 'sections.chapter_id')
      .innerJoin('items', 'items.id', 'placements.item_id')
      .select('items.id')
      .where('chapters.exhibition_id', '=', exhibitionId)
      .where('items.state', '=', 'published')
      .execute();
    return new Set(rows.map((r) => r.id));
  }

  async placementsOf(itemId: string): Promise<Placement[]> {
    const rows = await this.db
      .selectFrom('placements')
      .innerJoin('sections', 'sections.id', 'placements.section_id')
      .innerJoin('chapters', 'chapters.id', 'sections.chapter_id')
      .select(['chapters.exhibition_id', 'sections.chapter_id', 'placements.section_id', 'placements.position'])
      .where('placements.item_id', '=', itemId)
      .orderBy(this.sqlf.binary('chapters.exhibition_id'))
      .execute();
    return rows.map((r) => ({
      exhibitionId: r.exhibition_id,
      chapterId: r.chapter_id,
      sectionId: r.section_id,
      position: r.position,
    }));
  }

  // ---- exhibitions -------------------------------------------------------------------------

  async listExhibitionIds(publishedOnly = true): Promise<string[]> {
    let q = this.db.selectFrom('exhibitions').select('id');
    if (publishedOnly) q = q.where('state', '=', 'published');
    return (await q.orderBy('position').orderBy(this.sqlf.binary('id')).execute()).map((r) => r.id);
  }

  /** Every exhibition's source language, in display order (drafts included). */
  async exhibitionSourceLangs(): Promise<{ id: string; sourceLang: string }[]> {
    const rows = await this.db.selectFrom('exhibitions').select(['id', 'source_lang']).orderBy('position').orderBy(this.sqlf.binary('id')).execute();
    return rows.map((r) => ({ id: r.id, sourceLang: r.source_lang }));
  }

  async getExhibitionBySlug(slug: string): Promise<Exhibition | null> {
    const row = await this.db.selectFrom('exhibitions').select('id').where('slug', '=', slug).executeTakeFirst();
    return row ? this.getExhibition(row.id) : null;
  }

  /** An exhibition with its chapters, sections and ordered item ids. */
  async getExhibition(id: string): Promise<Exhibition | null> {
    const ex = await this.db.selectFrom('exhibitions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!ex) return null;
    const insts = await this.db
      .selectFrom('exhibition_institutions')
      .select('institution_id')
      .where('exhibition_id', '=', id)
      .orderBy('position')
      .execute();
    const chapters = await this.db.selectFrom('chapters').selectAll().where('exhibition_id', '=', id).orderBy('position').execute();
    const chapterIds = chapters.map((c) => c.id);
    const sections = chapterIds.length
      ? await this.db.selectFrom('sections').selectAll().where('chapter_id', 'in', chapterIds).orderBy('position').execute()
      : [];
    const sectionIds = sections.map((s) => s.id);
    const placements = [];
    for (const part of chunks(sectionIds)) {
      placements.push(
        ...(await this.db
          .selectFrom('placements')
          .select(['section_id', 'item_id'])
          .where('section_id', 'in', part)
          .orderBy('position')
          .execute()),
      );
    }
    const exTexts = (await this.loadTexts('exhibition', [id])).get(id);
    const chTexts = await this.loadTexts('chapter', chapterIds);
    const seTexts = await this.loadTexts('section', sectionIds);
    const chapterById = new Map<string, Chapter>();
    const result: Exhibition = {
      id: ex.id,
      slug: ex.slug,
      title: exTexts?.['title'] ?? {},
      subtitle: exTexts?.['subtitle'] ?? {},
      intro: exTexts?.['intro'] ?? {},
      sourceLang: ex.source_lang,
      institutionIds: insts.map((i) => i.institution_id),
      chapters: chapters.map((c) => {
        const t = chTexts.get(c.id);
        const chapter: Chapter = {
          id: c.id,
          slug: c.slug,
          number: c.number,
          title: t?.['title'] ?? {},
          intro: t?.['intro'] ?? {},
          period: c.period,
          sections: [],
        };
        chapterById.set(c.id, chapter);
        return chapter;
      }),
      state: toState(ex.state),
    };
    const sectionById = new Map<string, Chapter['sections'][number]>();
    for (const s of sections) {
      const t = seTexts.get(s.id);
      const section = { id: s.id, heading: t?.['heading'] ?? {}, intro: t?.['intro'] ?? {}, itemIds: [] as string[] };
      sectionById.set(s.id, section);
      chapterById.get(s.chapter_id)?.sections.push(section);
    }
    for (const p of placements) sectionById.get(p.section_id)?.itemIds.push(p.item_id);
    return result;
  }

  /** Saves an exhibition and its whole structure (chapters, sections, placements), replacing what was stored. */
  async saveExhibition(ex: Exhibition, position = 0): Promise<void> {
    const row = { slug: ex.slug, source_lang: ex.sourceLang, state: ex.state, position };
    await this.db
      .insertInto('exhibitions')
      .values({ id: ex.id, ...row })
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
    await this.writeTexts('exhibition', ex.id, { title: ex.title, subtitle: ex.subtitle, intro: ex.intro });
    await this.db.deleteFrom('exhibition_institutions').where('exhibition_id', '=', ex.id).execute();
    if (ex.institutionIds.length) {
      await this.db
        .insertInto('exhibition_institutions')
        .values(ex.institutionIds.map((institution_id, i) => ({ exhibition_id: ex.id, institution_id, position: i })))
        .execute();
    }
    const oldChapters = await this.db.selectFrom('chapters').select('id').where('exhibition_id', '=', ex.id).execute();
    for (const c of oldChapters) {
      const oldSections = await this.db.selectFrom('sections').select('id').where('chapter_id', '=', c.id).execute();
      for (const s of oldSections) await this.writeTexts('section', s.id, {});
      await this.writeTexts('chapter', c.id, {});
    }
    // Sections and placements go with their chapters (ON DELETE CASCADE).
    await this.db.deleteFrom('chapters').where('exhibition_id', '=', ex.id).execute();
    for (const [ci, c] of ex.chapters.entries()) {
      await this.db
        .insertInto('chapters')
        .values({ id: c.id, exhibition_id: ex.id, slug: c.slug, number: c.number, period: c.period, position: ci })
        .execute();
      await this.writeTexts('chapter', c.id, { title: c.title, intro: c.intro });
      for (const [si, s] of c.sections.entries()) {
        await this.db.insertInto('sections').values({ id: s.id, chapter_id: c.id, position: si }).execute();
        await this.writeTexts('section', s.id, { heading: s.heading, intro: s.intro });
        if (s.itemIds.length) {
          await this.db
            .insertInto('placements')
            .values(s.itemIds.map((item_id, position) => ({ section_id: s.id, item_id, position })))
            .execute();
        }
      }
    }
  }

  // ---- site pages ----------------------------------------------------------------------

  async getSitePage(id: string): Promise<SitePage | null> {
    const row = await this.db.selectFrom('site_pages').select('id').where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const t = (await this.loadTexts('page', [id])).get(id);
    return { id, title: t?.['title'] ?? {}, body: t?.['body'] ?? {} };
  }

  async listSitePageIds(): Promise<string[]> {
    return (await this.db.selectFrom('site_pages').select('id').orderBy(this.sqlf.binary('id')).execute()).map((r) => r.id);
  }

  async saveSitePage(page: SitePage): Promise<void> {
    await this.db
      .insertInto('site_pages')
      .values({ id: page.id })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    await this.writeTexts('page', page.id, { title: page.title, body: page.body });
  }
}
