// Reading spreadsheets as Excel writes them, and refusing what is not one, clearly.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { parseHeader } from '../../src/import/sheet/columns.ts';
import { toCsv, toXlsx } from '../../src/import/sheet/export.ts';
import { columnLetter, SheetError } from '../../src/import/sheet/issues.ts';
import { readTable, sniffDelimiter } from '../../src/import/sheet/read.ts';
import { templateRows } from '../../src/import/sheet/template.ts';
import { csvText, utf16le, utf8Bom } from './fixture.ts';

const LANGS = ['ja', 'mn', 'en'];

async function refused(p: Promise<unknown>, code: string, params: Record<string, unknown> = {}): Promise<SheetError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof SheetError, `expected a SheetError, got ${String(err)}`);
    const hit = err.issues.find((i) => i.code === code);
    assert.ok(hit, `expected ${code}, got ${err.issues.map((i) => i.code).join(', ')}`);
    for (const [k, v] of Object.entries(params)) assert.equal(hit.params[k], v, `${code}.${k}`);
    return err;
  }
  assert.fail(`expected ${code}, but the file was read`);
}

describe('reading CSV and XLSX', () => {
  const rows = templateRows();

  it('reads the template in every form Excel saves it, to the same table', async () => {
    const text = csvText(rows);
    const forms: [string, Buffer][] = [
      ['UTF-8 with BOM, CRLF', utf8Bom(text)],
      ['UTF-8 without BOM, LF', Buffer.from(text.replace(/\r\n/g, '\n'))],
      ['semicolons (European Excel)', utf8Bom(csvText(rows, ';'))],
      ['UTF-16 LE, tabs ("Unicode text")', utf16le(csvText(rows, '\t'))],
      ['UTF-16 BE', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(utf16le(text).subarray(2)).swap16()])],
      ['our own export', toCsv(rows)],
      ['XLSX', await toXlsx(rows)],
    ];
    for (const [label, data] of forms) {
      const table = await readTable(data);
      assert.deepEqual(table.headers, rows[0], label);
      assert.deepEqual(
        table.rows.map((r) => r.cells),
        rows.slice(1),
        label,
      );
      assert.deepEqual(
        table.rows.map((r) => r.line),
        rows.slice(1).map((_, i) => i + 2),
        `${label}: row numbers as the spreadsheet shows them`,
      );
    }
  });

  it('sniffs the delimiter from the header, ignoring quoted ones', () => {
    assert.equal(sniffDelimiter('a;b;"c,d,e,f"\r\n1;2;3'), ';');
    assert.equal(sniffDelimiter('a\tb\tc\n'), '\t');
    assert.equal(sniffDelimiter('a,b;c,d\n'), ',');
  });

  it('keeps line breaks inside cells and drops empty rows and trailing empty columns', async () => {
    const t = await readTable(utf8Bom('reference_code,caption@en,,\r\n"K-1-1","two\r\nlines",,\r\n,,,\r\n'));
    assert.deepEqual(t.headers, ['reference_code', 'caption@en']);
    assert.deepEqual(t.rows, [{ line: 2, cells: ['K-1-1', 'two\nlines'] }]);
  });

  it('reads XLSX formulas by their cached result and date cells as ISO dates, from a named worksheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('notes').addRow(['not this one']);
    const ws = wb.addWorksheet('items');
    ws.addRow(['reference_code', 'date', 'heading@en', 'media_type']);
    ws.addRow(['K-1-1', new Date(Date.UTC(1972, 1, 19)), { richText: [{ text: 'Rich ' }, { text: 'text', font: { bold: true } }] }, { formula: 'LOWER("DOCUMENT")', result: 'document' }]);
    ws.addRow([{ formula: '"K-1-"&2', result: 'K-1-2' }, 1972, { text: 'Linked', hyperlink: 'https://example.org/' }, 'photograph']);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const t = await readTable(data, { sheet: 'items' });
    assert.equal(t.sheet, 'items');
    assert.deepEqual(t.rows.map((r) => r.cells), [
      ['K-1-1', '1972-02-19', 'Rich text', 'document'],
      ['K-1-2', '1972', 'Linked', 'photograph'],
    ]);
    await refused(readTable(data, { sheet: 'nope' }), 'no-worksheet', { names: 'notes, items' });
  });

  it('refuses merged header cells in XLSX, naming them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('items');
    ws.addRow(['reference_code', 'heading', '', 'date']);
    ws.addRow(['', 'ja', 'en', '']);
    ws.addRow(['K-1-1', '見出し', 'Heading', '1972']);
    ws.mergeCells('B1:C1');
    const err = await refused(readTable(Buffer.from(await wb.xlsx.writeBuffer())), 'merged-header', { cells: 'B1:C1' });
    assert.match(err.message, /B1:C1/);
    assert.match(err.message, /[Uu]nmerge/);
  });

  it('refuses the empty header cells a merged header leaves in CSV', async () => {
    await refused(readTable(utf8Bom('reference_code,heading,,date\r\n,ja,en,\r\nK-1-1,見出し,Heading,1972\r\n')), 'header-empty', { cell: 'C1' });
  });

  it('refuses hostile and broken input with clear errors', async () => {
    await refused(readTable(Buffer.alloc(0)), 'empty');
    await refused(readTable(Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x00, 0x10])), 'encoding');
    await refused(readTable(Buffer.from('reference_code\n\u0000\u0001\u0002binary')), 'not-a-sheet');
    await refused(readTable(Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)])), 'xlsx-unreadable');
    await refused(readTable(Buffer.alloc(30, 65), { limits: { bytes: 20 } }), 'too-large');
    // A million rows: reading stops at the limit instead of parsing them all.
    const million = Buffer.from(`reference_code,heading@en\n${'K-1-1,x\n'.repeat(1_000_000)}`);
    const started = Date.now();
    await refused(readTable(million), 'too-many-rows', { max: 10_000 });
    assert.ok(Date.now() - started < 5000, 'a capped read is quick');
    await refused(readTable(Buffer.from(`reference_code,caption@en\nK-1-1,${'x'.repeat(20_001)}\n`)), 'cell-too-long', { cell: 'B2', max: 20_000 });
    await refused(readTable(Buffer.from('reference_code,caption@en\nK-1-1,"unterminated\n')), 'csv-syntax');
    await refused(readTable(Buffer.from('reference_code\nK-1-1,stray\n')), 'cell-outside-header', { cell: 'B2' });
  });

  it('refuses unknown, misspelt and duplicate columns and unconfigured languages, all at once', () => {
    try {
      parseHeader(['institution', 'refrence_code', 'id', 'title@ja', 'title@fr', 'colour', 'title@JA', 'Media type'], LANGS);
      assert.fail('the header was accepted');
    } catch (err) {
      assert.ok(err instanceof SheetError);
      const byCode = Object.fromEntries(err.issues.map((i) => [i.code, i.params]));
      assert.deepEqual(byCode['unknown-column-suggest'], { cell: 'B1', name: 'refrence_code', suggestion: 'reference_code' });
      assert.deepEqual(byCode['unknown-language'], { cell: 'E1', name: 'title@fr', lang: 'fr', langs: 'ja, mn, en' });
      assert.deepEqual(byCode['unknown-column'], { cell: 'F1', name: 'colour', suggestion: '' });
      assert.deepEqual(byCode['duplicate-column'], { name: 'title@ja', cell: 'G1', other: 'D1' });
      assert.match(err.message, /Did you mean “reference_code”/);
    }
    const ok = parseHeader(['Institution', 'Reference code', 'media-type', 'Caption@MN'], LANGS);
    assert.ok(ok.plain.reference_code && ok.plain.media_type && ok.text.get('caption@mn'));
    assert.throws(() => parseHeader(['heading@en'], LANGS), (e: unknown) => e instanceof SheetError && e.issues[0]?.code === 'no-key-column');
  });

  it('names columns as spreadsheets do', () => {
    assert.deepEqual([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetter), ['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
