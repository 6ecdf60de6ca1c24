// The search index on every engine: kept current by content changes, published content only,
// facets, paging, names, rebuilds.
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { after, before, describe, it } from 'node:test';
import { ANALYZER_VERSION } from '../../src/search/analyzer.ts';
import { Indexer } from '../../src/search/indexer.ts';
import { searchDb } from '../../src/search/kysely/tables.ts';
import { ContentService } from '../../src/services/content.ts';
import { availableEngines } from '../helpers/engines.ts';
import { demoSearch, ids, type SearchFixture } from './fixture.ts';

const engines = await availableEngines();

for (const engine of engines) {
  describe(`search index (${engine})`, () => {
    let fx: SearchFixture;
    before(async () => {
      fx = await demoSearch(engine);
    });
    after(async () => {
      assert.deepEqual(fx.errors, []);
      await fx.dispose();
    });

    it('builds at start and records the analyzer and content version it reflects', async () => {
      assert.equal(await fx.search.staleness(), null);
      const state = await searchDb(fx.storage.db).selectFrom('search_index_state').selectAll().executeTakeFirstOrThrow();
      assert.equal(state.analyzer_version, ANALYZER_VERSION);
      assert.equal(Number(state.content_version), await fx.storage.store.contentVersion());
    });

    it('finds an item only while it is published, and finds it again when republished', async () => {
      const before = await fx.find('Hirohito');
      assert.deepEqual(ids(before), ['item:credentials-luvsanchultem-1972']);
      const item = await fx.storage.store.getItem('credentials-luvsanchultem-1972');
      assert.ok(item);
      await fx.content.saveItem({ ...item, state: 'draft' });
      for (const lang of ['ja', 'mn', 'en']) {
        const m = await fx.find('Hirohito', lang);
        assert.equal(m.total, 0, `${lang}: a draft is not searchable`);
      }
      assert.ok(!ids(await fx.find('ルブサンチュルテム', 'ja')).includes('item:credentials-luvsanchultem-1972'));
      // Not by a filter either.
      const byPerson = await fx.find('Luvsanchultem', 'en', { person: 'n-luvsanchultem' });
      assert.deepEqual(ids(byPerson), []);
      await fx.content.saveItem({ ...item, state: 'published' });
      assert.deepEqual(ids(await fx.find('Hirohito')), ['item:credentials-luvsanchultem-1972']);
    });

    it('follows edits: a new word is found, a removed one no longer', async () => {
      const item = await fx.storage.store.getItem('akiyama-photo-1977');
      assert.ok(item);
      const caption = { ...item.caption, en: { value: 'A portrait taken in the spring of 1977 beside a yurt.', status: 'reviewed' as const } };
      await fx.content.saveItem({ ...item, caption });
      assert.deepEqual(ids(await fx.find('yurt')), ['item:akiyama-photo-1977']);
      assert.ok(!ids(await fx.find('ceremony')).includes('item:akiyama-photo-1977'));
      await fx.content.saveItem(item);
      assert.deepEqual(ids(await fx.find('yurt')), []);
    });

    it('indexes records with the names of their people in every script, and follows a renamed person', async () => {
      const [person] = await fx.storage.store.getPeople(['d-saldan']);
      assert.ok(person);
      assert.ok(ids(await fx.find('Салдан', 'ja')).includes('item:cashmere-agreement-1977'));
      await fx.content.savePerson({ ...person, names: { ...person.names, mn: { given: 'Салданбаатар', patronymicInitial: 'Д', status: 'draft' } } });
      assert.ok(ids(await fx.find('Салданбаатар', 'ja')).includes('item:cashmere-agreement-1977'), 'the record carries the new name');
      await fx.content.savePerson(person);
      assert.ok(!ids(await fx.find('Салданбаатар', 'ja')).includes('item:cashmere-agreement-1977'));
    });

    it('drops the chapters of an unpublished exhibition, and the exhibition facet of its records', async () => {
      const ex = await fx.storage.store.getExhibition('japan-mongolia');
      assert.ok(ex);
      await fx.content.saveExhibition({ ...ex, state: 'draft' });
      const m = await fx.find('Tsedenbal');
      assert.ok(!ids(m).includes('chapter:ch05'));
      const records = await fx.find('ambassador');
      assert.ok(records.total > 0, 'published records stay searchable on their own');
      assert.deepEqual(records.facets.exhibition, []);
      await fx.content.saveExhibition(ex);
      assert.ok(ids(await fx.find('Tsedenbal')).includes('chapter:ch05'));
    });

    it('counts facets over all matches and narrows by each of them', async () => {
      const all = await fx.find('大使', 'ja');
      const count = (f: keyof typeof all.facets, v: string) => all.facets[f].find((x) => x.value === v)?.count;
      assert.equal(count('kind', 'item'), 9);
      assert.equal(all.facets.lang.length, 1);
      assert.equal(count('lang', 'ja'), all.total);
      assert.equal(count('institution', 'mn-mfa-ca'), 3);
      assert.equal(count('person', 'niizeki-kinya'), 2);
      assert.equal(count('decade', '1970'), 10);
      assert.deepEqual(all.years, { from: 1971, to: 1977 });

      const byInst = await fx.find('大使', 'ja', { institution: 'mn-mfa-ca' });
      assert.equal(byInst.total, 3);
      assert.ok(byInst.hits.every((h) => h.kind === 'item' && h.item.institutionId === 'mn-mfa-ca'));
      assert.deepEqual(byInst.facets.institution, [{ value: 'mn-mfa-ca', count: 3, selected: true }]);

      const people = await fx.find('大使', 'ja', { kind: 'person' });
      assert.equal(people.total, count('kind', 'person'));
      const photos = await fx.find('大使', 'ja', { media: 'photograph' });
      assert.deepEqual(ids(photos), ['item:akiyama-photo-1977']);
      const early = await fx.find('大使', 'ja', { from: '1971-01-01', to: '1972-12-31' });
      assert.ok(early.hits.every((h) => h.kind !== 'item' || (h.item.date ?? '') < '1973'));
      assert.ok(early.total > 0 && early.total < all.total);
    });

    it('tells which language matched and filters by it', async () => {
      const m = await fx.find('Ulaanbaatar', 'en');
      assert.ok(m.facets.lang.some((v) => v.value === 'en'));
      const enOnly = await fx.find('cashmere', 'en', { lang: 'en' });
      assert.ok(enOnly.total >= 1);
      const jaOnly = await fx.find('cashmere', 'en', { lang: 'ja' });
      assert.equal(jaOnly.total, 0, 'no Japanese text says "cashmere"');
    });

    it('pages through results without gaps or repeats, and says when a page is past the end', async () => {
      const all = await fx.find('1972', 'en', {}, 1, 50);
      assert.ok(all.total > 6, `${all.total}`);
      const pages = [];
      for (let p = 1; p <= Math.ceil(all.total / 3); p++) pages.push(...ids(await fx.find('1972', 'en', {}, p, 3)));
      assert.deepEqual(pages, ids(all));
      const past = await fx.find('1972', 'en', {}, 99, 3);
      assert.equal(past.outcome, 'past-last-page');
      assert.equal(past.total, all.total);
    });

    it('highlights in the original text and quotes the language that matched', async () => {
      const m = await fx.find('ｳﾗﾝﾊﾞｰﾄﾙ 署名', 'en');
      const hit = m.hits.find((h) => h.kind === 'item' && h.item.id === 'cashmere-agreement-1977');
      assert.ok(hit && hit.snippet);
      assert.equal(hit.snippet.lang, 'ja');
      const marked = hit.snippet.excerpt.segments.filter((s) => s.mark).map((s) => s.text);
      assert.ok(marked.includes('ウランバートル') && marked.includes('署名'), marked.join());
      // The reader's own language first, when it matched.
      const en = (await fx.find('Ulaanbaatar', 'en')).hits.find((h) => h.kind === 'item' && h.item.id === 'cultural-agreement-1974');
      assert.equal(en?.snippet?.lang, 'en');
      assert.ok(en?.snippet?.excerpt.segments.some((s) => s.mark && s.text === 'Ulaanbaatar'));
    });

    it('says through which name a record was found when its text does not say it', async () => {
      const m = await fx.find('Цугэ', 'en');
      const hit = m.hits.find((h) => h.kind === 'item' && h.item.id === 'cashmere-agreement-1977');
      assert.ok(hit);
      assert.deepEqual(
        hit.viaNames.map((n) => n.label),
        [],
        'the Mongolian caption names Цугэ itself',
      );
      const viaReading = (await fx.find('ますお', 'en')).hits.find((h) => h.kind === 'item');
      assert.ok(viaReading, 'a reading finds the record');
      assert.ok(viaReading.viaNames.some((n) => n.label === 'たかしま ますお'));
    });

    it('resolves names across scripts: exact, by transliteration, by skeleton', async () => {
      const exact = await fx.find('Ниизэки', 'en');
      assert.equal(exact.people[0]?.person.id, 'niizeki-kinya');
      assert.equal(exact.people[0]?.how, 'exact');
      const key = await fx.find('ﾆｲｾﾞｷ', 'en');
      assert.equal(key.people[0]?.person.id, 'niizeki-kinya');
      assert.equal(key.people[0]?.how, 'key');
      assert.equal(key.recordsOf?.id, 'niizeki-kinya', 'no text says ニイゼキ: the records of the person named are shown');
      assert.deepEqual(ids(key).sort(), ['item:cabinet-approval-niizeki-1972', 'item:credentials-translation-niizeki-1972']);
      const skel = await fx.find('Luvsanchultemm', 'en');
      assert.equal(skel.people[0]?.person.id, 'n-luvsanchultem');
      assert.equal(skel.people[0]?.how, 'skeleton');
      // Too short a skeleton never resolves.
      assert.deepEqual((await fx.find('Tokio', 'en')).people, []);
    });

    it('lets curators add a variant name, found at once in every script', async () => {
      assert.equal((await fx.find('Tsedembal', 'en')).people[0]?.how, 'skeleton');
      await fx.search.addNameVariant({ entityKind: 'person', entityId: 'yumjaagiin-tsedenbal', value: 'Tsedembal', lang: 'en', kind: 'variant' });
      assert.equal((await fx.find('Tsedembal', 'en')).people[0]?.how, 'exact');
      assert.ok(ids(await fx.find('Tsedembal', 'en')).includes('person:yumjaagiin-tsedenbal'));
      assert.deepEqual(
        (await fx.search.nameVariants('person', 'yumjaagiin-tsedenbal')).map((v) => v.value),
        ['Tsedembal'],
      );
      await fx.search.removeNameVariant('person', 'yumjaagiin-tsedenbal', 'Tsedembal');
      assert.equal((await fx.find('Tsedembal', 'en')).people[0]?.how, 'skeleton');
      await assert.rejects(
        fx.search.addNameVariant({ entityKind: 'person', entityId: 'nobody', value: 'X', lang: null, kind: 'variant' }),
        /no person "nobody"/,
      );
    });

    it('suggests names as they are typed, in the reader\u2019s language', async () => {
      const order = fx.order('ja');
      const s = await fx.search.suggest('tse', order);
      assert.deepEqual(
        s.map((x) => [x.id, x.label]),
        [['yumjaagiin-tsedenbal', 'Y. ツェデンバル']],
      );
      assert.equal(s[0]?.matched, 'Tsedenbal');
      const cyr = await fx.search.suggest('Улаан', fx.order('en'));
      assert.deepEqual(
        cyr.map((x) => [x.kind, x.label]),
        [['place', 'Ulaanbaatar']],
      );
      assert.deepEqual(await fx.search.suggest('t', order), [], 'one Latin letter is too little');
      assert.ok((await fx.search.suggest('新', order)).some((x) => x.id === 'niizeki-kinya'), 'one kanji is enough');
    });

    it('notices content written behind its back, and rebuilds when the analyzer changes', async () => {
      // A tool without a listener (the demo loader of the CLI) moves the content version.
      const blind = new ContentService(fx.storage.store);
      const item = await fx.storage.store.getItem('academic-exchange-1972');
      assert.ok(item);
      await blind.saveItem({ ...item, caption: { ...item.caption, en: { value: 'Talks on a joint dictionary.', status: 'reviewed' } } });
      assert.match((await fx.search.staleness()) ?? '', /content moved/);
      assert.equal((await fx.find('dictionary')).total, 0);
      const report = await fx.search.start();
      assert.equal(report?.items, 13);
      assert.deepEqual(ids(await fx.find('dictionary')), ['item:academic-exchange-1972']);
      await blind.saveItem(item);
      await fx.search.rebuild();

      await searchDb(fx.storage.db).updateTable('search_index_state').set({ analyzer_version: 'an-older-analyzer' }).execute();
      assert.match((await fx.search.staleness()) ?? '', /analyzer changed/);
      assert.ok(await fx.search.start());
      assert.equal(await fx.search.staleness(), null);
      assert.deepEqual(ids(await fx.find('Hirohito')), ['item:credentials-luvsanchultem-1972']);
    });

    it('tells a statement cancelled by the time limit from other errors', async () => {
      const fts = new Indexer(fx.storage).fts;
      if (engine === 'postgres') {
        const err = await fx.storage.db
          .transaction()
          .execute(async (trx) => {
            await sql`set local statement_timeout = 20`.execute(trx);
            await sql`select pg_sleep(2)`.execute(trx);
          })
          .then(
            () => null,
            (e: unknown) => e,
          );
        assert.ok(fts.isTimeout(err), String(err));
      }
      assert.equal(fts.isTimeout(new Error('syntax error')), false);
    });

    it('rebuilds to the same index it keeps incrementally, and sweeps what no longer exists', async () => {
      const db = searchDb(fx.storage.db);
      const snapshot = async () => ({
        docs: (await db.selectFrom('search_index_docs').select(['kind', 'entity_id']).orderBy('kind').orderBy('entity_id').execute()).map((r) => `${r.kind}:${r.entity_id}`),
        names: Number((await sql<{ n: number }>`select count(*) as n from search_index_names`.execute(db)).rows[0]?.n),
      });
      const kept = await snapshot();
      // A document for something that no longer exists.
      await db.insertInto('search_index_docs').values({ kind: 'item', entity_id: 'gone', generation: 0 }).execute();
      await fx.search.rebuild();
      assert.deepEqual(await snapshot(), kept);
      assert.equal(kept.docs.filter((d) => d.startsWith('item:')).length, 13);
      assert.equal(kept.docs.filter((d) => d.startsWith('person:')).length, 15);
    });
  });
}
