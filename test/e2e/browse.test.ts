// A visitor's path in a real browser: home → exhibition → chapter → item → other language,
// at desktop and phone widths, with screenshots kept for people to look at.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { demoApp, type TestApp } from '../helpers/app.ts';
import { axeViolations, launchBrowser, needsChromium, screenshot } from '../helpers/browser.ts';

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

describe('visitor in a browser', needsChromium('browser test'), () => {
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

  for (const vp of VIEWPORTS) {
    it(`goes home → chapter → item → Mongolian and Japanese (${vp.name})`, async () => {
      // bypassCSP lets the test inject axe-core; the site itself allows no inline script.
      const context = await browser.newContext({
        viewport: { width: vp.width, height: vp.height },
        locale: 'en-GB',
        extraHTTPHeaders: { 'accept-language': 'en-GB,en;q=0.9' },
        bypassCSP: true,
      });
      const a11y: string[] = [];
      const audit = async () => {
        for (const v of await axeViolations(page)) a11y.push(`${new URL(page.url()).pathname} ${v}`);
      };
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));

      await page.goto(`${base}/`);
      assert.equal(new URL(page.url()).pathname, '/en/');
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      await screenshot(page, `home-en-${vp.name}`);
      await audit();

      await page.getByRole('link', { name: 'Japan and Mongolia: Our History through Archival Records' }).click();
      await page.getByRole('link', { name: /Establishment of the diplomatic relations in 1972/ }).click();
      assert.match(new URL(page.url()).pathname, /^\/en\/exhibitions\/japan-mongolia\/establishment-1972$/);
      await page.getByText('Fund-59, File-1, Unit-66').first().waitFor();
      await screenshot(page, `chapter-en-${vp.name}`);
      await audit();

      await page.locator('#item-joint-communique-1972 .card-title a').click();
      assert.equal(new URL(page.url()).pathname, '/en/items/joint-communique-1972');
      assert.match((await page.textContent('main')) ?? '', /19 February 1972/);
      await screenshot(page, `item-en-${vp.name}`);
      await audit();

      // The switcher keeps the page.
      await page.locator('.lang-switch a[hreflang="mn"]').click();
      assert.equal(new URL(page.url()).pathname, '/mn/items/joint-communique-1972');
      assert.equal(await page.getAttribute('html', 'lang'), 'mn');
      assert.match((await page.textContent('main')) ?? '', /1972 оны 2 дугаар сарын 19/);
      await screenshot(page, `item-mn-${vp.name}`);
      await audit();

      await page.locator('.lang-switch a[hreflang="ja"]').click();
      assert.equal(new URL(page.url()).pathname, '/ja/items/joint-communique-1972');
      assert.match((await page.textContent('main')) ?? '', /昭和47年\(1972\)2月19日/);
      await screenshot(page, `item-ja-${vp.name}`);
      await audit();

      await page.goto(`${base}/ja/exhibitions/japan-mongolia/establishment-1972`);
      await screenshot(page, `chapter-ja-${vp.name}`);
      await audit();

      // Nothing overflows sideways on a phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `page is ${overflow}px wider than the viewport`);

      // Keyboard: the first Tab lands on the skip link, and it leads to the main content.
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');

      assert.deepEqual(errors, []);
      assert.deepEqual(a11y, [], 'accessibility problems found by axe-core');
      await context.close();
    });
  }
});
