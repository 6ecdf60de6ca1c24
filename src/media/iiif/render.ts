// Renders a request that no pre-cut file answers, from the pyramidal TIFF master: the level
// chosen is the smallest one still at least as large as the output, so a small view of a big
// image decodes a few tiles of a small level, never the whole original.
import sharp, { type Sharp } from 'sharp';
import type { Pyramid } from './pyramid.ts';
import type { Resolved } from './resolve.ts';
import type { Format } from './types.ts';

export function pickLevel(p: Pyramid, r: Resolved): number {
  const max = p.levels.length - 1;
  let level = 0;
  while (level < max && r.w / 2 ** (level + 1) >= r.width && r.h / 2 ** (level + 1) >= r.height) level++;
  return level;
}

function encode(img: Sharp, format: Format): Sharp {
  switch (format) {
    case 'jpg':
      return img.jpeg({ quality: 85 });
    case 'png':
      return img.png();
    case 'webp':
      return img.webp({ quality: 85 });
    case 'gif':
      return img.gif();
    case 'tif':
      return img.tiff({ compression: 'lzw' });
  }
}

export async function renderFromMaster(masterFile: string, p: Pyramid, r: Resolved): Promise<Buffer> {
  const level = pickLevel(p, r);
  const f = 2 ** level;
  const { width: lw, height: lh } = p.levels[level] ?? p;
  const left = Math.min(lw - 1, Math.floor(r.x / f));
  const top = Math.min(lh - 1, Math.floor(r.y / f));
  const width = Math.max(1, Math.min(lw - left, Math.round(r.w / f)));
  const height = Math.max(1, Math.min(lh - top, Math.round(r.h / f)));
  // Two steps: libvips applies rotation before resizing within one pipeline, and the API
  // wants region → size → mirror → rotation → quality in that order.
  const scaled = await sharp(masterFile, { page: level })
    .extract({ left, top, width, height })
    .resize(r.width, r.height, { fit: 'fill', kernel: 'lanczos3' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  let img = sharp(scaled.data, { raw: { width: scaled.info.width, height: scaled.info.height, channels: scaled.info.channels } });
  if (r.mirror) img = img.flop();
  if (r.degrees !== 0) {
    // Corners uncovered by an arbitrary angle are transparent where the format can say so.
    const transparent = r.format !== 'jpg' && r.degrees % 90 !== 0;
    if (transparent) img = img.ensureAlpha();
    img = img.rotate(r.degrees, { background: transparent ? { r: 0, g: 0, b: 0, alpha: 0 } : '#ffffff' });
    // A second pipeline: the rotated canvas must exist before quality is applied to it.
    const rotated = await img.raw().toBuffer({ resolveWithObject: true });
    img = sharp(rotated.data, { raw: { width: rotated.info.width, height: rotated.info.height, channels: rotated.info.channels } });
  }
  if (r.quality === 'gray') img = img.grayscale();
  if (r.quality === 'bitonal') img = img.grayscale().threshold(128);
  return encode(img, r.format).toBuffer();
}
