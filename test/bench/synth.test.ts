// The synthetic benchmark data: valid by every rule the content service checks, the same for a
// seed, and loadable on every engine.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadSynthetic, synthesize } from '../../bench/synth.ts';
import { validateReferenceCode } from '../../src/domain/reference-code.ts';
import { ContentService } from '../../src/services/content.ts';
import { openStorage, type ContentStore } from '../../src/storage/index.ts';
import { availableEngines, freshStorage } from '../helpers/engines.ts';

const OPTS = { items: 300, chapters: 4, seed: 7 };

async function counts(store: ContentStore) {
  const ex = await store.getExhibition('synthetic');
  return {
    institutions: (await store.listInstitutions()).length,
    people: (await store.listPersonIds()).length,
    places: (await store.listPlaceIds()).length,
    items: (await store.listItemIds(true)).length,
    chapters: ex?.chapters.length ?? 0,
    placed: ex?.chapters.flatMap((c) => c.sections.flatMap((s) => s.itemIds)).length ?? 0,
    published: ex?.state === 'published',
  };
}

describe('synthetic data', () => {
  const data = synthesize(OPTS);

  it('has the requested size and shape', () => {
    assert.equal(data.items.length, 300);
    assert.equal(data.exhibition.chapters.length, 4);
    assert.equal(data.exhibition.id, 'synthetic');
    assert.equal(data.exhibition.slug, 'synthetic');
    for (const c of data.exhibition.chapters) {
      assert.ok(c.sections.length >= 5 && c.sections.length <= 10, `${c.id}: ${c.sections.length} sections`);
      for (const s of c.sections) assert.ok(s.itemIds.length > 0, `${s.id} is empty`);
    }
    const placed = data.exhibition.chapters.flatMap((c) => c.sections.flatMap((s) => s.itemIds));
    assert.deepEqual([...placed].sort(), data.items.map((i) => i.id).sort());
    assert.ok(data.people.length >= 150 && data.people.length <= 250);
    assert.ok(data.places.length >= 40 && data.places.length <= 60);
    assert.deepEqual(new Set(data.people.map((p) => p.culture)), new Set(['japanese', 'mongolian']));
  });

  it('writes codes in each holder’s scheme, unique per holder, with some left empty', () => {
    const schemes = new Map(data.institutions.map((i) => [i.id, i.scheme]));
    const seen = new Set<string>();
    let nulls = 0;
    for (const item of data.items) {
      if (item.referenceCode === null) {
        nulls++;
        continue;
      }
      const r = validateReferenceCode(schemes.get(item.institutionId) ?? '', item.referenceCode);
      assert.ok(r.ok, `${item.id}: ${r.ok ? '' : r.reason}`);
      const key = `${item.institutionId}\u0000${item.referenceCode}`;
      assert.ok(!seen.has(key), `${item.id}: duplicate code ${item.referenceCode}`);
      seen.add(key);
    }
    assert.ok(nulls > 0 && nulls < data.items.length * 0.2, `${nulls} items without a code`);
  });

  it('varies dates, languages and review states', () => {
    const dates = data.items.map((i) => i.date);
    assert.ok(dates.some((d) => d?.includes('/')), 'a range');
    assert.ok(dates.some((d) => d?.endsWith('~')), 'an approximate date');
    assert.ok(dates.some((d) => d?.endsWith('?')), 'an uncertain date');
    assert.ok(dates.some((d) => d !== null && /^\d{4}-\d{2}-\d{2}$/.test(d)), 'a day');
    for (const d of dates) {
      if (d === null) continue;
      for (const y of d.match(/\d{4}/g) ?? []) assert.ok(Number(y) >= 1921 && Number(y) <= 1990, `${d} outside 1921–1990`);
    }
    const captions = data.items.map((i) => i.caption);
    assert.ok(captions.some((c) => c['mn']?.status === 'draft'));
    assert.ok(captions.some((c) => c['ja']?.status === 'reviewed'));
    assert.ok(captions.some((c) => c['ja'] === undefined));
    assert.ok(captions.some((c) => /[ӨөҮү]/.test(c['mn']?.value ?? '')), 'Mongolian Cyrillic with Ө/Ү');
    assert.ok(captions.some((c) => /[\p{Script=Han}]/u.test(c['ja']?.value ?? '')));
  });

  it('is the same for the same seed and differs for another', () => {
    assert.deepEqual(synthesize(OPTS), data);
    assert.notDeepEqual(synthesize({ ...OPTS, seed: 8 }).items, data.items);
  });

  it('loads into SQLite in memory, every record passing validation', async () => {
    const storage = await openStorage({ url: ':memory:' });
    try {
      // saveItem validates each code against its holder's scheme and throws on the first miss.
      await loadSynthetic(new ContentService(storage.store), data);
      assert.deepEqual(await counts(storage.store), {
        institutions: 7,
        people: data.people.length,
        places: data.places.length,
        items: 300,
        chapters: 4,
        placed: 300,
        published: true,
      });
    } finally {
      await storage.close();
    }
  });

  it('loads on every engine', async () => {
    for (const engine of await availableEngines()) {
      const storage = await freshStorage(engine);
      try {
        await loadSynthetic(new ContentService(storage.store), data);
        const c = await counts(storage.store);
        assert.equal(c.items, 300, engine);
        assert.equal(c.placed, 300, engine);
        assert.equal(c.people, data.people.length, engine);
      } finally {
        await storage.dispose();
      }
    }
  });
});
