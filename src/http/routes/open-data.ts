// Open data on the public site: absolute URLs for the pages' schema.org JSON-LD and citations,
// citation downloads (BibTeX, RIS, CSL-JSON) per item, sitemap.xml with hreflang alternates,
// and robots.txt. Only published content is described, cited or listed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { citationOf, formatAccessed, isoDay } from '../../citation/citation.ts';
import { CITATION_FILES, formatCitation, type CitationFormat } from '../../citation/formats.ts';
import { withBase } from '../../linked-data/base.ts';
import { buildRobots, sitemapPart, sitemapRoot, type SitemapPage } from '../../linked-data/sitemap.ts';
import { publicPages } from '../../linked-data/sitemap-source.ts';
import { iiifSettingsFromEnv } from '../../services/iiif.ts';
import { SECURITY_HEADERS, type RouteDeps } from '../app.ts';
import { encodeResponse, type CachedResponse } from '../page-cache.ts';
import { requestBase } from './iiif.ts';

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;
const XML = 'application/xml; charset=utf-8';
const SITEMAP_CACHE = 'public, max-age=3600';

const itemParams = {
  schema: {
    params: {
      type: 'object',
      properties: { lang: { type: 'string', maxLength: 35 }, id: { type: 'string', maxLength: 200 } },
      required: ['lang', 'id'],
    },
  },
} as const;

export async function openDataRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const { site, state, sender, assets, storage } = deps;
  const settings = iiifSettingsFromEnv();
  const baseOf = (req: FastifyRequest) => requestBase(req, settings);

  // Pages name themselves absolutely in their JSON-LD and citations, so the renderers get the
  // site's base with their context. ViewContext has no base of its own yet, so the page sender
  // is wrapped here to add it; when the context carries it, this wrapper goes. Pages are cached
  // by path for every reader: set TSUZURI_PUBLIC_URL so the base does not depend on the host the
  // first reader used.
  const page = sender.page.bind(sender);
  sender.page = (req, reply, lang, path, render) => page(req, reply, lang, path, (ctx) => render(withBase(ctx, baseOf(req))));

  const citation = (format: CitationFormat) => async (req: FastifyRequest<{ Params: { lang: string; id: string } }>, reply: FastifyReply) => {
    const { lang, id } = req.params;
    if (!state.has(lang) || !SLUG.test(id)) return sender.notFound(req, reply, lang);
    const m = await site.item(id);
    if (!m) return sender.notFound(req, reply, lang);
    const base = baseOf(req);
    const ctx = withBase(state.context(lang, `/items/${id}`, assets.urls), base);
    const today = isoDay(new Date());
    const c = citationOf(ctx, base, m, today);
    const note = ctx.t('citation.bibtexNote', {
      institution: c.institution ?? m.item.institutionId,
      hasCode: c.referenceCode ? 'yes' : 'no',
      code: c.referenceCode ?? '',
      accessed: formatAccessed(lang, today),
    });
    const file = CITATION_FILES[format];
    return reply
      .code(200)
      .headers(SECURITY_HEADERS)
      .header('content-type', file.type)
      .header('content-disposition', `attachment; filename="${id}.${file.ext}"`)
      // Made per request: the accessed date is today's.
      .header('cache-control', 'no-store')
      .send(formatCitation(format, c.csl, note));
  };
  app.get('/:lang/items/:id/cite.bib', itemParams, citation('bibtex'));
  app.get('/:lang/items/:id/cite.ris', itemParams, citation('ris'));
  app.get('/:lang/items/:id/cite.json', itemParams, citation('csl'));

  // The page list is read once per content version; each file is built and encoded when first
  // asked for and kept until the version or base changes. At 100,000 records the files total
  // about 150 MB, so only the ones crawlers actually fetch are held.
  let built: { version: number; base: string; pages: Promise<SitemapPage[]>; files: Map<number, CachedResponse> } | null = null;
  const sitemapFile = async (base: string, n: number): Promise<CachedResponse | null> => {
    const version = await storage.store.contentVersion();
    if (!built || built.version !== version || built.base !== base) {
      const pages = publicPages(storage);
      const entry = { version, base, pages, files: new Map<number, CachedResponse>() };
      pages.catch(() => {
        if (built === entry) built = null;
      });
      built = entry;
    }
    const entry = built;
    const hit = entry.files.get(n);
    if (hit) return hit;
    const pages = await entry.pages;
    const o = { base, langs: state.languages.map((l) => l.tag), defaultLang: state.defaultLang };
    const xml = n === 0 ? sitemapRoot(pages, o) : sitemapPart(pages, o, n);
    if (xml === null) return null;
    const res = encodeResponse(xml, XML);
    entry.files.set(n, res);
    return res;
  };

  app.get('/sitemap.xml', async (req, reply) => {
    const file = await sitemapFile(baseOf(req), 0);
    return file ? sender.send(req, reply, file, 200, SITEMAP_CACHE) : sender.notFound(req, reply);
  });

  app.get<{ Params: { n: string } }>(
    '/sitemaps/:n',
    { schema: { params: { type: 'object', properties: { n: { type: 'string', maxLength: 20 } }, required: ['n'] } } },
    async (req, reply) => {
      const match = /^([1-9]\d{0,5})\.xml$/.exec(req.params.n);
      const file = match ? await sitemapFile(baseOf(req), Number(match[1])) : null;
      return file ? sender.send(req, reply, file, 200, SITEMAP_CACHE) : sender.notFound(req, reply);
    },
  );

  app.get('/robots.txt', async (req, reply) =>
    sender.send(req, reply, encodeResponse(buildRobots(baseOf(req)), 'text/plain; charset=utf-8'), 200, 'public, max-age=3600'),
  );
}
