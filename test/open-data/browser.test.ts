// The citation in a real browser: the accessed date becomes the reader's today, the copy button
// appears and copies the citation, and the block passes axe with the site's CSP in force.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { demoApp, type TestApp } from '../helpers/app.ts';
import { axeViolations, launchBrowser, needsChromium } from '../helpers/browser.ts';

describe('citation on an item page in a browser', needsChromium('citation browser test'), () => {
  let app: TestApp;
  let browser: Browser;
  let base: string;

  before(async () => {
    app = await demoApp();
    await app.fastify.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.fastify.server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('writes the reader’s today as the accessed date and copies the citation', async () => {
    const context = await browser.newContext({ locale: 'ja-JP' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    // A reader some days after the page was made (and cached).
    await page.clock.setFixedTime(new Date('2031-05-06T12:00:00'));
    await page.goto(`${base}/ja/items/joint-communique-1972`);
    const time = page.locator('#citation-text time.citation-accessed');
    assert.equal(await time.getAttribute('datetime'), '2031-05-06');
    assert.equal(await time.textContent(), '2031年5月6日');
    const button = page.getByRole('button', { name: '引用をコピー' });
    assert.ok(await button.isVisible());
    await button.click();
    await page.getByRole('button', { name: '引用をコピーしました' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(copied.startsWith('外交中央公文書館「日モ外交関係樹立に関する共同コミュニケ」'), copied);
    assert.ok(copied.endsWith('（2031年5月6日閲覧）'), copied);
    assert.deepEqual(errors, [], 'no script or CSP errors');
    await context.close();
  });

  it('the citation block has no WCAG 2.1 A/AA problems (desktop and phone)', async () => {
    for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
      const context = await browser.newContext({ viewport, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${base}/mn/items/goodwill-mission-1971`);
      assert.deepEqual(await axeViolations(page), []);
      await context.close();
    }
  });
});
