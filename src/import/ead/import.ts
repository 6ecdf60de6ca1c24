// EAD import: a finding aid's components become draft items of one institution, saved through
// the workflow like a curator's own drafts, all in ONE transaction: a refused file, a cancel or a
// dry run leaves nothing behind. Identity is the institution's reference code (or, for a
// component without one, the finding aid's id and the component's id or position), so importing
// the same file again changes nothing, and importing a corrected file updates the drafts.
import { createHash } from 'node:crypto';
import { canCurateItem, type Principal } from '../../domain/permissions.ts';
import { validateReferenceCode } from '../../domain/reference-code.ts';
import type { Institution, Item, Lang, LocalizedText } from '../../domain/types.ts';
import { loadCatalogs, makeTranslator, type Translate } from '../../i18n/messages.ts';
import { ValidationError, type ContentChange, type ContentListener } from '../../services/content.ts';
import { Forbidden, WorkflowService } from '../../services/workflow.ts';
import type { Storage } from '../../storage/index.ts';
import { EadRefused, type ComponentIssue } from './errors.ts';
import { becomesItem, captionOf, chooseDate, langTag, mapDaos, mediaTypeOf } from './map.ts';
import { PeopleIndex, personFromName } from './people.ts';
import { readEad, titleOf, type EadComponent, type EadHeader, type EadSource, type EadVersion } from './reader.ts';

export { EadRefused, type ComponentIssue } from './errors.ts';

/** Rights of records whose finding aid states none this site can use: "undetermined". */
export const UNDETERMINED_RIGHTS = 'http://rightsstatements.org/vocab/UND/1.0/';

export interface EadProgress {
  bytesRead: number;
  /** Known when the caller gives the file's size. */
  totalBytes: number | null;
  componentsRead: number;
  itemsCreated: number;
  itemsUpdated: number;
}

export interface EadImportOptions {
  institutionId: string;
  principal: Principal;
  signal?: AbortSignal;
  onProgress?: (p: EadProgress) => void;
  /** Runs the whole import and rolls it back: the report says what would happen. */
  dryRun?: boolean;
  totalBytes?: number;
  /** Rights statement for the new items (a URI this site accepts); "undetermined" by default. */
  rights?: string;
  /** Told of committed changes (people created) after the commit, like the app's listeners. */
  onChange?: ContentListener;
  /** Where the request came from, for the audit log. */
  address?: string | null;
  /** Language of the description when the finding aid does not say; English by default. */
  defaultLang?: Lang;
}

export interface EadImportReport {
  version: EadVersion;
  recordId: string | null;
  title: string | null;
  dryRun: boolean;
  componentsRead: number;
  /** Components that are structure (series and the like), not items. */
  structural: number;
  itemsCreated: number;
  itemsUpdated: number;
  itemsUnchanged: number;
  /** Links from items to people (one per item and person). */
  peopleLinked: number;
  peopleCreated: number;
  media: number;
  links: number;
  /** Components left out, each with its line and why. */
  issues: ComponentIssue[];
  warnings: { line: number; why: string }[];
  /** Ids of the items created or updated, in file order. */
  itemIds: string[];
}

/** Thrown inside the transaction to roll a dry run back; carries the report out. */
class DryRunDone extends Error {
  constructor(readonly report: EadImportReport) {
    super('dry run');
  }
}

/** Warnings kept in a report; more are counted, not listed, so a huge file cannot fill memory. */
const MAX_LISTED = 500;

let catalogs: ReturnType<typeof loadCatalogs> | null = null;
function translatorFor(lang: Lang): Translate {
  catalogs ??= loadCatalogs();
  return makeTranslator(catalogs, [lang]);
}

/** Canonical JSON (sorted keys), to tell whether a re-import changes anything. */
function stable(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) =>
    val && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(Object.entries(val as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : val,
  );
}

function mergeText(cur: LocalizedText, next: LocalizedText): LocalizedText {
  const out: LocalizedText = { ...cur };
  for (const [lang, v] of Object.entries(next)) if (v && cur[lang]?.value !== v.value) out[lang] = v;
  return out;
}

/**
 * What the finding aid says, over what the working copy has: its languages' texts, date, code,
 * people and its own media are the finding aid's; other languages, other media, rights, media
 * type and anything a curator added stay.
 */
function merge(cur: Item, next: Item): Item {
  const nextMedia = new Map(next.media.map((m) => [m.id, m]));
  const media = cur.media.map((m) => {
    const n = nextMedia.get(m.id);
    // Texts keep what the workflow stamped on them (author, source) while their value is the same.
    return n ? { ...n, alt: mergeText(m.alt, n.alt) } : m;
  });
  for (const m of next.media) if (!cur.media.some((c) => c.id === m.id)) media.push(m);
  return {
    ...cur,
    heading: mergeText(cur.heading, next.heading),
    title: mergeText(cur.title, next.title),
    caption: mergeText(cur.caption, next.caption),
    date: next.date ?? cur.date,
    referenceCode: next.referenceCode ?? cur.referenceCode,
    personIds: [...cur.personIds, ...next.personIds.filter((id) => !cur.personIds.includes(id))],
    media,
  };
}

function itemIdOf(institutionId: string, key: string): string {
  return `ead-${createHash('sha256').update(`${institutionId}\n${key}`).digest('hex').slice(0, 24)}`;
}

/** Counts the bytes going through, for progress. */
async function* counting(source: EadSource, onBytes: (n: number) => void): AsyncGenerator<Uint8Array | string> {
  const chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string> = typeof source === 'string' || source instanceof Uint8Array ? [source] : source;
  for await (const chunk of chunks) {
    onBytes(typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength);
    yield chunk;
  }
}

/**
 * Imports an EAD3 or EAD 2002 file (a stream, a buffer or a string) into draft items of
 * `options.institutionId`. Throws EadRefused (with a line) for a file that cannot be trusted,
 * and for a cancel; Forbidden when the principal does not curate the institution.
 */
export async function importEad(storage: Storage, source: EadSource, options: EadImportOptions): Promise<EadImportReport> {
  const p = options.principal;
  if (!canCurateItem(p, options.institutionId)) throw new Forbidden(`you do not curate records of ${options.institutionId}`);
  const institution = await storage.store.getInstitution(options.institutionId);
  if (!institution) throw new EadRefused('institution', `there is no institution ${JSON.stringify(options.institutionId)}`);
  const changes: ContentChange[] = [];
  let version = 0;
  let report: EadImportReport;
  try {
    report = await storage.atomically(async (bound) => {
      const wf = new WorkflowService(bound, (v, c) => {
        version = Math.max(version, v);
        changes.push(...c);
      });
      const r = await run(bound, wf, institution, source, options);
      if (options.dryRun) throw new DryRunDone(r);
      return r;
    });
  } catch (err) {
    if (err instanceof DryRunDone) return err.report;
    throw err;
  }
  if (changes.length) options.onChange?.(version, changes);
  return report;
}

async function run(bound: Storage, wf: WorkflowService, institution: Institution, source: EadSource, options: EadImportOptions): Promise<EadImportReport> {
  const p = options.principal;
  const signal = options.signal;
  const progress: EadProgress = { bytesRead: 0, totalBytes: options.totalBytes ?? null, componentsRead: 0, itemsCreated: 0, itemsUpdated: 0 };
  let lastReport = 0;
  const tell = (force = false) => {
    const now = Date.now();
    if (!options.onProgress || (!force && now - lastReport < 100)) return;
    lastReport = now;
    options.onProgress({ ...progress });
  };
  const cancelled = () => {
    if (signal?.aborted) throw new EadRefused('cancelled', 'the import was cancelled; nothing was saved');
  };

  // What exists already: people by name, records of this institution by reference code.
  const people = new PeopleIndex(await bound.store.getPeople(await bound.store.listPersonIds()));
  const byCode = new Map<string, string>();
  // Every item id in use, so a new record is saved without first being looked for.
  const known = new Set(await bound.store.listItemIds(false));
  for (const item of await bound.store.getItems(await bound.store.itemIdsByInstitution(institution.id, false))) {
    if (item.referenceCode) byCode.set(item.referenceCode, item.id);
  }
  for (const rev of await bound.workspace.openRevisions('item')) {
    const data = rev.data as Partial<Item>;
    known.add(rev.entityId);
    if (data.institutionId === institution.id && data.referenceCode) byCode.set(data.referenceCode, rev.entityId);
  }

  let header: EadHeader | null = null;
  let lang: Lang = options.defaultLang ?? 'en';
  let t: Translate = translatorFor(lang);
  const codesInFile = new Set<string>();
  const report: EadImportReport = {
    version: 'ead3',
    recordId: null,
    title: null,
    dryRun: options.dryRun === true,
    componentsRead: 0,
    structural: 0,
    itemsCreated: 0,
    itemsUpdated: 0,
    itemsUnchanged: 0,
    peopleLinked: 0,
    peopleCreated: 0,
    media: 0,
    links: 0,
    issues: [],
    warnings: [],
    itemIds: [],
  };
  const warn = (line: number, why: string) => {
    if (report.warnings.length < MAX_LISTED) report.warnings.push({ line, why });
  };

  const personIdFor = async (name: EadComponent['names'][number]): Promise<string> => {
    const found = people.find(name);
    if (found) return found;
    const person = personFromName(name, langTag(name.lang) ?? lang, people);
    await wf.savePerson(p, person, options.address ?? null);
    people.add(person);
    report.peopleCreated += 1;
    return person.id;
  };

  const importComponent = async (c: EadComponent) => {
    const where = c.id ?? c.unitids[0]?.text ?? null;
    // Reference code: the first unitid that is not a barcode, checked against the scheme.
    const unitid = c.unitids.find((u) => !/barcode|ark/i.test(u.type ?? '')) ?? c.unitids[0];
    let code: string | null = null;
    let codeNote: string | null = null;
    if (unitid) {
      const checked = validateReferenceCode(institution.scheme, unitid.text);
      if (!checked.ok) {
        report.issues.push({ line: c.line, component: where, why: `the reference code does not fit: ${checked.reason}` });
        return;
      }
      if (codesInFile.has(checked.value)) {
        // Two components with one code (a shelfmark shared by two files): the code identifies
        // only the first; the second keeps it in its caption.
        warn(c.line, `the reference code ${JSON.stringify(checked.value)} is used by an earlier component; this one keeps it in its caption only`);
        codeNote = checked.value;
      } else {
        code = checked.value;
        codesInFile.add(code);
      }
    }
    const key = code ? `code:${code}` : `component:${header?.recordId ?? ''}#${c.id ?? c.path}`;
    const id = (code ? byCode.get(code) : undefined) ?? itemIdOf(institution.id, key);
    const titleLang = langTag(c.titles[0]?.lang) ?? lang;
    const date = chooseDate(c.dates);
    for (const w of date.warnings) warn(w.line, w.why);
    const daos = mapDaos(c.daos, id, titleLang);
    for (const w of daos.warnings) warn(w.line, w.why);
    const heading = titleOf(c) ?? c.ancestors[c.ancestors.length - 1] ?? null;
    if (!heading) {
      report.issues.push({ line: c.line, component: where, why: 'the component has no title, date or identifier to name it by' });
      return;
    }
    const personIds: string[] = [];
    for (const n of c.names) {
      const pid = await personIdFor(n);
      if (!personIds.includes(pid)) personIds.push(pid);
    }
    const title: LocalizedText = { [titleLang]: { value: heading, status: 'reviewed' } };
    const item: Item = {
      id,
      heading: title,
      title: c.titles.length ? title : {},
      caption: captionOf(
        { scope: c.scope, dates: date.display, extents: c.extents, containers: c.containers, ancestors: c.ancestors, links: daos.links, code: codeNote },
        lang,
        t,
      ),
      date: date.edtf,
      institutionId: institution.id,
      referenceCode: code,
      mediaType: mediaTypeOf(daos.media),
      rights: options.rights ?? UNDETERMINED_RIGHTS,
      personIds,
      placeIds: [],
      media: daos.media,
      state: 'draft',
    };
    const copy = known.has(id) ? await wf.item(id) : null;
    try {
      if (!copy) {
        await wf.saveItemDraft(p, item, options.address ?? null);
        known.add(id);
        report.itemsCreated += 1;
        progress.itemsCreated += 1;
      } else {
        const merged = merge(copy.current, item);
        if (stable(merged) === stable(copy.current)) {
          report.itemsUnchanged += 1;
        } else {
          await wf.saveItemDraft(p, merged, options.address ?? null);
          report.itemsUpdated += 1;
          progress.itemsUpdated += 1;
        }
      }
    } catch (err) {
      if (err instanceof ValidationError) {
        report.issues.push({ line: c.line, component: where, why: err.errors.map((e) => `${e.where.replace(/^item [^:]+: /, '')}: ${e.why}`).join('; ') });
        return;
      }
      throw err;
    }
    if (code) byCode.set(code, id);
    report.itemIds.push(id);
    report.peopleLinked += personIds.length;
    report.media += daos.media.length;
    report.links += daos.links.length;
  };

  const counted = counting(source, (n) => {
    progress.bytesRead += n;
  });
  for await (const ev of readEad(counted, signal)) {
    cancelled();
    if (ev.type === 'header') {
      header = ev.header;
      report.version = header.version;
      report.recordId = header.recordId;
      report.title = header.title;
      lang = langTag(header.descriptionLang) ?? lang;
      t = translatorFor(lang);
    } else if (ev.type === 'warning') {
      warn(ev.line, ev.why);
    } else if (ev.type === 'collection') {
      // The collection's own dates are not stored, but a malformed one is worth reporting.
      for (const w of chooseDate(ev.component.dates).warnings) warn(w.line, w.why);
    } else {
      report.componentsRead += 1;
      progress.componentsRead += 1;
      if (becomesItem(ev.component)) await importComponent(ev.component);
      else report.structural += 1;
      tell();
    }
  }
  tell(true);
  // The last moment a cancel can still roll everything back.
  cancelled();
  return report;
}
