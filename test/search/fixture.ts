// A demo database on one engine with its search index kept by a SearchService listening to
// the content service, as the app wires them.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Lang } from '../../src/domain/types.ts';
import { fallbackOrder } from '../../src/i18n/fallback.ts';
import { MediaStore } from '../../src/media/store.ts';
import { addDemoNameVariants } from '../../src/search/demo-names.ts';
import { ContentService } from '../../src/services/content.ts';
import { loadDemo } from '../../src/services/demo.ts';
import { SearchService, type SearchModel } from '../../src/services/search.ts';
import type { IndexFilters } from '../../src/search/kysely/index-reader.ts';
import type { Engine } from '../../src/storage/index.ts';
import { freshStorage, type TestStorage } from '../helpers/engines.ts';

export interface SearchFixture {
  engine: Engine;
  storage: TestStorage;
  content: ContentService;
  search: SearchService;
  /** Errors the background index updates reported (a test fails on any). */
  errors: unknown[];
  order(lang: Lang): Lang[];
  find(q: string, lang?: Lang, filters?: IndexFilters, page?: number, perPage?: number): Promise<SearchModel>;
  dispose(): Promise<void>;
}

/** Document ids of a search result ("item:x", "person:y"), in rank order. */
export function ids(m: SearchModel): string[] {
  return m.hits.map((h) => `${h.kind}:${h.kind === 'item' ? h.item.id : h.kind === 'chapter' ? h.chapter.id : h.person.id}`);
}

export async function demoSearch(engine: Engine, opts: { readings?: boolean } = {}): Promise<SearchFixture> {
  const storage = await freshStorage(engine);
  const dir = await mkdtemp(join(tmpdir(), 'tsuzuri-search-'));
  const errors: unknown[] = [];
  const search = new SearchService(storage, { onError: (err) => errors.push(err) });
  const content = new ContentService(storage.store, search.contentChanged);
  await search.start();
  await loadDemo(content, new MediaStore(join(dir, 'media')));
  if (opts.readings !== false) await addDemoNameVariants(search);
  await search.settled();
  const languages = await storage.store.listLanguages();
  const order = (lang: Lang) => fallbackOrder(lang, languages);
  return {
    engine,
    storage,
    content,
    search,
    errors,
    order,
    find: (q, lang = 'en', filters = {}, page = 1, perPage = 50) => search.search({ q, page, perPage, filters }, order(lang)),
    dispose: async () => {
      await search.settled();
      await storage.dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
