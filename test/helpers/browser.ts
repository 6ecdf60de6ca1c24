// Shared by the browser tests: Debian's Chromium through playwright-core, screenshots, axe-core.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

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

/** Where Chromium is, or null: then the suite is skipped with a printed notice. */
export const CHROMIUM = findChromium();

/** `describe` options that skip a suite, with a notice, where there is no Chromium. */
export function needsChromium(suite: string): { skip: string | false } {
  if (!CHROMIUM) console.log(`# NOTICE: Chromium not found (apt-get install chromium); ${suite} skipped`);
  return { skip: CHROMIUM ? false : 'Chromium not installed' };
}

export const SHOTS = new URL('../../test-output/screenshots/', import.meta.url);

// The flags a closed network needs: without them Chromium keeps trying to reach Google.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM ?? undefined, args: FLAGS });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: new URL(`${name}.png`, SHOTS).pathname, fullPage: true });
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.1 A/AA problems axe-core finds on the page, as "rule: target" lines (needs a context with bypassCSP). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
}
