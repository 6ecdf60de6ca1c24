// The JSON shapes of /api/v1/search and /api/v1/search/suggest, mapped from the service's read
// models, with their response schemas. Display texts are resolved for the requested language.
import type { SearchModel, SearchHit, Suggestion, MatchedText, SnippetModel } from '../services/search.ts';
import { formatDate, href, institutionName, personName, type ViewContext } from '../views/context.ts';
import { FACETS, type FacetName } from './kysely/index-reader.ts';
import type { SearchError } from './params.ts';
import type { Segment } from './snippet.ts';

export interface ApiText {
  text: string;
  lang: string;
  /** The text in order, with the parts the query matched marked. */
  parts: Segment[];
}

export interface ApiSnippet extends ApiText {
  /** Text was left out before / after. */
  cutStart: boolean;
  cutEnd: boolean;
}

export interface ApiHit {
  type: SearchHit['kind'];
  id: string;
  url: string;
  title: ApiText;
  snippet: ApiSnippet | null;
  matchedLanguages: string[];
  matchedNames: string[];
  score: number;
  date: { edtf: string; display: string } | null;
  holder: { id: string; name: string } | null;
  referenceCode: string | null;
  mediaType: string | null;
  records: number | null;
}

export interface ApiSearchResponse {
  query: string;
  lang: string;
  page: number;
  perPage: number;
  total: number;
  pages: number;
  results: ApiHit[];
  facets: Record<FacetName, { value: string; label: string; count: number; selected: boolean }[]>;
  years: { from: number | null; to: number | null };
  people: { id: string; name: string; url: string; match: string; how: string; records: number }[];
  recordsOf: { id: string; name: string } | null;
}

function text(t: MatchedText): ApiText {
  return { text: t.value, lang: t.lang, parts: t.segments };
}

function snippet(s: SnippetModel | null): ApiSnippet | null {
  if (!s) return null;
  return {
    text: s.excerpt.segments.map((p) => p.text).join(''),
    lang: s.lang,
    parts: s.excerpt.segments,
    cutStart: s.excerpt.cutStart,
    cutEnd: s.excerpt.cutEnd,
  };
}

function hit(ctx: ViewContext, h: SearchHit, model: SearchModel): ApiHit {
  const base = {
    title: text(h.title),
    snippet: snippet(h.snippet),
    matchedLanguages: h.matchedLangs,
    matchedNames: h.viaNames.map((n) => n.label),
    score: Math.round(h.score * 1e6) / 1e6,
  };
  if (h.kind === 'item') {
    const inst = model.institutions.get(h.item.institutionId);
    return {
      type: 'item',
      id: h.item.id,
      url: href(ctx, `/items/${h.item.id}`),
      ...base,
      date: h.item.date ? { edtf: h.item.date, display: formatDate(ctx, h.item.date) ?? h.item.date } : null,
      holder: inst ? { id: inst.id, name: institutionName(ctx, inst, model.institutions) } : null,
      referenceCode: h.item.referenceCode,
      mediaType: h.item.mediaType,
      records: null,
    };
  }
  if (h.kind === 'chapter') {
    return {
      type: 'chapter',
      id: h.chapter.id,
      url: href(ctx, `/exhibitions/${h.exhibition.slug}/${h.chapter.slug}`),
      ...base,
      date: h.chapter.period ? { edtf: h.chapter.period, display: formatDate(ctx, h.chapter.period) ?? h.chapter.period } : null,
      holder: null,
      referenceCode: null,
      mediaType: null,
      records: null,
    };
  }
  return {
    type: 'person',
    id: h.person.id,
    url: href(ctx, `/people/${h.person.id}`),
    ...base,
    date: null,
    holder: null,
    referenceCode: null,
    mediaType: null,
    records: h.recordCount,
  };
}

/** The label of a facet value, as the page shows it. */
export type FacetLabeler = (facet: FacetName, value: string) => string;

export function toApiResponse(ctx: ViewContext, model: SearchModel, label: FacetLabeler): ApiSearchResponse {
  const facets = Object.fromEntries(
    FACETS.map((f) => [f, model.facets[f].map((v) => ({ value: v.value, label: label(f, v.value), count: v.count, selected: v.selected }))]),
  ) as ApiSearchResponse['facets'];
  return {
    query: model.request.q,
    lang: ctx.lang,
    page: model.request.page,
    perPage: model.request.perPage,
    total: model.total,
    pages: model.pages,
    results: model.hits.map((h) => hit(ctx, h, model)),
    facets,
    years: model.years,
    people: model.people.map((r) => ({
      id: r.person.id,
      name: personName(ctx, r.person).value,
      url: href(ctx, `/people/${r.person.id}`),
      match: r.label,
      how: r.how,
      records: r.recordCount,
    })),
    recordsOf: model.recordsOf ? { id: model.recordsOf.id, name: personName(ctx, model.recordsOf).value } : null,
  };
}

export interface ApiSuggestResponse {
  query: string;
  suggestions: { type: string; id: string; label: string; lang: string; matched: string | null; url: string | null }[];
}

export function toApiSuggestions(ctx: ViewContext, query: string, list: readonly Suggestion[]): ApiSuggestResponse {
  return {
    query,
    suggestions: list.map((s) => ({
      type: s.kind,
      id: s.id,
      label: s.label,
      lang: s.labelLang,
      matched: s.matched,
      // Places have no page of their own; choosing one searches for it.
      url: s.kind === 'person' ? href(ctx, `/people/${s.id}`) : s.kind === 'institution' ? href(ctx, `/institutions/${s.id}`) : null,
    })),
  };
}

export interface ApiError {
  error: SearchError;
}

// ---------------------------------------------------------------------------------------------
// Response schemas (also what fast-json-stringify serialises with)
// ---------------------------------------------------------------------------------------------

const segment = { type: 'object', properties: { text: { type: 'string' }, mark: { type: 'boolean' } }, required: ['text', 'mark'] } as const;
const apiText = {
  type: 'object',
  properties: { text: { type: 'string' }, lang: { type: 'string' }, parts: { type: 'array', items: segment } },
  required: ['text', 'lang', 'parts'],
} as const;
const nullable = <T extends object>(schema: T) => ({ anyOf: [schema, { type: 'null' }] });
const facetList = {
  type: 'array',
  items: {
    type: 'object',
    properties: { value: { type: 'string' }, label: { type: 'string' }, count: { type: 'integer' }, selected: { type: 'boolean' } },
    required: ['value', 'label', 'count', 'selected'],
  },
} as const;

export const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, parameter: { type: 'string' }, message: { type: 'string' } },
      required: ['code', 'parameter', 'message'],
    },
  },
  required: ['error'],
} as const;

export const searchResponseSchema = {
  type: 'object',
  properties: {
    query: { type: 'string' },
    lang: { type: 'string' },
    page: { type: 'integer' },
    perPage: { type: 'integer' },
    total: { type: 'integer' },
    pages: { type: 'integer' },
    results: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          type: { type: 'string', enum: ['item', 'chapter', 'person'] },
          id: { type: 'string' },
          url: { type: 'string' },
          title: apiText,
          snippet: nullable({
            type: 'object',
            properties: { ...apiText.properties, cutStart: { type: 'boolean' }, cutEnd: { type: 'boolean' } },
            required: [...apiText.required, 'cutStart', 'cutEnd'],
          }),
          matchedLanguages: { type: 'array', items: { type: 'string' } },
          matchedNames: { type: 'array', items: { type: 'string' } },
          score: { type: 'number' },
          date: nullable({ type: 'object', properties: { edtf: { type: 'string' }, display: { type: 'string' } }, required: ['edtf', 'display'] }),
          holder: nullable({ type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } }, required: ['id', 'name'] }),
          referenceCode: { type: ['string', 'null'] },
          mediaType: { type: ['string', 'null'] },
          records: { type: ['integer', 'null'] },
        },
        required: ['type', 'id', 'url', 'title', 'snippet', 'matchedLanguages', 'matchedNames', 'score', 'date', 'holder', 'referenceCode', 'mediaType', 'records'],
      },
    },
    facets: { type: 'object', properties: Object.fromEntries(FACETS.map((f) => [f, facetList])), required: [...FACETS] },
    years: { type: 'object', properties: { from: { type: ['integer', 'null'] }, to: { type: ['integer', 'null'] } }, required: ['from', 'to'] },
    people: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          url: { type: 'string' },
          match: { type: 'string' },
          how: { type: 'string', enum: ['exact', 'key', 'skeleton'] },
          records: { type: 'integer' },
        },
        required: ['id', 'name', 'url', 'match', 'how', 'records'],
      },
    },
    recordsOf: nullable({ type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } }, required: ['id', 'name'] }),
  },
  required: ['query', 'lang', 'page', 'perPage', 'total', 'pages', 'results', 'facets', 'years', 'people', 'recordsOf'],
} as const;

export const suggestResponseSchema = {
  type: 'object',
  properties: {
    query: { type: 'string' },
    suggestions: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          type: { type: 'string', enum: ['person', 'place', 'institution'] },
          id: { type: 'string' },
          label: { type: 'string' },
          lang: { type: 'string' },
          matched: { type: ['string', 'null'] },
          url: { type: ['string', 'null'] },
        },
        required: ['type', 'id', 'label', 'lang', 'matched', 'url'],
      },
    },
  },
  required: ['query', 'suggestions'],
} as const;
