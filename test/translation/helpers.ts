// The app with the demo exhibition on a given storage engine, for translation tests that must
// hold on SQLite and PostgreSQL alike.
import type { TestContext } from 'node:test';
import type { Engine } from '../../src/storage/index.ts';
import { demoAppOn, type TestApp } from '../helpers/app.ts';
import { postgresUnavailable } from '../helpers/engines.ts';

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
  return demoAppOn(engine);
}
