// Translation work: every translatable value of an exhibition, in the order a visitor meets
// it, with its state in one language. Read from the working copy (the newest open revision of
// an item or exhibition, else what is published), so a saved draft counts at once.
//
// The API other modules build on (XLIFF exchange among them) — keep it stable:
//
//   listTranslationUnits(storage, exhibitionId, lang) → TranslationUnit[] | null
//     null when there is no such exhibition. One unit per (entity, id, field) that has text in
//     any language, `order` ascending: exhibition title, subtitle, intro → per chapter: title,
//     intro → per section: heading, intro, then its items (heading, title, caption) → people met
//     on those items (role) → institutions (holders with their parents, then co-curators; name)
//     → places (name) → site pages (title, body).
//   findTranslationUnit(storage, ref, lang) → TranslationUnit | null
//     One value anywhere, for the editor (also for an item outside every exhibition).
//   countUnits(units) → TranslationCounts     missing/draft/outdated/reviewed per exhibition,
//                                             chapter and kind of entity.
//   workList(units) → TranslationUnit[]       what still needs work, in visitor order.
//   sourceLangOf(storage, entity, id) → Lang  the language a value is translated from.
//
// Saving goes through WorkflowService.saveTranslation / markReviewed (permissions, drafts,
// stamps); nothing here writes.
import { stampTranslations, translationState, type TextRef, type TranslationState } from '../domain/translation.ts';
import type { Exhibition, Institution, Item, Lang, LocalizedText, LocalizedValue, Person, Place, SitePage } from '../domain/types.ts';
import type { Storage } from '../storage/index.ts';

/** The entities whose texts are translated, as the texts table names them. */
export type TextEntity = 'exhibition' | 'chapter' | 'section' | 'item' | 'person' | 'institution' | 'place' | 'page';

/** Kinds of entity the dashboard counts separately; chapters and sections count as the exhibition. */
export type UnitKind = 'exhibition' | 'item' | 'person' | 'institution' | 'place' | 'page';

export const UNIT_KINDS: readonly UnitKind[] = ['exhibition', 'item', 'person', 'institution', 'place', 'page'];

/** The translated fields of each entity, in the order they appear on a page. */
export const TEXT_FIELDS: Readonly<Record<TextEntity, readonly string[]>> = {
  exhibition: ['title', 'subtitle', 'intro'],
  chapter: ['title', 'intro'],
  section: ['heading', 'intro'],
  item: ['heading', 'title', 'caption'],
  person: ['role'],
  institution: ['name'],
  place: ['name'],
  page: ['title', 'body'],
};

export function isTextEntity(s: string): s is TextEntity {
  return Object.hasOwn(TEXT_FIELDS, s);
}

/** Site-wide default when nothing says otherwise: the first exhibition's source language, else English. */
export const DEFAULT_SOURCE_LANG: Lang = 'en';

export interface TranslationUnit extends TextRef {
  entity: TextEntity;
  /** "item/joint-communique-1972/caption": stable, usable as an XLIFF unit id. */
  key: string;
  kind: UnitKind;
  /** The exhibition the unit was listed for (or found in); null for a value outside every exhibition. */
  exhibitionId: string | null;
  /** The chapter where a visitor first meets the value; null for exhibition-wide values and site pages. */
  chapterId: string | null;
  /** Position in the order a visitor meets the values (0 first). */
  order: number;
  lang: Lang;
  sourceLang: Lang;
  /** The whole field in every language (as in the working copy). */
  text: LocalizedText;
  source: LocalizedValue | null;
  translation: LocalizedValue | null;
  state: TranslationState;
}

export type StateCounts = Record<'missing' | 'draft' | 'outdated' | 'reviewed' | 'total', number>;

export interface TranslationCounts {
  total: StateCounts;
  /** Keyed by chapter id; values met outside chapters (exhibition texts, co-curators, site pages) under "". */
  byChapter: Map<string, StateCounts>;
  byKind: Map<UnitKind, StateCounts>;
}

// ---- working copies ----------------------------------------------------------------------------

/** Items as the workspace sees them: the open revision's data where there is one, else the live row. */
export async function workingItems(storage: Storage, ids: readonly string[]): Promise<Map<string, Item>> {
  const open = new Map((await storage.workspace.openRevisions('item')).map((r) => [r.entityId, r.data as Item]));
  const out = new Map<string, Item>();
  for (const item of await storage.store.getItems(ids)) out.set(item.id, open.get(item.id) ?? item);
  for (const id of ids) if (!out.has(id) && open.has(id)) out.set(id, open.get(id) as Item);
  return out;
}

export async function workingExhibition(storage: Storage, id: string): Promise<Exhibition | null> {
  const open = (await storage.workspace.revisionsOf('exhibition', id)).find((r) => r.state === 'draft' || r.state === 'submitted' || r.state === 'returned');
  return (open?.data as Exhibition | undefined) ?? (await storage.store.getExhibition(id));
}

/** Ids of every exhibition, live or only drafted, in display order. */
async function exhibitionIds(storage: Storage): Promise<string[]> {
  const live = (await storage.store.exhibitionSourceLangs()).map((e) => e.id);
  const drafted = (await storage.workspace.openRevisions('exhibition')).map((r) => r.entityId).filter((id) => !live.includes(id));
  return [...live, ...drafted];
}

// ---- source language ---------------------------------------------------------------------------

/**
 * The language a value is translated from. Exhibitions, chapters and sections: the exhibition's
 * own. An item: the exhibition it is placed in; a person or institution: the exhibition of the
 * first record linked to them. Anything else (places, site pages, unplaced records) follows the
 * site's first exhibition, else English.
 */
export async function sourceLangOf(storage: Storage, entity: TextEntity, id: string): Promise<Lang> {
  const { store } = storage;
  const langs = await store.exhibitionSourceLangs();
  const ofExhibition = (exId: string | undefined) => langs.find((e) => e.id === exId)?.sourceLang;
  const siteDefault = langs[0]?.sourceLang ?? DEFAULT_SOURCE_LANG;
  const ofItems = async (itemIds: readonly string[]) => {
    for (const itemId of itemIds.slice(0, 20)) {
      const lang = ofExhibition((await store.placementsOf(itemId))[0]?.exhibitionId);
      if (lang) return lang;
    }
    return undefined;
  };
  switch (entity) {
    case 'exhibition':
      return ofExhibition(id) ?? (await workingExhibition(storage, id))?.sourceLang ?? siteDefault;
    case 'chapter':
    case 'section': {
      const found = await containingExhibition(storage, entity, id);
      return found?.sourceLang ?? siteDefault;
    }
    case 'item':
      return (await ofItems([id])) ?? siteDefault;
    case 'person':
      return (await ofItems(await store.itemIdsByPerson(id, false))) ?? siteDefault;
    case 'institution':
      return (await ofItems(await store.itemIdsByInstitution(id, false))) ?? siteDefault;
    default:
      return siteDefault;
  }
}

async function containingExhibition(storage: Storage, entity: 'chapter' | 'section', id: string): Promise<Exhibition | null> {
  for (const exId of await exhibitionIds(storage)) {
    const ex = await workingExhibition(storage, exId);
    if (!ex) continue;
    const hit = entity === 'chapter' ? ex.chapters.some((c) => c.id === id) : ex.chapters.some((c) => c.sections.some((s) => s.id === id));
    if (hit) return ex;
  }
  return null;
}

// ---- reading and replacing one field -------------------------------------------------------------

/** The field's text in an entity's data; for chapters and sections `data` is their exhibition. */
export function getFieldText(entity: TextEntity, data: unknown, id: string, field: string): LocalizedText | undefined {
  if (!TEXT_FIELDS[entity].includes(field)) return undefined;
  const holder = holderOf(entity, data, id);
  return holder ? (holder[field] as LocalizedText | undefined) ?? {} : undefined;
}

/** A copy of `data` with one field's text replaced (chapters and sections inside their exhibition). */
export function withFieldText<T>(entity: TextEntity, data: T, id: string, field: string, text: LocalizedText): T {
  if (entity === 'chapter' || entity === 'section') {
    const ex = data as Exhibition;
    return {
      ...ex,
      chapters: ex.chapters.map((c) =>
        entity === 'chapter'
          ? c.id === id
            ? { ...c, [field]: text }
            : c
          : { ...c, sections: c.sections.map((s) => (s.id === id ? { ...s, [field]: text } : s)) },
      ),
    } as T;
  }
  return { ...data, [field]: text };
}

function holderOf(entity: TextEntity, data: unknown, id: string): Record<string, unknown> | undefined {
  if (entity === 'chapter') return (data as Exhibition).chapters.find((c) => c.id === id) as unknown as Record<string, unknown> | undefined;
  if (entity === 'section') {
    for (const c of (data as Exhibition).chapters) {
      const s = c.sections.find((x) => x.id === id);
      if (s) return s as unknown as Record<string, unknown>;
    }
    return undefined;
  }
  return data as Record<string, unknown>;
}

// ---- stamping ------------------------------------------------------------------------------------

/**
 * Stamps every translated field of `after` against `before` (see `stampTranslations`): changed
 * translations record the source text they were made from and their author. Exhibitions
 * include their chapters and sections, matched by id.
 */
export function stampEntity<T>(entity: TextEntity, before: T | null, after: T, sourceLang: Lang, by: string | undefined): T {
  const stampFields = (entityOf: TextEntity, b: Record<string, unknown> | undefined, a: Record<string, unknown>) => {
    const out = { ...a };
    for (const field of TEXT_FIELDS[entityOf]) {
      const next = a[field] as LocalizedText | undefined;
      if (next === undefined) continue;
      out[field] = stampTranslations((b?.[field] as LocalizedText | undefined) ?? {}, next, sourceLang, by);
    }
    return out;
  };
  if (entity === 'item') {
    // Alt texts of the item's media are translated too: matched by medium id.
    const a = stampFields('item', (before as Record<string, unknown> | null) ?? undefined, after as Record<string, unknown>) as unknown as Item;
    const mediaBefore = new Map(((before as Item | null)?.media ?? []).map((m) => [m.id, m]));
    return { ...a, media: a.media.map((m) => ({ ...m, alt: stampTranslations(mediaBefore.get(m.id)?.alt ?? {}, m.alt, sourceLang, by) })) } as unknown as T;
  }
  if (entity !== 'exhibition') return stampFields(entity, (before as Record<string, unknown> | null) ?? undefined, after as Record<string, unknown>) as T;
  const a = after as unknown as Exhibition;
  const b = before as unknown as Exhibition | null;
  const chaptersBefore = new Map((b?.chapters ?? []).map((c) => [c.id, c]));
  const sectionsBefore = new Map((b?.chapters ?? []).flatMap((c) => c.sections).map((s) => [s.id, s]));
  const top = stampFields('exhibition', b as unknown as Record<string, unknown> | undefined, a as unknown as Record<string, unknown>) as unknown as Exhibition;
  return {
    ...top,
    chapters: a.chapters.map((c) => ({
      ...(stampFields('chapter', chaptersBefore.get(c.id) as unknown as Record<string, unknown> | undefined, c as unknown as Record<string, unknown>) as unknown as Exhibition['chapters'][number]),
      sections: c.sections.map(
        (s) => stampFields('section', sectionsBefore.get(s.id) as unknown as Record<string, unknown> | undefined, s as unknown as Record<string, unknown>) as unknown as Exhibition['chapters'][number]['sections'][number],
      ),
    })),
  } as unknown as T;
}

// ---- units -------------------------------------------------------------------------------------

interface Draft {
  entity: TextEntity;
  id: string;
  field: string;
  kind: UnitKind;
  chapterId: string | null;
  text: LocalizedText;
}

function hasText(text: LocalizedText | undefined): text is LocalizedText {
  return !!text && Object.values(text).some((v) => v !== undefined && v.value.trim() !== '');
}

function unitOf(d: Draft, order: number, exhibitionId: string | null, lang: Lang, sourceLang: Lang): TranslationUnit {
  return {
    entity: d.entity,
    id: d.id,
    field: d.field,
    key: `${d.entity}/${d.id}/${d.field}`,
    kind: d.kind,
    exhibitionId,
    chapterId: d.chapterId,
    order,
    lang,
    sourceLang,
    text: d.text,
    source: d.text[sourceLang] ?? null,
    translation: d.text[lang] ?? null,
    state: translationState(d.text, lang, sourceLang),
  };
}

/** Every translatable value of an exhibition in `lang`, in the order a visitor meets it. */
export async function listTranslationUnits(storage: Storage, exhibitionId: string, lang: Lang): Promise<TranslationUnit[] | null> {
  const ex = await workingExhibition(storage, exhibitionId);
  if (!ex) return null;
  const { store } = storage;
  const drafts: Draft[] = [];
  const seen = new Set<string>();
  const add = (entity: TextEntity, id: string, kind: UnitKind, chapterId: string | null, data: unknown) => {
    const key = `${entity}/${id}`;
    if (seen.has(key)) return;
    seen.add(key);
    for (const field of TEXT_FIELDS[entity]) {
      const text = getFieldText(entity, data, id, field);
      if (hasText(text)) drafts.push({ entity, id, field, kind, chapterId, text });
    }
  };

  add('exhibition', ex.id, 'exhibition', null, ex);
  const itemIds = ex.chapters.flatMap((c) => c.sections.flatMap((s) => s.itemIds));
  const items = await workingItems(storage, itemIds);
  const metIn = new Map<string, string>(); // item id → chapter where it is first met
  for (const c of ex.chapters) {
    add('chapter', c.id, 'exhibition', c.id, ex);
    for (const s of c.sections) {
      add('section', s.id, 'exhibition', c.id, ex);
      for (const itemId of s.itemIds) {
        const item = items.get(itemId);
        if (!item) continue;
        if (!metIn.has(itemId)) metIn.set(itemId, c.id);
        add('item', itemId, 'item', c.id, item);
      }
    }
  }

  const orderedItems = [...metIn.keys()].flatMap((id) => items.get(id) ?? []);
  const personIds = unique(orderedItems.flatMap((i) => i.personIds));
  const people = new Map((await store.getPeople(personIds)).map((p): [string, Person] => [p.id, p]));
  const chapterOfFirst = (pred: (i: Item) => boolean) => {
    const first = orderedItems.find(pred);
    return first ? (metIn.get(first.id) ?? null) : null;
  };
  for (const id of personIds) {
    const person = people.get(id);
    if (person) add('person', id, 'person', chapterOfFirst((i) => i.personIds.includes(id)), person);
  }

  const institutions = new Map((await store.listInstitutions()).map((i): [string, Institution] => [i.id, i]));
  const instOrder: { id: string; chapterId: string | null }[] = [];
  for (const item of orderedItems) {
    // A holder is named with its parents, root first, as the public pages show it.
    const chain: string[] = [];
    for (let cur = institutions.get(item.institutionId); cur && chain.length < 10; cur = cur.parentId ? institutions.get(cur.parentId) : undefined) chain.unshift(cur.id);
    for (const id of chain) instOrder.push({ id, chapterId: metIn.get(item.id) ?? null });
  }
  for (const id of ex.institutionIds) instOrder.push({ id, chapterId: null });
  for (const { id, chapterId } of instOrder) {
    const inst = institutions.get(id);
    if (inst) add('institution', id, 'institution', chapterId, inst);
  }

  const placeIds = unique(orderedItems.flatMap((i) => i.placeIds));
  const places = new Map((await store.getPlaces(placeIds)).map((p): [string, Place] => [p.id, p]));
  for (const id of placeIds) {
    const place = places.get(id);
    if (place) add('place', id, 'place', chapterOfFirst((i) => i.placeIds.includes(id)), place);
  }

  for (const id of await store.listSitePageIds()) {
    const page: SitePage | null = await store.getSitePage(id);
    if (page) add('page', id, 'page', null, page);
  }

  return drafts.map((d, order) => unitOf(d, order, ex.id, lang, ex.sourceLang));
}

/** One value, wherever it is, for the side-by-side editor; null when the entity or field does not exist. */
export async function findTranslationUnit(storage: Storage, ref: TextRef, lang: Lang): Promise<TranslationUnit | null> {
  if (!isTextEntity(ref.entity) || !TEXT_FIELDS[ref.entity].includes(ref.field)) return null;
  const entity = ref.entity;
  const { store } = storage;
  let data: unknown = null;
  let exhibitionId: string | null = null;
  let chapterId: string | null = null;
  switch (entity) {
    case 'exhibition':
      data = await workingExhibition(storage, ref.id);
      exhibitionId = data ? ref.id : null;
      break;
    case 'chapter':
    case 'section': {
      const ex = await containingExhibition(storage, entity, ref.id);
      data = ex;
      exhibitionId = ex?.id ?? null;
      chapterId = ex?.chapters.find((c) => c.id === ref.id || c.sections.some((s) => s.id === ref.id))?.id ?? null;
      break;
    }
    case 'item': {
      data = (await workingItems(storage, [ref.id])).get(ref.id) ?? null;
      const at = (await store.placementsOf(ref.id))[0];
      exhibitionId = at?.exhibitionId ?? null;
      chapterId = at?.chapterId ?? null;
      break;
    }
    case 'person':
      data = (await store.getPeople([ref.id]))[0] ?? null;
      break;
    case 'institution':
      data = await store.getInstitution(ref.id);
      break;
    case 'place':
      data = (await store.getPlaces([ref.id]))[0] ?? null;
      break;
    case 'page':
      data = await store.getSitePage(ref.id);
      break;
  }
  if (!data) return null;
  const text = getFieldText(entity, data, ref.id, ref.field);
  if (!text) return null;
  const kind: UnitKind = entity === 'chapter' || entity === 'section' ? 'exhibition' : entity;
  const sourceLang = await sourceLangOf(storage, entity, ref.id);
  return unitOf({ entity, id: ref.id, field: ref.field, kind, chapterId, text }, -1, exhibitionId, lang, sourceLang);
}

// ---- counts and the work list ------------------------------------------------------------------

export function emptyCounts(): StateCounts {
  return { missing: 0, draft: 0, outdated: 0, reviewed: 0, total: 0 };
}

function tally(c: StateCounts, state: TranslationState): void {
  if (state === 'source') return;
  c[state]++;
  c.total++;
}

export function countUnits(units: readonly TranslationUnit[]): TranslationCounts {
  const total = emptyCounts();
  const byChapter = new Map<string, StateCounts>();
  const byKind = new Map<UnitKind, StateCounts>();
  for (const u of units) {
    tally(total, u.state);
    const ch = u.chapterId ?? '';
    if (!byChapter.has(ch)) byChapter.set(ch, emptyCounts());
    tally(byChapter.get(ch) as StateCounts, u.state);
    if (!byKind.has(u.kind)) byKind.set(u.kind, emptyCounts());
    tally(byKind.get(u.kind) as StateCounts, u.state);
  }
  return { total, byChapter, byKind };
}

/** Values still needing a translator or reviewer (missing, outdated, draft), in visitor order. */
export function workList(units: readonly TranslationUnit[]): TranslationUnit[] {
  return units.filter((u) => u.state === 'missing' || u.state === 'outdated' || u.state === 'draft');
}

function unique<T>(list: readonly T[]): T[] {
  return [...new Set(list)];
}
