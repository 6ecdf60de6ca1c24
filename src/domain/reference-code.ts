// Reference-code schemes: how each holding institution writes the code that identifies a record.
// Schemes are data so that an institution names its scheme and input is checked against it.

export type SchemeLabelLang = 'en' | 'ja' | 'mn';

export interface ReferenceCodeScheme {
  id: string;
  label: Record<SchemeLabelLang, string>;
  /** The whole code must match; null when any text is allowed. */
  pattern: RegExp | null;
  example: string;
  /** What the codes are and where they come from. */
  description: string;
  /** The shape in words, for messages: "Fund-N, File-N, Unit-N". */
  form: string;
}

export type ReferenceCodeResult = { ok: true; value: string } | { ok: false; reason: string };

/** Longer codes are mistakes (a pasted paragraph), in every scheme. */
export const MAX_REFERENCE_CODE_LENGTH = 200;

// National Archives of Japan: era initial, fiscal year of transfer, the transferring body
// abbreviated, then the volume number — "平15文科00129100", "平11総01509100".
const NAJ_ERA_FORM = String.raw`[明大昭平令]\d{1,2}\p{Script=Han}{1,6}\d{5,10}`;
// Pre-war series (太政類典, 公文類聚, 公文録…) are cited with their stack location in the main
// building before the series initial and number: "本館-2A-012-00・類00123100". Later transfers
// can carry the same prefix before the era form.
const NAJ_SERIES_FORM = String.raw`\p{Script=Han}{1,2}\d{5,10}`;
const NAJ_LOCATION_PREFIX = String.raw`本館-\d[A-Z]-\d{3}-\d{2}・`;

export const SCHEMES: readonly ReferenceCodeScheme[] = [
  {
    id: 'fund-file-unit',
    label: {
      en: 'Fund, file and unit',
      ja: 'フォンド・ファイル・ユニット番号',
      mn: 'Фонд, данс, хадгаламжийн нэгж',
    },
    pattern: /^Fund-\d+, File-\d+, Unit-\d+$/,
    example: 'Fund-59, File-1, Unit-66',
    description:
      'Mongolian state archives: fund (фонд), file (данс) and storage unit (хадгаламжийн нэгж), written as the archive prints them, with one space after each comma. Numbers may keep leading zeros (Unit-02).',
    form: 'Fund-N, File-N, Unit-N',
  },
  {
    id: 'film-photo-k',
    label: {
      en: 'Film and photograph number',
      ja: 'フィルム・写真番号',
      mn: 'Кино, гэрэл зургийн дугаар',
    },
    pattern: /^K-\d+-\d+$/,
    example: 'K-19180-1',
    description:
      'Film and photograph records of the National Central Archives of Mongolia: the letter K, the record number and the part number.',
    form: 'K-N-N',
  },
  {
    id: 'ja-request-number',
    label: {
      en: 'Request number (National Archives of Japan)',
      ja: '請求番号(国立公文書館)',
      mn: 'Захиалгын дугаар (Японы Үндэсний архив)',
    },
    pattern: new RegExp(
      `^(?:${NAJ_ERA_FORM}|${NAJ_LOCATION_PREFIX}(?:${NAJ_ERA_FORM}|${NAJ_SERIES_FORM}))$`,
      'u',
    ),
    example: '平15文科00129100',
    description:
      'National Archives of Japan request numbers (請求番号). Records transferred from ministries: era initial (明, 大, 昭, 平, 令), fiscal year of transfer, the transferring body in 1–6 kanji and a 5–10 digit number (平15文科00129100). Series cited with their stack location: 本館-2A-012-00・ followed by the series initial and number (本館-2A-012-00・類00123100) or by the first form.',
    form: 'era initial, year, body and number (平15文科00129100), optionally after a stack location (本館-2A-012-00・)',
  },
  {
    id: 'jacar-reference-code',
    label: {
      en: 'JACAR reference code',
      ja: 'アジア歴史資料センター レファレンスコード',
      mn: 'Азийн түүхэн баримтын төвийн лавлах код',
    },
    pattern: /^[A-C]\d{11}$/,
    example: 'B02030748300',
    description:
      'Reference codes of the Japan Center for Asian Historical Records (JACAR): A for the National Archives of Japan, B for the Diplomatic Archives, C for the National Institute for Defense Studies, then 11 digits.',
    form: 'A, B or C and 11 digits',
  },
  {
    id: 'series-number',
    label: {
      en: 'Series number',
      ja: '整理番号',
      mn: 'Цуврал дугаар',
    },
    pattern: /^\d+-\d+$/,
    example: '2019-0197',
    description: 'Two numbers joined by a hyphen, such as a year or series and an item number (2019-0197, 01-1337).',
    form: 'N-N',
  },
  {
    id: 'free-text',
    label: {
      en: 'Free text',
      ja: '自由記述',
      mn: 'Чөлөөт бичвэр',
    },
    pattern: null,
    example: 'MS 1234, box 5',
    description: `Any text without control characters, up to ${MAX_REFERENCE_CODE_LENGTH} characters, for institutions whose codes follow no fixed form.`,
    form: `any text up to ${MAX_REFERENCE_CODE_LENGTH} characters`,
  },
];

const BY_ID = new Map(SCHEMES.map((s) => [s.id, s]));

export function getScheme(id: string): ReferenceCodeScheme | undefined {
  return BY_ID.get(id);
}

const CONTROL = /\p{Cc}/u;

/** Hints for codes that are right but for capitals, spacing or full-width characters. */
function nearMiss(pattern: RegExp, value: string): string | null {
  const wide = value.normalize('NFKC');
  if (wide !== value && pattern.test(wide)) return `write digits and Latin letters in their ordinary (half-width) form: ${wide}`;
  if (!pattern.flags.includes('i') && new RegExp(pattern.source, `${pattern.flags}i`).test(value)) {
    return 'letters are case-sensitive, as printed';
  }
  const spaced = value.replace(/\s*,\s*/g, ', ').replace(/\s*-\s*/g, '-');
  if (spaced !== value && pattern.test(spaced)) return `the spacing differs from the printed form: ${spaced}`;
  return null;
}

/**
 * Checks `code` against the scheme, after trimming surrounding whitespace and NFC normalisation;
 * the normalised code is returned as `value`.
 */
export function validateReferenceCode(schemeId: string, code: string): ReferenceCodeResult {
  const scheme = getScheme(schemeId);
  if (!scheme) {
    return {
      ok: false,
      reason: `unknown reference-code scheme ${JSON.stringify(schemeId)}; known schemes: ${SCHEMES.map((s) => s.id).join(', ')}`,
    };
  }
  const value = code.normalize('NFC').trim();
  if (value === '') return { ok: false, reason: 'the reference code is empty' };
  if (CONTROL.test(value)) {
    return { ok: false, reason: 'the reference code contains a control character (such as a tab or a line break)' };
  }
  if ([...value].length > MAX_REFERENCE_CODE_LENGTH) {
    return { ok: false, reason: `the reference code is longer than ${MAX_REFERENCE_CODE_LENGTH} characters` };
  }
  if (scheme.pattern && !scheme.pattern.test(value)) {
    const hint = nearMiss(scheme.pattern, value);
    return {
      ok: false,
      reason:
        `${JSON.stringify(value)} does not fit the scheme "${scheme.label.en}": expected the form ${scheme.form}, e.g. ${scheme.example}` +
        (hint ? `; ${hint}` : ''),
    };
  }
  return { ok: true, value };
}

// Letters, not digits, so that the rank does not run into the year that follows it.
const NAJ_ERA_RANK: Readonly<Record<string, string>> = { 明: 'A', 大: 'B', 昭: 'C', 平: 'D', 令: 'E' };

/**
 * Key that sorts codes of a scheme in their natural order: numeric runs are compared as numbers
 * (Unit-2 before Unit-10; Unit-02 equals Unit-2), by zero-padding them to 10 digits; longer runs
 * are kept as written. Japanese era initials sort by era, not by code point; free text ignores case.
 */
export function referenceCodeSortKey(schemeId: string, code: string): string {
  let key = code.normalize('NFC').trim();
  if (schemeId === 'free-text') key = key.toLowerCase();
  if (schemeId === 'ja-request-number') {
    key = key.replace(/(^|・)([明大昭平令])(?=\d)/gu, (_m, sep: string, era: string) => `${sep}${NAJ_ERA_RANK[era] ?? era}`);
  }
  return key.replace(/\d+/g, (run) => {
    const digits = run.replace(/^0+(?=\d)/, '');
    return digits.length >= 10 ? digits : digits.padStart(10, '0');
  });
}
