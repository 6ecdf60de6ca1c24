// Reading a spreadsheet as Excel and its users write it: CSV in UTF-8 (with or without a BOM)
// or UTF-16 (by its BOM, as Excel's "Unicode text"), CRLF or LF, with the delimiter Excel chose
// for the locale (comma, semicolon or tab); or XLSX, its first worksheet or a named one, with
// formulas read as their cached results and date cells as ISO dates. Limits keep a wrong or
// hostile file from using up memory.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { columnLetter, issue, SheetError } from './issues.ts';

export interface SheetLimits {
  bytes: number;
  /** Data rows, the header not counted. */
  rows: number;
  /** Characters in one cell. */
  cell: number;
  columns: number;
}

export const LIMITS: SheetLimits = { bytes: 20 * 1024 * 1024, rows: 10_000, cell: 20_000, columns: 200 };

export interface SheetRow {
  /** The row number as the spreadsheet shows it (the header is row 1). */
  line: number;
  cells: string[];
}

export interface Table {
  format: 'csv' | 'xlsx';
  headers: string[];
  rows: SheetRow[];
  /** The CSV delimiter found, or the worksheet read. */
  delimiter?: string;
  sheet?: string;
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export async function readTable(data: Buffer, options: { sheet?: string; limits?: Partial<SheetLimits> } = {}): Promise<Table> {
  const limits = { ...LIMITS, ...options.limits };
  if (data.length > limits.bytes) throw new SheetError(issue('too-large', { max: Math.floor(limits.bytes / (1024 * 1024)) }));
  if (data.length === 0) throw new SheetError(issue('empty'));
  const table = data.subarray(0, 4).equals(ZIP) ? await readXlsx(data, options.sheet, limits) : readCsv(decode(data), limits);
  return finish(table, limits);
}

/** Text of a CSV file by its BOM: UTF-16 LE/BE, else UTF-8 (refusing bytes that are not). */
export function decode(data: Buffer): string {
  let text: string;
  try {
    if (data[0] === 0xff && data[1] === 0xfe) text = new TextDecoder('utf-16le', { fatal: true }).decode(data.subarray(2));
    else if (data[0] === 0xfe && data[1] === 0xff) text = new TextDecoder('utf-16be', { fatal: true }).decode(data.subarray(2));
    else text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    throw new SheetError(issue('encoding'));
  }
  // NUL and other control characters do not occur in text a person typed: this is a binary file.
  // eslint-disable-next-line no-control-regex -- looking for exactly these characters
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 65536))) throw new SheetError(issue('not-a-sheet'));
  return text;
}

/** The delimiter that splits the header line most often, outside quotes. */
export function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > (counts.get(best) ?? 0)) best = d;
  return best;
}

function readCsv(text: string, limits: SheetLimits): Table {
  const delimiter = sniffDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      // Stops reading a file with far too many rows early; one more than allowed is enough to say so.
      to_line: limits.rows + 2,
      max_record_size: limits.cell * limits.columns * 4,
    }) as string[][];
  } catch (err) {
    const e = err as { lines?: number; message?: string };
    throw new SheetError(issue('csv-syntax', { line: e.lines ?? 0, detail: e.message ?? String(err) }));
  }
  // Reading stopped at the limit: the file has more rows than allowed (empty ones counted).
  if (records.length >= limits.rows + 2) throw new SheetError(issue('too-many-rows', { max: limits.rows }));
  const [headers = [], ...rest] = records;
  return { format: 'csv', delimiter, headers, rows: rest.map((cells, i) => ({ line: i + 2, cells })) };
}

async function readXlsx(data: Buffer, sheetName: string | undefined, limits: SheetLimits): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (err) {
    throw new SheetError(issue('xlsx-unreadable', { detail: err instanceof Error ? err.message : String(err) }));
  }
  const ws = sheetName ? wb.getWorksheet(sheetName) : wb.worksheets[0];
  if (!ws) throw new SheetError(issue('no-worksheet', { name: sheetName ?? '', names: wb.worksheets.map((w) => w.name).join(', ') }));
  if (ws.rowCount > limits.rows + 1) throw new SheetError(issue('too-many-rows', { max: limits.rows }));
  if (ws.columnCount > limits.columns) throw new SheetError(issue('too-many-columns', { max: limits.columns }));
  // A merged header cell would hide a column's name: refuse, naming the merged ranges.
  const headerMerges = ws.model.merges.filter((range) => /^[A-Z]+1(?::[A-Z]+\d+)?$/.test(range));
  if (headerMerges.length) throw new SheetError(issue('merged-header', { cells: headerMerges.join(', ') }));
  const rows: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  }
  const [headers = [], ...rest] = rows;
  return { format: 'xlsx', sheet: ws.name, headers, rows: rest.map((cells, i) => ({ line: i + 2, cells })) };
}

/** A cell's value as the text the import reads: formulas by their cached result, dates as ISO. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace(/\.000Z$/, 'Z');
  }
  if ('richText' in value) return value.richText.map((p) => p.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
  if ('error' in value) return '';
  return '';
}

/**
 * Common checks of both formats: a header, no empty header cell over data (a merged cell in a
 * CSV leaves its other cells empty), trailing empty columns and rows dropped, cell lengths.
 */
function finish(table: Table, limits: SheetLimits): Table {
  const clean = (s: string) => s.replace(/\r\n?/g, '\n');
  let headers = table.headers.map((h) => clean(h).trim());
  while (headers.length && headers[headers.length - 1] === '' && table.rows.every((r) => (r.cells[headers.length - 1] ?? '').trim() === '')) headers = headers.slice(0, -1);
  if (headers.length === 0) throw new SheetError(issue('no-header'));
  if (headers.length > limits.columns) throw new SheetError(issue('too-many-columns', { max: limits.columns }));
  const rows: SheetRow[] = [];
  for (const row of table.rows) {
    const cells = row.cells.map(clean);
    if (cells.every((c) => c.trim() === '')) continue;
    if (rows.length >= limits.rows) throw new SheetError(issue('too-many-rows', { max: limits.rows }));
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c] ?? '';
      if (cell.length > limits.cell) throw new SheetError(issue('cell-too-long', { cell: `${columnLetter(c)}${row.line}`, max: limits.cell, length: cell.length }));
      if (c >= headers.length && cell.trim() !== '') throw new SheetError(issue('cell-outside-header', { cell: `${columnLetter(c)}${row.line}` }));
    }
    rows.push({ line: row.line, cells: cells.slice(0, headers.length) });
  }
  for (let c = 0; c < headers.length; c++) {
    // What Excel writes for a merged header cell: its text once, then empty cells.
    if (headers[c] === '') throw new SheetError(issue('header-empty', { cell: `${columnLetter(c)}1` }));
  }
  for (let c = 0; c < headers.length; c++) if ((headers[c] ?? '').length > 100) throw new SheetError(issue('cell-too-long', { cell: `${columnLetter(c)}1`, max: 100, length: (headers[c] ?? '').length }));
  return { ...table, headers, rows };
}
