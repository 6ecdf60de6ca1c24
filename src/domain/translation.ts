// Translation state of one value, computed from the values themselves: a translation is
// outdated when the source-language text it was made from no longer reads the same.
import type { Lang, LocalizedText, LocalizedValue } from './types.ts';

export type TranslationState = 'source' | 'missing' | 'draft' | 'outdated' | 'reviewed';

export const TRANSLATION_STATES: readonly TranslationState[] = ['missing', 'outdated', 'draft', 'reviewed'];

/**
 * The state of `lang` in a translated field whose exhibition writes in `sourceLang`.
 * A field without source text has nothing to translate: every other language is then
 * judged by its own status only.
 */
export function translationState(text: LocalizedText, lang: Lang, sourceLang: Lang): TranslationState {
  if (lang === sourceLang) return 'source';
  const v = text[lang];
  if (!v || v.value === '') return 'missing';
  if (isOutdated(v, text[sourceLang])) return 'outdated';
  return v.status === 'reviewed' ? 'reviewed' : 'draft';
}

/** True when the source changed after this translation was made from it. */
export function isOutdated(translation: LocalizedValue, source: LocalizedValue | undefined): boolean {
  if (translation.source === undefined) return false;
  return (source?.value ?? '') !== translation.source;
}

/**
 * Stamps the values of `after` that differ from `before` in languages other than the source:
 * each records the source text it was written against and who wrote it. Unchanged values
 * keep their stamp, so editing the source leaves them outdated until they are re-translated
 * or explicitly confirmed (see `confirmTranslation`).
 */
export function stampTranslations(before: LocalizedText, after: LocalizedText, sourceLang: Lang, by: string | undefined): LocalizedText {
  const source = after[sourceLang]?.value;
  const out: LocalizedText = {};
  for (const [lang, v] of Object.entries(after)) {
    if (!v) continue;
    const old = before[lang];
    const changed = !old || old.value !== v.value;
    if (lang === sourceLang) {
      const kept: LocalizedValue = { value: v.value, status: v.status };
      const author = changed ? (by ?? v.by) : v.by;
      if (author !== undefined) kept.by = author;
      out[lang] = kept;
      continue;
    }
    if (changed) {
      const stamped: LocalizedValue = { value: v.value, status: v.status };
      if (source !== undefined) stamped.source = source;
      const author = by ?? v.by;
      if (author !== undefined) stamped.by = author;
      out[lang] = stamped;
    } else {
      out[lang] = { ...v, ...(old.source !== undefined ? { source: old.source } : {}) };
    }
  }
  return out;
}

/** Marks a translation as made from the current source (a reviewer found it still right). */
export function confirmTranslation(text: LocalizedText, lang: Lang, sourceLang: Lang): LocalizedText {
  const v = text[lang];
  const source = text[sourceLang]?.value;
  if (!v || lang === sourceLang || source === undefined) return text;
  return { ...text, [lang]: { ...v, source } };
}
