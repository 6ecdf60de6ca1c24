// `tsuzuri ead import` on every engine: a dry run prints the counts and writes nothing, the
// import writes drafts, a refused file exits 1 with its line, bad arguments exit 2.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { eadCommand } from '../../src/cli/ead.ts';
import { ContentService } from '../../src/services/content.ts';
import { AuthService } from '../../src/services/auth.ts';
import { availableEngines, freshStorage, type TestStorage } from '../helpers/engines.ts';
import { ARCHIVE, ead3 } from './helpers.ts';

/** Runs the command with console output captured. */
async function run(args: string[], storage: TestStorage): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = console.log;
  const error = console.error;
  console.log = (...a: unknown[]) => void out.push(a.join(' '));
  console.error = (...a: unknown[]) => void err.push(a.join(' '));
  try {
    const code = await eadCommand(args, storage);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    console.log = log;
    console.error = error;
  }
}

const DSC = `<c01 level="series"><did><unittitle>Series</unittitle></did>
  <c02 level="file"><did><unitid>CLI 1</unitid><unittitle>One</unittitle></did></c02>
  <c02 level="file"><did><unitid>CLI 2</unitid><unittitle>Two</unittitle></did><controlaccess><persname>Doe, Jane</persname></controlaccess></c02>
</c01>`;

for (const engine of await availableEngines()) {
  describe(`tsuzuri ead import on ${engine}`, () => {
    let storage: TestStorage;
    let dir: string;
    let file: string;
    beforeEach(async () => {
      storage = await freshStorage(engine);
      await new ContentService(storage.store).saveInstitution(ARCHIVE);
      await new AuthService(storage.workspace).createUser({ email: 'curator@x.example', name: 'Curator', password: 'correct horse battery', isAdmin: false, roles: [{ role: 'curator', scope: ARCHIVE.id }] });
      dir = await mkdtemp(join(tmpdir(), 'tsuzuri-ead-cli-'));
      file = join(dir, 'finding-aid.xml');
      await writeFile(file, ead3(DSC));
    });
    afterEach(async () => {
      await storage.dispose();
      await rm(dir, { recursive: true, force: true });
    });

    const args = (...more: string[]) => ['import', file, '--institution', ARCHIVE.id, '--user', 'curator@x.example', ...more];

    it('a dry run prints the counts and writes nothing', async () => {
      const r = await run(args('--dry-run'), storage);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /components read\s+3 \(1 series and other structure\)/);
      assert.match(r.out, /items\s+2 new, 0 updated, 0 unchanged/);
      assert.match(r.out, /people linked\s+1 \(1 new people\)/);
      assert.match(r.out, /dry run: nothing written/);
      assert.deepEqual(await storage.workspace.openRevisions('item'), []);
      assert.deepEqual(await storage.store.listPersonIds(), []);
    });

    it('imports drafts, and a second run changes nothing', async () => {
      const first = await run(args(), storage);
      assert.equal(first.code, 0, first.err);
      assert.equal((await storage.workspace.openRevisions('item')).length, 2);
      const second = await run(args(), storage);
      assert.match(second.out, /items\s+0 new, 0 updated, 2 unchanged/);
    });

    it('exits 1 with the line of a refused file', async () => {
      await writeFile(file, ead3('<c><did><unittitle>Open</did></c>'));
      const r = await run(args(), storage);
      assert.equal(r.code, 1);
      assert.match(r.err, /line 14, column \d+: the file is not well-formed XML/);
      assert.match(r.err, /nothing was written/);
    });

    it('exits 2 on missing arguments, unknown users and unreadable files', async () => {
      assert.equal((await run(['import', file], storage)).code, 2);
      assert.equal((await run(['import', file, '--institution', ARCHIVE.id, '--user', 'nobody@x.example'], storage)).code, 2);
      assert.equal((await run(['import', join(dir, 'missing.xml'), '--institution', ARCHIVE.id, '--user', 'curator@x.example'], storage)).code, 2);
      assert.equal((await run(['export'], storage)).code, 2);
    });

    it('exits 1 when the user does not curate the institution', async () => {
      const r = await run(['import', file, '--institution', 'elsewhere', '--user', 'curator@x.example'], storage);
      assert.equal(r.code, 1);
      assert.match(r.err, /you do not curate records of elsewhere/);
    });
  });
}
