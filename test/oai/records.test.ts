// OAI-PMH records over time, on every engine: harvesting while records change and are
// unpublished between pages, deleted records that persist across restarts and app servers,
// unpublished content that never shows, and text that needs escaping.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Exhibition, Item } from '../../src/domain/types.ts';
import { oaiSyncOf } from '../../src/http/routes/oai.ts';
import { searchServiceOf } from '../../src/http/routes/search.ts';
import { openStorage, type Engine, type Storage } from '../../src/storage/index.ts';
import { connectPostgres, dropPostgresSchema } from '../../src/storage/postgres/connect.ts';
import { availableEngines, freshStorage, PG_URL, type TestStorage } from '../helpers/engines.ts';
import { errorCodes, fixturesMissing, harvest, hasXmllint, headers, oaiApp, oaiGet, SCHEMAS, schemaErrors, token, type OaiTestApp } from './helpers.ts';

process.env['TSUZURI_OAI_PAGE_SIZE'] = '4';

const engines = await availableEngines();
const validate = !fixturesMissing() && (await hasXmllint());
if (!validate) console.log('# NOTICE: xmllint or the OAI-PMH fixture schemas missing; responses are not schema-validated');

async function valid(xml: string, what: string): Promise<void> {
  if (!validate) return;
  const problem = await schemaErrors(xml);
  assert.equal(problem, null, `${what}: ${problem ?? ''}\n${xml.slice(0, 1500)}`);
}

const idOf = (identifier: string) => identifier.replace(/^.*:item\//, '');

/** A database that a second storage (another app server, a restart) can open again. */
async function reopenable(engine: Engine): Promise<{ url: string; schema?: string; dispose(): Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'tsuzuri-oai-db-'));
    return { url: join(dir, 'db.sqlite'), dispose: () => rm(dir, { recursive: true, force: true }) };
  }
  const schema = `t_oai_${process.pid}_${randomBytes(4).toString('hex')}`;
  return {
    url: PG_URL,
    schema,
    dispose: async () => {
      const admin = await connectPostgres({ url: PG_URL });
      try {
        await dropPostgresSchema(admin, schema);
      } finally {
        await admin.destroy();
      }
    },
  };
}

/**
 * Waits for an app's background search-index work. Two SQLite connections in one process block
 * each other's thread (better-sqlite3 is synchronous), so the two "servers" of the SQLite case
 * take turns; separate processes, as in production, would simply wait on the lock.
 */
async function quiet(...apps: OaiTestApp[]): Promise<void> {
  for (const app of apps) await searchServiceOf(app.fastify).settled(60_000);
}

function newItem(from: Item, id: string, over: Partial<Item> = {}): Item {
  return { ...from, id, referenceCode: null, media: [], ...over };
}

for (const engine of engines) {
  describe(`OAI-PMH records (${engine})`, () => {
    let storage: TestStorage;
    let app: OaiTestApp;

    before(async () => {
      storage = await freshStorage(engine);
      app = await oaiApp(storage, { demo: true });
    });
    after(async () => {
      await app?.close();
      await storage?.dispose();
    });

    it('the schema check itself rejects invalid responses', { skip: !validate }, async () => {
      const samples = join(SCHEMAS, '..', 'samples');
      assert.equal(await schemaErrors(await readFile(join(samples, 'Identify.xml'), 'utf8')), null);
      assert.notEqual(await schemaErrors(await readFile(join(samples, 'ListRecords4.xml'), 'utf8')), null);
      assert.notEqual(await schemaErrors(await readFile(join(samples, 'badArgument.xml'), 'utf8')), null);
    });

    it('gives every record exactly once while records change and are unpublished between pages', async () => {
      const dry = await harvest(app, 'verb=ListRecords&metadataPrefix=oai_dc');
      assert.ok(dry.pages.length >= 3, 'several pages');
      const order = dry.headers.filter((h) => !h.deleted).map((h) => idOf(h.identifier));
      const startIds = new Set(order);
      const firstPage = headers(dry.pages[0] ?? '').map((h) => idOf(h.identifier));
      const lastPage = headers(dry.pages.at(-1) ?? '').map((h) => idOf(h.identifier));
      const [earlyChanged, earlyGone] = firstPage;
      const [lateChanged, lateGone] = lastPage.length >= 2 ? lastPage : order.slice(-2);
      assert.ok(earlyChanged && earlyGone && lateChanged && lateGone);
      const template = await storage.store.getItem(earlyChanged);
      assert.ok(template);

      const store = storage.store;
      const edit = async (id: string, f: (i: Item) => Item) => {
        const item = await store.getItem(id);
        assert.ok(item);
        await app.content.saveItem(f(item));
      };
      const { pages, headers: got } = await harvest(app, 'verb=ListRecords&metadataPrefix=oai_dc', async (page) => {
        if (page !== 1) return;
        await edit(earlyChanged, (i) => ({ ...i, caption: { ...i.caption, en: { value: 'Changed early', status: 'reviewed' } } }));
        await edit(lateChanged, (i) => ({ ...i, caption: { ...i.caption, en: { value: 'Changed late', status: 'reviewed' } } }));
        await edit(earlyGone, (i) => ({ ...i, state: 'draft' }));
        await edit(lateGone, (i) => ({ ...i, state: 'draft' }));
        await app.content.saveItem(newItem(template, 'zzz-new-record'));
        await app.content.saveItem(newItem(template, 'aaa-new-record'));
      });
      for (const p of pages) await valid(p, 'harvest page');
      const ids = got.map((h) => idOf(h.identifier));
      assert.equal(new Set(ids).size, ids.length, `no record twice: ${ids.join(' ')}`);
      for (const id of startIds) assert.ok(ids.includes(id), `${id}, published when the harvest began, is in it`);
      const byId = new Map(got.map((h) => [idOf(h.identifier), h]));
      // Records behind the cursor were given as they were; those ahead, as they are now.
      assert.equal(byId.get(earlyGone)?.deleted, false);
      assert.equal(byId.get(lateGone)?.deleted, true);
      const text = pages.join('');
      assert.ok(!text.includes('Changed early'));
      assert.ok(text.includes('Changed late'));
      assert.ok(ids.includes('zzz-new-record'), 'a record published ahead of the cursor is given');
      assert.ok(!ids.includes('aaa-new-record'), 'one behind the cursor waits for the next harvest');

      // The next incremental harvest, from the first response's date, brings what was missed.
      const firstDate = /<responseDate>([^<]+)</.exec(pages[0] ?? '')?.[1] ?? '';
      assert.match(firstDate, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      const since = (await harvest(app, `verb=ListIdentifiers&metadataPrefix=oai_dc&from=${firstDate}`)).headers;
      const sinceById = new Map(since.map((h) => [idOf(h.identifier), h]));
      assert.equal(sinceById.get(earlyGone)?.deleted, true);
      assert.equal(sinceById.get(earlyChanged)?.deleted, false);
      assert.ok(sinceById.has('aaa-new-record'));
      const changed = await oaiGet(app, `verb=GetRecord&metadataPrefix=oai_dc&identifier=${encodeURIComponent(since.find((h) => idOf(h.identifier) === earlyChanged)?.identifier ?? '')}`);
      assert.ok(changed.includes('Changed early'));

      // Republished: back as a live record with a datestamp no older than its deletion.
      const deletedStamp = sinceById.get(earlyGone)?.datestamp ?? '';
      await edit(earlyGone, (i) => ({ ...i, state: 'published' }));
      const back = headers(await oaiGet(app, `verb=GetRecord&metadataPrefix=oai_dc&identifier=${encodeURIComponent(sinceById.get(earlyGone)?.identifier ?? '')}`));
      assert.equal(back[0]?.deleted, false);
      assert.ok((back[0]?.datestamp ?? '') >= deletedStamp);
    });

    it('follows this process\'s own writes record by record, and others\' with a full sync', async () => {
      const sync = oaiSyncOf(app.fastify);
      await oaiGet(app, 'verb=Identify');
      let full = 0;
      const original = sync.sync.bind(sync);
      sync.sync = () => {
        full++;
        return original();
      };
      try {
        const getRecord = (id: string) => oaiGet(app, `verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:localhost:item/${id}`);
        // A person's name is in every record linked to them.
        const person = await storage.store.getPeople(['niizeki-kinya']);
        const p = person[0];
        assert.ok(p);
        await app.content.savePerson({ ...p, names: { ...p.names, en: { family: 'Niizeki', given: 'Renamed', status: 'reviewed' } } });
        const linked = await storage.store.itemIdsByPerson('niizeki-kinya');
        assert.ok(linked.length > 0);
        for (const id of linked) assert.match(await getRecord(id), /<dc:contributor xml:lang="en">NIIZEKI Renamed<\/dc:contributor>/);
        // An exhibition taken offline takes its sets out of every header.
        const ex = await storage.store.getExhibition('japan-mongolia');
        assert.ok(ex);
        await app.content.saveExhibition({ ...ex, state: 'draft' });
        const ids = await harvest(app, 'verb=ListIdentifiers&metadataPrefix=oai_dc');
        // Deleted records keep the sets they were in when deleted; live ones leave the offline exhibition.
        const live = ids.headers.filter((h) => !h.deleted);
        assert.ok(live.length > 0);
        assert.ok(live.every((h) => !h.sets.some((s) => s.startsWith('exhibition:'))));
        await app.content.saveExhibition(ex);
        assert.ok(headers(await getRecord(linked[0] ?? '')).every((h) => h.sets.includes('exhibition:japan-mongolia')));
        assert.equal(full, 0, 'no full sync for this process\'s own writes');
        // A write this process did not see (another server, a copy): the version gap forces a full sync.
        await storage.store.bumpContentVersion();
        await oaiGet(app, 'verb=Identify');
        assert.equal(full, 1);
        assert.equal(await sync.recordedVersion(), await storage.store.contentVersion());
      } finally {
        sync.sync = original;
      }
    });

    it('refuses altered, foreign and mismatched resumption tokens', async () => {
      const first = await oaiGet(app, 'verb=ListRecords&metadataPrefix=oai_dc');
      const t = token(first);
      assert.ok(t);
      const [payload = '', mac = ''] = t.split('.');
      const flipped = `${payload.slice(0, -2)}${payload.at(-2) === 'A' ? 'B' : 'A'}${payload.at(-1) ?? ''}.${mac}`;
      for (const bad of [flipped, `${payload}.${'A'.repeat(43)}`, 'not-a-token', `${Buffer.from('{"v":1}').toString('base64url')}.${mac}`]) {
        const xml = await oaiGet(app, `verb=ListRecords&resumptionToken=${encodeURIComponent(bad)}`);
        await valid(xml, 'bad token');
        assert.deepEqual(errorCodes(xml), ['badResumptionToken'], bad);
      }
      const other = await oaiGet(app, `verb=ListIdentifiers&resumptionToken=${encodeURIComponent(t)}`);
      assert.deepEqual(errorCodes(other), ['badResumptionToken']);
      const sets = await oaiGet(app, `verb=ListSets&resumptionToken=${encodeURIComponent(t)}`);
      assert.deepEqual(errorCodes(sets), ['badResumptionToken']);
      // Several faults are all reported.
      const two = await oaiGet(app, 'verb=ListRecords&foo=1&bar=2');
      await valid(two, 'two errors');
      assert.deepEqual(errorCodes(two), ['badArgument', 'badArgument']);
    });

    it('never shows unpublished content, except as a deleted header', async () => {
      const template = await storage.store.getItem('goodwill-mission-1971');
      assert.ok(template);
      // Never published: not a record at all.
      await app.content.saveItem(newItem(template, 'secret-draft', { state: 'draft', title: { en: { value: 'SECRET-DRAFT-TITLE', status: 'reviewed' } } }));
      // Published, then unpublished with new draft text.
      await app.content.saveItem(newItem(template, 'was-public', { title: { en: { value: 'ONCE-PUBLIC', status: 'reviewed' } } }));
      await oaiGet(app, 'verb=Identify');
      await app.content.saveItem(newItem(template, 'was-public', { state: 'draft', title: { en: { value: 'SECRET-AFTER-UNPUBLISH', status: 'reviewed' } } }));
      // A draft exhibition placing a published record.
      const ex = await storage.store.getExhibition('japan-mongolia');
      assert.ok(ex);
      const draftEx: Exhibition = {
        ...ex,
        id: 'secret-exhibition',
        slug: 'secret-exhibition',
        state: 'draft',
        title: { en: { value: 'SECRET-EXHIBITION', status: 'reviewed' } },
        chapters: ex.chapters.map((c) => ({ ...c, id: `secret-${c.id}`, title: { en: { value: 'SECRET-CHAPTER', status: 'reviewed' } }, sections: c.sections.map((s) => ({ ...s, id: `secret-${s.id}` })) })),
      };
      await app.content.saveExhibition(draftEx, 9);

      const all = [
        ...(await harvest(app, 'verb=ListRecords&metadataPrefix=oai_dc')).pages,
        ...(await harvest(app, 'verb=ListIdentifiers&metadataPrefix=oai_dc')).pages,
        await oaiGet(app, 'verb=ListSets'),
        await oaiGet(app, 'verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:localhost:item/was-public'),
      ];
      for (const p of all) await valid(p, 'response');
      const text = all.join('');
      for (const secret of ['SECRET-DRAFT-TITLE', 'SECRET-AFTER-UNPUBLISH', 'ONCE-PUBLIC', 'SECRET-EXHIBITION', 'SECRET-CHAPTER', 'secret-exhibition', 'secret-draft']) {
        assert.ok(!text.includes(secret), `${secret} must not show`);
      }
      const gone = headers(all.at(-1) ?? '');
      assert.equal(gone[0]?.deleted, true);
      assert.deepEqual(errorCodes(await oaiGet(app, 'verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:localhost:item/secret-draft')), ['idDoesNotExist']);
      assert.deepEqual(errorCodes(await oaiGet(app, 'verb=ListRecords&metadataPrefix=oai_dc&set=exhibition:secret-exhibition')), ['noRecordsMatch']);
    });

    it('escapes markup and drops characters XML cannot carry', async () => {
      const template = await storage.store.getItem('goodwill-mission-1971');
      assert.ok(template);
      const nasty = 'A <b>&amp; "quoted" \'x\' ]]> \u0001\u0008\uFFFE tail';
      await app.content.saveItem(
        newItem(template, 'escaping-test', {
          title: { en: { value: nasty, status: 'reviewed' }, ja: { value: '𠮷野家\uD800の記録', status: 'draft' } },
        }),
      );
      const xml = await oaiGet(app, 'verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:localhost:item/escaping-test');
      await valid(xml, 'escaping');
      assert.ok(xml.includes('<dc:title xml:lang="en">A &lt;b&gt;&amp;amp; "quoted" \'x\' ]]&gt;  tail</dc:title>'), xml);
      // Storage may already have replaced the lone surrogate; either way the astral character survives.
      assert.match(xml, /<dc:title xml:lang="ja">𠮷野家[^<]*の記録<\/dc:title>/);
    });
  });

  describe(`OAI-PMH deleted records persist (${engine})`, () => {
    it('across a restart and through a second app server', async () => {
      const db = await reopenable(engine);
      const open = (): Promise<Storage> => openStorage({ url: db.url, ...(db.schema ? { schema: db.schema } : {}) });
      const dataDir = await mkdtemp(join(tmpdir(), 'tsuzuri-oai-data-'));
      try {
        const s1 = await open();
        const a = await oaiApp(s1, { demo: true, dataDir });
        const s2 = await open();
        await quiet(a);
        const b = await oaiApp(s2, { dataDir });
        await quiet(b);
        const id = 'oai:localhost:item/exchange-of-notes-1972';
        const get = (app: OaiTestApp) => oaiGet(app, `verb=GetRecord&metadataPrefix=oai_dc&identifier=${encodeURIComponent(id)}`);
        const before = headers(await get(b))[0];
        assert.equal(before?.deleted, false, 'the second server serves what the first loaded');

        // Unpublished through server A; server B has heard nothing of it in-process.
        const item = await s1.store.getItem('exchange-of-notes-1972');
        assert.ok(item);
        await a.content.saveItem({ ...item, state: 'draft' });
        await quiet(a);
        const onB = await get(b);
        await valid(onB, 'deleted on B');
        const deleted = headers(onB)[0];
        assert.equal(deleted?.deleted, true);
        assert.doesNotMatch(onB, /<metadata>/);
        assert.equal(headers(await get(a))[0]?.datestamp, deleted?.datestamp, 'both servers give the same datestamp');
        const earliest = /<earliestDatestamp>([^<]+)</.exec(await oaiGet(a, 'verb=Identify'))?.[1];

        await a.close();
        await b.close();
        await s1.close();
        await s2.close();

        // Restarted: the deletion and its datestamp are still there, and the other records kept theirs.
        const s3 = await open();
        const c = await oaiApp(s3, { dataDir });
        await quiet(c);
        const again = await get(c);
        assert.equal(headers(again)[0]?.deleted, true);
        assert.equal(headers(again)[0]?.datestamp, deleted?.datestamp);
        assert.equal(/<earliestDatestamp>([^<]+)</.exec(await oaiGet(c, 'verb=Identify'))?.[1], earliest);
        const list = (await harvest(c, 'verb=ListIdentifiers&metadataPrefix=oai_dc')).headers;
        assert.equal(list.filter((h) => h.deleted).map((h) => h.identifier).join(), id);
        await c.close();
        await s3.close();
      } finally {
        await rm(dataDir, { recursive: true, force: true });
        await db.dispose();
      }
    });
  });
}
