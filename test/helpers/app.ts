import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../../src/config.ts';
import { buildApp, type App } from '../../src/http/app.ts';
import { MediaStore } from '../../src/media/store.ts';
import { loadDemo } from '../../src/services/demo.ts';
import { openStorage, type Engine, type Storage } from '../../src/storage/index.ts';
import { freshStorage, type TestStorage } from './engines.ts';

export interface TestApp extends App {
  storage: Storage;
  close(): Promise<void>;
}

export function testConfig(dataDir: string, over: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    databaseUrl: null,
    defaultLang: 'en',
    loadDemo: true,
    contentPollMs: 0,
    logLevel: 'silent',
    dbPoolSize: 5,
    dbStatementTimeoutMs: 15000,
    dbSchema: null,
    shutdownTimeoutMs: 2000,
    pageCacheBytes: 64 * 1024 * 1024,
    trustProxy: false,
    ...over,
  };
}

/** The app on an in-memory SQLite database with the demo exhibition loaded; no port is opened. */
export async function demoApp(over: Partial<Config> = {}): Promise<TestApp> {
  const storage = await openStorage({ url: ':memory:' });
  return withDemo(storage, () => storage.close(), over);
}

export interface EngineTestApp extends App {
  storage: TestStorage;
  close(): Promise<void>;
}

/** The app with the demo on a fresh database of `engine` (a schema of its own on PostgreSQL); no port is opened. */
export async function demoAppOn(engine: Engine, over: Partial<Config> = {}): Promise<EngineTestApp> {
  const storage = await freshStorage(engine);
  return withDemo(storage, () => storage.dispose(), over);
}

async function withDemo<S extends Storage>(storage: S, dispose: () => Promise<void>, over: Partial<Config>): Promise<App & { storage: S; close(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tsuzuri-test-'));
  const media = new MediaStore(join(dataDir, 'media'));
  const app = await buildApp(testConfig(dataDir, over), { storage, media });
  await loadDemo(app.content, media);
  return {
    ...app,
    storage,
    close: async () => {
      await app.fastify.close();
      await dispose();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The visible text of an HTML document, tags removed and entities decoded, whitespace folded. */
export function textOf(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : (ENTITIES[e] ?? m),
    )
    .replace(/\s+/g, ' ');
}
