// OAI-PMH 2.0 at /oai, GET and POST (application/x-www-form-urlencoded). Protocol errors are
// answered with status 200 and an <error> element, as the protocol wants. Answers depend on
// the arguments and on the moment, so they are never cached.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { OaiProvider } from '../../oai/provider.ts';
import { oaiSettingsFromEnv } from '../../oai/settings.ts';
import { OaiSync } from '../../oai/sync.ts';
import { SECURITY_HEADERS, type RouteDeps } from '../app.ts';
import { requestBase } from './iiif.ts';

const FORM = 'application/x-www-form-urlencoded';

const syncs = new WeakMap<FastifyInstance, OaiSync>();

/** The record sync of an app built by buildApp (for tests and tools). */
export function oaiSyncOf(app: FastifyInstance): OaiSync {
  const s = syncs.get(app);
  if (!s) throw new Error('OAI-PMH routes are not registered on this app');
  return s;
}

function pairsOf(raw: string): [string, string][] {
  return [...new URLSearchParams(raw)];
}

export async function oaiRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const settings = oaiSettingsFromEnv();
  const sync = new OaiSync(deps.storage, {
    pageLang: deps.config.defaultLang,
    // A failed update leaves the recorded version behind, so the next request runs a full sync.
    onError: (err) => app.log.error({ err }, 'OAI-PMH record update failed'),
  });
  syncs.set(app, sync);
  deps.onContentChange(sync.contentChanged);
  const { state, assets } = deps;
  const siteLang = () => (state.has(deps.config.defaultLang) ? deps.config.defaultLang : state.negotiate(undefined));
  const provider = new OaiProvider(deps.storage, sync, settings, {
    siteName: () => state.context(siteLang(), '/oai', assets.urls).t('site.name'),
    order: () => state.context(siteLang(), '/oai', assets.urls).order,
  });

  const answer = async (req: FastifyRequest, pairs: [string, string][]) => {
    // Taken before the records are brought up to date: a harvester that continues from this
    // date cannot miss a change stamped by a sync that was still running.
    const now = new Date();
    const base = requestBase(req, settings);
    const repositoryId = settings.repositoryId ?? new URL(base).hostname;
    return provider.respond(pairs, { base, repositoryId, now });
  };

  await app.register(async (scope) => {
    // The raw body, so that a repeated argument is seen as such (a parsed object would merge it).
    if (scope.hasContentTypeParser(FORM)) scope.removeContentTypeParser(FORM);
    scope.addContentTypeParser(FORM, { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => done(null, body));

    scope.get('/oai', async (req, reply) => {
      const q = req.url.indexOf('?');
      const xml = await answer(req, pairsOf(q >= 0 ? req.url.slice(q + 1) : ''));
      return reply.code(200).headers(SECURITY_HEADERS).header('cache-control', 'no-store').type('text/xml; charset=utf-8').send(xml);
    });

    scope.post('/oai', async (req, reply) => {
      const body = typeof req.body === 'string' ? req.body : '';
      const xml = await answer(req, pairsOf(body));
      return reply.code(200).headers(SECURITY_HEADERS).header('cache-control', 'no-store').type('text/xml; charset=utf-8').send(xml);
    });
  });
}
