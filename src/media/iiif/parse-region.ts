import { parseFloatStrict, parseIntStrict } from './numbers.ts';
import { fail, ok, type Parsed, type Region } from './types.ts';

/** `full` | `square` | `x,y,w,h` | `pct:x,y,w,h`; width and height must be above zero. */
export function parseRegion(s: string): Parsed<Region> {
  if (s === 'full' || s === 'square') return ok({ kind: s });
  const pct = s.startsWith('pct:');
  const parts = (pct ? s.slice(4) : s).split(',');
  if (parts.length !== 4) return fail(`region "${s}" is not full, square, x,y,w,h or pct:x,y,w,h`);
  const nums = parts.map(pct ? parseFloatStrict : parseIntStrict);
  const [x, y, w, h] = nums;
  if (x == null || y == null || w == null || h == null) return fail(`region "${s}" has a part that is not a ${pct ? 'number' : 'whole number'}`);
  if (w <= 0 || h <= 0) return fail(`region "${s}" has no width or no height`);
  return ok({ kind: pct ? 'percent' : 'pixels', x, y, w, h });
}
