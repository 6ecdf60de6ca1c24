// An external IIIF manifest (Presentation 3, or 2.1 upgraded to 3) mapped into what an item
// of ours holds: texts as language maps, rights, a date, and the canvases as media that stay
// on the archive's servers (image service, image or film URLs). Pure: no I/O.
import { upgrade } from '@iiif/parser/upgrader';
import type { LocalizedText, Media, MediaType } from '../../domain/types.ts';
import { fromLanguageMap } from '../language-map.ts';
import { ImportError } from './errors.ts';

export const MAX_CANVASES = 2000;

type Obj = Record<string, unknown>;

export interface ImportedMetadata {
  label: LocalizedText;
  value: LocalizedText;
}

/** What a manifest says, in our shapes, before it becomes an item. */
export interface ImportedRecord {
  /** The manifest's own id (its address at the archive). */
  manifestId: string;
  version: 2 | 3;
  label: LocalizedText;
  summary: LocalizedText;
  metadata: ImportedMetadata[];
  requiredStatement: ImportedMetadata | null;
  /** As written in the manifest; checked against our list when the item is made. */
  rights: string | null;
  /** YYYY-MM-DD from navDate. */
  navDate: string | null;
  providers: { label: LocalizedText; homepage: string | null }[];
  homepage: string | null;
  mediaType: MediaType | null;
  /** Media without ids (the item gives them ids); all external. */
  media: Omit<Media, 'id'>[];
  /** What the manifest has that an item does not keep. */
  notKept: string[];
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

function httpUrl(v: unknown): string | null {
  const s = str(v);
  if (!s) return null;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function idOf(v: unknown): string | null {
  if (typeof v === 'string') return v;
  return isObj(v) ? (str(v['id']) ?? str(v['@id'])) : null;
}

function typeOf(v: unknown): string {
  return isObj(v) ? (str(v['type']) ?? str(v['@type']) ?? '') : '';
}

function contexts(v: Obj): string[] {
  return arr(v['@context']).filter((c): c is string => typeof c === 'string');
}

/** Which Presentation version a parsed document is, or a refusal naming what it is instead. */
export function presentationVersion(doc: unknown): 2 | 3 {
  if (!isObj(doc)) throw new ImportError('not-iiif', 'The document is not a JSON object, so it is not a IIIF manifest.');
  const ctx = contexts(doc);
  const type = typeOf(doc);
  if (ctx.some((c) => c.includes('iiif.io/api/presentation/3')) || ['Manifest', 'Collection'].includes(type)) return 3;
  if (ctx.some((c) => c.includes('iiif.io/api/presentation/2')) || type.startsWith('sc:')) return 2;
  if (ctx.some((c) => c.includes('iiif.io/api/image'))) {
    throw new ImportError('not-iiif', 'This is an Image API information document (info.json), not a manifest; import the manifest that shows the image.');
  }
  if (ctx.some((c) => c.includes('iiif.io/api/presentation/1')) || ctx.some((c) => /iiif\.io\/api\/presentation\/(0|1)/.test(c))) {
    throw new ImportError('unsupported-version', 'Presentation API 1.0 manifests are not imported; the archive may offer version 2.1 or 3.0.');
  }
  throw new ImportError('not-iiif', 'The document has no IIIF Presentation @context and no Manifest type, so it is not a IIIF manifest.');
}

function refuseCollection(doc: Obj): never {
  const members = [...arr(doc['items']), ...arr(doc['manifests']), ...arr(doc['members'])]
    .map((m) => idOf(m))
    .filter((id): id is string => !!id);
  const sample = members.slice(0, 3).join(', ');
  throw new ImportError(
    'collection',
    `This is a Collection of ${members.length} ${members.length === 1 ? 'entry' : 'entries'}, not a Manifest: one item is made from one manifest. Import each manifest by its own address${sample ? `, e.g. ${sample}` : ''}.`,
  );
}

/** v2 `license` (string or list) → the first URI in it, since the upgrader leaves it out. */
function v2License(doc: Obj): string | null {
  for (const l of arr(doc['license'])) {
    const u = idOf(l) ?? str(l);
    if (u) return u;
  }
  return null;
}

function service(body: Obj): Media['service'] | undefined {
  for (const s of arr(body['service'])) {
    if (!isObj(s)) continue;
    const id = httpUrl(idOf(s));
    const type = typeOf(s);
    const profileRaw = str(s['profile']) ?? arr(s['profile']).map(str).find((p) => p) ?? '';
    if (!id) continue;
    if (type === 'ImageService3' || (type === '' && contexts(s).some((c) => c.includes('image/3')))) {
      return { id: id.replace(/\/info\.json$/, ''), type: 'ImageService3', profile: profileRaw || 'level0' };
    }
    if (type === 'ImageService2' || type === 'ImageService1' || type === '' || contexts(s).some((c) => c.includes('image/2'))) {
      return { id: id.replace(/\/info\.json$/, ''), type: 'ImageService2', profile: profileRaw || 'http://iiif.io/api/image/2/level0.json' };
    }
  }
  return undefined;
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : null;
}

/** The content resource a painting annotation shows: a Choice gives its first (default) option. */
function paintedBody(anno: Obj, notKept: Set<string>): Obj | null {
  for (const b of arr(anno['body'])) {
    if (!isObj(b)) continue;
    if (typeOf(b) === 'Choice') {
      const first = arr(b['items']).find(isObj);
      notKept.add('the alternatives of a Choice (only the first, the default, is shown)');
      if (first) return first;
      continue;
    }
    if (typeOf(b) === 'SpecificResource' && isObj(b['source'])) return b['source'];
    return b;
  }
  return null;
}

function annotationsOf(page: unknown): Obj[] {
  return isObj(page) ? arr(page['items']).filter(isObj) : [];
}

function canvasMedia(canvas: Obj, notKept: Set<string>): { media: Omit<Media, 'id'>[]; poster: Omit<Media, 'id'> | null } {
  const out: Omit<Media, 'id'>[] = [];
  const alt = fromLanguageMap(canvas['label']);
  const cw = num(canvas['width']);
  const ch = num(canvas['height']);
  const cd = num(canvas['duration']);
  const captions: NonNullable<Media['captions']> = [];
  for (const page of arr(canvas['annotations'])) {
    for (const anno of annotationsOf(page)) {
      if (str(anno['motivation']) !== 'supplementing') continue;
      for (const b of arr(anno['body'])) {
        if (!isObj(b)) continue;
        const url = httpUrl(idOf(b));
        const lang = str(b['language']) ?? arr(b['language']).map(str).find((x) => x) ?? null;
        if (url && lang && (str(b['format']) === 'text/vtt' || url.endsWith('.vtt'))) captions.push({ lang, kind: 'captions', url });
      }
    }
    if (!annotationsOf(page).some((a) => str(a['motivation']) === 'supplementing')) notKept.add('commenting, tagging and other annotations');
  }
  for (const page of arr(canvas['items'])) {
    for (const anno of annotationsOf(page)) {
      if (str(anno['motivation']) !== 'painting') continue;
      const body = paintedBody(anno, notKept);
      if (!body) continue;
      const url = httpUrl(idOf(body));
      const type = typeOf(body);
      const width = num(body['width']) ?? cw;
      const height = num(body['height']) ?? ch;
      const duration = num(body['duration']) ?? cd;
      const format = str(body['format']);
      if (type === 'Image' || type === 'dctypes:Image') {
        const svc = service(body);
        if (!url && !svc) continue;
        out.push({
          kind: 'image',
          role: 'primary',
          path: '',
          mime: format ?? 'image/jpeg',
          width,
          height,
          duration: null,
          placeholder: false,
          alt,
          ...(url ? { url } : { url: `${svc!.id}/full/max/0/default.jpg` }),
          ...(svc ? { service: svc } : {}),
        });
      } else if ((type === 'Video' || type === 'Sound' || type === 'Audio') && url) {
        if (!duration) {
          notKept.add('films or sound without a duration');
          continue;
        }
        out.push({
          kind: type === 'Video' ? 'video' : 'audio',
          role: 'primary',
          path: '',
          mime: format ?? (type === 'Video' ? 'video/mp4' : 'audio/mp4'),
          width: type === 'Video' ? width : null,
          height: type === 'Video' ? height : null,
          duration,
          placeholder: false,
          alt,
          url,
          ...(captions.length ? { captions } : {}),
        });
      } else {
        notKept.add(`painted ${type || 'resources'} of a kind an item cannot show (${type || 'untyped'})`);
      }
    }
  }
  let poster: Omit<Media, 'id'> | null = null;
  const placeholder = canvas['placeholderCanvas'];
  if (isObj(placeholder)) {
    const inner = canvasMedia(placeholder, notKept).media.find((m) => m.kind === 'image');
    if (inner) poster = { ...inner, role: 'poster' };
  }
  return { media: out, poster };
}

/** navDate ("1972-02-19T00:00:00Z") → its calendar day in UTC, as EDTF. */
function navDay(v: unknown): string | null {
  const s = str(v);
  if (!s) return null;
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) return null;
  const iso = d.toISOString().slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : null;
}

function pair(v: unknown): ImportedMetadata | null {
  if (!isObj(v)) return null;
  const label = fromLanguageMap(v['label']);
  const value = fromLanguageMap(v['value']);
  return Object.keys(value).length ? { label, value } : null;
}

/** Maps a parsed manifest document; refuses, with a specific reason, what cannot be one item. */
export function mapManifest(doc: unknown): ImportedRecord {
  const version = presentationVersion(doc);
  const raw = doc as Obj;
  if (version === 2 && typeOf(raw) === 'sc:Collection') refuseCollection(raw);
  if (version === 2 && typeOf(raw) !== 'sc:Manifest') throw new ImportError('not-iiif', `This is a Presentation 2 ${typeOf(raw) || 'document'}, not a sc:Manifest.`);
  const m = (version === 2 ? upgrade(raw as Parameters<typeof upgrade>[0]) : raw) as unknown as Obj;
  const type = typeOf(m);
  if (type === 'Collection') refuseCollection(m);
  if (type !== 'Manifest') throw new ImportError('not-iiif', type ? `This is a IIIF ${type}, not a Manifest.` : 'This document has no type, so it is not a Manifest.');
  const manifestId = httpUrl(idOf(m));
  if (!manifestId) throw new ImportError('not-iiif', 'The manifest has no http(s) id.');
  const canvases = arr(m['items']).filter((c) => isObj(c) && typeOf(c) === 'Canvas') as Obj[];
  if (canvases.length > MAX_CANVASES) {
    throw new ImportError('too-many-canvases', `The manifest has ${canvases.length} canvases; one item shows at most ${MAX_CANVASES}.`);
  }
  const notKept = new Set<string>();
  const media: Omit<Media, 'id'>[] = [];
  let poster: Omit<Media, 'id'> | null = null;
  for (const c of canvases) {
    const got = canvasMedia(c, notKept);
    media.push(...got.media);
    poster ??= got.poster;
  }
  if (!media.length) {
    throw new ImportError(
      'nothing-to-show',
      canvases.length
        ? `None of the ${canvases.length} canvases paints an image, film or sound that can be shown from the archive's own address.`
        : 'The manifest has no canvases, so there is nothing to show.',
    );
  }
  if (poster && media.some((x) => x.kind !== 'image')) media.unshift(poster);
  const kinds = new Set(media.filter((x) => x.role === 'primary').map((x) => x.kind));
  const mediaType: MediaType | null = kinds.has('video') ? 'film' : kinds.has('audio') && !kinds.has('image') ? 'sound' : null;
  if (m['structures']) notKept.add('the table of contents (structures)');
  if (m['viewingDirection'] && m['viewingDirection'] !== 'left-to-right') notKept.add(`the viewing direction (${String(m['viewingDirection'])})`);
  if (m['navPlace'] || canvases.some((c) => c['navPlace'])) notKept.add('the map location (navPlace)');
  if (m['rendering']) notKept.add('alternative renderings (e.g. PDF)');
  if (m['start']) notKept.add('the start point');
  if (canvases.some((c) => arr(c['metadata']).length)) notKept.add('metadata on individual canvases');
  const providers = arr(m['provider'])
    .filter(isObj)
    .map((p) => ({ label: fromLanguageMap(p['label']), homepage: arr(p['homepage']).map((h) => httpUrl(idOf(h))).find((h) => h) ?? null }));
  return {
    manifestId,
    version,
    label: fromLanguageMap(m['label']),
    summary: fromLanguageMap(m['summary']),
    metadata: arr(m['metadata']).map(pair).filter((x): x is ImportedMetadata => x !== null),
    requiredStatement: pair(m['requiredStatement']),
    rights: str(m['rights']) ?? (version === 2 ? v2License(raw) : null),
    navDate: navDay(m['navDate']),
    providers,
    homepage: arr(m['homepage']).map((h) => httpUrl(idOf(h))).find((h) => h) ?? null,
    mediaType,
    media,
    notKept: [...notKept],
  };
}
