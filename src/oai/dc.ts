// Simple Dublin Core (oai_dc) for a published item. Pure: the item and the entities it links to
// in, a list of fields out. Translated values become one element per language with xml:lang.
// Links are kept as site paths and turned into URLs when a response is written, so a record's
// fingerprint does not depend on the host name a request came in through.
import { edtfBounds, EdtfError } from '../domain/edtf.ts';
import { formatPersonName } from '../domain/person-name.ts';
import type { Institution, Item, Lang, LocalizedText, MediaType, Person, Place } from '../domain/types.ts';

export const DC_ELEMENTS = [
  'title', 'creator', 'subject', 'description', 'publisher', 'contributor', 'date', 'type',
  'format', 'identifier', 'source', 'language', 'relation', 'coverage', 'rights',
] as const;

export type DcElement = (typeof DC_ELEMENTS)[number];

export interface DcField {
  element: DcElement;
  value: string;
  /** xml:lang of a value written in one language. */
  lang?: Lang;
  /** The value is a path on this site ("/en/items/x"): the base URL goes in front of it. */
  path?: true;
}

/** DCMI Type Vocabulary terms for the media types of records. */
const DCMI_TYPE: Record<MediaType, string> = {
  document: 'Text',
  photograph: 'StillImage',
  film: 'MovingImage',
  sound: 'Sound',
};

export interface DcContext {
  institutions: ReadonlyMap<string, Institution>;
  people: ReadonlyMap<string, Person>;
  places: ReadonlyMap<string, Place>;
  /** Language of the item page URL given as dc:identifier. */
  pageLang: Lang;
}

// Name formatting is the costliest part of a record, and one person is linked to many records.
const NAMES = new WeakMap<Person, DcField[]>();

function personFields(person: Person): DcField[] {
  let fields = NAMES.get(person);
  if (!fields) {
    fields = [];
    for (const [lang, parts] of Object.entries(person.names)) {
      if (!parts) continue;
      const value = formatPersonName(person.culture, parts, lang).trim();
      if (value !== '') fields.push({ element: 'contributor', value, lang });
    }
    NAMES.set(person, fields);
  }
  return fields;
}

function perLang(element: DcElement, text: LocalizedText | undefined): DcField[] {
  const out: DcField[] = [];
  for (const [lang, v] of Object.entries(text ?? {})) {
    const value = v?.value.trim() ?? '';
    if (value !== '') out.push({ element, value, lang });
  }
  return out;
}

/** The holding institution with its parents, outermost first (cycles and gaps stop the walk). */
export function institutionChain(id: string, institutions: ReadonlyMap<string, Institution>): Institution[] {
  const chain: Institution[] = [];
  const seen = new Set<string>();
  for (let cur = institutions.get(id); cur && !seen.has(cur.id); cur = cur.parentId ? institutions.get(cur.parentId) : undefined) {
    seen.add(cur.id);
    chain.unshift(cur);
  }
  return chain;
}

/**
 * The record's date as an ISO 8601 date or interval of days ("1972-02-19",
 * "1971-09-10/1971-09-15", "1977-01-01/1977-12-31"); an open or unknown end is "..".
 */
export function isoDate(edtf: string | null): string | null {
  if (edtf === null) return null;
  try {
    const { earliest, latest } = edtfBounds(edtf);
    if (earliest === null && latest === null) return null;
    if (earliest !== null && earliest === latest) return earliest;
    return `${earliest ?? '..'}/${latest ?? '..'}`;
  } catch (err) {
    // Stored dates were validated on save; an unreadable one is left out rather than guessed.
    if (err instanceof EdtfError) return null;
    throw err;
  }
}

export function dcFields(item: Item, ctx: DcContext): DcField[] {
  const fields: DcField[] = [];
  // The formal archival title where the archive gives one in a language, else the exhibition heading.
  const titles = perLang('title', item.title);
  const titled = new Set(titles.map((f) => f.lang));
  fields.push(...titles, ...perLang('title', item.heading).filter((f) => !titled.has(f.lang)));

  // The model does not say how a person relates to a record (author, addressee, depicted), so
  // people are contributors, the one Dublin Core role that claims nothing more.
  for (const id of item.personIds) {
    const person = ctx.people.get(id);
    if (person) fields.push(...personFields(person));
  }

  fields.push(...perLang('description', item.caption));

  const date = isoDate(item.date);
  if (date) fields.push({ element: 'date', value: date });

  fields.push({ element: 'type', value: DCMI_TYPE[item.mediaType] });

  fields.push({ element: 'identifier', value: `/${ctx.pageLang}/items/${item.id}`, path: true });
  if (item.referenceCode) fields.push({ element: 'identifier', value: item.referenceCode });

  const chain = institutionChain(item.institutionId, ctx.institutions);
  const holder = chain.at(-1);
  if (holder) {
    fields.push(...perLang('publisher', holder.name));
    // The original: the archive with its parents and the reference code, in each language.
    const langs = new Set(chain.flatMap((i) => Object.keys(i.name)));
    for (const lang of langs) {
      const names = chain.map((i) => i.name[lang]?.value.trim() ?? '').filter((n) => n !== '');
      if (names.length === 0) continue;
      fields.push({ element: 'source', value: [...names, ...(item.referenceCode ? [item.referenceCode] : [])].join(', '), lang });
    }
  }

  for (const id of item.placeIds) fields.push(...perLang('coverage', ctx.places.get(id)?.name));

  fields.push({ element: 'rights', value: item.rights });
  return fields;
}
