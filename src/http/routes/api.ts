// The read API, /api/v1: published exhibitions, chapters, records, people and institutions as
// JSON, described by the OpenAPI document at /api/v1/openapi.json. Bodies are built once per
// content version and address, and sent as encoded bytes with an ETag, like the pages.
// Public read-only data: every answer carries `Access-Control-Allow-Origin: *`.
import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  API_PREFIX,
  apiUrl,
  chapterDetail,
  exhibitionDetail,
  exhibitionSummary,
  institutionDetail,
  institutionSummary,
  itemDetail,
  itemSummary,
  personDetail,
  personSummary,
  type ApiContext,
} from '../../api/build.ts';
import { openApiDocument } from '../../api/openapi.ts';
import { ID, itemQueryString, onlyKnown, ParamError, parseItemQuery } from '../../api/params.ts';
import { itemPage, publishedCountsByPerson } from '../../api/read.ts';
import { personSortKey } from '../../domain/person-name.ts';
import type { Exhibition } from '../../domain/types.ts';
import { iiifSettingsFromEnv } from '../../services/iiif.ts';
import { SECURITY_HEADERS, type RouteDeps } from '../app.ts';
import { encodeResponse, PageCache, pickEncoding, type CachedResponse } from '../page-cache.ts';
import { requestBase } from './iiif.ts';

const CORS = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'etag, link' } as const;
// As for pages: shared caches may keep a response, but revalidate it, so an unpublished record
// disappears at once.
const CACHE_CONTROL = 'public, max-age=0, must-revalidate';
const PROBLEM_TYPE = 'application/problem+json';
const STATUS_TITLES: Record<number, string> = { 400: 'Bad Request', 404: 'Not Found' };

/** What a handler answers: a body (and its Link header), or null for "nothing published here". */
interface Answer {
  body: unknown;
  link?: string;
}

type Build = (req: FastifyRequest, ctx: ApiContext, query: Record<string, unknown>) => Promise<Answer | null>;

function write(req: FastifyRequest, reply: FastifyReply, status: number, headers: Record<string, string | number>, body?: Buffer): FastifyReply {
  reply.hijack();
  const res: ServerResponse = reply.raw;
  res.writeHead(status, { ...SECURITY_HEADERS, ...CORS, ...headers, ...(body ? { 'content-length': body.length } : {}) });
  res.end(req.method === 'HEAD' ? undefined : body);
  return reply;
}

function problem(req: FastifyRequest, reply: FastifyReply, status: 400 | 404, detail: string, parameter?: string): FastifyReply {
  const path = (req.raw.url ?? '').split('?')[0] ?? '';
  const body = { type: 'about:blank', title: STATUS_TITLES[status] ?? '', status, detail, instance: path, ...(parameter ? { parameter } : {}) };
  return write(req, reply, status, { 'content-type': PROBLEM_TYPE, 'cache-control': 'no-store' }, Buffer.from(JSON.stringify(body), 'utf8'));
}

export async function apiRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const { storage, site, state } = deps;
  const store = storage.store;
  const settings = iiifSettingsFromEnv();
  const cache = new PageCache(32 * 1024 * 1024);
  const links = new WeakMap<CachedResponse, string>();

  // Changes made in this process are heard at once; those of other app servers are seen by
  // asking for the version at most every poll interval (as the IIIF documents do).
  let version = await store.contentVersion();
  let checkedAt = Date.now();
  deps.onContentChange((v) => {
    version = v;
    checkedAt = Date.now();
  });
  const currentVersion = async () => {
    if (Date.now() - checkedAt >= Math.max(deps.config.contentPollMs, 250)) {
      version = await store.contentVersion();
      checkedAt = Date.now();
    }
    return version;
  };

  const apiContext = async (req: FastifyRequest): Promise<ApiContext> => ({
    base: requestBase(req, settings),
    views: state.languages.map((l) => state.context(l.tag, '/', deps.assets.urls)),
    institutions: await site.institutionMap(),
  });

  const send = (req: FastifyRequest, reply: FastifyReply, r: CachedResponse): FastifyReply => {
    const link = links.get(r);
    const common = { 'cache-control': CACHE_CONTROL, etag: r.etag, vary: 'accept-encoding', ...(link ? { link } : {}) };
    if (req.headers['if-none-match'] === r.etag) return write(req, reply, 304, common);
    const enc = pickEncoding(req.headers['accept-encoding'], r);
    const body = (enc === 'br' ? r.br : enc === 'gzip' ? r.gzip : r.body) ?? r.body;
    return write(req, reply, 200, { ...common, 'content-type': r.contentType, ...(enc ? { 'content-encoding': enc } : {}) }, body);
  };

  /** A GET route answering JSON built by `build`; `params` are the query parameters it takes. */
  const route = (path: string, params: readonly string[] | null, build: Build) => {
    app.get(`${API_PREFIX}${path}`, async (req, reply) => {
      const query = req.query as Record<string, unknown>;
      const base = requestBase(req, settings);
      const v = await currentVersion();
      const key = `${base}|${req.url}`;
      let hit = cache.get(key, v);
      if (!hit) {
        let answer: Answer | null;
        try {
          if (params) onlyKnown(query, params);
          answer = await build(req, await apiContext(req), query);
        } catch (err) {
          if (err instanceof ParamError) return problem(req, reply, 400, `${err.parameter} ${err.why}.`, err.parameter);
          throw err;
        }
        if (!answer) return problem(req, reply, 404, 'Nothing published at this address.');
        hit = encodeResponse(JSON.stringify(answer.body), 'application/json');
        if (answer.link) links.set(hit, answer.link);
        cache.set(key, v, hit);
      }
      return send(req, reply, hit);
    });
  };

  const pathId = (req: FastifyRequest, name: string): string | null => {
    const value = (req.params as Record<string, string | undefined>)[name];
    return value !== undefined && ID.test(value) ? value : null;
  };

  /** The published exhibition of an id; null for a draft, unknown or malformed one. */
  const publishedExhibition = async (id: string | null): Promise<Exhibition | null> => {
    if (!id) return null;
    const ex = await store.getExhibition(id);
    return ex && ex.state === 'published' ? ex : null;
  };

  route('/openapi.json', [], async (req) => ({ body: openApiDocument(requestBase(req, settings)) }));

  route('/exhibitions', [], async (_req, ctx) => {
    const exhibitions = [];
    for (const ex of (await site.home()).exhibitions) {
      const m = await site.exhibition(ex.slug);
      if (m) exhibitions.push(exhibitionSummary(ctx, m));
    }
    return { body: { exhibitions } };
  });

  route('/exhibitions/:id', [], async (req, ctx) => {
    const ex = await publishedExhibition(pathId(req, 'id'));
    const m = ex && (await site.exhibition(ex.slug));
    return m ? { body: exhibitionDetail(ctx, m) } : null;
  });

  route('/exhibitions/:id/chapters/:chapterId', [], async (req, ctx) => {
    const ex = await publishedExhibition(pathId(req, 'id'));
    const chapter = ex?.chapters.find((c) => c.id === pathId(req, 'chapterId'));
    const m = ex && chapter && (await site.chapter(ex.slug, chapter.slug));
    return m ? { body: chapterDetail(ctx, m) } : null;
  });

  route('/items', null, async (_req, ctx, query) => {
    const q = parseItemQuery(query);
    const page = await itemPage(storage, q);
    const items = await store.getItems(page.ids);
    const next = page.next ? apiUrl(ctx, `/items${itemQueryString(q, page.next)}`) : null;
    const first = apiUrl(ctx, `/items${itemQueryString(q, null)}`);
    return {
      // The page query reads published ids; the items are read again as stored, so one
      // unpublished between the two reads is left out here rather than shown.
      body: { items: items.filter((i) => i.state === 'published').map((i) => itemSummary(ctx, i)), total: page.total, limit: q.limit, next },
      link: [`<${first}>; rel="first"`, ...(next ? [`<${next}>; rel="next"`] : [])].join(', '),
    };
  });

  route('/items/:id', [], async (req, ctx) => {
    const id = pathId(req, 'id');
    const m = id && (await site.item(id));
    return m ? { body: itemDetail(ctx, m) } : null;
  });

  route('/people', [], async (_req, ctx) => {
    const counts = await publishedCountsByPerson(storage);
    const lang = state.has(state.defaultLang) ? state.defaultLang : (state.languages[0]?.tag ?? 'en');
    const people = (await store.getPeople([...counts.keys()]))
      .map((p) => ({ p, key: personSortKey(p, lang) }))
      .sort((a, b) => a.key.localeCompare(b.key, lang) || (a.p.id < b.p.id ? -1 : 1))
      .map(({ p }) => personSummary(ctx, p, counts.get(p.id) ?? 0));
    return { body: { people } };
  });

  route('/people/:id', [], async (req, ctx) => {
    const id = pathId(req, 'id');
    if (!id) return null;
    const [person] = await store.getPeople([id]);
    if (!person) return null;
    // A person is public here through their published records only.
    const count = (await store.itemIdsByPerson(id, true)).length;
    return count > 0 ? { body: personDetail(ctx, person, count) } : null;
  });

  route('/institutions', [], async (_req, ctx) => {
    const { institutions, counts } = await site.institutions();
    return { body: { institutions: [...institutions.values()].map((i) => institutionSummary(ctx, i, counts.get(i.id) ?? 0)) } };
  });

  route('/institutions/:id', [], async (req, ctx) => {
    const id = pathId(req, 'id');
    const inst = id ? ctx.institutions.get(id) : undefined;
    if (!inst) return null;
    const counts = await store.countItemsByInstitution();
    return { body: institutionDetail(ctx, inst, counts.get(inst.id) ?? 0) };
  });

  // Anything else under the prefix is a JSON 404, not the site's HTML page.
  const noEndpoint = async (req: FastifyRequest, reply: FastifyReply) => problem(req, reply, 404, `No such endpoint; the endpoints are listed in ${API_PREFIX}/openapi.json.`);
  app.get(API_PREFIX, noEndpoint);
  app.get(`${API_PREFIX}/*`, noEndpoint);

  app.options(`${API_PREFIX}/*`, async (req, reply) =>
    write(req, reply, 204, {
      'access-control-allow-methods': 'GET, HEAD, OPTIONS',
      'access-control-allow-headers': 'accept, accept-language, if-none-match',
      'access-control-max-age': 86400,
    }),
  );
}
