import { parseFloatStrict, parseIntStrict } from './numbers.ts';
import { fail, ok, type Parsed, type Size } from './types.ts';

/** `max` | `w,` | `,h` | `pct:n` | `w,h` | `!w,h`, each optionally after `^` (upscaling allowed). */
export function parseSize(s: string): Parsed<Size> {
  const upscale = s.startsWith('^');
  const body = upscale ? s.slice(1) : s;
  // "full" was the 2.x spelling of "max"; 3.0 removed it, so it is an error here.
  if (body === 'max') return ok({ kind: 'max', upscale });
  if (body.startsWith('pct:')) {
    const n = parseFloatStrict(body.slice(4));
    if (n === null || n <= 0) return fail(`size "${s}": pct: needs a number above zero`);
    return ok({ kind: 'percent', n, upscale });
  }
  const confined = body.startsWith('!');
  const parts = (confined ? body.slice(1) : body).split(',');
  if (parts.length !== 2) return fail(`size "${s}" is not max, w,, ,h, pct:n, w,h or !w,h`);
  const [ws = '', hs = ''] = parts;
  const w = ws === '' ? null : parseIntStrict(ws);
  const h = hs === '' ? null : parseIntStrict(hs);
  if ((ws !== '' && w === null) || (hs !== '' && h === null)) return fail(`size "${s}" has a part that is not a whole number`);
  if (w === 0 || h === 0) return fail(`size "${s}" asks for an empty image`);
  if (w !== null && h !== null) return ok({ kind: confined ? 'confined' : 'exact', w, h, upscale });
  if (confined) return fail(`size "${s}": !w,h needs both width and height`);
  if (w !== null) return ok({ kind: 'width', w, upscale });
  if (h !== null) return ok({ kind: 'height', h, upscale });
  return fail(`size "${s}" gives neither width nor height`);
}
