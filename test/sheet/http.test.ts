// The workspace's spreadsheet pages through HTTP, on every engine: download a chapter, change
// it, upload it, read the dry-run report, confirm, follow the job to its result; cancel one.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../../src/http/app.ts';
import { jobs } from '../../src/import/jobs.ts';
import { toCsv } from '../../src/import/sheet/export.ts';
import { columnLetter } from '../../src/import/sheet/issues.ts';
import { readTable } from '../../src/import/sheet/read.ts';
import { MediaStore } from '../../src/media/store.ts';
import { loadDemo } from '../../src/services/demo.ts';
import { addUser, signIn, type Agent } from '../helpers/admin.ts';
import { testConfig, textOf, type TestApp } from '../helpers/app.ts';
import { availableEngines, freshStorage } from '../helpers/engines.ts';
import { footprint } from './fixture.ts';

for (const engine of await availableEngines()) {
  describe(`spreadsheet pages on ${engine}`, () => {
    let app: TestApp;
    let curator: Agent;
    let admin: Agent;
    let viewer: Agent;

    before(async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'tsuzuri-sheet-'));
      const storage = await freshStorage(engine);
      const media = new MediaStore(join(dataDir, 'media'));
      const built = await buildApp(testConfig(dataDir), { storage, media });
      await loadDemo(built.content, media);
      app = {
        ...built,
        storage,
        close: async () => {
          await built.fastify.close();
          await storage.dispose();
          await rm(dataDir, { recursive: true, force: true });
        },
      };
      await addUser(app, 'mfa@x.example', [{ role: 'curator', scope: 'mn-mfa-ca' }, { role: 'curator', scope: 'mn-nca' }, { role: 'curator', scope: 'jp-naj' }]);
      await addUser(app, 'admin@x.example', [], true);
      await addUser(app, 'viewer@x.example', [{ role: 'viewer', scope: '' }]);
      curator = await signIn(app, 'mfa@x.example');
      admin = await signIn(app, 'admin@x.example');
      viewer = await signIn(app, 'viewer@x.example');
    });
    after(() => app.close());

    const upload = (agent: Agent, data: Buffer, filename = 'items.csv', fields: Record<string, string> = {}) =>
      agent.upload('/admin/sheet/check', fields, { file: { filename, type: filename.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv', data } });

    it('shows the import and export forms', async () => {
      const res = await curator.get('/admin/sheet');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /action="\/admin\/sheet\/check"/);
      assert.match(res.body, /enctype="multipart\/form-data"/);
      assert.match(res.body, /<option value="ch05">/);
      assert.doesNotMatch(res.body, /name="publish"/, 'only administrators are offered to publish at once');
      assert.match((await admin.get('/admin/sheet')).body, /name="publish"/);
    });

    it('downloads a chapter, checks a changed copy, imports it as a job and shows the result', async () => {
      const csv = await curator.get('/admin/sheet/export?exhibition=japan-mongolia&chapter=ch05&format=csv');
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-type']), /^text\/csv/);
      assert.match(String(csv.headers['content-disposition']), /attachment; filename="japan-mongolia-ch05.csv"/);
      const table = await readTable(csv.rawPayload);
      const rows = [table.headers, ...table.rows.map((r) => r.cells)];
      const h = (name: string) => table.headers.indexOf(name);
      const joint = rows.findIndex((r) => r[h('id')] === 'joint-communique-1972');
      (rows[joint] as string[])[h('caption@mn')] = 'Хүснэгтээс засварласан тайлбар';
      (rows[joint] as string[])[h('date')] = '1972 оны 2 сарын 19';

      const xlsx = await curator.get('/admin/sheet/export?exhibition=japan-mongolia&format=xlsx');
      assert.equal(xlsx.statusCode, 200);
      assert.deepEqual([...xlsx.rawPayload.subarray(0, 2)], [0x50, 0x4b]);

      const unchanged = await upload(curator, csv.rawPayload);
      assert.equal(unchanged.statusCode, 200);
      assert.match(textOf(unchanged.body), /0 new, 0 changed, 13 unchanged, 0 with errors/);
      assert.doesNotMatch(unchanged.body, /name="token"/, 'nothing to confirm when nothing changes');

      const before = await footprint(app.storage);
      const report = await upload(curator, toCsv(rows));
      assert.equal(report.statusCode, 200);
      const text = textOf(report.body);
      assert.match(text, /0 new, 1 changed, 12 unchanged, 0 with errors/);
      assert.ok(text.includes(`${columnLetter(h('caption@mn'))}${joint + 1} caption@mn changed :`), text.slice(0, 400));
      assert.ok(text.includes('Хүснэгтээс засварласан тайлбар'));
      // The written date is shown back as EDTF and as the site writes it, to confirm.
      assert.ok(text.includes('1972 оны 2 сарын 19 → 1972-02-19 19 February 1972'), 'date confirmation');
      assert.deepEqual(await footprint(app.storage), before, 'the check wrote nothing');

      const token = /name="token" value="([^"]+)"/.exec(report.body)?.[1];
      assert.ok(token);
      // Someone else cannot confirm another user's check.
      assert.equal((await admin.post('/admin/sheet/apply', { token })).statusCode, 409);
      const applied = await curator.post('/admin/sheet/apply', { token });
      assert.equal(applied.statusCode, 303);
      const jobUrl = String(applied.headers['location']);
      assert.match(jobUrl, /^\/admin\/sheet\/jobs\/[\w-]+$/);
      await jobs.settled(jobUrl.split('/').pop() ?? '');
      const done = await curator.get(jobUrl);
      assert.equal(done.statusCode, 200);
      assert.match(textOf(done.body), /Imported: 0 new, 1 changed, 12 unchanged\./);
      const status = JSON.parse((await curator.get(`${jobUrl}/status`)).body) as { state: string; progress: { phase: string; done: number; total: number } };
      assert.equal(status.state, 'done');
      assert.deepEqual(status.progress, { phase: 'apply', done: 1, total: 1 });
      // A job is seen by its owner and administrators only; a used token is gone.
      assert.equal((await viewer.get(jobUrl)).statusCode, 404);
      assert.equal((await admin.get(jobUrl)).statusCode, 200);
      assert.equal((await curator.post('/admin/sheet/apply', { token })).statusCode, 409);

      const copy = await app.admin.workflow.item('joint-communique-1972');
      assert.equal(copy?.open?.state, 'draft');
      assert.equal(copy?.current.caption.mn?.value, 'Хүснэгтээс засварласан тайлбар');
      assert.equal(copy?.live?.caption.mn?.value === 'Хүснэгтээс засварласан тайлбар', false, 'visitors still see the published text');
    });

    it('shows a running job with progress, refreshes without scripts, and cancels it', async () => {
      const job = jobs.start('sheet-import', (await app.storage.workspace.userByEmail('mfa@x.example'))?.id ?? '', async (signal, report) => {
        report({ phase: 'apply', done: 3, total: 10 });
        await new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
      });
      await new Promise((r) => setTimeout(r, 10));
      const page = await curator.get(`/admin/sheet/jobs/${job.id}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<progress max="10" value="3"/);
      assert.match(page.body, /<noscript><meta http-equiv="refresh" content="3"\/><\/noscript>/);
      assert.match(page.body, /<script src="\/admin\/sheet\/progress.js" defer/);
      assert.match(textOf(page.body), /writing: 3 of 10/);
      const script = await curator.get('/admin/sheet/progress.js');
      assert.match(String(script.headers['content-type']), /^text\/javascript/);
      const cancelled = await curator.post(`/admin/sheet/jobs/${job.id}/cancel`, {});
      assert.equal(cancelled.statusCode, 303);
      assert.equal(jobs.get(job.id)?.state, 'cancelled');
      assert.match(textOf((await curator.get(`/admin/sheet/jobs/${job.id}`)).body), /Cancelled\. Nothing was written\./);
    });

    it('refuses a file that is not a spreadsheet, and a row the user may not curate, with clear words', async () => {
      const garbage = await upload(curator, Buffer.from([0x00, 0x9f, 0x92, 0x96, 0xff, 0x00, 0x01]), 'items.csv');
      assert.equal(garbage.statusCode, 422);
      assert.match(textOf(garbage.body), /The file cannot be imported/);
      assert.match(textOf(garbage.body), /not UTF-8 or UTF-16 text/);

      const other = toCsv([
        ['institution', 'reference_code', 'heading@en', 'date'],
        ['mn-nca-av', 'K-19180-1', 'Goodwill mission', 'next spring'],
      ]);
      const res = await upload(curator, other);
      assert.equal(res.statusCode, 200);
      const text = textOf(res.body);
      assert.match(text, /A2 institution error ?: You do not curate records of mn-nca-av\./);
      assert.match(text, /D2 date error ?: "next spring" is not a date this import reads/);
      assert.match(res.body, /class="sheet-cell sheet-error"/);
      assert.doesNotMatch(res.body, /name="token"/);

      const ja = await app.fastify.inject({ method: 'POST', url: '/admin/sheet/check', headers: { cookie: curator.cookie, 'accept-language': 'ja' }, payload: Buffer.alloc(0) });
      assert.ok(ja.statusCode >= 400);
    });

    it('lets only administrators publish at once', async () => {
      const data = toCsv([
        ['institution', 'reference_code', 'caption@en'],
        ['mn-mfa-ca', 'Fund-59, File-1, Unit-66', 'Published straight from a spreadsheet.'],
      ]);
      assert.equal((await upload(curator, data, 'items.csv', { publish: '1' })).statusCode, 403);
      const report = await upload(admin, data, 'items.csv', { publish: '1' });
      assert.match(textOf(report.body), /Changes will be published at once\./);
      const token = /name="token" value="([^"]+)"/.exec(report.body)?.[1] ?? '';
      const applied = await admin.post('/admin/sheet/apply', { token });
      await jobs.settled(String(applied.headers['location']).split('/').pop() ?? '');
      assert.equal((await app.storage.store.getItem('joint-communique-1972'))?.caption.en?.value, 'Published straight from a spreadsheet.');
      const page = await app.fastify.inject({ method: 'GET', url: '/en/items/joint-communique-1972' });
      if (page.statusCode === 200) assert.match(page.body, /Published straight from a spreadsheet\./);
    });
  });
}
