// `tsuzuri xliff export|import` on a real data directory, as an administrator runs it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openStorage } from '../../src/storage/index.ts';
import { setTarget } from './helpers.ts';

function cli(dir: string, args: string[], stdin = ''): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/tsuzuri.js', ...args], { env: { ...process.env, TSUZURI_DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'silent' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(stdin);
  });
}

// The CLI is a thin layer over XliffService, whose behaviour is tested on both engines in
// service.test.ts; here it runs on the SQLite file of a data directory.
describe('tsuzuri xliff', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tsuzuri-xliff-cli-'));
    const demo = await cli(dir, ['demo']);
    assert.equal(demo.code, 0, demo.err);
    const user = await cli(dir, ['user', 'add', '--email', 'mn@x.example', '--name', 'Mn', '--translator', 'mn', '--password', 'a long enough password']);
    assert.equal(user.code, 0, user.err);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const mnCaption = async (id: string) => {
    const storage = await openStorage({ url: join(dir, 'tsuzuri.sqlite') });
    try {
      const open = (await storage.workspace.openRevisions('item')).find((r) => r.entityId === id);
      return ((open?.data ?? (await storage.store.getItem(id))) as { caption: Record<string, { value: string } | undefined> }).caption['mn']?.value;
    } finally {
      await storage.close();
    }
  };

  it('exports to a file and to standard output, and says why an export is refused', async () => {
    const file = join(dir, 'mn.xlf');
    const r = await cli(dir, ['xliff', 'export', '--exhibition', 'japan-mongolia', '--lang', 'mn', '--version', '1.2', '--out', file]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /\d+ units \(0 missing, \d+ draft, 0 outdated, \d+ reviewed\) written to/);
    assert.match(await readFile(file, 'utf8'), /urn:oasis:names:tc:xliff:document:1\.2/);
    const out = await cli(dir, ['xliff', 'export', '--exhibition', 'japan-mongolia', '--lang', 'ja', '--items', 'goodwill-mission-1971']);
    assert.equal(out.code, 0, out.err);
    assert.match(out.out, /<unit id="item\.goodwill-mission-1971\.caption"/);
    assert.doesNotMatch(out.out, /item\.joint-communique-1972/);
    const outside = await cli(dir, ['xliff', 'export', '--exhibition', 'japan-mongolia', '--lang', 'ja', '--items', 'nope']);
    assert.equal(outside.code, 1);
    assert.match(outside.err, /These records are not in japan-mongolia: nope/);
    const version = await cli(dir, ['xliff', 'export', '--exhibition', 'japan-mongolia', '--lang', 'ja', '--version', '3']);
    assert.equal(version.code, 2);
  });

  it('checks with --dry-run, imports, and refuses a hostile file with its line', async () => {
    const exported = await cli(dir, ['xliff', 'export', '--exhibition', 'japan-mongolia', '--lang', 'mn']);
    const file = join(dir, 'mn-changed.xlf');
    await writeFile(file, setTarget(exported.out, 'item.exchange-of-notes-1972.caption', 'Ноот солилцсон нь', '2.0'));
    const before = await mnCaption('exchange-of-notes-1972');
    const dry = await cli(dir, ['xliff', 'import', file, '--user', 'mn@x.example', '--dry-run']);
    assert.equal(dry.code, 0, dry.err);
    assert.match(dry.out, /item\.exchange-of-notes-1972\.caption: to apply/);
    assert.equal(await mnCaption('exchange-of-notes-1972'), before);
    const done = await cli(dir, ['xliff', 'import', file, '--user', 'mn@x.example']);
    assert.equal(done.code, 0, done.err);
    assert.match(done.out, /:\d+:\d+: item\.exchange-of-notes-1972\.caption: applied/);
    assert.match(done.out, /1 change was saved as drafts/);
    assert.equal(await mnCaption('exchange-of-notes-1972'), 'Ноот солилцсон нь');

    // The translator for mn may not import Japanese: every unit says so, nothing is saved.
    const ja = await cli(dir, ['xliff', 'export', '--exhibition', 'japan-mongolia', '--lang', 'ja']);
    const jaFile = join(dir, 'ja.xlf');
    await writeFile(jaFile, setTarget(ja.out, 'item.exchange-of-notes-1972.caption', '交換公文', '2.0'));
    const refused = await cli(dir, ['xliff', 'import', jaFile, '--user', 'mn@x.example']);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /item\.exchange-of-notes-1972\.caption: error – You may not change ja texts here \(you translate into: mn\)\./);
    assert.match(refused.err, /Nothing was applied/);

    const hostile = join(dir, 'hostile.xlf');
    await writeFile(hostile, '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<xliff>&e;</xliff>\n');
    const h = await cli(dir, ['xliff', 'import', hostile, '--user', 'mn@x.example']);
    assert.equal(h.code, 1);
    assert.match(h.err, /The file was not imported: line 2, column \d+: a DOCTYPE declaration is not allowed/);
    const big = join(dir, 'big.xlf');
    await writeFile(big, Buffer.alloc(50 * 1024 * 1024, 0x20));
    const b = await cli(dir, ['xliff', 'import', big, '--user', 'mn@x.example']);
    assert.equal(b.code, 1);
    assert.match(b.err, /50\.0 MB; at most 20 MB/);
    const nobody = await cli(dir, ['xliff', 'import', file, '--user', 'nobody@x.example']);
    assert.equal(nobody.code, 1);
    assert.match(nobody.err, /no active account/);
    const usage = await cli(dir, ['xliff', 'import', file]);
    assert.equal(usage.code, 2);
  });
});
