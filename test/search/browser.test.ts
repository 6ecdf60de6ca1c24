// The search page in a real browser: results in three languages at desktop and phone widths,
// audited by axe-core, and name suggestions as the reader types. Screenshots are kept in
// test-output/screenshots/ for people to look at.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { searchServiceOf } from '../../src/http/routes/search.ts';
import { addDemoNameVariants } from '../../src/search/demo-names.ts';
import { demoApp, type TestApp } from '../helpers/app.ts';

function findChromium(): string | null {
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim() || null;
    } catch {
      // not on PATH under this name; try the next one
    }
  }
  return null;
}

const executablePath = findChromium();
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = new URL('../../test-output/screenshots/', import.meta.url);

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
}

if (!executablePath) console.log('# NOTICE: Chromium not found (apt-get install chromium); search browser test skipped');

describe('search in a browser', { skip: executablePath ? false : 'Chromium not installed' }, () => {
  let app: TestApp;
  let browser: Browser;
  let base: string;

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    app = await demoApp();
    await addDemoNameVariants(searchServiceOf(app.fastify));
    await app.fastify.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.fastify.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: executablePath ?? undefined,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  after(async () => {
    await browser?.close();
    await app?.close();
  });

  for (const vp of [
    { name: 'desktop', width: 1280, height: 900 },
    { name: 'phone', width: 390, height: 844 },
  ]) {
    it(`shows results in three languages, accessibly (${vp.name})`, async () => {
      const context = await browser.newContext({ viewport: { width: vp.width, height: vp.height }, bypassCSP: true });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      const a11y: string[] = [];
      for (const [lang, query, shot] of [
        ['en', '大使', 'search-en'],
        ['ja', 'Цэдэнбал', 'search-ja'],
        ['mn', 'Niizeki', 'search-mn'],
        ['en', 'Tsedenbaal', 'search-en-didyoumean'],
      ] as const) {
        await page.goto(`${base}/${lang}/search?q=${encodeURIComponent(query)}`);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        await page.screenshot({ path: new URL(`${shot}-${vp.name}.png`, SHOTS).pathname, fullPage: true });
        for (const v of await axeViolations(page)) a11y.push(`${lang} ${query}: ${v}`);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `page is ${overflow}px wider than the viewport`);
      // From any page, the header form leads to the results.
      await page.goto(`${base}/en/`);
      await page.getByRole('searchbox', { name: 'Search the site' }).fill('Hirohito');
      await page.getByRole('searchbox', { name: 'Search the site' }).press('Enter');
      await page.waitForURL(/\/en\/search\?q=Hirohito/);
      assert.match((await page.textContent('main')) ?? '', /1 result for “Hirohito”/);
      assert.deepEqual(a11y, [], 'accessibility problems found by axe-core');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  it('suggests names while typing, by keyboard, in another script than the one typed', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/ja/search`);
    const box = page.getByRole('combobox', { name: '語句・人名' });
    await box.pressSequentially('luvsanch', { delay: 20 });
    const option = page.getByRole('option').first();
    await option.waitFor();
    assert.match((await option.textContent()) ?? '', /N\. ルブサンチュルテム/);
    assert.equal(await box.getAttribute('aria-expanded'), 'true');
    await page.screenshot({ path: new URL('search-suggest-ja-desktop.png', SHOTS).pathname });
    await box.press('ArrowDown');
    assert.equal(await box.getAttribute('aria-activedescendant'), 'search-suggest-0');
    await box.press('Enter');
    await page.waitForURL(/\/ja\/search\?q=/);
    assert.match((await page.textContent('main')) ?? '', /ルブサンチュルテム/);
    assert.ok(await page.locator('a[href="/ja/items/credentials-luvsanchultem-1972"]').count());
    await context.close();
  });
});
