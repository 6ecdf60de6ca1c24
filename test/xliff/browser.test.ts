// The import in a real browser: a translator checks a file, reads the report, chooses the same
// file again and confirms. The pages have no WCAG 2.1 A/AA problems axe-core can find.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { XliffService } from '../../src/services/xliff.ts';
import { WorkflowService } from '../../src/services/workflow.ts';
import { addUser, PASSWORD } from '../helpers/admin.ts';
import { demoApp, type TestApp } from '../helpers/app.ts';
import { axeViolations, launchBrowser, needsChromium, screenshot } from '../helpers/browser.ts';
import { setTarget } from './helpers.ts';

describe('XLIFF import in a browser', needsChromium('XLIFF browser test'), () => {
  let app: TestApp;
  let browser: Browser;
  let base: string;
  let dir: string;

  before(async () => {
    app = await demoApp();
    await addUser(app, 'admin@x.example', [], true);
    await addUser(app, 'mn@x.example', [{ role: 'translator', scope: 'mn' }]);
    await app.fastify.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.fastify.server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
    dir = await mkdtemp(join(tmpdir(), 'tsuzuri-xliff-browser-'));
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('checks, reports per unit and applies after confirmation', async () => {
    const { xml } = await new XliffService(app.storage).export({ exhibitionId: 'japan-mongolia', lang: 'mn', version: '2.0' });
    const file = join(dir, 'japan-mongolia-mn.xlf');
    const changed = setTarget(xml, 'item.japanese-embassy-letter-1973.caption', 'Элчин сайдын яамны захидал — шинэ орчуулга', '2.0').replace('id="item.akiyama-photo-1977.title"', 'id="item.not-here.title"');
    await writeFile(file, changed);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'mn-MN', extraHTTPHeaders: { 'accept-language': 'mn' }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${base}/admin/login`);
    await page.locator('input[name="email"]').fill('mn@x.example');
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('form[action="/admin/login"] button[type="submit"]').click();
    await page.waitForURL(`${base}/admin`);

    await page.goto(`${base}/admin/xliff`);
    assert.deepEqual(await axeViolations(page), []);
    await page.locator('form[action="/admin/xliff/import"] input[type="file"]').setInputFiles(file);
    await page.locator('form[action="/admin/xliff/import"] button[type="submit"]').click();
    await page.waitForSelector('.xliff-report');
    const report = (await page.textContent('.xliff-report')) ?? '';
    assert.match(report, /item\.not-here\.title/);
    assert.match(report, /хэрэгжүүлэх 1/);
    await screenshot(page, 'xliff-report');
    assert.deepEqual(await axeViolations(page), []);

    // Confirm with the same file, applying only the valid unit.
    const confirm = page.locator('.xliff-report form');
    await confirm.locator('input[type="file"]').setInputFiles(file);
    await confirm.locator('input[name="applyValid"]').check();
    await confirm.locator('button[type="submit"]').click();
    await page.waitForSelector('.xliff-report [role="status"]');
    assert.match((await page.textContent('.xliff-report [role="status"]')) ?? '', /1 өөрчлөлтийг ноорог болгон хадгаллаа/);
    await screenshot(page, 'xliff-applied');
    const item = await new WorkflowService(app.storage, () => undefined).item('japanese-embassy-letter-1973');
    assert.equal(item?.current.caption['mn']?.value, 'Элчин сайдын яамны захидал — шинэ орчуулга');
  });
});
