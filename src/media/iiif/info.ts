// The image information document (info.json) for a prepared image. It declares exactly what
// this server does: level 2, plus the qualities, formats and features listed as extras.
import type { Pyramid } from './pyramid.ts';
import { DEFAULT_LIMITS, needsDeclaredLimit, type Limits } from './resolve.ts';

export const IMAGE_CONTEXT = 'http://iiif.io/api/image/3/context.json';
export const IMAGE_PROFILE_URI = 'http://iiif.io/api/image/3/level2.json';

export const EXTRA_QUALITIES = ['color', 'gray', 'bitonal'] as const;
/** jpg and png are level 2 formats; these are the others produced. */
export const EXTRA_FORMATS = ['webp', 'gif', 'tif'] as const;
/** Features beyond level 2 that every image here supports. */
export const EXTRA_FEATURES = ['mirroring', 'profileLinkHeader', 'regionSquare', 'rotationArbitrary', 'sizeUpscaling'] as const;

export function buildInfo(id: string, p: Pick<Pyramid, 'width' | 'height' | 'tileSize' | 'scaleFactors' | 'sizes'>, limits: Limits = DEFAULT_LIMITS): Record<string, unknown> {
  return {
    '@context': IMAGE_CONTEXT,
    id,
    type: 'ImageService3',
    protocol: 'http://iiif.io/api/image',
    profile: 'level2',
    width: p.width,
    height: p.height,
    ...(needsDeclaredLimit(p.width, p.height, limits) ? { maxArea: limits.maxArea, maxWidth: limits.maxSide, maxHeight: limits.maxSide } : {}),
    sizes: p.sizes.map((s) => ({ type: 'Size', width: s.width, height: s.height })),
    tiles: [{ type: 'Tile', width: p.tileSize, height: p.tileSize, scaleFactors: p.scaleFactors }],
    extraQualities: [...EXTRA_QUALITIES],
    extraFormats: [...EXTRA_FORMATS],
    extraFeatures: [...EXTRA_FEATURES],
  };
}
