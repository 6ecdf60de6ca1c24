// Search parameters from a query string, validated with a reason a reader can act on.
// The same parameters drive the page (/{lang}/search) and the API (/api/v1/search).
import type { MediaType } from '../domain/types.ts';
import { parseQuery, QUERY_LIMITS } from './analyzer.ts';
import { DOC_KINDS, type DocKind } from './documents.ts';
import type { IndexFilters } from './kysely/index-reader.ts';

/** Why a request was refused (the `error.code` of a 400 answer). */
export type SearchErrorCode = 'query_too_long' | 'too_many_terms' | 'bad_parameter' | 'repeated_parameter' | 'unknown_language' | 'too_broad';

export interface SearchError {
  code: SearchErrorCode;
  /** The parameter at fault. */
  parameter: string;
  message: string;
}

export interface SearchParams {
  q: string;
  page: number;
  perPage: number;
  filters: IndexFilters;
}

export const PER_PAGE = { default: 20, max: 50 } as const;
export const MAX_PAGE = 10_000;

const MEDIA_TYPES: readonly MediaType[] = ['document', 'photograph', 'film', 'sound'];
const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
const LANG_TAG = /^[a-z]{2,3}(-[a-zA-Z0-9]{1,8}){0,3}$/;
const YEAR = /^\d{4}$/;
const WHOLE = /^\d{1,9}$/;

/** The query-string names of the filters, for links that add or remove one. */
export const FILTER_PARAMS = ['type', 'exhibition', 'chapter', 'institution', 'decade', 'media', 'person', 'textLang', 'from', 'to'] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

type Raw = Record<string, unknown>;

class Refusal extends Error {
  constructor(readonly error: SearchError) {
    super(error.message);
  }
}

function single(raw: Raw, name: string): string | undefined {
  const v = raw[name];
  if (v === undefined) return undefined;
  if (Array.isArray(v)) throw new Refusal({ code: 'repeated_parameter', parameter: name, message: `${name} may be given only once` });
  return String(v);
}

function bad(parameter: string, message: string): never {
  throw new Refusal({ code: 'bad_parameter', parameter, message });
}

function wholeNumber(raw: Raw, name: string, fallback: number, min: number, max: number): number {
  const v = single(raw, name);
  if (v === undefined || v === '') return fallback;
  if (!WHOLE.test(v) || Number(v) < min || Number(v) > max) bad(name, `${name} must be a whole number from ${min} to ${max}`);
  return Number(v);
}

function id(raw: Raw, name: string): string | undefined {
  const v = single(raw, name);
  if (v === undefined || v === '') return undefined;
  if (!ID.test(v)) bad(name, `${name} must be an identifier (lower-case letters, digits and hyphens)`);
  return v;
}

function oneOf<T extends string>(raw: Raw, name: string, allowed: readonly T[]): T | undefined {
  const v = single(raw, name);
  if (v === undefined || v === '') return undefined;
  if (!(allowed as readonly string[]).includes(v)) bad(name, `${name} must be one of: ${allowed.join(', ')}`);
  return v as T;
}

function year(raw: Raw, name: string): number | undefined {
  const v = single(raw, name);
  if (v === undefined || v === '') return undefined;
  if (!YEAR.test(v)) bad(name, `${name} must be a year of four digits`);
  return Number(v);
}

export type ParsedParams = { ok: true; params: SearchParams } | { ok: false; error: SearchError };

export function parseSearchParams(raw: Raw): ParsedParams {
  try {
    const q = (single(raw, 'q') ?? '').normalize('NFC');
    if (q.length > QUERY_LIMITS.maxLength) {
      throw new Refusal({ code: 'query_too_long', parameter: 'q', message: `the query may have at most ${QUERY_LIMITS.maxLength} characters` });
    }
    if (parseQuery(q).clauses.length > QUERY_LIMITS.maxClauses) {
      throw new Refusal({ code: 'too_many_terms', parameter: 'q', message: `the query may have at most ${QUERY_LIMITS.maxClauses} words or phrases` });
    }
    const filters: IndexFilters = {};
    const kind = oneOf<DocKind>(raw, 'type', DOC_KINDS);
    if (kind) filters.kind = kind;
    for (const name of ['exhibition', 'chapter', 'institution', 'person'] as const) {
      const v = id(raw, name);
      if (v) filters[name] = v;
    }
    const media = oneOf(raw, 'media', MEDIA_TYPES);
    if (media) filters.media = media;
    const decade = single(raw, 'decade');
    if (decade !== undefined && decade !== '') {
      if (!/^\d{3}0$/.test(decade)) bad('decade', 'decade must be a year ending in 0, such as 1970');
      filters.decade = Number(decade);
    }
    const textLang = single(raw, 'textLang');
    if (textLang !== undefined && textLang !== '') {
      if (!LANG_TAG.test(textLang)) bad('textLang', 'textLang must be a language tag such as ja, mn or en');
      filters.lang = textLang;
    }
    const from = year(raw, 'from');
    const to = year(raw, 'to');
    if (from !== undefined && to !== undefined && from > to) bad('from', 'from must not be later than to');
    if (from !== undefined) filters.from = `${String(from).padStart(4, '0')}-01-01`;
    if (to !== undefined) filters.to = `${String(to).padStart(4, '0')}-12-31`;
    return {
      ok: true,
      params: {
        q,
        page: wholeNumber(raw, 'page', 1, 1, MAX_PAGE),
        perPage: wholeNumber(raw, 'per', PER_PAGE.default, 1, PER_PAGE.max),
        filters,
      },
    };
  } catch (err) {
    if (err instanceof Refusal) return { ok: false, error: err.error };
    throw err;
  }
}

/** The query-string values of a request's filters, by parameter name. */
export function filterValues(f: IndexFilters): Partial<Record<FilterParam, string>> {
  const out: Partial<Record<FilterParam, string>> = {};
  if (f.kind) out.type = f.kind;
  if (f.exhibition) out.exhibition = f.exhibition;
  if (f.chapter) out.chapter = f.chapter;
  if (f.institution) out.institution = f.institution;
  if (f.decade !== undefined) out.decade = String(f.decade);
  if (f.media) out.media = f.media;
  if (f.person) out.person = f.person;
  if (f.lang) out.textLang = f.lang;
  if (f.from) out.from = f.from.slice(0, 4);
  if (f.to) out.to = f.to.slice(0, 4);
  return out;
}

/** A search URL's query string with some parameters changed (undefined removes one). */
export function searchQueryString(params: SearchParams, change: Partial<Record<FilterParam | 'q' | 'page' | 'per', string | undefined>> = {}): string {
  const values: Record<string, string | undefined> = { q: params.q, ...filterValues(params.filters) };
  if (params.perPage !== PER_PAGE.default) values['per'] = String(params.perPage);
  if (params.page !== 1) values['page'] = String(params.page);
  // Any change of filters starts again at the first page.
  if (!('page' in change)) delete values['page'];
  Object.assign(values, change);
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '') sp.set(k, v);
  const s = sp.toString();
  return s ? `?${s}` : '';
}
