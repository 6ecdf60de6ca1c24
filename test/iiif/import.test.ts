// Records that stay at home: every IIIF cookbook recipe, served by a local server, is imported
// into an item (whose own manifest is then valid) or refused for a specific reason; the fetch
// refuses what it must (private addresses, other schemes, huge or slow answers); a refused
// import stores nothing.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { importIiif } from '../../src/cli/iiif.ts';
import { ImportError } from '../../src/iiif/import/errors.ts';
import { isPrivateAddress, safeFetch } from '../../src/iiif/import/fetch.ts';
import { importManifest } from '../../src/services/iiif-import.ts';
import { fixture, iiifApp, TEST_ARCHIVE, type IiifTestApp } from './helpers.ts';
import { roundTrips, schemaErrors } from './presentation-check.ts';

const COOKBOOK = fixture('iiif-presentation/cookbook/');
const OWN = new URL('fixtures/', import.meta.url);

/** What each recipe file must give: "imported", or the code of the refusal. */
const EXPECTED: Record<string, string> = {
  '0032-collection/collection.json': 'collection',
  '0230-navdate/navdate-collection.json': 'collection',
  '0269-embedded-or-referenced-annotations/annotationpage.json': 'not-iiif',
};

async function listen(server: Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function refusal(p: Promise<unknown>): Promise<ImportError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof ImportError, `expected an ImportError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected a refusal');
}

describe('importing IIIF manifests', { skip: COOKBOOK ? false : 'cookbook fixtures missing' }, () => {
  let t: IiifTestApp;
  let server: Server;
  let base: string;
  let requests = 0;

  before(async () => {
    t = await iiifApp();
    await t.content.saveInstitution(TEST_ARCHIVE);
    server = createServer((req, res) => {
      requests++;
      const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
      if (path === '/slow') return; // never answers
      if (path === '/huge') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(`{"a":"${'x'.repeat(3 * 1024 * 1024)}"}`);
        return;
      }
      if (path === '/huge-chunked') {
        res.writeHead(200, { 'content-type': 'application/json' });
        for (let i = 0; i < 40; i++) res.write('x'.repeat(64 * 1024));
        res.end();
        return;
      }
      if (path === '/broken') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"@context": "http://iiif.io/api/presentation/3/context.json", "type": "Manif');
        return;
      }
      if (path === '/redirect') {
        res.writeHead(302, { location: '/cookbook/0001-mvm-image/manifest.json' });
        res.end();
        return;
      }
      if (path === '/loop') {
        res.writeHead(302, { location: '/loop' });
        res.end();
        return;
      }
      const m = /^\/(cookbook|own)\/([\w.-]+(?:\/[\w.-]+)?)$/.exec(path);
      if (m?.[1] && m[2]) {
        try {
          const body = readFileSync(new URL(m[2], m[1] === 'cookbook' ? COOKBOOK! : OWN));
          res.writeHead(200, { 'content-type': 'application/ld+json' });
          res.end(body);
          return;
        } catch {
          // falls through to 404
        }
      }
      res.writeHead(404);
      res.end('not found');
    });
    base = await listen(server);
  });

  after(async () => {
    server?.closeAllConnections();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    await t?.close();
  });

  it('every cookbook recipe becomes a valid item or is refused for a specific reason', async () => {
    const report: string[] = [];
    let n = 0;
    for (const recipe of readdirSync(COOKBOOK!).sort()) {
      for (const file of readdirSync(join(COOKBOOK!.pathname, recipe)).sort()) {
        const key = `${recipe}/${file}`;
        const itemId = `cookbook-${++n}`;
        const original = JSON.parse(readFileSync(new URL(key, COOKBOOK!), 'utf8')) as Record<string, unknown>;
        const expected = EXPECTED[key] ?? 'imported';
        let outcome: string;
        try {
          const r = await importManifest({ url: `${base}/cookbook/${key}` }, { itemId, institution: TEST_ARCHIVE, fetch: { allowPrivate: true } });
          await t.content.saveItem({ ...r.item, state: 'published' });
          // Nothing is copied: every medium is at the archive's address.
          for (const m of r.item.media) {
            assert.equal(m.path, '');
            assert.match(m.url ?? m.service?.id ?? '', /^https:\/\/(iiif\.io|fixtures\.iiif\.io|iiif\.wellcomecollection\.org|[\w.-]+)\//);
          }
          // Language maps are kept as they were.
          const label = original['label'] as Record<string, string[]>;
          for (const [lang, values] of Object.entries(label)) assert.equal(r.item.heading[lang === 'none' ? 'und' : lang]?.value, values.join('\n\n'), `${key}: label in ${lang}`);
          const res = await t.fastify.inject({ url: `/iiif/items/${itemId}/manifest.json`, headers: { host: 'tsuzuri.example' } });
          assert.equal(res.statusCode, 200, key);
          const ours = res.json() as { items: { items: { items: { body: { id: string; service?: { id?: string; '@id'?: string }[] } }[] }[] }[] };
          assert.deepEqual(schemaErrors(ours), [], `${key}: our manifest is valid`);
          assert.ok(roundTrips(ours), `${key}: our manifest survives @iiif/parser`);
          // The manifest we publish points at the archive's own image service.
          const svc = r.item.media.find((m) => m.service)?.service;
          if (svc) {
            const published = ours.items.flatMap((c) => c.items.flatMap((p) => p.items.flatMap((a) => a.body.service ?? [])));
            assert.ok(published.some((s) => (s.id ?? s['@id']) === svc.id), `${key}: service ${svc.id} kept`);
          }
          outcome = 'imported';
          report.push(`${key}: imported as ${r.item.mediaType}, ${r.item.media.length} media${r.notes.length ? ` — ${r.notes.join(' ')}` : ''}`);
        } catch (err) {
          if (!(err instanceof ImportError)) throw err;
          outcome = err.code;
          report.push(`${key}: refused (${err.code}) — ${err.message}`);
          assert.equal(await t.storage.store.getItem(itemId), null, 'a refusal stores nothing');
        }
        assert.equal(outcome, expected, key);
      }
    }
    for (const line of report) console.log(line);
    assert.equal(report.length, 28);
  });

  it('a Presentation 2.1 manifest is upgraded: language maps, license, metadata and both pages kept', async () => {
    const r = await importManifest({ url: `${base}/own/v2-manifest.json` }, { itemId: 'v2-import', institution: TEST_ARCHIVE, fetch: { allowPrivate: true } });
    assert.equal(r.version, 2);
    assert.deepEqual(Object.keys(r.item.heading).sort(), ['en', 'ja']);
    assert.equal(r.item.rights, 'http://rightsstatements.org/vocab/NoC-NC/1.0/');
    assert.equal(r.item.referenceCode, 'Fund-59, File-1, Unit-66');
    assert.equal(r.item.date, '1972-02-19');
    assert.equal(r.item.media.length, 2);
    assert.deepEqual(r.item.media[0]!.service, { id: 'http://archive.test/iiif/image/f59-1-66-1', type: 'ImageService2', profile: 'level1' });
    assert.match(r.item.caption['ja']?.value ?? '', /言語: 日本語、モンゴル語/);
    assert.match(r.item.caption['und']?.value ?? '', /Test Archive/, 'the attribution is kept');
    await t.content.saveItem({ ...r.item, state: 'published' });
    const ours = (await t.fastify.inject({ url: '/iiif/items/v2-import/manifest.json', headers: { host: 'tsuzuri.example' } })).json();
    assert.deepEqual(schemaErrors(ours), []);
    assert.match(JSON.stringify(ours), /"@id":"http:\/\/archive.test\/iiif\/image\/f59-1-66-1","@type":"ImageService2"/);
    const page = await t.fastify.inject({ url: '/en/items/v2-import' });
    assert.match(page.body, /data-tile-sources="\[&quot;http:\/\/archive.test\/iiif\/image\/f59-1-66-1\/info.json&quot;,&quot;http:\/\/archive.test\/iiif\/image\/f59-1-66-2\/info.json&quot;\]"/);
  });

  it('a film with WebVTT captions keeps them, and our manifest republishes them', async () => {
    const r = await importManifest({ url: `${base}/own/v3-film-captions.json` }, { itemId: 'film-import', institution: TEST_ARCHIVE, fetch: { allowPrivate: true } });
    assert.equal(r.item.mediaType, 'film');
    assert.equal(r.item.date, '1971-09-10');
    assert.deepEqual(r.item.media[0]!.captions, [{ lang: 'mn', kind: 'captions', url: 'http://archive.test/media/k-19180-1.mn.vtt' }]);
    await t.content.saveItem({ ...r.item, state: 'published' });
    const ours = (await t.fastify.inject({ url: '/iiif/items/film-import/manifest.json', headers: { host: 'tsuzuri.example' } })).json();
    assert.deepEqual(schemaErrors(ours), []);
    assert.match(JSON.stringify(ours), /"motivation":"supplementing","body":\{"id":"http:\/\/archive.test\/media\/k-19180-1.mn.vtt"/);
  });

  it('refuses, with a clear reason and before connecting, what a URL must not reach', async () => {
    const before = requests;
    let e = await refusal(importManifest({ url: `${base}/cookbook/0001-mvm-image/manifest.json` }, { itemId: 'x1', institution: TEST_ARCHIVE }));
    assert.equal(e.code, 'private-address');
    assert.match(e.message, /127\.0\.0\.1 is a private or local address/);
    for (const url of ['http://10.1.2.3/manifest.json', 'http://[::1]/m.json', 'http://[::ffff:192.168.0.1]/m.json', 'http://169.254.169.254/latest/meta-data/']) {
      e = await refusal(safeFetch(url));
      assert.equal(e.code, 'private-address', url);
    }
    for (const url of ['file:///etc/passwd', 'ftp://archive.example/m.json', 'gopher://x/']) assert.equal((await refusal(safeFetch(url))).code, 'scheme', url);
    assert.equal((await refusal(safeFetch('not a url'))).code, 'bad-url');
    assert.equal((await refusal(safeFetch('http://user:pw@archive.example/m.json'))).code, 'bad-url');
    assert.equal(requests, before, 'no request reached the server');
  });

  it('classifies addresses: private, loopback, link-local, mapped and reserved ones are refused; public ones pass', () => {
    for (const a of ['127.0.0.1', '10.0.0.8', '172.16.4.1', '192.168.1.1', '100.64.0.1', '169.254.1.1', '0.0.0.0', '224.0.0.1', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:10.0.0.1', '::ffff:7f00:1', '64:ff9b::a00:1']) {
      assert.equal(isPrivateAddress(a), true, a);
    }
    for (const a of ['93.184.216.34', '133.242.0.1', '2001:4860:4860::8888']) assert.equal(isPrivateAddress(a), false, a);
  });

  it('malformed, huge, slow, missing and unreachable manifests give specific errors', async () => {
    const allow = { allowPrivate: true };
    const imp = (url: string, fetch: object = allow) => refusal(importManifest({ url }, { itemId: 'bad', institution: TEST_ARCHIVE, fetch }));
    assert.equal((await imp(`${base}/broken`)).code, 'not-json');
    assert.equal((await imp(`${base}/huge`, { ...allow, maxBytes: 1024 * 1024 })).code, 'too-large');
    assert.equal((await imp(`${base}/huge-chunked`, { ...allow, maxBytes: 1024 * 1024 })).code, 'too-large');
    const slow = await imp(`${base}/slow`, { ...allow, timeoutMs: 300 });
    assert.equal(slow.code, 'timeout');
    assert.match(slow.message, /within 0\.3 s/);
    assert.equal((await imp(`${base}/nothing-here`)).code, 'http-status');
    assert.equal((await imp(`${base}/loop`)).code, 'unreachable');
    const closed = createServer();
    const gone = await listen(closed);
    await new Promise<void>((r) => closed.close(() => r()));
    assert.equal((await imp(`${gone}/m.json`)).code, 'unreachable');
    assert.equal((await imp(`${base}/own/no-such.json`)).code, 'http-status');
    const file = (s: string) => refusal(importManifest({ file: s }, { itemId: 'bad', institution: TEST_ARCHIVE }));
    assert.equal((await file('{"type": "Manifest"}')).code, 'not-iiif');
    assert.equal((await file('{"@context": "http://iiif.io/api/image/3/context.json", "id": "https://x/iiif/1", "type": "ImageService3"}')).code, 'not-iiif');
    assert.equal((await file('[]')).code, 'not-iiif');
    assert.equal(
      (await file('{"@context": "http://iiif.io/api/presentation/3/context.json", "id": "https://x/m", "type": "Manifest", "label": {"en": ["x"]}, "items": []}')).code,
      'nothing-to-show',
    );
    const redirected = await importManifest({ url: `${base}/redirect` }, { itemId: 'redirected', institution: TEST_ARCHIVE, fetch: allow });
    assert.equal(redirected.manifestId, 'https://iiif.io/api/cookbook/recipe/0001-mvm-image/manifest.json');
  });

  it('the import-iiif command saves a draft on success and nothing on a refusal', async () => {
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    const count = async () => (await t.storage.store.listItemIds()).length;
    const n = await count();
    assert.equal(await importIiif([`${base}/broken`, '--institution', TEST_ARCHIVE.id, '--id', 'cli-bad', '--allow-private'], { storage: t.storage, io }), 1);
    assert.equal(await importIiif([`${base}/cookbook/0005-image-service/manifest.json`, '--institution', TEST_ARCHIVE.id, '--id', 'cli-bad'], { storage: t.storage, io, env: {} }), 1);
    assert.equal(await count(), n, 'refusals stored nothing');
    assert.match(lines.join('\n'), /not imported \(not-json\)/);
    assert.match(lines.join('\n'), /not imported \(private-address\)/);
    assert.equal(await importIiif([new URL('v2-manifest.json', OWN).pathname, '--institution', TEST_ARCHIVE.id, '--id', 'cli-again'], { storage: t.storage, io }), 1);
    assert.match(lines.join('\n'), /already has item v2-import with reference code/);
    const code = await importIiif([new URL('v2-manifest.json', OWN).pathname, '--institution', TEST_ARCHIVE.id, '--id', 'cli-good', '--reference-code', 'Fund-59, File-1, Unit-67'], { storage: t.storage, io });
    assert.equal(code, 0, lines.join('\n'));
    assert.equal((await t.storage.store.getItem('cli-good'))?.state, 'draft');
    assert.equal(await importIiif([new URL('v2-manifest.json', OWN).pathname, '--institution', TEST_ARCHIVE.id, '--id', 'cli-good', '--reference-code', ''], { storage: t.storage, io }), 1, 'an existing id is not overwritten');
    assert.equal(await importIiif(['--id', 'x'], { storage: t.storage, io }), 2);
  });
});
