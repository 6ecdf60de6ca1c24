// Nothing unpublished shows through the open-data surfaces: JSON-LD in any page, citations and
// their downloads, the sitemap.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Exhibition, Item } from '../../src/domain/types.ts';
import { availableEngines } from '../helpers/engines.ts';
import { jsonLdBlocks, openDataApp, type OpenDataApp } from './helpers.ts';

const engines = await availableEngines();
const LANGS = ['ja', 'mn', 'en'];
const HIDDEN = 'credentials-luvsanchultem-1972';
/** Named on the hidden record only. */
const HIDDEN_PERSON = 'n-luvsanchultem';

async function jsonLdText(app: OpenDataApp, url: string): Promise<string> {
  const res = await app.fastify.inject({ url });
  assert.equal(res.statusCode, 200, url);
  const blocks = jsonLdBlocks(res.body);
  assert.equal(blocks.length, 1, url);
  return JSON.stringify(blocks[0]!.doc);
}

async function sitemapLocs(app: OpenDataApp): Promise<string[]> {
  const res = await app.fastify.inject({ url: '/sitemap.xml' });
  return [...res.body.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);
}

for (const engine of engines) {
  describe(`unpublished content stays out of open data (${engine})`, () => {
    let app: OpenDataApp;
    before(async () => {
      app = await openDataApp(engine);
    });
    after(() => app?.close());

    it('a record taken back to draft leaves JSON-LD, citations and the sitemap', async () => {
      // Published first: every surface names it, so the checks below can fail.
      const pages = ['/exhibitions/japan-mongolia/establishment-1972', '/institutions/mn-mfa-ca', `/people/${HIDDEN_PERSON}`, '/items/exchange-of-notes-1972'];
      assert.ok((await jsonLdText(app, `/en/exhibitions/japan-mongolia/establishment-1972`)).includes(`/items/${HIDDEN}#record`));
      assert.ok((await sitemapLocs(app)).some((l) => l.endsWith(`/items/${HIDDEN}`)));
      assert.ok((await sitemapLocs(app)).some((l) => l.endsWith(`/people/${HIDDEN_PERSON}`)));
      assert.equal((await app.fastify.inject({ url: `/en/items/${HIDDEN}/cite.bib` })).statusCode, 200);

      const item = (await app.storage.store.getItem(HIDDEN)) as Item;
      const holder = item.institutionId;
      await app.content.saveItem({ ...item, state: 'draft' });

      for (const lang of LANGS) {
        assert.equal((await app.fastify.inject({ url: `/${lang}/items/${HIDDEN}` })).statusCode, 404);
        for (const ext of ['bib', 'ris', 'json']) assert.equal((await app.fastify.inject({ url: `/${lang}/items/${HIDDEN}/cite.${ext}` })).statusCode, 404, ext);
        for (const p of [...pages, `/institutions/${holder}`, '/', '/exhibitions/japan-mongolia']) {
          const doc = await jsonLdText(app, `/${lang}${p}`);
          assert.ok(!doc.includes(HIDDEN), `${lang}${p}: JSON-LD names the draft`);
        }
        // Neighbours' citations and pages carry no trace either.
        const page = (await app.fastify.inject({ url: `/${lang}/items/cabinet-approval-niizeki-1972` })).body;
        assert.ok(!page.includes(`/items/${HIDDEN}`), `${lang}: neighbour page links the draft`);
      }
      const locs = await sitemapLocs(app);
      assert.ok(locs.length > 0);
      assert.ok(!locs.some((l) => l.includes(HIDDEN)), 'the sitemap lists the draft');
      assert.ok(!locs.some((l) => l.endsWith(`/people/${HIDDEN_PERSON}`)), 'the sitemap lists a person known only from the draft');
      assert.ok(locs.some((l) => l.endsWith('/people/niizeki-kinya')));
    });

    it('an exhibition taken back to draft leaves the sitemap and the records’ JSON-LD', async () => {
      const ex = (await app.storage.store.getExhibitionBySlug('japan-mongolia')) as Exhibition;
      await app.content.saveExhibition({ ...ex, state: 'draft' });
      const locs = await sitemapLocs(app);
      assert.ok(!locs.some((l) => l.includes('/exhibitions/')), 'the sitemap lists the draft exhibition');
      assert.ok(locs.some((l) => l.endsWith('/items/joint-communique-1972')), 'published records stay listed');
      for (const lang of LANGS) {
        const doc = await jsonLdText(app, `/${lang}/items/joint-communique-1972`);
        assert.ok(!doc.includes('/exhibitions/'), `${lang}: the record's JSON-LD names the draft exhibition`);
        assert.ok(!(await jsonLdText(app, `/${lang}/`)).includes('/exhibitions/'), `${lang}: home JSON-LD`);
        assert.equal((await app.fastify.inject({ url: `/${lang}/exhibitions/japan-mongolia` })).statusCode, 404);
      }
    });
  });
}
