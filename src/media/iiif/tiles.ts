// Which pre-cut file, if any, answers a resolved request. The pyramid holds every tile of the
// tile grid at every scale factor and the listed full-image sizes, as unrotated default JPEGs.
import { tileFile, type Pyramid } from './pyramid.ts';
import type { Resolved } from './resolve.ts';

export function staticFileFor(p: Pyramid, r: Resolved): string | null {
  if (r.degrees !== 0 || r.mirror || r.format !== 'jpg' || (r.quality !== 'default' && r.quality !== 'color')) return null;
  const W = p.width;
  const H = p.height;
  const full = r.x === 0 && r.y === 0 && r.w === W && r.h === H;
  if (full && p.sizes.some((s) => s.width === r.width && s.height === r.height)) return tileFile('full', r.width, r.height);
  for (const s of p.scaleFactors) {
    const span = p.tileSize * s;
    if (r.x % span !== 0 || r.y % span !== 0) continue;
    if (r.w !== Math.min(span, W - r.x) || r.h !== Math.min(span, H - r.y)) continue;
    if (r.width !== Math.ceil(r.w / s) || r.height !== Math.ceil(r.h / s)) continue;
    // A grid cell that is the whole image is written under "full" by the tiler.
    return tileFile(full ? 'full' : `${r.x},${r.y},${r.w},${r.h}`, r.width, r.height);
  }
  return null;
}
