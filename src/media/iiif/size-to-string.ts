import { floatToString } from './numbers.ts';
import type { Size } from './types.ts';

export function sizeToString(s: Size): string {
  const up = s.upscale ? '^' : '';
  switch (s.kind) {
    case 'max':
      return `${up}max`;
    case 'width':
      return `${up}${s.w},`;
    case 'height':
      return `${up},${s.h}`;
    case 'percent':
      return `${up}pct:${floatToString(s.n)}`;
    case 'exact':
      return `${up}${s.w},${s.h}`;
    case 'confined':
      return `${up}!${s.w},${s.h}`;
  }
}
