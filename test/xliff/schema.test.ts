// Every kind of export validates against the official OASIS schemas (xmllint, offline), and a
// third-party tool reads the 1.2 files: translate-toolkit, the XLIFF reader Debian packages.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { WorkflowService } from '../../src/services/workflow.ts';
import { XliffService, type ExportRequest } from '../../src/services/xliff.ts';
import { readXliff } from '../../src/xliff/read.ts';
import { writeXliff } from '../../src/xliff/write.ts';
import { availableEngines, type TestStorage } from '../helpers/engines.ts';
import { admin, demoStorage, readWithTranslateToolkit, translateToolkitMissing, trickyDoc, xmllint, xmllintMissing } from './helpers.ts';

const EX = 'japan-mongolia';

/** Exports of every shape: both versions, both target languages, whole, one chapter, some records. */
const SHAPES: Omit<ExportRequest, 'version'>[] = [
  { exhibitionId: EX, lang: 'mn' },
  { exhibitionId: EX, lang: 'ja' },
  { exhibitionId: EX, lang: 'mn', chapterId: 'ch05' },
  { exhibitionId: EX, lang: 'ja', itemIds: ['goodwill-mission-1971', 'cashmere-agreement-1977'] },
];

describe('schema validation of the writers’ output', () => {
  it('validates texts with markup, emoji, combining marks, CJK, RTL and line breaks', async (t) => {
    const missing = xmllintMissing();
    if (missing) {
      console.log(`# NOTICE: ${missing}; schema validation skipped`);
      t.skip(missing);
      return;
    }
    const x20 = await xmllint(writeXliff(trickyDoc(), '2.0'), '2.0');
    assert.equal(x20.status, 0, x20.output);
    for (const schema of ['1.2-strict', '1.2-transitional'] as const) {
      const r = await xmllint(writeXliff(trickyDoc(), '1.2'), schema);
      assert.equal(r.status, 0, `${schema}: ${r.output}`);
    }
    // The check can fail: a 2.0 state leaking into 1.2 is caught.
    const broken = await xmllint(writeXliff(trickyDoc(), '1.2').replace('state="translated"', 'state="reviewed"'), '1.2-strict');
    assert.equal(broken.status, 3, broken.output);
  });
});

for (const engine of await availableEngines()) {
  describe(`every export validates and is read by a peer tool (${engine})`, () => {
    let storage: TestStorage;
    let xliff: XliffService;
    before(async () => {
      storage = await demoStorage(engine);
      xliff = new XliffService(storage);
      // One outdated translation, so the outdated markup is validated too.
      const wf = new WorkflowService(storage, () => undefined);
      const item = (await wf.item('goodwill-mission-1971'))?.current;
      assert.ok(item);
      await wf.saveItemDraft(admin, { ...item, caption: { ...item.caption, en: { value: `${item.caption['en']?.value ?? ''} Revised.`, status: 'draft' } } });
    });
    after(() => storage.dispose());

    it('validates against xliff_core_2.0.xsd and the 1.2 strict and transitional schemas', async (t) => {
      const missing = xmllintMissing();
      if (missing) {
        console.log(`# NOTICE: ${missing}; schema validation skipped`);
        t.skip(missing);
        return;
      }
      let checked = 0;
      for (const shape of SHAPES) {
        const x20 = await xliff.export({ ...shape, version: '2.0' });
        const r20 = await xmllint(x20.xml, '2.0');
        assert.equal(r20.status, 0, `${JSON.stringify(shape)} 2.0: ${r20.output}`);
        // What the 2.0 schema cannot check: unique unit ids and trgLang.
        const ids = readXliff(x20.xml).units.map((u) => u.id);
        assert.equal(new Set(ids).size, ids.length, 'unit ids unique');
        assert.match(x20.xml, /trgLang="(mn|ja)"/);
        const x12 = await xliff.export({ ...shape, version: '1.2' });
        for (const schema of ['1.2-strict', '1.2-transitional'] as const) {
          const r = await xmllint(x12.xml, schema);
          assert.equal(r.status, 0, `${JSON.stringify(shape)} ${schema}: ${r.output}`);
        }
        checked += 3;
      }
      assert.equal(checked, SHAPES.length * 3);
    });

    it('is read by translate-toolkit (XLIFF 1.2): the same units, sources and targets', async (t) => {
      const missing = translateToolkitMissing();
      if (missing) {
        console.log(`# NOTICE: ${missing}; third-party read skipped`);
        t.skip(missing);
        return;
      }
      const exported = await xliff.export({ exhibitionId: EX, lang: 'mn', version: '1.2' });
      const ours = readXliff(exported.xml).units;
      const theirs = await readWithTranslateToolkit(exported.xml);
      assert.equal(theirs.length, exported.units);
      assert.deepEqual(
        theirs.map((u) => [u.id, u.source, u.target]),
        ours.map((u) => [u.id, u.source, u.target ?? '']),
      );
      // translate-toolkit counts a 1.2 unit as translated only with approved="yes": our reviewed values.
      assert.equal(theirs.filter((u) => u.translated).length, exported.states.reviewed);
    });
  });
}
