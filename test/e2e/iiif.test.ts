// A visitor zooms into a record image until the tiles of full resolution load, uses the
// keyboard and full screen, plays the demo film with captions in two languages, and drags the
// IIIF link; screenshots are kept in test-output/screenshots/ for people to look at.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { demoApp, type TestApp } from '../helpers/app.ts';
import { axeViolations, launchBrowser, needsChromium, SHOTS } from '../helpers/browser.ts';

/** Tile requests seen so far, as "x,y,w,h/w,h" of /iiif/3/{id}/x,y,w,h/w,h/0/default.jpg. */
function watchTiles(page: Page): { tiles: string[]; failed: string[] } {
  const seen = { tiles: [] as string[], failed: [] as string[] };
  page.on('response', (res) => {
    const m = /\/iiif\/3\/[^/]+\/((?:full|\d+,\d+,\d+,\d+)\/[^/]+)\/0\/default\.jpg$/.exec(new URL(res.url()).pathname);
    if (!m?.[1]) return;
    if (res.status() === 200) seen.tiles.push(m[1]);
    else seen.failed.push(`${res.status()} ${m[1]}`);
  });
  return seen;
}

/** Whether a tile is at full resolution: its region is as large as its output. */
function fullResolution(tile: string): boolean {
  const [region = '', size = ''] = tile.split('/');
  if (region === 'full') return false;
  const [, , w] = region.split(',').map(Number);
  const [sw] = size.split(',').map(Number);
  return w === sw;
}


describe('IIIF in a browser', needsChromium('IIIF browser test'), () => {
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

  async function open(context: BrowserContext, path: string): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}${path}`);
    return { page, errors };
  }

  it('zooms into an item image on its IIIF tiles, by button, keyboard and full screen', async () => {
    // No bypassCSP: the site's own Content-Security-Policy must let the viewer work.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    const seen = watchTiles(page);
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/en/items/joint-communique-1972`);
    await page.locator('.viewer.viewer-live').waitFor({ timeout: 15000 });
    assert.equal(await page.locator('.viewer-fallback').isVisible(), false, 'the plain image gives way to the viewer');
    await page.waitForTimeout(500);
    const before = seen.tiles.length;
    assert.ok(before > 0, 'OpenSeadragon loaded tiles');
    assert.ok(!seen.tiles.some(fullResolution), 'the whole-image view needs no full-resolution tiles');
    await page.screenshot({ path: new URL('iiif-viewer-en-desktop.png', SHOTS).pathname });

    for (let i = 0; i < 4; i++) {
      await page.getByRole('button', { name: 'Zoom in' }).click();
      await page.waitForTimeout(350);
    }
    await page.waitForFunction(() => document.querySelectorAll('.viewer-stage canvas').length > 0);
    await page.waitForTimeout(1200);
    const deep = seen.tiles.filter(fullResolution);
    assert.ok(deep.length > 0, `zooming in loads full-resolution tiles (saw ${seen.tiles.join(' ')})`);
    assert.deepEqual(seen.failed, []);
    await page.screenshot({ path: new URL('iiif-viewer-zoomed-en-desktop.png', SHOTS).pathname });

    // Keyboard: the viewer takes focus and zooms out with "-" and back to the whole image with "0".
    const zoomOf = () => page.evaluate(() => (document.querySelector('.viewer') as unknown as { viewer: { viewport: { getZoom(): number } } }).viewer.viewport.getZoom());
    const zoomed = await zoomOf();
    await page.locator('.viewer-stage [role="application"]').focus();
    await page.keyboard.press('-');
    await page.waitForTimeout(600);
    assert.ok((await zoomOf()) < zoomed, 'the "-" key zooms out');
    await page.keyboard.press('0');
    await page.waitForTimeout(800);
    assert.ok((await zoomOf()) < zoomed / 2, 'the "0" key shows the whole image');

    // Full screen (OpenSeadragon's full page mode, which also asks the browser for full screen).
    await page.getByRole('button', { name: 'Full screen' }).click();
    await page.waitForTimeout(600);
    assert.equal(await page.evaluate(() => (document.querySelector('.viewer') as unknown as { viewer: { isFullPage(): boolean } }).viewer.isFullPage()), true);
    await page.screenshot({ path: new URL('iiif-viewer-fullscreen-en-desktop.png', SHOTS).pathname });
    await page.keyboard.press('Escape');
    await page.evaluate(() => (document.querySelector('.viewer') as unknown as { viewer: { setFullPage(b: boolean): void } }).viewer.setFullPage(false));

    // The IIIF link carries the manifest's absolute address, also when dragged.
    const link = page.locator('.iiif-link a[data-manifest]');
    const manifest = `${base}/iiif/items/joint-communique-1972/manifest.json`;
    assert.equal(await link.getAttribute('href'), `${manifest}?manifest=${encodeURIComponent(manifest)}`);
    const dragged = await link.evaluate((a) => {
      const dt = new DataTransfer();
      a.dispatchEvent(new DragEvent('dragstart', { dataTransfer: dt, bubbles: true }));
      return { uri: dt.getData('text/uri-list'), json: dt.getData('application/json') };
    });
    assert.match(dragged.uri, /iiif-content=/);
    assert.deepEqual(JSON.parse(dragged.json), { '@context': 'http://iiif.io/api/presentation/3/context.json', id: manifest, type: 'Manifest' });
    const res = await page.request.get(manifest);
    assert.equal(res.status(), 200);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('works on a phone by touch-sized controls, and shows the plain image without JavaScript', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'ja-JP' });
    const { page, errors } = await open(phone, '/ja/items/joint-communique-1972');
    await page.locator('.viewer.viewer-live').waitFor({ timeout: 15000 });
    const box = await page.getByRole('button', { name: '拡大' }).boundingBox();
    assert.ok(box && box.width >= 44 && box.height >= 44, 'buttons are at least 44 px for fingers');
    await page.getByRole('button', { name: '拡大' }).tap();
    await page.waitForTimeout(800);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `page is ${overflow}px wider than the phone`);
    await page.screenshot({ path: new URL('iiif-viewer-ja-phone.png', SHOTS).pathname });
    assert.deepEqual(errors, []);
    await phone.close();

    const noJs = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto(`${base}/en/items/joint-communique-1972`);
    assert.equal(await plain.locator('.viewer-fallback img').isVisible(), true);
    assert.equal(await plain.locator('.viewer-bar').isVisible(), false);
    assert.ok(await plain.locator('.viewer-fallback img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0));
    await noJs.close();
  });

  it('plays the demo film with captions in the reader’s language', async () => {
    for (const [lang, cue] of [
      ['en', /K-19180-1 is held by the National Central Archives of Mongolia/],
      ['mn', /K-19180-1 киног Монгол Улсын Үндэсний төв архив хадгалдаг/],
    ] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const { page, errors } = await open(context, `/${lang}/items/goodwill-mission-1971`);
      const video = page.locator('.player video');
      await video.waitFor();
      const tracks = await video.evaluate((v: HTMLVideoElement) => Array.from(v.textTracks).map((t) => `${t.language}:${t.mode}`));
      assert.deepEqual(tracks.sort(), ['en', 'ja', 'mn'].map((l) => `${l}:${l === lang ? 'showing' : 'disabled'}`));
      await video.evaluate(async (v: HTMLVideoElement) => {
        v.muted = true;
        await v.play();
      });
      await page.waitForFunction(() => ((document.querySelector('.player video') as HTMLVideoElement).currentTime ?? 0) > 4.2, undefined, { timeout: 15000 });
      await video.evaluate((v: HTMLVideoElement) => v.pause());
      const active = await video.evaluate((v: HTMLVideoElement) => {
        const t = Array.from(v.textTracks).find((x) => x.mode === 'showing');
        return Array.from(t?.activeCues ?? []).map((c) => (c as VTTCue).text).join(' ');
      });
      assert.match(active, cue);
      await page.screenshot({ path: new URL(`iiif-film-${lang}-desktop.png`, SHOTS).pathname });
      assert.deepEqual(errors, []);
      await context.close();
    }
  });

  it('item pages with the viewer and the player pass axe-core (WCAG 2.1 A/AA)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const problems: string[] = [];
    for (const path of ['/en/items/joint-communique-1972', '/ja/items/goodwill-mission-1971']) {
      const page = await context.newPage();
      await page.goto(`${base}${path}`);
      if (path.includes('joint')) await page.locator('.viewer.viewer-live').waitFor({ timeout: 15000 });
      for (const v of await axeViolations(page)) problems.push(`${path} ${v}`);
      await page.close();
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
});
