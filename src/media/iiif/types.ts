// IIIF Image API 3.0 request parameters as parsed values: the grammar of
// {region}/{size}/{rotation}/{quality}.{format}, independent of any image.

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export type Region =
  | { kind: 'full' }
  | { kind: 'square' }
  | { kind: 'pixels'; x: number; y: number; w: number; h: number }
  /** Percentages of the full image, as written (floats). */
  | { kind: 'percent'; x: number; y: number; w: number; h: number };

export type SizeForm =
  | { kind: 'max' }
  | { kind: 'width'; w: number }
  | { kind: 'height'; h: number }
  | { kind: 'percent'; n: number }
  | { kind: 'exact'; w: number; h: number }
  /** `!w,h`: the largest size that fits inside w×h, keeping the aspect ratio. */
  | { kind: 'confined'; w: number; h: number };

/** `upscale` is the leading `^`: without it, 3.0 forbids any size beyond the region's own. */
export type Size = SizeForm & { upscale: boolean };

export interface Rotation {
  /** `!`: mirror horizontally before rotating. */
  mirror: boolean;
  /** Clockwise degrees, 0 ≤ degrees ≤ 360. */
  degrees: number;
}

export const QUALITIES = ['default', 'color', 'gray', 'bitonal'] as const;
export type Quality = (typeof QUALITIES)[number];

export const FORMATS = ['jpg', 'png', 'webp', 'gif', 'tif'] as const;
export type Format = (typeof FORMATS)[number];

export const FORMAT_MIME: Record<Format, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  tif: 'image/tiff',
};

export interface ImageRequest {
  region: Region;
  size: Size;
  rotation: Rotation;
  quality: Quality;
  format: Format;
}

export function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function fail<T>(reason: string): Parsed<T> {
  return { ok: false, reason };
}
