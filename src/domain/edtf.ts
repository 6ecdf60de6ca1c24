// EDTF (Library of Congress, 2019) dates: parsing, bounds for sorting and facets, and display.
//
// Tsuzuri accepts EDTF levels 0 and 1 for the years 0000–9999. edtf.js does the parsing; the checks
// around it close the gaps where edtf.js is more lenient than the specification (29 February in a
// common year, two-digit "centuries", times without seconds, intervals that end before they start)
// and keep open ("..") and unknown (empty) interval ends apart, which edtf.js reports alike.
// Level-2 features and years outside 0000–9999 are valid EDTF but rejected as `unsupported`: the
// bounds must stay sortable YYYY-MM-DD strings, and curators have not needed sets or lists.

import { parse as edtfParse, type ParseResult, type ParsedDateResult } from 'edtf';

export type EdtfErrorKind = 'invalid' | 'unsupported';

export class EdtfError extends Error {
  override readonly name = 'EdtfError';
  readonly input: string;
  /** `invalid`: not EDTF; `unsupported`: valid EDTF that Tsuzuri does not accept. */
  readonly kind: EdtfErrorKind;

  constructor(input: string, detail: string, kind: EdtfErrorKind = 'invalid') {
    super(`${kind === 'invalid' ? 'Invalid' : 'Unsupported'} EDTF date ${JSON.stringify(input)}: ${detail}`);
    this.input = input;
    this.kind = kind;
  }
}

/**
 * - `decade`: one unspecified year digit (197X);
 * - `century`: two unspecified year digits (19XX, the years 1900–1999).
 */
export type EdtfPrecision = 'day' | 'month' | 'season' | 'year' | 'decade' | 'century';

export type EdtfSeason = 'spring' | 'summer' | 'autumn' | 'winter';

export interface EdtfTime {
  hour: number;
  minute: number;
  second: number;
  /** Minutes east of UTC; null for local time without a zone. */
  offset: number | null;
}

export interface EdtfDate {
  type: 'date';
  /** With unspecified digits, the first matching year (1970 for 197X). */
  year: number;
  /** 1–12; null when the precision is coarser than a month or the month is unspecified. */
  month: number | null;
  day: number | null;
  season: EdtfSeason | null;
  precision: EdtfPrecision;
  time: EdtfTime | null;
  approximate: boolean;
  uncertain: boolean;
  /** Some digits were written X (197X, 1985-04-XX). */
  unspecified: boolean;
  /** First and last day covered, YYYY-MM-DD. Qualifiers do not widen them. */
  earliest: string;
  latest: string;
}

/** `..`: the interval runs on without a bound. */
export interface EdtfOpenEnd {
  type: 'open';
}

/** An empty end: the interval has a bound, but it is not known. */
export interface EdtfUnknownEnd {
  type: 'unknown';
}

export type EdtfEnd = EdtfDate | EdtfOpenEnd | EdtfUnknownEnd;

export interface EdtfInterval {
  type: 'interval';
  start: EdtfEnd;
  end: EdtfEnd;
}

export type ParsedEdtf = (EdtfDate | EdtfInterval) & {
  /** The EDTF text parsed. */
  edtf: string;
  /** Lowest EDTF conformance level that includes every feature used. */
  level: 0 | 1;
};

export interface EdtfBounds {
  /** YYYY-MM-DD; null for an open or unknown start. */
  earliest: string | null;
  /** YYYY-MM-DD; null for an open or unknown end. */
  latest: string | null;
}

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

const ACCEPTED = 'Tsuzuri accepts EDTF levels 0 and 1 for the years 0000–9999';
const EXAMPLES = '1972-02-19, 1972-10, 1977, 1971-09-10/1971-09-15, 1977~, 1977?, 1977% or 197X';

const EN_MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

const SEASON_CODES: Readonly<Record<number, EdtfSeason>> = { 21: 'spring', 22: 'summer', 23: 'autumn', 24: 'winter' };

// edtf.js builds its grammar on every parse; a chapter of hundreds of records would spend
// most of its render time there. Parsed dates are immutable values, so they are kept by text.
const PARSED = new Map<string, ParsedEdtf>();
const PARSED_MAX = 20_000;

export function parseEdtf(input: string): ParsedEdtf {
  const hit = typeof input === 'string' ? PARSED.get(input) : undefined;
  if (hit) return hit;
  const result = parseUncached(input);
  if (PARSED.size >= PARSED_MAX) PARSED.clear();
  PARSED.set(input, result);
  return result;
}

function parseUncached(input: string): ParsedEdtf {
  if (typeof input !== 'string') throw new EdtfError(String(input), 'expected text');
  if (input.trim() === '') {
    throw new EdtfError(input, 'the date is empty; an undated record has no date at all (null)');
  }
  if (input.trim() !== input) throw new EdtfError(input, 'remove the spaces before or after the date');

  let res: ParseResult;
  try {
    res = edtfParse(input, { level: 1 });
  } catch (err) {
    throw explainFailure(input, err);
  }
  return build(input, res);
}

function build(input: string, res: ParseResult): ParsedEdtf {
  const level: 0 | 1 = (res.level ?? 1) === 0 ? 0 : 1;
  if (res.type === 'Interval') {
    const slash = input.indexOf('/');
    const startText = input.slice(0, slash);
    const endText = input.slice(slash + 1);
    const start = toEnd(input, startText, res.values[0]);
    const end = toEnd(input, endText, res.values[1]);
    if (start.type !== 'date' && end.type !== 'date') {
      throw new EdtfError(input, 'an interval needs a date at one end at least');
    }
    if (start.type === 'date' && end.type === 'date' && endsBeforeStart(start, end)) {
      throw new EdtfError(input, `the interval ends (${endText}) before it starts (${startText})`);
    }
    return { type: 'interval', start, end, edtf: input, level };
  }
  if (res.type === 'Set' || res.type === 'List') {
    throw beyondLevel1(input, res);
  }
  return { ...toDate(input, input, res), edtf: input, level };
}

function toEnd(input: string, text: string, value: ParsedDateResult | number | null): EdtfEnd {
  if (value !== null && typeof value === 'object') return toDate(input, text, value);
  // The text decides, not edtf.js's marker, so an open end can never pass for an unknown one.
  if (text === '..') return { type: 'open' };
  if (text === '') return { type: 'unknown' };
  throw new EdtfError(input, `cannot read the interval end ${JSON.stringify(text)}`);
}

function toDate(input: string, text: string, p: ParsedDateResult): EdtfDate {
  switch (p.type) {
    case 'Century':
      throw new EdtfError(input, 'a year has four digits (1985, or 0085 for the year 85); EDTF has no two-digit years');
    case 'Year':
      throw new EdtfError(input, `years beyond 9999 (written with the Y prefix) are not supported; ${ACCEPTED}`, 'unsupported');
    case 'Decade':
      throw beyondLevel1(input, p);
    default:
      break;
  }
  const [year = 0, second, third, hour] = p.values;
  if (text.startsWith('-') || year < 0) {
    throw new EdtfError(input, `years before the year 0000 are not supported; ${ACCEPTED}`, 'unsupported');
  }

  const mask = p.unspecified ?? 0;
  const yearX = bitCount(mask & 0b1111);
  if (yearX === 4) {
    throw new EdtfError(
      input,
      'a wholly unspecified year (XXXX) carries no date; an undated record has no date at all (null)',
      'unsupported',
    );
  }
  if (yearX === 3) {
    throw beyondLevel1(input, p);
  }

  const season = p.type === 'Season' && second !== undefined ? (SEASON_CODES[second] ?? null) : null;
  if (p.type === 'Season' && !season) {
    throw beyondLevel1(input, p);
  }
  const month = !season && second !== undefined && (mask & 0b110000) === 0 ? second + 1 : null;
  const day = month !== null && third !== undefined && (mask & 0b11000000) === 0 ? third : null;

  if (month !== null && day !== null && day > daysInMonth(year, month)) {
    throw new EdtfError(input, dayProblem(year, month, day));
  }

  let time: EdtfTime | null = null;
  if (hour !== undefined) {
    const t = /T(.*)$/.exec(text)?.[1] ?? '';
    const problem = timeProblem(t);
    if (problem) throw new EdtfError(input, problem);
    time = readTime(t);
  }

  const precision: EdtfPrecision = season
    ? 'season'
    : yearX === 1
      ? 'decade'
      : yearX === 2
        ? 'century'
        : day !== null
          ? 'day'
          : month !== null
            ? 'month'
            : 'year';

  let earliest: string;
  let latest: string;
  switch (precision) {
    case 'day':
      earliest = latest = isoDay(year, month ?? 1, day ?? 1);
      break;
    case 'month':
      earliest = isoDay(year, month ?? 1, 1);
      latest = isoDay(year, month ?? 1, daysInMonth(year, month ?? 1));
      break;
    case 'decade':
      earliest = isoDay(year, 1, 1);
      latest = isoDay(year + 9, 12, 31);
      break;
    case 'century':
      earliest = isoDay(year, 1, 1);
      latest = isoDay(year + 99, 12, 31);
      break;
    default:
      // A season gets its whole year: EDTF fixes no months for seasons, and winter may even
      // reach into the next year, so the year is the one range that surely contains it.
      earliest = isoDay(year, 1, 1);
      latest = isoDay(year, 12, 31);
  }

  return {
    type: 'date',
    year,
    month,
    day,
    season,
    precision,
    time,
    approximate: Boolean(p.approximate),
    uncertain: Boolean(p.uncertain),
    unspecified: mask !== 0,
    earliest,
    latest,
  };
}

function endsBeforeStart(start: EdtfDate, end: EdtfDate): boolean {
  if (start.earliest > end.latest) return true;
  if (start.earliest === end.latest && start.time && end.time && start.time.offset === end.time.offset) {
    return secondsOf(start.time) > secondsOf(end.time);
  }
  return false;
}

function secondsOf(t: EdtfTime): number {
  return t.hour * 3600 + t.minute * 60 + t.second;
}

function bitCount(n: number): number {
  let c = 0;
  for (let v = n; v; v &= v - 1) c++;
  return c;
}

function isLeapYear(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isoDay(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

function dayProblem(year: number, month: number, day: number): string {
  if (month === 2 && day === 29) return `${pad(year, 4)} is not a leap year, so it has no 29 February`;
  return `${EN_MONTHS[month - 1] ?? `month ${month}`} has ${daysInMonth(year, month)} days, not ${day}`;
}

/** `t` is the text after "T". Null when the time is well formed. */
function timeProblem(t: string): string | null {
  const m = /^(\d{2}):(\d{2})(?::(\d{2}))?(.*)$/.exec(t);
  if (!m) return 'a time is written hh:mm:ss after "T" (1985-04-12T23:20:30)';
  const [, hh = '', mm = '', ss, rest = ''] = m;
  if (Number(hh) > 23) return `hour ${hh} does not exist (hours are 00–23)`;
  if (Number(mm) > 59) return `minute ${mm} does not exist (minutes are 00–59)`;
  if (ss === undefined) return 'a time needs seconds: hh:mm:ss (T23:20:00, not T23:20)';
  if (Number(ss) > 59) return `second ${ss} does not exist (seconds are 00–59)`;
  if (rest.startsWith('.') || rest.startsWith(',')) return 'fractions of a second are not part of EDTF';
  if (rest === '' || rest === 'Z') return null;
  const z = /^[+-](\d{2})(?::(\d{2}))?$/.exec(rest);
  if (!z) return 'a time zone is written Z, +hh or +hh:mm (T23:20:30+09:00)';
  if (Number(z[1]) > 23) return `a time-zone offset lies between -23 and +23 hours, not ${rest}`;
  if (Number(z[2] ?? 0) > 59) return `the minutes of a time-zone offset are 00–59, not ${rest}`;
  return null;
}

function readTime(t: string): EdtfTime {
  const m = /^(\d{2}):(\d{2}):(\d{2})(Z|([+-])(\d{2})(?::(\d{2}))?)?$/.exec(t);
  const n = (s: string | undefined) => Number(s ?? 0);
  let offset: number | null = null;
  if (m?.[4] === 'Z') offset = 0;
  else if (m?.[5]) offset = (m[5] === '-' ? -1 : 1) * (n(m[6]) * 60 + n(m[7]));
  return { hour: n(m?.[1]), minute: n(m?.[2]), second: n(m?.[3]), offset };
}

function explainFailure(input: string, err: unknown): EdtfError {
  // Valid at a higher level (or as one of edtf.js's extensions): say so rather than "invalid".
  try {
    return beyondLevel1(input, edtfParse(input, { level: 3, seasonIntervals: true, seasonUncertainty: true }));
  } catch {
    // Not EDTF at any level; explain below.
  }
  const why = diagnose(input);
  if (why) return new EdtfError(input, why);

  const message = err instanceof Error ? err.message : String(err);
  const col = /line \d+ col (\d+)/.exec(message)?.[1];
  const unexpected = /Unexpected (".*?"|\S+)/.exec(message)?.[1];
  const where = col
    ? `unexpected ${unexpected ?? 'character'} at position ${col}`
    : 'the date is incomplete';
  return new EdtfError(input, `${where}; expected a date such as ${EXAMPLES}`);
}

function beyondLevel1(input: string, res: ParseResult): EdtfError {
  return new EdtfError(input, `it uses ${describeBeyondLevel1(input, res)}, beyond EDTF level 1; ${ACCEPTED}`, 'unsupported');
}

function describeBeyondLevel1(input: string, res: ParseResult): string {
  switch (res.type) {
    case 'Set':
      return 'a set of alternative dates ([…])';
    case 'List':
      return 'a list of dates ({…})';
    case 'Decade':
      return 'a three-digit decade (write 197X for the 1970s)';
    case 'Century':
      return 'a century';
    case 'Season':
      return 'a qualified season or a sub-year grouping (25–41: quarters, half-years…)';
    case 'Year':
      return 'an exponential year or significant digits';
    case 'Interval':
      return 'a season, unspecified digits (X) or a qualified part inside an interval';
    default:
      if (/S\d+$/.test(input)) return 'significant digits';
      if (res.unspecified && bitCount(res.unspecified & 0b1111) === 3) return 'three unspecified year digits';
      if (res.unspecified) return 'unspecified digits (X) other than at the right-hand end';
      return 'a qualifier (?, ~, %) on part of a date';
  }
}

/** Common mistakes, named; null when none is recognised. */
function diagnose(input: string): string | null {
  if (/^\d{4}-\d{2}-\d{2} \d/.test(input)) {
    return 'separate the date and the time with "T", not a space (1985-04-12T23:20:30)';
  }
  if (/^(?:c\.|ca\.|circa\b|about\b|approx)/i.test(input)) {
    return 'write an approximate date with "~" after it (1985~), not "c." or "circa"';
  }
  if (/\d0'?s\b/.test(input)) return 'write a decade with X for its last digit (198X), not "1980s"';
  if (/open/i.test(input)) return 'an open end is written ".." since EDTF 2019 (1985-04-12/..), not "open"';
  if (/unknown/i.test(input)) return 'an unknown end is left empty since EDTF 2019 (/2006), not "unknown"';
  if (/\s/.test(input)) return 'an EDTF date contains no spaces';
  if (/[?~%]{2}/.test(input)) return 'use "%" for a date both uncertain and approximate, not "?~"';
  if (/^[\dXu\-/.~?%]+$/.test(input) && /u/.test(input)) {
    return 'unspecified digits are written with "X" since EDTF 2019 (199X), not "u"';
  }
  if (/^[\dXx\-/.~?%]+$/.test(input) && /x/.test(input)) {
    return 'unspecified digits are written with an upper-case "X" (201X)';
  }
  if (/^[[{]/.test(input)) {
    if (!/[\]}]$/.test(input)) return 'a set or list must be closed with "]" or "}"';
    if (input === '[]' || input === '{}') return 'an empty set or list contains no date';
  }
  const parts = input.split('/');
  if (parts.length > 2) return 'an interval has exactly one "/"';
  for (const raw of parts) {
    const part = raw.replace(/[?~%]+$/, '');
    if (part === '' || part === '..') continue;
    const why = diagnoseDate(part);
    if (why) return why;
  }
  return null;
}

function diagnoseDate(part: string): string | null {
  if (/^Y\d{1,4}$/.test(part)) {
    return `the Y prefix is only for years of more than four digits; write ${part.slice(1).padStart(4, '0')}`;
  }
  if (/^-?\d{5,}/.test(part)) {
    return 'a year has four digits; longer years need the Y prefix (and are not supported here)';
  }
  if (/^-?\d{1,3}(?:-|$)/.test(part)) return 'a year has four digits (1985, or 0085 for the year 85)';
  const m = /^(-?\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:T(.*))?$/.exec(part);
  if (!m) return null;
  const [, ys = '', ms = '', ds, ts] = m;
  if (ms.length === 1 || (ds !== undefined && ds.length === 1)) {
    return 'month and day have two digits each (1985-04-12, not 1985-4-12)';
  }
  const month = Number(ms);
  if (month === 0) return 'month 00 does not exist (months are 01–12)';
  if (month >= 13 && month <= 20) return `month ${ms} does not exist: months are 01–12, and 21–24 are seasons`;
  if (month > 41) return `${ms} is neither a month (01–12) nor a season (21–24)`;
  if (ds !== undefined) {
    if (month > 12) return 'a season has no day';
    const day = Number(ds);
    if (day === 0) return 'day 00 does not exist';
    if (day > daysInMonth(Number(ys), month)) return dayProblem(Number(ys), month, day);
  }
  if (ts !== undefined) return timeProblem(ts);
  return null;
}

// ---------------------------------------------------------------------------------------------
// Bounds
// ---------------------------------------------------------------------------------------------

function parsed(input: string | ParsedEdtf): ParsedEdtf {
  return typeof input === 'string' ? parseEdtf(input) : input;
}

/**
 * First and last day covered, for sorting and facets. Open (`..`) and unknown ends are both null;
 * `parseEdtf` tells them apart. Throws EdtfError for invalid input.
 */
export function edtfBounds(input: string | ParsedEdtf): EdtfBounds {
  const p = parsed(input);
  if (p.type === 'date') return { earliest: p.earliest, latest: p.latest };
  return {
    earliest: p.start.type === 'date' ? p.start.earliest : null,
    latest: p.end.type === 'date' ? p.end.latest : null,
  };
}

/** The decade (1970) of the earliest bound; null without one. */
export function edtfDecade(input: string | ParsedEdtf): number | null {
  const { earliest } = edtfBounds(input);
  if (earliest === null) return null;
  return Math.floor(Number(earliest.slice(0, 4)) / 10) * 10;
}

// ---------------------------------------------------------------------------------------------
// Display
// ---------------------------------------------------------------------------------------------

type Style = 'en' | 'ja' | 'mn' | 'intl';

function styleOf(lang: string): { style: Style; locale: string } {
  let loc: Intl.Locale;
  try {
    loc = new Intl.Locale(lang);
  } catch {
    return { style: 'en', locale: 'en' };
  }
  const script = loc.script;
  if (loc.language === 'en') return { style: 'en', locale: lang };
  // The Japanese and Mongolian phrasing below is written in Japanese script and in Cyrillic;
  // another script (e.g. mn-Mong) gets the locale's own Intl forms.
  if (loc.language === 'ja' && (!script || script === 'Jpan')) return { style: 'ja', locale: lang };
  if (loc.language === 'mn' && (!script || script === 'Cyrl')) return { style: 'mn', locale: lang };
  return { style: 'intl', locale: lang };
}

/**
 * Human display of an EDTF date in `lang`, never the EDTF itself. English, Japanese and Mongolian
 * (Cyrillic) have their own phrasing; any other language gets forms built on Intl.DateTimeFormat.
 * Throws EdtfError for invalid input: validate dates when they are stored.
 */
export function formatEdtf(input: string | ParsedEdtf, lang: string): string {
  const p = parsed(input);
  const { style, locale } = styleOf(lang);
  const f = FORMATTERS[style];
  if (p.type === 'date') return f.single(p, locale);
  return f.interval(p.start, p.end, locale);
}

interface Formatter {
  single(d: EdtfDate, locale: string): string;
  interval(start: EdtfEnd, end: EdtfEnd, locale: string): string;
}

function timeText(t: EdtfTime | null): string {
  if (!t) return '';
  const clock = `${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;
  if (t.offset === null) return clock;
  if (t.offset === 0) return `${clock} UTC`;
  const abs = Math.abs(t.offset);
  return `${clock} UTC${t.offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function isPlain(d: EdtfDate): boolean {
  return !d.approximate && !d.uncertain && !d.time;
}

function sameSpan(a: EdtfDate, b: EdtfDate): boolean {
  return a.precision === b.precision && a.earliest === b.earliest && a.latest === b.latest;
}

/** Closed en dash between single words ("1971–1977"), spaced between phrases. */
function enDash(a: string, b: string): string {
  return /\s/.test(a) || /\s/.test(b) ? `${a} – ${b}` : `${a}–${b}`;
}

// --- English -----------------------------------------------------------------------------------

const EN_SEASONS: Record<EdtfSeason, string> = { spring: 'spring', summer: 'summer', autumn: 'autumn', winter: 'winter' };

function enYear(y: number): string {
  return y <= 0 ? `${1 - y} BCE` : String(y);
}

function enMonth(m: number | null): string {
  return EN_MONTHS[(m ?? 1) - 1] ?? '';
}

/** Without qualifiers; `withYear: false` drops the year from day and month forms (for ranges). */
function enCore(d: EdtfDate, withYear = true): string {
  const y = withYear ? ` ${enYear(d.year)}` : '';
  let s: string;
  switch (d.precision) {
    case 'day':
      s = `${d.day} ${enMonth(d.month)}${y}`;
      break;
    case 'month':
      s = `${enMonth(d.month)}${y}`;
      break;
    case 'season':
      s = `${EN_SEASONS[d.season ?? 'spring']} ${enYear(d.year)}`;
      break;
    case 'decade':
      s = `${d.year}s`;
      break;
    case 'century':
      s = `${d.year}–${d.year + 99}`;
      break;
    default:
      s = enYear(d.year);
  }
  return d.time ? `${s} ${timeText(d.time)}` : s;
}

function enDate(d: EdtfDate): string {
  const prefix = d.uncertain && d.approximate ? 'possibly about ' : d.uncertain ? 'possibly ' : d.approximate ? 'about ' : '';
  return prefix + enCore(d);
}

const en: Formatter = {
  single: (d) => enDate(d),
  interval(start, end) {
    if (start.type !== 'date') {
      if (end.type !== 'date') return '';
      return start.type === 'open' ? `until ${enDate(end)}` : `unknown – ${enDate(end)}`;
    }
    if (end.type !== 'date') return end.type === 'open' ? `from ${enDate(start)}` : `${enDate(start)} – unknown`;
    if (isPlain(start) && isPlain(end)) {
      if (sameSpan(start, end)) return enDate(start);
      if (start.year === end.year && start.month !== null && end.month !== null) {
        if (start.precision === 'day' && end.precision === 'day' && start.month === end.month) {
          return `${start.day}–${end.day} ${enMonth(end.month)} ${enYear(end.year)}`;
        }
        return `${enDash(enCore(start, false), enCore(end, false))} ${enYear(end.year)}`;
      }
    }
    return enDash(enDate(start), enDate(end));
  },
};

// --- Japanese ----------------------------------------------------------------------------------

// Japan adopted the Gregorian calendar on Meiji 6-01-01 (1873). Before that, era years and months
// were lunisolar and a Gregorian date cannot be given an era year and month reliably.
const JA_GREGORIAN_FROM = 1873;
const JA_SEASONS: Record<EdtfSeason, string> = { spring: '春', summer: '夏', autumn: '秋', winter: '冬' };

let jaEraFormat: Intl.DateTimeFormat | undefined;

function utcDate(y: number, m: number, d: number, h = 0, mi = 0, s = 0): Date {
  const date = new Date(Date.UTC(2000, 0, 1, h, mi, s));
  date.setUTCFullYear(y, m - 1, d);
  return date;
}

function dateOfIso(iso: string): Date {
  const [y = 0, m = 1, d = 1] = iso.split('-').map(Number);
  return utcDate(y, m, d);
}

function jaEra(iso: string): string {
  jaEraFormat ??= new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', timeZone: 'UTC' });
  return jaEraFormat.format(dateOfIso(iso));
}

/**
 * "昭和47年(1972)". When the span crosses a change of era (1989, or January 1989), both eras are
 * named, "昭和64年・平成元年(1989)", as Japanese references do for such years.
 */
function jaYear(d: EdtfDate): string {
  if (d.year < JA_GREGORIAN_FROM) return d.year <= 0 ? `紀元前${1 - d.year}年` : `${d.year}年`;
  const first = jaEra(d.earliest);
  const last = jaEra(d.latest);
  return `${first === last ? first : `${first}・${last}`}(${d.year})`;
}

function jaMonthDay(d: EdtfDate): string {
  return `${d.month}月${d.precision === 'day' ? `${d.day}日` : ''}`;
}

function jaCore(d: EdtfDate): string {
  let s: string;
  switch (d.precision) {
    case 'day':
    case 'month':
      s = jaYear(d) + jaMonthDay(d);
      break;
    case 'season':
      s = jaYear(d) + JA_SEASONS[d.season ?? 'spring'];
      break;
    case 'decade':
      s = `${d.year}年代`;
      break;
    case 'century':
      s = `${d.year}～${d.year + 99}年`;
      break;
    default:
      s = jaYear(d);
  }
  return d.time ? `${s} ${timeText(d.time)}` : s;
}

function jaDate(d: EdtfDate): string {
  return jaCore(d) + (d.approximate ? '頃' : '') + (d.uncertain ? '(推定)' : '');
}

const ja: Formatter = {
  single: (d) => jaDate(d),
  interval(start, end) {
    if (start.type !== 'date') {
      if (end.type !== 'date') return '';
      return start.type === 'open' ? `${jaDate(end)}以前` : `不明～${jaDate(end)}`;
    }
    if (end.type !== 'date') return end.type === 'open' ? `${jaDate(start)}以降` : `${jaDate(start)}～不明`;
    if (isPlain(start) && isPlain(end)) {
      if (sameSpan(start, end)) return jaDate(start);
      const year = jaYear(start);
      if (start.year === end.year && start.month !== null && end.month !== null && year === jaYear(end)) {
        if (start.precision === 'day' && end.precision === 'day' && start.month === end.month) {
          return `${year}${start.month}月${start.day}日～${end.day}日`;
        }
        return `${year}${jaMonthDay(start)}～${jaMonthDay(end)}`;
      }
    }
    return `${jaDate(start)}～${jaDate(end)}`;
  },
};

// --- Mongolian (Cyrillic) ----------------------------------------------------------------------

// Suffixes follow the vowel harmony of the last spoken word of the numeral: нэг (1), дөрөв (4)
// and ес (9) are front-vowelled, the other units and арав, хорь, гуч are back-vowelled.
function mnFront(n: number): boolean {
  const unit = n % 10;
  return unit === 1 || unit === 4 || unit === 9;
}

/** Ordinal of a month: "2 дугаар", "11 дүгээр". */
function mnOrdinal(n: number): string {
  return `${n} ${mnFront(n) ? 'дүгээр' : 'дугаар'}`;
}

/** Genitive of a day, as dates write it: "19-ний", "24-ны". */
function mnDayGenitive(n: number): string {
  return `${n}-${mnFront(n) ? 'ний' : 'ны'}`;
}

/** Plural "-аад" of a decade, harmonised with the tens word: 1920-иод, 1940-өөд, 1950-иад, 1990-ээд. */
function mnDecade(y: number): string {
  const tens = Math.floor(y / 10) % 10;
  const suffix = ['аад', 'аад', 'иод', 'аад', 'өөд', 'иад', 'аад', 'аад', 'аад', 'ээд'][tens] ?? 'аад';
  return `${y}-${suffix}`;
}

const MN_SEASONS: Record<EdtfSeason, { nom: string; gen: string; abl: string }> = {
  spring: { nom: 'хавар', gen: 'хаврын', abl: 'хавраас' },
  summer: { nom: 'зун', gen: 'зуны', abl: 'зунаас' },
  autumn: { nom: 'намар', gen: 'намрын', abl: 'намраас' },
  winter: { nom: 'өвөл', gen: 'өвлийн', abl: 'өвлөөс' },
};

/** A date in the cases the phrases need: nominative, genitive, ablative, and before "хүртэл". */
interface MnForms {
  nom: string;
  gen: string;
  abl: string;
  until: string;
}

function mnYear(y: number): string {
  return y <= 0 ? `МЭӨ ${1 - y}` : String(y);
}

function mnForms(d: EdtfDate): MnForms {
  const y = mnYear(d.year);
  switch (d.precision) {
    case 'day': {
      const date = `${y} оны ${mnOrdinal(d.month ?? 1)} сарын`;
      const gen = `${date} ${mnDayGenitive(d.day ?? 1)}`;
      if (d.time) {
        const t = timeText(d.time);
        return { nom: `${gen} ${t}`, gen: `${gen} ${t} цагийн`, abl: `${gen} ${t} цагаас`, until: `${gen} ${t} цаг` };
      }
      return { nom: `${date} ${d.day}`, gen, abl: `${gen} өдрөөс`, until: `${gen} өдөр` };
    }
    case 'month': {
      const m = `${y} оны ${mnOrdinal(d.month ?? 1)} сар`;
      return { nom: m, gen: `${m}ын`, abl: `${m}аас`, until: m };
    }
    case 'season': {
      const s = MN_SEASONS[d.season ?? 'spring'];
      return { nom: `${y} оны ${s.nom}`, gen: `${y} оны ${s.gen}`, abl: `${y} оны ${s.abl}`, until: `${y} оны ${s.nom}` };
    }
    case 'decade':
    case 'century': {
      const span = d.precision === 'decade' ? mnDecade(d.year) : `${d.year}–${d.year + 99}`;
      return { nom: `${span} он`, gen: `${span} оны`, abl: `${span} оноос`, until: `${span} он` };
    }
    default:
      return { nom: `${y} он`, gen: `${y} оны`, abl: `${y} оноос`, until: `${y} он` };
  }
}

const MN_UNCERTAIN = ' (тодорхойгүй)';
const MN_UNKNOWN = 'үл мэдэгдэх';

function mnDate(d: EdtfDate): string {
  const f = mnForms(d);
  return (d.approximate ? `${f.gen} орчим` : f.nom) + (d.uncertain ? MN_UNCERTAIN : '');
}

function mnFrom(d: EdtfDate): string {
  const f = mnForms(d);
  return (d.approximate ? `${f.gen} орчмоос хойш` : `${f.abl} хойш`) + (d.uncertain ? MN_UNCERTAIN : '');
}

function mnUntil(d: EdtfDate): string {
  const f = mnForms(d);
  return (d.approximate ? `${f.gen} орчим хүртэл` : `${f.until} хүртэл`) + (d.uncertain ? MN_UNCERTAIN : '');
}

/** A month, or a month and day, without the year: "9 дүгээр сар", "9 дүгээр сарын 10". */
function mnMonthDay(d: EdtfDate): string {
  const m = `${mnOrdinal(d.month ?? 1)} сар`;
  return d.precision === 'day' ? `${m}ын ${d.day}` : m;
}

const mn: Formatter = {
  single: (d) => mnDate(d),
  interval(start, end) {
    if (start.type !== 'date') {
      if (end.type !== 'date') return '';
      return start.type === 'open' ? mnUntil(end) : `${MN_UNKNOWN} – ${mnDate(end)}`;
    }
    if (end.type !== 'date') return end.type === 'open' ? mnFrom(start) : `${mnDate(start)} – ${MN_UNKNOWN}`;
    if (isPlain(start) && isPlain(end)) {
      if (sameSpan(start, end)) return mnDate(start);
      if (start.precision === 'year' && end.precision === 'year') {
        return `${mnYear(start.year)}–${mnYear(end.year)} он`;
      }
      if (start.year === end.year && start.month !== null && end.month !== null) {
        const y = `${mnYear(start.year)} оны`;
        if (start.precision === 'day' && end.precision === 'day' && start.month === end.month) {
          return `${y} ${mnOrdinal(start.month)} сарын ${start.day}–${end.day}`;
        }
        if (start.precision === 'month' && end.precision === 'month') {
          return `${y} ${start.month}–${mnOrdinal(end.month)} сар`;
        }
        return `${y} ${mnMonthDay(start)} – ${mnMonthDay(end)}`;
      }
    }
    return `${mnDate(start)} – ${mnDate(end)}`;
  },
};

// --- Any other language ------------------------------------------------------------------------

const intlCache = new Map<string, Intl.DateTimeFormat>();

function intlFormat(locale: string, options: Intl.DateTimeFormatOptions, date: Date): string {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = intlCache.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    } catch {
      f = new Intl.DateTimeFormat('en', { ...options, timeZone: 'UTC' });
    }
    intlCache.set(key, f);
  }
  return f.format(date);
}

function intlYear(y: number, locale: string): string {
  // Year 0 is 1 BCE: without the era Intl would print it as "1".
  return intlFormat(locale, y <= 0 ? { year: 'numeric', era: 'short' } : { year: 'numeric' }, utcDate(y, 7, 1));
}

function intlCore(d: EdtfDate, locale: string): string {
  const era: Intl.DateTimeFormatOptions = d.year <= 0 ? { era: 'short' } : {};
  switch (d.precision) {
    case 'day': {
      const date = utcDate(d.year, d.month ?? 1, d.day ?? 1, d.time?.hour, d.time?.minute, d.time?.second);
      if (!d.time) return intlFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', ...era }, date);
      // The wall-clock time as written; the zone, if any, is named after it.
      const s = intlFormat(
        locale,
        { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', ...era },
        date,
      );
      const zone = timeText(d.time).replace(/^\S+\s?/, '');
      return zone ? `${s} ${zone}` : s;
    }
    case 'month':
      return intlFormat(locale, { year: 'numeric', month: 'long', ...era }, utcDate(d.year, d.month ?? 1, 1));
    case 'decade':
      return `${intlYear(d.year, locale)} – ${intlYear(d.year + 9, locale)}`;
    case 'century':
      return `${intlYear(d.year, locale)} – ${intlYear(d.year + 99, locale)}`;
    default:
      // Intl has no season names; the year is what remains certain.
      return intlYear(d.year, locale);
  }
}

// Without translated words, library-catalogue conventions: "ca." for circa, "(?)" for doubt.
function intlDate(d: EdtfDate, locale: string): string {
  return (d.approximate ? 'ca. ' : '') + intlCore(d, locale) + (d.uncertain ? ' (?)' : '');
}

const intl: Formatter = {
  single: intlDate,
  interval(start, end, locale) {
    const side = (e: EdtfEnd) => (e.type === 'date' ? intlDate(e, locale) : e.type === 'open' ? '…' : '?');
    if (start.type === 'date' && end.type === 'date' && isPlain(start) && isPlain(end) && sameSpan(start, end)) {
      return intlDate(start, locale);
    }
    return `${side(start)} – ${side(end)}`;
  },
};

const FORMATTERS: Record<Style, Formatter> = { en, ja, mn, intl };
