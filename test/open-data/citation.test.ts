import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { textOf } from '../helpers/app.ts';
import { availableEngines } from '../helpers/engines.ts';
import { openDataApp, type OpenDataApp } from './helpers.ts';

const engines = await availableEngines();
const BASE = 'http://localhost:80';

function today(): { iso: string; parts: number[]; en: string; ja: string; mn: string } {
  const now = new Date();
  const iso = now.toISOString().slice(0, 10);
  const f = (locale: string) => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(now);
  return { iso, parts: iso.split('-').map(Number), en: f('en-GB'), ja: f('ja'), mn: f('mn') };
}

function citationText(html: string): string {
  const m = /<p class="citation-text"[^>]*>([\s\S]*?)<\/p>/.exec(html);
  assert.ok(m, 'the page has a citation');
  // Tags removed without the space textOf puts in their place: the link and date sit inside the sentence.
  return textOf(m[1]!.replace(/<[^>]+>/g, '')).trim();
}

/** CSL-JSON read back by citation-js, without its bookkeeping. */
function parsed(input: string): Record<string, unknown> {
  const data = new Cite(input).data;
  assert.equal(data.length, 1);
  const rest = { ...data[0]! };
  delete rest['_graph'];
  return rest;
}

for (const engine of engines) {
  describe(`citations (${engine})`, () => {
    let app: OpenDataApp;
    before(async () => {
      app = await openDataApp(engine);
    });
    after(() => app?.close());

    it('item pages cite the record in the reader’s language: archive, archival title, reference code, date, stable URL, accessed', async () => {
      const d = today();
      const url = (lang: string) => `${BASE}/${lang}/items/joint-communique-1972`;
      const expected: Record<string, string> = {
        en: `Central Archive of Ministry of Foreign Affairs, Mongolia, “Joint official statement regarding the establishment of diplomatic relations between the People’s Republic of Mongolia and Japan”, Fund-59, File-1, Unit-66, 19 February 1972. ${url('en')} (accessed ${d.en}).`,
        ja: `外交中央公文書館「日モ外交関係樹立に関する共同コミュニケ」Fund-59, File-1, Unit-66、昭和47年(1972)2月19日、${url('ja')}（${d.ja}閲覧）`,
        mn: `Гадаад харилцааны төв архив. «Бүгд Найрамдах Монгол Ард Улс, Япон Улсын хооронд дипломат харилцаа тогтоох тухай хамтарсан албан мэдэгдэл». Fund-59, File-1, Unit-66. 1972 оны 2 дугаар сарын 19. ${url('mn')} (хандсан огноо: ${d.mn}).`,
      };
      for (const lang of ['en', 'ja', 'mn']) {
        const res = await app.fastify.inject({ url: `/${lang}/items/joint-communique-1972` });
        assert.equal(res.statusCode, 200);
        assert.equal(citationText(res.body), expected[lang], lang);
        assert.match(res.body, new RegExp(`<time class="citation-accessed" datetime="${d.iso}"`));
        assert.match(res.body, new RegExp(`<a href="${url(lang)}">`));
        for (const ext of ['bib', 'ris', 'json']) assert.ok(res.body.includes(`href="/${lang}/items/joint-communique-1972/cite.${ext}"`), ext);
        assert.match(res.body, /<script src="\/assets\/citation\.[0-9a-f]+\.js" defer><\/script>/);
      }
    });

    it('a record without a reference code is cited without one', async () => {
      const res = await app.fastify.inject({ url: '/en/items/exchange-of-notes-1972' });
      const t = citationText(res.body);
      assert.ok(t.startsWith('Diplomatic Archives, Ministry of Foreign Affairs of Japan, “Japanese-Mongolian relations”, 24 February 1972. '), t);
    });

    it('BibTeX downloads parse back with citation-js and keep Japanese and Cyrillic text', async () => {
      const d = today();
      for (const lang of ['en', 'ja', 'mn']) {
        const res = await app.fastify.inject({ url: `/${lang}/items/joint-communique-1972/cite.bib` });
        assert.equal(res.statusCode, 200);
        assert.equal(res.headers['content-disposition'], 'attachment; filename="joint-communique-1972.bib"');
        assert.match(String(res.headers['content-type']), /^application\/x-bibtex/);
        assert.equal(res.headers['cache-control'], 'no-store');
        assert.ok(res.headers['content-security-policy']);
        const csl = (await app.fastify.inject({ url: `/${lang}/items/joint-communique-1972/cite.json` })).json() as Record<string, unknown>[];
        const back = parsed(res.body);
        assert.equal(back['type'], 'manuscript');
        assert.equal(back['title'], csl[0]!['title'], `${lang}: title`);
        assert.equal(back['URL'], `${BASE}/${lang}/items/joint-communique-1972`);
        assert.deepEqual(back['issued'], { 'date-parts': [[1972, 2, 19]] });
        assert.equal(back['publisher'], csl[0]!['archive'], `${lang}: holding archive`);
        assert.ok(String(back['note']).includes('Fund-59, File-1, Unit-66'), `${lang}: reference code in the note`);
        assert.ok(String(back['note']).includes(d[lang as 'en' | 'ja' | 'mn']), `${lang}: accessed date in the note`);
      }
      const ja = parsed((await app.fastify.inject({ url: '/ja/items/joint-communique-1972/cite.bib' })).body);
      assert.equal(ja['title'], '日モ外交関係樹立に関する共同コミュニケ');
      assert.equal(ja['publisher'], '外交中央公文書館');
    });

    it('RIS downloads parse back with the archive, reference code, dates and URL', async () => {
      const d = today();
      for (const lang of ['en', 'ja', 'mn']) {
        const res = await app.fastify.inject({ url: `/${lang}/items/joint-communique-1972/cite.ris` });
        assert.equal(res.statusCode, 200);
        assert.equal(res.headers['content-disposition'], 'attachment; filename="joint-communique-1972.ris"');
        assert.ok(res.body.startsWith('TY  - MANSCPT\r\n'), 'RIS lines end in CRLF');
        const csl = ((await app.fastify.inject({ url: `/${lang}/items/joint-communique-1972/cite.json` })).json() as Record<string, unknown>[])[0]!;
        const back = parsed(res.body);
        assert.equal(back['type'], 'manuscript');
        assert.equal(back['title'], csl['title'], `${lang}: title`);
        assert.equal(back['archive'], csl['archive'], `${lang}: archive`);
        assert.equal(back['call-number'], 'Fund-59, File-1, Unit-66');
        assert.equal(back['URL'], csl['URL']);
        assert.equal(back['language'], csl['language']);
        assert.deepEqual(back['issued'], { 'date-parts': [[1972, 2, 19]] });
        assert.deepEqual(back['accessed'], { 'date-parts': [d.parts] });
      }
    });

    it('CSL-JSON downloads carry the archival fields and read as CSL', async () => {
      const d = today();
      const res = await app.fastify.inject({ url: '/en/items/goodwill-mission-1971/cite.json' });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-disposition'], 'attachment; filename="goodwill-mission-1971.json"');
      assert.match(String(res.headers['content-type']), /^application\/vnd\.citationstyles\.csl\+json/);
      const [item] = res.json() as Record<string, unknown>[];
      assert.equal(item!['type'], 'manuscript');
      assert.equal(item!['archive'], 'National Central Archives of Mongolia, Archive of Movie, Audio Visual and Photo Records');
      assert.equal(item!['archive_location'], 'K-19180-1');
      assert.equal(item!['archive-place'], 'Mongolia');
      assert.deepEqual(item!['issued'], { 'date-parts': [[1971, 9, 10], [1971, 9, 15]] });
      assert.deepEqual(item!['accessed'], { 'date-parts': [d.parts] });
      const back = parsed(res.body);
      assert.equal(back['archive_location'], 'K-19180-1');
      assert.equal(back['title'], item!['title']);
    });

    it('unknown records, languages and addresses are 404s', async () => {
      for (const url of ['/en/items/no-such-record/cite.bib', '/xx/items/joint-communique-1972/cite.ris', '/en/items/Bad_Id/cite.json', '/en/items/joint-communique-1972/cite.txt']) {
        const res = await app.fastify.inject({ url });
        assert.equal(res.statusCode, 404, url);
      }
    });
  });
}
