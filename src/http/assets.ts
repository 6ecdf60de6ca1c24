import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { encodeResponse, type CachedResponse } from './page-cache.ts';

export interface Assets {
  /** Served files by hashed name ("site.3f2a9c1b.css"). */
  files: Map<string, CachedResponse>;
  /** Public URLs: the stylesheet, the icon, and every script by its file name ("viewer.js"). */
  urls: { css: string; icon: string; js: Record<string, string> };
}

const DIR = new URL('../views/assets/', import.meta.url);

const TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
};

function hashed(name: string, data: Buffer): [string, CachedResponse] {
  const hash = createHash('sha256').update(data).digest('hex').slice(0, 10);
  const dot = name.lastIndexOf('.');
  const ext = name.slice(dot + 1);
  return [`${name.slice(0, dot)}.${hash}.${ext}`, encodeResponse(data, TYPES[ext] ?? 'application/octet-stream')];
}

/** Extra files served as assets, from installed packages (e.g. a viewer library), by public name. */
export const PACKAGE_ASSETS: Record<string, URL> = {
  // The deep-zoom viewer on item pages (viewer.js drives it); its own button images are not
  // used: the buttons are ours, labelled in the reader's language.
  'openseadragon.min.js': new URL(import.meta.resolve('openseadragon/build/openseadragon/openseadragon.min.js')),
};

/**
 * Static assets get a content hash in their name, so they can be cached for a year. All
 * stylesheets in the assets folder are served as one (site.css first, then the others by name),
 * so each part of the application keeps its styles in its own file at no extra request.
 */
export async function loadAssets(): Promise<Assets> {
  const names = (await readdir(DIR)).sort();
  const cssParts = ['site.css', ...names.filter((n) => n.endsWith('.css') && n !== 'site.css')];
  const css = hashed('site.css', Buffer.concat(await Promise.all(cssParts.map((n) => readFile(new URL(n, DIR))))));
  const icon = hashed('icon.svg', await readFile(new URL('icon.svg', DIR)));
  const files = new Map([css, icon]);
  const js: Record<string, string> = {};
  const scripts: [string, Buffer][] = [];
  for (const n of names.filter((x) => x.endsWith('.js'))) scripts.push([n, await readFile(new URL(n, DIR))]);
  for (const [n, url] of Object.entries(PACKAGE_ASSETS)) scripts.push([n, await readFile(url)]);
  for (const [n, data] of scripts) {
    const [file, res] = hashed(n, data);
    files.set(file, res);
    js[n] = `/assets/${file}`;
  }
  return { files, urls: { css: `/assets/${css[0]}`, icon: `/assets/${icon[0]}`, js } };
}
