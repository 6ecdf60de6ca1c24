// Citations of a record: one CSL-JSON description in the reader's language (holding archive,
// reference code, archival title, date, stable URL, accessed date), from which the page text
// and the BibTeX, RIS and CSL-JSON downloads are made. Pure functions of the item page model.
import { parseEdtf } from '../domain/edtf.ts';
import type { Lang } from '../domain/types.ts';
import { edtfToIsoInterval } from '../linked-data/iso-date.ts';
import { absolutePage } from '../linked-data/base.ts';
import type { ItemModel } from '../services/site.ts';
import { formatDate, institutionName, plain, text, type ViewContext } from '../views/context.ts';

/** The CSL-JSON fields we write (CSL 1.0.2 variable names). */
export interface CslItem {
  id: string;
  type: 'manuscript';
  title: string;
  language?: string;
  archive?: string;
  archive_location?: string;
  'archive-place'?: string;
  issued?: CslDate;
  accessed: CslDate;
  URL: string;
  genre?: string;
  medium?: string;
}

export interface CslDate {
  'date-parts': number[][];
  circa?: boolean;
}

/** The parts of a citation as the page shows them. */
export interface Citation {
  csl: CslItem;
  /** The stable URL cited. */
  url: string;
  institution: string | null;
  title: string;
  /** The title's language when it is not the reader's (a fallback). */
  titleLang: Lang | null;
  referenceCode: string | null;
  /** The record's date as the reader's language writes it. */
  date: string | null;
}

/** YYYY-MM-DD of a moment, in UTC: the same day for every server. */
export function isoDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The locale Intl formats the accessed date in: English day-month-year as on the rest of the site. */
export function accessedLocale(lang: Lang): string {
  return lang === 'en' ? 'en-GB' : lang;
}

// Intl objects cost about a millisecond to build, more than the rest of a page render: one per language.
const DATE_FORMATS = new Map<Lang, Intl.DateTimeFormat>();
const REGION_NAMES = new Map<Lang, Intl.DisplayNames | null>();

/** The accessed date as the reader's language writes it (the page script writes it the same way). */
export function formatAccessed(lang: Lang, day: string): string {
  let fmt = DATE_FORMATS.get(lang);
  if (!fmt) {
    const options = { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' } as const;
    try {
      fmt = new Intl.DateTimeFormat(accessedLocale(lang), options);
    } catch {
      fmt = new Intl.DateTimeFormat('en-GB', options);
    }
    DATE_FORMATS.set(lang, fmt);
  }
  return fmt.format(new Date(`${day}T00:00:00Z`));
}

function dayParts(day: string): number[] {
  return day.split('-').map(Number);
}

/**
 * CSL date parts of an EDTF date: the span it covers ("1972-02/1972-03" → [[1972,2],[1972,3]]),
 * `circa` for an approximate or uncertain date. An open or unknown end is left out; CSL has no
 * form for it.
 */
export function cslDateOf(edtf: string): CslDate | null {
  const iso = edtfToIsoInterval(edtf);
  const sides = iso.split('/').filter((s) => s !== '..');
  if (!sides.length) return null;
  const out: CslDate = { 'date-parts': sides.map(dayParts) };
  const p = parseEdtf(edtf);
  const ends = p.type === 'date' ? [p] : [p.start, p.end];
  if (ends.some((e) => e.type === 'date' && (e.approximate || e.uncertain))) out.circa = true;
  return out;
}

export function itemPageUrl(base: string, lang: Lang, itemId: string): string {
  return absolutePage(base, lang, `/items/${itemId}`);
}

/** Everything a citation of the item says, in the reader's language, accessed on `accessed` (YYYY-MM-DD). */
export function citationOf(ctx: ViewContext, base: string, m: ItemModel, accessed: string): Citation {
  const { item } = m;
  const inst = m.institutions.get(item.institutionId);
  const institution = inst ? institutionName(ctx, inst, m.institutions) : null;
  // The archival title is what the archive catalogues; the exhibition heading stands in without one.
  const resolved = text(ctx, item.title) ?? text(ctx, item.heading);
  const title = resolved?.value ?? item.id;
  const url = itemPageUrl(base, ctx.lang, item.id);
  const csl: CslItem = {
    id: item.id,
    type: 'manuscript',
    title,
    accessed: { 'date-parts': [dayParts(accessed)] },
    URL: url,
    genre: ctx.t(`mediaType.${item.mediaType}`),
  };
  if (resolved) csl.language = resolved.lang;
  if (institution) csl.archive = institution;
  if (item.referenceCode) csl.archive_location = item.referenceCode;
  const place = inst ? countryName(ctx.lang, inst.country ?? (inst.parentId ? m.institutions.get(inst.parentId)?.country ?? null : null)) : null;
  if (place) csl['archive-place'] = place;
  const issued = item.date ? cslDateOf(item.date) : null;
  if (issued) csl.issued = issued;
  return {
    csl,
    url,
    institution,
    title,
    titleLang: resolved && resolved.lang !== ctx.lang ? resolved.lang : null,
    referenceCode: item.referenceCode,
    date: formatDate(ctx, item.date),
  };
}

function countryName(lang: Lang, country: string | null): string | null {
  if (!country || !/^[A-Z]{2}$/.test(country)) return null;
  let names = REGION_NAMES.get(lang);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([lang, 'en'], { type: 'region' });
    } catch {
      names = null;
    }
    REGION_NAMES.set(lang, names);
  }
  try {
    return names?.of(country) ?? null;
  } catch {
    return null;
  }
}

/** The heading shown with an item's citation (used for the download file's title too). */
export function citationTitle(ctx: ViewContext, m: ItemModel): string {
  return plain(ctx, m.item.heading, m.item.id);
}
