// Exchange of translations as XLIFF: export the texts of an exhibition (or a chapter, or some
// records) in one language; import a translated file back as workflow drafts, checked unit by
// unit and written in one transaction.
import { canAdminister, canCurateExhibition, canCurateItem, canEditAuthorities, type Principal } from '../domain/permissions.ts';
import type { Exhibition, Item, Lang, LocalizedText } from '../domain/types.ts';
import { loadCatalogs, makeTranslator, type Catalog, type MessageValues, type Translate } from '../i18n/messages.ts';
import type { Storage } from '../storage/index.ts';
import { decodeUnitId, encodeGroupId, encodeUnitId, sourceFingerprint, unwritableChar, type UnitState, type XliffDocument, type XliffEntry, type XliffFile, type XliffVersion } from '../xliff/model.ts';
import { readXliff, XliffParseError, type ReadDocument, type XliffRefused } from '../xliff/read.ts';
import { writeXliff } from '../xliff/write.ts';
import type { ContentChange, ContentListener } from './content.ts';
import { listTranslationUnits, withFieldText, workingExhibition, workingItems, type TranslationUnit } from './translation.ts';
import { WorkflowService } from './workflow.ts';

/** Longest text one unit may bring: the limit WorkflowService.saveTranslation keeps too. */
export const MAX_TEXT_CHARS = 100_000;

/** A problem with a message key in locales/*\/xliff.json ("xliff.error.<code>") and its values. */
export interface XliffProblem {
  code: string;
  values: MessageValues;
}

/** The scope or options of an export cannot be served (unknown exhibition, chapter, record…). */
export class XliffScopeError extends Error {
  constructor(readonly problem: XliffProblem) {
    super(`${problem.code} ${JSON.stringify(problem.values)}`);
  }
}

export interface ExportRequest {
  exhibitionId: string;
  lang: Lang;
  version: XliffVersion;
  /** Only this chapter (its texts, sections and records). */
  chapterId?: string;
  /** Only these records (in visitor order; each must be in the exhibition, and in the chapter if one is given). */
  itemIds?: string[];
}

export interface ExportResult {
  xml: string;
  filename: string;
  units: number;
  /** Units per state, e.g. { outdated: 2, missing: 5 }. */
  states: Record<UnitState, number>;
}

export type UnitOutcome = 'apply' | 'unchanged' | 'skipped' | 'error';

export interface UnitReport {
  id: string;
  line: number;
  column: number;
  /** "record goodwill-mission-1971 · caption", for people reading the report. */
  label: string;
  outcome: UnitOutcome;
  /** Why a unit is unchanged or skipped. */
  reason?: 'same' | 'stillOutdated' | 'empty' | 'notTranslatable';
  errors: XliffProblem[];
  /** True once the unit's change is committed. */
  applied: boolean;
}

export interface ImportReport {
  version: XliffVersion;
  exhibitionId: string | null;
  lang: Lang | null;
  sourceLang: Lang | null;
  /** Problems with the file as a whole: nothing is applied when there are any. */
  fileErrors: XliffProblem[];
  units: UnitReport[];
  /** Ids of the units whose changes were written. */
  applied: string[];
  /** True when changes were written (false for a dry run, a refused import or nothing to do). */
  committed: boolean;
  dryRun: boolean;
}

export interface ImportOptions {
  user: Principal;
  /** The language the user means to import; units in another language are errors. */
  lang?: Lang;
  /** The exhibition the file belongs to; otherwise read from the file. */
  exhibitionId?: string;
  /** Apply the valid units even when others have errors (otherwise all or nothing). */
  applyValid?: boolean;
  /** Check and report only. */
  dryRun?: boolean;
  address?: string | null;
}

// ---- messages -----------------------------------------------------------------------------------

let catalogs: Map<Lang, Catalog> | null = null;

/** A translator for notes and reports in `lang` (falling back to English). */
export function xliffTranslator(lang: Lang): Translate {
  catalogs ??= loadCatalogs();
  return makeTranslator(catalogs, [lang]);
}

export function problemText(t: Translate, p: XliffProblem): string {
  return t(`xliff.error.${p.code}`, p.values);
}

/** Why a file was refused, in the reader's language, with its place in the file when known. */
export function refusalText(t: Translate, err: XliffRefused): string {
  const why = t(`xliff.refused.${err.code}`, err.values);
  return err instanceof XliffParseError ? t('xliff.refused.at', { line: err.line, column: err.column, why }) : why;
}

/** Every field may be written by whoever curates its record, and by translators into `lang`. */
function mayWrite(p: Principal, u: TranslationUnit, lang: Lang, ex: Exhibition, items: ReadonlyMap<string, Item>): boolean {
  if (p.translatorOf.includes(lang)) return true;
  switch (u.entity) {
    case 'item':
      return canCurateItem(p, items.get(u.id)?.institutionId ?? '');
    case 'exhibition':
    case 'chapter':
    case 'section':
      return canCurateExhibition(p, ex);
    case 'person':
    case 'place':
      return canEditAuthorities(p);
    default:
      return canAdminister(p);
  }
}

// ---- the service ------------------------------------------------------------------------------

export class XliffService {
  constructor(
    private readonly storage: Storage,
    /** Told of committed content changes after the import's transaction (the app's listeners). */
    private readonly notify: ContentListener = () => undefined,
  ) {}

  async export(req: ExportRequest): Promise<ExportResult> {
    const ex = await workingExhibition(this.storage, req.exhibitionId);
    if (!ex) throw new XliffScopeError({ code: 'unknownExhibition', values: { id: req.exhibitionId } });
    const langs = await this.storage.store.listLanguages();
    const target = langs.find((l) => l.tag === req.lang);
    if (!target) throw new XliffScopeError({ code: 'langNotConfigured', values: { lang: req.lang, langs: langs.map((l) => l.tag).join(', ') } });
    if (req.lang === ex.sourceLang) throw new XliffScopeError({ code: 'langIsSource', values: { lang: req.lang } });
    const chapter = req.chapterId === undefined ? null : ex.chapters.find((c) => c.id === req.chapterId);
    if (chapter === undefined) throw new XliffScopeError({ code: 'unknownChapter', values: { id: req.chapterId ?? '', exhibition: ex.id } });
    const inScope = new Set(ex.chapters.filter((c) => !chapter || c.id === chapter.id).flatMap((c) => c.sections.flatMap((s) => s.itemIds)));
    if (req.itemIds) {
      const outside = req.itemIds.filter((id) => !inScope.has(id));
      if (outside.length) throw new XliffScopeError({ code: 'itemsOutside', values: { ids: outside.join(', '), scope: chapter?.id ?? ex.id } });
    }
    const wanted = req.itemIds ? new Set(req.itemIds) : null;
    const all = (await listTranslationUnits(this.storage, ex.id, req.lang)) ?? [];
    const units = all.filter((u) => {
      // A field without source text has nothing to translate from.
      if (u.state === 'source' || !u.source || u.source.value === '') return false;
      if (wanted) return u.entity === 'item' && wanted.has(u.id);
      return !chapter || u.chapterId === chapter.id;
    });
    if (units.length === 0) throw new XliffScopeError({ code: 'nothingToTranslate', values: {} });

    const t = xliffTranslator(req.lang);
    const chapterTitle = new Map(ex.chapters.map((c) => [c.id, c.title[ex.sourceLang]?.value ?? c.id]));
    const states: Record<UnitState, number> = { missing: 0, draft: 0, outdated: 0, reviewed: 0 };
    // One <file> per chapter (values first met there) and one for the exhibition-wide values;
    // inside, one <group> per record, so a tool shows each record's fields together.
    const files = new Map<string, XliffFile>();
    for (const u of units) {
      const state = u.state as UnitState;
      states[state]++;
      const fileKey = u.chapterId ?? '';
      let file = files.get(fileKey);
      if (!file) {
        file = u.chapterId
          ? { id: encodeGroupId('chapter', u.chapterId), original: `exhibition/${ex.id}/chapter/${u.chapterId}`, entries: [] }
          : { id: encodeGroupId('exhibition', ex.id), original: `exhibition/${ex.id}`, entries: [] };
        files.set(fileKey, file);
      }
      const groupId = encodeGroupId(u.entity, u.id);
      let group = file.entries.find((e): e is Extract<XliffEntry, { kind: 'group' }> => e.kind === 'group' && e.id === groupId);
      if (!group) {
        group = { kind: 'group', id: groupId, name: `${u.entity} ${u.id}`, entries: [] };
        file.entries.push(group);
      }
      const where = { entity: t(`xliff.entity.${u.entity}`), id: u.id, field: t(`xliff.field.${u.field}`) };
      const notes: { text: string; category: 'location' | 'outdated' }[] = [
        { category: 'location', text: u.chapterId ? t('xliff.note.locationInChapter', { ...where, chapter: chapterTitle.get(u.chapterId) ?? u.chapterId }) : t('xliff.note.location', where) },
      ];
      const current = u.translation;
      if (state === 'outdated' && current?.source !== undefined) notes.push({ category: 'outdated', text: t('xliff.note.outdated', { was: current.source }) });
      const source = u.source?.value ?? '';
      group.entries.push({
        kind: 'unit',
        id: encodeUnitId(u),
        name: u.field,
        source,
        ...(current && current.value !== '' ? { target: current.value } : {}),
        state,
        fingerprint: sourceFingerprint(source),
        notes,
      });
    }
    const source = langs.find((l) => l.tag === ex.sourceLang);
    const doc: XliffDocument = { srcLang: ex.sourceLang, trgLang: req.lang, ...(source ? { srcDir: source.dir } : {}), trgDir: target.dir, files: [...files.values()] };
    const xml = writeXliff(doc, req.version);
    const scope = wanted ? 'records' : (chapter?.id ?? 'all');
    return { xml, filename: `${ex.id}-${scope}-${req.lang}.xliff${req.version === '2.0' ? '20' : '12'}.xlf`, units: units.length, states };
  }

  /**
   * Reads `input` (refusing it whole when it is not a readable XLIFF file: `XliffRefused`),
   * checks every unit, and writes the valid changes as drafts in one transaction: all of them
   * when every unit is valid, only the valid ones with `applyValid`, none otherwise.
   */
  async import(input: Buffer | string, opts: ImportOptions): Promise<ImportReport> {
    const doc = readXliff(input);
    const changes: ContentChange[] = [];
    let version = 0;
    const report = await this.storage.atomically(async (bound) => {
      // Services on the bound storage join its transaction; listeners hear only after the commit.
      const wf = new WorkflowService(bound, (v, c) => {
        version = v;
        changes.push(...c);
      });
      const plan = await this.plan(bound, doc, opts);
      const r = plan.report;
      const blocked = r.fileErrors.length > 0 || (!opts.applyValid && r.units.some((u) => u.outcome === 'error'));
      if (blocked || opts.dryRun || plan.apply.length === 0) return r;
      await this.apply(wf, plan, opts);
      const ids = new Set(plan.apply.map((a) => encodeUnitId(a.unit)));
      for (const u of r.units) if (ids.has(u.id)) u.applied = true;
      return { ...r, applied: [...ids], committed: true };
    });
    if (changes.length) this.notify(version, changes);
    return report;
  }

  private async plan(bound: Storage, doc: ReadDocument, opts: ImportOptions): Promise<Plan> {
    const fileErrors: XliffProblem[] = [];
    const report: ImportReport = { version: doc.version, exhibitionId: null, lang: null, sourceLang: null, fileErrors, units: [], applied: [], committed: false, dryRun: opts.dryRun ?? false };
    const none: Plan = { report, apply: [], ex: null, items: new Map(), lang: '' };

    // Which exhibition: the one asked for, else the one every file's `original` names.
    const named = new Set(doc.originals.map((o) => /^exhibition\/([^/]+)/.exec(o)?.[1]).filter((x): x is string => x !== undefined));
    let exhibitionId = opts.exhibitionId ?? null;
    if (exhibitionId === null) {
      if (named.size > 1) fileErrors.push({ code: 'mixedExhibitions', values: { ids: [...named].join(', ') } });
      else if (named.size === 0) fileErrors.push({ code: 'noExhibition', values: {} });
      else exhibitionId = [...named][0] ?? null;
    } else if (named.size > 0 && !named.has(exhibitionId)) {
      fileErrors.push({ code: 'otherExhibition', values: { file: [...named].join(', '), id: exhibitionId } });
    }
    if (exhibitionId === null || fileErrors.length) return none;
    const ex = await workingExhibition(bound, exhibitionId);
    if (!ex) {
      fileErrors.push({ code: 'unknownExhibition', values: { id: exhibitionId } });
      return none;
    }
    report.exhibitionId = ex.id;
    report.sourceLang = ex.sourceLang;

    const lang = opts.lang ?? doc.trgLang;
    const configured = (await bound.store.listLanguages()).map((l) => l.tag);
    if (!lang) fileErrors.push({ code: 'noTargetLang', values: {} });
    else if (!configured.includes(lang)) fileErrors.push({ code: 'langNotConfigured', values: { lang, langs: configured.join(', ') } });
    else if (lang === ex.sourceLang) fileErrors.push({ code: 'langIsSource', values: { lang } });
    if (!lang || fileErrors.length) return none;
    report.lang = lang;

    const listed = new Map(((await listTranslationUnits(bound, ex.id, lang)) ?? []).map((u) => [encodeUnitId(u), u]));
    const itemIds = [...listed.values()].filter((u) => u.entity === 'item').map((u) => u.id);
    const items = await workingItems(bound, [...new Set(itemIds)]);
    const p = opts.user;
    const seen = new Set<string>();
    const apply: PlannedChange[] = [];
    for (const u of doc.units) {
      const errors: XliffProblem[] = [];
      const ref = decodeUnitId(u.id);
      const row: UnitReport = { id: u.id, line: u.line, column: u.column, label: ref ? `${ref.entity} ${ref.id} · ${ref.field}` : u.id, outcome: 'error', errors, applied: false };
      report.units.push(row);
      if (seen.has(u.id)) {
        errors.push({ code: 'duplicate', values: { id: u.id } });
        continue;
      }
      seen.add(u.id);
      if (!u.translate) {
        row.outcome = 'skipped';
        row.reason = 'notTranslatable';
        continue;
      }
      if (!ref) {
        errors.push({ code: 'unknownId', values: { id: u.id } });
        continue;
      }
      const unit = listed.get(u.id);
      if (!unit) {
        errors.push({ code: 'notInExhibition', values: { id: u.id, exhibition: ex.id } });
        continue;
      }
      errors.push(...u.problems);
      if (u.sourceLang.toLowerCase() !== ex.sourceLang.toLowerCase()) errors.push({ code: 'wrongSourceLang', values: { file: u.sourceLang, lang: ex.sourceLang } });
      if (u.targetLang !== null && u.targetLang !== lang) errors.push({ code: 'wrongTargetLang', values: { unit: u.targetLang, lang } });
      const source = unit.source?.value ?? '';
      // Without a fingerprint (a tool dropped it) the source text in the file stands in for it.
      const exported = u.fingerprint ?? sourceFingerprint(u.source);
      if (source === '') errors.push({ code: 'noSource', values: { lang: ex.sourceLang } });
      else if (sourceFingerprint(source) !== exported) errors.push({ code: 'sourceChanged', values: { lang: ex.sourceLang, now: source } });
      if (!mayWrite(p, unit, lang, ex, items)) errors.push({ code: 'forbidden', values: { lang, langs: p.translatorOf.join(', ') || '–' } });
      // As the editing forms do: line ends normalised, outer white space trimmed.
      const target = u.target === null ? '' : u.target.replace(/\r\n?/g, '\n').trim();
      if (target.length > MAX_TEXT_CHARS) errors.push({ code: 'tooLong', values: { length: target.length, max: MAX_TEXT_CHARS } });
      const bad = unwritableChar(target);
      if (bad) errors.push({ code: 'badChar', values: { char: bad } });
      if (errors.length) continue;

      const decided = decide(unit, target);
      if (decided !== 'apply') {
        row.outcome = decided === 'empty' ? 'skipped' : 'unchanged';
        row.reason = decided;
        continue;
      }
      row.outcome = 'apply';
      apply.push({ unit, value: target });
    }
    return { report, apply, ex, items, lang };
  }

  /** Writes the planned values as drafts: one revision per item and one for the exhibition. */
  private async apply(wf: WorkflowService, plan: Plan, opts: ImportOptions): Promise<void> {
    const { lang } = plan;
    if (!plan.ex) return;
    const address = opts.address ?? null;
    const next = (u: TranslationUnit, value: string): LocalizedText => ({ ...u.text, [lang]: { value, status: 'draft' } });
    let ex = plan.ex;
    let exChanged = false;
    const items = new Map<string, Item>();
    for (const c of plan.apply) {
      const u = c.unit;
      if (u.entity === 'item') {
        const item = items.get(u.id) ?? plan.items.get(u.id);
        if (item) items.set(u.id, withFieldText('item', item, u.id, u.field, next(u, c.value)));
      } else if (u.entity === 'exhibition' || u.entity === 'chapter' || u.entity === 'section') {
        ex = withFieldText(u.entity, ex, u.id, u.field, next(u, c.value));
        exChanged = true;
      } else {
        // People, places, institutions and site pages are saved at once, as their forms do.
        await wf.saveTranslation(opts.user, { entity: u.entity, id: u.id, field: u.field }, lang, c.value, address);
      }
    }
    // WorkflowService checks permissions again and stamps each new value with its source text.
    if (exChanged) await wf.saveExhibitionDraft(opts.user, ex, address);
    for (const item of items.values()) await wf.saveItemDraft(opts.user, item, address);
  }
}

interface PlannedChange {
  unit: TranslationUnit;
  value: string;
}

interface Plan {
  report: ImportReport;
  apply: PlannedChange[];
  ex: Exhibition | null;
  items: Map<string, Item>;
  lang: Lang;
}

/**
 * What one valid unit does. A changed text is a new translation, saved as a draft (review
 * happens in the workspace, whatever state the file gives). The same text as now changes
 * nothing; an outdated translation stays outdated until its text changes or a reviewer
 * confirms it.
 */
export function decide(unit: Pick<TranslationUnit, 'translation' | 'state'>, target: string): 'apply' | 'empty' | 'same' | 'stillOutdated' {
  if (target === '') return 'empty';
  if (unit.translation?.value !== target) return 'apply';
  return unit.state === 'outdated' ? 'stillOutdated' : 'same';
}
