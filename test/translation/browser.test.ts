// The translation dashboard and side-by-side editor in a real browser: a Japanese translator
// finds an outdated caption, sees what changed in the English source, re-translates it; both
// pages pass axe-core. On a public page, the notes of their language become editor links;
// an anonymous visitor's page asks nothing of the workspace.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadAssets } from '../../src/http/assets.ts';
import { addUser, PASSWORD } from '../helpers/admin.ts';
import { demoApp, type TestApp } from '../helpers/app.ts';
import { axeViolations, launchBrowser, needsChromium, screenshot } from '../helpers/browser.ts';

const ITEM = 'joint-communique-1972';

describe('translation editor in a browser', needsChromium('translation browser test'), () => {
  let app: TestApp;
  let browser: Browser;
  let base: string;

  before(async () => {
    app = await demoApp();
    await addUser(app, 'admin@x.example', [], true);
    await addUser(app, 'ja@x.example', [{ role: 'translator', scope: 'ja' }]);
    // The English caption changes after the Japanese translation was made.
    const admin = (await app.admin.auth.signIn('admin@x.example', PASSWORD, '127.0.0.1')).token;
    const p = (await app.admin.auth.session(admin))?.principal;
    assert.ok(p);
    const copy = await app.admin.workflow.item(ITEM);
    assert.ok(copy);
    const en = copy.current.caption['en']?.value ?? '';
    await app.admin.workflow.saveItemDraft(p, { ...copy.current, caption: { ...copy.current.caption, en: { value: en.replace('open diplomatic relations', 'open diplomatic relations at embassy level'), status: 'reviewed' } } });
    await app.fastify.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.fastify.server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  async function signedIn(email: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${base}/admin/login`);
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('form[action="/admin/login"] button[type="submit"]').click();
    await page.waitForURL(`${base}/admin`);
    return { context, page };
  }

  it('dashboard → outdated caption → diff → re-translation, accessible throughout', async () => {
    const { context, page } = await signedIn('ja@x.example');
    await page.goto(`${base}/admin/translations`);
    assert.equal(await page.locator('select[name="lang"] option[selected]').getAttribute('value'), 'ja', 'the translator’s own language is chosen');
    assert.deepEqual(await axeViolations(page), [], 'dashboard passes axe');
    await screenshot(page, 'translation-dashboard');
    const row = page.locator(`a[href="/admin/translations/ja/item/${ITEM}/caption"]`);
    assert.equal(await row.count(), 1);
    await row.click();
    await page.waitForURL(/\/admin\/translations\/ja\/item\//);
    assert.equal(await page.locator('.tr-state.tr-outdated').count(), 1);
    assert.match((await page.locator('.tr-diff ins').allTextContents()).join('|'), /at embassy level/);
    assert.deepEqual(await axeViolations(page), [], 'editor passes axe');
    await screenshot(page, 'translation-editor-outdated');
    await page.locator('#tr-value').fill('1972年2月19日付のこの共同コミュニケで、両国政府は大使館レベルでの外交関係の開設を表明した。');
    await page.locator('button[value="save"]').click();
    await page.waitForURL(/saved=1/);
    assert.equal(await page.locator('.tr-state.tr-outdated').count(), 0);
    assert.equal(await page.locator('.tr-state.tr-draft').count(), 1);
    assert.equal(await page.locator('.tr-diff').count(), 0);
    await screenshot(page, 'translation-editor-saved');

    // A public page: the translator's Japanese notes turn into editor links (the layout loads the script).
    const script = (await loadAssets()).urls.js['translate-links.js'];
    assert.ok(script);
    await page.goto(`${base}/ja/items/${ITEM}`);
    assert.equal(await page.locator(`script[src="${script}"]`).count(), 1);
    const link = page.locator('.tr-ref[data-tr="item/joint-communique-1972/caption"]').locator('xpath=preceding-sibling::*[1]').locator('a.note-edit');
    await link.waitFor();
    assert.equal(await link.getAttribute('href'), `/admin/translations/ja/item/${ITEM}/caption`);
    await context.close();
  });

  it('the languages page passes axe', async () => {
    const { context, page } = await signedIn('admin@x.example');
    await page.goto(`${base}/admin/languages`);
    assert.deepEqual(await axeViolations(page), []);
    await page.goto(`${base}/admin/languages/mn`);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'translation-language-form');
    await context.close();
  });

  it('sets a title in traditional Mongolian script vertically', async () => {
    const token = (await app.admin.auth.signIn('admin@x.example', PASSWORD, '127.0.0.1')).token;
    const p = (await app.admin.auth.session(token))?.principal;
    assert.ok(p);
    await app.admin.workflow.saveLanguage(p, { tag: 'mn-Mong', name: 'ᠮᠣᠩᠭᠣᠯ', dir: 'ltr', fallback: ['mn', 'en'] }, 4);
    await app.admin.workflow.saveTranslation(p, { entity: 'exhibition', id: 'japan-mongolia', field: 'title' }, 'mn-Mong', 'ᠶᠠᠫᠣᠨ ᠪᠠ ᠮᠣᠩᠭᠣᠯ');
    await app.admin.workflow.approve(p, (await app.admin.workflow.submit(p, 'exhibition', 'japan-mongolia')).id);
    await app.refreshVersion();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/mn-Mong/exhibitions/japan-mongolia`);
    const title = page.locator('h1 > span[lang="mn-Mong"]:not(.note)');
    assert.equal(await title.evaluate((el) => getComputedStyle(el).writingMode), 'vertical-lr');
    const box = await title.boundingBox();
    assert.ok(box && box.height > box.width, 'the title runs down the page');
    // Horizontal text around it is not turned, nor is the note beside it.
    assert.equal(await page.locator('h1').evaluate((el) => getComputedStyle(el).writingMode), 'horizontal-tb');
    assert.equal(await page.locator('h1 > .note').evaluate((el) => getComputedStyle(el).writingMode), 'horizontal-tb');
    await screenshot(page, 'translation-mn-mong-title');
    await context.close();
  });

  it('asks nothing for an anonymous visitor', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/admin/')) asked.push(r.url());
    });
    const script = (await loadAssets()).urls.js['translate-links.js'];
    await page.goto(`${base}/ja/items/${ITEM}`);
    assert.equal(await page.locator(`script[src="${script}"]`).count(), 1);
    await page.waitForTimeout(300);
    assert.deepEqual(asked, []);
    assert.equal(await page.locator('a.note-edit').count(), 0);
    await context.close();
  });
});
