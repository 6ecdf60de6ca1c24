// Domain read models → the JSON bodies of /api/v1. Pure: every field is copied by name, never
// spread from a domain object, so nothing internal (review authors, source texts of
// translations, file paths, publication state) can slip into a response.
import { edtfBounds, formatEdtf } from '../domain/edtf.ts';
import { getRights } from '../domain/rights.ts';
import type { Chapter, Exhibition, Institution, Item, LocalizedText, Media, Person, Place } from '../domain/types.ts';
import { hasCanvas } from '../iiif/manifest.ts';
import { avUrl, chapterCollectionUrl, exhibitionCollectionUrl, imageServiceUrl, manifestUrl, pageUrl } from '../iiif/urls.ts';
import type { ChapterModel, ExhibitionModel, ItemModel } from '../services/site.ts';
import { institutionName, personName, pickLabel, type ViewContext } from '../views/context.ts';

export const API_PREFIX = '/api/v1';

/** What every builder needs: the public origin and one view context per site language. */
export interface ApiContext {
  base: string;
  views: readonly ViewContext[];
  institutions: ReadonlyMap<string, Institution>;
}

export type Text = Record<string, { value: string; status: 'draft' | 'reviewed' }>;
export type DisplayMap = Record<string, string>;

export interface ApiDate {
  edtf: string;
  earliest: string | null;
  latest: string | null;
  iso: string | null;
  display: DisplayMap;
}

export interface ApiLinks {
  self: string;
  html: DisplayMap;
}

export interface InstitutionRef {
  id: string;
  name: Text;
  displayName: DisplayMap;
  self: string;
}

export interface ItemSummary {
  id: string;
  heading: Text;
  date: ApiDate | null;
  holder: InstitutionRef;
  referenceCode: string | null;
  mediaType: Item['mediaType'];
  thumbnail: string | null;
  links: ApiLinks;
}

export const apiUrl = (ctx: ApiContext, path: string): string => `${ctx.base}${API_PREFIX}${path}`;

/** A stored text without what only the workspace needs (translation sources, authors). */
export function text(t: LocalizedText): Text {
  const out: Text = {};
  for (const [lang, v] of Object.entries(t)) if (v) out[lang] = { value: v.value, status: v.status };
  return out;
}

const perLang = (ctx: ApiContext, f: (v: ViewContext) => string): DisplayMap => Object.fromEntries(ctx.views.map((v) => [v.lang, f(v)]));

const html = (ctx: ApiContext, path: string): DisplayMap => perLang(ctx, (v) => pageUrl(ctx.base, v.lang, path));

export function date(ctx: ApiContext, edtf: string | null): ApiDate | null {
  if (edtf === null) return null;
  const { earliest, latest } = edtfBounds(edtf);
  return {
    edtf,
    earliest,
    latest,
    iso: earliest && latest ? `${earliest}/${latest}` : null,
    display: perLang(ctx, (v) => formatEdtf(edtf, v.lang)),
  };
}

export function institutionRef(ctx: ApiContext, inst: Institution): InstitutionRef {
  return {
    id: inst.id,
    name: text(inst.name),
    displayName: perLang(ctx, (v) => institutionName(v, inst, ctx.institutions)),
    self: apiUrl(ctx, `/institutions/${inst.id}`),
  };
}

/** The holder of an item; an item always has one (the store refuses others), so a missing one is a broken database. */
function holder(ctx: ApiContext, item: Item): InstitutionRef {
  const inst = ctx.institutions.get(item.institutionId);
  if (!inst) throw new Error(`item ${item.id}: institution "${item.institutionId}" is missing`);
  return institutionRef(ctx, inst);
}

/** Local images are served by this site's Image API; the archive's own service is used for the others. */
function imageService(ctx: ApiContext, m: Media): string | null {
  if (m.kind !== 'image') return null;
  if (m.service) return m.service.id;
  return m.path && !m.url ? imageServiceUrl(ctx.base, m.id) : null;
}

function thumbnail(ctx: ApiContext, item: Item): string | null {
  const img = item.media.find((m) => m.kind === 'image' && m.role === 'primary') ?? item.media.find((m) => m.kind === 'image');
  if (!img) return null;
  const service = imageService(ctx, img);
  if (service) return `${service}/full/!400,400/0/default.jpg`;
  return img.url ?? null;
}

export function itemSummary(ctx: ApiContext, item: Item): ItemSummary {
  return {
    id: item.id,
    heading: text(item.heading),
    date: date(ctx, item.date),
    holder: holder(ctx, item),
    referenceCode: item.referenceCode,
    mediaType: item.mediaType,
    thumbnail: thumbnail(ctx, item),
    links: { self: apiUrl(ctx, `/items/${item.id}`), html: html(ctx, `/items/${item.id}`) },
  };
}

function media(ctx: ApiContext, m: Media) {
  const service = imageService(ctx, m);
  const url = m.url ?? (m.path ? (m.kind === 'image' && service ? `${service}/full/max/0/default.jpg` : avUrl(ctx.base, m.path)) : null);
  return {
    id: m.id,
    kind: m.kind,
    role: m.role,
    mime: m.mime,
    width: m.width,
    height: m.height,
    duration: m.duration,
    placeholder: m.placeholder,
    alt: text(m.alt),
    imageService: service,
    url,
    captions: (m.captions ?? []).flatMap((c) => {
      const u = c.url ?? (c.path ? avUrl(ctx.base, c.path) : null);
      return u ? [{ lang: c.lang, kind: c.kind, url: u }] : [];
    }),
  };
}

export function personRef(ctx: ApiContext, p: Person) {
  return { id: p.id, name: perLang(ctx, (v) => personName(v, p).value), self: apiUrl(ctx, `/people/${p.id}`) };
}

function place(p: Place) {
  return { id: p.id, name: text(p.name) };
}

function rights(ctx: ApiContext, uri: string) {
  const entry = getRights(uri);
  // Stored rights are validated against the list; an unlisted one is shown as its URI.
  return { uri, id: entry?.id ?? uri, label: perLang(ctx, (v) => (entry ? pickLabel(v, entry.label) : uri)) };
}

export function itemDetail(ctx: ApiContext, m: ItemModel) {
  const { item } = m;
  // The same test the manifest builder makes, with every local image counted: the manifest
  // route prepares a missing tile pyramid on demand.
  const localImages = new Map(item.media.filter((x) => x.kind === 'image' && x.path && !x.url).map((x) => [x.id, { identifier: x.id, width: x.width ?? 1, height: x.height ?? 1, sizes: [] }]));
  return {
    id: item.id,
    heading: text(item.heading),
    title: text(item.title),
    caption: text(item.caption),
    date: date(ctx, item.date),
    holder: holder(ctx, item),
    referenceCode: item.referenceCode,
    mediaType: item.mediaType,
    thumbnail: thumbnail(ctx, item),
    rights: rights(ctx, item.rights),
    people: m.people.map((p) => personRef(ctx, p)),
    places: m.places.map(place),
    media: item.media.map((x) => media(ctx, x)),
    placements: m.contexts.map((c) => ({
      exhibition: { id: c.exhibition.id, slug: c.exhibition.slug, title: text(c.exhibition.title), self: apiUrl(ctx, `/exhibitions/${c.exhibition.id}`) },
      chapter: chapterRef(ctx, c.exhibition, c.chapter),
      section: { id: c.section.id, heading: text(c.section.heading) },
      html: html(ctx, `/exhibitions/${c.exhibition.slug}/${c.chapter.slug}`),
    })),
    links: {
      self: apiUrl(ctx, `/items/${item.id}`),
      html: html(ctx, `/items/${item.id}`),
      manifest: hasCanvas(item, localImages) ? manifestUrl(ctx.base, item.id) : null,
    },
  };
}

function chapterRef(ctx: ApiContext, ex: Exhibition, c: Chapter) {
  return { id: c.id, slug: c.slug, title: text(c.title), self: apiUrl(ctx, `/exhibitions/${ex.id}/chapters/${c.id}`) };
}

function exhibitionLinks(ctx: ApiContext, ex: Exhibition) {
  return { self: apiUrl(ctx, `/exhibitions/${ex.id}`), html: html(ctx, `/exhibitions/${ex.slug}`), iiif: exhibitionCollectionUrl(ctx.base, ex.slug) };
}

function coCurators(ctx: ApiContext, ex: Exhibition): InstitutionRef[] {
  return ex.institutionIds.flatMap((id) => {
    const inst = ctx.institutions.get(id);
    return inst ? [institutionRef(ctx, inst)] : [];
  });
}

const countIn = (c: Chapter) => c.sections.reduce((n, s) => n + s.itemIds.length, 0);

export function exhibitionSummary(ctx: ApiContext, m: ExhibitionModel) {
  const ex = m.exhibition;
  return {
    id: ex.id,
    slug: ex.slug,
    title: text(ex.title),
    subtitle: text(ex.subtitle),
    sourceLang: ex.sourceLang,
    institutions: coCurators(ctx, ex),
    chapterCount: ex.chapters.length,
    itemCount: ex.chapters.reduce((n, c) => n + countIn(c), 0),
    links: exhibitionLinks(ctx, ex),
  };
}

export function exhibitionDetail(ctx: ApiContext, m: ExhibitionModel) {
  const ex = m.exhibition;
  return {
    id: ex.id,
    slug: ex.slug,
    title: text(ex.title),
    subtitle: text(ex.subtitle),
    intro: text(ex.intro),
    sourceLang: ex.sourceLang,
    institutions: coCurators(ctx, ex),
    itemCount: ex.chapters.reduce((n, c) => n + countIn(c), 0),
    chapters: ex.chapters.map((c) => ({
      id: c.id,
      slug: c.slug,
      number: c.number,
      title: text(c.title),
      period: date(ctx, c.period),
      itemCount: countIn(c),
      sections: c.sections.map((s) => ({ id: s.id, heading: text(s.heading), itemCount: s.itemIds.length })),
      self: apiUrl(ctx, `/exhibitions/${ex.id}/chapters/${c.id}`),
    })),
    links: exhibitionLinks(ctx, ex),
  };
}

export function chapterDetail(ctx: ApiContext, m: ChapterModel) {
  const { exhibition: ex, chapter: c } = m;
  return {
    id: c.id,
    slug: c.slug,
    number: c.number,
    title: text(c.title),
    intro: text(c.intro),
    period: date(ctx, c.period),
    exhibition: { id: ex.id, slug: ex.slug, title: text(ex.title), self: apiUrl(ctx, `/exhibitions/${ex.id}`) },
    sections: c.sections.map((s) => ({
      id: s.id,
      heading: text(s.heading),
      intro: text(s.intro),
      // The structure lists published items only; the map holds exactly those.
      items: s.itemIds.flatMap((id) => {
        const it = m.items.get(id);
        return it ? [itemSummary(ctx, it)] : [];
      }),
    })),
    prev: m.prev ? chapterRef(ctx, ex, m.prev) : null,
    next: m.next ? chapterRef(ctx, ex, m.next) : null,
    links: {
      self: apiUrl(ctx, `/exhibitions/${ex.id}/chapters/${c.id}`),
      html: html(ctx, `/exhibitions/${ex.slug}/${c.slug}`),
      iiif: chapterCollectionUrl(ctx.base, ex.slug, c.slug),
    },
  };
}

function personLinks(ctx: ApiContext, p: Person) {
  return { self: apiUrl(ctx, `/people/${p.id}`), html: html(ctx, `/people/${p.id}`), items: apiUrl(ctx, `/items?person=${p.id}`) };
}

export function personSummary(ctx: ApiContext, p: Person, itemCount: number) {
  return {
    id: p.id,
    culture: p.culture,
    name: perLang(ctx, (v) => personName(v, p).value),
    role: text(p.role),
    itemCount,
    links: personLinks(ctx, p),
  };
}

export function personDetail(ctx: ApiContext, p: Person, itemCount: number) {
  const names: Record<string, { family?: string; given?: string; patronymic?: string; patronymicInitial?: string; status: 'draft' | 'reviewed' }> = {};
  for (const [lang, n] of Object.entries(p.names)) {
    if (!n) continue;
    names[lang] = {
      ...(n.family ? { family: n.family } : {}),
      ...(n.given ? { given: n.given } : {}),
      ...(n.patronymic ? { patronymic: n.patronymic } : {}),
      ...(n.patronymicInitial ? { patronymicInitial: n.patronymicInitial } : {}),
      status: n.status,
    };
  }
  // The summary plus the name parts per language.
  return { ...personSummary(ctx, p, itemCount), names };
}

function institutionLinks(ctx: ApiContext, inst: Institution) {
  return { self: apiUrl(ctx, `/institutions/${inst.id}`), html: html(ctx, `/institutions/${inst.id}`), items: apiUrl(ctx, `/items?institution=${inst.id}`) };
}

export function institutionSummary(ctx: ApiContext, inst: Institution, itemCount: number) {
  return {
    id: inst.id,
    parent: inst.parentId,
    name: text(inst.name),
    displayName: perLang(ctx, (v) => institutionName(v, inst, ctx.institutions)),
    scheme: inst.scheme,
    homepage: inst.homepage,
    country: inst.country,
    itemCount,
    links: institutionLinks(ctx, inst),
  };
}

export function institutionDetail(ctx: ApiContext, inst: Institution, itemCount: number) {
  const parent = inst.parentId ? ctx.institutions.get(inst.parentId) : undefined;
  // The summary, with the parent as a reference instead of an id, and the children.
  return {
    ...institutionSummary(ctx, inst, itemCount),
    parent: parent ? institutionRef(ctx, parent) : null,
    children: [...ctx.institutions.values()].filter((i) => i.parentId === inst.id).map((i) => institutionRef(ctx, i)),
  };
}
