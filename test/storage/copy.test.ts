// `tsuzuri db copy`: everything moves between engines, and every public page reads the same after.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../../src/http/app.ts';
import { MediaStore } from '../../src/media/store.ts';
import { ContentService } from '../../src/services/content.ts';
import { loadDemo } from '../../src/services/demo.ts';
import { copyDatabase, CopyError, isDerivedTable, TABLES_IN_COPY_ORDER } from '../../src/storage/copy.ts';
import { openStorage, type ContentStore, type Storage } from '../../src/storage/index.ts';
import { connectPostgres, dropPostgresSchema } from '../../src/storage/postgres/connect.ts';
import { testConfig } from '../helpers/app.ts';
import { PG_URL, postgresUnavailable } from '../helpers/engines.ts';

const run = promisify(execFile);
const LANGS = ['ja', 'mn', 'en'];

/** The full JSON of every entity in a database. */
async function snapshot(store: ContentStore) {
  const exhibitionIds = await store.listExhibitionIds(false);
  return {
    languages: await store.listLanguages(),
    institutions: await store.listInstitutions(),
    people: await store.getPeople(await store.listPersonIds()),
    places: await store.getPlaces(await store.listPlaceIds()),
    items: await store.getItems(await store.listItemIds()),
    exhibitions: await Promise.all(exhibitionIds.map((id) => store.getExhibition(id))),
    terms: await store.getSitePage('terms'),
  };
}

/** Every public page of the site in every language, rendered from `storage`. */
async function pages(storage: Storage, dataDir: string): Promise<Map<string, string>> {
  const app = await buildApp(testConfig(dataDir), { storage, media: new MediaStore(join(dataDir, 'media')) });
  const s = await snapshot(storage.store);
  const paths = ['/', '/institutions', '/terms'];
  for (const ex of s.exhibitions) {
    if (!ex) continue;
    paths.push(`/exhibitions/${ex.slug}`, ...ex.chapters.map((c) => `/exhibitions/${ex.slug}/${c.slug}`));
  }
  paths.push(...s.items.map((i) => `/items/${i.id}`), ...s.people.map((p) => `/people/${p.id}`), ...s.institutions.map((i) => `/institutions/${i.id}`));
  const out = new Map<string, string>();
  for (const lang of LANGS) {
    for (const path of paths) {
      const res = await app.fastify.inject({ method: 'GET', url: `/${lang}${path === '/' ? '/' : path}` });
      assert.equal(res.statusCode, 200, `${lang}${path}`);
      out.set(`/${lang}${path}`, res.body);
    }
  }
  await app.fastify.close();
  return out;
}

describe('db copy', () => {
  let dir: string;
  let sourceFile: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tsuzuri-copy-'));
    sourceFile = join(dir, 'source.sqlite');
    const source = await openStorage({ url: sourceFile });
    await loadDemo(new ContentService(source.store), new MediaStore(join(dir, 'media')));
    await source.close();
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('knows every table the migrations create', async () => {
    const s = await openStorage({ url: ':memory:' });
    const tables = (await s.db.introspection.getTables()).map((t) => t.name).filter((n) => !n.startsWith('kysely_') && !isDerivedTable(n));
    await s.close();
    assert.deepEqual([...tables].sort(), [...TABLES_IN_COPY_ORDER].sort());
  });

  it('refuses a non-empty target and leaves it as it was', async () => {
    const a = await openStorage({ url: sourceFile });
    const b = await openStorage({ url: join(dir, 'busy.sqlite') });
    try {
      await copyDatabase(a.db, b.db);
      const before = await snapshot(b.store);
      await assert.rejects(copyDatabase(a.db, b.db), CopyError);
      assert.deepEqual(await snapshot(b.store), before);
      // --replace overwrites it.
      await copyDatabase(a.db, b.db, { replace: true });
      assert.deepEqual(await snapshot(b.store), await snapshot(a.store));
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('moves the version past both databases so every app server drops its cache', async () => {
    const a = await openStorage({ url: sourceFile });
    const b = await openStorage({ url: ':memory:' });
    try {
      const before = Math.max(await a.store.contentVersion(), await b.store.contentVersion());
      await copyDatabase(a.db, b.db);
      assert.ok((await b.store.contentVersion()) > before);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('SQLite → PostgreSQL → SQLite through the CLI keeps every entity and every public page', async (t) => {
    const why = await postgresUnavailable();
    if (why) {
      console.log(`# NOTICE: PostgreSQL unreachable (${why}); SQLite ⇄ PostgreSQL copy test skipped`);
      t.skip('PostgreSQL unreachable');
      return;
    }
    const schema = `t_copy_${process.pid}`;
    const pgUrl = `${PG_URL}?schema=${schema}`;
    const backFile = join(dir, 'back.sqlite');
    const cli = (...args: string[]) => run(process.execPath, ['bin/tsuzuri.js', ...args], { env: { ...process.env, LOG_LEVEL: 'silent' } });
    try {
      const there = await cli('db', 'copy', '--from', sourceFile, '--to', pgUrl);
      assert.match(there.stdout, /copied sqlite → postgres/);
      assert.match(there.stdout, /items\s+13/);
      // The copy rebuilds the target's search index itself.
      assert.match(there.stdout, /search index rebuilt in [\d.]+ s: 13 items/);
      const back = await cli('db', 'copy', '--from', pgUrl, '--to', backFile);
      assert.match(back.stdout, /copied postgres → sqlite/);

      const source = await openStorage({ url: sourceFile });
      const pgStorage = await openStorage({ url: pgUrl });
      const returned = await openStorage({ url: backFile });
      try {
        const expected = await snapshot(source.store);
        assert.deepEqual(await snapshot(pgStorage.store), expected);
        assert.deepEqual(await snapshot(returned.store), expected);
        const before = await pages(source, dir);
        assert.deepEqual(await pages(pgStorage, dir), before);
        assert.deepEqual(await pages(returned, dir), before);
        assert.ok(before.size >= 3 * 20);
      } finally {
        await source.close();
        await pgStorage.close();
        await returned.close();
      }
    } finally {
      const admin = await connectPostgres({ url: PG_URL });
      await dropPostgresSchema(admin, schema);
      await admin.destroy();
    }
  });

  it('the CLI reports a missing source file and a busy target clearly', async () => {
    const cli = (...args: string[]) => run(process.execPath, ['bin/tsuzuri.js', ...args]).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );
    const missing = await cli('db', 'copy', '--from', join(dir, 'nope.sqlite'), '--to', join(dir, 'x.sqlite'));
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no database file/);
    const busy = await cli('db', 'copy', '--from', sourceFile, '--to', sourceFile);
    assert.equal(busy.code, 1);
    assert.match(busy.stderr, /target is not empty/);
  });
});
