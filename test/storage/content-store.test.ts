import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Exhibition, Institution, Item, Person } from '../../src/domain/types.ts';
import { ContentService, ValidationError } from '../../src/services/content.ts';
import { availableEngines, freshStorage, type TestStorage } from '../helpers/engines.ts';

const CNE = 'http://rightsstatements.org/vocab/CNE/1.0/';

const parent: Institution = {
  id: 'nca',
  parentId: null,
  name: { en: { value: 'National Central Archives of Mongolia', status: 'reviewed' } },
  scheme: 'fund-file-unit',
  homepage: null,
  country: 'MN',
};
const child: Institution = {
  id: 'nca-av',
  parentId: 'nca',
  name: { en: { value: 'Archive of Movie, Audio Visual and Photo Records', status: 'reviewed' }, ja: { value: '映像・画像・音声資料館', status: 'reviewed' } },
  scheme: 'film-photo-k',
  homepage: null,
  country: 'MN',
};
const person: Person = {
  id: 'niizeki-kinya',
  culture: 'japanese',
  names: {
    en: { family: 'Niizeki', given: 'Kinya', status: 'reviewed' },
    ja: { family: '新関', given: '欽哉', status: 'draft' },
  },
  role: { en: { value: 'Ambassador', status: 'reviewed' } },
};

function item(id: string, code: string | null, extra: Partial<Item> = {}): Item {
  return {
    id,
    heading: { en: { value: `Heading ${id}`, status: 'reviewed' }, mn: { value: `Гарчиг ${id}`, status: 'draft' } },
    title: { ja: { value: '日本政府代表団', status: 'reviewed' } },
    caption: { en: { value: 'A caption.\n\nSecond paragraph.', status: 'reviewed' } },
    date: '1971-09-10/1971-09-15',
    institutionId: 'nca-av',
    referenceCode: code,
    mediaType: 'film',
    rights: CNE,
    personIds: ['niizeki-kinya'],
    placeIds: [],
    media: [
      {
        id: `${id}-m1`,
        kind: 'image',
        role: 'poster',
        path: `x/${id}.jpg`,
        mime: 'image/jpeg',
        width: 1600,
        height: 900,
        duration: null,
        placeholder: true,
        alt: { en: { value: 'poster', status: 'reviewed' } },
      },
    ],
    state: 'published',
    ...extra,
  };
}

function exhibition(itemIds: string[]): Exhibition {
  return {
    id: 'jm',
    slug: 'japan-mongolia',
    title: { en: { value: 'Japan and Mongolia', status: 'reviewed' } },
    subtitle: {},
    intro: { ja: { value: '紹介', status: 'draft' } },
    sourceLang: 'en',
    institutionIds: ['nca'],
    state: 'published',
    chapters: [
      {
        id: 'c5',
        slug: 'establishment-1972',
        number: 5,
        title: { en: { value: 'Chapter five', status: 'reviewed' } },
        intro: {},
        period: '1971/1977',
        sections: [
          { id: 's1', heading: { en: { value: 'One', status: 'reviewed' } }, intro: {}, itemIds },
          { id: 's2', heading: { en: { value: 'Two', status: 'reviewed' } }, intro: {}, itemIds: [] },
        ],
      },
    ],
  };
}

for (const engine of await availableEngines()) {
  describe(`content store on ${engine}`, () => {
    let db: TestStorage;
    let content: ContentService;

    beforeEach(async () => {
      db = await freshStorage(engine);
      content = new ContentService(db.store);
      await content.saveInstitution(parent);
      await content.saveInstitution(child, 1);
      await content.savePerson(person);
    });
    afterEach(() => db.dispose());

    it('stores an item with every field, language, status, relation and medium', async () => {
      const original = item('goodwill', 'K-19180-1');
      await content.saveItem(original);
      const back = await db.store.getItem('goodwill');
      assert.deepEqual(back, original);
    });

    it('keeps institutions with parent, names per language and scheme', async () => {
      const all = await db.store.listInstitutions();
      assert.deepEqual(all, [parent, child]);
    });

    it('keeps person name parts per language with their status', async () => {
      assert.deepEqual(await db.store.getPeople(['niizeki-kinya']), [person]);
    });

    it('validates reference codes against the holding institution scheme and stores nothing on failure', async () => {
      await assert.rejects(content.saveItem(item('bad', 'Fund-59, File-1, Unit-66')), (err: unknown) => {
        assert.ok(err instanceof ValidationError);
        assert.match(err.message, /item bad: referenceCode/);
        return true;
      });
      assert.equal(await db.store.getItem('bad'), null);
    });

    it('rejects an unknown rights URI and an invalid EDTF date with field and reason', async () => {
      await assert.rejects(content.saveItem(item('r', null, { rights: 'https://example.org/free', date: '1972-13-45' })), (err: unknown) => {
        assert.ok(err instanceof ValidationError);
        assert.deepEqual(
          err.errors.map((e) => e.where),
          ['item r: date', 'item r: rights'],
        );
        return true;
      });
    });

    it('replaces relations and texts on a second save', async () => {
      await content.saveItem(item('a', 'K-1-1'));
      await content.saveItem(item('a', 'K-1-2', { personIds: [], heading: { ja: { value: '見出し', status: 'reviewed' } }, media: [] }));
      const back = await db.store.getItem('a');
      assert.equal(back?.referenceCode, 'K-1-2');
      assert.deepEqual(back?.personIds, []);
      assert.deepEqual(back?.heading, { ja: { value: '見出し', status: 'reviewed' } });
      assert.deepEqual(back?.media, []);
    });

    it('keeps one record per reference code within an institution', async () => {
      await content.saveItem(item('a', 'K-1-1'));
      await assert.rejects(content.saveItem(item('b', 'K-1-1')));
      assert.equal(await db.store.getItem('b'), null);
    });

    it('rolls back a whole batch when one save fails', async () => {
      const before = await db.store.contentVersion();
      await assert.rejects(
        content.batch(async (svc) => {
          await svc.saveItem(item('ok', 'K-2-1'));
          await svc.saveItem(item('broken', 'not a code'));
        }),
      );
      assert.equal(await db.store.getItem('ok'), null);
      assert.equal(await db.store.contentVersion(), before);
    });

    it('bumps the content version on every committed change', async () => {
      const before = await db.store.contentVersion();
      await content.saveItem(item('a', 'K-1-1'));
      assert.equal(await db.store.contentVersion(), before + 1);
    });

    it('stores an exhibition tree with ordered placements, and finds where an item sits', async () => {
      await content.saveItem(item('a', 'K-1-1'));
      await content.saveItem(item('b', 'K-1-2'));
      await content.saveExhibition(exhibition(['b', 'a']));
      const ex = await db.store.getExhibitionBySlug('japan-mongolia');
      assert.deepEqual(ex, exhibition(['b', 'a']));
      assert.deepEqual(await db.store.placementsOf('a'), [{ exhibitionId: 'jm', chapterId: 'c5', sectionId: 's1', position: 1 }]);
      // Saving the structure again (reordered) replaces it rather than adding to it.
      await content.saveExhibition(exhibition(['a']));
      assert.deepEqual((await db.store.getExhibition('jm'))?.chapters[0]?.sections[0]?.itemIds, ['a']);
      assert.deepEqual(await db.store.placementsOf('b'), []);
    });

    it('orders holdings by reference code numerically and filters unpublished items', async () => {
      await content.saveItem(item('u10', 'K-19180-10'));
      await content.saveItem(item('u2', 'K-19180-2'));
      await content.saveItem(item('draft', 'K-19180-3', { state: 'draft' }));
      // Records without a code come last on both engines (SQLite and PostgreSQL differ by default).
      await content.saveItem(item('no-code', null));
      assert.deepEqual(await db.store.itemIdsByInstitution('nca-av'), ['u2', 'u10', 'no-code']);
      assert.deepEqual(await db.store.itemIdsByInstitution('nca-av', false), ['u2', 'draft', 'u10', 'no-code']);
      // Ids compare byte by byte on both engines: "no-code" < "u10" < "u2".
      assert.deepEqual(await db.store.itemIdsByPerson('niizeki-kinya'), ['no-code', 'u10', 'u2']);
      assert.deepEqual(await db.store.countItemsByInstitution(), new Map([['nca-av', 3]]));
    });

    it('sorts ids byte by byte, not by the database locale (which ignores hyphens)', async () => {
      for (const id of ['ab', 'a-c', 'a']) await content.savePlace({ id, name: {} });
      assert.deepEqual(await db.store.listPlaceIds(), ['a', 'a-c', 'ab']);
    });

    it('lists the configured languages with their fallback chains', async () => {
      const langs = await db.store.listLanguages();
      assert.deepEqual(
        langs.map((l) => l.tag),
        ['ja', 'mn', 'en'],
      );
      assert.deepEqual(langs[0]?.fallback, ['en']);
    });

    it('reports ready when migrations are current', async () => {
      assert.equal(await db.ready(), true);
    });
  });
}
