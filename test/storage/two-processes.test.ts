// Stateless app servers: two processes on one PostgreSQL; a change made through one shows on the other.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildApp, type App } from '../../src/http/app.ts';
import { MediaStore } from '../../src/media/store.ts';
import { loadDemo } from '../../src/services/demo.ts';
import { openStorage, type Storage } from '../../src/storage/index.ts';
import { connectPostgres, dropPostgresSchema } from '../../src/storage/postgres/connect.ts';
import { testConfig } from '../helpers/app.ts';
import { PG_URL, postgresUnavailable } from '../helpers/engines.ts';

const why = await postgresUnavailable();
if (why) console.log(`# NOTICE: PostgreSQL unreachable (${why}); two-process test skipped`);

const CHAPTER = '/en/exhibitions/japan-mongolia/establishment-1972';
const POLL_MS = 200;

async function waitUntil(check: () => Promise<boolean>, ms: number): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < ms) {
    if (await check()) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`condition not met within ${ms} ms`);
}

describe('two app processes on one PostgreSQL', { skip: why ? 'PostgreSQL unreachable' : false }, () => {
  const schema = `t_two_${process.pid}`;
  let dir: string;
  let storage: Storage;
  let a: App;
  let b: ChildProcess;
  let baseA: string;
  let baseB: string;

  let previousPublicUrl: string | undefined;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tsuzuri-two-'));
    // Process A: this test process, a full app server listening on a port.
    storage = await openStorage({ url: PG_URL, schema });
    const media = new MediaStore(join(dir, 'media'));
    // App servers behind one address share one public URL: pages name themselves absolutely
    // (JSON-LD, IIIF), so identical bytes need it (B inherits it through the environment).
    previousPublicUrl = process.env['TSUZURI_PUBLIC_URL'];
    process.env['TSUZURI_PUBLIC_URL'] = 'https://archives.example';
    a = await buildApp(testConfig(dir, { contentPollMs: POLL_MS }), { storage, media });
    await loadDemo(a.content, media);
    await a.fastify.listen({ port: 0, host: '127.0.0.1' });
    baseA = `http://127.0.0.1:${(a.fastify.server.address() as AddressInfo).port}`;
    // Process B: the `tsuzuri serve` command, sharing the database and the media directory.
    b = spawn(process.execPath, ['bin/tsuzuri.js', 'serve'], {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: PG_URL,
        TSUZURI_DB_SCHEMA: schema,
        TSUZURI_DATA_DIR: dir,
        TSUZURI_CONTENT_POLL_MS: String(POLL_MS),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    baseB = await new Promise<string>((resolve, reject) => {
      let out = '';
      b.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      b.on('exit', (code) => reject(new Error(`process B exited with ${code}: ${out}`)));
    });
  });

  after(async () => {
    if (previousPublicUrl === undefined) delete process.env['TSUZURI_PUBLIC_URL'];
    else process.env['TSUZURI_PUBLIC_URL'] = previousPublicUrl;
    b?.kill('SIGTERM');
    await a?.fastify.close();
    await storage?.close();
    const admin = await connectPostgres({ url: PG_URL });
    await dropPostgresSchema(admin, schema);
    await admin.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  const page = async (base: string, path = CHAPTER) => (await fetch(`${base}${path}`)).text();

  it('a change made through A reaches B within its poll interval, and both serve the same bytes', async () => {
    // Both render and cache the chapter first.
    assert.ok((await page(baseA)).includes('01-1337'));
    assert.ok((await page(baseB)).includes('01-1337'));
    assert.equal(await page(baseB), await page(baseA));

    const item = await a.site.item('cultural-agreement-1974');
    assert.ok(item);
    const heading = { ...item.item.heading, en: { value: 'Cultural agreement of 1974 (revised heading)', status: 'reviewed' as const } };
    await a.content.saveItem({ ...item.item, heading });

    // A dropped its cache at commit; B learns of the change from the database.
    assert.ok((await page(baseA)).includes('revised heading'));
    const waited = await waitUntil(async () => (await page(baseB)).includes('revised heading'), 5000);
    assert.ok(waited <= POLL_MS * 5, `B took ${waited} ms`);
    assert.equal(await page(baseB), await page(baseA));
  });

  it('unpublishing through A removes the record from B', async () => {
    const item = await storage.store.getItem('economic-meeting-1975');
    assert.ok(item);
    await a.content.saveItem({ ...item, state: 'draft' });
    // The chapter page was cached on B; it must drop it once it sees the new version.
    await waitUntil(async () => !(await page(baseB)).includes('Fund-409, File-1, Unit-98'), 5000);
    assert.equal((await fetch(`${baseB}/en/items/economic-meeting-1975`)).status, 404);
  });

  it('B serves media written through A from the shared media directory', async () => {
    const res = await fetch(`${baseB}/media/demo/joint-communique-1972.jpg`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/jpeg');
  });

  it('B reports ready, and closes cleanly on SIGTERM', async () => {
    const ready = await fetch(`${baseB}/readyz`);
    assert.equal(ready.status, 200);
    const exited = new Promise<number | null>((resolve) => b.once('exit', (code) => resolve(code)));
    b.kill('SIGTERM');
    assert.equal(await exited, 0);
  });
});
