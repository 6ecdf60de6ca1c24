import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { SaxesParser } from 'saxes';
import { buildRobots, buildSitemaps, SITEMAP_NS, XHTML_NS, type SitemapPage } from '../../src/linked-data/sitemap.ts';
import { availableEngines } from '../helpers/engines.ts';
import { openDataApp, type OpenDataApp } from './helpers.ts';

const engines = await availableEngines();
const BASE = 'http://localhost:80';
const LANGS = ['ja', 'mn', 'en'];

const XMLLINT = spawnSync('xmllint', ['--version']).status === 0;
if (!XMLLINT) console.log('# NOTICE: xmllint not found; sitemap well-formedness is checked by the XML parser only');

/** xmllint's verdict on a document's well-formedness (no schema: none is in the fixtures). */
function xmllint(xml: string): void {
  if (!XMLLINT) return;
  const r = spawnSync('xmllint', ['--noout', '--nonet', '-'], { input: xml, encoding: 'utf8' });
  assert.equal(r.status, 0, `xmllint: ${r.stderr}`);
}

interface UrlEntry {
  loc: string;
  lastmod: string | null;
  alternates: Map<string, string>;
}

/** The urlset's entries, checking element names and namespaces on the way. */
function readUrlset(xml: string): UrlEntry[] {
  const parser = new SaxesParser({ xmlns: true });
  const out: UrlEntry[] = [];
  const stack: string[] = [];
  let current: UrlEntry | null = null;
  let textBuf = '';
  parser.on('opentag', (tag) => {
    const where = `${tag.uri} ${tag.local}`;
    if (stack.length === 0) assert.equal(where, `${SITEMAP_NS} urlset`, 'root element');
    else if (tag.local === 'url') {
      assert.equal(tag.uri, SITEMAP_NS);
      assert.deepEqual(stack, ['urlset']);
      current = { loc: '', lastmod: null, alternates: new Map() };
    } else if (tag.local === 'link') {
      assert.equal(tag.uri, XHTML_NS, 'xhtml:link');
      assert.equal(tag.attributes['rel']?.value, 'alternate');
      const hreflang = tag.attributes['hreflang']?.value ?? '';
      assert.ok(!current!.alternates.has(hreflang), `one alternate per language (${hreflang})`);
      current!.alternates.set(hreflang, tag.attributes['href']?.value ?? '');
    } else assert.ok(['loc', 'lastmod'].includes(tag.local) && tag.uri === SITEMAP_NS, `unexpected element ${where}`);
    stack.push(tag.local);
    textBuf = '';
  });
  parser.on('text', (t) => {
    textBuf += t;
  });
  parser.on('closetag', (tag) => {
    stack.pop();
    if (tag.local === 'loc') current!.loc = textBuf;
    if (tag.local === 'lastmod') current!.lastmod = textBuf;
    if (tag.local === 'url') out.push(current!);
  });
  parser.write(xml).close();
  return out;
}

function readIndex(xml: string): string[] {
  const parser = new SaxesParser({ xmlns: true });
  const locs: string[] = [];
  let inLoc = false;
  let root: string | null = null;
  parser.on('opentag', (tag) => {
    root ??= `${tag.uri} ${tag.local}`;
    inLoc = tag.local === 'loc';
  });
  parser.on('text', (t) => {
    if (inLoc) locs.push(t);
  });
  parser.on('closetag', () => {
    inLoc = false;
  });
  parser.write(xml).close();
  assert.equal(root, `${SITEMAP_NS} sitemapindex`);
  return locs;
}

for (const engine of engines) {
  describe(`sitemap.xml and robots.txt (${engine})`, () => {
    let app: OpenDataApp;
    before(async () => {
      app = await openDataApp(engine);
    });
    after(() => app?.close());

    it('lists every published page in every language, with hreflang alternates and x-default', async () => {
      const res = await app.fastify.inject({ url: '/sitemap.xml' });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^application\/xml/);
      xmllint(res.body);
      const urls = readUrlset(res.body);
      const store = app.storage.store;
      const ex = (await store.getExhibitionBySlug('japan-mongolia'))!;
      const paths = [
        '/',
        '/institutions',
        '/terms',
        `/exhibitions/${ex.slug}`,
        ...ex.chapters.map((c) => `/exhibitions/${ex.slug}/${c.slug}`),
        ...(await store.listItemIds(true)).map((id) => `/items/${id}`),
        ...(await store.listInstitutions()).map((i) => `/institutions/${i.id}`),
      ];
      const people = new Set((await store.getItems(await store.listItemIds(true))).flatMap((i) => i.personIds));
      for (const p of people) paths.push(`/people/${p}`);
      const expected = paths.flatMap((p) => LANGS.map((l) => `${BASE}/${l}${p}`)).sort();
      assert.deepEqual(urls.map((u) => u.loc).sort(), expected);
      for (const u of urls) {
        const path = u.loc.replace(/^http:\/\/localhost:80\/[a-z]+/, '');
        assert.deepEqual([...u.alternates.keys()], ['ja', 'mn', 'en', 'x-default'], u.loc);
        for (const l of LANGS) assert.equal(u.alternates.get(l), `${BASE}/${l}${path}`);
        assert.equal(u.alternates.get('x-default'), `${BASE}/en${path}`, 'x-default is the default language');
      }
      const item = urls.find((u) => u.loc === `${BASE}/mn/items/joint-communique-1972`)!;
      assert.match(item.lastmod ?? '', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, 'items carry lastmod');
      assert.ok(urls.find((u) => u.loc === `${BASE}/en/exhibitions/japan-mongolia`)!.lastmod, 'exhibitions carry lastmod');
    });

    it('there are no parts while one file holds everything', async () => {
      assert.equal((await app.fastify.inject({ url: '/sitemaps/1.xml' })).statusCode, 404);
      assert.equal((await app.fastify.inject({ url: '/sitemaps/x.xml' })).statusCode, 404);
    });

    it('robots.txt allows the site, keeps crawlers out of the workspace and search results, and names the sitemap', async () => {
      const res = await app.fastify.inject({ url: '/robots.txt' });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/plain/);
      const lines = res.body.split('\n');
      assert.equal(lines[0], 'User-agent: *');
      for (const l of ['Allow: /', 'Disallow: /admin', 'Disallow: /*/search?', `Sitemap: ${BASE}/sitemap.xml`]) assert.ok(lines.includes(l), l);
      // The rules block search results with a query, never the pages themselves.
      const disallowed = lines.filter((l) => l.startsWith('Disallow: ')).map((l) => l.slice(10));
      const blocks = (path: string) => disallowed.some((d) => new RegExp(`^${d.replace(/[.?+^$()[\]{}|\\]/g, '\\$&').replace(/\*/g, '.*')}`).test(path));
      assert.ok(blocks('/en/search?q=treaty'));
      assert.ok(blocks('/admin/items'));
      for (const ok of ['/en/', '/ja/items/joint-communique-1972', '/sitemap.xml', '/en/search']) assert.ok(!blocks(ok), ok);
    });
  });
}

describe('sitemap parts', () => {
  const pages: SitemapPage[] = Array.from({ length: 25 }, (_, i) => ({ path: `/items/r-${i}`, lastmod: `2026-0${1 + (i % 9)}-01T00:00:00.000Z` }));

  it('splits into a sitemap index when the URLs exceed the limit, all languages of a page in one part', () => {
    const maps = buildSitemaps(pages, { base: 'https://archives.example/x', langs: LANGS, defaultLang: 'ja', maxUrls: 10 });
    xmllint(maps.root);
    const locs = readIndex(maps.root);
    assert.equal(maps.parts.length, Math.ceil(25 / 3));
    assert.deepEqual(locs, maps.parts.map((_, i) => `https://archives.example/x/sitemaps/${i + 1}.xml`));
    assert.match(maps.root, /<lastmod>2026-09-01T00:00:00Z<\/lastmod>/);
    const seen: string[] = [];
    for (const part of maps.parts) {
      xmllint(part);
      const urls = readUrlset(part);
      assert.ok(urls.length <= 10);
      for (const u of urls) for (const href of u.alternates.values()) assert.ok(urls.some((o) => o.loc === href), `${href} in the same part`);
      seen.push(...urls.map((u) => u.loc));
    }
    assert.equal(new Set(seen).size, 75);
  });

  it('stays one urlset up to the limit, and escapes what XML needs escaped', () => {
    const maps = buildSitemaps([{ path: '/a&b' }], { base: 'https://archives.example', langs: LANGS, defaultLang: 'en', maxUrls: 3 });
    assert.equal(maps.parts.length, 0);
    xmllint(maps.root);
    assert.equal(readUrlset(maps.root)[0]!.loc, 'https://archives.example/ja/a&b');
    assert.throws(() => buildSitemaps(pages, { base: 'https://a.example', langs: LANGS, defaultLang: 'en', maxUrls: 2 }), /at least one page/);
  });

  it('robots.txt names the sitemap at the public base', () => {
    assert.ok(buildRobots('https://archives.example/exhibits').includes('Sitemap: https://archives.example/exhibits/sitemap.xml\n'));
  });
});

describe('a configured public URL', () => {
  let app: OpenDataApp;
  const before_ = process.env['TSUZURI_PUBLIC_URL'];
  before(async () => {
    process.env['TSUZURI_PUBLIC_URL'] = 'https://archives.example/exhibits/';
    app = await openDataApp(engines[0] ?? 'sqlite');
  });
  after(async () => {
    if (before_ === undefined) delete process.env['TSUZURI_PUBLIC_URL'];
    else process.env['TSUZURI_PUBLIC_URL'] = before_;
    await app?.close();
  });

  it('is the base of sitemap, robots.txt, JSON-LD and citations, whatever the Host header', async () => {
    const map = await app.fastify.inject({ url: '/sitemap.xml', headers: { host: 'evil.example' } });
    assert.ok(readUrlset(map.body).every((u) => u.loc.startsWith('https://archives.example/exhibits/')));
    const robots = await app.fastify.inject({ url: '/robots.txt', headers: { host: 'evil.example' } });
    assert.ok(robots.body.includes('Sitemap: https://archives.example/exhibits/sitemap.xml'));
    const page = await app.fastify.inject({ url: '/en/items/joint-communique-1972', headers: { host: 'evil.example' } });
    assert.ok(!page.body.includes('evil.example'));
    assert.ok(page.body.includes('"@id":"https://archives.example/exhibits/ja/items/joint-communique-1972#record"'));
    assert.ok(page.body.includes('<a href="https://archives.example/exhibits/en/items/joint-communique-1972">'));
  });
});
