import { floatToString } from './numbers.ts';
import type { Region } from './types.ts';

export function regionToString(r: Region): string {
  switch (r.kind) {
    case 'full':
    case 'square':
      return r.kind;
    case 'pixels':
      return `${r.x},${r.y},${r.w},${r.h}`;
    case 'percent':
      return `pct:${[r.x, r.y, r.w, r.h].map(floatToString).join(',')}`;
  }
}
