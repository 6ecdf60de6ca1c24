// schema.org descriptions of public pages as JSON-LD: pure functions of the page models the
// views render. Only published content reaches the models (SiteService), so only published
// content is described. Every term used here must exist in the schema.org vocabulary; the tests
// expand each document against the schema.org context and check every term.
import { edtfToIsoDate, edtfToIsoInterval } from './iso-date.ts';
import { absolutePage } from './base.ts';
import { formatPersonName } from '../domain/person-name.ts';
import { getScheme } from '../domain/reference-code.ts';
import type { Chapter, Exhibition, Institution, Item, Lang, LocalizedText, Media, Person, Place } from '../domain/types.ts';
import type { ChapterModel, ExhibitionModel, HomeModel, InstitutionModel, ItemModel, PersonModel } from '../services/site.ts';
import type { ViewContext } from '../views/context.ts';

export const SCHEMA_CONTEXT = 'https://schema.org';

export type JsonLd = { [key: string]: JsonValue };
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonLd;

interface Env {
  base: string;
  ctx: ViewContext;
  /** Configured languages in order; entity ids are built on the first, so every page names one id. */
  langs: readonly Lang[];
}

function envOf(ctx: ViewContext, base: string): Env {
  return { base, ctx, langs: ctx.languages.map((l) => l.tag) };
}

const page = (env: Env, path: string, lang: Lang = env.ctx.lang) => absolutePage(env.base, lang, path);
/** One stable id per entity, whichever language's page describes it. */
const entityId = (env: Env, path: string, kind: string) => `${absolutePage(env.base, env.langs[0] ?? env.ctx.lang, path)}#${kind}`;

/** Configured languages first, in their order, then any other language a value has. */
function langOrder(env: Env, keys: Iterable<string>): string[] {
  const present = new Set(keys);
  return [...env.langs.filter((l) => present.has(l)), ...[...present].filter((l) => !env.langs.includes(l)).sort()];
}

/** Every language's value as `{"@value", "@language"}`; null when no language has one. */
function tagged(env: Env, text: LocalizedText | undefined): JsonLd[] | null {
  if (!text) return null;
  const out: JsonLd[] = [];
  for (const lang of langOrder(env, Object.keys(text))) {
    const v = text[lang]?.value.trim();
    if (v) out.push({ '@value': v, '@language': lang });
  }
  return out.length ? out : null;
}

/** Languages the text is written in, for `inLanguage`. */
function languagesOf(env: Env, text: LocalizedText | undefined): string[] {
  return text ? langOrder(env, Object.keys(text).filter((l) => text[l]?.value.trim())) : [];
}

/** Adds `key` only when there is a value, so documents carry no empty properties. */
function put(node: JsonLd, key: string, value: JsonValue | undefined): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value) && value.length === 0) return;
  node[key] = value;
}

function webPage(env: Env, type: string, path: string): JsonLd {
  return { '@type': type, '@id': page(env, path), url: page(env, path), inLanguage: env.ctx.lang };
}

function personName(env: Env, p: Person): JsonLd[] {
  const out: JsonLd[] = [];
  for (const lang of langOrder(env, Object.keys(p.names))) {
    const parts = p.names[lang];
    const v = parts ? formatPersonName(p.culture, parts, lang) : '';
    if (v) out.push({ '@value': v, '@language': lang });
  }
  return out.length ? out : [{ '@value': p.id }];
}

function personRef(env: Env, p: Person): JsonLd {
  const path = `/people/${p.id}`;
  return { '@type': 'Person', '@id': entityId(env, path, 'person'), name: personName(env, p), url: page(env, path) };
}

function placeNode(env: Env, p: Place): JsonLd {
  const node: JsonLd = { '@type': 'Place' };
  put(node, 'name', tagged(env, p.name) ?? p.id);
  return node;
}

function institutionRef(env: Env, inst: Institution, all: ReadonlyMap<string, Institution>, depth = 0): JsonLd {
  const path = `/institutions/${inst.id}`;
  const node: JsonLd = { '@type': 'ArchiveOrganization', '@id': entityId(env, path, 'institution') };
  put(node, 'name', tagged(env, inst.name) ?? inst.id);
  node['url'] = page(env, path);
  const parent = inst.parentId ? all.get(inst.parentId) : undefined;
  // Parents are named so a record's holder reads in full ("Archive, Division"); the chain is short.
  if (parent && depth < 8) node['parentOrganization'] = institutionRef(env, parent, all, depth + 1);
  return node;
}

function exhibitionRef(env: Env, ex: Exhibition): JsonLd {
  const path = `/exhibitions/${ex.slug}`;
  const node: JsonLd = { '@type': 'Collection', '@id': entityId(env, path, 'exhibition'), url: page(env, path) };
  put(node, 'name', tagged(env, ex.title) ?? ex.slug);
  return node;
}

function chapterRef(env: Env, ex: Exhibition, c: Chapter, withExhibition: boolean): JsonLd {
  const path = `/exhibitions/${ex.slug}/${c.slug}`;
  const node: JsonLd = { '@type': 'Collection', '@id': entityId(env, path, 'chapter'), url: page(env, path) };
  put(node, 'name', tagged(env, c.title) ?? c.slug);
  if (c.number !== null) node['position'] = c.number;
  if (withExhibition) node['isPartOf'] = exhibitionRef(env, ex);
  return node;
}

function itemRef(env: Env, item: Item): JsonLd {
  const path = `/items/${item.id}`;
  const node: JsonLd = { '@type': 'ArchiveComponent', '@id': entityId(env, path, 'record'), url: page(env, path) };
  put(node, 'name', tagged(env, item.heading) ?? item.id);
  return node;
}

/** A full-size image URL: our IIIF Image API, the archive's own service, or the file. Placeholders are not the record. */
function imageUrl(env: Env, m: Media): string | null {
  if (m.kind !== 'image' || m.placeholder) return null;
  if (m.service) {
    const size = m.service.type === 'ImageService2' ? 'full' : 'max';
    return `${m.service.id.replace(/\/+$/, '')}/full/${size}/0/default.jpg`;
  }
  if (m.url) return m.url;
  return m.path ? `${env.base}/iiif/3/${encodeURIComponent(m.id)}/full/max/0/default.jpg` : null;
}

function dates(node: JsonLd, key: 'dateCreated', edtf: string | null): void {
  if (!edtf) return;
  put(node, key, edtfToIsoDate(edtf));
  node['temporalCoverage'] = edtfToIsoInterval(edtf);
}

const MEDIA_TYPES: Record<Item['mediaType'], string | null> = { document: null, photograph: 'Photograph', film: 'Movie', sound: null };

export function itemJsonLd(ctx: ViewContext, base: string, m: ItemModel): JsonLd {
  const env = envOf(ctx, base);
  const { item } = m;
  const path = `/items/${item.id}`;
  const kind = MEDIA_TYPES[item.mediaType];
  const node: JsonLd = {
    '@context': SCHEMA_CONTEXT,
    '@type': kind ? ['ArchiveComponent', kind] : 'ArchiveComponent',
    '@id': entityId(env, path, 'record'),
    url: page(env, path),
    mainEntityOfPage: webPage(env, 'ItemPage', path),
  };
  put(node, 'name', tagged(env, item.heading) ?? item.id);
  put(node, 'alternateName', tagged(env, item.title));
  put(node, 'description', tagged(env, item.caption));
  dates(node, 'dateCreated', item.date);
  if (item.referenceCode) {
    const inst = m.institutions.get(item.institutionId);
    const scheme = inst ? getScheme(inst.scheme) : undefined;
    const id: JsonLd = { '@type': 'PropertyValue', name: ctx.t('item.referenceCode'), value: item.referenceCode };
    if (scheme && scheme.id !== 'free-text') id['propertyID'] = scheme.id;
    node['identifier'] = id;
  }
  const inst = m.institutions.get(item.institutionId);
  if (inst) node['holdingArchive'] = institutionRef(env, inst, m.institutions);
  put(
    node,
    'isPartOf',
    m.contexts.map((c) => chapterRef(env, c.exhibition, c.chapter, true)),
  );
  put(node, 'about', m.people.map((p) => personRef(env, p)));
  put(node, 'contentLocation', m.places.map((p) => placeNode(env, p)));
  node['license'] = item.rights;
  put(node, 'image', item.media.map((md) => imageUrl(env, md)).filter((u): u is string => u !== null));
  return node;
}

export function exhibitionJsonLd(ctx: ViewContext, base: string, m: ExhibitionModel): JsonLd {
  const env = envOf(ctx, base);
  const ex = m.exhibition;
  const path = `/exhibitions/${ex.slug}`;
  const node: JsonLd = {
    '@context': SCHEMA_CONTEXT,
    '@type': 'Collection',
    '@id': entityId(env, path, 'exhibition'),
    url: page(env, path),
    mainEntityOfPage: webPage(env, 'CollectionPage', path),
  };
  put(node, 'name', tagged(env, ex.title) ?? ex.slug);
  put(node, 'alternativeHeadline', tagged(env, ex.subtitle));
  put(node, 'description', tagged(env, ex.intro));
  put(node, 'inLanguage', languagesOf(env, ex.title));
  put(
    node,
    'creator',
    ex.institutionIds.map((id) => m.institutions.get(id)).filter((i): i is Institution => !!i).map((i) => institutionRef(env, i, m.institutions)),
  );
  put(node, 'hasPart', ex.chapters.map((c) => chapterRef(env, ex, c, false)));
  return node;
}

export function chapterJsonLd(ctx: ViewContext, base: string, m: ChapterModel): JsonLd {
  const env = envOf(ctx, base);
  const { exhibition: ex, chapter: c } = m;
  const path = `/exhibitions/${ex.slug}/${c.slug}`;
  const node: JsonLd = {
    '@context': SCHEMA_CONTEXT,
    ...chapterRef(env, ex, c, true),
    mainEntityOfPage: webPage(env, 'CollectionPage', path),
  };
  put(node, 'description', tagged(env, c.intro));
  put(node, 'inLanguage', languagesOf(env, c.title));
  if (c.period) node['temporalCoverage'] = edtfToIsoInterval(c.period);
  const items = c.sections.flatMap((s) => s.itemIds).map((id) => m.items.get(id)).filter((i): i is Item => !!i);
  put(node, 'hasPart', items.map((i) => itemRef(env, i)));
  return node;
}

export function personJsonLd(ctx: ViewContext, base: string, m: PersonModel): JsonLd {
  const env = envOf(ctx, base);
  const path = `/people/${m.person.id}`;
  const node: JsonLd = { '@context': SCHEMA_CONTEXT, ...personRef(env, m.person), mainEntityOfPage: webPage(env, 'ProfilePage', path) };
  put(node, 'description', tagged(env, m.person.role));
  put(node, 'subjectOf', m.items.map((i) => itemRef(env, i)));
  return node;
}

export function institutionJsonLd(ctx: ViewContext, base: string, m: InstitutionModel): JsonLd {
  const env = envOf(ctx, base);
  const inst = m.institution;
  const path = `/institutions/${inst.id}`;
  const node: JsonLd = { '@context': SCHEMA_CONTEXT, ...institutionRef(env, inst, m.institutions), mainEntityOfPage: webPage(env, 'AboutPage', path) };
  if (inst.homepage) node['sameAs'] = inst.homepage;
  if (inst.country) node['address'] = { '@type': 'PostalAddress', addressCountry: inst.country };
  put(node, 'subOrganization', m.children.map((c) => institutionRef(env, c, m.institutions)));
  put(node, 'archiveHeld', m.items.map((i) => itemRef(env, i)));
  return node;
}

export function homeJsonLd(ctx: ViewContext, base: string, m: HomeModel): JsonLd {
  const env = envOf(ctx, base);
  const node: JsonLd = {
    '@context': SCHEMA_CONTEXT,
    '@type': 'WebSite',
    '@id': `${base}/#website`,
    url: page(env, '/'),
    name: ctx.t('site.name'),
    inLanguage: env.langs.length ? [...env.langs] : ctx.lang,
  };
  put(node, 'hasPart', m.exhibitions.map((ex) => exhibitionRef(env, ex)));
  return node;
}

/**
 * The document as the text of a `<script type="application/ld+json">` element: `<` is escaped
 * so no value can close the element or open a comment, whatever curators write.
 */
export function jsonLdScriptText(doc: JsonLd): string {
  return JSON.stringify(doc).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
