// IIIF language maps from our per-language texts. A value is listed under the language it is
// written in and no other: a viewer does its own fallback, and a Mongolian key holding English
// text would mislead it (and screen readers).
import type { Lang, LocalizedText } from '../domain/types.ts';

export type LanguageMap = Record<string, string[]>;

/** BCP 47 tag for a value whose language is not known (IIIF's "none"). */
export const UNDETERMINED = 'und';

/** The text in every language it exists in, configured languages first; null when empty. */
export function toLanguageMap(text: LocalizedText | undefined, langs: readonly Lang[]): LanguageMap | null {
  if (!text) return null;
  const out: LanguageMap = {};
  const keys = [...langs.filter((l) => l in text), ...Object.keys(text).filter((l) => !langs.includes(l))];
  for (const lang of keys) {
    const v = text[lang]?.value.trim();
    // "und" (undetermined) is how a value of unknown language is kept; IIIF calls that "none".
    if (v) out[lang === UNDETERMINED ? 'none' : lang] = [v];
  }
  return Object.keys(out).length ? out : null;
}

/** A map built per language by `value`; languages for which it gives nothing are left out. */
export function perLanguage(langs: readonly Lang[], value: (lang: Lang) => string | null | undefined): LanguageMap | null {
  const out: LanguageMap = {};
  for (const lang of langs) {
    const v = value(lang)?.trim();
    if (v) out[lang] = [v];
  }
  return Object.keys(out).length ? out : null;
}

/** A value that is the same in every language, such as a reference code. */
export function noLanguage(value: string): LanguageMap {
  return { none: [value] };
}

/** A language map back to our shape (import): `none` becomes "und", the tag for an unknown language. */
export function fromLanguageMap(map: unknown, noneLang: Lang = UNDETERMINED): LocalizedText {
  const out: LocalizedText = {};
  if (!map || typeof map !== 'object' || Array.isArray(map)) return out;
  for (const [key, raw] of Object.entries(map as Record<string, unknown>)) {
    const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    if (!values.length) continue;
    const lang = key === 'none' || key === '@none' ? noneLang : key;
    const prev = out[lang]?.value;
    out[lang] = { value: [prev, ...values].filter(Boolean).join('\n\n'), status: 'reviewed' };
  }
  return out;
}
