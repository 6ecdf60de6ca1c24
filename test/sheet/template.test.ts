// The template in docs/templates is what `tsuzuri sheet template` writes, and it imports.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { toCsv } from '../../src/import/sheet/export.ts';
import { applyImport } from '../../src/import/sheet/plan.ts';
import { readTable } from '../../src/import/sheet/read.ts';
import { templateRows } from '../../src/import/sheet/template.ts';
import { availableEngines, freshStorage, type TestStorage } from '../helpers/engines.ts';
import { CURATOR, emptyChapter, footprint } from './fixture.ts';

const CSV = new URL('../../docs/templates/items.csv', import.meta.url);
const XLSX = new URL('../../docs/templates/items.xlsx', import.meta.url);
const REGENERATE = 'regenerate with: tsuzuri sheet template --out docs/templates/items.csv (and items.xlsx)';

describe('the documented template', () => {
  it('is current: docs/templates/items.csv and items.xlsx hold what the code writes', async () => {
    assert.deepEqual(await readFile(CSV), toCsv(templateRows()), REGENERATE);
    const table = await readTable(await readFile(XLSX));
    assert.deepEqual([table.headers, ...table.rows.map((r) => r.cells)], templateRows(), REGENERATE);
  });

  it('has Japanese, Mongolian and English headings and captions in every row and no id column (ids are derived)', () => {
    const [head = [], ...rows] = templateRows();
    assert.ok(!head.includes('id'));
    for (const f of ['heading', 'title', 'caption']) {
      for (const lang of ['ja', 'mn', 'en']) {
        const i = head.indexOf(`${f}@${lang}`);
        assert.ok(i >= 0, `${f}@${lang}`);
        // The archival title is the archive's own and may be missing in a language; the rest is not.
        if (f !== 'title') assert.ok(rows.every((r) => (r[i] ?? '') !== ''), `every row has ${f}@${lang}`);
      }
    }
  });
});

for (const engine of await availableEngines()) {
  describe(`the template files import on ${engine}`, () => {
    let storage: TestStorage;
    beforeEach(async () => {
      storage = await freshStorage(engine);
      await emptyChapter(storage);
    });
    afterEach(() => storage.dispose());

    it('imports a chapter from the CSV and then the XLSX changes nothing', async () => {
      const first = await applyImport(storage, CURATOR, await readTable(await readFile(CSV)));
      assert.deepEqual(first.counts, { create: 8, change: 0, unchanged: 0, error: 0 });
      const after = await footprint(storage);
      const second = await applyImport(storage, CURATOR, await readTable(await readFile(XLSX)));
      assert.deepEqual(second.counts, { create: 0, change: 0, unchanged: 8, error: 0 });
      assert.deepEqual(await footprint(storage), after);
    });
  });
}
