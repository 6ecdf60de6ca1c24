// A published item as a IIIF Presentation 3 Manifest. Pure: everything it needs is passed in,
// including one view context per configured language for the catalog strings.
import { edtfBounds, formatEdtf } from '../domain/edtf.ts';
import { formatPersonName } from '../domain/person-name.ts';
import type { Institution, Item, Lang, LocalizedText, Media, Person, Place } from '../domain/types.ts';
import { rootLang } from '../i18n/fallback.ts';
import type { ViewContext } from '../views/context.ts';
import { noLanguage, perLanguage, toLanguageMap, type LanguageMap } from './language-map.ts';
import { avUrl, chapterCollectionUrl, imageServiceUrl, manifestUrl, pageUrl } from './urls.ts';

export const PRESENTATION_CONTEXT = 'http://iiif.io/api/presentation/3/context.json';

export type Json = Record<string, unknown>;

/** A view context per configured language, in the site's language order. */
export interface LangView {
  lang: Lang;
  ctx: ViewContext;
}

/** A locally served image with its prepared pyramid's sizes. */
export interface LocalImage {
  identifier: string;
  width: number;
  height: number;
  /** Full-image sizes available as files, smallest first. */
  sizes: { width: number; height: number }[];
}

export interface ChapterRef {
  exhibitionSlug: string;
  chapterSlug: string;
  title: LocalizedText;
}

export interface ManifestInput {
  base: string;
  item: Item;
  institutions: ReadonlyMap<string, Institution>;
  people: readonly Person[];
  places: readonly Place[];
  chapters: readonly ChapterRef[];
  views: readonly LangView[];
  /** Prepared local images by media id. */
  images: ReadonlyMap<string, LocalImage>;
}

/** The value in exactly this language (or its root), never a fallback from another one. */
function exact(text: LocalizedText | undefined, lang: Lang): string | null {
  const v = text?.[lang] ?? text?.[rootLang(lang)];
  return v && v.value.trim() !== '' ? v.value : null;
}

function institutionIn(inst: Institution, all: ReadonlyMap<string, Institution>, view: LangView): string | null {
  const own = exact(inst.name, view.lang);
  if (!own) return null;
  const parent = inst.parentId ? all.get(inst.parentId) : undefined;
  if (!parent) return own;
  const p = institutionIn(parent, all, view);
  return p ? view.ctx.t('institution.withParent', { parent: p, child: own }) : null;
}

function personIn(p: Person, lang: Lang): string | null {
  const parts = p.names[lang] ?? p.names[rootLang(lang)];
  if (!parts) return null;
  const s = formatPersonName(p.culture, parts, lang);
  return s.trim() === '' ? null : s;
}

/** A list joined by each language's separator, only where every member exists in that language. */
function listIn(views: readonly LangView[], members: readonly ((lang: Lang) => string | null)[]): LanguageMap | null {
  if (!members.length) return null;
  return perLanguage(
    views.map((v) => v.lang),
    (lang) => {
      const view = views.find((v) => v.lang === lang);
      const parts = members.map((m) => m(lang));
      return view && parts.every((p) => p !== null) ? parts.join(view.ctx.t('list.separator')) : null;
    },
  );
}

function label(views: readonly LangView[], key: string): LanguageMap {
  return perLanguage(
    views.map((v) => v.lang),
    (lang) => views.find((v) => v.lang === lang)?.ctx.t(key),
  ) ?? { none: [key] };
}

function entry(views: readonly LangView[], key: string, value: LanguageMap | null): Json[] {
  return value ? [{ label: label(views, key), value }] : [];
}

/** navDate is a dateTime: the first day the EDTF date covers, at midnight UTC. */
export function navDateOf(edtf: string | null): string | null {
  if (!edtf) return null;
  try {
    const { earliest } = edtfBounds(edtf);
    return earliest && /^\d{4}-\d{2}-\d{2}$/.test(earliest) ? `${earliest}T00:00:00Z` : null;
  } catch {
    // An EDTF value we cannot bound has no place on a timeline; the manifest is still valid.
    return null;
  }
}

export function imageService(base: string, identifier: string): Json {
  return { id: imageServiceUrl(base, identifier), type: 'ImageService3', profile: 'level2' };
}

function externalService(m: Media): Json[] {
  const s = m.service;
  if (!s) return [];
  // Presentation 3 writes version 2 services with their own JSON-LD keys.
  return s.type === 'ImageService2' ? [{ '@id': s.id, '@type': 'ImageService2', profile: s.profile }] : [{ id: s.id, type: 'ImageService3', profile: s.profile }];
}

/** The listed size closest to `target` pixels wide, for thumbnails. */
export function pickSize(img: LocalImage, target: number): { width: number; height: number } {
  const sizes = img.sizes.length ? img.sizes : [{ width: img.width, height: img.height }];
  return sizes.reduce((best, s) => (Math.abs(s.width - target) < Math.abs(best.width - target) ? s : best));
}

/** A thumbnail resource for an image medium, or null for one we cannot show. */
export function thumbnailOf(base: string, m: Media, images: ReadonlyMap<string, LocalImage>): Json | null {
  const local = images.get(m.id);
  if (local) {
    const s = pickSize(local, 400);
    return {
      id: `${imageServiceUrl(base, local.identifier)}/full/${s.width},${s.height}/0/default.jpg`,
      type: 'Image',
      format: 'image/jpeg',
      width: s.width,
      height: s.height,
      service: [imageService(base, local.identifier)],
    };
  }
  if (m.url) {
    return { id: m.url, type: 'Image', format: m.mime || 'image/jpeg', ...(m.service ? { service: externalService(m) } : {}) };
  }
  return null;
}

function imageBody(base: string, m: Media, images: ReadonlyMap<string, LocalImage>): Json | null {
  const local = images.get(m.id);
  if (local) {
    return {
      id: `${imageServiceUrl(base, local.identifier)}/full/max/0/default.jpg`,
      type: 'Image',
      format: 'image/jpeg',
      width: local.width,
      height: local.height,
      service: [imageService(base, local.identifier)],
    };
  }
  if (!m.url) return null;
  return {
    id: m.url,
    type: 'Image',
    format: m.mime || 'image/jpeg',
    ...(m.width && m.height ? { width: m.width, height: m.height } : {}),
    ...(m.service ? { service: externalService(m) } : {}),
  };
}

function avBody(base: string, m: Media): Json | null {
  const id = m.url ?? (m.path ? avUrl(base, m.path) : null);
  if (!id) return null;
  return {
    id,
    type: m.kind === 'video' ? 'Video' : 'Sound',
    format: m.mime,
    ...(m.kind === 'video' && m.width && m.height ? { width: m.width, height: m.height } : {}),
    ...(m.duration ? { duration: m.duration } : {}),
  };
}

function painting(canvasId: string, n: number, body: Json): Json {
  return {
    id: `${canvasId}/page/${n}`,
    type: 'AnnotationPage',
    items: [{ id: `${canvasId}/page/${n}/annotation/1`, type: 'Annotation', motivation: 'painting', body, target: canvasId }],
  };
}

function captionsPage(base: string, canvasId: string, m: Media, views: readonly LangView[]): Json | null {
  const tracks = (m.captions ?? []).filter((c) => c.path || c.url);
  if (!tracks.length) return null;
  return {
    id: `${canvasId}/captions`,
    type: 'AnnotationPage',
    items: tracks.map((c, i) => ({
      id: `${canvasId}/captions/${i + 1}`,
      type: 'Annotation',
      motivation: 'supplementing',
      body: {
        id: c.url ?? avUrl(base, c.path ?? ''),
        type: 'Text',
        format: 'text/vtt',
        language: c.lang,
        label: label(views, `iiif.captions.${c.kind}`),
      },
      target: canvasId,
    })),
  };
}

/** The media an item's canvases show: its primary media, or else its poster still. */
function shownMedia(item: Item): Media[] {
  const poster = item.media.find((m) => m.kind === 'image' && m.role === 'poster');
  const primaries = item.media.filter((m) => m.role === 'primary');
  return primaries.length ? primaries : poster ? [poster] : [];
}

/** Whether an item has a manifest: at least one medium a canvas can show. */
export function hasCanvas(item: Item, images: ReadonlyMap<string, LocalImage>): boolean {
  return shownMedia(item).some((m) => (m.kind === 'image' ? images.has(m.id) || !!m.url : !!m.duration && !!(m.url || m.path)));
}

function canvases(input: ManifestInput, id: string): Json[] {
  const { base, item, images, views } = input;
  const out: Json[] = [];
  const poster = item.media.find((m) => m.kind === 'image' && m.role === 'poster');
  // A film shown only by its poster still is one image canvas, so the record can be viewed at all.
  for (const m of shownMedia(item)) {
    const n = out.length + 1;
    const canvasId = `${id}/canvas/${n}`;
    const canvasLabel = toLanguageMap(m.alt, views.map((v) => v.lang)) ?? noLanguage(String(n));
    if (m.kind === 'image') {
      const body = imageBody(base, m, images);
      if (!body) continue;
      const width = (body['width'] as number | undefined) ?? m.width ?? 1000;
      const height = (body['height'] as number | undefined) ?? m.height ?? 1000;
      const thumb = thumbnailOf(base, m, images);
      out.push({
        id: canvasId,
        type: 'Canvas',
        label: canvasLabel,
        width,
        height,
        ...(thumb ? { thumbnail: [thumb] } : {}),
        items: [painting(canvasId, 1, body)],
      });
      continue;
    }
    const body = avBody(base, m);
    if (!body || !m.duration) continue;
    const captions = captionsPage(base, canvasId, m, views);
    const posterBody = poster ? imageBody(base, poster, images) : null;
    out.push({
      id: canvasId,
      type: 'Canvas',
      label: canvasLabel,
      ...(m.kind === 'video' && m.width && m.height ? { width: m.width, height: m.height } : {}),
      duration: m.duration,
      ...(posterBody
        ? {
            placeholderCanvas: {
              id: `${canvasId}/placeholder`,
              type: 'Canvas',
              width: posterBody['width'],
              height: posterBody['height'],
              items: [painting(`${canvasId}/placeholder`, 1, posterBody)],
            },
          }
        : {}),
      items: [painting(canvasId, 1, body)],
      ...(captions ? { annotations: [captions] } : {}),
    });
  }
  return out;
}

/**
 * The record as schema.org JSON-LD, which the item page carries in a script element of that
 * id. The fragment keeps it a resource of its own, apart from the page listed as homepage.
 */
export function seeAlsoOf(base: string, lang: Lang, itemId: string, label: LanguageMap): Json {
  return { id: `${pageUrl(base, lang, `/items/${itemId}`)}#json-ld`, type: 'Dataset', format: 'application/ld+json', profile: 'https://schema.org/', label };
}

/** The manifest of a published item; null when it has nothing a viewer could show. */
export function buildManifest(input: ManifestInput): Json | null {
  const { base, item, institutions, views } = input;
  const langs = views.map((v) => v.lang);
  const id = manifestUrl(base, item.id);
  const items = canvases(input, id);
  if (!items.length) return null;
  const inst = institutions.get(item.institutionId);
  const instIn = (lang: Lang) => {
    const view = views.find((v) => v.lang === lang);
    return inst && view ? institutionIn(inst, institutions, view) : null;
  };
  const metadata = [
    ...entry(views, 'iiif.metadata.heading', toLanguageMap(item.heading, langs)),
    ...entry(views, 'iiif.metadata.archivalTitle', toLanguageMap(item.title, langs)),
    ...entry(views, 'iiif.metadata.date', item.date ? perLanguage(langs, (l) => formatEdtf(item.date ?? '', l)) : null),
    ...entry(views, 'iiif.metadata.holder', perLanguage(langs, instIn)),
    ...entry(views, 'iiif.metadata.referenceCode', item.referenceCode ? noLanguage(item.referenceCode) : null),
    ...entry(views, 'iiif.metadata.people', listIn(views, input.people.map((p) => (l: Lang) => personIn(p, l)))),
    ...entry(views, 'iiif.metadata.places', listIn(views, input.places.map((p) => (l: Lang) => exact(p.name, l)))),
  ];
  const required = perLanguage(langs, (lang) => {
    const view = views.find((v) => v.lang === lang);
    const name = instIn(lang);
    if (!view || !name) return null;
    return item.referenceCode ? view.ctx.t('iiif.requiredStatement.value', { institution: name, code: item.referenceCode }) : name;
  });
  const heading = toLanguageMap(item.heading, langs) ?? noLanguage(item.id);
  const firstImage = item.media.find((m) => m.kind === 'image');
  const thumb = firstImage ? thumbnailOf(base, firstImage, input.images) : null;
  const navDate = navDateOf(item.date);
  const firstLang = langs[0] ?? 'en';
  return {
    '@context': PRESENTATION_CONTEXT,
    id,
    type: 'Manifest',
    label: heading,
    ...(toLanguageMap(item.caption, langs) ? { summary: toLanguageMap(item.caption, langs) } : {}),
    metadata,
    ...(required ? { requiredStatement: { label: label(views, 'iiif.requiredStatement.label'), value: required } } : {}),
    rights: item.rights,
    ...(navDate ? { navDate } : {}),
    ...(thumb ? { thumbnail: [thumb] } : {}),
    ...(inst
      ? {
          provider: [
            {
              id: pageUrl(base, firstLang, `/institutions/${inst.id}`),
              type: 'Agent',
              label: perLanguage(langs, instIn) ?? noLanguage(inst.id),
              homepage: inst.homepage
                ? [{ id: inst.homepage, type: 'Text', label: perLanguage(langs, instIn) ?? noLanguage(inst.id), format: 'text/html' }]
                : langs.map((lang) => ({
                    id: pageUrl(base, lang, `/institutions/${inst.id}`),
                    type: 'Text',
                    label: perLanguage([lang], instIn) ?? noLanguage(inst.id),
                    format: 'text/html',
                    language: [lang],
                  })),
            },
          ],
        }
      : {}),
    homepage: langs.map((lang) => ({
      id: pageUrl(base, lang, `/items/${item.id}`),
      type: 'Text',
      label: exact(item.heading, lang) ? { [lang]: [exact(item.heading, lang)] } : heading,
      format: 'text/html',
      language: [lang],
    })),
    seeAlso: [seeAlsoOf(base, firstLang, item.id, heading)],
    ...(input.chapters.length
      ? {
          partOf: input.chapters.map((c) => ({
            id: chapterCollectionUrl(base, c.exhibitionSlug, c.chapterSlug),
            type: 'Collection',
            label: toLanguageMap(c.title, langs) ?? noLanguage(c.chapterSlug),
          })),
        }
      : {}),
    items,
  };
}
