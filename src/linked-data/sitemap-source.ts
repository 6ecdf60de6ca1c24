// The public pages a sitemap lists, read from storage: published exhibitions with their chapters,
// published items, the people named on published items, the archives, and the site pages.
// Nothing unpublished is listed: a person known only from a draft is not announced either.
import type { Storage } from '../storage/index.ts';
import type { SitemapPage } from './sitemap.ts';

/** Site pages that have a public route (src/http/routes/site.ts). */
const ROUTED_SITE_PAGES = ['terms'];

type Entity = 'exhibition' | 'chapter' | 'person' | 'institution' | 'page';

/** Last save per entity, from its texts (every save rewrites them with one timestamp). */
async function lastSaved(storage: Storage, entity: Entity): Promise<Map<string, string>> {
  const rows = await storage.db
    .selectFrom('texts')
    .select(['entity_id'])
    .select((eb) => eb.fn.max('updated_at').as('at'))
    .where('entity', '=', entity)
    .groupBy('entity_id')
    .execute();
  return new Map(rows.map((r) => [r.entity_id, String(r.at)]));
}

export async function publicPages(storage: Storage): Promise<SitemapPage[]> {
  const { store, db } = storage;
  const pages: SitemapPage[] = [{ path: '/' }, { path: '/institutions' }];
  const saved = {
    exhibition: await lastSaved(storage, 'exhibition'),
    chapter: await lastSaved(storage, 'chapter'),
    person: await lastSaved(storage, 'person'),
    institution: await lastSaved(storage, 'institution'),
    page: await lastSaved(storage, 'page'),
  };
  const sitePages = new Set(await store.listSitePageIds());
  for (const id of ROUTED_SITE_PAGES) if (sitePages.has(id)) pages.push({ path: `/${id}`, lastmod: saved.page.get(id) ?? null });

  for (const id of await store.listExhibitionIds(true)) {
    const ex = await store.getExhibition(id);
    if (!ex || ex.state !== 'published') continue;
    pages.push({ path: `/exhibitions/${ex.slug}`, lastmod: saved.exhibition.get(ex.id) ?? null });
    for (const c of ex.chapters) pages.push({ path: `/exhibitions/${ex.slug}/${c.slug}`, lastmod: saved.chapter.get(c.id) ?? null });
  }

  const items = await db.selectFrom('items').select(['id', 'updated_at']).where('state', '=', 'published').orderBy('id').execute();
  for (const it of items) pages.push({ path: `/items/${it.id}`, lastmod: it.updated_at });

  const people = await db
    .selectFrom('item_people')
    .innerJoin('items', 'items.id', 'item_people.item_id')
    .select('item_people.person_id')
    .where('items.state', '=', 'published')
    .distinct()
    .orderBy('item_people.person_id')
    .execute();
  for (const p of people) pages.push({ path: `/people/${p.person_id}`, lastmod: saved.person.get(p.person_id) ?? null });

  for (const inst of await store.listInstitutions()) pages.push({ path: `/institutions/${inst.id}`, lastmod: saved.institution.get(inst.id) ?? null });
  return pages;
}
