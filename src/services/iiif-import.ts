// Records that stay at home: an item made from an archive's own IIIF manifest, given by URL or
// as a file. The images are shown from the archive's image service and never copied; what the
// manifest says is kept in its languages. Nothing is stored here: the caller saves the item
// (one transaction), so a refused import leaves no trace.
import { EdtfError, parseEdtf } from '../domain/edtf.ts';
import { validateRightsUri } from '../domain/rights.ts';
import type { Institution, Item, LocalizedText, MediaType } from '../domain/types.ts';
import { ImportError } from '../iiif/import/errors.ts';
import { DEFAULT_FETCH_LIMITS, safeFetch, type FetchLimits } from '../iiif/import/fetch.ts';
import { UNDETERMINED } from '../iiif/language-map.ts';
import { mapManifest, type ImportedMetadata, type ImportedRecord } from '../iiif/import/map-manifest.ts';
import { itemErrors } from './content.ts';

export { ImportError } from '../iiif/import/errors.ts';

/** Where the manifest comes from: an address, or the bytes of an uploaded file. */
export type ManifestSource = { url: string } | { file: Buffer | string; name?: string };

export interface ImportOptions {
  /** Id of the new item. */
  itemId: string;
  /** The holding institution (chosen by the curator; the manifest's provider is only a hint). */
  institution: Institution;
  /** Overrides the reference code found in the manifest's metadata. */
  referenceCode?: string | null;
  /** Used when the manifest carries no rights statement we accept. */
  fallbackRights?: string;
  /** For image records: document or photograph (film and sound follow from the media). */
  mediaType?: MediaType;
  fetch?: Partial<FetchLimits>;
}

export interface ImportResult {
  /** A draft item, ready to save; it has passed the same checks a save applies. */
  item: Item;
  /** The manifest's own id. */
  manifestId: string;
  version: 2 | 3;
  /** Things the curator should know: what was not kept, what was assumed. */
  notes: string[];
}

const UNDETERMINED_RIGHTS = 'http://rightsstatements.org/vocab/UND/1.0/';

// Metadata labels that name our fields, in the languages archives commonly write them in.
const TITLE = /^(title|archival title|件名|資料名|標題|タイトル|гарчиг|нэр|баримтын нэр)$/i;
const REFERENCE = /(reference|call ?number|shelf ?mark|signature|shelfmark|請求番号|資料番号|整理番号|шифр|хадгаламжийн)/i;
const DATE = /^(date|dates|日付|年月日|年代|огноо)$/i;

function labelMatches(m: ImportedMetadata, re: RegExp): boolean {
  return Object.values(m.label).some((v) => v && re.test(v.value.trim()));
}

function firstValue(t: LocalizedText): string | null {
  for (const v of Object.values(t)) if (v?.value.trim()) return v.value.trim();
  return null;
}

function edtfOrNull(s: string | null): string | null {
  if (!s) return null;
  try {
    parseEdtf(s);
    return s;
  } catch (err) {
    if (err instanceof EdtfError) return null;
    throw err;
  }
}

/** Summary, then the other metadata and the archive's own attribution, per language. */
function captionOf(r: ImportedRecord, rest: ImportedMetadata[]): LocalizedText {
  const out: LocalizedText = {};
  const add = (lang: string, text: string) => {
    const prev = out[lang]?.value;
    out[lang] = { value: prev ? `${prev}\n\n${text}` : text, status: 'reviewed' };
  };
  for (const [lang, v] of Object.entries(r.summary)) if (v) add(lang, v.value);
  for (const m of [...rest, ...(r.requiredStatement ? [r.requiredStatement] : [])]) {
    for (const [lang, v] of Object.entries(m.value)) {
      if (!v) continue;
      const label = m.label[lang]?.value ?? firstValue(m.label);
      add(lang, label ? `${label}: ${v.value}` : v.value);
    }
  }
  return out;
}

/** Reads the manifest (fetching it within the limits) and maps it into a draft item. */
export async function importManifest(source: ManifestSource, options: ImportOptions): Promise<ImportResult> {
  const limits = { ...DEFAULT_FETCH_LIMITS, ...options.fetch };
  let text: string;
  if ('url' in source) {
    text = (await safeFetch(source.url, limits)).body.toString('utf8');
  } else {
    const size = typeof source.file === 'string' ? Buffer.byteLength(source.file) : source.file.length;
    if (size > limits.maxBytes) throw new ImportError('too-large', `The file is ${size} bytes; manifests larger than ${limits.maxBytes} bytes are not imported.`);
    text = typeof source.file === 'string' ? source.file : source.file.toString('utf8');
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ImportError('not-json', `The manifest is not valid JSON (${(err as Error).message}).`);
  }
  const r = mapManifest(doc);
  const notes = r.notKept.map((n) => `Not kept: ${n}.`);

  let rights = r.rights;
  if (!rights || !validateRightsUri(rights).ok) {
    const fallback = options.fallbackRights ?? UNDETERMINED_RIGHTS;
    notes.push(rights ? `The rights "${rights}" are not among the statements this site uses; ${fallback} is used and the original is kept in the caption.` : `The manifest states no rights; ${fallback} is used.`);
    // The archive's own statement is not lost: it goes into the caption with the other metadata.
    if (rights) {
      const langs = Object.keys(r.label).length ? Object.keys(r.label) : [UNDETERMINED];
      const original = rights;
      r.metadata.push({ label: {}, value: Object.fromEntries(langs.map((l) => [l, { value: original, status: 'reviewed' as const }])) });
    }
    rights = fallback;
  }
  const titleEntry = r.metadata.find((m) => labelMatches(m, TITLE));
  const refEntry = r.metadata.find((m) => labelMatches(m, REFERENCE));
  const dateEntry = r.metadata.find((m) => labelMatches(m, DATE));
  const rest = r.metadata.filter((m) => m !== titleEntry && m !== refEntry && m !== dateEntry);

  const date = r.navDate ?? edtfOrNull(dateEntry ? firstValue(dateEntry.value) : null);
  if (!date && dateEntry) rest.unshift(dateEntry);

  let referenceCode = options.referenceCode === undefined ? (refEntry ? firstValue(refEntry.value) : null) : options.referenceCode;
  const item: Item = {
    id: options.itemId,
    heading: Object.keys(r.label).length ? r.label : (titleEntry?.value ?? {}),
    title: titleEntry?.value ?? r.label,
    caption: captionOf(r, rest),
    date,
    institutionId: options.institution.id,
    referenceCode,
    mediaType: r.mediaType ?? options.mediaType ?? 'document',
    rights,
    personIds: [],
    placeIds: [],
    media: r.media.map((m, i) => ({ ...m, id: `${options.itemId}-${i + 1}` })),
    state: 'draft',
  };
  let errors = itemErrors(item, options.institution);
  // A code in the archive's own form may not fit the scheme set for it here: the record is
  // still worth importing, and the curator can enter the code in our scheme afterwards.
  if (referenceCode && options.referenceCode === undefined && errors.some((e) => e.where.endsWith('referenceCode'))) {
    notes.push(`The reference code "${referenceCode}" does not fit the scheme of ${options.institution.id}; it is left out.`);
    referenceCode = null;
    item.referenceCode = null;
    errors = itemErrors(item, options.institution);
  }
  if (errors.length) throw new ImportError('invalid-item', `The manifest cannot become a valid item: ${errors.map((e) => `${e.where.replace(/^item [^:]+: /, '')}: ${e.why}`).join('; ')}.`);
  return { item, manifestId: r.manifestId, version: r.version, notes };
}
