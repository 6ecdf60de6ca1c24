import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { encodeResponse, type CachedResponse } from './page-cache.ts';

export interface Assets {
  /** Served files by hashed name ("site.3f2a9c1b.css"). */
  files: Map<string, CachedResponse>;
  urls: { css: string; icon: string };
}

const DIR = new URL('../views/assets/', import.meta.url);

async function hashed(name: string, type: string): Promise<[string, CachedResponse]> {
  const data = await readFile(new URL(name, DIR));
  const hash = createHash('sha256').update(data).digest('hex').slice(0, 10);
  const dot = name.lastIndexOf('.');
  return [`${name.slice(0, dot)}.${hash}${name.slice(dot)}`, encodeResponse(data, type)];
}

/** Static assets get a content hash in their name, so they can be cached for a year. */
export async function loadAssets(): Promise<Assets> {
  const css = await hashed('site.css', 'text/css; charset=utf-8');
  const icon = await hashed('icon.svg', 'image/svg+xml');
  return {
    files: new Map([css, icon]),
    urls: { css: `/assets/${css[0]}`, icon: `/assets/${icon[0]}` },
  };
}
