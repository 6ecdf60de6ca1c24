// Keys under which a name written in one script is found from another: an exact form, a loose
// Latin key (Mongolian Cyrillic by MNS 5217:2012, kana by Hepburn) and a consonant skeleton.
// They are compared only against the authority list of names, never against free text:
// transliteration of arbitrary words is too ambiguous to search by.
import { toRomaji } from 'wanakana';
import { normalizeForm } from './analyzer.ts';

/** MNS 5217:2012, Mongolian Cyrillic to Latin (ө and ү lose their marks with the other Latin diacritics). */
const MNS_5217: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'ye', ё: 'yo', ж: 'j', з: 'z', и: 'i', й: 'i', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', ө: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ү: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sh', ъ: 'i', ы: 'y', ь: 'i', э: 'e', ю: 'yu', я: 'ya',
};

const KANA_RUN = /[\p{Script=Hiragana}\p{Script=Katakana}ー]+/gu;
const HAN = /\p{Script=Han}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN_LETTER = /^[a-z]$/;

/** The exact comparison key: the normalised form without spaces ("NIIZEKI Kinya" → "niizekikinya"). */
export function formKey(name: string): string {
  return normalizeForm(name).replace(/ /g, '');
}

/**
 * The loose Latin key of a name: Cyrillic by MNS 5217, kana by Hepburn, Latin as normalised,
 * letters only. Null when the name has characters with no reading (kanji): a reading must be
 * recorded for those.
 */
export function latinKey(name: string): string | null {
  let form = normalizeForm(name);
  if (form === '' || HAN.test(form)) return null;
  form = form.replace(KANA_RUN, (run) => toRomaji(run));
  let out = '';
  for (const ch of form) {
    if (LATIN_LETTER.test(ch)) out += ch;
    else if (CYRILLIC.test(ch)) {
      const mapped = MNS_5217[ch];
      if (mapped === undefined) return null;
      out += mapped;
    } else if (/\p{L}/u.test(ch)) {
      // A letter of a script we do not transliterate.
      return null;
    }
  }
  return out === '' ? null : out;
}

/** Skeletons shorter than this match too many unrelated names to be used. */
export const MIN_SKELETON = 4;

/**
 * The consonant skeleton of a Latin key: digraphs folded (kh→h, ts→c, ch→q, sh→x, zh→j), l→r,
 * v/w→b, n→m before a labial, vowels and y dropped, doubles collapsed. Tsedenbal, Цэдэнбал and
 * ツェデンバル all give "cdmbr".
 */
export function skeleton(key: string): string {
  const s = key
    .replace(/kh/g, 'h')
    .replace(/ts/g, 'c')
    .replace(/ch/g, 'q')
    .replace(/sh/g, 'x')
    .replace(/zh/g, 'j')
    .replace(/l/g, 'r')
    .replace(/[vw]/g, 'b')
    .replace(/n(?=[bmp])/g, 'm')
    .replace(/[aeiouy]/g, '');
  let out = '';
  for (const ch of s) if (ch !== out[out.length - 1]) out += ch;
  return out;
}

export interface NameKeys {
  form: string;
  latin: string | null;
  /** Null when too short to identify a name. */
  skeleton: string | null;
}

export function nameKeys(name: string): NameKeys {
  const latin = latinKey(name);
  const skel = latin === null ? null : skeleton(latin);
  return { form: formKey(name), latin, skeleton: skel !== null && skel.length >= MIN_SKELETON ? skel : null };
}
