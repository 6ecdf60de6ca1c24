import { floatToString } from './numbers.ts';
import type { Rotation } from './types.ts';

export function rotationToString(r: Rotation): string {
  return `${r.mirror ? '!' : ''}${floatToString(r.degrees)}`;
}
