// `tsuzuri reindex` on a database whose content was written without the search index.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { MediaStore } from '../../src/media/store.ts';
import { ContentService } from '../../src/services/content.ts';
import { loadDemo } from '../../src/services/demo.ts';
import { SearchService } from '../../src/services/search.ts';
import { defaultSqlitePath, openStorage } from '../../src/storage/index.ts';
import { searchDb } from '../../src/search/kysely/tables.ts';

const run = promisify(execFile);

describe('tsuzuri reindex', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tsuzuri-reindex-'));
    const storage = await openStorage({ url: defaultSqlitePath(dir) });
    // Like `tsuzuri demo`: content written by a service with no search listener.
    await loadDemo(new ContentService(storage.store), new MediaStore(join(dir, 'media')));
    await storage.close();
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('is listed in the help', async () => {
    const { stdout } = await run(process.execPath, ['bin/tsuzuri.js', 'help']);
    assert.match(stdout, /reindex\s+rebuild the search index/);
  });

  it('rebuilds the index of the configured database', async () => {
    const env = { ...process.env, TSUZURI_DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'silent' };
    const before = await openStorage({ url: defaultSqlitePath(dir) });
    assert.match((await new SearchService(before).staleness()) ?? '', /never been built/);
    await before.close();

    const { stdout } = await run(process.execPath, ['bin/tsuzuri.js', 'reindex'], { env });
    assert.match(stdout, /search index rebuilt in [\d.]+ s: 13 items, 1 chapters, 15 people/);

    const storage = await openStorage({ url: defaultSqlitePath(dir) });
    try {
      const search = new SearchService(storage);
      assert.equal(await search.staleness(), null);
      const m = await search.search({ q: '国交', page: 1, perPage: 20, filters: {} }, ['ja', 'en', 'mn']);
      assert.equal(m.total, 3);
    } finally {
      await storage.close();
    }
  });

  it('loads the demo with the kana readings of its kanji names', async () => {
    const fresh = await mkdtemp(join(tmpdir(), 'tsuzuri-demo-'));
    try {
      const env = { ...process.env, TSUZURI_DATA_DIR: fresh, DATABASE_URL: '', LOG_LEVEL: 'silent' };
      const { stdout } = await run(process.execPath, ['bin/tsuzuri.js', 'demo'], { env });
      assert.match(stdout, /demo exhibition loaded/);
      const storage = await openStorage({ url: defaultSqlitePath(fresh) });
      try {
        const rows = await searchDb(storage.db).selectFrom('search_name_variants').select(['entity_id', 'value']).where('kind', '=', 'reading').execute();
        assert.ok(rows.some((r) => r.entity_id === 'niizeki-kinya' && r.value === 'にいぜき きんや'), JSON.stringify(rows));
      } finally {
        await storage.close();
      }
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  });
});
