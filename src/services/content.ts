// Writing content: every rule that must hold before anything is stored is checked here,
// and each save runs in one transaction that also bumps the content version.
import { EdtfError, parseEdtf } from '../domain/edtf.ts';
import { validateReferenceCode, getScheme } from '../domain/reference-code.ts';
import { validateRightsUri } from '../domain/rights.ts';
import type { Exhibition, Institution, Item, Person, Place, SitePage } from '../domain/types.ts';
import type { ContentStore } from '../storage/index.ts';

export interface FieldError {
  /** Which entity and field, e.g. "item goodwill-mission-1971: referenceCode". */
  where: string;
  why: string;
}

export class ValidationError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.where}: ${e.why}`).join('; '));
  }
}

const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

function checkId(kind: string, id: string, errors: FieldError[]): void {
  if (!ID.test(id)) errors.push({ where: `${kind} ${id}`, why: 'id must be 1–80 lower-case letters, digits or hyphens' });
}

/** Validates an item against the rules of the domain and the scheme of its holding institution. */
export function itemErrors(item: Item, institution: Institution | undefined): FieldError[] {
  const errors: FieldError[] = [];
  const at = (field: string) => `item ${item.id}: ${field}`;
  checkId('item', item.id, errors);
  if (!institution) errors.push({ where: at('institutionId'), why: `no institution "${item.institutionId}"` });
  if (item.referenceCode !== null && institution) {
    const r = validateReferenceCode(institution.scheme, item.referenceCode);
    if (!r.ok) errors.push({ where: at('referenceCode'), why: r.reason });
  }
  if (item.date !== null) {
    try {
      parseEdtf(item.date);
    } catch (err) {
      if (!(err instanceof EdtfError)) throw err;
      errors.push({ where: at('date'), why: err.message });
    }
  }
  const rights = validateRightsUri(item.rights);
  if (!rights.ok) errors.push({ where: at('rights'), why: rights.reason });
  if (Object.keys(item.heading).length === 0) errors.push({ where: at('heading'), why: 'a heading is needed in at least one language' });
  return errors;
}

/** What a committed write touched, for listeners such as the search index. */
export interface ContentChange {
  entity: 'institution' | 'person' | 'place' | 'item' | 'exhibition' | 'page';
  id: string;
}

export type ContentListener = (version: number, changes: readonly ContentChange[]) => void;

export class ContentService {
  constructor(
    private readonly store: ContentStore,
    /** Called after a committed change, so caches in this process drop at once. */
    private readonly onChange: ContentListener = () => undefined,
    /** Inside a batch: where the batch collects what its saves touch. */
    private readonly pending: ContentChange[] | null = null,
  ) {}

  async saveInstitution(inst: Institution, position = 0): Promise<void> {
    const errors: FieldError[] = [];
    checkId('institution', inst.id, errors);
    if (!getScheme(inst.scheme)) errors.push({ where: `institution ${inst.id}: scheme`, why: `unknown reference-code scheme "${inst.scheme}"` });
    if (errors.length) throw new ValidationError(errors);
    await this.write((s) => s.saveInstitution(inst, position), [{ entity: 'institution', id: inst.id }]);
  }

  async savePerson(person: Person): Promise<void> {
    const errors: FieldError[] = [];
    checkId('person', person.id, errors);
    if (errors.length) throw new ValidationError(errors);
    await this.write((s) => s.savePerson(person), [{ entity: 'person', id: person.id }]);
  }

  async savePlace(place: Place): Promise<void> {
    const errors: FieldError[] = [];
    checkId('place', place.id, errors);
    if (errors.length) throw new ValidationError(errors);
    await this.write((s) => s.savePlace(place), [{ entity: 'place', id: place.id }]);
  }

  async saveItem(item: Item): Promise<void> {
    await this.write(async (s) => {
      const institution = (await s.getInstitution(item.institutionId)) ?? undefined;
      const errors = itemErrors(item, institution);
      if (errors.length) throw new ValidationError(errors);
      await s.saveItem(item);
    }, [{ entity: 'item', id: item.id }]);
  }

  async saveExhibition(ex: Exhibition, position = 0): Promise<void> {
    const errors: FieldError[] = [];
    checkId('exhibition', ex.id, errors);
    checkId('exhibition slug', ex.slug, errors);
    for (const c of ex.chapters) checkId('chapter slug', c.slug, errors);
    if (errors.length) throw new ValidationError(errors);
    await this.write((s) => s.saveExhibition(ex, position), [{ entity: 'exhibition', id: ex.id }]);
  }

  async saveSitePage(page: SitePage): Promise<void> {
    await this.write((s) => s.saveSitePage(page), [{ entity: 'page', id: page.id }]);
  }

  /** Runs several saves as one: all land or none; listeners hear of them once, after the commit. */
  async batch(fn: (svc: ContentService) => Promise<void>): Promise<void> {
    const changes: ContentChange[] = [];
    await this.write((s) => fn(new ContentService(s, this.onChange, changes)), changes);
  }

  /** `changes` may still grow while `fn` runs (a batch fills it); it is read after the commit. */
  private async write(fn: (s: ContentStore) => Promise<void>, changes: ContentChange[]): Promise<void> {
    if (this.pending) {
      await fn(this.store);
      this.pending.push(...changes);
      return;
    }
    const version = await this.store.transaction(async (s) => {
      await fn(s);
      return s.bumpContentVersion();
    });
    this.onChange(version, changes);
  }
}
