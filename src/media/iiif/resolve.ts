// An image request resolved against one image: the region in pixels of the full image, the
// output size, and what is done to it. Pure arithmetic; every refusal says why.
import { fail, ok, type Format, type ImageRequest, type Parsed, type Quality } from './types.ts';

export interface Limits {
  /** Largest output, in pixels, the server renders (declared as `maxArea` when an image needs it). */
  maxArea: number;
  /** Largest output side. */
  maxSide: number;
}

export const DEFAULT_LIMITS: Limits = { maxArea: 40_000_000, maxSide: 12_000 };

export interface Resolved {
  x: number;
  y: number;
  w: number;
  h: number;
  /** Output size before rotation. */
  width: number;
  height: number;
  mirror: boolean;
  degrees: number;
  quality: Quality;
  format: Format;
}

function region(req: ImageRequest, W: number, H: number): Parsed<{ x: number; y: number; w: number; h: number }> {
  const r = req.region;
  switch (r.kind) {
    case 'full':
      return ok({ x: 0, y: 0, w: W, h: H });
    case 'square': {
      const side = Math.min(W, H);
      return ok({ x: Math.floor((W - side) / 2), y: Math.floor((H - side) / 2), w: side, h: side });
    }
    case 'pixels':
    case 'percent': {
      const [x, y, w, h] =
        r.kind === 'pixels'
          ? [r.x, r.y, r.w, r.h]
          : [Math.round((r.x * W) / 100), Math.round((r.y * H) / 100), Math.round((r.w * W) / 100), Math.round((r.h * H) / 100)];
      if (x >= W || y >= H) return fail(`region starts outside the ${W}×${H} image`);
      const cw = Math.min(w, W - x);
      const ch = Math.min(h, H - y);
      if (cw <= 0 || ch <= 0) return fail('region is empty once fitted to the image');
      return ok({ x, y, w: cw, h: ch });
    }
  }
}

/** The largest size with the region's aspect ratio inside the area and side limits. */
function fitLimits(w: number, h: number, limits: Limits): [number, number] {
  const s = Math.min(1, Math.sqrt(limits.maxArea / (w * h)), limits.maxSide / w, limits.maxSide / h);
  return [Math.max(1, Math.floor(w * s)), Math.max(1, Math.floor(h * s))];
}

/** Whether `max` must be scaled down for this image (then `maxArea` is declared in info.json). */
export function needsDeclaredLimit(W: number, H: number, limits: Limits = DEFAULT_LIMITS): boolean {
  return W * H > limits.maxArea || W > limits.maxSide || H > limits.maxSide;
}

export function resolveRequest(req: ImageRequest, W: number, H: number, limits: Limits = DEFAULT_LIMITS): Parsed<Resolved> {
  const reg = region(req, W, H);
  if (!reg.ok) return reg;
  const { w: rw, h: rh } = reg.value;
  const s = req.size;
  let width: number;
  let height: number;
  switch (s.kind) {
    case 'max':
      [width, height] = fitLimits(rw, rh, limits);
      break;
    case 'width':
      width = s.w;
      height = Math.max(1, Math.round((rh * s.w) / rw));
      break;
    case 'height':
      height = s.h;
      width = Math.max(1, Math.round((rw * s.h) / rh));
      break;
    case 'percent':
      width = Math.max(1, Math.round((rw * s.n) / 100));
      height = Math.max(1, Math.round((rh * s.n) / 100));
      break;
    case 'exact':
      width = s.w;
      height = s.h;
      break;
    case 'confined': {
      const scale = Math.min(s.w / rw, s.h / rh);
      width = Math.min(s.w, Math.max(1, Math.round(rw * scale)));
      height = Math.min(s.h, Math.max(1, Math.round(rh * scale)));
      break;
    }
  }
  if (!s.upscale && (width > rw || height > rh)) {
    return fail(`size ${width}×${height} is larger than the ${rw}×${rh} region; upscaling needs a leading ^`);
  }
  if (width * height > limits.maxArea || width > limits.maxSide || height > limits.maxSide) {
    return fail(`size ${width}×${height} is beyond this server's limits (${limits.maxSide} px a side, ${limits.maxArea} px in all)`);
  }
  return ok({ ...reg.value, width, height, mirror: req.rotation.mirror, degrees: req.rotation.degrees % 360, quality: req.quality, format: req.format });
}

/** One string per distinct output, for cache keys ("0,0,500,500/250,250/!90/gray.png"). */
export function resolvedKey(r: Resolved): string {
  const quality = r.quality === 'color' ? 'default' : r.quality;
  return `${r.x},${r.y},${r.w},${r.h}/${r.width},${r.height}/${r.mirror ? '!' : ''}${r.degrees}/${quality}.${r.format}`;
}
