// From a read spreadsheet to a plan: for every row the item it creates or changes, cell by cell,
// with every error; then applying the plan in one transaction. Planning writes nothing, so the
// same function is the dry run and the first step of applying (re-planned inside the
// transaction, so the plan applied is the one checked against what is stored at that moment).
//
// Rows are keyed by institution + reference code (rows without a code by `id`), so importing
// the same file again finds every item unchanged and writes nothing.
import { createHash } from 'node:crypto';
import { formatEdtf } from '../../domain/edtf.ts';
import { formatPersonName } from '../../domain/person-name.ts';
import { canAdminister, canCurateExhibition, canCurateItem, ITEM_TEXT_FIELDS, translatorViolations, type Principal } from '../../domain/permissions.ts';
import { normalizeRightsUri, validateRightsUri } from '../../domain/rights.ts';
import type { Exhibition, Institution, Item, LocalizedText, LocalizedValue, MediaType, Person, TextStatus } from '../../domain/types.ts';
import { formKey, latinKey } from '../../search/names.ts';
import { ContentService, itemErrors, type ContentChange, type ContentListener } from '../../services/content.ts';
import { WorkflowService } from '../../services/workflow.ts';
import type { Storage, WorkspaceStore } from '../../storage/index.ts';
import { throwIfCancelled, type ReportProgress } from '../jobs.ts';
import { parseHeader, TEXT_FIELDS, type Column, type Columns, type PlainField } from './columns.ts';
import { toEdtf } from './dates.ts';
import { issue, type Issue } from './issues.ts';
import type { Table } from './read.ts';

export type CellAction = 'create' | 'change' | 'remove' | 'unchanged' | 'error';
export type RowAction = 'create' | 'change' | 'unchanged' | 'error';

export interface CellReport {
  /** Column letter and header, as the spreadsheet shows them. */
  letter: string;
  header: string;
  action: CellAction;
  old: string | null;
  new: string | null;
  issues: Issue[];
}

export interface RowReport {
  /** The row number in the spreadsheet (the header is row 1). */
  line: number;
  itemId: string | null;
  action: RowAction;
  cells: CellReport[];
  /** Issues of the row that no single cell explains (no key, a duplicate row). */
  issues: Issue[];
  /** For confirmation: the date as written, the EDTF made of it and how each language shows it. */
  date: { input: string; edtf: string; display: Record<string, string> } | null;
}

export interface ExhibitionReport {
  id: string;
  action: 'change' | 'unchanged';
}

export interface ImportPlan {
  mode: 'draft' | 'publish';
  languages: string[];
  rows: RowReport[];
  exhibitions: ExhibitionReport[];
  counts: Record<RowAction, number>;
  /** What applying would write: the items, then the exhibitions whose placements change. */
  writes: { items: Item[]; exhibitions: Exhibition[] };
}

export interface PlanOptions {
  /** Write published content directly instead of drafts (administrators only). */
  publish?: boolean;
  signal?: AbortSignal;
  report?: ReportProgress;
}

const MEDIA_TYPES: readonly MediaType[] = ['document', 'photograph', 'film', 'sound'];
const DEFAULT_RIGHTS = 'http://rightsstatements.org/vocab/CNE/1.0/';
const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** JSON with object keys sorted, so that equal content compares equal whatever the key order. */
export function stable(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** An id for a new record keyed by its reference code: readable where the code is, unique always. */
export function deriveId(institutionId: string, code: string): string {
  const slug = code
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const hash = createHash('sha1').update(`${institutionId}\u0000${code}`).digest('hex').slice(0, 8);
  return `${institutionId}-${slug}`.slice(0, 70).replace(/-+$/, '') + `-${hash}`;
}

/** Names under which a person may be written in a cell: each language's forms, and the id. */
function personForms(p: Person): string[] {
  const out = new Set<string>([p.id]);
  for (const [lang, parts] of Object.entries(p.names)) {
    if (!parts) continue;
    out.add(formatPersonName(p.culture, parts, lang));
    out.add(formatPersonName(p.culture, parts, lang, { short: true }));
    const f = parts.family ?? parts.patronymic ?? '';
    const g = parts.given ?? '';
    if (f && g) {
      out.add(`${f} ${g}`);
      out.add(`${g} ${f}`);
    }
  }
  return [...out];
}

/** Looks names up in authority records: exact id, then the same written form, then the same Latin reading in any script. */
class NameIndex {
  private readonly ids = new Set<string>();
  private readonly forms = new Map<string, Set<string>>();
  private readonly latin = new Map<string, Set<string>>();

  constructor(records: { id: string; forms: string[] }[]) {
    const add = (m: Map<string, Set<string>>, k: string | null, id: string) => {
      if (!k) return;
      const s = m.get(k) ?? new Set<string>();
      s.add(id);
      m.set(k, s);
    };
    for (const r of records) {
      this.ids.add(r.id);
      for (const f of r.forms) {
        add(this.forms, formKey(f), r.id);
        add(this.latin, latinKey(f), r.id);
      }
    }
  }

  resolve(name: string): { id: string } | { ambiguous: string[] } | null {
    if (this.ids.has(name)) return { id: name };
    for (const hit of [this.forms.get(formKey(name)), ((k) => (k ? this.latin.get(k) : undefined))(latinKey(name))]) {
      if (!hit || hit.size === 0) continue;
      if (hit.size === 1) return { id: [...hit][0] as string };
      return { ambiguous: [...hit].sort() };
    }
    return null;
  }
}

interface Context {
  p: Principal;
  publish: boolean;
  langs: string[];
  institutions: Map<string, Institution>;
  people: NameIndex;
  places: NameIndex;
  /** What a row is applied to: the working copy (open draft, else live). */
  current: Map<string, Item>;
  live: Map<string, Item>;
  byKey: Map<string, string>;
  exhibitions: Map<string, Exhibition>;
  liveExhibitions: Map<string, Exhibition>;
}

const keyOf = (institutionId: string, code: string) => `${institutionId}\u0000${code}`;

async function loadContext(storage: Storage, p: Principal, table: Table, cols: Columns, publish: boolean, langs: string[]): Promise<Context> {
  const store = storage.store;
  const institutions = new Map((await store.listInstitutions()).map((i) => [i.id, i]));
  const people = await store.getPeople(await store.listPersonIds());
  const places = await store.getPlaces(await store.listPlaceIds());
  const cell = (row: string[], c: Column | undefined) => (c ? (row[c.index] ?? '').trim() : '');
  // Items the sheet can touch: those of the institutions it names and those it names by id.
  const ids = new Set<string>();
  for (const inst of new Set(table.rows.map((r) => cell(r.cells, cols.plain.institution)))) {
    if (institutions.has(inst)) for (const id of await store.itemIdsByInstitution(inst, false)) ids.add(id);
  }
  for (const r of table.rows) {
    const id = cell(r.cells, cols.plain.id);
    if (ID.test(id)) ids.add(id);
  }
  const live = new Map((await store.getItems([...ids])).map((i) => [i.id, i]));
  const current = new Map(live);
  // New items exist only as drafts until approved: they are found too, so a second import matches them.
  for (const rev of await storage.workspace.openRevisions('item')) {
    const data = rev.data as Item;
    // An administrator's direct publication starts from what is published, not from someone's draft.
    if (publish && live.has(rev.entityId)) continue;
    if (ids.has(rev.entityId) || (data.referenceCode !== null && institutions.has(data.institutionId))) current.set(rev.entityId, data);
  }
  const byKey = new Map<string, string>();
  for (const item of current.values()) if (item.referenceCode !== null) byKey.set(keyOf(item.institutionId, item.referenceCode), item.id);
  const exhibitions = new Map<string, Exhibition>();
  const liveExhibitions = new Map<string, Exhibition>();
  const wf = new WorkflowService(storage, () => undefined);
  for (const id of new Set(table.rows.map((r) => cell(r.cells, cols.plain.exhibition)).filter((x) => ID.test(x)))) {
    const copy = await wf.exhibition(id);
    if (!copy) continue;
    exhibitions.set(id, copy.current);
    if (copy.live) liveExhibitions.set(id, copy.live);
  }
  return {
    p,
    publish,
    langs,
    institutions,
    people: new NameIndex(people.map((x) => ({ id: x.id, forms: personForms(x) }))),
    places: new NameIndex(places.map((x) => ({ id: x.id, forms: [x.id, ...Object.values(x.name).flatMap((v) => (v ? [v.value] : []))] }))),
    current,
    live,
    byKey,
    exhibitions,
    liveExhibitions,
  };
}

function textShown(v: LocalizedValue | undefined): string | null {
  return v ? v.value : null;
}

/** Plans the import of `table` by `p`. Writes nothing. */
export async function planImport(storage: Storage, p: Principal, table: Table, options: PlanOptions = {}): Promise<ImportPlan> {
  const publish = options.publish ?? false;
  if (publish && !canAdminister(p)) throw new PublishRefused();
  const langs = (await storage.store.listLanguages()).map((l) => l.tag);
  const cols = parseHeader(table.headers, langs);
  const ctx = await loadContext(storage, p, table, cols, publish, langs);
  const rows: RowReport[] = [];
  const items: Item[] = [];
  /** exhibition id → section id → item ids in row order */
  const placed = new Map<string, Map<string, string[]>>();
  const placedIn = new Map<string, Set<string>>();
  const seenKeys = new Map<string, number>();
  const total = table.rows.length;
  options.report?.({ phase: 'check', done: 0, total });
  for (const [i, row] of table.rows.entries()) {
    if (options.signal) throwIfCancelled(options.signal);
    const r = planRow(ctx, cols, row.cells, row.line, seenKeys);
    rows.push(r.report);
    if (r.item) {
      if (r.report.action === 'create' || r.report.action === 'change') items.push(r.item);
      // Rows with errors keep their place too, so the order reported for the others is right.
      if (r.placement) {
        const sections = placed.get(r.placement.exhibitionId) ?? new Map<string, string[]>();
        sections.set(r.placement.sectionId, [...(sections.get(r.placement.sectionId) ?? []), r.item.id]);
        placed.set(r.placement.exhibitionId, sections);
        placedIn.set(r.placement.exhibitionId, (placedIn.get(r.placement.exhibitionId) ?? new Set()).add(r.item.id));
      }
    }
    if (i % 50 === 49) {
      options.report?.({ done: i + 1 });
      await breathe();
    }
  }
  options.report?.({ done: total });

  // Placements: in each section the sheet places items in, they take the order of the rows;
  // items already there that the sheet does not place elsewhere follow, in their order.
  const exhibitions: ExhibitionReport[] = [];
  const exWrites: Exhibition[] = [];
  for (const [exId, sections] of placed) {
    const base = (publish ? ctx.liveExhibitions.get(exId) : undefined) ?? ctx.exhibitions.get(exId);
    if (!base) continue;
    const moved = placedIn.get(exId) ?? new Set<string>();
    const next: Exhibition = {
      ...base,
      chapters: base.chapters.map((c) => ({
        ...c,
        sections: c.sections.map((s) => {
          const mine = sections.get(s.id) ?? [];
          return { ...s, itemIds: [...mine, ...s.itemIds.filter((id) => !moved.has(id))] };
        }),
      })),
    };
    const against = publish ? ctx.liveExhibitions.get(exId) : base;
    const changed = !against || stable(next.chapters) !== stable(against.chapters);
    const allowed = canCurateExhibition(p, base);
    exhibitions.push({ id: exId, action: changed ? 'change' : 'unchanged' });
    if (changed && allowed) exWrites.push(next);
    // The position a row's item takes is reported on its section cell.
    for (const r of rows) {
      const sec = r.cells.find((c) => c.action !== 'error' && c.letter === cols.plain.section?.letter);
      if (!sec || !r.itemId || !moved.has(r.itemId)) continue;
      const where = placementOf(next, r.itemId);
      const was = placementOf(against ?? base, r.itemId);
      sec.new = where;
      sec.old = was;
      sec.action = was === where ? 'unchanged' : was === null ? 'create' : 'change';
      if (sec.action === 'unchanged') continue;
      if (!allowed) {
        sec.action = 'error';
        sec.issues.push(issue('not-exhibition-curator', { exhibition: exId }));
        r.action = 'error';
      } else if (r.action === 'unchanged') r.action = 'change';
    }
  }
  const counts: Record<RowAction, number> = { create: 0, change: 0, unchanged: 0, error: 0 };
  for (const r of rows) counts[r.action]++;
  return { mode: publish ? 'publish' : 'draft', languages: langs, rows, exhibitions, counts, writes: { items, exhibitions: exWrites } };
}

/** The column that holds a field of the item, for placing an error: "caption@en", "personIds"… */
function columnOfField(cols: Columns, field: string): Column | undefined {
  if (field.includes('@')) return cols.text.get(field);
  const plainName: Record<string, PlainField> = { institutionId: 'institution', referenceCode: 'reference_code', date: 'date', mediaType: 'media_type', rights: 'rights', personIds: 'people', placeIds: 'places', id: 'id' };
  const name = plainName[field];
  return name ? cols.plain[name] : undefined;
}

/**
 * Lets the event loop run (signals, other requests, a cancel) during a long import: SQLite
 * answers synchronously, so without this a whole import would run in one turn of the loop.
 */
function breathe(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function placementOf(ex: Exhibition, itemId: string): string | null {
  for (const c of ex.chapters) {
    for (const s of c.sections) {
      const i = s.itemIds.indexOf(itemId);
      if (i >= 0) return `${c.id} › ${s.id} #${i + 1}`;
    }
  }
  return null;
}

export class PublishRefused extends Error {
  constructor() {
    super('only administrators import straight to published content');
  }
}

interface RowPlan {
  report: RowReport;
  item: Item | null;
  placement: { exhibitionId: string; sectionId: string } | null;
}

function planRow(ctx: Context, cols: Columns, cells: string[], line: number, seenKeys: Map<string, number>): RowPlan {
  const get = (c: Column | undefined) => (c ? (cells[c.index] ?? '').trim() : '');
  const reports = new Map<Column, CellReport>();
  const report = (c: Column): CellReport => {
    let r = reports.get(c);
    if (!r) {
      r = { letter: c.letter, header: c.header, action: 'unchanged', old: null, new: null, issues: [] };
      reports.set(c, r);
    }
    return r;
  };
  const fail = (c: Column | undefined, i: Issue) => {
    if (c) {
      const r = report(c);
      r.action = 'error';
      r.issues.push(i);
    } else rowIssues.push(i);
  };
  const rowIssues: Issue[] = [];
  const plain = cols.plain;

  // ---- which item -----------------------------------------------------------------------
  const instCell = get(plain.institution);
  const code = get(plain.reference_code);
  const idCell = get(plain.id);
  if (instCell && !ctx.institutions.has(instCell)) fail(plain.institution, issue('unknown-institution', { value: instCell }));
  if (idCell && !ID.test(idCell)) fail(plain.id, issue('bad-id', { value: idCell }));
  let base: Item | null = null;
  let id: string | null = null;
  const keyed = instCell && code ? ctx.byKey.get(keyOf(instCell, code)) : undefined;
  if (idCell && ID.test(idCell)) {
    id = idCell;
    base = ctx.current.get(idCell) ?? null;
    if (keyed && keyed !== idCell) fail(plain.id, issue('id-conflict', { id: idCell, other: keyed, code }));
  } else if (!idCell && instCell && code) {
    id = keyed ?? deriveId(instCell, code);
    base = keyed ? (ctx.current.get(keyed) ?? null) : null;
  } else if (!idCell) {
    rowIssues.push(issue('no-key'));
  }
  const dupKey = code && instCell ? `k:${keyOf(instCell, code)}` : id ? `i:${id}` : null;
  if (dupKey) {
    const first = seenKeys.get(dupKey);
    if (first !== undefined) rowIssues.push(issue('duplicate-row', { row: first }));
    else seenKeys.set(dupKey, line);
  }
  if (id === null || rowIssues.length) return { report: { line, itemId: id, action: 'error', cells: [...reports.values()], issues: rowIssues, date: null }, item: null, placement: null };

  const institutionId = instCell || base?.institutionId || '';
  if (!institutionId) fail(plain.institution, issue('no-institution'));

  const next: Item = base
    ? structuredClone(base)
    : { id, heading: {}, title: {}, caption: {}, date: null, institutionId, referenceCode: null, mediaType: 'document', rights: DEFAULT_RIGHTS, personIds: [], placeIds: [], media: [], state: 'draft' };
  next.institutionId = institutionId;
  const compareTo = ctx.publish ? (ctx.live.get(id) ?? null) : base;
  const diff = (c: Column, oldV: string | null, newV: string | null) => {
    const r = report(c);
    if (r.action === 'error') return;
    // An empty cell and an absent value are the same thing.
    r.old = oldV === '' ? null : oldV;
    r.new = newV === '' ? null : newV;
    r.action = r.old === r.new ? 'unchanged' : r.old === null ? 'create' : r.new === null ? 'remove' : 'change';
  };
  if (plain.institution && report(plain.institution).action !== 'error') diff(plain.institution, compareTo?.institutionId ?? null, institutionId);
  if (plain.id && report(plain.id).action !== 'error') diff(plain.id, compareTo?.id ?? null, id);

  // ---- plain fields ---------------------------------------------------------------------
  if (plain.reference_code) {
    next.referenceCode = code || null;
    diff(plain.reference_code, compareTo?.referenceCode ?? null, next.referenceCode);
  }
  let date: RowReport['date'] = null;
  if (plain.date) {
    const written = get(plain.date);
    if (written === '') next.date = null;
    else {
      const r = toEdtf(written);
      if (r.ok) {
        next.date = r.edtf;
        date = { input: written, edtf: r.edtf, display: Object.fromEntries(ctx.langs.map((l) => [l, formatEdtf(r.edtf, l)])) };
      } else fail(plain.date, issue('date', { detail: r.reason }));
    }
    diff(plain.date, compareTo?.date ?? null, next.date);
  }
  if (plain.media_type) {
    const v = get(plain.media_type).toLowerCase();
    if (v !== '') {
      if ((MEDIA_TYPES as readonly string[]).includes(v)) next.mediaType = v as MediaType;
      else fail(plain.media_type, issue('media-type', { value: v, allowed: MEDIA_TYPES.join(', ') }));
    }
    diff(plain.media_type, compareTo?.mediaType ?? null, next.mediaType);
  }
  if (plain.rights) {
    const v = get(plain.rights);
    if (v !== '') {
      const ok = validateRightsUri(v);
      const canonical = ok.ok ? ok.value : normalizeRightsUri(v);
      if (canonical) next.rights = canonical;
      else fail(plain.rights, issue('rights', { detail: ok.ok ? '' : ok.reason }));
    }
    diff(plain.rights, compareTo?.rights ?? null, next.rights);
  }
  for (const [field, index, key] of [
    ['people', ctx.people, 'personIds'],
    ['places', ctx.places, 'placeIds'],
  ] as const) {
    const c = plain[field];
    if (!c) continue;
    const names = get(c)
      .split(/[;；]/)
      .map((s) => s.trim())
      .filter(Boolean);
    const ids: string[] = [];
    for (const name of names) {
      const hit = index.resolve(name);
      if (!hit) fail(c, issue(field === 'people' ? 'unknown-person' : 'unknown-place', { name }));
      else if ('ambiguous' in hit) fail(c, issue('ambiguous-name', { name, ids: hit.ambiguous.join(', ') }));
      else if (!ids.includes(hit.id)) ids.push(hit.id);
    }
    next[key] = ids;
    diff(c, compareTo ? compareTo[key].join('; ') : null, ids.join('; ') || null);
  }

  // ---- text per language ----------------------------------------------------------------
  const statusOf = new Map<string, TextStatus | ''>();
  for (const [lang, c] of cols.status) {
    const v = get(c).toLowerCase();
    if (v === '' || v === 'draft' || v === 'reviewed') statusOf.set(lang, v as TextStatus | '');
    else fail(c, issue('status', { value: v }));
  }
  const statusChanged = new Map<string, { old: string[]; new: string[] }>();
  for (const field of TEXT_FIELDS) {
    const out: LocalizedText = { ...next[field] };
    for (const lang of ctx.langs) {
      const c = cols.text.get(`${field}@${lang}`);
      if (!c) continue;
      const v = get(c);
      const before = next[field][lang];
      const status = statusOf.get(lang) ?? '';
      if (v === '') delete out[lang];
      else if (before && before.value === v) out[lang] = status && status !== before.status ? { ...before, status } : before;
      else out[lang] = { value: v, status: status || 'draft' };
      const old = compareTo?.[field][lang];
      diff(c, textShown(old), textShown(out[lang]));
      if (old && out[lang] && old.value === out[lang].value && old.status !== out[lang].status) {
        const s = statusChanged.get(lang) ?? { old: [], new: [] };
        s.old.push(old.status);
        s.new.push(out[lang].status);
        statusChanged.set(lang, s);
      }
    }
    next[field] = out;
  }
  for (const [lang, c] of cols.status) {
    const s = statusChanged.get(lang);
    const r = report(c);
    if (r.action === 'error') continue;
    r.new = statusOf.get(lang) || null;
    if (s) {
      r.action = 'change';
      r.old = [...new Set(s.old)].join(', ');
      r.new = [...new Set(s.new)].join(', ');
    }
  }

  // ---- placement ------------------------------------------------------------------------
  let placement: RowPlan['placement'] = null;
  const exCell = get(plain.exhibition);
  const chCell = get(plain.chapter);
  const secCell = get(plain.section);
  if (exCell || chCell || secCell) {
    const ex = ctx.exhibitions.get(exCell);
    if (!exCell) fail(plain.exhibition ?? plain.section, issue('placement-incomplete'));
    else if (!ex) fail(plain.exhibition, issue('unknown-exhibition', { value: exCell }));
    else if (!secCell) fail(plain.section ?? plain.exhibition, issue('placement-incomplete'));
    else {
      const chapters = chCell ? ex.chapters.filter((c) => c.id === chCell || c.slug === chCell) : ex.chapters;
      if (chCell && chapters.length === 0) fail(plain.chapter, issue('unknown-chapter', { value: chCell, exhibition: ex.id, known: ex.chapters.map((c) => c.id).join(', ') }));
      else {
        const section = chapters.flatMap((c) => c.sections).find((s) => s.id === secCell);
        if (!section) fail(plain.section, issue('unknown-section', { value: secCell, known: chapters.flatMap((c) => c.sections.map((s) => s.id)).join(', ') }));
        else placement = { exhibitionId: ex.id, sectionId: section.id };
      }
    }
  }

  // ---- the domain's own rules ---------------------------------------------------------------
  if (ctx.institutions.has(institutionId)) {
    for (const e of itemErrors(next, ctx.institutions.get(institutionId))) {
      const field = e.where.split(': ').pop() ?? '';
      const col: Column | undefined =
        field === 'referenceCode'
          ? plain.reference_code
          : field === 'date'
            ? plain.date
            : field === 'rights'
              ? plain.rights
              : field === 'institutionId'
                ? plain.institution
                : field === 'heading'
                  ? [...cols.text.values()].find((c) => c.field === 'heading')
                  : plain.id;
      if (col && report(col).action === 'error') continue;
      fail(col, issue(field === 'referenceCode' ? 'reference-code' : 'invalid', { detail: e.why, field }));
    }
  }

  // A row that changes nothing needs no permission: a curator may re-import a whole chapter
  // export in which only their own institution's rows were edited.
  let changes: boolean;
  if (ctx.publish) {
    const live = ctx.live.get(id);
    changes = !live || stable({ ...next, state: 'published' }) !== stable(live);
  } else changes = !base || stable(next) !== stable(base);
  if (changes) {
    const insts = [...new Set([institutionId, base?.institutionId ?? institutionId])].filter((i) => i && ctx.institutions.has(i));
    const denied = insts.filter((inst) => !canCurateItem(ctx.p, inst));
    if (denied.length && base && base.institutionId === institutionId && ctx.p.translatorOf.length > 0) {
      // A translator's sheet may change text in their languages, and nothing else.
      for (const v of translatorViolations(ctx.p, base, next, ITEM_TEXT_FIELDS)) {
        fail(columnOfField(cols, v.field), issue('translator-only', { field: v.field, langs: ctx.p.translatorOf.join(', ') }));
      }
    } else {
      for (const inst of denied) fail(plain.institution, issue('not-curator', { institution: inst }));
    }
  }
  // Every column gets a cell in the report; those no rule looked at show what they hold.
  const cellsOut = cols.list.map((c) => reports.get(c) ?? { ...report(c), new: get(c) || null });
  const errored = rowIssues.length > 0 || cellsOut.some((c) => c.action === 'error');
  const action: RowAction = errored ? 'error' : !changes ? 'unchanged' : (ctx.publish ? !ctx.live.has(id) : !base) ? 'create' : 'change';
  return { report: { line, itemId: id, action, cells: cellsOut, issues: rowIssues, date }, item: next, placement };
}

// ---- applying ---------------------------------------------------------------------------------

export interface ApplyOptions extends PlanOptions {
  /** Told of committed content changes after the commit (the app's cache and search listeners). */
  notify?: ContentListener;
  address?: string | null;
}

export class PlanHasErrors extends Error {
  constructor(readonly plan: ImportPlan) {
    super(`${plan.counts.error} row(s) have errors; nothing was imported`);
  }
}

/**
 * Plans and applies in one transaction: every item and placement lands, or none does (an
 * error in any row, a cancel, a failure half-way). A curator's import saves drafts through the
 * workflow; an administrator's `publish` import writes published content, with revisions for
 * history. Unchanged rows write nothing.
 */
export async function applyImport(storage: Storage, p: Principal, table: Table, options: ApplyOptions = {}): Promise<ImportPlan> {
  const changes: ContentChange[] = [];
  let version = 0;
  const collect: ContentListener = (v, c) => {
    version = Math.max(version, v);
    changes.push(...c);
  };
  const plan = await storage.atomically(async (bound) => {
    const plan = await planImport(bound, p, table, options);
    if (plan.counts.error > 0) throw new PlanHasErrors(plan);
    const total = plan.writes.items.length + plan.writes.exhibitions.length;
    let done = 0;
    options.report?.({ phase: 'apply', done, total });
    const step = async () => {
      if (options.signal) throwIfCancelled(options.signal);
      options.report?.({ done: ++done });
      if (done % 10 === 0) await breathe();
    };
    const address = options.address ?? null;
    if (plan.mode === 'draft') {
      const wf = new WorkflowService(bound, collect);
      for (const item of plan.writes.items) {
        if (options.signal) throwIfCancelled(options.signal);
        await wf.saveItemDraft(p, item, address);
        await step();
      }
      for (const ex of plan.writes.exhibitions) {
        if (options.signal) throwIfCancelled(options.signal);
        await wf.saveExhibitionDraft(p, ex, address);
        await step();
      }
    } else {
      const content = new ContentService(bound.store, collect);
      for (const item of plan.writes.items) {
        if (options.signal) throwIfCancelled(options.signal);
        const published = { ...item, state: 'published' as const };
        const live = await bound.store.getItem(item.id);
        await content.saveItem(published);
        await recordPublished(bound.workspace, p, 'item', item.id, live, published, address);
        await step();
      }
      for (const ex of plan.writes.exhibitions) {
        if (options.signal) throwIfCancelled(options.signal);
        const live = await bound.store.getExhibition(ex.id);
        const position = (await bound.store.listExhibitionIds(false)).indexOf(ex.id);
        await content.saveExhibition(ex, Math.max(0, position));
        await recordPublished(bound.workspace, p, 'exhibition', ex.id, live, ex, address);
        await step();
      }
    }
    // The last moment a cancel can still undo everything.
    if (options.signal) throwIfCancelled(options.signal);
    return plan;
  });
  if (changes.length) options.notify?.(version, changes);
  return plan;
}

/** A direct publication keeps the history readable: the state before, the new one, an audit entry. */
async function recordPublished(workspace: WorkspaceStore, p: Principal, entity: string, id: string, live: unknown, data: unknown, address: string | null): Promise<void> {
  if (live !== null && (await workspace.revisionsOf(entity, id)).length === 0) {
    await workspace.addRevision({ entity, entityId: id, state: 'approved', data: live, authorId: null, comment: 'as it was before the first edit in the workspace' });
  }
  await workspace.supersedeOpen(entity, id);
  const rev = await workspace.addRevision({ entity, entityId: id, state: 'approved', data, authorId: p.userId, comment: 'spreadsheet import' });
  await workspace.audit({ userId: p.userId, action: 'import', detail: { entity, id, rev: rev.rev, source: 'spreadsheet' }, address });
}

export type { PlainField };
