// IIIF Image API 3.0 (level 2) at /iiif/3/{identifier}/…, Presentation 3 manifests and
// collections, and the film, sound and caption files manifests point at. Every response
// carries CORS, because IIIF is read by viewers on other sites.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { LangView } from '../../iiif/manifest.ts';
import { AV_PREFIX, IMAGE_PREFIX } from '../../iiif/urls.ts';
import { buildInfo, IMAGE_CONTEXT, IMAGE_PROFILE_URI } from '../../media/iiif/info.ts';
import { parseImageRequest } from '../../media/iiif/parse-request.ts';
import { resolveRequest } from '../../media/iiif/resolve.ts';
import { FORMAT_MIME } from '../../media/iiif/types.ts';
import { MediaPathError } from '../../media/store.ts';
import { iiifCacheDir, iiifSettingsFromEnv, IiifService, type IiifSettings } from '../../services/iiif.ts';
import { encodeResponse, pickEncoding, type CachedResponse } from '../page-cache.ts';
import type { RouteDeps } from '../app.ts';

const PRESENTATION_CONTEXT = 'http://iiif.io/api/presentation/3/context.json';
const CORS = { 'access-control-allow-origin': '*' } as const;
const BASE_HEADERS = { ...CORS, 'x-content-type-options': 'nosniff' } as const;
const TILE_CACHE = 'public, max-age=86400';
const JSON_CACHE = 'public, max-age=300';

/** The site's public origin (and prefix) as the client reached it; ids in documents use it. */
export function requestBase(req: FastifyRequest, settings: Pick<IiifSettings, 'publicUrl' | 'trustForwarded'>): string {
  if (settings.publicUrl) return settings.publicUrl;
  const h = req.headers;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.split(',')[0]?.trim();
  if (settings.trustForwarded) {
    const proto = first(h['x-forwarded-proto']);
    const host = first(h['x-forwarded-host']) ?? h.host;
    const prefix = (first(h['x-forwarded-prefix']) ?? '').replace(/\/+$/, '');
    if (host && /^[a-z0-9.:[\]-]+$/i.test(host) && /^(\/[\w.~-]+)*$/.test(prefix)) {
      return `${proto === 'https' ? 'https' : proto === 'http' ? 'http' : req.protocol}://${host}${prefix}`;
    }
  }
  const host = h.host && /^[a-z0-9.:[\]-]+$/i.test(h.host) ? h.host : 'localhost';
  return `${req.protocol}://${host}`;
}

function wantsJsonLd(req: FastifyRequest): boolean {
  return /application\/ld\+json/.test(req.headers.accept ?? '');
}

function write(req: FastifyRequest, reply: FastifyReply, status: number, headers: Record<string, string | number>, body?: Buffer | string): FastifyReply {
  reply.hijack();
  const res: ServerResponse = reply.raw;
  const buf = body === undefined ? undefined : typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { ...headers, ...(buf ? { 'content-length': buf.length } : {}) });
  res.end(req.method === 'HEAD' ? undefined : buf);
  return reply;
}

function problem(req: FastifyRequest, reply: FastifyReply, status: number, message: string): FastifyReply {
  return write(req, reply, status, { ...BASE_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }, `${message}\n`);
}

/** A JSON document, compressed once and revalidated by its ETag. */
function sendJson(req: FastifyRequest, reply: FastifyReply, r: CachedResponse): FastifyReply {
  const common = { ...BASE_HEADERS, 'cache-control': JSON_CACHE, etag: r.etag, vary: 'accept, accept-encoding' };
  if (req.headers['if-none-match'] === r.etag) return write(req, reply, 304, common);
  const enc = pickEncoding(req.headers['accept-encoding'], r);
  const body = enc === 'br' ? r.br : enc === 'gzip' ? r.gzip : r.body;
  return write(req, reply, 200, { ...common, 'content-type': r.contentType, ...(enc ? { 'content-encoding': enc } : {}) }, body ?? r.body);
}

function jsonType(req: FastifyRequest, context: string): string {
  return wantsJsonLd(req) ? `application/ld+json;profile="${context}"` : 'application/json';
}

export async function iiifRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const settings = iiifSettingsFromEnv();
  const iiif = new IiifService(deps.storage.store, deps.media, deps.site, settings, iiifCacheDir(deps.config.dataDir), deps.config.contentPollMs);
  deps.onContentChange(() => iiif.invalidate());
  app.decorate('iiif', iiif);

  const views = (): LangView[] => deps.state.languages.map((l) => ({ lang: l.tag, ctx: deps.state.context(l.tag, '/', deps.assets.urls) }));
  // Encoded documents, per built document and media type; a new content version builds new documents.
  const encoded = new WeakMap<object, Map<string, CachedResponse>>();
  const encode = (doc: object, type: string): CachedResponse => {
    let m = encoded.get(doc);
    if (!m) encoded.set(doc, (m = new Map()));
    let r = m.get(type);
    if (!r) m.set(type, (r = encodeResponse(JSON.stringify(doc), type)));
    return r;
  };

  app.options('/iiif/*', async (req, reply) =>
    write(req, reply, 204, { ...CORS, 'access-control-allow-methods': 'GET, HEAD, OPTIONS', 'access-control-allow-headers': 'accept, range, if-none-match', 'access-control-max-age': 86400 }),
  );

  // ---- Image API ------------------------------------------------------------------------

  app.get(`${IMAGE_PREFIX}/*`, async (req, reply) => {
    const path = (req.raw.url ?? '').split('?')[0] ?? '';
    const segments = path.slice(IMAGE_PREFIX.length + 1).split('/');
    let decoded: string[];
    try {
      decoded = segments.map((s) => decodeURIComponent(s));
    } catch {
      return problem(req, reply, 400, 'The address is not correctly percent-encoded.');
    }
    const [identifier = ''] = decoded;
    if (segments.length !== 1 && segments.length !== 2 && segments.length !== 5) {
      return problem(req, reply, 404, 'No image at this address: an identifier that contains "/" must be written as %2F.');
    }
    if (segments.length === 5) {
      // The parameters are checked before the identifier is looked up: a malformed request is
      // malformed whatever it names, and this costs no I/O.
      const parsed = parseImageRequest(decoded[1] ?? '', decoded[2] ?? '', decoded[3] ?? '', decoded[4] ?? '');
      if (!parsed.ok) return problem(req, reply, parsed.status, parsed.reason);
      const img = await iiif.image(identifier);
      if (!img) return problem(req, reply, 404, `No image "${identifier}".`);
      const p = await iiif.pyramid(img);
      const resolved = resolveRequest(parsed.value, p.width, p.height);
      if (!resolved.ok) return problem(req, reply, 400, resolved.reason);
      const result = await iiif.render(img, p, resolved.value);
      const etag = `"${result.version}:${resolved.value.x},${resolved.value.y},${resolved.value.w},${resolved.value.h},${resolved.value.width},${resolved.value.height},${decoded[3]},${decoded[4]}"`;
      const headers = { ...BASE_HEADERS, 'cache-control': TILE_CACHE, etag, link: `<${IMAGE_PROFILE_URI}>;rel="profile"` };
      if (req.headers['if-none-match'] === etag) return write(req, reply, 304, headers);
      return write(req, reply, 200, { ...headers, 'content-type': FORMAT_MIME[resolved.value.format] }, result.data);
    }
    const img = await iiif.image(identifier);
    if (!img) return problem(req, reply, 404, `No image "${identifier}".`);
    if (segments.length === 1 || segments[1] === '') {
      // The base URI of an image stands for its information document.
      const location = `${requestBase(req, settings)}${IMAGE_PREFIX}/${segments[0]}/info.json`;
      return write(req, reply, 303, { ...BASE_HEADERS, location, 'cache-control': 'no-cache' });
    }
    if (segments[1] !== 'info.json') return problem(req, reply, 404, 'Not an Image API address: expected info.json or region/size/rotation/quality.format.');
    const p = await iiif.pyramid(img);
    const id = `${requestBase(req, settings)}${IMAGE_PREFIX}/${segments[0]}`;
    return sendJson(req, reply, encodeResponse(JSON.stringify(buildInfo(id, p)), jsonType(req, IMAGE_CONTEXT)));
  });

  // ---- Presentation API -----------------------------------------------------------------

  const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;
  const presentation = async (req: FastifyRequest, reply: FastifyReply, doc: object | null) => {
    if (!doc) return problem(req, reply, 404, 'Nothing published at this address.');
    return sendJson(req, reply, encode(doc, jsonType(req, PRESENTATION_CONTEXT)));
  };

  app.get<{ Params: { id: string } }>('/iiif/items/:id/manifest.json', async (req, reply) => {
    const { id } = req.params;
    if (!SLUG.test(id)) return problem(req, reply, 404, 'No such item.');
    return presentation(req, reply, await iiif.manifest(requestBase(req, settings), id, views()));
  });

  app.get<{ Params: { slug: string } }>('/iiif/exhibitions/:slug/collection.json', async (req, reply) => {
    const { slug } = req.params;
    if (!SLUG.test(slug)) return problem(req, reply, 404, 'No such exhibition.');
    return presentation(req, reply, await iiif.exhibitionCollection(requestBase(req, settings), slug, views()));
  });

  app.get<{ Params: { slug: string; chapter: string } }>('/iiif/exhibitions/:slug/:chapter/collection.json', async (req, reply) => {
    const { slug, chapter } = req.params;
    if (!SLUG.test(slug) || !SLUG.test(chapter)) return problem(req, reply, 404, 'No such chapter.');
    return presentation(req, reply, await iiif.chapterCollection(requestBase(req, settings), slug, chapter, views()));
  });

  // ---- Film, sound and captions ---------------------------------------------------------

  app.get(`${AV_PREFIX}/*`, async (req, reply) => {
    const path = decodeURIComponent((req.raw.url ?? '').split('?')[0]?.slice(AV_PREFIX.length + 1) ?? '');
    const file = await iiif.file(path);
    if (!file) return problem(req, reply, 404, 'No such file.');
    let full: string;
    try {
      full = deps.media.resolve(file.path);
    } catch (err) {
      if (err instanceof MediaPathError) return problem(req, reply, 404, 'No such file.');
      throw err;
    }
    const st = await stat(full).catch(() => null);
    if (!st) return problem(req, reply, 404, 'No such file.');
    const etag = `"${st.size.toString(36)}-${Math.floor(st.mtimeMs).toString(36)}"`;
    const headers = { ...BASE_HEADERS, 'content-type': file.mime, 'accept-ranges': 'bytes', 'cache-control': 'public, max-age=86400', etag };
    if (req.headers['if-none-match'] === etag) return write(req, reply, 304, headers);
    // Players seek with byte ranges; one range is all they ask for.
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    let start = 0;
    let end = st.size - 1;
    let status = 200;
    if (range && (range[1] || range[2])) {
      if (range[1]) {
        start = Number(range[1]);
        if (range[2]) end = Math.min(end, Number(range[2]));
      } else start = Math.max(0, st.size - Number(range[2]));
      if (start > end || start >= st.size) {
        reply.hijack();
        reply.raw.writeHead(416, { ...headers, 'content-range': `bytes */${st.size}` });
        reply.raw.end();
        return reply;
      }
      status = 206;
    }
    reply.hijack();
    reply.raw.writeHead(status, {
      ...headers,
      'content-length': end - start + 1,
      ...(status === 206 ? { 'content-range': `bytes ${start}-${end}/${st.size}` } : {}),
    });
    if (req.method === 'HEAD') {
      reply.raw.end();
      return reply;
    }
    const stream = createReadStream(full, { start, end });
    stream.on('error', () => reply.raw.destroy());
    stream.pipe(reply.raw);
    return reply;
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The IIIF service, for tools and tests that prepare images or inspect caches. */
    iiif: IiifService;
  }
}
