// Excerpts of original text around the places a query matched. Pure: no I/O.
import type { Span } from './analyzer.ts';

export interface Segment {
  text: string;
  mark: boolean;
}

export interface Excerpt {
  segments: Segment[];
  /** True when text was left out before / after the excerpt. */
  cutStart: boolean;
  cutEnd: boolean;
}

/** The text as plain and marked segments; spans are UTF-16 offsets, sorted and not overlapping. */
export function segmentsOf(text: string, spans: readonly Span[], from = 0, to = text.length): Segment[] {
  const out: Segment[] = [];
  let at = from;
  for (const [s, e] of spans) {
    const start = Math.max(s, from);
    const end = Math.min(e, to);
    if (end <= start) continue;
    if (start > at) out.push({ text: text.slice(at, start), mark: false });
    out.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < to) out.push({ text: text.slice(at, to), mark: false });
  return out;
}

// Where a cut may fall: after spaces and sentence punctuation in any of our scripts.
const BREAK = /[\s。、，,.;:!?！？」』)]/u;

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Moves `i` back to a break within `reach` characters, and never into a surrogate pair. */
function backToBreak(text: string, i: number, reach: number): number {
  for (let j = i; j > 0 && j >= i - reach; j--) {
    if (BREAK.test(text.charAt(j - 1))) return j;
  }
  while (i > 0 && isLowSurrogate(text.charCodeAt(i))) i--;
  return i;
}

function forwardToBreak(text: string, i: number, reach: number): number {
  for (let j = i; j < text.length && j <= i + reach; j++) {
    if (BREAK.test(text.charAt(j))) return j;
  }
  while (i < text.length && isLowSurrogate(text.charCodeAt(i))) i++;
  return i;
}

/**
 * About `max` UTF-16 units of `text` around its matches: the window holding the most matches,
 * starting a little before the first of them, cut at a space or punctuation where one is near.
 */
export function excerpt(text: string, spans: readonly Span[], max = 200): Excerpt {
  const t = text;
  if (t.length <= max) return { segments: segmentsOf(t, spans), cutStart: false, cutEnd: false };
  const lead = Math.min(50, Math.floor(max / 4));
  let best = 0;
  let bestCount = -1;
  for (const [s] of spans) {
    const from = Math.max(0, s - lead);
    const count = spans.filter(([a, b]) => a >= from && b <= from + max).length;
    if (count > bestCount) {
      best = from;
      bestCount = count;
    }
  }
  let from = Math.min(best, t.length - max);
  if (from > 0) from = backToBreak(t, from, 20);
  let to = Math.min(t.length, from + max);
  if (to < t.length) to = forwardToBreak(t, to, 20);
  while (from < to && /\s/.test(t.charAt(from))) from++;
  return { segments: segmentsOf(t, spans, from, to), cutStart: from > 0, cutEnd: to < t.length };
}
