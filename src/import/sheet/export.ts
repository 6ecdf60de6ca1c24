// Writing items to a spreadsheet in exactly the columns the import reads, so that an export
// imports back unchanged. Exports show the working copies (open drafts, else what is
// published), which is what an import compares against.
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Exhibition, Item, Lang } from '../../domain/types.ts';
import { WorkflowService } from '../../services/workflow.ts';
import type { Storage } from '../../storage/index.ts';
import { throwIfCancelled, type ReportProgress } from '../jobs.ts';
import { allHeaders, TEXT_FIELDS } from './columns.ts';

export interface ExportSelection {
  exhibitionId: string;
  /** One chapter (id or slug); all chapters when absent. */
  chapterId?: string;
}

export class ExportError extends Error {}

/** One row per item, headers first. */
export async function exportRows(storage: Storage, sel: ExportSelection, options: { signal?: AbortSignal; report?: ReportProgress } = {}): Promise<string[][]> {
  const langs = (await storage.store.listLanguages()).map((l) => l.tag);
  const wf = new WorkflowService(storage, () => undefined);
  const ex = (await wf.exhibition(sel.exhibitionId))?.current;
  if (!ex) throw new ExportError(`no exhibition "${sel.exhibitionId}"`);
  const chapters = sel.chapterId ? ex.chapters.filter((c) => c.id === sel.chapterId || c.slug === sel.chapterId) : ex.chapters;
  if (chapters.length === 0) throw new ExportError(`no chapter "${sel.chapterId ?? ''}" in exhibition "${ex.id}"`);
  const placed = chapters.flatMap((c) => c.sections.flatMap((s) => s.itemIds.map((id) => ({ chapter: c.id, section: s.id, id }))));
  const rows: string[][] = [allHeaders(langs)];
  options.report?.({ phase: 'export', done: 0, total: placed.length });
  const seen = new Set<string>();
  for (const [i, p] of placed.entries()) {
    if (options.signal) throwIfCancelled(options.signal);
    // An item placed twice is written once, at its first place: one row per item.
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    const item = (await wf.item(p.id))?.current;
    if (!item) continue;
    rows.push(itemRow(item, langs, ex, p.chapter, p.section));
    options.report?.({ done: i + 1 });
  }
  return rows;
}

function itemRow(item: Item, langs: readonly Lang[], ex: Exhibition, chapter: string, section: string): string[] {
  const text = TEXT_FIELDS.flatMap((f) => langs.map((l) => item[f][l]?.value ?? ''));
  // A language's status is written when all its texts agree; an empty cell keeps each as it is.
  const status = langs.map((l) => {
    const s = new Set(TEXT_FIELDS.flatMap((f) => (item[f][l] ? [item[f][l].status] : [])));
    return s.size === 1 ? ([...s][0] ?? '') : '';
  });
  return [
    item.institutionId,
    item.referenceCode ?? '',
    item.id,
    ...text,
    item.date ?? '',
    item.mediaType,
    item.rights,
    item.personIds.join('; '),
    item.placeIds.join('; '),
    ex.id,
    chapter,
    section,
    ...status,
  ];
}

/** CSV as Excel opens it right: UTF-8 with a BOM, CRLF line ends, every field quoted when needed. */
export function toCsv(rows: readonly string[][]): Buffer {
  const body = stringify(rows as string[][], { record_delimiter: '\r\n' });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]);
}

/** XLSX with every cell as text (so Excel does not turn "1972-02" or "2019-0197" into a date or a number). */
export async function toXlsx(rows: readonly string[][], sheetName = 'items'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const row of rows) ws.addRow(row);
  const width = rows[0]?.length ?? 0;
  for (let c = 1; c <= width; c++) {
    const col = ws.getColumn(c);
    col.numFmt = '@';
    col.width = Math.min(60, Math.max(12, ...rows.slice(0, 50).map((r) => Math.min(60, (r[c - 1] ?? '').length + 2))));
  }
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
