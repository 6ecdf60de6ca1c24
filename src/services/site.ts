// Read models of the public site. Only published content ever leaves this module.
import type { Chapter, Exhibition, Institution, Item, Person, Place, Section, SitePage } from '../domain/types.ts';
import type { ContentStore } from '../storage/index.ts';

export interface HomeModel {
  exhibitions: Exhibition[];
  institutions: Map<string, Institution>;
}

export interface ExhibitionModel {
  exhibition: Exhibition;
  institutions: Map<string, Institution>;
  /** Number of published items per chapter id. */
  itemCounts: Map<string, number>;
}

export interface ChapterModel {
  exhibition: Exhibition;
  chapter: Chapter;
  items: Map<string, Item>;
  institutions: Map<string, Institution>;
  prev: Chapter | null;
  next: Chapter | null;
}

export interface ItemContext {
  exhibition: Exhibition;
  chapter: Chapter;
  section: Section;
  prev: Item | null;
  next: Item | null;
}

export interface ItemModel {
  item: Item;
  institutions: Map<string, Institution>;
  people: Person[];
  places: Place[];
  contexts: ItemContext[];
}

export interface PersonModel {
  person: Person;
  items: Item[];
  institutions: Map<string, Institution>;
}

export interface InstitutionsModel {
  institutions: Map<string, Institution>;
  counts: Map<string, number>;
}

export interface InstitutionModel {
  institution: Institution;
  institutions: Map<string, Institution>;
  children: Institution[];
  items: Item[];
}

function published<T extends { state: string }>(x: T | null): T | null {
  return x && x.state === 'published' ? x : null;
}

/** Keeps only published items in a chapter's sections (drafts never show, even by placement). */
function publishedStructure(ex: Exhibition, visible: ReadonlySet<string>): Exhibition {
  return {
    ...ex,
    chapters: ex.chapters.map((c) => ({
      ...c,
      sections: c.sections.map((s) => ({ ...s, itemIds: s.itemIds.filter((id) => visible.has(id)) })),
    })),
  };
}

export class SiteService {
  /** Published exhibition structures of one content version, by id and by slug. */
  private structures = { version: Number.NaN, byKey: new Map<string, Promise<Exhibition | null>>() };

  constructor(
    private readonly store: ContentStore,
    /** The content version this process serves; structures are kept until it moves. */
    private readonly version: () => number = () => Number.NaN,
  ) {}

  /**
   * An exhibition's published structure (chapters, sections, published item ids). Every item
   * page needs it for previous/next, and it costs tens of milliseconds at 10,000 items, so
   * it is built once per content version.
   */
  private structure(key: { id: string } | { slug: string }): Promise<Exhibition | null> {
    const v = this.version();
    if (Number.isNaN(v)) return this.loadStructure(key);
    if (v !== this.structures.version) this.structures = { version: v, byKey: new Map() };
    const k = 'id' in key ? `id:${key.id}` : `slug:${key.slug}`;
    let hit = this.structures.byKey.get(k);
    if (!hit) {
      hit = this.loadStructure(key);
      this.structures.byKey.set(k, hit);
      const cache = this.structures.byKey;
      hit.catch(() => cache.delete(k));
    }
    return hit;
  }

  private async loadStructure(key: { id: string } | { slug: string }): Promise<Exhibition | null> {
    const ex = 'id' in key ? await this.store.getExhibition(key.id) : await this.store.getExhibitionBySlug(key.slug);
    return this.publishedExhibition(ex);
  }

  async institutionMap(): Promise<Map<string, Institution>> {
    return new Map((await this.store.listInstitutions()).map((i) => [i.id, i]));
  }

  private async publishedItems(ids: readonly string[]): Promise<Item[]> {
    return (await this.store.getItems(ids)).filter((i) => i.state === 'published');
  }

  /**
   * A published exhibition with only its published items placed. Items themselves are not
   * loaded here: a page loads the few it shows, whatever the size of the exhibition.
   */
  private async publishedExhibition(ex: Exhibition | null): Promise<Exhibition | null> {
    const p = published(ex);
    if (!p) return null;
    return publishedStructure(p, await this.store.publishedItemIdsIn(p.id));
  }

  async home(): Promise<HomeModel> {
    const ids = await this.store.listExhibitionIds(true);
    const exhibitions: Exhibition[] = [];
    for (const id of ids) {
      const ex = published(await this.store.getExhibition(id));
      if (ex) exhibitions.push(ex);
    }
    return { exhibitions, institutions: await this.institutionMap() };
  }

  async exhibition(slug: string): Promise<ExhibitionModel | null> {
    const ex = await this.structure({ slug });
    if (!ex) return null;
    const itemCounts = new Map(ex.chapters.map((c) => [c.id, c.sections.reduce((n, s) => n + s.itemIds.length, 0)]));
    return { exhibition: ex, institutions: await this.institutionMap(), itemCounts };
  }

  async chapter(slug: string, chapterSlug: string): Promise<ChapterModel | null> {
    const ex = await this.structure({ slug });
    return ex ? this.chapterOf(ex, chapterSlug) : null;
  }

  /** The page model of a chapter of the exhibition as given (the workspace previews drafts with it). */
  async chapterModel(exhibition: Exhibition, chapterSlug: string): Promise<ChapterModel | null> {
    return this.chapterOf(publishedStructure(exhibition, await this.store.publishedItemIdsIn(exhibition.id)), chapterSlug);
  }

  private async chapterOf(ex: Exhibition, chapterSlug: string): Promise<ChapterModel | null> {
    const i = ex.chapters.findIndex((c) => c.slug === chapterSlug);
    const chapter = ex.chapters[i];
    if (!chapter) return null;
    const items = await this.publishedItems(chapter.sections.flatMap((s) => s.itemIds));
    return {
      exhibition: ex,
      chapter,
      items: new Map(items.map((it) => [it.id, it])),
      institutions: await this.institutionMap(),
      prev: ex.chapters[i - 1] ?? null,
      next: ex.chapters[i + 1] ?? null,
    };
  }

  async item(id: string): Promise<ItemModel | null> {
    const item = published(await this.store.getItem(id));
    return item ? this.itemModel(item) : null;
  }

  /** The page model of an item as given, published or not: the workspace previews drafts with it. */
  async itemModel(item: Item): Promise<ItemModel> {
    const id = item.id;
    const contexts: ItemContext[] = [];
    for (const p of await this.store.placementsOf(id)) {
      const ex = await this.structure({ id: p.exhibitionId });
      if (!ex) continue;
      const chapter = ex.chapters.find((c) => c.id === p.chapterId);
      const section = chapter?.sections.find((s) => s.id === p.sectionId);
      if (!chapter || !section) continue;
      // Previous and next run through the whole exhibition in reading order.
      const order = ex.chapters.flatMap((c) => c.sections.flatMap((s) => s.itemIds));
      const at = order.indexOf(id);
      const [prev, next] = at < 0 ? [undefined, undefined] : [order[at - 1], order[at + 1]];
      const neighbours = new Map((await this.store.getItems([prev, next].filter((x): x is string => x !== undefined))).map((it) => [it.id, it]));
      contexts.push({
        exhibition: ex,
        chapter,
        section,
        prev: (prev && neighbours.get(prev)) || null,
        next: (next && neighbours.get(next)) || null,
      });
    }
    return {
      item,
      institutions: await this.institutionMap(),
      people: await this.store.getPeople(item.personIds),
      places: await this.store.getPlaces(item.placeIds),
      contexts,
    };
  }

  async person(id: string): Promise<PersonModel | null> {
    const [person] = await this.store.getPeople([id]);
    if (!person) return null;
    const items = await this.publishedItems(await this.store.itemIdsByPerson(id));
    return { person, items, institutions: await this.institutionMap() };
  }

  async institutions(): Promise<InstitutionsModel> {
    return { institutions: await this.institutionMap(), counts: await this.store.countItemsByInstitution() };
  }

  async institution(id: string): Promise<InstitutionModel | null> {
    const institutions = await this.institutionMap();
    const institution = institutions.get(id);
    if (!institution) return null;
    const children = [...institutions.values()].filter((i) => i.parentId === id);
    const items = await this.publishedItems(await this.store.itemIdsByInstitution(id));
    return { institution, institutions, children, items };
  }

  async sitePage(id: string): Promise<SitePage | null> {
    return this.store.getSitePage(id);
  }
}
