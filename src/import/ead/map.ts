// From an EAD component to the parts of a draft item. Pure: no storage, no I/O.
//
// Which components become items: every component with level "item" or "file", and every other
// component that has no components inside it, unless its level names an aggregation (fonds,
// series…). Components with components inside them are the structure: their titles are kept in
// each item's caption as "Part of: Collection › Series › File".
import { EdtfError, parseEdtf } from '../../domain/edtf.ts';
import type { Lang, LocalizedText, Media, MediaType } from '../../domain/types.ts';
import type { Translate } from '../../i18n/messages.ts';
import type { EadComponent, EadDao, EadDate } from './reader.ts';

const AGGREGATE_LEVELS = new Set(['collection', 'fonds', 'subfonds', 'class', 'recordgrp', 'subgrp', 'series', 'subseries', 'subsubseries']);

export function becomesItem(c: EadComponent): boolean {
  const level = c.level?.toLowerCase() ?? null;
  if (level === 'item' || level === 'file') return !c.hasChildren || level === 'item';
  if (level && AGGREGATE_LEVELS.has(level)) return false;
  return !c.hasChildren;
}

// ISO 639-2 codes EAD uses, mapped to the BCP 47 tags the site is configured with.
const LANGS: Readonly<Record<string, string>> = {
  eng: 'en', jpn: 'ja', mon: 'mn', khk: 'mn', fre: 'fr', fra: 'fr', ger: 'de', deu: 'de', rus: 'ru', chi: 'zh', zho: 'zh',
  kor: 'ko', spa: 'es', ita: 'it', por: 'pt', dut: 'nl', nld: 'nl', lat: 'la', swe: 'sv', pol: 'pl', cze: 'cs', ces: 'cs',
};

/** A language as EAD writes it ("eng", "jpn", "en") as a site language tag; null when it is no code. */
export function langTag(code: string | null | undefined): Lang | null {
  if (!code) return null;
  const c = code.trim().toLowerCase();
  if (LANGS[c]) return LANGS[c];
  return /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(c) ? c : null;
}

/** ISO 8601 as EAD writes it ("19450101", "1945-01", "1972/1977") in the EDTF form. */
function isoToEdtf(part: string): string {
  const p = part.trim();
  if (/^\d{8}$/.test(p)) return `${p.slice(0, 4)}-${p.slice(4, 6)}-${p.slice(6)}`;
  if (/^\d{6}$/.test(p)) return `${p.slice(0, 4)}-${p.slice(4)}`;
  return p;
}

export type EdtfResult = { ok: true; edtf: string } | { ok: false; why: string };

export function edtfOf(normal: string): EdtfResult {
  const parts = normal.split('/').map(isoToEdtf);
  // "1993/1993" is one year, and reads so.
  const edtf = parts.length === 2 && parts[0] === parts[1] && parts[0] ? parts[0] : parts.join('/');
  try {
    parseEdtf(edtf);
    return { ok: true, edtf };
  } catch (err) {
    if (err instanceof EdtfError) return { ok: false, why: err.message };
    throw err;
  }
}

export interface DateChoice {
  edtf: string | null;
  /** Dates kept as the archive wrote them (no machine form, or not the one chosen). */
  display: string[];
  warnings: { line: number; why: string }[];
}

/** The structured date first, then inclusive dates, then any other; the rest stay as text. */
export function chooseDate(dates: readonly EadDate[]): DateChoice {
  const rank = (d: EadDate) => (d.structured ? 0 : d.type === 'inclusive' ? 1 : d.type === 'bulk' ? 3 : 2);
  const ordered = [...dates].sort((a, b) => rank(a) - rank(b));
  const warnings: DateChoice['warnings'] = [];
  let edtf: string | null = null;
  let chosen: EadDate | null = null;
  for (const d of ordered) {
    if (!d.normal) continue;
    const r = edtfOf(d.normal);
    if (r.ok) {
      if (!edtf) {
        edtf = r.edtf;
        chosen = d;
      }
    } else {
      warnings.push({ line: d.line, why: `the date ${JSON.stringify(d.normal)} is not a date this site reads (${r.why}); it is kept as text` });
    }
  }
  // The same date written twice (unitdate and unitdatestructured) is shown once.
  const chosenText = chosen?.text ?? null;
  const display = [...new Set(dates.filter((d) => d !== chosen && d.text && d.text !== chosenText).map((d) => d.text))];
  return { edtf, display, warnings };
}

const MEDIA_TYPES: Readonly<Record<string, { kind: Media['kind']; mime: string }>> = {
  jpg: { kind: 'image', mime: 'image/jpeg' },
  jpeg: { kind: 'image', mime: 'image/jpeg' },
  png: { kind: 'image', mime: 'image/png' },
  gif: { kind: 'image', mime: 'image/gif' },
  tif: { kind: 'image', mime: 'image/tiff' },
  tiff: { kind: 'image', mime: 'image/tiff' },
  webp: { kind: 'image', mime: 'image/webp' },
  jp2: { kind: 'image', mime: 'image/jp2' },
  mp4: { kind: 'video', mime: 'video/mp4' },
  webm: { kind: 'video', mime: 'video/webm' },
  mp3: { kind: 'audio', mime: 'audio/mpeg' },
  wav: { kind: 'audio', mime: 'audio/wav' },
  ogg: { kind: 'audio', mime: 'audio/ogg' },
};

export interface DaoChoice {
  media: Media[];
  /** Web pages (viewers, playlists, catalogue pages): kept as links in the caption. */
  links: { title: string | null; url: string }[];
  warnings: { line: number; why: string }[];
}

/**
 * Digital objects that are files the site can show (by their extension) become media that stay
 * at the archive (`url`, nothing copied); other web addresses are links; relative or non-web
 * addresses cannot be followed from here and are reported.
 */
export function mapDaos(daos: readonly EadDao[], itemId: string, lang: Lang): DaoChoice {
  const out: DaoChoice = { media: [], links: [], warnings: [] };
  for (const d of daos) {
    let url: URL;
    try {
      url = new URL(d.href);
    } catch {
      out.warnings.push({ line: d.line, why: `the digital object address ${JSON.stringify(d.href)} is not a full web address; it is left out` });
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      out.warnings.push({ line: d.line, why: `the digital object address ${JSON.stringify(d.href)} is not a web address; it is left out` });
      continue;
    }
    const ext = /\.([a-z0-9]{2,4})$/i.exec(url.pathname)?.[1]?.toLowerCase();
    const type = ext ? MEDIA_TYPES[ext] : undefined;
    if (!type) {
      if (!out.links.some((l) => l.url === url.href)) out.links.push({ title: d.title, url: url.href });
      continue;
    }
    out.media.push({
      id: `${itemId}-ead-${out.media.length + 1}`,
      kind: type.kind,
      role: 'primary',
      path: '',
      mime: type.mime,
      width: null,
      height: null,
      duration: null,
      placeholder: false,
      alt: d.title ? { [lang]: { value: d.title, status: 'reviewed' } } : {},
      url: url.href,
    });
  }
  return out;
}

export function mediaTypeOf(media: readonly Media[]): MediaType {
  if (media.some((m) => m.kind === 'video')) return 'film';
  if (media.some((m) => m.kind === 'audio')) return 'sound';
  return 'document';
}

export interface CaptionParts {
  scope: readonly string[];
  dates: readonly string[];
  extents: readonly string[];
  containers: readonly string[];
  ancestors: readonly string[];
  links: readonly { title: string | null; url: string }[];
  /** A reference code the archive gives that could not be stored as the item's code. */
  code: string | null;
}

/** The caption in the description's language, its labels from the message catalogs. */
export function captionOf(parts: CaptionParts, lang: Lang, t: Translate): LocalizedText {
  const lines: string[] = [...parts.scope];
  const facts: string[] = [];
  for (const d of parts.dates) facts.push(t('ead.caption.date', { date: d }));
  if (parts.extents.length) facts.push(t('ead.caption.extent', { extent: parts.extents.join('; ') }));
  if (parts.containers.length) facts.push(t('ead.caption.container', { container: parts.containers.join(', ') }));
  if (parts.code) facts.push(t('ead.caption.code', { code: parts.code }));
  if (parts.ancestors.length) facts.push(t('ead.caption.partOf', { path: parts.ancestors.join(' › ') }));
  for (const l of parts.links) facts.push(t('ead.caption.link', { title: l.title ?? l.url, url: l.url }));
  if (facts.length) lines.push(facts.join('\n'));
  const value = lines.join('\n\n').trim();
  return value ? { [lang]: { value, status: 'reviewed' } } : {};
}
