// Reads the read API needs and the content store does not offer: a filtered, keyset-paged list
// of published items, and published-item counts per person. Published content only.
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../storage/kysely/tables.ts';
import type { Storage } from '../storage/index.ts';
import type { Cursor, ItemQuery } from './params.ts';

export interface ItemPage {
  ids: string[];
  total: number;
  /** Where the next page starts; null on the last page. */
  next: Cursor | null;
}

type ItemsQuery = SelectQueryBuilder<Database, 'items', object>;

// Ids are compared byte-wise on both engines, so a page boundary means the same on each
// (PostgreSQL would otherwise use the database's collation).
const idCol = (engine: Storage['engine']) => (engine === 'postgres' ? sql<string>`items.id collate "C"` : sql<string>`items.id`);

function filtered(storage: Storage, q: ItemQuery): ItemsQuery {
  let s = storage.db.selectFrom('items').where('items.state', '=', 'published');
  if (q.institution) s = s.where('items.institution_id', '=', q.institution);
  if (q.media) s = s.where('items.media_type', '=', q.media);
  if (q.person) {
    const person = q.person;
    s = s.where(({ exists, selectFrom }) =>
      exists(selectFrom('item_people').select('item_people.item_id').whereRef('item_people.item_id', '=', 'items.id').where('item_people.person_id', '=', person)),
    );
  }
  if (q.exhibition) {
    const exhibition = q.exhibition;
    // Placed in a section of a published exhibition: a draft exhibition's placements are not public.
    s = s.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('placements')
          .innerJoin('sections', 'sections.id', 'placements.section_id')
          .innerJoin('chapters', 'chapters.id', 'sections.chapter_id')
          .innerJoin('exhibitions', 'exhibitions.id', 'chapters.exhibition_id')
          .select('placements.item_id')
          .whereRef('placements.item_id', '=', 'items.id')
          .where('exhibitions.id', '=', exhibition)
          .where('exhibitions.state', '=', 'published'),
      ),
    );
  }
  // Overlap of the record's span with [from, to]; an open or unknown end reaches any bound.
  // Undated records match no date filter.
  if (q.from || q.to) {
    s = s.where((eb) => eb.or([eb('items.date_from', 'is not', null), eb('items.date_to', 'is not', null)]));
    if (q.from) {
      const from = q.from;
      s = s.where((eb) => eb.or([eb('items.date_to', 'is', null), eb('items.date_to', '>=', from)]));
    }
    if (q.to) {
      const to = q.to;
      s = s.where((eb) => eb.or([eb('items.date_from', 'is', null), eb('items.date_from', '<=', to)]));
    }
  }
  return s;
}

/** After `c` in the list order: dated records by their first day, then undated ones; ties by id. */
function after(engine: Storage['engine'], c: Cursor) {
  const id = idCol(engine);
  return (eb: ExpressionBuilder<Database, 'items'>) => {
    const idAfter = eb(id, '>', c.id);
    if (c.dateFrom === null) return eb.and([eb('items.date_from', 'is', null), idAfter]);
    return eb.or([
      eb('items.date_from', '>', c.dateFrom),
      eb.and([eb('items.date_from', '=', c.dateFrom), idAfter]),
      eb('items.date_from', 'is', null),
    ]);
  };
}

export async function itemPage(storage: Storage, q: ItemQuery): Promise<ItemPage> {
  let s = filtered(storage, q).select(['items.id', 'items.date_from']);
  if (q.cursor) s = s.where(after(storage.engine, q.cursor));
  const rows = await s
    .orderBy(sql`case when items.date_from is null then 1 else 0 end`)
    .orderBy('items.date_from')
    .orderBy(idCol(storage.engine))
    .limit(q.limit + 1)
    .execute();
  const counted = await filtered(storage, q)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    ids: page.map((r) => r.id),
    total: Number(counted.n),
    next: rows.length > q.limit && last ? { dateFrom: last.date_from, id: last.id } : null,
  };
}

/** Number of published items per person, for people linked to at least one. */
export async function publishedCountsByPerson(storage: Storage): Promise<Map<string, number>> {
  const rows = await storage.db
    .selectFrom('item_people')
    .innerJoin('items', 'items.id', 'item_people.item_id')
    .select(['item_people.person_id', (eb) => eb.fn.count<string | number>('item_people.item_id').distinct().as('n')])
    .where('items.state', '=', 'published')
    .groupBy('item_people.person_id')
    .execute();
  return new Map(rows.map((r) => [r.person_id, Number(r.n)]));
}
