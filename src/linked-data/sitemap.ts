// sitemap.xml (sitemaps.org 0.9) with hreflang alternates, and robots.txt. Pure builders over a
// list of public pages; which pages are public is decided by the caller (published content only).
import type { Lang } from '../domain/types.ts';
import { absolutePage } from './base.ts';

/** A public page, by its path without the language prefix ("/items/x"). */
export interface SitemapPage {
  path: string;
  /** When its content last changed (ISO 8601), when known. */
  lastmod?: string | null;
}

/** sitemaps.org: at most 50,000 URLs (and 50 MB) per file. */
export const MAX_URLS_PER_SITEMAP = 50_000;

export const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
export const XHTML_NS = 'http://www.w3.org/1999/xhtml';

const XML_SPECIAL = /[&<>"']/;

export function escapeXml(s: string): string {
  // Most URLs need nothing escaped; a sitemap escapes hundreds of thousands of them.
  if (!XML_SPECIAL.test(s)) return s;
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** W3C Datetime as sitemaps want it: the day, or the full time in UTC. */
function w3cDate(iso: string): string | null {
  // Stored timestamps are already UTC ISO strings: drop the milliseconds without reparsing.
  const utc = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.\d+)?Z$/.exec(iso);
  if (utc) return `${utc[1]}Z`;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface SitemapOptions {
  base: string;
  /** Configured languages; every page is listed once per language. */
  langs: readonly Lang[];
  /** The language `x-default` points at (the one readers get when they ask for none we have). */
  defaultLang: Lang;
  maxUrls?: number;
}

/** The `<url>` entries of one page, one per language; they share the alternates and lastmod. */
function pageEntries(page: SitemapPage, o: SitemapOptions, def: Lang | undefined): string[] {
  const lastmod = page.lastmod ? w3cDate(page.lastmod) : null;
  const hrefs = new Map(o.langs.map((l) => [l, escapeXml(absolutePage(o.base, l, page.path))]));
  let shared = lastmod ? `<lastmod>${lastmod}</lastmod>` : '';
  for (const [l, h] of hrefs) shared += `<xhtml:link rel="alternate" hreflang="${escapeXml(l)}" href="${h}"/>`;
  if (def !== undefined) shared += `<xhtml:link rel="alternate" hreflang="x-default" href="${hrefs.get(def) ?? ''}"/>`;
  return o.langs.map((l) => `<url><loc>${hrefs.get(l) ?? ''}</loc>${shared}</url>`);
}

function urlset(entries: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${SITEMAP_NS}" xmlns:xhtml="${XHTML_NS}">\n${entries.join('\n')}\n</urlset>\n`;
}

/** Part URLs: /sitemaps/1.xml … */
export function sitemapPartUrl(base: string, n: number): string {
  return `${base}/sitemaps/${n}.xml`;
}

/**
 * How many pages go in one file: all language versions of a page stay in one file, so each
 * file lists complete alternate sets.
 */
function pagesPerFile(o: SitemapOptions): number {
  const max = o.maxUrls ?? MAX_URLS_PER_SITEMAP;
  const perPage = Math.max(1, o.langs.length);
  if (perPage > max) throw new Error(`a sitemap part must hold at least one page in every language (${perPage} URLs), not ${max}`);
  return Math.floor(max / perPage);
}

/** Number of parts under a sitemap index; 0 when /sitemap.xml holds every URL itself. */
export function sitemapPartCount(pages: readonly SitemapPage[], o: SitemapOptions): number {
  const per = pagesPerFile(o);
  return pages.length <= per ? 0 : Math.ceil(pages.length / per);
}

function urlsetOf(pages: readonly SitemapPage[], o: SitemapOptions): string {
  const def = o.langs.includes(o.defaultLang) ? o.defaultLang : o.langs[0];
  return urlset(pages.flatMap((p) => pageEntries(p, o, def)));
}

/** What /sitemap.xml serves: the one urlset, or an index of the parts when there are too many URLs. */
export function sitemapRoot(pages: readonly SitemapPage[], o: SitemapOptions): string {
  const count = sitemapPartCount(pages, o);
  if (count === 0) return urlsetOf(pages, o);
  const newest = pages.reduce<string | null>((acc, p) => (p.lastmod && (!acc || p.lastmod > acc) ? p.lastmod : acc), null);
  const stamp = newest ? w3cDate(newest) : null;
  const entries = Array.from({ length: count }, (_, i) => `<sitemap><loc>${escapeXml(sitemapPartUrl(o.base, i + 1))}</loc>${stamp ? `<lastmod>${stamp}</lastmod>` : ''}</sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${SITEMAP_NS}">\n${entries.join('\n')}\n</sitemapindex>\n`;
}

/** Part `n` (1…count) under the index; null when there is no such part. */
export function sitemapPart(pages: readonly SitemapPage[], o: SitemapOptions, n: number): string | null {
  const count = sitemapPartCount(pages, o);
  if (!Number.isInteger(n) || n < 1 || n > count) return null;
  const per = pagesPerFile(o);
  return urlsetOf(pages.slice((n - 1) * per, n * per), o);
}

export interface Sitemaps {
  root: string;
  /** Parts by number (1…n), empty when the root is the urlset itself. */
  parts: string[];
}

/** Every file at once (tests and tools; the routes build the file asked for). */
export function buildSitemaps(pages: readonly SitemapPage[], o: SitemapOptions): Sitemaps {
  const count = sitemapPartCount(pages, o);
  return { root: sitemapRoot(pages, o), parts: Array.from({ length: count }, (_, i) => sitemapPart(pages, o, i + 1) ?? '') };
}

/**
 * robots.txt: the whole site may be crawled except the workspace and search results for a
 * query (endless combinations of the same records); the sitemap is named absolutely.
 */
export function buildRobots(base: string): string {
  return ['User-agent: *', 'Allow: /', 'Disallow: /admin', 'Disallow: /*/search?', 'Disallow: /api/v1/search', '', `Sitemap: ${base}/sitemap.xml`, ''].join('\n');
}
