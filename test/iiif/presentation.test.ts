// Every manifest and collection the demo produces: valid against the presentation validator's
// schema, unchanged by a round trip through @iiif/parser, in every configured language, with
// CORS and the right media type; and only published content has one.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { edtfBounds } from '../../src/domain/edtf.ts';
import { fixture, iiifApp, type IiifTestApp } from './helpers.ts';
import { roundTrips, schemaErrors, SCHEMA } from './presentation-check.ts';

const VALIDATOR_FIXTURES = fixture('iiif-presentation/validator-fixtures/');
const LANGS = ['ja', 'mn', 'en'];

type Json = Record<string, unknown>;

describe('the schema check itself', { skip: SCHEMA && VALIDATOR_FIXTURES ? false : 'fixtures missing' }, () => {
  it('accepts the validator’s valid fixtures and refuses its invalid ones', () => {
    for (const kind of ['valid', 'invalid'] as const) {
      const dir = new URL(`${kind}/`, VALIDATOR_FIXTURES!);
      for (const f of readdirSync(dir)) {
        const errors = schemaErrors(JSON.parse(readFileSync(new URL(f, dir), 'utf8')));
        assert.equal(errors.length === 0, kind === 'valid', `${kind}/${f}: ${errors.slice(0, 3).join('; ')}`);
      }
    }
  });
});

describe('IIIF Presentation 3 from the demo', { skip: SCHEMA ? false : 'schema fixture missing' }, () => {
  let t: IiifTestApp;
  let itemIds: string[];
  const get = (url: string, headers: Record<string, string> = {}) => t.fastify.inject({ url, headers: { host: 'tsuzuri.example', ...headers } });
  const check = (doc: Json, what: string) => {
    assert.deepEqual(schemaErrors(doc), [], `${what} is valid against the schema`);
    assert.ok(roundTrips(doc), `${what} survives a round trip through @iiif/parser`);
  };

  before(async () => {
    t = await iiifApp({ demo: true });
    itemIds = await t.storage.store.listItemIds(true);
  });
  after(async () => t?.close());

  it('every published item has a valid manifest, with CORS and the JSON-LD media type on request', async () => {
    assert.ok(itemIds.length >= 10);
    for (const id of itemIds) {
      const res = await get(`/iiif/items/${id}/manifest.json`, { accept: 'application/ld+json' });
      assert.equal(res.statusCode, 200, id);
      assert.equal(res.headers['access-control-allow-origin'], '*');
      assert.equal(res.headers['content-type'], 'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"');
      check(res.json(), `manifest of ${id}`);
    }
    const plain = await get(`/iiif/items/${itemIds[0]}/manifest.json`);
    assert.equal(plain.headers['content-type'], 'application/json');
  });

  it('manifests speak every configured language and carry the record’s archival identity', async () => {
    const doc = (await get('/iiif/items/joint-communique-1972/manifest.json')).json() as Json;
    const item = (await t.storage.store.getItem('joint-communique-1972'))!;
    assert.equal(doc['id'], 'http://tsuzuri.example/iiif/items/joint-communique-1972/manifest.json');
    assert.deepEqual(Object.keys(doc['label'] as Json).sort(), [...LANGS].sort());
    assert.deepEqual(Object.keys(doc['summary'] as Json).sort(), [...LANGS].sort());
    const metadata = doc['metadata'] as { label: Json; value: Json }[];
    const labels = metadata.map((m) => (m.label['en'] as string[])[0]);
    assert.deepEqual(labels.slice(0, 5), ['Heading', 'Archival title', 'Date', 'Holding archive', 'Reference code']);
    assert.ok(labels.slice(5).every((l) => l === 'People' || l === 'Places'));
    for (const m of metadata) {
      assert.deepEqual(Object.keys(m.label).sort(), [...LANGS].sort(), 'every label in every language');
      const keys = Object.keys(m.value);
      assert.ok(keys.length === 3 || (keys.length === 1 && keys[0] === 'none'), `${JSON.stringify(m.value)}`);
    }
    assert.deepEqual(metadata[2]!.value, { ja: ['昭和47年(1972)2月19日'], mn: ['1972 оны 2 дугаар сарын 19'], en: ['19 February 1972'] });
    assert.deepEqual(metadata[4]!.value, { none: ['Fund-59, File-1, Unit-66'] });
    const required = doc['requiredStatement'] as { value: Record<string, string[]> };
    for (const lang of LANGS) assert.match(required.value[lang]![0]!, /Fund-59, File-1, Unit-66$/);
    assert.equal(doc['rights'], item.rights);
    assert.equal(doc['navDate'], `${edtfBounds(item.date!).earliest}T00:00:00Z`);
    const provider = (doc['provider'] as Json[])[0]!;
    assert.equal(provider['type'], 'Agent');
    assert.ok(Array.isArray(provider['homepage']) && (provider['homepage'] as Json[]).length > 0);
    const homepage = doc['homepage'] as Json[];
    assert.deepEqual(homepage.map((h) => h['id']), LANGS.map((l) => `http://tsuzuri.example/${l}/items/joint-communique-1972`));
    assert.ok((doc['seeAlso'] as Json[]).length === 1);
    const thumb = (doc['thumbnail'] as Json[])[0]!;
    assert.match(String(thumb['id']), /^http:\/\/tsuzuri\.example\/iiif\/3\/joint-communique-1972-1\/full\/\d+,\d+\/0\/default\.jpg$/);
    assert.equal((await get(new URL(String(thumb['id'])).pathname)).statusCode, 200, 'the thumbnail exists');
    const canvas = (doc['items'] as Json[])[0]!;
    const body = ((((canvas['items'] as Json[])[0]!['items'] as Json[])[0]!) as Json)['body'] as Json;
    assert.deepEqual(body['service'], [{ id: 'http://tsuzuri.example/iiif/3/joint-communique-1972-1', type: 'ImageService3', profile: 'level2' }]);
    assert.equal((await get('/iiif/3/joint-communique-1972-1/info.json')).statusCode, 200);
    assert.deepEqual(doc['partOf'], [
      {
        id: 'http://tsuzuri.example/iiif/exhibitions/japan-mongolia/establishment-1972/collection.json',
        type: 'Collection',
        label: (doc['partOf'] as Json[])[0]!['label'],
      },
    ]);
  });

  it('the film has an AV canvas with its duration, its poster as placeholder, and WebVTT captions as supplementing annotations', async () => {
    const doc = (await get('/iiif/items/goodwill-mission-1971/manifest.json')).json() as Json;
    const canvas = (doc['items'] as Json[])[0]!;
    assert.equal(canvas['duration'], 8);
    const body = (((canvas['items'] as Json[])[0]!['items'] as Json[])[0] as Json)['body'] as Json;
    assert.equal(body['type'], 'Video');
    assert.equal(body['format'], 'video/webm');
    const video = await get(new URL(String(body['id'])).pathname, { range: 'bytes=0-15' });
    assert.equal(video.statusCode, 206);
    assert.equal(video.headers['content-type'], 'video/webm');
    assert.equal(video.rawPayload.length, 16);
    assert.ok(canvas['placeholderCanvas']);
    const captions = ((canvas['annotations'] as Json[])[0]!['items'] as Json[]).map((a) => a as { motivation: string; body: Json });
    assert.deepEqual(captions.map((c) => [c.motivation, c.body['format'], c.body['language']]), LANGS.slice().sort((a, b) => ['en', 'ja', 'mn'].indexOf(a) - ['en', 'ja', 'mn'].indexOf(b)).map((l) => ['supplementing', 'text/vtt', l]));
    for (const c of captions) {
      const vtt = await get(new URL(String(c.body['id'])).pathname);
      assert.equal(vtt.statusCode, 200);
      assert.match(String(vtt.headers['content-type']), /^text\/vtt/);
      assert.equal(vtt.headers['access-control-allow-origin'], '*');
      assert.match(vtt.body, /^WEBVTT/);
    }
  });

  it('the exhibition and each of its chapters are valid Collections', async () => {
    const ex = (await get('/iiif/exhibitions/japan-mongolia/collection.json')).json() as Json;
    check(ex, 'exhibition collection');
    const chapters = ex['items'] as Json[];
    assert.ok(chapters.length >= 1);
    let manifests = 0;
    for (const c of chapters) {
      const res = await get(new URL(String(c['id'])).pathname);
      assert.equal(res.statusCode, 200);
      const doc = res.json() as Json;
      check(doc, `chapter collection ${String(c['id'])}`);
      for (const m of doc['items'] as Json[]) {
        assert.equal(m['type'], 'Manifest');
        assert.equal((await get(new URL(String(m['id'])).pathname)).statusCode, 200);
        manifests++;
      }
    }
    assert.equal(manifests, itemIds.length, 'every published item is in a chapter collection');
  });

  it('only published items have manifests, and drafts drop out of the collections', async () => {
    const item = (await t.storage.store.getItem('joint-communique-1972'))!;
    await t.content.saveItem({ ...item, state: 'draft' });
    try {
      assert.equal((await get('/iiif/items/joint-communique-1972/manifest.json')).statusCode, 404);
      const chapter = (await get('/iiif/exhibitions/japan-mongolia/establishment-1972/collection.json')).json() as Json;
      assert.ok(!(chapter['items'] as Json[]).some((m) => String(m['id']).includes('joint-communique-1972')));
      check(chapter, 'chapter collection without the draft');
      assert.equal((await get('/iiif/3/joint-communique-1972-1/info.json')).statusCode, 404, 'nor is its image served');
    } finally {
      await t.content.saveItem(item);
    }
    assert.equal((await get('/iiif/items/joint-communique-1972/manifest.json')).statusCode, 200);
    assert.equal((await get('/iiif/items/no-such-item/manifest.json')).statusCode, 404);
    assert.equal((await get('/iiif/exhibitions/no-such/collection.json')).statusCode, 404);
  });

  it('a manifest is revalidated by its ETag and compressed on request', async () => {
    const first = await get('/iiif/items/joint-communique-1972/manifest.json', { 'accept-encoding': 'br' });
    assert.equal(first.headers['content-encoding'], 'br');
    const again = await get('/iiif/items/joint-communique-1972/manifest.json', { 'if-none-match': String(first.headers.etag) });
    assert.equal(again.statusCode, 304);
  });
});
