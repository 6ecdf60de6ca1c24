import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { addUser, encodeForm, PASSWORD, signIn, type Agent } from '../helpers/admin.ts';
import { demoApp, textOf, type TestApp } from '../helpers/app.ts';

const ITEM = 'joint-communique-1972'; // held by mn-mfa-ca
const NEW_CAPTION = 'Энэ бол шинэчилсэн тайлбар юм.';

async function itemForm(agent: Agent, id: string): Promise<Record<string, string | string[]>> {
  const page = await agent.get(`/admin/items/${id}`);
  assert.equal(page.statusCode, 200);
  // What the browser would send back: every enabled input with its current value.
  const form: Record<string, string | string[]> = {};
  const disabled = (tag: string) => /\sdisabled(=|\s|>|\/|$)/.test(tag);
  const inFieldsetDisabled = page.body.includes('<fieldset class="grid2" disabled');
  for (const m of page.body.matchAll(/<input\b[^>]*>/g)) {
    const tag = m[0];
    const name = /name="([^"]+)"/.exec(tag)?.[1];
    const value = /value="([^"]*)"/.exec(tag)?.[1] ?? '';
    if (!name || disabled(tag) || name === '_csrf') continue;
    if (inFieldsetDisabled && ['referenceCode', 'date'].includes(name)) continue;
    form[name] = value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  }
  for (const m of page.body.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const name = /name="([^"]+)"/.exec(m[1] ?? '')?.[1];
    if (name && !disabled(m[1] ?? '')) form[name] = (m[2] ?? '').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"');
  }
  for (const m of page.body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = /name="([^"]+)"/.exec(m[1] ?? '')?.[1];
    if (!name || disabled(m[1] ?? '') || (inFieldsetDisabled && ['institutionId', 'mediaType', 'rights', 'personIds', 'placeIds'].includes(name))) continue;
    const selected = [...(m[2] ?? '').matchAll(/<option[^>]*value="([^"]*)"[^>]*selected[^>]*>/g)].map((o) => o[1] ?? '');
    form[name] = (m[1] ?? '').includes('multiple') ? selected : (selected[0] ?? '');
  }
  return form;
}

describe('curators’ workspace', () => {
  let app: TestApp;
  let admin: Agent;
  let mnCurator: Agent;
  let jaCurator: Agent;
  let translator: Agent;
  let reviewer: Agent;

  before(async () => {
    app = await demoApp();
  });
  after(() => app.close());

  it('offers a one-time setup page while there is no administrator', async () => {
    const login = await app.fastify.inject({ method: 'GET', url: '/admin/login' });
    assert.equal(login.statusCode, 303);
    assert.equal(login.headers.location, '/admin/setup');
    const page = await app.fastify.inject({ method: 'GET', url: '/admin/setup' });
    assert.equal(page.statusCode, 200);
    const anon = page.cookies.find((c) => c.name === 'tsuzuri_csrf')?.value ?? '';
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const short = await app.fastify.inject({
      method: 'POST',
      url: '/admin/setup',
      headers: { cookie: `tsuzuri_csrf=${anon}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: encodeForm({ _csrf: token, name: 'Admin', email: 'admin@archives.example', password: 'short' }),
    });
    assert.equal(short.statusCode, 422);
    assert.match(textOf(short.body), /at least 10 characters/);
    const ok = await app.fastify.inject({
      method: 'POST',
      url: '/admin/setup',
      headers: { cookie: `tsuzuri_csrf=${anon}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: encodeForm({ _csrf: token, name: 'Admin', email: 'admin@archives.example', password: PASSWORD }),
    });
    assert.equal(ok.statusCode, 303);
    const cookie = ok.cookies.find((c) => c.name === 'tsuzuri_session');
    assert.ok(cookie?.httpOnly);
    assert.equal(cookie?.sameSite, 'Lax');
    assert.equal((await app.fastify.inject({ method: 'GET', url: '/admin/setup' })).statusCode, 404);
    admin = await signIn(app, 'admin@archives.example');
  });

  it('adds users with roles scoped to institutions and languages', async () => {
    const res = await admin.post('/admin/users', {
      name: 'Mongolian curator',
      email: 'curator@mfa.example',
      password: PASSWORD,
      role: ['curator:mn-mfa-ca'],
    });
    assert.equal(res.statusCode, 303);
    await addUser(app, 'curator@naj.example', [{ role: 'curator', scope: 'jp-naj' }]);
    await addUser(app, 'translator@mn.example', [{ role: 'translator', scope: 'mn' }]);
    await addUser(app, 'reviewer@gaam.example', [{ role: 'reviewer', scope: '' }]);
    mnCurator = await signIn(app, 'curator@mfa.example');
    jaCurator = await signIn(app, 'curator@naj.example');
    translator = await signIn(app, 'translator@mn.example');
    reviewer = await signIn(app, 'reviewer@gaam.example');
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const res = await app.fastify.inject({
      method: 'POST',
      url: `/admin/items/${ITEM}`,
      headers: { cookie: mnCurator.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: encodeForm({ 'caption@mn': 'x' }),
    });
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /CSRF/);
    assert.equal((await app.admin.workflow.item(ITEM))?.open, null);
  });

  it('a curator edits a Mongolian caption of their archive; visitors see nothing until it is approved', async () => {
    const form = await itemForm(mnCurator, ITEM);
    const res = await mnCurator.post(`/admin/items/${ITEM}`, { ...form, 'caption@mn': NEW_CAPTION, 'caption@mn:status': 'draft', action: 'submit' });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const copy = await app.admin.workflow.item(ITEM);
    assert.equal(copy?.open?.state, 'submitted');
    assert.equal(copy?.live?.caption['mn']?.value === NEW_CAPTION, false);
    await app.refreshVersion();
    assert.ok(!textOf((await app.fastify.inject({ method: 'GET', url: `/mn/items/${ITEM}` })).body).includes(NEW_CAPTION));
    // The submitted revision changes only the Mongolian caption.
    const review = await reviewer.get('/admin/review');
    assert.equal(review.statusCode, 200);
    assert.ok(textOf(review.body).includes('caption@mn'));
    assert.ok(textOf(review.body).includes(NEW_CAPTION));
    // The preview shows the draft exactly as a visitor would see it, with a notice.
    const preview = await mnCurator.get(`/admin/items/${ITEM}/preview?lang=mn`);
    assert.equal(preview.statusCode, 200);
    assert.ok(textOf(preview.body).includes(NEW_CAPTION));
    assert.ok(preview.body.includes('class="banner"'));
  });

  it('a curator of another archive cannot edit that record', async () => {
    const before = (await app.storage.workspace.revisionsOf('item', ITEM)).length;
    const form = await itemForm(mnCurator, ITEM);
    const res = await jaCurator.post(`/admin/items/${ITEM}`, { ...form, 'caption@mn': 'hijack' });
    assert.equal(res.statusCode, 403);
    assert.equal((await app.storage.workspace.revisionsOf('item', ITEM)).length, before);
    const submitted = (await app.admin.workflow.queue((await app.admin.auth.session(reviewer.cookie.split('=')[1]))!.principal))[0];
    assert.ok(submitted);
    const approveByCurator = await jaCurator.post(`/admin/revisions/${submitted.id}/approve`, {});
    assert.equal(approveByCurator.statusCode, 403);
  });

  it('a reviewer approves; the change reaches visitors at once', async () => {
    const rev = (await app.storage.workspace.revisionsInState('submitted'))[0];
    assert.ok(rev);
    const res = await reviewer.post(`/admin/revisions/${rev.id}/approve`, {});
    assert.equal(res.statusCode, 303);
    const page = await app.fastify.inject({ method: 'GET', url: `/mn/items/${ITEM}` });
    assert.ok(textOf(page.body).includes(NEW_CAPTION));
    const audit = await app.storage.workspace.auditLog(50);
    assert.ok(audit.some((e) => e.action === 'publish' && e.detail['id'] === ITEM));
  });

  it('a translator changes text in their language only', async () => {
    const form = await itemForm(translator, ITEM);
    assert.equal(form['caption@en'], undefined, 'English caption is not editable for an mn translator');
    const ok = await translator.post(`/admin/items/${ITEM}`, { ...form, 'heading@mn': 'Шинэ гарчиг' });
    assert.equal(ok.statusCode, 303);
    const bad = await translator.post(`/admin/items/${ITEM}`, { ...form, 'heading@en': 'New English heading' });
    assert.equal(bad.statusCode, 403);
    assert.match(textOf(bad.body), /heading@en/);
    const code = await translator.post(`/admin/items/${ITEM}`, { ...form, referenceCode: 'Fund-1, File-1, Unit-1', institutionId: 'mn-mfa-ca' });
    assert.equal(code.statusCode, 403);
  });

  it('a reviewer returns a submission with a comment the author sees', async () => {
    await translator.post(`/admin/items/${ITEM}`, { ...(await itemForm(translator, ITEM)), action: 'submit' });
    const rev = (await app.storage.workspace.revisionsInState('submitted'))[0];
    assert.ok(rev);
    const empty = await reviewer.post(`/admin/revisions/${rev.id}/return`, { comment: ' ' });
    assert.equal(empty.statusCode, 422);
    await reviewer.post(`/admin/revisions/${rev.id}/return`, { comment: 'Please check the spelling of the heading.' });
    const page = await translator.get(`/admin/items/${ITEM}`);
    assert.ok(textOf(page.body).includes('Please check the spelling of the heading.'));
  });

  it('rejects an invalid reference code with the reason and stores nothing', async () => {
    const before = (await app.storage.workspace.revisionsOf('item', ITEM)).length;
    const form = await itemForm(mnCurator, ITEM);
    const res = await mnCurator.post(`/admin/items/${'akiyama-photo-1977'}`, { ...form, referenceCode: 'not a code' });
    // Not their archive: refused before validation.
    assert.equal(res.statusCode, 403);
    const own = await admin.post(`/admin/items/akiyama-photo-1977`, { ...(await itemForm(admin, 'akiyama-photo-1977')), referenceCode: 'Fund-1' });
    assert.equal(own.statusCode, 422);
    assert.match(textOf(own.body), /K-/);
    assert.equal((await app.storage.workspace.revisionsOf('item', ITEM)).length, before);
  });

  it('shows the history as a per-field diff and restores a revision as a new draft', async () => {
    const hist = await mnCurator.get(`/admin/items/${ITEM}/history`);
    assert.equal(hist.statusCode, 200);
    const text = textOf(hist.body);
    assert.ok(text.includes('caption@mn'));
    assert.ok(text.includes(NEW_CAPTION));
    const revs = await app.storage.workspace.revisionsOf('item', ITEM);
    const first = revs.at(-1);
    assert.ok(first);
    const res = await mnCurator.post(`/admin/revisions/${first.id}/restore`, {});
    assert.equal(res.statusCode, 303);
    const copy = await app.admin.workflow.item(ITEM);
    assert.equal(copy?.open?.state, 'draft');
    assert.equal(copy?.open?.rev, revs.length + 1);
  });

  it('creates a new record as a draft that visitors cannot see', async () => {
    const res = await mnCurator.post('/admin/items/new', {
      id: 'new-letter-1973',
      'heading@en': 'A new letter',
      'heading@en:status': 'reviewed',
      institutionId: 'mn-mfa-ca',
      referenceCode: 'Fund-59, File-1, Unit-74',
      date: '1973-07',
      mediaType: 'document',
      rights: 'http://rightsstatements.org/vocab/CNE/1.0/',
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 400));
    assert.equal((await app.fastify.inject({ method: 'GET', url: '/en/items/new-letter-1973' })).statusCode, 404);
    const other = await jaCurator.post('/admin/items/new', { id: 'x-1', 'heading@en': 'x', institutionId: 'mn-mfa-ca' });
    assert.equal(other.statusCode, 403);
  });

  it('uploads an image checked by its contents, and refuses an SVG with the reason', async () => {
    const fixtures = new URL('../fixtures/uploads/', import.meta.url);
    const jpeg = await readFile(new URL('exif-orientation-6.jpg', fixtures));
    const ok = await mnCurator.upload(`/admin/items/${ITEM}/media`, { role: 'primary', alt: 'Scan' }, { file: { filename: 'scan.jpg', type: 'image/jpeg', data: jpeg } });
    assert.equal(ok.statusCode, 303, ok.body.slice(0, 300));
    const draft = (await app.admin.workflow.item(ITEM))?.current;
    const medium = draft?.media.find((m) => !m.placeholder);
    assert.ok(medium, 'the upload is part of the draft');
    assert.ok(!draft?.media.some((m) => m.placeholder), 'the placeholder is replaced');
    // EXIF orientation 6 turns an 80×40 picture upright: 40×80.
    assert.deepEqual([medium.width, medium.height], [40, 80]);
    assert.equal((await app.fastify.inject({ method: 'GET', url: `/media/${medium.path}` })).statusCode, 200);
    const svg = await readFile(new URL('drawing.svg', fixtures));
    const bad = await mnCurator.upload(`/admin/items/${ITEM}/media`, {}, { file: { filename: 'drawing.jpg', type: 'image/jpeg', data: svg } });
    assert.equal(bad.statusCode, 422);
    assert.match(textOf(bad.body), /SVG/);
    const other = await jaCurator.upload(`/admin/items/${ITEM}/media`, {}, { file: { filename: 'scan.jpg', type: 'image/jpeg', data: jpeg } });
    assert.equal(other.statusCode, 403);
  });

  it('unpublishing takes a record away from visitors and is audited', async () => {
    const res = await reviewer.post('/admin/items/cultural-agreement-1974/unpublish', {});
    assert.equal(res.statusCode, 303);
    assert.equal((await app.fastify.inject({ method: 'GET', url: '/en/items/cultural-agreement-1974' })).statusCode, 404);
    assert.ok((await app.storage.workspace.auditLog(50)).some((e) => e.action === 'unpublish'));
  });

  it('previews a reordered chapter before it is approved', async () => {
    const ex = await app.admin.workflow.exhibition('japan-mongolia');
    assert.ok(ex);
    const section = ex.current.chapters[0]?.sections.find((s) => s.itemIds.length > 1);
    assert.ok(section);
    const [first, second] = section.itemIds;
    const res = await admin.post('/admin/exhibitions/japan-mongolia', { move: `${section.id}:0:down` });
    assert.equal(res.statusCode, 303);
    const preview = await admin.get('/admin/exhibitions/japan-mongolia/preview/establishment-1972');
    assert.equal(preview.statusCode, 200);
    assert.ok(preview.body.indexOf(`id="item-${second}"`) < preview.body.indexOf(`id="item-${first}"`), 'the draft order shows in the preview');
    const live = await app.fastify.inject({ method: 'GET', url: '/en/exhibitions/japan-mongolia/establishment-1972' });
    assert.ok(live.body.indexOf(`id="item-${first}"`) < live.body.indexOf(`id="item-${second}"`), 'visitors keep the published order');
  });

  it('administrators edit the terms of use and institutions; a parent cycle is refused', async () => {
    const terms = await admin.post('/admin/terms', { 'title@en': 'Terms of use and citation', 'title@en:status': 'reviewed' });
    assert.equal(terms.statusCode, 303);
    assert.ok(textOf((await app.fastify.inject({ method: 'GET', url: '/en/terms' })).body).includes('Terms of use and citation'));
    const cycle = await admin.post('/admin/institutions/mn-nca', { parentId: 'mn-nca-av', scheme: 'fund-file-unit', 'name@en': 'National Central Archives of Mongolia' });
    assert.equal(cycle.statusCode, 422);
    assert.match(textOf(cycle.body), /inside itself/);
    assert.equal((await app.storage.store.getInstitution('mn-nca'))?.parentId, null);
    assert.equal((await mnCurator.get('/admin/institutions/mn-nca')).statusCode, 403);
  });

  it('throttles sign-in per account, and signing out ends the session', async () => {
    for (let i = 0; i < 5; i++) {
      await assert.rejects(signIn(app, 'reviewer@gaam.example', 'wrong password!'));
    }
    await assert.rejects(signIn(app, 'reviewer@gaam.example'), /429/);
    const out = await reviewer.post('/admin/logout', {});
    assert.equal(out.statusCode, 303);
    const after = await reviewer.get('/admin');
    assert.equal(after.statusCode, 303);
    assert.match(String(after.headers.location), /^\/admin\/login/);
  });

  it('shows the audit log of sign-ins, publishes and role changes to administrators only', async () => {
    const log = await admin.get('/admin/audit');
    assert.equal(log.statusCode, 200);
    const text = textOf(log.body);
    for (const action of ['sign-in', 'sign-in-failed', 'publish', 'user-add']) assert.ok(text.includes(action), action);
    assert.equal((await mnCurator.get('/admin/audit')).statusCode, 403);
  });
});
