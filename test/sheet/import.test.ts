// Importing spreadsheets on every engine: the template imports a chapter with Japanese,
// Mongolian and English text; a second import changes nothing; all rows land or none; a
// cancel leaves nothing; an export imports back unchanged.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { demo } from '../../content/demo/chapter-v.ts';
import { principalFrom } from '../../src/domain/permissions.ts';
import { JobRegistry } from '../../src/import/jobs.ts';
import { exportRows, toCsv, toXlsx } from '../../src/import/sheet/export.ts';
import { describeIssue } from '../../src/import/sheet/issues.ts';
import { applyImport, planImport, PlanHasErrors, PublishRefused } from '../../src/import/sheet/plan.ts';
import { readTable } from '../../src/import/sheet/read.ts';
import { templateRows } from '../../src/import/sheet/template.ts';
import { ContentService, type ContentChange } from '../../src/services/content.ts';
import { WorkflowService } from '../../src/services/workflow.ts';
import { availableEngines, freshStorage, type TestStorage } from '../helpers/engines.ts';
import { ADMIN, csvText, CURATOR, CURATOR_DA, emptyChapter, footprint, utf16le, utf8Bom } from './fixture.ts';

const rows = templateRows();

async function xlsxOf(data: string[][]): Promise<Buffer> {
  // As a user's Excel writes it: plain cells, no text format, dates left as typed text.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of data) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const FORMS: [string, () => Promise<Buffer>][] = [
  ['CSV UTF-8 with BOM and CRLF', () => Promise.resolve(utf8Bom(csvText(rows)))],
  ['CSV with semicolons', () => Promise.resolve(utf8Bom(csvText(rows, ';')))],
  ['CSV UTF-16 LE with tabs', () => Promise.resolve(utf16le(csvText(rows, '\t')))],
  ['XLSX', () => xlsxOf(rows)],
];

for (const engine of await availableEngines()) {
  describe(`spreadsheet import on ${engine}`, () => {
    let storage: TestStorage;
    beforeEach(async () => {
      storage = await freshStorage(engine);
      await emptyChapter(storage);
    });
    afterEach(() => storage.dispose());

    for (const [label, make] of FORMS) {
      it(`imports the template's chapter from ${label} as drafts, and a second import changes nothing`, async () => {
        const table = await readTable(await make());
        const before = await footprint(storage);
        const plan = await applyImport(storage, CURATOR, table);
        assert.deepEqual(plan.counts, { create: 8, change: 0, unchanged: 0, error: 0 }, JSON.stringify(plan.rows.flatMap((r) => r.cells.flatMap((c) => c.issues.map((i) => describeIssue(i))))));
        // Drafts: visitors see nothing yet, so the content version stays; the workspace has them.
        const after = await footprint(storage);
        assert.equal(after.version, before.version);
        assert.equal(after.items, 0);
        const wf = new WorkflowService(storage, () => undefined);
        const byCode = new Map<string, string>();
        for (const r of plan.rows) {
          const copy = await wf.item(r.itemId ?? '');
          assert.ok(copy?.open, `row ${r.line} has a draft`);
          byCode.set(copy.current.referenceCode ?? '', copy.current.id);
          const source = demo.items.find((i) => i.referenceCode === copy.current.referenceCode && i.institutionId === copy.current.institutionId);
          assert.ok(source);
          for (const f of ['heading', 'title', 'caption'] as const) {
            for (const lang of ['ja', 'mn', 'en']) assert.equal(copy.current[f][lang]?.value, source[f][lang]?.value, `${source.id} ${f}@${lang}`);
          }
          assert.equal(copy.current.date, source.date, `${source.id} date`);
          assert.deepEqual(copy.current.personIds, source.personIds, `${source.id} people`);
          assert.deepEqual(copy.current.placeIds, source.placeIds, `${source.id} places`);
        }
        // Placements: the exhibition's draft has the rows in their sections, in row order.
        const ex = (await wf.exhibition('japan-mongolia'))?.current;
        assert.ok(ex);
        const sections = Object.fromEntries(ex.chapters[0]?.sections.map((s) => [s.id, s.itemIds]) ?? []);
        assert.deepEqual(sections['economic-partnership'], [byCode.get('Fund-409, File-1, Unit-98'), byCode.get('2019-0197')]);
        assert.deepEqual(sections['goodwill-mission'], [byCode.get('K-19180-1')]);

        const again = await applyImport(storage, CURATOR, await readTable(await make()));
        assert.deepEqual(again.counts, { create: 0, change: 0, unchanged: 8, error: 0 });
        assert.deepEqual(again.exhibitions, [{ id: 'japan-mongolia', action: 'unchanged' }]);
        assert.deepEqual(await footprint(storage), after, 'nothing written by the second import');
      });
    }

    it('publishes at once for an administrator who asks, and then a second import changes nothing', async () => {
      const heard: ContentChange[][] = [];
      const table = await readTable(toCsv(rows));
      const plan = await applyImport(storage, ADMIN, table, { publish: true, notify: (_v, c) => heard.push([...c]) });
      assert.equal(plan.counts.create, 8);
      const after = await footprint(storage);
      assert.equal(after.items, 8);
      assert.equal(heard.length, 1, 'listeners hear once, after the commit');
      assert.equal(heard[0]?.filter((c) => c.entity === 'item').length, 8);
      const live = await storage.store.getExhibition('japan-mongolia');
      assert.equal(live?.chapters[0]?.sections.find((s) => s.id === 'economic-partnership')?.itemIds.length, 2);
      const again = await applyImport(storage, ADMIN, table, { publish: true, notify: (_v, c) => heard.push([...c]) });
      assert.equal(again.counts.unchanged, 8);
      assert.deepEqual(await footprint(storage), after);
      assert.equal(heard.length, 1);
      await assert.rejects(planImport(storage, CURATOR, table, { publish: true }), PublishRefused);
    });

    it('reports per row and column what will be created, changed or is wrong, with dates to confirm', async () => {
      await applyImport(storage, CURATOR, await readTable(toCsv(rows)));
      const edited = rows.map((r) => [...r]);
      const col = (name: string) => edited[0]?.indexOf(name) ?? -1;
      const set = (line: number, name: string, value: string) => {
        (edited[line - 1] as string[])[col(name)] = value;
      };
      set(2, 'caption@mn', 'Шинэ тайлбар');
      set(3, 'date', 'c. February 1972');
      set(4, 'people', 'Nobody Known');
      set(5, 'reference_code', 'Fund 23 File 2');
      set(6, 'media_type', 'painting');
      const plan = await planImport(storage, CURATOR, await readTable(toCsv(edited)));
      const row = (line: number) => plan.rows.find((r) => r.line === line);
      const cell = (line: number, header: string) => row(line)?.cells.find((c) => c.header === header);
      assert.equal(row(2)?.action, 'change');
      assert.deepEqual({ ...cell(2, 'caption@mn'), issues: [] }, { letter: 'J', header: 'caption@mn', action: 'change', old: demo.items[0]?.caption.mn?.value, new: 'Шинэ тайлбар', issues: [] });
      assert.equal(cell(2, 'caption@en')?.action, 'unchanged');
      assert.deepEqual(row(3)?.date, { input: 'c. February 1972', edtf: '1972-02~', display: { ja: '昭和47年(1972)2月頃', mn: '1972 оны 2 дугаар сарын орчим', en: 'about February 1972' } });
      assert.deepEqual([cell(3, 'date')?.action, cell(3, 'date')?.old, cell(3, 'date')?.new], ['change', '1972-02-19', '1972-02~']);
      assert.equal(row(4)?.action, 'error');
      assert.equal(cell(4, 'people')?.letter, 'O');
      assert.match(describeIssue(cell(4, 'people')?.issues[0] ?? { code: 'empty', params: {} }), /No person is called “Nobody Known”/);
      // A reference code no longer matching the key makes a new item, checked against the scheme.
      assert.equal(row(5)?.action, 'error');
      assert.equal(cell(5, 'reference_code')?.issues[0]?.code, 'reference-code');
      assert.equal(cell(6, 'media_type')?.issues[0]?.code, 'media-type');
      assert.deepEqual(plan.counts, { create: 0, change: 2, unchanged: 3, error: 3 });
      assert.ok(plan.rows.filter((r) => r.action === 'unchanged').every((r) => r.cells.every((c) => c.action === 'unchanged')));
    });

    it('writes nothing when one row is wrong (row 7), and nothing for a user who may not curate the rows', async () => {
      const edited = rows.map((r) => [...r]);
      (edited[6] as string[])[edited[0]?.indexOf('date') ?? -1] = 'sometime in spring';
      const before = await footprint(storage);
      await assert.rejects(applyImport(storage, CURATOR, await readTable(toCsv(edited))), (err: unknown) => {
        assert.ok(err instanceof PlanHasErrors);
        assert.deepEqual(err.plan.rows.filter((r) => r.action === 'error').map((r) => r.line), [7]);
        return true;
      });
      assert.deepEqual(await footprint(storage), before);
      assert.deepEqual(await storage.workspace.openRevisions('item'), []);

      const plan = await planImport(storage, CURATOR_DA, await readTable(toCsv(rows)));
      assert.equal(plan.counts.create, 1, 'only the diplomatic archives row');
      assert.ok(plan.rows.filter((r) => r.action === 'error').every((r) => r.cells.some((c) => c.header === 'institution' && c.issues[0]?.code === 'not-curator')));
      await assert.rejects(applyImport(storage, CURATOR_DA, await readTable(toCsv(rows))), PlanHasErrors);
      assert.deepEqual(await footprint(storage), before);
    });

    it("takes a translator's sheet of their language, and refuses other fields and languages cell by cell", async () => {
      await applyImport(storage, CURATOR, await readTable(toCsv(rows)));
      const ids = (await planImport(storage, CURATOR, await readTable(toCsv(rows)))).rows.map((r) => r.itemId ?? '');
      const translator = principalFrom({ id: 'u-mn', name: 'MN', isAdmin: false }, [{ role: 'translator', scope: 'mn' }]);
      const ok = await applyImport(storage, translator, await readTable(toCsv([['id', 'caption@mn'], [ids[0] ?? '', 'Орчуулагчийн тайлбар']])));
      assert.deepEqual(ok.counts, { create: 0, change: 1, unchanged: 0, error: 0 });
      assert.equal((await new WorkflowService(storage, () => undefined).item(ids[0] ?? ''))?.current.caption.mn?.value, 'Орчуулагчийн тайлбар');
      const plan = await planImport(storage, translator, await readTable(toCsv([['id', 'caption@en', 'date'], [ids[1] ?? '', 'Not my language', '1973']])));
      const cells = (plan.rows[0]?.cells ?? []).filter((c) => c.issues.length > 0);
      assert.deepEqual(
        cells.map((c) => [c.header, c.issues.map((i) => i.code).join()]),
        [
          ['caption@en', 'translator-only'],
          ['date', 'translator-only'],
        ],
      );
      assert.match(describeIssue(cells[0]?.issues[0] ?? { code: 'empty', params: {} }), /Only curators of the holding institution may change caption@en; you translate into mn\./);
    });

    it('refuses changed placements from a curator who does not co-curate the exhibition', async () => {
      await applyImport(storage, CURATOR, await readTable(toCsv(rows)));
      const mfa = principalFrom({ id: 'u-mfa', name: 'MFA', isAdmin: false }, [{ role: 'curator', scope: 'mn-mfa-ca' }]);
      // Unchanged: nothing to refuse.
      assert.equal((await planImport(storage, mfa, await readTable(toCsv(rows)))).counts.unchanged, 8);
      // Swapping the last two rows (both in one section) changes the exhibition's order.
      const swapped = [...rows.slice(0, -2), rows[rows.length - 1] as string[], rows[rows.length - 2] as string[]];
      const plan = await planImport(storage, mfa, await readTable(toCsv(swapped)));
      assert.deepEqual(plan.exhibitions, [{ id: 'japan-mongolia', action: 'change' }]);
      const errors = plan.rows.filter((r) => r.action === 'error');
      assert.equal(errors.length, 2);
      assert.ok(errors.every((r) => r.cells.some((c) => c.header === 'section' && c.issues[0]?.code === 'not-exhibition-curator')));
    });

    it('leaves nothing behind when cancelled half-way through writing', async () => {
      const registry = new JobRegistry();
      const table = await readTable(toCsv(rows));
      const before = await footprint(storage);
      let cancelled = false;
      const job = registry.start('sheet-import', 'u-curator', (signal, report) =>
        applyImport(storage, ADMIN, table, {
          publish: true,
          signal,
          report: (p) => {
            report(p);
            // Cancel after the fourth item has been written inside the transaction.
            if (!cancelled && p.done === 4 && job.progress.phase === 'apply') {
              cancelled = true;
              registry.cancel(job.id);
            }
          },
        }),
      );
      const ended = await registry.settled(job.id);
      assert.ok(cancelled, 'the cancel happened during the apply phase');
      assert.equal(ended?.state, 'cancelled');
      assert.deepEqual(await footprint(storage), before);
      assert.deepEqual((await storage.store.getExhibition('japan-mongolia'))?.chapters[0]?.sections.flatMap((s) => s.itemIds), []);
    });

    it('exports a chapter that imports back unchanged, in CSV and XLSX', async () => {
      const content = new ContentService(storage.store);
      await content.batch(async (c) => {
        for (const item of demo.items) await c.saveItem({ ...item, media: [], state: 'published' });
        await c.saveExhibition({ ...demo.exhibition, state: 'published' });
      });
      const exported = await exportRows(storage, { exhibitionId: 'japan-mongolia', chapterId: 'ch05' });
      assert.equal(exported.length, 1 + demo.items.length);
      const before = await footprint(storage);
      for (const data of [toCsv(exported), await toXlsx(exported)]) {
        const table = await readTable(data);
        for (const mode of [{}, { publish: true }]) {
          const plan = await applyImport(storage, ADMIN, table, mode);
          assert.deepEqual(plan.counts, { create: 0, change: 0, unchanged: demo.items.length, error: 0 });
          assert.deepEqual(plan.exhibitions, [{ id: 'japan-mongolia', action: 'unchanged' }]);
        }
      }
      assert.deepEqual(await footprint(storage), before);
      // The CSV opens right in Excel: a BOM and CRLF line ends.
      const csv = toCsv(exported);
      assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      assert.ok(csv.toString('utf8').includes('\r\n'));
    });
  });
}
