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
      // Same text: the stamp and author stay (a form may send back only value and status).
      const kept: LocalizedValue = { ...v };
      if (old.source !== undefined) kept.source = old.source;
      else delete kept.source;
      const author = v.by ?? old.by;
      if (author !== undefined) kept.by = author;
      out[lang] = kept;
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

// ---- where a value lives ------------------------------------------------------------------

/** Addresses one translatable field: `item/joint-communique-1972/caption`. */
export interface TextRef {
  entity: string;
  id: string;
  field: string;
}

// Texts read from storage remember where they came from, so a public page can tell a signed-in
// translator which value a "not yet translated" note belongs to without the views passing
// addresses around. Keyed weakly: a text that is no longer used takes its address with it.
const origins = new WeakMap<LocalizedText, TextRef>();

export function tagText(text: LocalizedText, ref: TextRef): LocalizedText {
  origins.set(text, ref);
  return text;
}

export function textRef(text: LocalizedText | undefined): TextRef | undefined {
  return text ? origins.get(text) : undefined;
}

// ---- what changed in the source --------------------------------------------------------------

export interface DiffPart {
  op: 'same' | 'add' | 'del';
  text: string;
}

// Beyond this many words on either side the diff would cost too much memory: the whole text
// is then shown as replaced.
const MAX_TOKENS = 3000;

/** Words, spaces and punctuation in the order they appear; Japanese is split into words too. */
export function tokens(text: string): string[] {
  const seg = new Intl.Segmenter(undefined, { granularity: 'word' });
  return [...seg.segment(text)].map((s) => s.segment);
}

/**
 * A word-level difference between two texts (longest common subsequence): what a translator
 * must look at when the source changed after their translation. Joining the `same` and `del`
 * parts gives `before`, the `same` and `add` parts give `after`.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  if (a.length > MAX_TOKENS || b.length > MAX_TOKENS) return merge([...(before ? [{ op: 'del' as const, text: before }] : []), ...(after ? [{ op: 'add' as const, text: after }] : [])]);
  const n = a.length;
  const m = b.length;
  // lcs[i][j] = length of the longest common subsequence of a[i..] and b[j..], row-major.
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = a[i] === b[j] ? (lcs[(i + 1) * (m + 1) + j + 1] ?? 0) + 1 : Math.max(lcs[(i + 1) * (m + 1) + j] ?? 0, lcs[i * (m + 1) + j + 1] ?? 0);
    }
  }
  const out: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ op: 'same', text: a[i] as string });
      i++;
      j++;
    } else if ((lcs[(i + 1) * (m + 1) + j] ?? 0) >= (lcs[i * (m + 1) + j + 1] ?? 0)) {
      out.push({ op: 'del', text: a[i++] as string });
    } else {
      out.push({ op: 'add', text: b[j++] as string });
    }
  }
  while (i < n) out.push({ op: 'del', text: a[i++] as string });
  while (j < m) out.push({ op: 'add', text: b[j++] as string });
  return merge(out);
}

/** Joins neighbouring parts of the same kind, so a changed phrase reads as one. */
function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (last && last.op === p.op) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}
