// Exhibitions and their chapters as IIIF Presentation 3 Collections: an exhibition lists its
// chapters, a chapter lists the manifests of its published items in reading order.
import type { Chapter, Exhibition, Institution, Item } from '../domain/types.ts';
import { roman } from '../views/context.ts';
import { noLanguage, perLanguage, toLanguageMap } from './language-map.ts';
import { PRESENTATION_CONTEXT, thumbnailOf, type Json, type LangView, type LocalImage } from './manifest.ts';
import { chapterCollectionUrl, exhibitionCollectionUrl, manifestUrl, pageUrl } from './urls.ts';

function homepages(base: string, views: readonly LangView[], path: string, title: ReturnType<typeof toLanguageMap>, fallback: string): Json[] {
  return views.map(({ lang }) => ({
    id: pageUrl(base, lang, path),
    type: 'Text',
    label: title?.[lang] ? { [lang]: title[lang] } : (title ?? noLanguage(fallback)),
    format: 'text/html',
    language: [lang],
  }));
}

function providers(base: string, ex: Exhibition, institutions: ReadonlyMap<string, Institution>, views: readonly LangView[]): Json[] {
  const langs = views.map((v) => v.lang);
  return ex.institutionIds
    .map((id) => institutions.get(id))
    .filter((i): i is Institution => i !== undefined)
    .map((inst) => ({
      id: pageUrl(base, langs[0] ?? 'en', `/institutions/${inst.id}`),
      type: 'Agent',
      label: toLanguageMap(inst.name, langs) ?? noLanguage(inst.id),
      ...(inst.homepage ? { homepage: [{ id: inst.homepage, type: 'Text', label: toLanguageMap(inst.name, langs) ?? noLanguage(inst.id), format: 'text/html' }] } : {}),
    }));
}

export interface ExhibitionCollectionInput {
  base: string;
  exhibition: Exhibition;
  institutions: ReadonlyMap<string, Institution>;
  views: readonly LangView[];
}

export function buildExhibitionCollection({ base, exhibition: ex, institutions, views }: ExhibitionCollectionInput): Json {
  const langs = views.map((v) => v.lang);
  const title = toLanguageMap(ex.title, langs);
  const summary = toLanguageMap(ex.subtitle, langs);
  return {
    '@context': PRESENTATION_CONTEXT,
    id: exhibitionCollectionUrl(base, ex.slug),
    type: 'Collection',
    label: title ?? noLanguage(ex.slug),
    ...(summary ? { summary } : {}),
    provider: providers(base, ex, institutions, views),
    homepage: homepages(base, views, `/exhibitions/${ex.slug}`, title, ex.slug),
    items: ex.chapters.map((c) => ({
      id: chapterCollectionUrl(base, ex.slug, c.slug),
      type: 'Collection',
      label: toLanguageMap(c.title, langs) ?? noLanguage(c.slug),
    })),
  };
}

export interface ChapterCollectionInput extends ExhibitionCollectionInput {
  chapter: Chapter;
  /** Published items of the chapter by id; placements of others are skipped. */
  items: ReadonlyMap<string, Item>;
  images: ReadonlyMap<string, LocalImage>;
  /** Items that have a manifest (something to show). */
  hasManifest: (item: Item) => boolean;
}

export function buildChapterCollection(input: ChapterCollectionInput): Json {
  const { base, exhibition: ex, chapter: c, views } = input;
  const langs = views.map((v) => v.lang);
  const title = toLanguageMap(c.title, langs);
  const numbered = c.number !== null ? perLanguage(langs, (lang) => views.find((v) => v.lang === lang)?.ctx.t('chapter.number', { numeral: roman(c.number ?? 0) })) : null;
  const ids = c.sections.flatMap((s) => s.itemIds);
  const items = [...new Set(ids)].map((id) => input.items.get(id)).filter((i): i is Item => i !== undefined && input.hasManifest(i));
  return {
    '@context': PRESENTATION_CONTEXT,
    id: chapterCollectionUrl(base, ex.slug, c.slug),
    type: 'Collection',
    label: title ?? numbered ?? noLanguage(c.slug),
    ...(toLanguageMap(c.intro, langs) ? { summary: toLanguageMap(c.intro, langs) } : {}),
    provider: providers(base, ex, input.institutions, views),
    homepage: homepages(base, views, `/exhibitions/${ex.slug}/${c.slug}`, title, c.slug),
    partOf: [{ id: exhibitionCollectionUrl(base, ex.slug), type: 'Collection', label: toLanguageMap(ex.title, langs) ?? noLanguage(ex.slug) }],
    items: items.map((item) => {
      const img = item.media.find((m) => m.kind === 'image');
      const thumb = img ? thumbnailOf(base, img, input.images) : null;
      return {
        id: manifestUrl(base, item.id),
        type: 'Manifest',
        label: toLanguageMap(item.heading, langs) ?? noLanguage(item.id),
        ...(thumb ? { thumbnail: [thumb] } : {}),
      };
    }),
  };
}
