// The workspace pages: export download, upload with a per-unit report, confirm with the same file.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { WorkflowService } from '../../src/services/workflow.ts';
import { addUser, signIn, type Agent } from '../helpers/admin.ts';
import type { TestApp } from '../helpers/app.ts';
import { textOf } from '../helpers/app.ts';
import { availableEngines } from '../helpers/engines.ts';
import { demoAppOn, setTarget } from './helpers.ts';

const FILE = (xml: string, filename = 'mn.xlf') => ({ file: { filename, type: 'application/xliff+xml', data: Buffer.from(xml) } });

for (const engine of await availableEngines()) {
  describe(`XLIFF pages of the workspace (${engine})`, () => {
    let app: TestApp;
    let mn: Agent;
    let viewer: Agent;
    before(async () => {
      app = await demoAppOn(engine);
      await addUser(app, 'admin@x.example', [], true);
      await addUser(app, 'mn@x.example', [{ role: 'translator', scope: 'mn' }]);
      await addUser(app, 'viewer@x.example', [{ role: 'viewer', scope: '' }]);
      mn = await signIn(app, 'mn@x.example');
      viewer = await signIn(app, 'viewer@x.example');
    });
    after(() => app.close());

    const caption = async (id: string) => (await new WorkflowService(app.storage, () => undefined).item(id))?.current.caption['mn']?.value;

    it('shows the forms and downloads an export', async () => {
      const pageRes = await mn.get('/admin/xliff');
      assert.equal(pageRes.statusCode, 200);
      assert.match(pageRes.body, /action="\/admin\/xliff\/export"/);
      assert.match(pageRes.body, /action="\/admin\/xliff\/import"/);
      const res = await mn.get('/admin/xliff/export?exhibition=japan-mongolia&lang=mn&chapter=ch05&version=1.2');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^application\/xliff\+xml/);
      assert.match(String(res.headers['content-disposition']), /attachment; filename="japan-mongolia-ch05-mn\.xliff12\.xlf"/);
      assert.match(res.body, /<xliff xmlns="urn:oasis:names:tc:xliff:document:1\.2" version="1\.2">/);
      const bad = await mn.get('/admin/xliff/export?exhibition=japan-mongolia&lang=mn&chapter=nope');
      assert.equal(bad.statusCode, 422);
      assert.match(textOf(bad.body), /has no chapter “nope”/);
      const source = await mn.get('/admin/xliff/export?exhibition=japan-mongolia&lang=en');
      assert.equal(source.statusCode, 422);
      // A viewer may read (export) but not import.
      assert.equal((await viewer.get('/admin/xliff/export?exhibition=japan-mongolia&lang=ja')).statusCode, 200);
      assert.equal((await viewer.upload('/admin/xliff/import', {}, FILE(source.body))).statusCode, 403);
      assert.doesNotMatch((await viewer.get('/admin/xliff')).body, /action="\/admin\/xliff\/import"/);
    });

    it('checks an upload, then applies it only when the same file is confirmed', async () => {
      const exported = (await mn.get('/admin/xliff/export?exhibition=japan-mongolia&lang=mn&version=2.0')).body;
      const xml = setTarget(exported, 'item.academic-exchange-1972.caption', 'Эрдэм шинжилгээний солилцоо — шинэ', '2.0');
      const before = await caption('academic-exchange-1972');
      const check = await mn.upload('/admin/xliff/import', {}, FILE(xml));
      assert.equal(check.statusCode, 200);
      const text = textOf(check.body);
      assert.match(text, /item\.academic-exchange-1972\.caption \d+ to apply/);
      assert.match(text, /1 to apply, \d+ unchanged, 0 skipped, 0 with errors/);
      const hash = /name="confirm" value="([0-9a-f]{64})"/.exec(check.body)?.[1];
      assert.ok(hash, 'the confirm form carries the file’s hash');
      assert.equal(await caption('academic-exchange-1972'), before, 'nothing saved by the check');

      const other = await mn.upload('/admin/xliff/import', { confirm: hash }, FILE(`${xml}\n`));
      assert.match(textOf(other.body), /not the file that was checked/);
      assert.equal(await caption('academic-exchange-1972'), before);

      const done = await mn.upload('/admin/xliff/import', { confirm: hash }, FILE(xml));
      assert.equal(done.statusCode, 200);
      assert.match(textOf(done.body), /1 change was saved as drafts/);
      assert.match(textOf(done.body), /item\.academic-exchange-1972\.caption \d+ applied/);
      assert.equal(await caption('academic-exchange-1972'), 'Эрдэм шинжилгээний солилцоо — шинэ');
    });

    it('blocks a file with errors unless the valid units are chosen, and refuses hostile files', async () => {
      const exported = (await mn.get('/admin/xliff/export?exhibition=japan-mongolia&lang=mn&version=2.0')).body;
      const xml = setTarget(exported, 'item.economic-meeting-1975.caption', 'Хэлэлцээний тэмдэглэл', '2.0').replace('id="item.economic-meeting-1975.title"', 'id="item.unknown-record.title"');
      const check = await mn.upload('/admin/xliff/import', {}, FILE(xml));
      assert.match(textOf(check.body), /Unit item\.unknown-record\.title names a text that is not in exhibition japan-mongolia/);
      assert.match(check.body, /name="applyValid"/);
      const hash = /name="confirm" value="([0-9a-f]{64})"/.exec(check.body)?.[1] ?? '';
      const before = await caption('economic-meeting-1975');
      const blocked = await mn.upload('/admin/xliff/import', { confirm: hash }, FILE(xml));
      assert.match(textOf(blocked.body), /Nothing was applied/);
      assert.equal(await caption('economic-meeting-1975'), before);
      const partial = await mn.upload('/admin/xliff/import', { confirm: hash, applyValid: '1' }, FILE(xml));
      assert.match(textOf(partial.body), /1 change was saved as drafts/);
      assert.equal(await caption('economic-meeting-1975'), 'Хэлэлцээний тэмдэглэл');

      const hostile = await mn.upload('/admin/xliff/import', {}, FILE('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<xliff>&e;</xliff>'));
      assert.equal(hostile.statusCode, 422);
      assert.match(textOf(hostile.body), /The file was not imported: line 2, column \d+: a DOCTYPE declaration is not allowed/);
      const none = await mn.upload('/admin/xliff/import', {}, {});
      assert.equal(none.statusCode, 422);
    });

    it('speaks the reader’s language', async () => {
      const res = await app.fastify.inject({ method: 'GET', url: '/admin/xliff', headers: { cookie: mn.cookie, 'accept-language': 'mn' } });
      assert.match(res.body, /Орчуулгын файл \(XLIFF\)/);
      const ja = await app.fastify.inject({ method: 'GET', url: '/admin/xliff', headers: { cookie: mn.cookie, 'accept-language': 'ja' } });
      assert.match(ja.body, /翻訳ファイル/);
    });
  });
}
