// Every request case of the OAI-PMH fixture (protocol-cases.json) against the demo repository,
// on every engine; every response is validated with xmllint against the fixture schemas.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { availableEngines, freshStorage, type TestStorage } from '../helpers/engines.ts';
import { errorCodes, FIXTURES, fixturesMissing, harvest, hasXmllint, headers, oaiApp, oaiGet, schemaErrors, token, type OaiTestApp } from './helpers.ts';

// Small pages, so that the demo's records span several responses.
process.env['TSUZURI_OAI_PAGE_SIZE'] = '4';

interface ProtocolCase {
  id: string;
  query: string;
  precondition: string | null;
  expect_error: string | null;
  note: string;
}

const missing = fixturesMissing();
const cases: ProtocolCase[] = missing ? [] : (JSON.parse(readFileSync(join(FIXTURES, 'protocol-cases.json'), 'utf8')) as { cases: ProtocolCase[] }).cases;
if (missing) console.log(`# NOTICE: ${missing}; OAI-PMH protocol cases skipped`);

/** Cases whose precondition describes a repository without sets: run against an empty one. */
const ON_EMPTY_REPOSITORY = new Set(['listsets-none', 'lr-set-unsupported']);

const UNPUBLISHED = 'joint-communique-1972';

const engines = await availableEngines();
const xmllint = await hasXmllint();
if (!xmllint) console.log('# NOTICE: xmllint (Debian libxml2-utils) not installed; OAI-PMH responses are not schema-validated');

for (const engine of engines) {
  describe(`OAI-PMH protocol cases (${engine})`, { skip: missing ?? false }, () => {
    let storage: TestStorage;
    let emptyStorage: TestStorage;
    let app: OaiTestApp;
    let empty: OaiTestApp;
    const values: Record<string, string> = {};
    let publishedIds: string[] = [];

    before(async () => {
      storage = await freshStorage(engine);
      app = await oaiApp(storage, { demo: true });
      emptyStorage = await freshStorage(engine);
      empty = await oaiApp(emptyStorage);
      // A record that was published, then unpublished: a deleted record from then on.
      await oaiGet(app, 'verb=Identify');
      const item = await storage.store.getItem(UNPUBLISHED);
      assert.ok(item);
      await app.content.saveItem({ ...item, state: 'draft' });
      publishedIds = (await storage.store.listItemIds(true)).sort();

      const all = (await harvest(app, 'verb=ListIdentifiers&metadataPrefix=oai_dc')).headers;
      const live = all.filter((h) => !h.deleted);
      const x = live[0];
      const dead = all.find((h) => h.deleted);
      assert.ok(x && dead);
      values['existing'] = x.identifier;
      values['deleted'] = dead.identifier;
      values['datestamp-of-X'] = x.datestamp;
      values['setSpec'] = x.sets.find((s) => s.includes(':chapter:')) ?? '';
      const first = await oaiGet(app, 'verb=ListRecords&metadataPrefix=oai_dc');
      values['valid-token'] = token(first) ?? '';
      assert.ok(values['valid-token'], 'the demo spans more than one page');
    });
    after(async () => {
      await app?.close();
      await empty?.close();
      await storage?.dispose();
      await emptyStorage?.dispose();
    });

    const fill = (query: string) =>
      query.replace(/\{([a-zA-Z-]+)\}/g, (_m, name: string) => {
        const v = values[name];
        if (v === undefined) throw new Error(`no value for {${name}}`);
        return encodeURIComponent(v);
      });

    const check = async (xml: string, what: string) => {
      if (!xmllint) return;
      const problem = await schemaErrors(xml);
      assert.equal(problem, null, `${what}: the response must validate against OAI-PMH.xsd + oai_dc.xsd\n${problem ?? ''}\n${xml.slice(0, 2000)}`);
    };

    for (const c of cases) {
      it(`${c.id}: ${c.note || c.query}`, async () => {
        if (c.id === 'post-form') {
          const res = await app.fastify.inject({ method: 'POST', url: '/oai', payload: 'verb=Identify', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
          assert.equal(res.statusCode, 200);
          assert.equal(res.headers['content-type'], 'text/xml; charset=utf-8');
          await check(res.body, c.id);
          const get = await oaiGet(app, 'verb=Identify');
          const strip = (s: string) => s.replace(/<responseDate>[^<]*<\/responseDate>/, '').replace(/<earliestDatestamp>[^<]*/, '');
          assert.equal(strip(res.body), strip(get));
          // Repeated arguments in a form body are seen as such too.
          const rep = await app.fastify.inject({ method: 'POST', url: '/oai', payload: 'verb=Identify&verb=Identify', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
          assert.deepEqual(errorCodes(rep.body), ['badVerb']);
          return;
        }

        if (c.id === 'lmf-item-no-formats') {
          // Precondition cannot hold: every record, deleted ones too, can be given as oai_dc.
          console.log('# NOTICE: lmf-item-no-formats: every record here is disseminable as oai_dc; checked that instead');
          for (const id of [values['existing'], values['deleted']]) {
            const res = await oaiGet(app, `verb=ListMetadataFormats&identifier=${encodeURIComponent(id ?? '')}`);
            await check(res, c.id);
            assert.deepEqual(errorCodes(res), []);
            assert.match(res, /<metadataPrefix>oai_dc<\/metadataPrefix>/);
          }
          return;
        }

        const target = ON_EMPTY_REPOSITORY.has(c.id) ? empty : app;
        const xml = await oaiGet(target, fill(c.query));
        await check(xml, c.id);
        const codes = errorCodes(xml);

        if (c.id === 'lr-too-fine') {
          // Precondition does not hold: the repository's granularity is seconds, so a time is a
          // legal argument (every datestamp here is later than 2002, so every record matches).
          assert.deepEqual(codes, [], 'seconds are this repository\'s granularity');
          assert.ok(headers(xml).length > 0);
          return;
        }
        if (c.expect_error) {
          assert.ok(codes.length > 0 && codes.every((code) => code === c.expect_error), `expected ${c.expect_error}, got ${codes.join(', ') || 'no error'}`);
          if (c.expect_error === 'badVerb' || c.expect_error === 'badArgument') assert.match(xml, /<request>[^<]+<\/request>/, 'no arguments echoed');
          return;
        }
        assert.deepEqual(codes, [], `no error expected:\n${xml.slice(0, 1500)}`);

        switch (c.id) {
          case 'identify-ok':
            assert.match(xml, /<protocolVersion>2\.0<\/protocolVersion>/);
            assert.match(xml, /<deletedRecord>persistent<\/deletedRecord>/);
            assert.match(xml, /<granularity>YYYY-MM-DDThh:mm:ssZ<\/granularity>/);
            assert.match(xml, /<request verb="Identify">http:\/\/[^<]+\/oai<\/request>/);
            break;
          case 'getrecord-ok': {
            const [h] = headers(xml);
            assert.equal(h?.identifier, values['existing']);
            assert.equal(h?.deleted, false);
            assert.match(xml, /<metadata><oai_dc:dc [^>]*>[\s\S]*<dc:title xml:lang="[a-z]+">/);
            break;
          }
          case 'getrecord-deleted': {
            const [h] = headers(xml);
            assert.equal(h?.identifier, values['deleted']);
            assert.equal(h?.deleted, true);
            assert.doesNotMatch(xml, /<metadata>/);
            break;
          }
          case 'lmf-all':
            assert.match(xml, /<metadataFormat><metadataPrefix>oai_dc<\/metadataPrefix><schema>http:\/\/www\.openarchives\.org\/OAI\/2\.0\/oai_dc\.xsd<\/schema><metadataNamespace>http:\/\/www\.openarchives\.org\/OAI\/2\.0\/oai_dc\/<\/metadataNamespace>/);
            break;
          case 'listsets-ok': {
            const specs = [...xml.matchAll(/<setSpec>([^<]+)<\/setSpec>/g)].map((m) => m[1]);
            assert.ok(specs.includes('exhibition:japan-mongolia'));
            assert.ok(specs.includes(values['setSpec']));
            assert.ok(specs.some((s) => /^institution:[^:]+:[^:]+$/.test(s ?? '')), 'a division is listed under its parent');
            break;
          }
          case 'lr-set-filter': {
            const got = (await harvest(app, fill(c.query))).headers;
            assert.ok(got.length > 0);
            for (const h of got) assert.ok(h.sets.includes(values['setSpec'] ?? ''), `${h.identifier} is in the set`);
            // The parent set holds the chapter's records too.
            const parent = (await harvest(app, 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=exhibition:japan-mongolia')).headers;
            for (const h of got) assert.ok(parent.some((p) => p.identifier === h.identifier));
            break;
          }
          case 'lr-from-inclusive':
            assert.ok(headers(xml).some((h) => h.identifier === values['existing']));
            break;
          case 'lr-paging': {
            const { pages, headers: all } = await harvest(app, c.query);
            assert.ok(pages.length > 1);
            for (const p of pages) await check(p, `${c.id} page`);
            assert.equal(token(pages.at(-1) ?? ''), '', 'the last page carries an empty resumptionToken');
            const ids = all.map((h) => h.identifier);
            assert.equal(new Set(ids).size, ids.length, 'no record twice');
            const live = all.filter((h) => !h.deleted).map((h) => h.identifier.replace(/^.*:item\//, '')).sort();
            assert.deepEqual(live, publishedIds);
            break;
          }
          case 'li-ok':
            assert.ok(headers(xml).length > 0);
            assert.doesNotMatch(xml, /<metadata>/);
            break;
        }
      });
    }
  });
}
