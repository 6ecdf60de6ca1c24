// The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. Written as data so
// that the component schemas are the same objects the tests check every response against.
import { PER_PAGE } from '../search/params.ts';
import { LIMIT } from './params.ts';
import { SCHEMAS } from './schemas.ts';

type Json = Record<string, unknown>;

const ref = (kind: 'schemas' | 'responses' | 'parameters' | 'headers', name: string): Json => ({ $ref: `#/components/${kind}/${name}` });

const CACHED_HEADERS = {
  ETag: ref('headers', 'ETag'),
  'Cache-Control': ref('headers', 'CacheControl'),
  'Access-Control-Allow-Origin': ref('headers', 'AllowOrigin'),
};

function ok(schema: string, description: string, extraHeaders: Json = {}): Json {
  return {
    description,
    headers: { ...CACHED_HEADERS, ...extraHeaders },
    content: { 'application/json': { schema: ref('schemas', schema) } },
  };
}

const query = (name: string, description: string, schema: Json): Json => ({ name, in: 'query', required: false, description, schema });
const idParam = (name: string, description: string): Json => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,79}$' },
});

function read(operationId: string, summary: string, schema: string, opts: { params?: Json[]; notFound?: boolean; description?: string; headers?: Json } = {}): Json {
  return {
    get: {
      operationId,
      summary,
      ...(opts.description ? { description: opts.description } : {}),
      tags: ['read'],
      ...(opts.params?.length ? { parameters: opts.params } : {}),
      responses: {
        '200': ok(schema, summary, opts.headers),
        '400': ref('responses', 'BadRequest'),
        ...(opts.notFound ? { '404': ref('responses', 'NotFound') } : {}),
      },
    },
  };
}

const searchParams: Json[] = [
  query('q', 'The query: words, "a phrase", -excluded. At most 200 characters.', { type: 'string' }),
  query('lang', 'Language of the display texts; by default negotiated from Accept-Language.', { type: 'string' }),
  query('page', 'Page number, from 1.', { type: 'string', pattern: '^\\d+$' }),
  query('per', `Results per page, 1–${PER_PAGE.max} (default ${PER_PAGE.default}).`, { type: 'string', pattern: '^\\d+$' }),
  query('type', 'Only results of one kind.', { type: 'string', enum: ['item', 'chapter', 'person'] }),
  query('exhibition', 'Only within this exhibition (id).', { type: 'string' }),
  query('chapter', 'Only within this chapter (id).', { type: 'string' }),
  query('institution', 'Only records held by this institution (id).', { type: 'string' }),
  query('person', 'Only records linked to this person (id).', { type: 'string' }),
  query('media', 'Only records of this kind.', { type: 'string', enum: ['document', 'photograph', 'film', 'sound'] }),
  query('decade', 'Only records of this decade (1970).', { type: 'string' }),
  query('textLang', 'Only matches in text of this language.', { type: 'string' }),
  query('from', 'Only records dated in or after this year.', { type: 'string' }),
  query('to', 'Only records dated in or before this year.', { type: 'string' }),
];

/** Enough of the shape of an OpenAPI document to tell one from anything else. */
const OPENAPI_DOCUMENT: Json = {
  type: 'object',
  properties: {
    openapi: { type: 'string', pattern: '^3\\.1\\.\\d+$' },
    info: { type: 'object', properties: { title: { type: 'string' }, version: { type: 'string' } }, required: ['title', 'version'] },
    paths: { type: 'object' },
    components: { type: 'object' },
  },
  required: ['openapi', 'info', 'paths'],
};

const searchError = (description: string): Json => ({ description, content: { 'application/json': { schema: ref('schemas', 'SearchError') } } });

/** The document for a site whose public origin (and path prefix) is `base`. */
export function openApiDocument(base: string): Json {
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Tsuzuri read API',
      version: '1.0.0',
      summary: 'Published exhibitions, records, people and institutions as JSON.',
      description:
        'Read-only and public: only published content is served; anything else answers 404. Texts are language maps: ' +
        '`{ "ja": { "value": "…", "status": "reviewed" } }`, one value per language it is written in, each with its review status. ' +
        'Display forms (dates, names, institution names with their parents) are given for every site language, as its pages show them. ' +
        'Errors are RFC 9457 problem details (`application/problem+json`), except the search endpoints, which keep their own error shape.',
    },
    servers: [{ url: `${base}/api/v1` }],
    tags: [{ name: 'read', description: 'Published content' }, { name: 'search', description: 'Full-text search' }],
    paths: {
      '/exhibitions': read('listExhibitions', 'Published exhibitions', 'ExhibitionList'),
      '/exhibitions/{id}': read('getExhibition', 'A published exhibition with the outline of its chapters', 'Exhibition', {
        params: [idParam('id', 'Exhibition id')],
        notFound: true,
      }),
      '/exhibitions/{id}/chapters/{chapterId}': read('getChapter', 'A chapter: its sections with their records in order', 'Chapter', {
        params: [idParam('id', 'Exhibition id'), idParam('chapterId', 'Chapter id')],
        notFound: true,
      }),
      '/items': read('listItems', 'Published records, a page at a time', 'ItemList', {
        description:
          'Oldest first by the first day of their date, undated records last, ties by id. Follow `next` (or the `Link` header) for the following page; ' +
          'each record appears on exactly one page.',
        params: [
          query('limit', `Records per page, 1–${LIMIT.max} (default ${LIMIT.default}).`, { type: 'string', pattern: '^\\d+$' }),
          query('cursor', 'Where the page starts: the value in a `next` link, never made by hand.', { type: 'string' }),
          query('institution', 'Only records this institution holds itself (id).', { type: 'string' }),
          query('exhibition', 'Only records shown in this published exhibition (id).', { type: 'string' }),
          query('person', 'Only records linked to this person (id).', { type: 'string' }),
          query('media', 'Only records of this kind.', { type: 'string', enum: ['document', 'photograph', 'film', 'sound'] }),
          query('from', 'Only records whose date reaches this day or later: 1972, 1972-10 or 1972-10-11.', { type: 'string' }),
          query('to', 'Only records whose date reaches this day or earlier: 1977, 1977-05 or 1977-05-31.', { type: 'string' }),
        ],
        headers: { Link: ref('headers', 'Link') },
      }),
      '/items/{id}': read('getItem', 'Everything public about a record', 'Item', { params: [idParam('id', 'Record id')], notFound: true }),
      '/people': read('listPeople', 'People linked to published records', 'PersonList'),
      '/people/{id}': read('getPerson', 'A person linked to published records', 'Person', {
        params: [idParam('id', 'Person id')],
        notFound: true,
        description: 'A person whose records are all unpublished is not public here: 404.',
      }),
      '/institutions': read('listInstitutions', 'Institutions (archives and their divisions)', 'InstitutionList'),
      '/institutions/{id}': read('getInstitution', 'An institution', 'Institution', { params: [idParam('id', 'Institution id')], notFound: true }),
      '/search': {
        get: {
          operationId: 'search',
          summary: 'Full-text search over published records, chapters and people',
          tags: ['search'],
          parameters: searchParams,
          responses: {
            '200': { description: 'Results', content: { 'application/json': { schema: ref('schemas', 'SearchResponse') } } },
            '400': searchError('A refused parameter'),
            '503': searchError('The query matches too much to rank in time'),
          },
        },
      },
      '/search/suggest': {
        get: {
          operationId: 'suggest',
          summary: 'Names of people, places and institutions beginning with the query',
          tags: ['search'],
          parameters: searchParams.slice(0, 2),
          responses: {
            '200': { description: 'Suggestions', content: { 'application/json': { schema: ref('schemas', 'SearchSuggestions') } } },
            '400': searchError('A refused parameter'),
          },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'openApi',
          summary: 'This document',
          tags: ['read'],
          responses: {
            '200': { description: 'OpenAPI 3.1', headers: CACHED_HEADERS, content: { 'application/json': { schema: OPENAPI_DOCUMENT } } },
            '400': ref('responses', 'BadRequest'),
          },
        },
      },
    },
    components: {
      schemas: SCHEMAS,
      responses: {
        BadRequest: {
          description: 'A query parameter is unknown, repeated or malformed; `parameter` names it and `detail` says why.',
          headers: { 'Access-Control-Allow-Origin': ref('headers', 'AllowOrigin') },
          content: { 'application/problem+json': { schema: ref('schemas', 'Problem') } },
        },
        NotFound: {
          description: 'Nothing published at this address.',
          headers: { 'Access-Control-Allow-Origin': ref('headers', 'AllowOrigin') },
          content: { 'application/problem+json': { schema: ref('schemas', 'Problem') } },
        },
      },
      headers: {
        ETag: { description: 'Changes when the content does; send it back in If-None-Match for a 304.', schema: { type: 'string' } },
        CacheControl: { description: 'Shared caches may keep responses but must revalidate them.', schema: { type: 'string' } },
        AllowOrigin: { description: 'Always `*`: the data is public.', schema: { type: 'string', const: '*' } },
        Link: { description: 'RFC 8288 links: `first`, and `next` unless this is the last page.', schema: { type: 'string' } },
      },
    },
  };
}
