import type { Lang, LanguageConfig, LocalizedText, TextStatus } from '../domain/types.ts';

export interface ResolvedText {
  value: string;
  /** The language the value is actually in (may differ from the one asked for). */
  lang: Lang;
  status: TextStatus;
  /** True when the value comes from another language than the one asked for. */
  fallback: boolean;
}

/** The primary subtag: "mn-Cyrl" → "mn". */
export function rootLang(tag: Lang): Lang {
  const i = tag.indexOf('-');
  return i < 0 ? tag : tag.slice(0, i);
}

/**
 * The order in which languages are tried for a reader of `lang`: the language itself,
 * its root, its configured fallback chain, then every other configured language.
 */
export function fallbackOrder(lang: Lang, languages: readonly LanguageConfig[]): Lang[] {
  const order: Lang[] = [lang];
  const root = rootLang(lang);
  if (root !== lang) order.push(root);
  const cfg = languages.find((l) => l.tag === lang) ?? languages.find((l) => l.tag === root);
  for (const f of cfg?.fallback ?? []) order.push(f);
  for (const l of languages) order.push(l.tag);
  return [...new Set(order)];
}

/**
 * The one language-fallback function: the first non-empty value along `order`, and finally
 * any value at all (a text written only in a language not configured is better than nothing).
 */
export function resolveText(text: LocalizedText | undefined, order: readonly Lang[]): ResolvedText | null {
  if (!text) return null;
  for (const lang of order) {
    const v = text[lang];
    if (v && v.value.trim() !== '') return { value: v.value, lang, status: v.status, fallback: lang !== order[0] };
  }
  for (const [lang, v] of Object.entries(text)) {
    if (v && v.value.trim() !== '') return { value: v.value, lang, status: v.status, fallback: lang !== order[0] };
  }
  return null;
}
