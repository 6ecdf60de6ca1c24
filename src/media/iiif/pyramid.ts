// Cuts an image once into what the Image API serves: a static IIIF tile pyramid (every tile
// and every listed size as a plain JPEG file) and a tiled pyramidal TIFF master from which
// any other request is rendered. The original is decoded once for both.
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { MediaStore } from '../store.ts';

export const TILE_SIZE = 256;
/** Full-image sizes written as files (and listed in info.json) when no side is larger. */
export const MAX_LISTED_SIZE = 1024;
const PYRAMID_FORMAT = 3;
const TILE_QUALITY = 82;

export interface Pyramid {
  format: number;
  width: number;
  height: number;
  tileSize: number;
  scaleFactors: number[];
  /** Full-image sizes available as files, smallest first. */
  sizes: { width: number; height: number }[];
  /** Sizes of the master's levels (pages), full size first. */
  levels: { width: number; height: number }[];
  /** What it was cut from: a changed file gets a new pyramid. */
  source: { path: string; sha1: string };
  preparedAt: string;
}

export class PyramidError extends Error {}

const SAFE_KEY = /^[a-z0-9][a-z0-9._-]{0,99}$/;

/** The pyramid's folder under the media root, safe for any identifier. */
export function pyramidDir(identifier: string): string {
  const key = SAFE_KEY.test(identifier) && !identifier.includes('..') ? identifier : `x-${createHash('sha1').update(identifier).digest('hex').slice(0, 24)}`;
  return `iiif/${key}`;
}

/** Relative path of a pre-cut file inside the pyramid's `tiles/` folder, in IIIF URL form. */
export function tileFile(region: string, width: number, height: number): string {
  return `tiles/${region}/${width},${height}/0/default.jpg`;
}

export async function readPyramid(store: MediaStore, identifier: string): Promise<Pyramid | null> {
  const raw = await store.read(`${pyramidDir(identifier)}/pyramid.json`);
  if (!raw) return null;
  const p = JSON.parse(raw.toString('utf8')) as Pyramid;
  return p.format === PYRAMID_FORMAT ? p : null;
}

function scaleFactorsFor(W: number, H: number, T: number): number[] {
  const out = [1];
  while (Math.ceil(W / out.at(-1)!) > T || Math.ceil(H / out.at(-1)!) > T) out.push(out.at(-1)! * 2);
  return out;
}

const inFlight = new Map<string, Promise<Pyramid>>();

/**
 * Prepares (or reuses, when the source is unchanged) the pyramid of an image in the media
 * store. Concurrent calls for one identifier share one run; the finished pyramid replaces the
 * old one with a rename, so readers never see half of one.
 */
export function prepareImage(store: MediaStore, identifier: string, sourcePath: string): Promise<Pyramid> {
  const key = `${identifier}\u0000${sourcePath}`;
  let job = inFlight.get(key);
  if (!job) {
    job = prepare(store, identifier, sourcePath).finally(() => inFlight.delete(key));
    inFlight.set(key, job);
  }
  return job;
}

async function prepare(store: MediaStore, identifier: string, sourcePath: string): Promise<Pyramid> {
  const bytes = await store.read(sourcePath);
  if (!bytes) throw new PyramidError(`no media file "${sourcePath}" for image ${identifier}`);
  const sha1 = createHash('sha1').update(bytes).digest('hex');
  const existing = await readPyramid(store, identifier);
  if (existing && existing.source.sha1 === sha1 && existing.source.path === sourcePath) return existing;

  // sharp runs libvips on one thread by default on glibc (to limit memory fragmentation);
  // cutting a large image is the one place where a second core halves the wait.
  if (sharp.concurrency() < 2) sharp.concurrency(Math.min(availableParallelism(), 4));

  const dir = store.resolve(pyramidDir(identifier));
  const tmp = `${dir}.${process.pid}.${Date.now()}.tmp`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: 400_000_000 })
      .rotate() // EXIF orientation, so tiles match what a browser shows for the original
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const W = info.width;
    const H = info.height;
    const raw = { raw: { width: W, height: H, channels: info.channels } } as const;
    const scaleFactors = scaleFactorsFor(W, H, TILE_SIZE);
    const sizes = scaleFactors
      .map((s) => ({ width: Math.ceil(W / s), height: Math.ceil(H / s) }))
      .filter((s) => s.width <= MAX_LISTED_SIZE && s.height <= MAX_LISTED_SIZE)
      .reverse();
    await Promise.all([
      sharp(data, raw)
        .jpeg({ quality: TILE_QUALITY })
        .tile({ size: TILE_SIZE, overlap: 0, layout: 'iiif3', id: 'tiles' })
        .toFile(join(tmp, 'tiles')),
      sharp(data, raw)
        .tiff({ tile: true, tileWidth: TILE_SIZE, tileHeight: TILE_SIZE, pyramid: true, compression: 'jpeg', quality: 90 })
        .toFile(join(tmp, 'master.tif')),
    ]);
    // Largest first, each from the one before: shrinking 24 megapixels once, not once per size.
    let from: { data: Buffer; raw: { raw: { width: number; height: number; channels: 1 | 2 | 3 | 4 } } } = { data, raw };
    for (const s of [...sizes].reverse()) {
      const file = join(tmp, tileFile('full', s.width, s.height));
      await mkdir(join(file, '..'), { recursive: true });
      const shrunk = await sharp(from.data, from.raw).resize(s.width, s.height, { fit: 'fill' }).raw().toBuffer({ resolveWithObject: true });
      const next = { data: shrunk.data, raw: { raw: { width: shrunk.info.width, height: shrunk.info.height, channels: shrunk.info.channels } } };
      await sharp(next.data, next.raw).jpeg({ quality: TILE_QUALITY }).toFile(file);
      from = next;
    }
    const levels: Pyramid['levels'] = [];
    const pages = (await sharp(join(tmp, 'master.tif')).metadata()).pages ?? 1;
    for (let page = 0; page < pages; page++) {
      const m = await sharp(join(tmp, 'master.tif'), { page }).metadata();
      levels.push({ width: m.width, height: m.height });
    }
    const pyramid: Pyramid = {
      format: PYRAMID_FORMAT,
      width: W,
      height: H,
      tileSize: TILE_SIZE,
      scaleFactors,
      sizes,
      levels,
      source: { path: sourcePath, sha1 },
      preparedAt: new Date().toISOString(),
    };
    await writeFile(join(tmp, 'pyramid.json'), JSON.stringify(pyramid, null, 1));
    const old = `${dir}.${process.pid}.${Date.now()}.old`;
    await rename(dir, old).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
    await rename(tmp, dir);
    await rm(old, { recursive: true, force: true });
    return pyramid;
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}
