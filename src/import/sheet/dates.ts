// Dates as people type them into a spreadsheet, turned into EDTF. Every result is checked by
// `parseEdtf`, so nothing reaches the store that the domain would refuse; the import shows the
// EDTF and its display form back for confirmation.
import { EdtfError, parseEdtf } from '../../domain/edtf.ts';

export type DateResult = { ok: true; edtf: string } | { ok: false; reason: string };

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};

// Mongolian ordinal month names, longest first so "арван нэгдүгээр" wins over "нэгдүгээр".
const MN_MONTHS: [string, number][] = (
  [
    ['арван нэгдүгээр', 11], ['арван хоёрдугаар', 12], ['нэгдүгээр', 1], ['хоёрдугаар', 2], ['гуравдугаар', 3],
    ['дөрөвдүгээр', 4], ['тавдугаар', 5], ['зургадугаар', 6], ['долдугаар', 7], ['наймдугаар', 8],
    ['есдүгээр', 9], ['аравдугаар', 10],
  ] as [string, number][]
).sort((a, b) => b[0].length - a[0].length);

/** First Western year of each Japanese era (its year 1, 元年). */
const ERAS: Record<string, number> = { 明治: 1868, 大正: 1912, 昭和: 1926, 平成: 1989, 令和: 2019 };

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function ymd(y: number, m: number | null, d: number | null): string {
  return `${pad(y, 4)}${m !== null ? `-${pad(m)}` : ''}${m !== null && d !== null ? `-${pad(d)}` : ''}`;
}

function valid(edtf: string): boolean {
  try {
    parseEdtf(edtf);
    return true;
  } catch (err) {
    if (err instanceof EdtfError) return false;
    throw err;
  }
}

/** One date (not a range) in a written form, as EDTF without qualifiers; null when not recognised. */
function single(raw: string): string | null {
  let s = raw.trim().replace(/\s+/g, ' ');
  if (s === '') return null;
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(s) || /^\d{3}X$|^\d{2}XX$/.test(s)) return s;
  // Excel's date cells arrive as ISO date-times at midnight.
  let m = /^(\d{4}-\d{2}-\d{2})T00:00:00(?:\.000)?Z?$/.exec(s);
  if (m?.[1]) return m[1];
  // 1970s, 1970's → 197X; 1900s is read as a decade too (a century would be written 19XX).
  m = /^(\d{3})0(?:'?s|年代|-?аад(?: он| оны)?)$/i.exec(s);
  if (m?.[1]) return `${m[1]}X`;
  // 19 February 1972, 19 Feb. 1972
  m = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.?,? (\d{4})$/i.exec(s);
  if (m?.[1] && m[2] && m[3] && MONTHS[m[2].toLowerCase()]) return ymd(Number(m[3]), MONTHS[m[2].toLowerCase()] ?? null, Number(m[1]));
  // February 19, 1972
  m = /^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/i.exec(s);
  if (m?.[1] && m[2] && m[3] && MONTHS[m[1].toLowerCase()]) return ymd(Number(m[3]), MONTHS[m[1].toLowerCase()] ?? null, Number(m[2]));
  // February 1972
  m = /^([a-z]+)\.?,? (\d{4})$/i.exec(s);
  if (m?.[1] && m[2] && MONTHS[m[1].toLowerCase()]) return ymd(Number(m[2]), MONTHS[m[1].toLowerCase()] ?? null, null);
  // 1972/02/19, 1972.2.19 (year first, as Japan and Mongolia write it)
  m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(s);
  if (m?.[1] && m[2] && m[3]) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  // 19.02.1972 (day first with dots, as Mongolian and Russian documents write it)
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (m?.[1] && m[2] && m[3]) return ymd(Number(m[3]), Number(m[2]), Number(m[1]));
  // Japanese: 昭和47年2月19日, 昭和47年(1972)2月19日, 1972年2月19日, 1972年2月, 1972年
  s = s.replace(/\s/g, '');
  m = /^(明治|大正|昭和|平成|令和)(元|\d{1,2})年(?:[(（]\d{4}[)）])?(?:(\d{1,2})月(?:(\d{1,2})日)?)?$/.exec(s);
  if (m?.[1] && m[2]) {
    const start = ERAS[m[1]] ?? 0;
    const n = m[2] === '元' ? 1 : Number(m[2]);
    return ymd(start + n - 1, m[3] ? Number(m[3]) : null, m[4] ? Number(m[4]) : null);
  }
  m = /^(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?$/.exec(s);
  if (m?.[1]) return ymd(Number(m[1]), m[2] ? Number(m[2]) : null, m[3] ? Number(m[3]) : null);
  return mongolian(raw.trim().replace(/\s+/g, ' ').toLowerCase());
}

/** 1972 оны 2 сарын 19, 1972 оны 2 дугаар сарын 19, 1972 оны хоёрдугаар сарын 19, 1972 он. */
function mongolian(s: string): string | null {
  let m = /^(\d{4}) он$/.exec(s);
  if (m?.[1]) return m[1];
  m = /^(\d{4}) оны (.+?) сар(?:ын (\d{1,2})(?: нд| ний| ны)?)?$/.exec(s);
  if (!m?.[1] || !m[2]) return null;
  let month: number | null = null;
  const monthWord = m[2].replace(/-р$| дугаар$| дүгээр$/, '').trim();
  if (/^\d{1,2}$/.test(monthWord)) month = Number(monthWord);
  else month = MN_MONTHS.find(([name]) => name === monthWord)?.[1] ?? null;
  if (month === null) return null;
  return ymd(Number(m[1]), month, m[3] ? Number(m[3]) : null);
}

/** Splits "1971–1977", "1971 - 1977", "1971 to 1977", "1971〜1977" into its two ends. */
function splitRange(s: string): [string, string] | null {
  const m = /^(.+?)\s*(?:–|—|〜|～|~(?=\s*\S)| - | to | – )\s*(.+)$/.exec(s);
  if (m?.[1] && m[2] && !/^\s*$/.test(m[2])) return [m[1], m[2]];
  // 1971-1977: two years joined by a plain hyphen (1971-02 is a month, so four digits each side).
  const y = /^(\d{4})-(\d{4})$/.exec(s);
  if (y?.[1] && y[2]) return [y[1], y[2]];
  return null;
}

/** "10–15 September 1971" and "19 February – 1 March 1972": ranges within one year, as English writes them. */
function sameYearRange(s: string): string | null {
  let m = /^(\d{1,2}) ?[–—-] ?(\d{1,2}) ([a-z]+)\.? (\d{4})$/i.exec(s);
  const month = (name: string | undefined) => MONTHS[(name ?? '').toLowerCase()] ?? null;
  if (m?.[1] && m[2] && m[4] && month(m[3]) !== null) {
    const y = Number(m[4]);
    return `${ymd(y, month(m[3]), Number(m[1]))}/${ymd(y, month(m[3]), Number(m[2]))}`;
  }
  m = /^(\d{1,2}) ([a-z]+)\.? ?[–—-] ?(\d{1,2}) ([a-z]+)\.? (\d{4})$/i.exec(s);
  if (m?.[1] && m[3] && m[5] && month(m[2]) !== null && month(m[4]) !== null) {
    const y = Number(m[5]);
    return `${ymd(y, month(m[2]), Number(m[1]))}/${ymd(y, month(m[4]), Number(m[3]))}`;
  }
  return null;
}

/** A date with an optional qualifier: "c. 1972", "about February 1972", "1972?", "1972年頃". */
function qualified(raw: string): string | null {
  let s = raw.trim();
  let approx = false;
  let uncertain = false;
  const prefix = /^(?:c\.|ca\.|circa|about|approx\.?|approximately|около|ойролцоогоор)\s*/i.exec(s);
  if (prefix) {
    approx = true;
    s = s.slice(prefix[0].length);
  }
  const suffix = /\s*(?:頃|ごろ|орчим|оны орчим)$/.exec(s);
  if (suffix) {
    approx = true;
    s = s.slice(0, s.length - suffix[0].length);
    if (/^\d{4}$/.test(s.trim())) s = s.trim();
    else if (/^\d{4} оны$/.test(s.trim())) s = s.trim().slice(0, 4);
  }
  const q = /([?~%])$/.exec(s);
  if (q?.[1]) {
    if (q[1] === '?') uncertain = true;
    else if (q[1] === '~') approx = true;
    else approx = uncertain = true;
    s = s.slice(0, -1);
  }
  const base = single(s);
  if (base === null) return null;
  const mark = approx && uncertain ? '%' : approx ? '~' : uncertain ? '?' : '';
  return `${base}${mark}`;
}

/**
 * The EDTF for a date as written in a cell: EDTF itself, or one of the written forms the
 * documentation lists. An empty cell is no date (null edtf is never returned: the caller
 * treats the empty string itself).
 */
export function toEdtf(input: string): DateResult {
  const s = input.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (s === '') return { ok: false, reason: 'empty' };
  if (valid(s)) return { ok: true, edtf: s };
  // "1971–1977 он": a Mongolian range of years ends with one "он" for both.
  const years = /^(\d{4}) ?[–—-] ?(\d{4}) он$/.exec(s);
  if (years?.[1] && years[2] && valid(`${years[1]}/${years[2]}`)) return { ok: true, edtf: `${years[1]}/${years[2]}` };
  let out: string | null = sameYearRange(s);
  const range = out === null ? splitRange(s) : null;
  if (range) {
    const a = qualified(range[0]);
    const b = qualified(range[1]);
    out = a !== null && b !== null ? `${a}/${b}` : null;
  } else if (out === null) {
    out = qualified(s);
  }
  if (out === null) {
    if (/^\d{1,2}[/-]\d{1,2}[/-]\d{2,4}$/.test(s)) {
      return { ok: false, reason: `"${input}" is ambiguous (day/month or month/day?); write it as 1972-02-19 or 19 February 1972` };
    }
    return { ok: false, reason: `"${input}" is not a date this import reads; write EDTF (1972-02-19, 1972-02, 1972, 1972~, 197X, 1971/1977) or a form listed in the documentation` };
  }
  try {
    parseEdtf(out);
  } catch (err) {
    if (!(err instanceof EdtfError)) throw err;
    return { ok: false, reason: `"${input}" reads as ${out}, which is not a valid date: ${err.message}` };
  }
  return { ok: true, edtf: out };
}
