// What the index holds for each searchable thing, built from domain shapes. Pure: no I/O.
//
// A document (an item, a chapter, a person) has one entry per language it has text in, so that
// the index knows which language's text a query matched. Each entry has three fields, weighted
// in that order: title, names (every label of every linked person, place and institution, in
// all scripts, so a query in one script finds a record written in another) and body.
import { EdtfError, edtfBounds, edtfDecade } from '../domain/edtf.ts';
import { formatPersonName } from '../domain/person-name.ts';
import type { Chapter, Exhibition, Institution, Item, Lang, LocalizedText, Person } from '../domain/types.ts';

export type DocKind = 'item' | 'chapter' | 'person';
export const DOC_KINDS: readonly DocKind[] = ['item', 'chapter', 'person'];

/** Facets with several values per document, kept beside the entries. */
export type ListFacet = 'exhibition' | 'chapter' | 'person';

export interface DocEntry {
  lang: Lang;
  title: string[];
  names: string[];
  body: string[];
}

export interface SearchDoc {
  kind: DocKind;
  entityId: string;
  entries: DocEntry[];
  institutionId: string | null;
  mediaType: string | null;
  /** Earliest and latest day (YYYY-MM-DD) the document's date covers. */
  dateFrom: string | null;
  dateTo: string | null;
  decade: number | null;
  facets: { facet: ListFacet; value: string }[];
}

export interface DocRef {
  kind: DocKind;
  entityId: string;
}

export type AuthorityKind = 'person' | 'place' | 'institution';

/** Where a label comes from: the entity's own names, a part of them, or a curator's addition. */
export type LabelSource = 'name' | 'part' | 'variant' | 'reading';

export interface NameLabel {
  /** Null for a label not tied to one language (a reading, a romanisation added by a curator). */
  lang: Lang | null;
  value: string;
  source: LabelSource;
}

/** A variant name or reading added by a curator. */
export interface NameVariant {
  entityKind: AuthorityKind;
  entityId: string;
  value: string;
  lang: Lang | null;
  kind: 'variant' | 'reading';
}

export interface AuthorityEntry {
  kind: AuthorityKind;
  id: string;
  labels: NameLabel[];
}

// ---------------------------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------------------------

function uniqueLabels(labels: NameLabel[]): NameLabel[] {
  const seen = new Set<string>();
  return labels.filter((l) => {
    const v = l.value.trim();
    if (v === '' || seen.has(v)) return false;
    seen.add(v);
    return true;
  });
}

function variantLabels(variants: readonly NameVariant[]): NameLabel[] {
  return variants.map((v) => ({ lang: v.lang, value: v.value, source: v.kind }));
}

/**
 * Every way a person is written: the full name per language as the site displays it, the short
 * Mongolian form ("Y. Tsedenbal"), each part alone (family, given, patronymic), and the
 * curators' variants and readings.
 */
export function personLabels(person: Person, variants: readonly NameVariant[] = []): NameLabel[] {
  const out: NameLabel[] = [];
  for (const [lang, parts] of Object.entries(person.names)) {
    if (!parts) continue;
    out.push({ lang, value: formatPersonName(person.culture, parts, lang), source: 'name' });
    out.push({ lang, value: formatPersonName(person.culture, parts, lang, { short: true }), source: 'name' });
  }
  for (const [lang, parts] of Object.entries(person.names)) {
    if (!parts) continue;
    for (const part of [parts.family, parts.given, parts.patronymic]) {
      if (part) out.push({ lang, value: part, source: 'part' });
    }
  }
  return uniqueLabels([...out, ...variantLabels(variants)]);
}

/** The labels of a place or institution: its name in every language, and curators' variants. */
export function textLabels(text: LocalizedText, variants: readonly NameVariant[] = []): NameLabel[] {
  const out: NameLabel[] = [];
  for (const [lang, v] of Object.entries(text)) if (v) out.push({ lang, value: v.value, source: 'name' });
  return uniqueLabels([...out, ...variantLabels(variants)]);
}

// ---------------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------------

function langsOf(...texts: (LocalizedText | undefined)[]): Lang[] {
  const langs = new Set<Lang>();
  for (const t of texts) for (const [lang, v] of Object.entries(t ?? {})) if (v && v.value.trim() !== '') langs.add(lang);
  return [...langs].sort();
}

function valueIn(text: LocalizedText | undefined, lang: Lang): string[] {
  const v = text?.[lang]?.value;
  return v && v.trim() !== '' ? [v] : [];
}

interface DateFacts {
  dateFrom: string | null;
  dateTo: string | null;
  decade: number | null;
}

function dateFacts(edtf: string | null): DateFacts {
  if (!edtf) return { dateFrom: null, dateTo: null, decade: null };
  try {
    const b = edtfBounds(edtf);
    return { dateFrom: b.earliest, dateTo: b.latest, decade: edtfDecade(edtf) };
  } catch (err) {
    // Stored dates are validated on save; one that no longer parses is left out of date facets.
    if (err instanceof EdtfError) return { dateFrom: null, dateTo: null, decade: null };
    throw err;
  }
}

/** What an item document needs besides the item: its linked entities' labels and placements. */
export interface ItemContext {
  /** Labels of the linked people, places and the holding institution with its parents. */
  linkedLabels: string[];
  placements: { exhibitionId: string; chapterId: string }[];
}

export function itemDoc(item: Item, ctx: ItemContext): SearchDoc | null {
  if (item.state !== 'published') return null;
  const alts = item.media.map((m) => m.alt);
  const langs = langsOf(item.heading, item.title, item.caption, ...alts);
  const code = item.referenceCode ? [item.referenceCode] : [];
  const facets: SearchDoc['facets'] = [];
  for (const p of ctx.placements) {
    facets.push({ facet: 'exhibition', value: p.exhibitionId }, { facet: 'chapter', value: p.chapterId });
  }
  for (const id of item.personIds) facets.push({ facet: 'person', value: id });
  return {
    kind: 'item',
    entityId: item.id,
    entries: langs.map((lang) => ({
      lang,
      title: [...valueIn(item.heading, lang), ...valueIn(item.title, lang), ...code],
      names: ctx.linkedLabels,
      body: [...valueIn(item.caption, lang), ...alts.flatMap((a) => valueIn(a, lang))],
    })),
    institutionId: item.institutionId,
    mediaType: item.mediaType,
    ...dateFacts(item.date),
    facets: dedupeFacets(facets),
  };
}

export function chapterDoc(ex: Exhibition, chapter: Chapter): SearchDoc | null {
  if (ex.state !== 'published') return null;
  const sectionTexts = chapter.sections.flatMap((s) => [s.heading, s.intro]);
  const langs = langsOf(chapter.title, chapter.intro, ...sectionTexts);
  return {
    kind: 'chapter',
    entityId: chapter.id,
    entries: langs.map((lang) => ({
      lang,
      title: valueIn(chapter.title, lang),
      names: [],
      body: [...valueIn(chapter.intro, lang), ...sectionTexts.flatMap((t) => valueIn(t, lang)), ...valueIn(ex.title, lang)],
    })),
    institutionId: null,
    mediaType: null,
    ...dateFacts(chapter.period),
    facets: [
      { facet: 'exhibition', value: ex.id },
      { facet: 'chapter', value: chapter.id },
    ],
  };
}

/** A person's document; its title in each language is the name as that language writes it. */
export function personDoc(person: Person, labels: readonly NameLabel[]): SearchDoc {
  const named = Object.entries(person.names).flatMap(([lang, parts]) => (parts ? [lang] : []));
  const langs = [...new Set([...named, ...langsOf(person.role)])].sort();
  const all = labels.map((l) => l.value);
  return {
    kind: 'person',
    entityId: person.id,
    entries: langs.map((lang) => {
      const parts = person.names[lang];
      return {
        lang,
        title: parts ? [formatPersonName(person.culture, parts, lang)] : [],
        names: all,
        body: valueIn(person.role, lang),
      };
    }),
    institutionId: null,
    mediaType: null,
    dateFrom: null,
    dateTo: null,
    decade: null,
    facets: [],
  };
}

function dedupeFacets(facets: SearchDoc['facets']): SearchDoc['facets'] {
  const seen = new Set<string>();
  return facets.filter((f) => {
    const k = `${f.facet}\u0000${f.value}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Labels of an institution and its parents (a record held by a division is found by its archive's name). */
export function institutionChainLabels(
  id: string,
  institutions: ReadonlyMap<string, Institution>,
  labelsOf: (inst: Institution) => readonly NameLabel[],
): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (let cur = institutions.get(id); cur && !seen.has(cur.id); cur = cur.parentId ? institutions.get(cur.parentId) : undefined) {
    seen.add(cur.id);
    out.push(...labelsOf(cur).map((l) => l.value));
  }
  return out;
}

/** Labels of an item's linked entities, deduplicated, in link order. */
export function linkedLabels(parts: readonly (readonly string[])[]): string[] {
  return [...new Set(parts.flat())];
}
