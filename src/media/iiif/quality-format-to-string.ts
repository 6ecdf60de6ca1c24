import type { Format, Quality } from './types.ts';

export function qualityFormatToString(quality: Quality, format: Format): string {
  return `${quality}.${format}`;
}
