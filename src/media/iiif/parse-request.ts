// The four request segments after the identifier, parsed in the order the API lists them, so
// the first malformed one is the one reported.
import { parseQualityFormat } from './parse-quality-format.ts';
import { parseRegion } from './parse-region.ts';
import { parseRotation } from './parse-rotation.ts';
import { parseSize } from './parse-size.ts';
import type { ImageRequest } from './types.ts';

export type RequestParse = { ok: true; value: ImageRequest } | { ok: false; status: 400 | 501; reason: string };

export function parseImageRequest(region: string, size: string, rotation: string, qualityFormat: string): RequestParse {
  const r = parseRegion(region);
  if (!r.ok) return { ok: false, status: 400, reason: r.reason };
  const s = parseSize(size);
  if (!s.ok) return { ok: false, status: 400, reason: s.reason };
  const rot = parseRotation(rotation);
  if (!rot.ok) return { ok: false, status: 400, reason: rot.reason };
  const qf = parseQualityFormat(qualityFormat);
  if (!qf.ok) return { ok: false, status: qf.unsupportedFormat ? 501 : 400, reason: qf.reason };
  return { ok: true, value: { region: r.value, size: s.value, rotation: rot.value, quality: qf.value.quality, format: qf.value.format } };
}
