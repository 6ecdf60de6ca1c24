// Public pages. Each handler: parse → service → render (through the page cache).
import type { FastifyInstance } from 'fastify';
import { renderChapter, renderExhibition, renderHome, renderInstitution, renderInstitutions, renderItem, renderPerson, renderSitePage } from '../../views/pages.tsx';
import type { RouteDeps } from '../app.ts';

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;

const langParam = { lang: { type: 'string', maxLength: 35 } } as const;

function params<K extends string>(...names: K[]) {
  const properties: Record<string, { type: 'string'; maxLength: number }> = { ...langParam };
  for (const n of names) properties[n] = { type: 'string', maxLength: 200 };
  return { schema: { params: { type: 'object', properties, required: ['lang', ...names] } } } as const;
}

export async function siteRoutes(app: FastifyInstance, { site, state, sender }: RouteDeps): Promise<void> {
  app.get('/', async (req, reply) => {
    const lang = state.negotiate(req.headers['accept-language']);
    return reply.header('vary', 'accept-language').header('cache-control', 'no-store').redirect(`/${lang}/`, 302);
  });

  app.get<{ Params: { lang: string } }>('/:lang', params(), async (req, reply) => {
    if (!state.has(req.params.lang)) return sender.notFound(req, reply);
    return reply.redirect(`/${req.params.lang}/`, 301);
  });

  app.get<{ Params: { lang: string } }>('/:lang/', params(), async (req, reply) =>
    sender.page(req, reply, req.params.lang, '/', async (ctx) => renderHome(ctx, await site.home())),
  );

  app.get<{ Params: { lang: string; slug: string } }>('/:lang/exhibitions/:slug', params('slug'), async (req, reply) => {
    const { lang, slug } = req.params;
    if (!SLUG.test(slug)) return sender.notFound(req, reply, lang);
    return sender.page(req, reply, lang, `/exhibitions/${slug}`, async (ctx) => {
      const m = await site.exhibition(slug);
      return m && renderExhibition(ctx, m);
    });
  });

  app.get<{ Params: { lang: string; slug: string; chapter: string } }>(
    '/:lang/exhibitions/:slug/:chapter',
    params('slug', 'chapter'),
    async (req, reply) => {
      const { lang, slug, chapter } = req.params;
      if (!SLUG.test(slug) || !SLUG.test(chapter)) return sender.notFound(req, reply, lang);
      return sender.page(req, reply, lang, `/exhibitions/${slug}/${chapter}`, async (ctx) => {
        const m = await site.chapter(slug, chapter);
        return m && renderChapter(ctx, m);
      });
    },
  );

  app.get<{ Params: { lang: string; id: string } }>('/:lang/items/:id', params('id'), async (req, reply) => {
    const { lang, id } = req.params;
    if (!SLUG.test(id)) return sender.notFound(req, reply, lang);
    return sender.page(req, reply, lang, `/items/${id}`, async (ctx) => {
      const m = await site.item(id);
      return m && renderItem(ctx, m);
    });
  });

  app.get<{ Params: { lang: string; id: string } }>('/:lang/people/:id', params('id'), async (req, reply) => {
    const { lang, id } = req.params;
    if (!SLUG.test(id)) return sender.notFound(req, reply, lang);
    return sender.page(req, reply, lang, `/people/${id}`, async (ctx) => {
      const m = await site.person(id);
      return m && renderPerson(ctx, m);
    });
  });

  app.get<{ Params: { lang: string } }>('/:lang/institutions', params(), async (req, reply) =>
    sender.page(req, reply, req.params.lang, '/institutions', async (ctx) => renderInstitutions(ctx, await site.institutions())),
  );

  app.get<{ Params: { lang: string; id: string } }>('/:lang/institutions/:id', params('id'), async (req, reply) => {
    const { lang, id } = req.params;
    if (!SLUG.test(id)) return sender.notFound(req, reply, lang);
    return sender.page(req, reply, lang, `/institutions/${id}`, async (ctx) => {
      const m = await site.institution(id);
      return m && renderInstitution(ctx, m);
    });
  });

  app.get<{ Params: { lang: string } }>('/:lang/terms', params(), async (req, reply) =>
    sender.page(req, reply, req.params.lang, '/terms', async (ctx) => {
      const page = await site.sitePage('terms');
      return page && renderSitePage(ctx, page);
    }),
  );
}
