// The subset of edtf.js (npm `edtf`) that Tsuzuri uses; the package ships no type declarations.
declare module 'edtf' {
  export interface ParseConstraints {
    /** Highest conformance level to accept (3 enables edtf.js's non-standard extensions). */
    level?: 0 | 1 | 2 | 3;
    types?: string[];
    seasonIntervals?: boolean;
    seasonUncertainty?: boolean;
  }

  export interface ParsedDateResult {
    /** Absent at run time on some dates nested inside level-2 intervals, which Tsuzuri does not read. */
    type: 'Date' | 'Year' | 'Season' | 'Decade' | 'Century';
    level?: number;
    /** [year, monthIndex (0-based), day, hours, minutes, seconds, milliseconds], as far as given. */
    values: number[];
    /** `true` for a whole-date qualifier (level 1), a bitmask for qualified parts (level 2). */
    approximate?: boolean | number;
    uncertain?: boolean | number;
    /** Bitmask of unspecified (X) digits: 1–8 year digits (8 = last), 16|32 month, 64|128 day. */
    unspecified?: number;
    /** Minutes east of UTC. */
    offset?: number;
    timeZone?: string;
  }

  export interface ParsedIntervalResult {
    type: 'Interval';
    level: number;
    /** `Infinity` for an open end (`..`), `null` for an unknown (empty) one. */
    values: [ParsedDateResult | number | null, ParsedDateResult | number | null];
  }

  /** "One of a set" ([…]). */
  export interface ParsedSetResult {
    type: 'Set';
    level: number;
    values: unknown[];
  }

  /** "All of a list" ({…}). */
  export interface ParsedListResult {
    type: 'List';
    level: number;
    values: unknown[];
  }

  export type ParseResult = ParsedDateResult | ParsedIntervalResult | ParsedSetResult | ParsedListResult;

  /** Throws an Error whose message names the failing position for syntax errors. */
  export function parse(input: string, constraints?: ParseConstraints): ParseResult;
}
