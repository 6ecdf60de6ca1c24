// `tsuzuri user …` on a real data directory, the way an administrator uses it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AuthService, SignInRefused } from '../../src/services/auth.ts';
import { openStorage } from '../../src/storage/index.ts';

function cli(dir: string, args: string[], stdin = ''): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/tsuzuri.js', ...args], { env: { ...process.env, TSUZURI_DATA_DIR: dir, LOG_LEVEL: 'silent' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(stdin);
  });
}

describe('tsuzuri user', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tsuzuri-cli-'));
    // The demo gives the institutions curators are scoped to.
    const demo = await cli(dir, ['demo']);
    assert.equal(demo.code, 0, demo.err);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const signIn = async (email: string, password: string) => {
    const storage = await openStorage({ url: join(dir, 'tsuzuri.sqlite') });
    try {
      return await new AuthService(storage.workspace).signIn(email, password, '127.0.0.1');
    } finally {
      await storage.close();
    }
  };

  it('adds the first administrator with the password from standard input', async () => {
    const r = await cli(dir, ['user', 'add', '--admin', '--email', 'Admin@Archives.example', '--name', 'First Admin'], 'a long enough password\n');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /administrator/);
    const { user } = await signIn('admin@archives.example', 'a long enough password');
    assert.equal(user.isAdmin, true);
  });

  it('adds a scoped curator and refuses an unknown institution or a short password with the reason', async () => {
    const ok = await cli(dir, ['user', 'add', '--email', 'c@mfa.example', '--name', 'C', '--curator', 'mn-mfa-ca', '--password', 'another long password']);
    assert.equal(ok.code, 0, ok.err);
    const unknown = await cli(dir, ['user', 'add', '--email', 'x@x.example', '--curator', 'nowhere', '--password', 'another long password']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, /unknown institution nowhere/);
    const short = await cli(dir, ['user', 'add', '--email', 'y@x.example', '--password', 'short']);
    assert.equal(short.code, 1);
    assert.match(short.err, /password: use at least 10 characters/);
    const list = await cli(dir, ['user', 'list']);
    assert.match(list.out, /c@mfa\.example\tC\tcurator:mn-mfa-ca/);
  });

  it('changes a password and disables an account', async () => {
    assert.equal((await cli(dir, ['user', 'set-password', '--email', 'c@mfa.example'], 'a brand new password\n')).code, 0);
    await signIn('c@mfa.example', 'a brand new password');
    assert.equal((await cli(dir, ['user', 'disable', '--email', 'c@mfa.example'])).code, 0);
    await assert.rejects(signIn('c@mfa.example', 'a brand new password'), SignInRefused);
  });
});
