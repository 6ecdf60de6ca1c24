// EDTF dates as schema.org wants them: ISO 8601 dates and intervals ("1972-02/1972-03"), with
// ".." for an open or unknown end as schema.org documents for temporalCoverage. EDTF qualifiers
// (?, ~, %) and unspecified digits (X) have no ISO 8601-1 form, so a qualified or partly
// unspecified date is written as the span it covers; the uncertainty itself is not carried.
import { parseEdtf, type EdtfDate, type EdtfEnd } from '../domain/edtf.ts';

/** Last day of a month, as two digits. */
function lastDay(year: number, month: number): string {
  return String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0');
}

type Grain = 'year' | 'month' | 'day';

/** The coarsest grain at which [earliest, latest] (YYYY-MM-DD) is whole. */
function grainOf(earliest: string, latest: string): Grain {
  const [ly, lm] = [Number(latest.slice(0, 4)), Number(latest.slice(5, 7))];
  const startsMonth = earliest.endsWith('-01');
  const endsMonth = latest.slice(8) === lastDay(ly, lm);
  if (startsMonth && endsMonth && earliest.slice(5, 7) === '01' && latest.slice(5, 7) === '12') return 'year';
  if (startsMonth && endsMonth) return 'month';
  return 'day';
}

function cut(day: string, grain: Grain): string {
  return grain === 'year' ? day.slice(0, 4) : grain === 'month' ? day.slice(0, 7) : day;
}

function startGrain(earliest: string): Grain {
  if (earliest.endsWith('-01-01')) return 'year';
  if (earliest.endsWith('-01')) return 'month';
  return 'day';
}

function endGrain(latest: string): Grain {
  const [y, m] = [Number(latest.slice(0, 4)), Number(latest.slice(5, 7))];
  if (latest.slice(8) !== lastDay(y, m)) return 'day';
  return m === 12 ? 'year' : 'month';
}

/** "1972-02-01".."1972-03-31" → "1972-02/1972-03"; a missing side is "..". */
function span(earliest: string | null, latest: string | null): string {
  if (earliest === null) return latest === null ? '../..' : `../${cut(latest, endGrain(latest))}`;
  if (latest === null) return `${cut(earliest, startGrain(earliest))}/..`;
  // Both sides at one grain, so "1971-09-10/1971-09-15" stays in days and "1971/1977" in years.
  const grain = grainOf(earliest, latest);
  const a = cut(earliest, grain);
  const b = cut(latest, grain);
  return a === b ? a : `${a}/${b}`;
}

function bounds(end: EdtfEnd): string | null {
  return end.type === 'date' ? end.earliest : null;
}

function boundsEnd(end: EdtfEnd): string | null {
  return end.type === 'date' ? end.latest : null;
}

/**
 * The ISO 8601 date or interval an EDTF date covers, for `temporalCoverage`. Times are dropped
 * to their day. Throws EdtfError for invalid input (dates are validated when stored).
 */
export function edtfToIsoInterval(edtf: string): string {
  const p = parseEdtf(edtf);
  if (p.type === 'date') return span(p.earliest, p.latest);
  return span(bounds(p.start), boundsEnd(p.end));
}

function plainDate(d: EdtfDate): boolean {
  return !d.approximate && !d.uncertain && !d.unspecified && (d.precision === 'day' || d.precision === 'month' || d.precision === 'year');
}

/**
 * An ISO 8601 date for `dateCreated` when the EDTF names one plain day, month or year; null for
 * intervals, seasons, qualified or partly unspecified dates, which a Date value cannot express.
 */
export function edtfToIsoDate(edtf: string): string | null {
  const p = parseEdtf(edtf);
  if (p.type !== 'date' || !plainDate(p)) return null;
  return span(p.earliest, p.latest);
}
