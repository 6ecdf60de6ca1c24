// The app with the demo exhibition on a given storage engine, for translation tests that must
// hold on SQLite and PostgreSQL alike.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { buildApp } from '../../src/http/app.ts';
import { MediaStore } from '../../src/media/store.ts';
import { loadDemo } from '../../src/services/demo.ts';
import type { Engine } from '../../src/storage/index.ts';
import { testConfig, type TestApp } from '../helpers/app.ts';
import { freshStorage, postgresUnavailable } from '../helpers/engines.ts';

/** Null (with a printed notice and the test skipped) when the engine cannot be reached. */
export async function engineApp(engine: Engine, t: TestContext): Promise<TestApp | null> {
  if (engine === 'postgres') {
    const why = await postgresUnavailable();
    if (why) {
      console.log(`PostgreSQL unavailable (${why}): skipping the PostgreSQL half`);
      t.skip('PostgreSQL unavailable');
      return null;
    }
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'tsuzuri-tr-'));
  const storage = await freshStorage(engine);
  const media = new MediaStore(join(dataDir, 'media'));
  const app = await buildApp(testConfig(dataDir), { storage, media });
  await loadDemo(app.content, media);
  return {
    ...app,
    storage,
    close: async () => {
      await app.fastify.close();
      await storage.dispose();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
