// Editing with review: every save is a revision; items and exhibitions reach visitors only
// when a reviewer approves a submitted revision, and then atomically.
import {
  canAdminister,
  canCurateExhibition,
  canCurateItem,
  canEditAuthorities,
  canEditExhibition,
  canEditItem,
  canReadDrafts,
  canReview,
  ITEM_TEXT_FIELDS,
  translatorViolations,
  type Principal,
  type Violation,
} from '../domain/permissions.ts';
import { diffSnapshots, type FieldChange } from '../domain/revision-diff.ts';
import { confirmTranslation, type TextRef } from '../domain/translation.ts';
import type { Exhibition, Institution, Item, Lang, LanguageConfig, LocalizedText, Person, Place, SitePage } from '../domain/types.ts';
import type { Revision, Storage, WorkspaceStore } from '../storage/index.ts';
import { ContentService, itemErrors, ValidationError, type ContentChange, type ContentListener, type FieldError } from './content.ts';
import { getFieldText, isTextEntity, sourceLangOf, stampEntity, TEXT_FIELDS, withFieldText, type TextEntity } from './translation.ts';

export class Forbidden extends Error {
  constructor(
    message: string,
    readonly violations: Violation[] = [],
  ) {
    super(message);
  }
}

export class NotFound extends Error {}

export class Conflict extends Error {}

export type WorkflowEntity = 'item' | 'exhibition';

export interface WorkingCopy<T> {
  /** What visitors see now (null when never published). */
  live: T | null;
  /** The newest open revision (draft, submitted or returned), if any. */
  open: Revision | null;
  /** What the editor starts from: the open revision's data, else the live version. */
  current: T;
}

export interface HistoryEntry {
  revision: Revision;
  changes: FieldChange[];
}

const EXHIBITION_TEXT_FIELDS = ['title', 'subtitle', 'intro'] as const;

export class WorkflowService {
  constructor(
    private readonly storage: Storage,
    /** Told of committed content changes (the app's cache and search listeners). */
    private readonly notify: ContentListener,
  ) {}

  // ---- reading ---------------------------------------------------------------------------

  async item(id: string): Promise<WorkingCopy<Item> | null> {
    const live = await this.storage.store.getItem(id);
    const open = (await this.storage.workspace.revisionsOf('item', id)).find((r) => isOpen(r)) ?? null;
    const current = (open?.data as Item | undefined) ?? live;
    return current ? { live, open, current } : null;
  }

  async exhibition(id: string): Promise<WorkingCopy<Exhibition> | null> {
    const live = await this.storage.store.getExhibition(id);
    const open = (await this.storage.workspace.revisionsOf('exhibition', id)).find((r) => isOpen(r)) ?? null;
    const current = (open?.data as Exhibition | undefined) ?? live;
    return current ? { live, open, current } : null;
  }

  /** Every revision, newest first, each with what it changed against the one before it. */
  async history(p: Principal, entity: string, id: string): Promise<HistoryEntry[]> {
    if (!canReadDrafts(p)) throw new Forbidden('you may not read the history');
    const revs = await this.storage.workspace.revisionsOf(entity, id);
    return revs.map((revision, i) => ({ revision, changes: diffSnapshots(revs[i + 1]?.data ?? {}, revision.data) }));
  }

  // ---- items -------------------------------------------------------------------------------

  /** Saves a new draft revision of an item (a new item when `id` is unknown). */
  async saveItemDraft(p: Principal, next: Item, address: string | null = null): Promise<Revision> {
    const copy = await this.item(next.id);
    const before = copy?.current ?? null;
    if (before) this.checkItemEdit(p, before, next);
    else if (!canCurateItem(p, next.institutionId)) throw new Forbidden(`you do not curate records of ${next.institutionId}`);
    const institution = (await this.storage.store.getInstitution(next.institutionId)) ?? undefined;
    const errors = itemErrors(next, institution);
    if (errors.length) throw new ValidationError(errors);
    const stamped = stampEntity('item', before, next, await sourceLangOf(this.storage, 'item', next.id), p.userId);
    return this.addDraft(p, 'item', next.id, copy?.live ?? null, stamped, address);
  }

  private checkItemEdit(p: Principal, before: Item, next: Item): void {
    if (!canEditItem(p, before.institutionId)) throw new Forbidden(`you do not curate records of ${before.institutionId}`);
    if (canCurateItem(p, before.institutionId)) {
      if (!canCurateItem(p, next.institutionId)) throw new Forbidden(`you do not curate records of ${next.institutionId}`);
      return;
    }
    const violations = translatorViolations(p, before, next, ITEM_TEXT_FIELDS);
    if (violations.length) throw new Forbidden('this change is outside your languages', violations);
  }

  // ---- exhibitions ---------------------------------------------------------------------------

  async saveExhibitionDraft(p: Principal, next: Exhibition, address: string | null = null): Promise<Revision> {
    const copy = await this.exhibition(next.id);
    const before = copy?.current ?? null;
    if (!before) {
      if (!canCurateExhibition(p, next)) throw new Forbidden('you do not curate this exhibition');
    } else if (!canCurateExhibition(p, before)) {
      if (!canEditExhibition(p, before)) throw new Forbidden('you do not curate this exhibition');
      const strip = (ex: Exhibition) => ({ ...ex, chapters: ex.chapters.map((c) => ({ ...c, title: {}, intro: {}, sections: c.sections.map((s) => ({ ...s, heading: {}, intro: {} })) })) });
      const violations = [
        ...translatorViolations(p, strip(before), strip(next), EXHIBITION_TEXT_FIELDS),
        ...textLangViolations(p, before, next),
      ];
      if (violations.length) throw new Forbidden('this change is outside your languages', violations);
    } else if (!canCurateExhibition(p, next)) {
      throw new Forbidden('an exhibition must stay co-curated by one of your institutions');
    }
    const stamped = stampEntity('exhibition', before, next, next.sourceLang, p.userId);
    return this.addDraft(p, 'exhibition', next.id, copy?.live ?? null, stamped, address);
  }

  /** A new draft revision, replacing any open one, in one transaction with its audit entry. */
  private addDraft(p: Principal, entity: WorkflowEntity, id: string, live: unknown, data: unknown, address: string | null): Promise<Revision> {
    return this.storage.transaction(async ({ workspace }) => {
      await baseline(workspace, entity, id, live);
      await workspace.supersedeOpen(entity, id);
      const rev = await workspace.addRevision({ entity, entityId: id, state: 'draft', data, authorId: p.userId });
      await workspace.audit({ userId: p.userId, action: 'save', detail: { entity, id, rev: rev.rev }, address });
      return rev;
    });
  }

  // ---- the workflow ------------------------------------------------------------------------

  /** draft or returned → submitted, by whoever may edit it. */
  async submit(p: Principal, entity: WorkflowEntity, id: string, address: string | null = null): Promise<Revision> {
    const copy = entity === 'item' ? await this.item(id) : await this.exhibition(id);
    if (!copy?.open) throw new Conflict('there is no draft to submit');
    const open = copy.open;
    if (open.state === 'submitted') throw new Conflict('this draft is already submitted');
    this.checkCanEdit(p, entity, copy.current);
    await this.storage.transaction(async ({ workspace }) => {
      await workspace.setRevisionState(open.id, 'submitted');
      await workspace.audit({ userId: p.userId, action: 'submit', detail: { entity, id, rev: open.rev }, address });
    });
    return { ...open, state: 'submitted' };
  }

  /** submitted → approved: the revision becomes what visitors see, in one transaction. */
  async approve(p: Principal, revisionId: string, comment: string | null = null, address: string | null = null): Promise<void> {
    if (!canReview(p)) throw new Forbidden('only reviewers approve submissions');
    const rev = await this.storage.workspace.revision(revisionId);
    if (!rev) throw new NotFound('no such revision');
    if (rev.state !== 'submitted') throw new Conflict(`this revision is ${rev.state}, not submitted`);
    const changes: ContentChange[] = [];
    let version = 0;
    await this.storage.transaction(async ({ store, workspace }) => {
      const content = new ContentService(store, (v, c) => {
        version = v;
        changes.push(...c);
      });
      if (rev.entity === 'item') await content.saveItem({ ...(rev.data as Item), state: 'published' });
      else if (rev.entity === 'exhibition') await content.saveExhibition({ ...(rev.data as Exhibition), state: 'published' });
      else throw new Conflict(`revisions of ${rev.entity} are not reviewed`);
      await workspace.setRevisionState(rev.id, 'approved', { reviewerId: p.userId, comment });
      await workspace.audit({ userId: p.userId, action: 'publish', detail: { entity: rev.entity, id: rev.entityId, rev: rev.rev }, address });
    });
    this.notify(version, changes);
  }

  /** submitted → returned with a comment for the author. */
  async returnRevision(p: Principal, revisionId: string, comment: string, address: string | null = null): Promise<void> {
    if (!canReview(p)) throw new Forbidden('only reviewers return submissions');
    const rev = await this.storage.workspace.revision(revisionId);
    if (!rev) throw new NotFound('no such revision');
    if (rev.state !== 'submitted') throw new Conflict(`this revision is ${rev.state}, not submitted`);
    if (comment.trim() === '') throw new ValidationError([{ where: 'comment', why: 'say what should change' }]);
    await this.storage.transaction(async ({ workspace }) => {
      await workspace.setRevisionState(rev.id, 'returned', { reviewerId: p.userId, comment });
      await workspace.audit({ userId: p.userId, action: 'return', detail: { entity: rev.entity, id: rev.entityId, rev: rev.rev, comment }, address });
    });
  }

  /** Takes a published item or exhibition away from visitors (it stays in the workspace). */
  async unpublish(p: Principal, entity: WorkflowEntity, id: string, address: string | null = null): Promise<void> {
    const copy = entity === 'item' ? await this.item(id) : await this.exhibition(id);
    if (!copy?.live) throw new NotFound('nothing published to take down');
    const live = copy.live;
    const allowed =
      canReview(p) || (entity === 'item' ? canCurateItem(p, (live as Item).institutionId) : canCurateExhibition(p, live as Exhibition));
    if (!allowed) throw new Forbidden('you may not unpublish this');
    const changes: ContentChange[] = [];
    let version = 0;
    await this.storage.transaction(async ({ store, workspace }) => {
      const content = new ContentService(store, (v, c) => {
        version = v;
        changes.push(...c);
      });
      await baseline(workspace, entity, id, live);
      if (entity === 'item') await content.saveItem({ ...(live as Item), state: 'draft' });
      else await content.saveExhibition({ ...(live as Exhibition), state: 'draft' });
      const rev = await workspace.addRevision({ entity, entityId: id, state: 'approved', data: { ...live, state: 'draft' }, authorId: p.userId, comment: 'unpublished' });
      await workspace.audit({ userId: p.userId, action: 'unpublish', detail: { entity, id, rev: rev.rev }, address });
    });
    this.notify(version, changes);
  }

  /** Any earlier revision becomes a new draft; nothing reaches visitors until it is approved. */
  async restore(p: Principal, revisionId: string, address: string | null = null): Promise<Revision> {
    const rev = await this.storage.workspace.revision(revisionId);
    if (!rev) throw new NotFound('no such revision');
    if (rev.entity === 'item') return this.saveItemDraft(p, { ...(rev.data as Item) }, address);
    if (rev.entity === 'exhibition') return this.saveExhibitionDraft(p, { ...(rev.data as Exhibition) }, address);
    throw new Conflict(`revisions of ${rev.entity} cannot be restored here`);
  }

  /** Submissions waiting for a reviewer, oldest first. */
  async queue(p: Principal): Promise<Revision[]> {
    if (!canReadDrafts(p)) throw new Forbidden('you may not see the review queue');
    return this.storage.workspace.revisionsInState('submitted');
  }

  // ---- shared authority records: saved at once, with a revision for history ---------------------

  async savePerson(p: Principal, person: Person, address: string | null = null): Promise<void> {
    if (!canEditAuthorities(p)) throw new Forbidden('only curators edit people');
    await this.writePerson(p, person, address);
  }

  private async writePerson(p: Principal, next: Person, address: string | null, stamp = true): Promise<void> {
    const [live] = await this.storage.store.getPeople([next.id]);
    const person = stamp ? stampEntity('person', live ?? null, next, await sourceLangOf(this.storage, 'person', next.id), p.userId) : next;
    await this.saveDirect(p, 'person', person.id, person, live ?? null, (c) => c.savePerson(person), address);
  }

  async savePlace(p: Principal, place: Place, address: string | null = null): Promise<void> {
    if (!canEditAuthorities(p)) throw new Forbidden('only curators edit places');
    await this.writePlace(p, place, address);
  }

  private async writePlace(p: Principal, next: Place, address: string | null, stamp = true): Promise<void> {
    const [live] = await this.storage.store.getPlaces([next.id]);
    const place = stamp ? stampEntity('place', live ?? null, next, await sourceLangOf(this.storage, 'place', next.id), p.userId) : next;
    await this.saveDirect(p, 'place', place.id, place, live ?? null, (c) => c.savePlace(place), address);
  }

  async saveInstitution(p: Principal, next: Institution, address: string | null = null): Promise<void> {
    if (!canAdminister(p)) throw new Forbidden('only administrators edit institutions and their reference-code schemes');
    await this.writeInstitution(p, next, address);
  }

  private async writeInstitution(p: Principal, next: Institution, address: string | null, stamp = true): Promise<void> {
    const live = (await this.storage.store.getInstitution(next.id)) ?? null;
    const inst = stamp ? stampEntity('institution', live, next, await sourceLangOf(this.storage, 'institution', next.id), p.userId) : next;
    if (inst.parentId !== null) {
      // A parent chain must end: no institution may become its own ancestor.
      const all = new Map((await this.storage.store.listInstitutions()).map((i) => [i.id, i]));
      all.set(inst.id, inst);
      const seen = new Set<string>();
      for (let cur: Institution | undefined = inst; cur?.parentId; cur = all.get(cur.parentId)) {
        if (seen.has(cur.id)) throw new ValidationError([{ where: 'parentId', why: 'an institution cannot be inside itself' }]);
        seen.add(cur.id);
      }
      if (!all.has(inst.parentId)) throw new ValidationError([{ where: 'parentId', why: `no institution "${inst.parentId}"` }]);
    }
    const position = (await this.storage.store.listInstitutions()).findIndex((i) => i.id === inst.id);
    await this.saveDirect(p, 'institution', inst.id, inst, live, (c) => c.saveInstitution(inst, Math.max(0, position)), address);
  }

  async saveSitePage(p: Principal, page: SitePage, address: string | null = null): Promise<void> {
    if (!canAdminister(p)) throw new Forbidden('only administrators edit the terms of use');
    await this.writeSitePage(p, page, address);
  }

  private async writeSitePage(p: Principal, next: SitePage, address: string | null, stamp = true): Promise<void> {
    const live = await this.storage.store.getSitePage(next.id);
    const page = stamp ? stampEntity('page', live, next, await sourceLangOf(this.storage, 'page', next.id), p.userId) : next;
    await this.saveDirect(p, 'page', page.id, page, live, (c) => c.saveSitePage(page), address);
  }

  // ---- translation, one value at a time ------------------------------------------------------------

  /**
   * Saves one translated value as its translator wrote it (a draft; an empty value removes it).
   * Items and exhibitions get a draft revision like their forms make; shared records (people,
   * places, institutions, site pages) are saved at once, as their forms do. Translators may
   * write their languages; whoever may curate the record may write any.
   */
  async saveTranslation(p: Principal, ref: TextRef, lang: Lang, value: string, address: string | null = null): Promise<void> {
    const target = await this.translationTarget(ref);
    const text = target.get();
    const trimmed = value.replace(/\r\n/g, '\n').trim();
    if (trimmed.length > 100_000) throw new ValidationError([{ where: `${ref.entity} ${ref.id}: ${ref.field}@${lang}`, why: 'a value may be at most 100,000 characters' }]);
    // Nothing changes (the same text, or removing what is not there): no revision, no stamp.
    if ((text[lang]?.value ?? '') === trimmed) return;
    const next: LocalizedText = { ...text };
    if (trimmed === '') delete next[lang];
    else next[lang] = { value: trimmed, status: 'draft' };
    const translator = p.translatorOf.includes(lang);
    switch (target.entity) {
      case 'item': {
        const item = target.data as Item;
        if (!translator && !canCurateItem(p, item.institutionId)) throw new Forbidden(`you do not translate into ${lang}`, [{ field: `${ref.field}@${lang}`, why: `you translate into ${p.translatorOf.join(', ') || 'no language'} only` }]);
        await this.saveItemDraft(p, withFieldText('item', item, ref.id, ref.field, next), address);
        return;
      }
      case 'exhibition':
      case 'chapter':
      case 'section': {
        const ex = target.data as Exhibition;
        if (!translator && !canCurateExhibition(p, ex)) throw new Forbidden(`you do not translate into ${lang}`, [{ field: `${ref.field}@${lang}`, why: `you translate into ${p.translatorOf.join(', ') || 'no language'} only` }]);
        await this.saveExhibitionDraft(p, withFieldText(target.entity, ex, ref.id, ref.field, next), address);
        return;
      }
      default:
        if (!translator && !this.canCurateShared(p, target.entity)) throw new Forbidden(`you do not translate into ${lang}`, [{ field: `${ref.field}@${lang}`, why: `you translate into ${p.translatorOf.join(', ') || 'no language'} only` }]);
        await this.writeShared(p, target.entity, withFieldText(target.entity, target.data, ref.id, ref.field, next), address);
    }
  }

  /**
   * A reviewer's word that a translation is right for the source as it reads now: the value
   * becomes reviewed and is confirmed against the current source (so it is no longer outdated).
   */
  async markReviewed(p: Principal, ref: TextRef, lang: Lang, address: string | null = null): Promise<void> {
    if (!canReview(p)) throw new Forbidden('only reviewers mark translations reviewed');
    const target = await this.translationTarget(ref);
    const sourceLang = await sourceLangOf(this.storage, target.entity, ref.id);
    if (lang === sourceLang) throw new Conflict(`${lang} is the source language of this text, not a translation`);
    const text = target.get();
    const v = text[lang];
    if (!v) throw new Conflict(`there is no ${lang} translation to review`);
    const confirmed = confirmTranslation({ ...text, [lang]: { ...v, status: 'reviewed' } }, lang, sourceLang);
    const data = withFieldText(target.entity, target.data, ref.id, ref.field, confirmed);
    if (target.entity === 'item' || target.entity === 'exhibition' || target.entity === 'chapter' || target.entity === 'section') {
      const entity: WorkflowEntity = target.entity === 'item' ? 'item' : 'exhibition';
      const id = entity === 'item' ? ref.id : (data as Exhibition).id;
      const copy = entity === 'item' ? await this.item(id) : await this.exhibition(id);
      await this.addDraft(p, entity, id, copy?.live ?? null, data, address);
      return;
    }
    // Written as is: stamping would keep the old source, which is exactly what is being confirmed away.
    await this.writeShared(p, target.entity, data, address, false);
  }

  private canCurateShared(p: Principal, entity: TextEntity): boolean {
    return entity === 'person' || entity === 'place' ? canEditAuthorities(p) : canAdminister(p);
  }

  private async writeShared(p: Principal, entity: TextEntity, data: unknown, address: string | null, stamp = true): Promise<void> {
    if (entity === 'person') return this.writePerson(p, data as Person, address, stamp);
    if (entity === 'place') return this.writePlace(p, data as Place, address, stamp);
    if (entity === 'institution') return this.writeInstitution(p, data as Institution, address, stamp);
    if (entity === 'page') return this.writeSitePage(p, data as SitePage, address, stamp);
    throw new Conflict(`${entity} is not a shared record`);
  }

  /** The working copy holding a translated field, and that field's text. */
  private async translationTarget(ref: TextRef): Promise<{ entity: TextEntity; data: unknown; get(): LocalizedText }> {
    if (!isTextEntity(ref.entity)) throw new NotFound(`no kind of record "${ref.entity}" has translated text`);
    const entity = ref.entity;
    const { store } = this.storage;
    let data: unknown = null;
    if (entity === 'item') data = (await this.item(ref.id))?.current ?? null;
    else if (entity === 'exhibition') data = (await this.exhibition(ref.id))?.current ?? null;
    else if (entity === 'chapter' || entity === 'section') {
      for (const exId of await store.listExhibitionIds(false)) {
        const ex = (await this.exhibition(exId))?.current;
        if (ex && getFieldText(entity, ex, ref.id, TEXT_FIELDS[entity][0] as string) !== undefined) {
          data = ex;
          break;
        }
      }
    } else if (entity === 'person') data = (await store.getPeople([ref.id]))[0] ?? null;
    else if (entity === 'place') data = (await store.getPlaces([ref.id]))[0] ?? null;
    else if (entity === 'institution') data = await store.getInstitution(ref.id);
    else data = await store.getSitePage(ref.id);
    if (!data) throw new NotFound(`no ${entity} "${ref.id}"`);
    const text = getFieldText(entity, data, ref.id, ref.field);
    if (!text) throw new NotFound(`${entity} has no translated field "${ref.field}"`);
    return { entity, data, get: () => text };
  }

  // ---- languages -------------------------------------------------------------------------------------

  /**
   * Adds or changes a site language. Public pages list languages in every switcher, so the
   * change bumps the content version: every app server reloads its languages and drops its pages.
   */
  async saveLanguage(p: Principal, lang: LanguageConfig, position: number, address: string | null = null): Promise<LanguageConfig> {
    if (!canAdminister(p)) throw new Forbidden('only administrators add or change languages');
    const existing = await this.storage.store.listLanguages();
    const checked = languageErrors(lang, position, existing);
    if ('errors' in checked) throw new ValidationError(checked.errors);
    const isNew = !existing.some((l) => l.tag === checked.lang.tag);
    let version = 0;
    await this.storage.transaction(async ({ store, workspace }) => {
      await store.saveLanguage(checked.lang, position);
      version = await store.bumpContentVersion();
      await workspace.audit({ userId: p.userId, action: isNew ? 'add-language' : 'change-language', detail: { ...checked.lang, position }, address });
    });
    this.notify(version, []);
    return checked.lang;
  }

  private async saveDirect(p: Principal, entity: string, id: string, data: unknown, live: unknown, save: (c: ContentService) => Promise<void>, address: string | null): Promise<void> {
    const changes: ContentChange[] = [];
    let version = 0;
    await this.storage.transaction(async ({ store, workspace }) => {
      await baseline(workspace, entity, id, live);
      await save(
        new ContentService(store, (v, c) => {
          version = v;
          changes.push(...c);
        }),
      );
      const rev = await workspace.addRevision({ entity, entityId: id, state: 'approved', data, authorId: p.userId });
      await workspace.audit({ userId: p.userId, action: 'save', detail: { entity, id, rev: rev.rev }, address });
    });
    this.notify(version, changes);
  }

  private checkCanEdit(p: Principal, entity: WorkflowEntity, current: Item | Exhibition): void {
    const ok = entity === 'item' ? canEditItem(p, (current as Item).institutionId) : canEditExhibition(p, current as Exhibition);
    if (!ok) throw new Forbidden('you may not edit this');
  }
}

/**
 * Content that existed before its first edit here (loaded, imported, copied) gets a first
 * revision holding it, so the history shows what each edit changed, not the whole record.
 */
async function baseline(workspace: WorkspaceStore, entity: string, id: string, live: unknown): Promise<void> {
  if (live === null) return;
  if ((await workspace.revisionsOf(entity, id)).length > 0) return;
  await workspace.addRevision({ entity, entityId: id, state: 'approved', data: live, authorId: null, comment: 'as it was before the first edit in the workspace' });
}

function isOpen(r: Revision): boolean {
  return r.state === 'draft' || r.state === 'submitted' || r.state === 'returned';
}

/** Chapter and section texts a translator changed outside their languages. */
function textLangViolations(p: Principal, before: Exhibition, after: Exhibition): Violation[] {
  const out: Violation[] = [];
  const texts = (ex: Exhibition) =>
    ex.chapters.flatMap((c) => [
      [`chapter ${c.id} title`, c.title] as const,
      [`chapter ${c.id} intro`, c.intro] as const,
      ...c.sections.flatMap((s) => [[`section ${s.id} heading`, s.heading] as const, [`section ${s.id} intro`, s.intro] as const]),
    ]);
  const a = new Map(texts(before));
  for (const [key, t] of texts(after)) {
    const old = a.get(key) ?? {};
    for (const lang of new Set([...Object.keys(old), ...Object.keys(t)])) {
      if (JSON.stringify(old[lang]) !== JSON.stringify(t[lang]) && !p.translatorOf.includes(lang)) {
        out.push({ field: `${key}@${lang}`, why: `you translate into ${p.translatorOf.join(', ') || 'no language'} only` });
      }
    }
  }
  return out;
}

/**
 * First path segments the application answers itself: a language tag may not take one, or its
 * pages (/api/…) would never be reached.
 */
export const RESERVED_PATH_SEGMENTS = ['admin', 'api', 'assets', 'media', 'iiif', 'oai', 'open-data', 'search', 'healthz', 'readyz', 'sitemap.xml', 'robots.txt'];

/** A language as an administrator entered it, checked and canonicalised (BCP 47 via Intl). */
export function languageErrors(lang: LanguageConfig, position: number, existing: readonly LanguageConfig[]): { lang: LanguageConfig } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  let tag = lang.tag.trim();
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    if (!canonical) throw new RangeError('empty');
    tag = canonical;
  } catch {
    errors.push({ where: 'tag', why: `"${lang.tag}" is not a BCP 47 language tag (e.g. ko, ru, mn-Mong)` });
  }
  if (tag.length > 35) errors.push({ where: 'tag', why: 'a language tag may be at most 35 characters' });
  if (RESERVED_PATH_SEGMENTS.includes(tag.toLowerCase())) errors.push({ where: 'tag', why: `"${tag}" is a path the site uses itself` });
  const name = lang.name.trim();
  if (name === '' || name.length > 100) errors.push({ where: 'name', why: 'give the language’s name in itself, at most 100 characters' });
  if (lang.dir !== 'ltr' && lang.dir !== 'rtl') errors.push({ where: 'dir', why: 'direction is ltr or rtl' });
  const known = new Set(existing.map((l) => l.tag));
  const fallback: Lang[] = [];
  for (const f of lang.fallback.map((x) => x.trim()).filter((x) => x !== '')) {
    if (f === tag) errors.push({ where: 'fallback', why: 'a language cannot fall back to itself' });
    else if (!known.has(f)) errors.push({ where: 'fallback', why: `"${f}" is not a configured language` });
    else if (fallback.includes(f)) errors.push({ where: 'fallback', why: `"${f}" is listed twice` });
    else fallback.push(f);
  }
  if (!Number.isInteger(position) || position < 0 || position > 10_000) errors.push({ where: 'position', why: 'position is a whole number from 0 to 10000' });
  if (errors.length) return { errors };
  return { lang: { tag, name, dir: lang.dir, fallback } };
}
