import { parseFloatStrict } from './numbers.ts';
import { fail, ok, type Parsed, type Rotation } from './types.ts';

/** `n` or `!n`, n a number from 0 to 360 (clockwise degrees; `!` mirrors first). */
export function parseRotation(s: string): Parsed<Rotation> {
  const mirror = s.startsWith('!');
  const degrees = parseFloatStrict(mirror ? s.slice(1) : s);
  if (degrees === null || degrees > 360) return fail(`rotation "${s}" is not a number of degrees from 0 to 360, optionally after !`);
  return ok({ mirror, degrees });
}
