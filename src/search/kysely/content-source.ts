// The content reads indexing needs beyond ContentStore's read API: links in the other direction
// (items of a place, of an exhibition) and curators' name variants. Read-only.
import type { Chapter, LocalizedText } from '../../domain/types.ts';
import type { ContentStore } from '../../storage/index.ts';
import { textRowsToFieldTexts, toState, type FieldTexts } from '../../storage/kysely/mappers.ts';
import type { AuthorityKind, NameVariant } from '../documents.ts';
import type { SearchDb } from './tables.ts';

const CHUNK = 500;

function chunks<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

export interface ItemPlacement {
  itemId: string;
  exhibitionId: string;
  chapterId: string;
}

/** What a results page shows of an exhibition: no chapters, sections or placements. */
export interface ExhibitionSummary {
  id: string;
  slug: string;
  title: LocalizedText;
  published: boolean;
}

/** A chapter with its sections' texts (not their items), and its exhibition. */
export interface ChapterSummary {
  chapter: Chapter;
  exhibition: ExhibitionSummary;
}

export class ContentSource {
  constructor(
    readonly store: ContentStore,
    private readonly db: SearchDb,
  ) {}

  /** Where items are placed in published exhibitions. */
  async placements(itemIds: readonly string[]): Promise<Map<string, ItemPlacement[]>> {
    const out = new Map<string, ItemPlacement[]>();
    for (const part of chunks([...new Set(itemIds)])) {
      const rows = await this.db
        .selectFrom('placements')
        .innerJoin('sections', 'sections.id', 'placements.section_id')
        .innerJoin('chapters', 'chapters.id', 'sections.chapter_id')
        .innerJoin('exhibitions', 'exhibitions.id', 'chapters.exhibition_id')
        .select(['placements.item_id', 'chapters.exhibition_id', 'sections.chapter_id'])
        .where('placements.item_id', 'in', part)
        .where('exhibitions.state', '=', 'published')
        .execute();
      for (const r of rows) {
        const list = out.get(r.item_id) ?? [];
        list.push({ itemId: r.item_id, exhibitionId: r.exhibition_id, chapterId: r.chapter_id });
        out.set(r.item_id, list);
      }
    }
    return out;
  }

  /** Every item linked to a place, whatever its state. */
  async itemIdsByPlace(placeId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('item_places').select('item_id').where('place_id', '=', placeId).execute();
    return rows.map((r) => r.item_id);
  }

  /** Every item linked to a person, whatever its state. */
  async itemIdsByPerson(personId: string): Promise<string[]> {
    return this.store.itemIdsByPerson(personId, false);
  }

  /** Every item held by the given institutions, whatever its state. */
  async itemIdsByInstitutions(institutionIds: readonly string[]): Promise<string[]> {
    const out: string[] = [];
    for (const id of institutionIds) out.push(...(await this.store.itemIdsByInstitution(id, false)));
    return out;
  }

  /** Every item placed in an exhibition, whatever its state or the exhibition's. */
  async itemIdsInExhibition(exhibitionId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('placements')
      .innerJoin('sections', 'sections.id', 'placements.section_id')
      .innerJoin('chapters', 'chapters.id', 'sections.chapter_id')
      .select('placements.item_id')
      .where('chapters.exhibition_id', '=', exhibitionId)
      .execute();
    return [...new Set(rows.map((r) => r.item_id))];
  }

  private async texts(entity: string, ids: readonly string[], fields: readonly string[]): Promise<Map<string, FieldTexts>> {
    const rows = [];
    for (const part of chunks([...new Set(ids)])) {
      rows.push(
        ...(await this.db
          .selectFrom('texts')
          .select(['entity_id', 'field', 'lang', 'value', 'status', 'source_value', 'author_id'])
          .where('entity', '=', entity)
          .where('field', 'in', [...fields])
          .where('entity_id', 'in', part)
          .execute()),
      );
    }
    return textRowsToFieldTexts(rows);
  }

  /**
   * Exhibitions by id, with their titles only. Loading whole exhibitions would read every
   * placement of a large one for a facet label.
   */
  async exhibitionSummaries(ids: readonly string[]): Promise<Map<string, ExhibitionSummary>> {
    const out = new Map<string, ExhibitionSummary>();
    if (ids.length === 0) return out;
    const rows = [];
    for (const part of chunks([...new Set(ids)])) rows.push(...(await this.db.selectFrom('exhibitions').select(['id', 'slug', 'state']).where('id', 'in', part).execute()));
    const texts = await this.texts('exhibition', rows.map((r) => r.id), ['title']);
    for (const r of rows) out.set(r.id, { id: r.id, slug: r.slug, title: texts.get(r.id)?.['title'] ?? {}, published: toState(r.state) === 'published' });
    return out;
  }

  /**
   * Chapters by id with their exhibitions' summaries, and the texts of their sections when
   * `withSections` (a chapter shown as a result; a facet label needs only the title).
   */
  async chapterSummaries(chapterIds: readonly string[], withSections = true): Promise<Map<string, ChapterSummary>> {
    const out = new Map<string, ChapterSummary>();
    if (chapterIds.length === 0) return out;
    const chapters = [];
    for (const part of chunks([...new Set(chapterIds)])) {
      chapters.push(...(await this.db.selectFrom('chapters').selectAll().where('id', 'in', part).execute()));
    }
    const sections = [];
    for (const part of withSections ? chunks(chapters.map((c) => c.id)) : []) {
      sections.push(...(await this.db.selectFrom('sections').selectAll().where('chapter_id', 'in', part).orderBy('position').execute()));
    }
    const exhibitions = await this.exhibitionSummaries(chapters.map((c) => c.exhibition_id));
    const chapterTexts = await this.texts('chapter', chapters.map((c) => c.id), ['title', 'intro']);
    const sectionTexts = await this.texts('section', sections.map((s) => s.id), ['heading', 'intro']);
    for (const c of chapters) {
      const exhibition = exhibitions.get(c.exhibition_id);
      if (!exhibition) continue;
      const t = chapterTexts.get(c.id);
      out.set(c.id, {
        exhibition,
        chapter: {
          id: c.id,
          slug: c.slug,
          number: c.number,
          title: t?.['title'] ?? {},
          intro: t?.['intro'] ?? {},
          period: c.period,
          sections: sections
            .filter((s) => s.chapter_id === c.id)
            .map((s) => ({ id: s.id, heading: sectionTexts.get(s.id)?.['heading'] ?? {}, intro: sectionTexts.get(s.id)?.['intro'] ?? {}, itemIds: [] })),
        },
      });
    }
    return out;
  }

  /** Curators' variants and readings, by "kind id". */
  async variants(kind?: AuthorityKind, ids?: readonly string[]): Promise<Map<string, NameVariant[]>> {
    let q = this.db.selectFrom('search_name_variants').selectAll();
    if (kind) q = q.where('entity_kind', '=', kind);
    const rows = [];
    if (ids) {
      for (const part of chunks([...new Set(ids)])) rows.push(...(await q.where('entity_id', 'in', part).execute()));
    } else {
      rows.push(...(await q.orderBy('created_at').execute()));
    }
    const out = new Map<string, NameVariant[]>();
    for (const r of rows) {
      const key = `${r.entity_kind} ${r.entity_id}`;
      const list = out.get(key) ?? [];
      list.push({
        entityKind: r.entity_kind as AuthorityKind,
        entityId: r.entity_id,
        value: r.value,
        lang: r.lang,
        kind: r.kind === 'reading' ? 'reading' : 'variant',
      });
      out.set(key, list);
    }
    return out;
  }
}
