// Person names composed by naming culture, in the script the parts are written in.

import { rootLang } from '../i18n/fallback.ts';
import type { Lang, NamingCulture, Person, PersonNameParts, TextStatus } from './types.ts';

export interface PersonNameOptions {
  /**
   * Mongolian names: the patronymic as an initial even when it is known in full
   * ("Y. Tsedenbal" rather than "Yumjaagiin Tsedenbal"), for bylines and tight spaces.
   */
  short?: boolean;
}

/** Same shape as a resolved text value, so views treat names and texts alike. */
export interface DisplayedPersonName {
  value: string;
  /** The language of the name parts used (may differ from the one asked for). */
  lang: Lang;
  status: TextStatus;
  /** True when the parts come from another language than the first in the order. */
  fallback: boolean;
}

const CJK_LANGS = new Set(['ja', 'zh', 'ko']);
const HAN_KANA = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;
const CASED = /[\p{Lu}\p{Ll}\p{Lt}]/u;
// Romanised Mongolian writes these single Cyrillic letters (Ц, Ч, Ш, Х, Ж) as two Latin letters,
// and initials keep both: "Ts. Elbegdorj", "Kh. Battulga".
const LATIN_DIGRAPH = /^(?:Ts|Ch|Sh|Kh|Zh)(?=\p{Ll})/u;

function clean(s: string | undefined): string {
  return (s ?? '').normalize('NFC').trim();
}

function join(...parts: string[]): string {
  return parts.filter((p) => p !== '').join(' ');
}

function upper(s: string, lang: Lang): string {
  try {
    return s.toLocaleUpperCase(lang);
  } catch {
    return s.toUpperCase();
  }
}

/** "N" or "N." → "N."; derived from the patronymic when no initial is recorded. Null without one. */
function patronymicInitial(initial: string, patronymic: string): string | null {
  if (initial) return `${initial.replace(/\.+$/, '')}.`;
  if (!patronymic || !CASED.test(patronymic.charAt(0))) return null;
  const digraph = LATIN_DIGRAPH.exec(patronymic)?.[0];
  return `${digraph ?? String.fromCodePoint(patronymic.codePointAt(0) ?? 0)}.`;
}

/**
 * A person's name in one language's parts:
 * - japanese: family and given name without a space in Han or kana ("新関欽哉"), otherwise the
 *   family name in capitals first ("NIIZEKI Kinya", "НИИЗЕКИ Кинья");
 * - mongolian: patronymic and given name ("Yumjaagiin Tsedenbal"), or the initial of the
 *   patronymic ("N. Luvsanchultem") when only that is recorded, when `short` is asked for, and
 *   in Chinese, Japanese and Korean ("Y. ツェデンバル");
 * - western: given name first ("John Smith"), joined with "・" in kana ("ジョン・スミス").
 * Missing parts are left out.
 */
export function formatPersonName(
  culture: NamingCulture,
  parts: PersonNameParts,
  lang: Lang,
  options: PersonNameOptions = {},
): string {
  const family = clean(parts.family);
  const given = clean(parts.given);
  const patronymic = clean(parts.patronymic);
  const initial = clean(parts.patronymicInitial);
  const cjkLang = CJK_LANGS.has(rootLang(lang).toLowerCase());

  switch (culture) {
    case 'japanese': {
      const written = family + given;
      // The script decides as well as the language: Latin parts shown on a Japanese page
      // still need the space, and Korean puts one between the parts of a Japanese name.
      const noSpace = HAN_KANA.test(written) || (cjkLang && !CASED.test(written) && !HANGUL.test(written));
      if (noSpace) return written;
      return join(upper(family, lang), given);
    }
    case 'mongolian': {
      const cjk = cjkLang || HAN_KANA.test(given + patronymic);
      if (!given) return patronymic || (initial ? `${initial.replace(/\.+$/, '')}.` : '') || family;
      if (patronymic && !cjk && !options.short) return join(patronymic, given);
      const init = patronymicInitial(initial, patronymic);
      if (init) return `${init} ${given}`;
      if (patronymic) return KANA.test(patronymic + given) ? `${patronymic}・${given}` : join(patronymic, given);
      return given;
    }
    case 'western': {
      if (given && family && KANA.test(given + family)) return `${given}・${family}`;
      return join(given, family);
    }
  }
}

function hasName(p: PersonNameParts | undefined): p is PersonNameParts {
  return !!p && [p.family, p.given, p.patronymic, p.patronymicInitial].some((v) => clean(v) !== '');
}

/**
 * The person's name in the first language along `order` that has name parts, then in any
 * language at all, like `resolveText`. Null when no language has a name.
 */
export function displayPersonName(
  person: Person,
  order: readonly Lang[],
  options: PersonNameOptions = {},
): DisplayedPersonName | null {
  const make = (lang: Lang, parts: PersonNameParts): DisplayedPersonName => ({
    value: formatPersonName(person.culture, parts, lang, options),
    lang,
    status: parts.status,
    fallback: lang !== order[0],
  });
  for (const lang of order) {
    const parts = person.names[lang];
    if (hasName(parts)) return make(lang, parts);
  }
  for (const [lang, parts] of Object.entries(person.names)) {
    if (hasName(parts)) return make(lang, parts);
  }
  return null;
}

/**
 * Key for alphabetical lists: family name (the given name for mononyms) then given name,
 * lower-cased. Mongolian names sort by the given name, then the patronymic: a patronymic is
 * the father's name, not a family name, and Mongolian indexes are ordered by the given name.
 * Uses the parts in `lang`, else the first language that has any.
 */
export function personSortKey(person: Person, lang: Lang): string {
  let parts = person.names[lang];
  if (!hasName(parts)) parts = Object.values(person.names).find(hasName);
  if (!parts) return '';
  const family = clean(parts.family);
  const given = clean(parts.given);
  let key: string;
  if (person.culture === 'mongolian') {
    key = join(given || clean(parts.patronymic) || family, given ? clean(parts.patronymic) || clean(parts.patronymicInitial) : '');
  } else {
    key = join(family || given, family ? given : '');
  }
  return key.toLowerCase();
}
