// The search page and API through inject, in every site language, with good and bad input.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { searchServiceOf } from '../../src/http/routes/search.ts';
import { addDemoNameVariants } from '../../src/search/demo-names.ts';
import { IndexTimeoutError } from '../../src/search/kysely/index-reader.ts';
import type { ApiSearchResponse, ApiSuggestResponse } from '../../src/search/api.ts';
import { demoApp, textOf, type TestApp } from '../helpers/app.ts';

const LANGS = ['ja', 'mn', 'en'] as const;

const NIIZEKI = ['/items/cabinet-approval-niizeki-1972', '/items/credentials-translation-niizeki-1972', '/people/niizeki-kinya'];
const TSEDENBAL = ['/people/yumjaagiin-tsedenbal', '/exhibitions/japan-mongolia/establishment-1972'];
const LUVSANCHULTEM = ['/items/credentials-luvsanchultem-1972', '/people/n-luvsanchultem'];

/** The queries of the "done when", and pages each must link to. */
const DONE_WHEN: [string, string[]][] = [
  ['大使', ['/items/credentials-luvsanchultem-1972', '/items/cabinet-approval-niizeki-1972', '/items/japanese-embassy-letter-1973', '/items/cashmere-agreement-1977']],
  ['国交', ['/items/joint-communique-1972', '/items/exchange-of-notes-1972', '/items/credentials-luvsanchultem-1972']],
  ['Цэдэнбал', TSEDENBAL],
  ['ЦЭДЭНБАЛ', TSEDENBAL],
  ['Tsedenbal', TSEDENBAL],
  ['ツェデンバル', TSEDENBAL],
  ['Niizeki', NIIZEKI],
  ['新関', NIIZEKI],
  ['Ниизэки', NIIZEKI],
  ['Luvsanchultem', LUVSANCHULTEM],
];

const q = (s: string) => encodeURIComponent(s);

describe('search over HTTP', () => {
  let app: TestApp;
  before(async () => {
    app = await demoApp();
    await addDemoNameVariants(searchServiceOf(app.fastify));
  });
  after(() => app.close());

  const get = (url: string, headers: Record<string, string> = {}) => app.fastify.inject({ method: 'GET', url, headers });

  for (const lang of LANGS) {
    it(`finds what the issue asks for, on the ${lang} page and in the API`, async () => {
      for (const [query, paths] of DONE_WHEN) {
        const res = await get(`/${lang}/search?q=${q(query)}`);
        assert.equal(res.statusCode, 200, `${lang} ${query}`);
        for (const p of paths) assert.ok(res.body.includes(`href="/${lang}${p}"`), `${lang} page for "${query}" links ${p}`);
        const api = await get(`/api/v1/search?q=${q(query)}&lang=${lang}`);
        assert.equal(api.statusCode, 200);
        const body = api.json<ApiSearchResponse>();
        const urls = body.results.map((r) => r.url);
        for (const p of paths) assert.ok(urls.includes(`/${lang}${p}`), `${lang} API for "${query}" returns ${p}`);
        assert.equal(body.lang, lang);
        assert.ok(body.total >= paths.length);
      }
    });
  }

  it('marks matches in the original text and gives result counts', async () => {
    const res = await get(`/ja/search?q=${q('ｶｼﾐﾔ')}`);
    assert.match(res.body, /<mark>カシミヤ<\/mark>/);
    assert.match(textOf(res.body), /「ｶｼﾐﾔ」の検索結果 2件/);
    const en = await get(`/en/search?q=${q('Hirohito')}`);
    assert.match(textOf(en.body), /1 result for “Hirohito”/);
    assert.match(en.body, /<mark>Hirohito<\/mark>/);
  });

  it('quotes text in another language with its lang attribute and says so', async () => {
    const res = await get(`/en/search?q=${q('昭和天皇')}`);
    assert.match(res.body, /<p class="hit-snippet"><span lang="ja">[^<]*<mark>昭和天皇<\/mark>/);
    assert.match(textOf(res.body), /matched in the Japanese text/);
  });

  it('offers the person a query names, and that person\u2019s records when no text matches', async () => {
    const res = await get(`/en/search?q=${q('Tsedenbaal')}`);
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    assert.match(text, /Did you mean this person\? Yumjaagiin Tsedenbal/);
    assert.match(text, /Юмжаагийн Цэдэнбал/);
    const kana = await get(`/mn/search?q=${q('ニイゼキ')}`);
    assert.match(kana.body, /href="\/mn\/people\/niizeki-kinya"/);
    assert.match(kana.body, /href="\/mn\/items\/cabinet-approval-niizeki-1972"/);
  });

  it('has facets that narrow the results and a way back', async () => {
    const res = await get(`/en/search?q=${q('大使')}`);
    assert.match(res.body, /href="\/en\/search\?q=%E5%A4%A7%E4%BD%BF&amp;institution=mn-mfa-ca"/);
    const narrowed = await get(`/en/search?q=${q('大使')}&institution=mn-mfa-ca`);
    assert.match(textOf(narrowed.body), /3 results for “大使”/);
    assert.match(narrowed.body, /aria-current="true" href="\/en\/search\?q=%E5%A4%A7%E4%BD%BF"/);
    assert.match(textOf(narrowed.body), /Clear all filters/);
  });

  it('pages', async () => {
    const first = await get(`/en/search?q=1972&per=5`);
    assert.match(textOf(first.body), /Page 1 of \d/);
    assert.match(first.body, /rel="next" href="\/en\/search\?q=1972&amp;per=5&amp;page=2"/);
    const second = await get(`/en/search?q=1972&per=5&page=2`);
    assert.match(second.body, /<ol class="search-hits" start="6">/);
    const api = (await get('/api/v1/search?q=1972&per=5&page=2&lang=en')).json<ApiSearchResponse>();
    assert.equal(api.page, 2);
    assert.equal(api.results.length, 5);
  });

  it('answers empty and odd queries with a clear page, never an error', async () => {
    const cases: [string, number, RegExp][] = [
      ['/en/search', 200, /Search every record, chapter and person/],
      ['/en/search?q=', 200, /Search every record, chapter and person/],
      ['/en/search?q=%20%20', 200, /Search every record/],
      [`/en/search?q=${q('"cultural relations')}`, 200, /1 result for/],
      [`/en/search?q=${q('!!! ... ???')}`, 200, /no letters or digits to search for/],
      [`/en/search?q=${q('zzyzx')}`, 200, /Nothing was found for “zzyzx”.*Check the spelling/],
      [`/en/search?q=1972&page=99`, 200, /There is no page 99/],
      [`/en/search?q=${'x'.repeat(10_000)}`, 400, /The query is too long: use at most 500 characters/],
      ['/en/search?q=x&page=-1', 400, /a value the search cannot use \(page\)/],
      ['/en/search?q=x&page=abc', 400, /a value the search cannot use \(page\)/],
      ['/en/search?q=x&per=1000', 400, /\(per\)/],
      ['/en/search?q=x&type=nothing', 400, /\(type\)/],
      ['/en/search?q=a&q=b', 400, /gives q more than once/],
      ['/ja/search?q=x&page=-1', 400, /検索で使えない値があります/],
    ];
    for (const [url, status, re] of cases) {
      const res = await get(url);
      assert.equal(res.statusCode, status, url.slice(0, 80));
      assert.match(textOf(res.body), re, url.slice(0, 80));
      assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
    }
    assert.equal((await get('/xx/search?q=x')).statusCode, 404);
  });

  it('answers bad API requests with 400 and a reason', async () => {
    const cases: [string, string, string][] = [
      [`/api/v1/search?q=${'x'.repeat(10_000)}&lang=en`, 'query_too_long', 'q'],
      ['/api/v1/search?q=x&page=-1&lang=en', 'bad_parameter', 'page'],
      ['/api/v1/search?q=x&page=abc&lang=en', 'bad_parameter', 'page'],
      ['/api/v1/search?q=x&lang=fr', 'unknown_language', 'lang'],
      ['/api/v1/search?q=a&q=b&lang=en', 'repeated_parameter', 'q'],
      ['/api/v1/search/suggest?q=a&q=b&lang=en', 'repeated_parameter', 'q'],
    ];
    for (const [url, code, parameter] of cases) {
      const res = await get(url);
      assert.equal(res.statusCode, 400, url.slice(0, 80));
      const body = res.json<{ error: { code: string; parameter: string; message: string } }>();
      assert.equal(body.error.code, code);
      assert.equal(body.error.parameter, parameter);
      assert.ok(body.error.message.length > 10);
    }
    for (const url of ['/api/v1/search?lang=en', `/api/v1/search?q=${q('"unbalanced')}&lang=en`, `/api/v1/search?q=${q('・・・')}&lang=ja`]) {
      const res = await get(url);
      assert.equal(res.statusCode, 200, url);
      assert.ok(Array.isArray(res.json<ApiSearchResponse>().results));
    }
  });

  it('is never served from the page cache, and follows unpublishing at once', async () => {
    const a = await get(`/en/search?q=Hirohito`);
    assert.equal(a.headers['cache-control'], 'no-store');
    assert.equal(a.headers['content-security-policy']?.toString().includes("script-src 'self'"), true);
    const item = await app.storage.store.getItem('credentials-luvsanchultem-1972');
    assert.ok(item);
    await app.content.saveItem({ ...item, state: 'draft' });
    const b = await get(`/en/search?q=Hirohito`);
    assert.match(textOf(b.body), /Nothing was found for “Hirohito”/);
    const api = await get('/api/v1/search?q=Hirohito&lang=en');
    assert.equal(api.json<ApiSearchResponse>().total, 0);
    assert.equal(api.headers['cache-control'], 'no-store');
    await app.content.saveItem(item);
    assert.match(textOf((await get(`/en/search?q=Hirohito`)).body), /1 result/);
  });

  it('suggests names for search-as-you-type, and the page loads the script that asks', async () => {
    const res = await get(`/api/v1/search/suggest?q=${q('Лувс')}&lang=en`);
    assert.equal(res.statusCode, 200);
    const body = res.json<ApiSuggestResponse>();
    assert.deepEqual(
      body.suggestions.map((s) => s.label),
      ['S. Luvsan', 'N. Luvsanchultem'],
    );
    assert.equal(body.suggestions[0]?.url, '/en/people/s-luvsan');
    assert.match(res.headers['cache-control']?.toString() ?? '', /max-age=60/);
    const page = await get('/en/search');
    assert.match(page.body, /<script type="module" src="\/assets\/search\.[0-9a-f]+\.js"><\/script>/);
    assert.match(page.body, /data-suggest="\/api\/v1\/search\/suggest\?lang=en"/);
  });

  it('puts a labelled search form in the header of every page, in each language', async () => {
    for (const lang of LANGS) {
      const res = await get(`/${lang}/`);
      assert.match(res.body, new RegExp(`<form class="site-search" role="search" method="get" action="/${lang}/search">`));
      assert.match(res.body, /<label class="visually-hidden" for="site-search-q">[^<]+<\/label><input id="site-search-q" type="search" name="q"/);
    }
  });

  it('answers 503 with advice when a query matches too much to rank in time', async (t) => {
    const search = searchServiceOf(app.fastify);
    t.mock.method(search, 'search', () => Promise.reject(new IndexTimeoutError('the search took too long')));
    const page = await get(`/ja/search?q=${q('館')}`);
    assert.equal(page.statusCode, 503);
    assert.match(textOf(page.body), /一致する資料が多すぎて/);
    const api = await get(`/api/v1/search?q=${q('館')}&lang=en`);
    assert.equal(api.statusCode, 503);
    assert.equal(api.json<{ error: { code: string } }>().error.code, 'too_broad');
  });

  it('links other languages of a results page with the same query', async () => {
    const res = await get(`/en/search?q=${q('国交')}&type=item`);
    assert.match(res.body, /hreflang="ja" href="\/ja\/search\?q=%E5%9B%BD%E4%BA%A4&amp;type=item"/);
  });
});
