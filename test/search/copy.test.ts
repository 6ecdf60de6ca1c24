// The search tables and `db copy`: curators' variants travel, the derived index does not, and a
// copied database rebuilds its index.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { reindex } from '../../src/search/reindex.ts';
import { SearchService } from '../../src/services/search.ts';
import { copyDatabase, isDerivedTable, TABLES_IN_COPY_ORDER } from '../../src/storage/copy.ts';
import { availableEngines, freshStorage } from '../helpers/engines.ts';
import { demoSearch, ids, type SearchFixture } from './fixture.ts';

const engines = await availableEngines();

describe('search tables and db copy', () => {
  let source: SearchFixture;
  before(async () => {
    source = await demoSearch('sqlite');
  });
  after(() => source.dispose());

  for (const engine of engines) {
    it(`copies every table but the derived index (${engine})`, async () => {
      const s = await freshStorage(engine);
      try {
        // On PostgreSQL the introspection lists every schema's tables; only this run's count.
        const own = engine === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(s.db)).rows[0]?.s : undefined;
        const tables = (await s.db.introspection.getTables())
          .filter((t) => own === undefined || t.schema === own)
          .map((t) => t.name)
          .filter((n) => !n.startsWith('kysely_'));
        const derived = tables.filter(isDerivedTable);
        assert.ok(derived.includes('search_index_entries'));
        if (engine === 'sqlite') assert.ok(derived.includes('search_index_fts_data'), 'FTS5 shadow tables are derived');
        assert.deepEqual(
          tables.filter((t) => !isDerivedTable(t)).sort(),
          [...TABLES_IN_COPY_ORDER].sort(),
        );
      } finally {
        await s.dispose();
      }
    });

    it(`a copy to ${engine} knows its index is stale, and reindex makes it whole`, async () => {
      const target = await freshStorage(engine);
      try {
        await copyDatabase(source.storage.db, target.db);
        const search = new SearchService(target);
        assert.match((await search.staleness()) ?? '', /never been built|content moved/);
        const lines: string[] = [];
        const report = await reindex(target, (l) => lines.push(l));
        assert.equal(report.items, 13);
        assert.match(lines.join('\n'), /search index rebuilt in [\d.]+ s: 13 items, 1 chapters, 15 people/);
        assert.equal(await search.staleness(), null);
        const languages = await target.store.listLanguages();
        const m = await search.search({ q: 'にいぜき', page: 1, perPage: 20, filters: {} }, languages.map((l) => l.tag));
        assert.ok(ids(m).includes('item:cabinet-approval-niizeki-1972'), 'the demo readings came along');
      } finally {
        await target.dispose();
      }
    });
  }
});
