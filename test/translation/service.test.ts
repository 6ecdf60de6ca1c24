// The translation service on every engine: units in the order visitors meet them, counts that
// add up, the working copy (a saved draft counts before approval), stamps on exhibition parts
// and shared records. Prints the demo's dashboard counts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Principal } from '../../src/domain/permissions.ts';
import { countUnits, findTranslationUnit, listTranslationUnits, sourceLangOf, workList, type StateCounts } from '../../src/services/translation.ts';
import { ENGINES } from '../helpers/engines.ts';
import { engineApp } from './helpers.ts';

const EX = 'japan-mongolia';

const admin: Principal = { userId: 'u-admin', name: 'Admin', isAdmin: true, curatorOf: [], translatorOf: [], reviewer: false, viewer: false };
const mnTranslator: Principal = { userId: 'u-mn', name: 'Mn', isAdmin: false, curatorOf: [], translatorOf: ['mn'], reviewer: false, viewer: false };

function line(c: StateCounts): string {
  return `missing ${c.missing}, draft ${c.draft}, outdated ${c.outdated}, reviewed ${c.reviewed} (of ${c.total})`;
}

for (const engine of ENGINES) {
  describe(`translation service (${engine})`, () => {
    it('lists the demo in visitor order with counts that add up', async (t) => {
      const app = await engineApp(engine, t);
      if (!app) return;
      try {
        assert.equal(await listTranslationUnits(app.storage, 'no-such-exhibition', 'ja'), null);
        const units = await listTranslationUnits(app.storage, EX, 'ja');
        assert.ok(units);
        const keys = units.map((u) => u.key);
        assert.deepEqual(keys.slice(0, 6), [
          'exhibition/japan-mongolia/title',
          'exhibition/japan-mongolia/subtitle',
          'exhibition/japan-mongolia/intro',
          'chapter/ch05/title',
          'chapter/ch05/intro',
          'section/goodwill-mission/heading',
        ]);
        const first = (prefix: string) => keys.findIndex((k) => k.startsWith(prefix));
        // Items in the order of the sections, then people, institutions, places, site pages.
        assert.ok(first('item/goodwill-mission-1971/') < first('item/joint-communique-1972/'));
        assert.ok(first('item/joint-communique-1972/') < first('item/exchange-of-notes-1972/'));
        assert.ok(first('item/cashmere-agreement-1977/') < first('person/'));
        assert.ok(first('person/') < first('institution/'));
        assert.ok(first('institution/') < first('place/'));
        assert.ok(first('place/') < first('page/terms/'));
        assert.equal(new Set(keys).size, keys.length, 'each value once');
        assert.deepEqual(units.map((u) => u.order), units.map((_, i) => i));
        // A parent institution comes before its child, as pages name them.
        assert.ok(first('institution/mn-nca/') < first('institution/mn-nca-av/'));
        assert.ok(units.every((u) => u.sourceLang === 'en' && u.lang === 'ja' && u.exhibitionId === EX));

        const counts = countUnits(units);
        assert.equal(counts.total.total, units.length);
        assert.equal(counts.total.missing + counts.total.draft + counts.total.outdated + counts.total.reviewed, counts.total.total);
        const sum = (m: Map<unknown, StateCounts>) => [...m.values()].reduce((n, c) => n + c.total, 0);
        assert.equal(sum(counts.byKind), units.length);
        assert.equal(sum(counts.byChapter), units.length);
        assert.equal(workList(units).length, counts.total.missing + counts.total.draft + counts.total.outdated);
        // The demo's one record title not given in Japanese is missing, not invented.
        assert.equal(units.find((u) => u.key === 'item/exchange-of-notes-1972/title')?.state, 'missing');

        // The source language itself has nothing to translate.
        assert.equal(countUnits((await listTranslationUnits(app.storage, EX, 'en')) ?? []).total.total, 0);

        // The closing note's figures.
        for (const lang of ['ja', 'mn']) {
          const c = countUnits((await listTranslationUnits(app.storage, EX, lang)) ?? []);
          console.log(`# demo dashboard ${lang} (${engine}): ${line(c.total)}`);
          for (const [kind, k] of c.byKind) console.log(`#   ${kind}: ${line(k)}`);
          for (const [ch, k] of c.byChapter) console.log(`#   chapter ${ch || '(outside chapters)'}: ${line(k)}`);
        }
      } finally {
        await app.close();
      }
    });

    it('reads the working copy and stamps chapter, section and shared texts', async (t) => {
      const app = await engineApp(engine, t);
      if (!app) return;
      try {
        const wf = app.admin.workflow;
        // The curator changes the English section heading in a draft: Mongolian is outdated at once.
        const copy = await wf.exhibition(EX);
        assert.ok(copy);
        const ex = copy.current;
        const chapter = ex.chapters[0];
        const section = chapter?.sections[0];
        assert.ok(chapter && section);
        const heading = { ...section.heading, en: { value: 'The goodwill mission of 1971', status: 'reviewed' as const } };
        await wf.saveExhibitionDraft(admin, { ...ex, chapters: [{ ...chapter, sections: [{ ...section, heading }, ...chapter.sections.slice(1)] }, ...ex.chapters.slice(1)] });
        let unit = await findTranslationUnit(app.storage, { entity: 'section', id: section.id, field: 'heading' }, 'mn');
        assert.equal(unit?.state, 'outdated');
        assert.equal(unit?.chapterId, chapter.id);
        assert.equal(unit?.exhibitionId, EX);
        assert.equal(countUnits((await listTranslationUnits(app.storage, EX, 'mn')) ?? []).total.outdated, 1, 'the draft counts before approval');
        // Live content is untouched.
        assert.notEqual((await app.storage.store.getExhibition(EX))?.chapters[0]?.sections[0]?.heading['en']?.value, 'The goodwill mission of 1971');

        // The Mongolian translator re-translates it through the service.
        await wf.saveTranslation(mnTranslator, { entity: 'section', id: section.id, field: 'heading' }, 'mn', 'Сайн санааны төлөөлөгчид, 1971');
        unit = await findTranslationUnit(app.storage, { entity: 'section', id: section.id, field: 'heading' }, 'mn');
        assert.equal(unit?.state, 'draft');
        assert.equal(unit?.translation?.source, 'The goodwill mission of 1971');
        assert.equal(unit?.translation?.by, 'u-mn');

        // ...but may not change the English source, even through the back door of an exhibition draft.
        await assert.rejects(wf.saveTranslation(mnTranslator, { entity: 'chapter', id: chapter.id, field: 'title' }, 'en', 'Hacked'), { name: 'Error', message: /translate into en|outside your languages/ });

        // People: the source language comes from the exhibition of their records.
        assert.equal(await sourceLangOf(app.storage, 'person', 'niizeki-kinya'), 'en');
        assert.equal(await sourceLangOf(app.storage, 'page', 'terms'), 'en');
        await wf.saveTranslation(mnTranslator, { entity: 'person', id: 'niizeki-kinya', field: 'role' }, 'mn', 'Японы Монгол дахь анхны элчин сайд');
        const [person] = await app.storage.store.getPeople(['niizeki-kinya']);
        assert.equal(person?.role['mn']?.value, 'Японы Монгол дахь анхны элчин сайд');
        assert.equal(person?.role['mn']?.source, person?.role['en']?.value);
        // An empty value removes the translation; it is missing again.
        await wf.saveTranslation(mnTranslator, { entity: 'person', id: 'niizeki-kinya', field: 'role' }, 'mn', '  ');
        assert.equal((await findTranslationUnit(app.storage, { entity: 'person', id: 'niizeki-kinya', field: 'role' }, 'mn'))?.state, 'missing');
        // Unknown addresses are refused.
        await assert.rejects(wf.saveTranslation(admin, { entity: 'item', id: 'nope', field: 'caption' }, 'mn', 'x'), /no item "nope"/);
        await assert.rejects(wf.saveTranslation(admin, { entity: 'users', id: 'x', field: 'name' }, 'mn', 'x'), /no kind of record/);
        assert.equal(await findTranslationUnit(app.storage, { entity: 'item', id: 'joint-communique-1972', field: 'date' }, 'mn'), null);
      } finally {
        await app.close();
      }
    });
  });
}
