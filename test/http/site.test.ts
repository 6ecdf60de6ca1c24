import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { demoApp, textOf, type TestApp } from '../helpers/app.ts';

const LANGS = ['ja', 'mn', 'en'] as const;
type L = (typeof LANGS)[number];

/**
 * Archival facts as the sources give them (seed page and exhibition facts), written here
 * independently of the demo content: reference code, holding archive per language, and the
 * start of the date as each language writes it.
 */
const FACTS: { id: string; code: string | null; holder: Record<L, string>; date: Record<L, string> }[] = [
  {
    id: 'goodwill-mission-1971',
    code: 'K-19180-1',
    holder: { en: 'National Central Archives of Mongolia, Archive of Movie, Audio Visual and Photo Records', ja: '国立中央公文書館(映像・画像・音声資料館)', mn: 'Үндэсний төв архив' },
    date: { en: '10–15 September 1971', ja: '昭和46年(1971)9月10日', mn: '1971 оны 9 дүгээр сарын 10' },
  },
  {
    id: 'joint-communique-1972',
    code: 'Fund-59, File-1, Unit-66',
    holder: { en: 'Central Archive of Ministry of Foreign Affairs, Mongolia', ja: '外交中央公文書館', mn: 'Гадаад харилцааны төв архив' },
    date: { en: '19 February 1972', ja: '昭和47年(1972)2月19日', mn: '1972 оны 2 дугаар сарын 19' },
  },
  {
    id: 'exchange-of-notes-1972',
    code: null,
    holder: { en: 'Diplomatic Archives, Ministry of Foreign Affairs of Japan', ja: '外務省外交史料館', mn: 'Дипломатын архив' },
    date: { en: '24 February 1972', ja: '昭和47年(1972)2月24日', mn: '1972 оны 2 дугаар сарын 24' },
  },
  {
    id: 'credentials-luvsanchultem-1972',
    code: 'Fund-151, File-21, Unit-02',
    holder: { en: 'Central Archive of Ministry of Foreign Affairs, Mongolia', ja: '外交中央公文書館', mn: 'Гадаад харилцааны төв архив' },
    date: { en: '7 June 1972', ja: '昭和47年(1972)6月7日', mn: '1972 оны 6 дугаар сарын 7' },
  },
  {
    id: 'cabinet-approval-niizeki-1972',
    code: null,
    holder: { en: 'National Archives of Japan', ja: '国立公文書館', mn: 'Японы Үндэсний архив' },
    date: { en: '1 August 1972', ja: '昭和47年(1972)8月1日', mn: '1972 оны 8 дугаар сарын 1' },
  },
  {
    id: 'credentials-translation-niizeki-1972',
    code: 'Fund-59, File-1, Unit-72',
    holder: { en: 'Central Archive of Ministry of Foreign Affairs, Mongolia', ja: '外交中央公文書館', mn: 'Гадаад харилцааны төв архив' },
    date: { en: '24 August 1972', ja: '昭和47年(1972)8月24日', mn: '1972 оны 8 дугаар сарын 24' },
  },
  {
    id: 'academic-exchange-1972',
    code: 'Fund-23, File-2, Unit-724',
    holder: { en: 'National Central Archives of Mongolia, Archives of Historical documents', ja: '国立中央公文書館(歴史資料館)', mn: 'Үндэсний төв архив' },
    date: { en: 'October 1972', ja: '昭和47年(1972)10月', mn: '1972 оны 10 дугаар сар' },
  },
  {
    id: 'politburo-resolution-272-1972',
    code: 'Fund-4, File-32, Unit-178',
    holder: { en: 'National Central Archives of Mongolia, Archives of political parties and public organizations', ja: '国立中央公文書館', mn: 'Үндэсний төв архив' },
    date: { en: '9 November 1972', ja: '昭和47年(1972)11月9日', mn: '1972 оны 11 дүгээр сарын 9' },
  },
  {
    id: 'japanese-embassy-letter-1973',
    code: 'Fund-59, File-1, Unit-73',
    holder: { en: 'Central Archive of Ministry of Foreign Affairs, Mongolia', ja: '外交中央公文書館', mn: 'Гадаад харилцааны төв архив' },
    date: { en: '15 June 1973', ja: '昭和48年(1973)6月15日', mn: '1973 оны 6 дугаар сарын 15' },
  },
  {
    id: 'akiyama-photo-1977',
    code: null,
    holder: { en: 'National Central Archives of Mongolia, Archive of Movie, Audio Visual and Photo Records', ja: '国立中央公文書館(映像・画像・音声資料館)', mn: 'Үндэсний төв архив' },
    date: { en: '1977', ja: '昭和52年(1977)', mn: '1977 он' },
  },
  {
    id: 'cultural-agreement-1974',
    code: '01-1337',
    holder: { en: 'Central Archive of Ministry of Foreign Affairs, Mongolia', ja: '外交中央公文書館', mn: 'Гадаад харилцааны төв архив' },
    date: { en: '23 September 1974', ja: '昭和49年(1974)9月23日', mn: '1974 оны 9 дүгээр сарын 23' },
  },
  {
    id: 'economic-meeting-1975',
    code: 'Fund-409, File-1, Unit-98',
    holder: { en: 'National Central Archives of Mongolia, Archives of Historical documents', ja: '国立中央公文書館(歴史資料館)', mn: 'Үндэсний төв архив' },
    date: { en: '16 January 1975', ja: '昭和50年(1975)1月16日', mn: '1975 оны 1 дүгээр сарын 16' },
  },
  {
    id: 'cashmere-agreement-1977',
    code: '2019-0197',
    holder: { en: 'Diplomatic Archives, Ministry of Foreign Affairs of Japan', ja: '外務省外交史料館', mn: 'Дипломатын архив' },
    date: { en: '17 March 1977', ja: '昭和52年(1977)3月17日', mn: '1977 оны 3 дугаар сарын 17' },
  },
];

const CHAPTER = '/exhibitions/japan-mongolia/establishment-1972';

describe('public site', () => {
  let app: TestApp;
  const get = (url: string, headers: Record<string, string> = {}) => app.fastify.inject({ method: 'GET', url, headers });

  before(async () => {
    app = await demoApp();
  });
  after(() => app.close());

  describe('language negotiation', () => {
    for (const [accept, lang] of [
      ['mn-MN,mn;q=0.9', 'mn'],
      ['ja-JP,ja;q=0.9,en;q=0.5', 'ja'],
      ['en-GB', 'en'],
      ['fr-FR,de;q=0.8', 'en'],
      ['', 'en'],
    ] as const) {
      it(`sends "${accept}" to /${lang}/`, async () => {
        const res = await get('/', accept ? { 'accept-language': accept } : {});
        assert.equal(res.statusCode, 302);
        assert.equal(res.headers.location, `/${lang}/`);
        assert.match(String(res.headers.vary), /accept-language/i);
      });
    }
  });

  for (const lang of LANGS) {
    describe(`in ${lang}`, () => {
      it('every page type answers 200 with the right <html lang>, switcher and alternates', async () => {
        const paths = ['/', '/exhibitions/japan-mongolia', CHAPTER, '/items/joint-communique-1972', '/people/niizeki-kinya', '/institutions', '/institutions/mn-mfa-ca', '/terms'];
        for (const path of paths) {
          const res = await get(`/${lang}${path}`);
          assert.equal(res.statusCode, 200, `${lang}${path}`);
          assert.match(res.headers['content-type'] as string, /^text\/html; charset=utf-8/);
          assert.match(res.body, new RegExp(`<html lang="${lang}"`));
          for (const other of LANGS) {
            assert.ok(res.body.includes(`hreflang="${other}" href="/${other}${path}"`), `alternate ${other} on ${lang}${path}`);
          }
          assert.ok(res.body.includes('class="skip-link" href="#main"'));
        }
      });

      it('the chapter page shows every record with reference code, holding archive and date', async () => {
        const text = textOf((await get(`/${lang}${CHAPTER}`)).body);
        for (const f of FACTS) {
          if (f.code) assert.ok(text.includes(f.code), `${f.id}: ${f.code}`);
          assert.ok(text.includes(f.holder[lang]), `${f.id}: ${f.holder[lang]}`);
          assert.ok(text.includes(f.date[lang]), `${f.id}: ${f.date[lang]}`);
        }
      });

      it('every item page shows its reference code, holding archive, date and place in the exhibition', async () => {
        for (const f of FACTS) {
          const res = await get(`/${lang}/items/${f.id}`);
          assert.equal(res.statusCode, 200, f.id);
          const text = textOf(res.body);
          if (f.code) assert.ok(text.includes(f.code), `${f.id}: ${f.code}`);
          assert.ok(text.includes(f.holder[lang]), `${f.id}: ${f.holder[lang]}`);
          assert.ok(text.includes(f.date[lang]), `${f.id}: ${f.date[lang]}`);
          assert.match(res.body, new RegExp(`href="/${lang}${CHAPTER}"`));
          // Every record shows its image (with a text alternative) or, for film, a player with its poster.
          assert.match(res.body, /<img src="[^"]+" alt="[^"]+"|<video\b[^>]*\bposter="[^"]+"/);
        }
      });

      it('no date is shown as raw EDTF', async () => {
        const text = textOf((await get(`/${lang}${CHAPTER}`)).body);
        assert.doesNotMatch(text, /\d{4}-\d{2}-\d{2}\/\d{4}|\d{4}-\d{2}-\d{2}(?!\d)/);
      });

      it('an unknown id is a 404 page in this language, not an error', async () => {
        for (const path of ['/items/no-such-item', '/people/nobody', '/institutions/none', '/exhibitions/none', `${CHAPTER}-x`, '/items/..%2F..%2Fetc', '/items/%00', '/nowhere']) {
          const res = await get(`/${lang}${path}`);
          assert.equal(res.statusCode, 404, path);
          assert.match(res.body, new RegExp(`<html lang="${lang}"`));
        }
      });
    });
  }

  it('an unknown language prefix is a 404 in the reader’s language', async () => {
    for (const url of ['/xx/', '/fr/items/joint-communique-1972', '/EN/', '/' + 'a'.repeat(300)]) {
      const res = await get(url, { 'accept-language': 'ja' });
      assert.equal(res.statusCode, 404, url);
      assert.match(res.body, /<html lang="ja"/);
      assert.ok(textOf(res.body).includes('ページが見つかりません'));
    }
  });

  it('writes Japanese names of Japanese people family-first in capitals in Latin script, Mongolian with the patronymic initial', async () => {
    const en = textOf((await get('/en/items/credentials-translation-niizeki-1972')).body);
    assert.ok(en.includes('NIIZEKI Kinya'));
    const luv = textOf((await get('/en/items/credentials-luvsanchultem-1972')).body);
    assert.ok(luv.includes('N. Luvsanchultem'));
    const ja = textOf((await get('/ja/people/niizeki-kinya')).body);
    assert.ok(ja.includes('新関欽哉'));
  });

  it('falls back value by value with the value’s own lang and a visible note', async () => {
    // The Japanese record title of the exchange of notes is not given in the sources.
    const res = await get('/ja/items/exchange-of-notes-1972');
    assert.match(res.body, /<span lang="en">Japanese-Mongolian relations<\/span> <span class="note note-missing" lang="ja">\(未翻訳\)<\/span>/);
  });

  it('marks draft translations discreetly', async () => {
    const res = await get(`/mn${CHAPTER}`);
    assert.ok(res.body.includes('class="note note-draft" lang="mn">(орчуулгыг хянаагүй)'));
  });

  it('sends ETag, Cache-Control and security headers, answers 304 and compresses', async () => {
    const res = await get(`/en${CHAPTER}`);
    assert.ok(res.headers.etag);
    assert.equal(res.headers['cache-control'], 'public, max-age=0, must-revalidate');
    assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    const again = await get(`/en${CHAPTER}`, { 'if-none-match': String(res.headers.etag) });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    const gz = await get(`/en${CHAPTER}`, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(gz.headers['content-encoding'], 'br');
    assert.ok(gz.rawPayload.length < res.rawPayload.length / 2);
  });

  it('serves hashed assets for a year and media with validators', async () => {
    const home = await get('/en/');
    const css = /href="(\/assets\/site\.[0-9a-f]+\.css)"/.exec(home.body)?.[1];
    assert.ok(css);
    const res = await get(css);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['cache-control']), /immutable/);
    const img = await get('/media/demo/joint-communique-1972.jpg');
    assert.equal(img.statusCode, 200);
    assert.equal(img.headers['content-type'], 'image/jpeg');
    assert.equal((await get('/media/../package.json')).statusCode, 404);
    assert.equal((await get('/media/demo/%2e%2e/x.jpg')).statusCode, 404);
  });

  it('shows a change at once and never shows an unpublished record', async () => {
    const before = await get(`/en${CHAPTER}`);
    assert.ok(textOf(before.body).includes('01-1337'));
    const item = await app.storage.store.getItem('cultural-agreement-1974');
    assert.ok(item);
    await app.content.saveItem({ ...item, state: 'draft' });
    await app.refreshVersion();
    const after = await get(`/en${CHAPTER}`);
    assert.ok(!textOf(after.body).includes('01-1337'));
    assert.notEqual(after.headers.etag, before.headers.etag);
    assert.equal((await get('/en/items/cultural-agreement-1974')).statusCode, 404);
    assert.ok(!textOf((await get('/en/institutions/mn-mfa-ca')).body).includes('01-1337'));
    await app.content.saveItem({ ...item, state: 'published' });
    await app.refreshVersion();
    assert.ok(textOf((await get(`/en${CHAPTER}`)).body).includes('01-1337'));
  });

  it('answers a cached page before routing with the same bytes and headers as the route', async () => {
    await app.fastify.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.fastify.server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/ja/items/academic-exchange-1972`;
    await app.refreshVersion();
    const first = await fetch(url, { headers: { 'accept-encoding': 'identity' } }); // rendered by the route
    const second = await fetch(url, { headers: { 'accept-encoding': 'identity' } }); // from the page cache
    assert.equal(second.status, 200);
    const strip = (h: Headers) => Object.fromEntries([...h.entries()].filter(([k]) => k !== 'date' && k !== 'keep-alive' && k !== 'connection'));
    assert.deepEqual(strip(second.headers), strip(first.headers));
    assert.equal(await second.text(), await first.text());
    const notModified = await fetch(url, { headers: { 'if-none-match': String(first.headers.get('etag')) } });
    assert.equal(notModified.status, 304);
    // A query string is never answered from the cache by URL; the route still serves the page.
    assert.equal((await fetch(`${url}?x=1`)).status, 200);
  });

  it('answers health and readiness checks', async () => {
    assert.deepEqual((await get('/healthz')).json(), { status: 'ok' });
    assert.deepEqual((await get('/readyz')).json(), { status: 'ready' });
  });
});
