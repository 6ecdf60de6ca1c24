import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Lang } from '../domain/types.ts';
import { MediaPathError, type MediaStore } from '../media/store.ts';
import { ContentService, type ContentListener } from '../services/content.ts';
import { SiteService } from '../services/site.ts';
import type { Storage } from '../storage/index.ts';
import type { ViewContext } from '../views/context.ts';
import { renderNotFound } from '../views/pages.tsx';
import { loadAssets, type Assets } from './assets.ts';
import { encodeResponse, PageCache, pickEncoding, type CachedResponse } from './page-cache.ts';
import { adminRoutes, type AdminRoutes } from './admin/routes.ts';
import { requireAccessRules } from './admin/plugin.ts';
import { apiRoutes } from './routes/api.ts';
import { iiifRoutes } from './routes/iiif.ts';
import { oaiRoutes } from './routes/oai.ts';
import { openDataRoutes } from './routes/open-data.ts';
import { searchRoutes } from './routes/search.ts';
import { siteRoutes } from './routes/site.ts';
import { SiteState } from './site-state.ts';

export interface AppDeps {
  storage: Storage;
  media: MediaStore;
}

export interface App {
  fastify: FastifyInstance;
  content: ContentService;
  /** Subscribes to committed content changes made through this process. */
  onContentChange(listener: ContentListener): void;
  site: SiteService;
  state: SiteState;
  /** The workspace: its route registry, workflow and accounts. */
  admin: AdminRoutes;
  /** Reads the content version now (other app servers may have changed content). */
  refreshVersion(): Promise<void>;
}

// Pages are the same for every reader, so shared caches may keep them; `no-cache` makes
// every reuse revalidate with the ETag, so a change shows at once.
const PAGE_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data: https:; connect-src 'self' https:; media-src 'self' https:; style-src 'self' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

/** What route modules get to work with. */
export interface RouteDeps {
  config: Config;
  storage: Storage;
  media: MediaStore;
  content: ContentService;
  site: SiteService;
  state: SiteState;
  sender: PageSender;
  assets: Assets;
  onContentChange(listener: ContentListener): void;
  /** Tells this process's caches and listeners of a change committed outside ContentService's own writes. */
  notifyContentChange: ContentListener;
}

export type PageRenderer = (ctx: ViewContext) => Promise<string | null>;

export interface PageSender {
  /** Serves a page from the cache, rendering it on a miss; a null render is a 404. */
  page(req: FastifyRequest, reply: FastifyReply, lang: Lang, path: string, render: PageRenderer): Promise<FastifyReply>;
  notFound(req: FastifyRequest, reply: FastifyReply, lang?: Lang): FastifyReply;
  send(req: FastifyRequest, reply: FastifyReply, r: CachedResponse, status: number, cacheControl: string): FastifyReply;
}

function responseHeaders(r: CachedResponse, enc: 'br' | 'gzip' | null, cacheControl: string): Record<string, string | number> {
  const key = enc ?? 'identity';
  const headers = (r.headers ??= {});
  const hit = headers[key];
  // Cached responses are served with one cache policy each, so the headers can be kept with them.
  if (hit && hit['cache-control'] === cacheControl) return hit;
  const body = enc === 'br' ? r.br : enc === 'gzip' ? r.gzip : r.body;
  const built: Record<string, string | number> = {
    ...SECURITY_HEADERS,
    'content-type': r.contentType,
    'content-length': body?.length ?? 0,
    'cache-control': cacheControl,
    etag: r.etag,
    vary: 'accept-encoding',
    ...(enc ? { 'content-encoding': enc } : {}),
  };
  headers[key] = built;
  return built;
}

/** Writes encoded bytes straight to the socket with prebuilt headers; nothing is serialised. */
function writeCached(req: IncomingMessage, res: ServerResponse, r: CachedResponse, status: number, cacheControl: string): void {
  if (status === 200 && req.headers['if-none-match'] === r.etag) {
    res.writeHead(304, { ...SECURITY_HEADERS, 'cache-control': cacheControl, etag: r.etag, vary: 'accept-encoding' });
    res.end();
    return;
  }
  const enc = pickEncoding(req.headers['accept-encoding'], r);
  res.writeHead(status, responseHeaders(r, enc, cacheControl));
  res.end(req.method === 'HEAD' ? undefined : enc === 'br' ? r.br : enc === 'gzip' ? r.gzip : r.body);
}

function sendCached(req: FastifyRequest, reply: FastifyReply, r: CachedResponse, status: number, cacheControl: string): FastifyReply {
  reply.hijack();
  writeCached(req.raw, reply.raw, r, status, cacheControl);
  return reply;
}

export async function buildApp(config: Config, deps: AppDeps): Promise<App> {
  const { storage, media } = deps;
  const cache = new PageCache(config.pageCacheBytes);
  // Read by the front door below before buildApp has finished; set once the version is known.
  let version = -1;
  const fastify = Fastify({
    // A rendered page already in the cache is answered before routing: the same bytes and
    // headers the page route would send, at close to the cost of a static file server.
    // Anything else (a miss, a query string, another method) goes to Fastify as usual.
    serverFactory: (handler) =>
      createServer((req, res) => {
        const url = req.url ?? '';
        if ((req.method === 'GET' || req.method === 'HEAD') && !url.includes('?')) {
          const hit = cache.get(url, version);
          if (hit) return writeCached(req, res, hit, 200, PAGE_CACHE_CONTROL);
        }
        handler(req, res);
      }),
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    // Ids and slugs are case-sensitive; a trailing slash is handled by redirects, not guesswork.
    routerOptions: { ignoreTrailingSlash: false, caseSensitive: true, maxParamLength: 1000 },
    // Behind a reverse proxy, X-Forwarded-* tell the client's address and whether it used HTTPS.
    trustProxy: config.trustProxy,
    // One log line per request would cost more than serving a cached page; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
  });
  const state = new SiteState(storage.store, config.defaultLang);
  await state.reload();
  const assets: Assets = await loadAssets();
  version = await storage.store.contentVersion();

  const setVersion = async (v: number) => {
    if (v === version) return;
    version = v;
    await state.reload();
  };
  const refreshVersion = async () => setVersion(await storage.store.contentVersion());

  const listeners: ContentListener[] = [];
  const notifyContentChange: ContentListener = (v, changes) => {
    void setVersion(v);
    for (const l of listeners) {
      try {
        l(v, changes);
      } catch (err) {
        fastify.log.error({ err }, 'content listener failed');
      }
    }
  };
  const content = new ContentService(storage.store, notifyContentChange);
  const onContentChange = (l: ContentListener) => {
    listeners.push(l);
  };
  const site = new SiteService(storage.store, () => version);

  let timer: NodeJS.Timeout | null = null;
  if (config.contentPollMs > 0) {
    timer = setInterval(() => {
      refreshVersion().catch((err: unknown) => fastify.log.warn({ err }, 'content version check failed'));
    }, config.contentPollMs);
    timer.unref();
  }
  fastify.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });

  const notFound = (req: FastifyRequest, reply: FastifyReply, lang?: Lang): FastifyReply => {
    const l = lang && state.has(lang) ? lang : state.negotiate(req.headers['accept-language']);
    const html = renderNotFound(state.context(l, '/', assets.urls));
    return sendCached(req, reply, encodeResponse(html, 'text/html; charset=utf-8'), 404, 'no-store');
  };

  const sender: PageSender = {
    async page(req, reply, lang, path, render) {
      if (!state.has(lang)) return notFound(req, reply);
      // Keyed by the URL path exactly as requested, so the front door finds it.
      const key = `/${lang}${path === '/' ? '/' : path}`;
      const v = version;
      let hit = cache.get(key, v);
      if (!hit) {
        const html = await render(state.context(lang, path, assets.urls));
        if (html === null) return notFound(req, reply, lang);
        hit = encodeResponse(html, 'text/html; charset=utf-8');
        cache.set(key, v, hit);
      }
      return sendCached(req, reply, hit, 200, PAGE_CACHE_CONTROL);
    },
    notFound,
    send: sendCached,
  };

  // Set before any route: a route takes the error handler in force where it is registered,
  // and a plugin registered with `await` settles the routes declared before it.
  fastify.setErrorHandler((err: { statusCode?: number; message?: string; validation?: unknown }, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    // A page address whose parts fail their schema names no page: that is a 404, not a 400.
    if (status === 404 || (err.validation && req.method === 'GET')) return notFound(req, reply);
    if (status >= 500) req.log.error({ err }, 'request failed');
    reply.headers(SECURITY_HEADERS);
    return reply
      .code(status)
      .header('cache-control', 'no-store')
      .type('text/plain; charset=utf-8')
      .send(status >= 500 ? 'Internal error' : `Bad request: ${err.message ?? ''}`);
  });

  fastify.get('/healthz', { schema: { response: { 200: { type: 'object', properties: { status: { type: 'string' } } } } } }, async () => ({ status: 'ok' }));
  fastify.get(
    '/readyz',
    { schema: { response: { '2xx': { type: 'object', properties: { status: { type: 'string' } } } } } },
    async (_req, reply) => {
      const ok = await storage.ready();
      return reply.code(ok ? 200 : 503).send({ status: ok ? 'ready' : 'unavailable' });
    },
  );

  fastify.get<{ Params: { file: string } }>(
    '/assets/:file',
    { schema: { params: { type: 'object', properties: { file: { type: 'string', maxLength: 100 } }, required: ['file'] } } },
    async (req, reply) => {
      const asset = assets.files.get(req.params.file);
      if (!asset) return notFound(req, reply);
      return sendCached(req, reply, asset, 200, 'public, max-age=31536000, immutable');
    },
  );

  fastify.get<{ Params: { '*': string } }>('/media/*', async (req, reply) => {
    const path = req.params['*'];
    let data: Buffer | null;
    try {
      data = await media.read(path);
    } catch (err) {
      if (err instanceof MediaPathError) return notFound(req, reply);
      throw err;
    }
    if (!data) return notFound(req, reply);
    const type = path.endsWith('.png') ? 'image/png' : path.endsWith('.webp') ? 'image/webp' : 'image/jpeg';
    return sendCached(req, reply, encodeResponse(data, type), 200, 'public, max-age=86400');
  });

  const routeDeps: RouteDeps = { config, storage, media, content, site, state, sender, assets, onContentChange, notifyContentChange };
  requireAccessRules(fastify);
  const admin = await adminRoutes(fastify, routeDeps);
  await siteRoutes(fastify, routeDeps);
  await iiifRoutes(fastify, routeDeps);
  await searchRoutes(fastify, routeDeps);
  await oaiRoutes(fastify, routeDeps);
  await openDataRoutes(fastify, routeDeps);
  await apiRoutes(fastify, routeDeps);

  fastify.setNotFoundHandler((req, reply) => {
    const first = req.url.split('/')[1] ?? '';
    return notFound(req, reply, first);
  });
  await fastify.ready();
  return { fastify, content, onContentChange, site, state, refreshVersion, admin };
}
