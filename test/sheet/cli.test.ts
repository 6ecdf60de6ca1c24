// `tsuzuri sheet …` as a curator uses it, on every engine: export a chapter, check a changed
// copy (a dry run writes nothing), apply it, and see clear errors for a bad file or row.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { toCsv } from '../../src/import/sheet/export.ts';
import { readTable } from '../../src/import/sheet/read.ts';
import { openStorage, type Storage } from '../../src/storage/index.ts';
import { connectPostgres, dropPostgresSchema } from '../../src/storage/postgres/connect.ts';
import { availableEngines, PG_URL } from '../helpers/engines.ts';

for (const engine of await availableEngines()) {
  describe(`tsuzuri sheet on ${engine}`, () => {
    let dir: string;
    const schema = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
    const env = (): NodeJS.ProcessEnv => ({
      ...process.env,
      TSUZURI_DATA_DIR: dir,
      LOG_LEVEL: 'silent',
      ...(engine === 'postgres' ? { DATABASE_URL: `${PG_URL}?schema=${schema}` } : { DATABASE_URL: '' }),
    });
    const cli = (args: string[]): Promise<{ code: number | null; out: string; err: string }> =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, ['bin/tsuzuri.js', ...args], { env: env() });
        let out = '';
        let err = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        child.on('close', (code) => resolve({ code, out, err }));
        child.stdin.end();
      });
    const withStorage = async <T>(fn: (s: Storage) => Promise<T>): Promise<T> => {
      const storage = await openStorage({ url: engine === 'postgres' ? `${PG_URL}?schema=${schema}` : join(dir, 'tsuzuri.sqlite') });
      try {
        return await fn(storage);
      } finally {
        await storage.close();
      }
    };

    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'tsuzuri-sheet-cli-'));
      const demo = await cli(['demo']);
      assert.equal(demo.code, 0, demo.err);
      const user = await cli(['user', 'add', '--email', 'mfa@x.example', '--name', 'MFA', '--curator', 'mn-mfa-ca', '--password', 'a long enough password']);
      assert.equal(user.code, 0, user.err);
    });
    after(async () => {
      await rm(dir, { recursive: true, force: true });
      if (engine === 'postgres') {
        const admin = await connectPostgres({ url: PG_URL });
        await dropPostgresSchema(admin, schema).finally(() => admin.destroy());
      }
    });

    it('exports a chapter, checks a changed copy without writing, then applies it', async () => {
      const file = join(dir, 'ch05.csv');
      const exported = await cli(['sheet', 'export', '--exhibition', 'japan-mongolia', '--chapter', 'ch05', '--out', file]);
      assert.equal(exported.code, 0, exported.err);
      assert.match(exported.out, /13 items written/);

      const same = await cli(['sheet', 'import', file, '--user', 'mfa@x.example']);
      assert.equal(same.code, 0, same.err);
      assert.match(same.out, /13 rows: 0 new, 0 changed, 13 unchanged, 0 with errors/);

      const table = await readTable(await readFile(file));
      const h = (name: string) => table.headers.indexOf(name);
      const rows = [table.headers, ...table.rows.map((r) => [...r.cells])];
      const joint = rows.find((r) => r[h('id')] === 'joint-communique-1972') as string[];
      joint[h('caption@en')] = 'Changed from the command line.';
      const changed = join(dir, 'changed.csv');
      await writeFile(changed, toCsv(rows));

      const dry = await cli(['sheet', 'import', changed, '--user', 'mfa@x.example']);
      assert.equal(dry.code, 0, dry.err);
      assert.match(dry.out, /row \d+ \(joint-communique-1972\): change/);
      assert.match(dry.out, /caption@en: change: .* → Changed from the command line\./);
      assert.match(dry.out, /dry run: nothing written/);
      assert.equal(await withStorage(async (s) => (await s.workspace.openRevisions('item')).length), 0);

      const applied = await cli(['sheet', 'import', changed, '--user', 'mfa@x.example', '--apply']);
      assert.equal(applied.code, 0, applied.err);
      assert.match(applied.out, /imported/);
      const open = await withStorage((s) => s.workspace.openRevisions('item'));
      assert.deepEqual(open.map((r) => r.entityId), ['joint-communique-1972']);

      const again = await cli(['sheet', 'import', changed, '--user', 'mfa@x.example', '--apply']);
      assert.equal(again.code, 0, again.err);
      assert.match(again.out, /0 new, 0 changed, 13 unchanged/);
      assert.equal((await withStorage((s) => s.workspace.openRevisions('item'))).length, 1);
    });

    // The signal is the same on every engine; SQLite, answering synchronously, is the case
    // where an import that never yields would not hear it.
    it('cancels cleanly on Ctrl-C (SIGINT): nothing written, exit code 130', { skip: engine !== 'sqlite' }, async () => {
      const big = join(dir, 'big.csv');
      const rows = [['institution', 'reference_code', 'heading@en', 'date']];
      for (let i = 0; i < 5000; i++) rows.push(['mn-mfa-ca', `Fund-7, File-7, Unit-${i}`, `Record ${i}`, '1972']);
      await writeFile(big, toCsv(rows));
      const before = await withStorage(async (s) => (await s.workspace.openRevisions('item')).length);
      const result = await new Promise<{ code: number | null; err: string }>((resolve) => {
        const child = spawn(process.execPath, ['bin/tsuzuri.js', 'sheet', 'import', big, '--user', 'mfa@x.example', '--apply'], { env: env() });
        let err = '';
        let sent = false;
        child.stderr.on('data', (d: Buffer) => {
          err += d.toString();
          // Once the rows are read and the job runs, press Ctrl-C.
          if (!sent && err.includes('importing 5000 rows')) {
            sent = true;
            setTimeout(() => child.kill('SIGINT'), 300);
          }
        });
        child.on('close', (code) => resolve({ code, err }));
        child.stdin.end();
      });
      assert.equal(result.code, 130, result.err);
      assert.match(result.err, /cancelled; nothing was written/);
      assert.equal(await withStorage(async (s) => (await s.workspace.openRevisions('item')).length), before);
    });

    it('says what is wrong with a file or a row, and exits non-zero', async () => {
      const garbage = join(dir, 'garbage.csv');
      await writeFile(garbage, Buffer.from([0x00, 0xff, 0x10, 0x80, 0x81]));
      const g = await cli(['sheet', 'import', garbage, '--user', 'mfa@x.example']);
      assert.equal(g.code, 1);
      assert.match(g.err, /not UTF-8 or UTF-16 text/);

      const bad = join(dir, 'bad.csv');
      await writeFile(bad, toCsv([['institution', 'reference_code', 'heading@en', 'date'], ['mn-mfa-ca', 'Fund-1, File-2, Unit-3', 'A new record', '31 February 1972']]));
      const b = await cli(['sheet', 'import', bad, '--user', 'mfa@x.example', '--apply']);
      assert.equal(b.code, 1);
      assert.match(b.out, /D2 date: error: .*31 February 1972/);
      assert.match(b.out, /1 with errors/);

      const nobody = await cli(['sheet', 'import', bad, '--user', 'nobody@x.example']);
      assert.equal(nobody.code, 2);
      assert.match(nobody.err, /no active user/);
    });
  });
}
