import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Item } from '../../src/domain/types.ts';
import { availableEngines } from '../helpers/engines.ts';
import { EXAMPLES_DIR, SCHEMA_MISSING, refusedUrls, VOCAB, expand, jsonLdBlocks, openDataApp, unknownTerms, type Doc, type OpenDataApp } from './helpers.ts';

const LANGS = ['ja', 'mn', 'en'] as const;
const S = (term: string) => `${VOCAB}${term}`;
/** ISO 8601 dates and intervals as schema.org takes them; ".." for an open end. */
const ISO = /^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|\.\.)(?:\/(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|\.\.))?$/;

/** Extra records with qualified EDTF dates, so no qualifier may leak into JSON-LD. */
const QUALIFIED: Record<string, string> = {
  'qualified-approximate': '1977~',
  'qualified-uncertain': '1972-06-07?',
  'qualified-both': '1973-06%',
  'qualified-interval': '1972-02?/1972-03',
  'qualified-decade': '197X',
  'qualified-days': '1985-04-XX',
  'qualified-open': '1974-09~/..',
};

const engines = await availableEngines();

/** Page paths of every kind, from the demo. */
function pagePaths(itemIds: string[]): string[] {
  return [
    '/',
    '/exhibitions/japan-mongolia',
    '/exhibitions/japan-mongolia/establishment-1972',
    ...itemIds.map((id) => `/items/${id}`),
    '/people/yumjaagiin-tsedenbal',
    '/institutions/mn-mfa-ca',
    '/institutions/mn-nca-av',
  ];
}

function values(node: Record<string, unknown>, term: string): unknown[] {
  const v = node[S(term)];
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}

function dateStrings(doc: unknown, out: string[] = []): string[] {
  if (Array.isArray(doc)) doc.forEach((d) => dateStrings(d, out));
  else if (doc && typeof doc === 'object') {
    for (const [k, v] of Object.entries(doc)) {
      if ((k === 'dateCreated' || k === 'temporalCoverage') && typeof v === 'string') out.push(v);
      else dateStrings(v, out);
    }
  }
  return out;
}

describe('the vocabulary check itself', { skip: SCHEMA_MISSING ?? false }, () => {
  it('accepts the schema.org examples in the fixtures, except the one with full https IRIs as types', async () => {
    for (const name of readdirSync(EXAMPLES_DIR).filter((n) => n.endsWith('.jsonld'))) {
      const doc = JSON.parse(readFileSync(new URL(name, EXAMPLES_DIR), 'utf8')) as Doc;
      // The examples are other people's documents: checked for terms, not for safe-mode strictness.
      const bad = await unknownTerms(doc, { safe: false });
      if (name.startsWith('eg-0217')) assert.ok(bad.some((b) => b.startsWith('https://schema.org/')), `${name}: the https type trap is caught`);
      else assert.deepEqual(bad, [], name);
    }
  });

  it('rejects invented or misspelt terms and types', async () => {
    assert.deepEqual(await unknownTerms({ '@context': 'https://schema.org', '@type': 'ArchiveComponent', holdingArchives: 'x' }), [S('holdingArchives')]);
    assert.deepEqual(await unknownTerms({ '@context': 'https://schema.org', '@type': 'ArchivComponent', name: 'x' }), [S('ArchivComponent')]);
    assert.deepEqual(await unknownTerms({ '@context': 'https://schema.org', '@type': 'https://schema.org/ArchiveComponent', name: 'x' }), ['https://schema.org/ArchiveComponent']);
  });

  it('never fetches another document', async () => {
    await assert.rejects(unknownTerms({ '@context': 'https://example.org/context.jsonld', name: 'x' }));
    assert.ok(refusedUrls.includes('https://example.org/context.jsonld'));
  });
});

for (const engine of engines) {
  describe(`schema.org JSON-LD in pages (${engine})`, { skip: SCHEMA_MISSING ?? false }, () => {
    let app: OpenDataApp;
    let itemIds: string[];
    before(async () => {
      app = await openDataApp(engine);
      const demo = (await app.storage.store.getItem('joint-communique-1972')) as Item;
      for (const [id, date] of Object.entries(QUALIFIED)) await app.content.saveItem({ ...demo, id, referenceCode: `Q-${id}`, date, media: [] });
      itemIds = await app.storage.store.listItemIds(true);
    });
    after(() => app?.close());

    it('every page kind in every language has one JSON-LD block, id "json-ld", whose every term is in the vocabulary', async () => {
      let checked = 0;
      for (const path of pagePaths(itemIds)) {
        for (const lang of LANGS) {
          const res = await app.fastify.inject({ url: `/${lang}${path === '/' ? '/' : path}` });
          assert.equal(res.statusCode, 200, `${lang}${path}`);
          const blocks = jsonLdBlocks(res.body);
          assert.equal(blocks.length, 1, `${lang}${path}: one JSON-LD block`);
          assert.equal(blocks[0]!.id, 'json-ld');
          assert.deepEqual(await unknownTerms(blocks[0]!.doc), [], `${lang}${path}: unknown terms`);
          checked++;
        }
      }
      assert.ok(checked >= 3 * 20, `checked ${checked} pages`);
    });

    it('items are ArchiveComponents with their holding archive, reference code, rights, chapter, people and places, all absolute', async () => {
      const res = await app.fastify.inject({ url: '/en/items/goodwill-mission-1971' });
      const [node] = await expand(jsonLdBlocks(res.body)[0]!.doc);
      assert.ok(node);
      assert.ok((node['@type'] as string[]).includes(S('ArchiveComponent')));
      assert.equal(node['@id'], 'http://localhost:80/ja/items/goodwill-mission-1971#record', 'one id for the record, whatever the page language');
      const [holder] = values(node, 'holdingArchive') as Record<string, unknown>[];
      assert.deepEqual(holder!['@type'], [S('ArchiveOrganization')]);
      assert.deepEqual(values(holder!, 'url'), [{ '@id': 'http://localhost:80/en/institutions/mn-nca-av' }]);
      const [identifier] = values(node, 'identifier') as Record<string, unknown>[];
      assert.deepEqual(identifier!['@type'], [S('PropertyValue')]);
      assert.deepEqual(values(identifier!, 'value'), [{ '@value': 'K-19180-1' }]);
      assert.equal(values(node, 'license').length, 1, 'license');
      const names = values(node, 'name') as { '@language': string }[];
      assert.deepEqual(names.map((n) => n['@language']).sort(), ['en', 'ja', 'mn'], 'name in every language present');
      const parts = values(node, 'isPartOf') as Record<string, unknown>[];
      assert.ok(parts.some((p) => p['@id'] === 'http://localhost:80/ja/exhibitions/japan-mongolia/establishment-1972#chapter'));
      const chapter = parts[0]!;
      assert.equal((values(chapter, 'isPartOf')[0] as Record<string, unknown>)['@id'], 'http://localhost:80/ja/exhibitions/japan-mongolia#exhibition');
      assert.deepEqual(values(node, 'temporalCoverage'), [{ '@value': '1971-09-10/1971-09-15' }]);
      assert.ok(values(node, 'contentLocation').length > 0, 'places');
      // Every IRI in the document is absolute.
      const text = JSON.stringify(jsonLdBlocks(res.body)[0]!.doc);
      for (const m of text.matchAll(/"(?:@id|url)":"([^"]*)"/g)) assert.match(m[1]!, /^https?:\/\//, m[1]);
      const page = values(node, 'mainEntityOfPage')[0] as Record<string, unknown>;
      assert.deepEqual(values(page, 'inLanguage'), [{ '@value': 'en' }]);
    });

    it('the license is the item’s rights URI and a person is linked with names per language', async () => {
      const item = (await app.storage.store.getItem('credentials-luvsanchultem-1972')) as Item;
      const res = await app.fastify.inject({ url: '/mn/items/credentials-luvsanchultem-1972' });
      const doc = jsonLdBlocks(res.body)[0]!.doc;
      assert.equal(doc['license'], item.rights);
      const [node] = await expand(doc);
      const about = values(node!, 'about') as Record<string, unknown>[];
      assert.equal(about.length, item.personIds.length);
      if (about.length) {
        assert.deepEqual(about[0]!['@type'], [S('Person')]);
        assert.ok((values(about[0]!, 'name') as unknown[]).length >= 2, 'names in several languages');
      }
    });

    it('dates are ISO 8601 dates or intervals: no EDTF qualifier or unspecified digit leaks', async () => {
      const expected: Record<string, string> = {
        'qualified-approximate': '1977',
        'qualified-uncertain': '1972-06-07',
        'qualified-both': '1973-06',
        'qualified-interval': '1972-02/1972-03',
        'qualified-decade': '1970/1979',
        'qualified-days': '1985-04',
        'qualified-open': '1974-09/..',
      };
      for (const id of itemIds) {
        for (const lang of LANGS) {
          const res = await app.fastify.inject({ url: `/${lang}/items/${id}` });
          const doc = jsonLdBlocks(res.body)[0]!.doc;
          for (const d of dateStrings(doc)) {
            assert.match(d, ISO, `${id}: ${d}`);
            assert.doesNotMatch(d, /[?~%X]/, `${id}: ${d}`);
          }
          if (id in expected) {
            assert.equal(doc['temporalCoverage'], expected[id], id);
            assert.equal(doc['dateCreated'], undefined, `${id}: a qualified date is no dateCreated`);
          }
        }
      }
      const chapter = jsonLdBlocks((await app.fastify.inject({ url: '/ja/exhibitions/japan-mongolia/establishment-1972' })).body)[0]!.doc;
      assert.equal(chapter['temporalCoverage'], '1971/1977');
    });

    it('exhibitions are Collections with their chapters; chapters list their published records', async () => {
      const ex = jsonLdBlocks((await app.fastify.inject({ url: '/ja/exhibitions/japan-mongolia' })).body)[0]!.doc;
      assert.equal(ex['@type'], 'Collection');
      assert.ok(Array.isArray(ex['hasPart']) && ex['hasPart'].length > 0);
      assert.deepEqual(ex['inLanguage'], ['ja', 'mn', 'en']);
      const ch = jsonLdBlocks((await app.fastify.inject({ url: '/en/exhibitions/japan-mongolia/establishment-1972' })).body)[0]!.doc;
      const ids = (ch['hasPart'] as Doc[]).map((p) => p['@id']);
      assert.ok(ids.includes('http://localhost:80/ja/items/joint-communique-1972#record'));
    });

    it('institution and person pages describe an ArchiveOrganization and a Person', async () => {
      const inst = jsonLdBlocks((await app.fastify.inject({ url: '/en/institutions/mn-mfa-ca' })).body)[0]!.doc;
      assert.equal(inst['@type'], 'ArchiveOrganization');
      assert.ok((inst['archiveHeld'] as Doc[]).some((i) => i['@id'] === 'http://localhost:80/ja/items/joint-communique-1972#record'));
      const person = jsonLdBlocks((await app.fastify.inject({ url: '/ja/people/yumjaagiin-tsedenbal' })).body)[0]!.doc;
      assert.equal(person['@type'], 'Person');
    });

    it('images are full-size IIIF images of the record; placeholders are not named', async () => {
      const demo = (await app.storage.store.getItem('joint-communique-1972')) as Item;
      assert.ok(demo.media.every((m) => m.placeholder), 'the demo shows placeholders');
      assert.equal(jsonLdBlocks((await app.fastify.inject({ url: '/en/items/joint-communique-1972' })).body)[0]!.doc['image'], undefined);
      await app.content.saveItem({
        ...demo,
        id: 'remote-image',
        referenceCode: 'Q-remote',
        media: [
          {
            id: 'remote-image-1',
            kind: 'image',
            role: 'primary',
            path: '',
            mime: 'image/jpeg',
            width: 2000,
            height: 1500,
            duration: null,
            placeholder: false,
            alt: {},
            service: { id: 'https://iiif.archive.example/iiif/3/abc', type: 'ImageService3', profile: 'level1' },
          },
        ],
      });
      const doc = jsonLdBlocks((await app.fastify.inject({ url: '/en/items/remote-image' })).body)[0]!.doc;
      assert.deepEqual(doc['image'], ['https://iiif.archive.example/iiif/3/abc/full/max/0/default.jpg']);
    });

    it('a value cannot close the script element', async () => {
      const demo = (await app.storage.store.getItem('joint-communique-1972')) as Item;
      await app.content.saveItem({ ...demo, id: 'script-breaker', referenceCode: 'Q-breaker', media: [], heading: { en: { value: '</script><script>alert(1)</script><!--', status: 'reviewed' } } });
      const res = await app.fastify.inject({ url: '/en/items/script-breaker' });
      const block = /<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/.exec(res.body)![1]!;
      assert.doesNotMatch(block, /</);
      assert.equal((jsonLdBlocks(res.body)[0]!.doc['name'] as Doc[])[0]!['@value'], '</script><script>alert(1)</script><!--');
    });
  });
}
