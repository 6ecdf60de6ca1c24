// Search page and search API routes. Answers depend on the query string, so they never go
// through the page cache; they are rendered per request and sent with `no-store`.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorSchema, searchResponseSchema, suggestResponseSchema, toApiResponse, toApiSuggestions } from '../../search/api.ts';
import { QUERY_LIMITS } from '../../search/analyzer.ts';
import { FILTER_PARAMS, parseSearchParams, PER_PAGE, searchQueryString, type ParsedParams, type SearchError, type SearchParams } from '../../search/params.ts';
import { IndexTimeoutError } from '../../search/kysely/index-reader.ts';
import { SearchService } from '../../services/search.ts';
import { facetLabel, renderSearch } from '../../views/search.tsx';
import { SECURITY_HEADERS, type RouteDeps } from '../app.ts';
import { encodeResponse } from '../page-cache.ts';

const services = new WeakMap<FastifyInstance, SearchService>();

/** A query matching so much that ranking and counting it ran past the database's time limit. */
const TOO_BROAD: SearchError = {
  code: 'too_broad',
  parameter: 'q',
  message: 'the query matches too many records to rank and count in time; add a word or a filter',
};

/** The search service of an app built by buildApp (for tests, tools and the reindex command). */
export function searchServiceOf(app: FastifyInstance): SearchService {
  const s = services.get(app);
  if (!s) throw new Error('search routes are not registered on this app');
  return s;
}

// Every parameter is declared a string, so a repeated one (an array) is a validation error the
// handler turns into a 400 with a reason, never a 404 or 500.
const stringProps = Object.fromEntries(['q', 'page', 'per', 'lang', ...FILTER_PARAMS].map((n) => [n, { type: 'string' }]));
const querystring = { type: 'object', properties: stringProps } as const;

type Query = Record<string, unknown>;

function parse(req: FastifyRequest<{ Querystring: Query }>): ParsedParams {
  const v = req.validationError;
  if (v) {
    const path = (v as { validation?: { instancePath?: string }[] }).validation?.[0]?.instancePath ?? '';
    const parameter = path.replace(/^\//, '').split('/')[0] || 'query';
    const error: SearchError = { code: 'repeated_parameter', parameter, message: `${parameter} may be given only once, as text` };
    return { ok: false, error };
  }
  return parseSearchParams(req.query);
}

/** What a refused request's page shows in its form: the query, cut to the longest allowed. */
function fallbackParams(req: FastifyRequest<{ Querystring: Query }>): SearchParams {
  const q = typeof req.query.q === 'string' ? req.query.q.slice(0, QUERY_LIMITS.maxLength) : '';
  return { q, page: 1, perPage: PER_PAGE.default, filters: {} };
}

export async function searchRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const { state, sender, assets, storage } = deps;
  const search = new SearchService(storage, { onError: (err, what) => app.log.error({ err }, `search: ${what} failed`) });
  services.set(app, search);
  deps.onContentChange(search.contentChanged);
  // Builds a missing or outdated index in the background; failures are logged by onError.
  search.start().catch(() => undefined);

  // The search API is public read-only data like the rest of /api/v1: any origin may read it.
  const sendJson = (reply: FastifyReply, status: number, body: unknown, cacheControl = 'no-store') =>
    reply.code(status).headers(SECURITY_HEADERS).header('access-control-allow-origin', '*').header('cache-control', cacheControl).send(body);

  app.get<{ Params: { lang: string }; Querystring: Query }>(
    '/:lang/search',
    {
      schema: { params: { type: 'object', properties: { lang: { type: 'string', maxLength: 35 } }, required: ['lang'] }, querystring },
      attachValidation: true,
    },
    async (req, reply) => {
      const { lang } = req.params;
      if (!state.has(lang)) return sender.notFound(req, reply);
      const parsed = parse(req);
      const params = parsed.ok ? parsed.params : fallbackParams(req);
      const ctx = state.context(lang, `/search${parsed.ok ? searchQueryString(params, { page: params.page > 1 ? String(params.page) : undefined }) : ''}`, assets.urls);
      let error = parsed.ok ? null : parsed.error;
      let model = null;
      try {
        model = parsed.ok ? await search.search(params, ctx.order) : null;
      } catch (err) {
        if (!(err instanceof IndexTimeoutError)) throw err;
        error = TOO_BROAD;
      }
      const html = renderSearch(ctx, { params, model, error });
      const status = error === TOO_BROAD ? 503 : error ? 400 : 200;
      return sender.send(req, reply, encodeResponse(html, 'text/html; charset=utf-8'), status, 'no-store');
    },
  );

  app.get<{ Querystring: Query }>(
    '/api/v1/search',
    { schema: { querystring, response: { 200: searchResponseSchema, 400: errorSchema, 503: errorSchema } }, attachValidation: true },
    async (req, reply) => {
      const parsed = parse(req);
      if (!parsed.ok) return sendJson(reply, 400, { error: parsed.error });
      const lang = typeof req.query['lang'] === 'string' && req.query['lang'] !== '' ? req.query['lang'] : state.negotiate(req.headers['accept-language']);
      if (!state.has(lang)) {
        return sendJson(reply, 400, { error: { code: 'unknown_language', parameter: 'lang', message: `lang must be one of: ${state.languages.map((l) => l.tag).join(', ')}` } });
      }
      const ctx = state.context(lang, '/search', assets.urls);
      try {
        const model = await search.search(parsed.params, ctx.order);
        return sendJson(reply, 200, toApiResponse(ctx, model, (f, v) => facetLabel(ctx, f, v, model)));
      } catch (err) {
        if (!(err instanceof IndexTimeoutError)) throw err;
        return sendJson(reply, 503, { error: TOO_BROAD });
      }
    },
  );

  app.get<{ Querystring: Query }>(
    '/api/v1/search/suggest',
    { schema: { querystring, response: { 200: suggestResponseSchema, 400: errorSchema } }, attachValidation: true },
    async (req, reply) => {
      const parsed = parse(req);
      if (!parsed.ok) return sendJson(reply, 400, { error: parsed.error });
      const lang = typeof req.query['lang'] === 'string' && req.query['lang'] !== '' ? req.query['lang'] : state.negotiate(req.headers['accept-language']);
      if (!state.has(lang)) {
        return sendJson(reply, 400, { error: { code: 'unknown_language', parameter: 'lang', message: `lang must be one of: ${state.languages.map((l) => l.tag).join(', ')}` } });
      }
      const ctx = state.context(lang, '/search', assets.urls);
      const list = await search.suggest(parsed.params.q, ctx.order);
      // Names change rarely and are public; a short shared cache spares the server while typing.
      return sendJson(reply, 200, toApiSuggestions(ctx, parsed.params.q, list), 'public, max-age=60');
    },
  );
}
