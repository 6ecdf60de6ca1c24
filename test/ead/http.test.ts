// The workspace path of an EAD import over HTTP: upload → dry run (a job with its status page)
// → report → confirm → import job → drafts; a refused file shows its line; a cancel leaves
// nothing; a curator of another archive is refused.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Item } from '../../src/domain/types.ts';
import { UPLOAD_DIR } from '../../src/http/admin/ead-routes.ts';
import { jobs } from '../../src/import/jobs.ts';
import { addUser, signIn, type Agent } from '../helpers/admin.ts';
import { demoApp, textOf, type TestApp } from '../helpers/app.ts';
import { ead3 } from './helpers.ts';

const INSTITUTION = 'mn-mfa-ca'; // free-text reference codes

function upload(agent: Agent, xml: string, institution = INSTITUTION) {
  return agent.upload('/admin/ead', { institution }, { file: { filename: 'finding-aid.xml', type: 'application/xml', data: Buffer.from(xml) } });
}

function jobIdOf(location: unknown): string {
  const m = /^\/admin\/ead\/jobs\/([\w-]+)$/.exec(String(location));
  assert.ok(m?.[1], `redirect to a job page, not ${String(location)}`);
  return m[1];
}

const FILES = `
  <c01 level="series"><did><unittitle>Letters</unittitle></did>
    <c02 level="file"><did><unitid>HTTP 1</unitid><unittitle>Letter one</unittitle><unitdate normal="1972-09-29">29 September 1972</unitdate></did></c02>
    <c02 level="file"><did><unitid>HTTP 2</unitid><unittitle>Letter two</unittitle></did><controlaccess><persname>Tester, Anna</persname></controlaccess></c02>
  </c01>`;

describe('EAD import in the workspace', () => {
  let app: TestApp;
  let curator: Agent;
  let otherCurator: Agent;

  before(async () => {
    app = await demoApp();
    await addUser(app, 'admin@x.example', [], true);
    await addUser(app, 'mfa@x.example', [{ role: 'curator', scope: INSTITUTION }]);
    await addUser(app, 'naj@x.example', [{ role: 'curator', scope: 'jp-naj' }]);
    curator = await signIn(app, 'mfa@x.example');
    otherCurator = await signIn(app, 'naj@x.example');
  });
  after(async () => {
    await app.close();
    // Checked uploads nobody confirmed wait there for an hour; the test does not leave them.
    await rm(UPLOAD_DIR, { recursive: true, force: true });
  });

  const codes = async () =>
    (await app.storage.workspace.openRevisions('item')).map((r) => r.data as Item).filter((i) => i.institutionId === INSTITUTION && i.referenceCode?.startsWith('HTTP'));

  it('shows the upload form with the curator’s archives', async () => {
    const res = await curator.get('/admin/ead');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /enctype="multipart\/form-data"/);
    assert.match(res.body, new RegExp(`value="${INSTITUTION}"`));
    assert.doesNotMatch(res.body, /value="jp-naj"/);
  });

  it('checks, reports, and imports after confirmation', async () => {
    const res = await upload(curator, ead3(FILES));
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const dryId = jobIdOf(res.headers['location']);
    await jobs.settled(dryId);
    assert.deepEqual(await codes(), [], 'the check saved nothing');
    const report = await curator.get(`/admin/ead/jobs/${dryId}`);
    assert.equal(report.statusCode, 200);
    const text = textOf(report.body);
    assert.match(text, /New records 2/);
    assert.match(text, /Series and other levels \(not records\) 1/);
    assert.match(text, /1 links, 1 new people/);
    const token = /name="token" value="([^"]+)"/.exec(report.body)?.[1];
    assert.ok(token, 'the report offers a confirmation');

    const confirmed = await curator.post(`/admin/ead/jobs/${dryId}/confirm`, { token });
    assert.equal(confirmed.statusCode, 303, confirmed.body.slice(0, 300));
    const importId = jobIdOf(confirmed.headers['location']);
    assert.equal((await jobs.settled(importId))?.state, 'done');
    const done = textOf((await curator.get(`/admin/ead/jobs/${importId}`)).body);
    assert.match(done, /has been imported/);
    const drafts = await codes();
    assert.deepEqual(drafts.map((i) => i.referenceCode).sort(), ['HTTP 1', 'HTTP 2']);
    assert.equal(drafts.find((i) => i.referenceCode === 'HTTP 1')?.date, '1972-09-29');

    // The confirmation is used once.
    const again = await curator.post(`/admin/ead/jobs/${dryId}/confirm`, { token });
    assert.equal(again.statusCode, 409);
  });

  it('a running job page refreshes itself and offers a cancel', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => `<c level="file"><did><unitid>CANCEL ${i}</unitid><unittitle>Folder ${i}</unittitle></did></c>`).join('\n');
    const res = await upload(curator, ead3(many, { recordId: 'cancel-me' }));
    const id = jobIdOf(res.headers['location']);
    const page = await curator.get(`/admin/ead/jobs/${id}`);
    if (jobs.get(id)?.state === 'running') {
      assert.match(page.body, /http-equiv="refresh"/);
      assert.match(page.body, new RegExp(`action="/admin/ead/jobs/${id}/cancel"`));
    }
    const cancel = await curator.post(`/admin/ead/jobs/${id}/cancel`, {});
    assert.equal(cancel.statusCode, 303);
    const job = await jobs.settled(id);
    assert.equal(job?.state, 'cancelled');
    assert.match(textOf((await curator.get(`/admin/ead/jobs/${id}`)).body), /Cancelled\. Nothing was saved\./);
  });

  it('shows a refused file with its line, and keeps nothing', async () => {
    const res = await upload(curator, '<?xml version="1.0"?>\n<!DOCTYPE ead [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n<ead xmlns="urn:isbn:1-931666-22-9"/>');
    const id = jobIdOf(res.headers['location']);
    assert.equal((await jobs.settled(id))?.state, 'failed');
    const text = textOf((await curator.get(`/admin/ead/jobs/${id}`)).body);
    assert.match(text, /refused; nothing was saved\. line 3: the DOCTYPE declares entities/);
  });

  it('refuses a curator of another archive', async () => {
    const res = await upload(otherCurator, ead3(FILES));
    assert.equal(res.statusCode, 403);
  });

  it('does not show one curator’s job to another', async () => {
    const res = await upload(curator, ead3(FILES));
    const id = jobIdOf(res.headers['location']);
    await jobs.settled(id);
    assert.equal((await otherCurator.get(`/admin/ead/jobs/${id}`)).statusCode, 404);
  });
});
