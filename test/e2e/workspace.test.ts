// The review workflow in a real browser: a curator of a Mongolian archive edits a caption in
// Mongolian and submits it; a curator of the National Archives of Japan cannot edit that record;
// a reviewer approves; a visitor sees the change.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { addUser, PASSWORD } from '../helpers/admin.ts';
import { demoApp, type TestApp } from '../helpers/app.ts';
import { launchBrowser, needsChromium, screenshot } from '../helpers/browser.ts';

const ITEM = 'credentials-luvsanchultem-1972'; // held by the MFA Central Archive of Mongolia
const CAPTION = 'Н. Лувсанчүлтэмийн итгэмжлэх жуух бичиг: хянагдсан шинэ тайлбар.';

describe('review workflow in a browser', needsChromium('workspace browser test'), () => {
  let app: TestApp;
  let browser: Browser;
  let base: string;

  before(async () => {
    app = await demoApp();
    await addUser(app, 'admin@archives.example', [], true);
    await addUser(app, 'curator@mfa.example', [{ role: 'curator', scope: 'mn-mfa-ca' }]);
    await addUser(app, 'curator@naj.example', [{ role: 'curator', scope: 'jp-naj' }]);
    await addUser(app, 'reviewer@gaam.example', [{ role: 'reviewer', scope: '' }]);
    await app.fastify.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.fastify.server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  async function session(email: string, locale = 'en-GB'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale, extraHTTPHeaders: { 'accept-language': locale } });
    const page = await context.newPage();
    await page.goto(`${base}/admin`);
    assert.match(new URL(page.url()).pathname, /^\/admin\/login/);
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('form[action="/admin/login"] button[type="submit"]').click();
    await page.waitForURL(`${base}/admin`);
    return page;
  }

  const shot = screenshot;

  it('curator edits in Mongolian and submits; the other archive is refused; a reviewer approves; visitors see it', async () => {
    const curator = await session('curator@mfa.example', 'mn-MN');
    await curator.goto(`${base}/admin/items/${ITEM}`);
    await curator.locator('textarea[name="caption@mn"]').fill(CAPTION);
    await shot(curator, 'workspace-curator-edit');
    await curator.locator('button[value="submit"]').click();
    await curator.waitForURL(/saved=1/);
    assert.equal(await curator.locator('.item-state .state-submitted').count(), 1);

    // Visitors still see the old caption.
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`${base}/mn/items/${ITEM}`);
    assert.ok(!((await visitor.textContent('main')) ?? '').includes(CAPTION));

    // A curator of the National Archives of Japan reads the record but cannot change it.
    const other = await session('curator@naj.example');
    await other.goto(`${base}/admin/items/${ITEM}`);
    assert.ok(await other.locator('textarea[name="caption@mn"]').isDisabled());
    assert.ok(await other.locator('select[name="institutionId"]').isDisabled());
    const res = await other.request.post(`${base}/admin/items/${ITEM}`, {
      form: { _csrf: (await other.locator('input[name="_csrf"]').first().getAttribute('value')) ?? '', 'caption@mn': 'not mine' },
    });
    assert.equal(res.status(), 403);
    await shot(other, 'workspace-other-archive');

    const reviewer = await session('reviewer@gaam.example');
    await reviewer.goto(`${base}/admin/review`);
    assert.ok(((await reviewer.textContent('main')) ?? '').includes(CAPTION));
    await shot(reviewer, 'workspace-review');
    await reviewer.locator('button.approve').first().click();
    await reviewer.waitForURL(`${base}/admin/review`);

    await visitor.goto(`${base}/mn/items/${ITEM}`);
    assert.ok(((await visitor.textContent('main')) ?? '').includes(CAPTION));
    await shot(visitor, 'workspace-visitor-after');

    await curator.goto(`${base}/admin/items/${ITEM}/history`);
    assert.ok(((await curator.textContent('main')) ?? '').includes('caption@mn'));
    await shot(curator, 'workspace-history');
  });
});
