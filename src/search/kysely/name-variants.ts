// Curators' variant names and readings: content, kept in `search_name_variants`.
import type { AuthorityKind, NameVariant } from '../documents.ts';
import type { SearchDb } from './tables.ts';

export class NameVariantStore {
  constructor(private readonly db: SearchDb) {}

  async list(kind: AuthorityKind, id: string): Promise<NameVariant[]> {
    const rows = await this.db
      .selectFrom('search_name_variants')
      .selectAll()
      .where('entity_kind', '=', kind)
      .where('entity_id', '=', id)
      .orderBy('created_at')
      .execute();
    return rows.map((r) => ({ entityKind: kind, entityId: id, value: r.value, lang: r.lang, kind: r.kind === 'reading' ? 'reading' : 'variant' }));
  }

  /** Adds a variant, or updates the language and kind of one already recorded. */
  async put(v: NameVariant): Promise<void> {
    await this.db
      .insertInto('search_name_variants')
      .values({ entity_kind: v.entityKind, entity_id: v.entityId, value: v.value, lang: v.lang, kind: v.kind, created_at: new Date().toISOString() })
      .onConflict((oc) => oc.columns(['entity_kind', 'entity_id', 'value']).doUpdateSet({ lang: v.lang, kind: v.kind }))
      .execute();
  }

  async remove(kind: AuthorityKind, id: string, value: string): Promise<void> {
    await this.db.deleteFrom('search_name_variants').where('entity_kind', '=', kind).where('entity_id', '=', id).where('value', '=', value).execute();
  }
}
