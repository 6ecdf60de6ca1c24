// Authoring helpers for content kept as code (the demo exhibition). They build the same
// domain shapes the storage layer stores, so the loader needs no second format.
import type { Lang, LocalizedText, PersonNameParts, TextStatus } from '../../src/domain/types.ts';

/**
 * A localized text. Plain strings are `reviewed`; `draft('…')` marks a value whose
 * translation has not been reviewed yet. Null or undefined values are left out (missing).
 */
export function tx(values: Partial<Record<Lang, string | Drafted | null>>): LocalizedText {
  const out: LocalizedText = {};
  for (const [lang, v] of Object.entries(values)) {
    if (v == null) continue;
    out[lang] = typeof v === 'string' ? { value: v, status: 'reviewed' } : { value: v.draft, status: 'draft' };
  }
  return out;
}

export interface Drafted {
  draft: string;
}

export function draft(value: string): Drafted {
  return { draft: value };
}

/** Name parts in one language; `status` defaults to reviewed. */
export function name(parts: Omit<PersonNameParts, 'status'>, status: TextStatus = 'reviewed'): PersonNameParts {
  return { ...parts, status };
}
