// JSON Schema 2020-12 of every body the read API sends, as the OpenAPI document's component
// schemas. Objects are closed (`additionalProperties: false`): the tests check every response
// against them, so a field added to a response without being documented fails a test.
import { errorSchema, searchResponseSchema, suggestResponseSchema } from '../search/api.ts';

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (schema: Schema): Schema => ({ anyOf: [schema, { type: 'null' }] });
const str = { type: 'string' } as const;
const uri = { type: 'string', format: 'uri' } as const;
const int = { type: 'integer', minimum: 0 } as const;

/** A closed object whose properties are all required (optional ones are listed in `optional`). */
function object(properties: Record<string, Schema>, description?: string, optional: readonly string[] = []): Schema {
  return {
    type: 'object',
    ...(description ? { description } : {}),
    properties,
    required: Object.keys(properties).filter((k) => !optional.includes(k)),
    additionalProperties: false,
  };
}

/** BCP 47 tags as the site configures them ("ja", "mn", "en", "mn-Mong"). */
export const LANG_TAG = '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$';

/** Keys are language tags. */
function langKeyed(value: Schema, description: string): Schema {
  return { type: 'object', description, propertyNames: { pattern: LANG_TAG }, additionalProperties: value };
}

const links = (extra: Record<string, Schema> = {}, optional: readonly string[] = []): Schema =>
  object({ self: uri, html: ref('UrlMap'), ...extra }, 'Where this resource is: here, and its page in every site language.', optional);

export const SCHEMAS: Record<string, Schema> = {
  LocalizedValue: object(
    { value: str, status: { type: 'string', enum: ['draft', 'reviewed'], description: '`draft`: not yet reviewed by an editor of that language.' } },
    'One value in one language.',
  ),
  LocalizedText: langKeyed(
    ref('LocalizedValue'),
    'A text as stored: one value per language it is written in, each with its review status. Languages without a value are absent; an empty object means no text.',
  ),
  DisplayMap: langKeyed(
    str,
    'A value as the page in each site language shows it (a formatted date, a name in the right order), with that language’s fallback applied. Every site language is present.',
  ),
  UrlMap: langKeyed(uri, 'The HTML page of this resource in each site language.'),
  Date: object(
    {
      edtf: { type: 'string', description: 'Extended Date/Time Format (Library of Congress 2019), levels 0 and 1.' },
      earliest: nullable({ type: 'string', format: 'date' }),
      latest: nullable({ type: 'string', format: 'date' }),
      iso: nullable({ type: 'string', description: 'ISO 8601 interval of whole days, earliest/latest; null when either end is open or unknown.' }),
      display: ref('DisplayMap'),
    },
    'A date as recorded, its bounds in days, and its display in each site language.',
  ),
  InstitutionRef: object({ id: str, name: ref('LocalizedText'), displayName: ref('DisplayMap'), self: uri }, 'An institution, with its parents in the displayed name.'),
  Rights: object(
    { uri, id: { type: 'string', description: 'Short name: "InC", "CC BY 4.0"…' }, label: ref('DisplayMap') },
    'A RightsStatements.org statement or a Creative Commons licence or tool.',
  ),
  Caption: object({ lang: str, kind: { type: 'string', enum: ['captions', 'subtitles'] }, url: uri }, 'A WebVTT text track.'),
  Media: object(
    {
      id: str,
      kind: { type: 'string', enum: ['image', 'video', 'audio'] },
      role: { type: 'string', enum: ['primary', 'poster'] },
      mime: str,
      width: nullable({ type: 'integer', minimum: 1 }),
      height: nullable({ type: 'integer', minimum: 1 }),
      duration: nullable({ type: 'number', minimum: 0 }),
      placeholder: { type: 'boolean', description: 'True for an image made to stand in for a record not yet digitised.' },
      alt: ref('LocalizedText'),
      imageService: nullable({ ...uri, description: 'IIIF Image API service (here, or the holding archive’s own).' }),
      url: nullable({ ...uri, description: 'The content resource: a full-size image, a film or sound file.' }),
      captions: { type: 'array', items: ref('Caption') },
    },
    'One digital surrogate of a record.',
  ),
  PersonRef: object({ id: str, name: ref('DisplayMap'), self: uri }),
  Place: object({ id: str, name: ref('LocalizedText') }),
  ItemSummary: object(
    {
      id: str,
      heading: ref('LocalizedText'),
      date: nullable(ref('Date')),
      holder: ref('InstitutionRef'),
      referenceCode: nullable(str),
      mediaType: { type: 'string', enum: ['document', 'photograph', 'film', 'sound'] },
      thumbnail: nullable({ ...uri, description: 'A small image of the record (IIIF Image API).' }),
      links: links(),
    },
    'A published record, in brief.',
  ),
  Placement: object(
    {
      exhibition: object({ id: str, slug: str, title: ref('LocalizedText'), self: uri }),
      chapter: object({ id: str, slug: str, title: ref('LocalizedText'), self: uri }),
      section: object({ id: str, heading: ref('LocalizedText') }),
      html: ref('UrlMap'),
    },
    'Where a record is shown in a published exhibition.',
  ),
  Item: object(
    {
      id: str,
      heading: ref('LocalizedText'),
      title: { ...ref('LocalizedText'), description: 'The formal archival title, as the holding archive catalogues it.' },
      caption: ref('LocalizedText'),
      date: nullable(ref('Date')),
      holder: ref('InstitutionRef'),
      referenceCode: nullable({ type: 'string', description: 'In the holding institution’s own scheme.' }),
      mediaType: { type: 'string', enum: ['document', 'photograph', 'film', 'sound'] },
      thumbnail: nullable({ ...uri, description: 'A small image of the record (IIIF Image API).' }),
      rights: ref('Rights'),
      people: { type: 'array', items: ref('PersonRef') },
      places: { type: 'array', items: ref('Place') },
      media: { type: 'array', items: ref('Media') },
      placements: { type: 'array', items: ref('Placement') },
      links: links({ manifest: nullable({ ...uri, description: 'IIIF Presentation 3 manifest; null when there is nothing a viewer could show.' }) }),
    },
    'Everything public about a published record.',
  ),
  ItemList: object(
    {
      items: { type: 'array', items: ref('ItemSummary') },
      total: { ...int, description: 'Records matching the filters, on every page together.' },
      limit: { type: 'integer', minimum: 1 },
      next: nullable({ ...uri, description: 'The next page; null on the last.' }),
    },
    'One page of published records, oldest first (undated last).',
  ),
  SectionOutline: object({ id: str, heading: ref('LocalizedText'), itemCount: int }),
  ChapterOutline: object({
    id: str,
    slug: str,
    number: nullable({ type: 'integer' }),
    title: ref('LocalizedText'),
    period: nullable(ref('Date')),
    itemCount: int,
    sections: { type: 'array', items: ref('SectionOutline') },
    self: uri,
  }),
  ExhibitionSummary: object(
    {
      id: str,
      slug: str,
      title: ref('LocalizedText'),
      subtitle: ref('LocalizedText'),
      sourceLang: { type: 'string', description: 'The language curators write in first.' },
      institutions: { type: 'array', items: ref('InstitutionRef') },
      chapterCount: int,
      itemCount: int,
      links: links({ iiif: uri }),
    },
    'A published exhibition, in brief.',
  ),
  ExhibitionList: object({ exhibitions: { type: 'array', items: ref('ExhibitionSummary') } }),
  Exhibition: object(
    {
      id: str,
      slug: str,
      title: ref('LocalizedText'),
      subtitle: ref('LocalizedText'),
      intro: ref('LocalizedText'),
      sourceLang: str,
      institutions: { type: 'array', items: ref('InstitutionRef') },
      itemCount: int,
      chapters: { type: 'array', items: ref('ChapterOutline') },
      links: links({ iiif: uri }),
    },
    'A published exhibition with the outline of its chapters and sections.',
  ),
  ChapterRef: object({ id: str, slug: str, title: ref('LocalizedText'), self: uri }),
  Chapter: object(
    {
      id: str,
      slug: str,
      number: nullable({ type: 'integer' }),
      title: ref('LocalizedText'),
      intro: ref('LocalizedText'),
      period: nullable(ref('Date')),
      exhibition: object({ id: str, slug: str, title: ref('LocalizedText'), self: uri }),
      sections: {
        type: 'array',
        items: object({ id: str, heading: ref('LocalizedText'), intro: ref('LocalizedText'), items: { type: 'array', items: ref('ItemSummary') } }),
      },
      prev: nullable(ref('ChapterRef')),
      next: nullable(ref('ChapterRef')),
      links: links({ iiif: uri }),
    },
    'A chapter of a published exhibition: its sections with their published records in order.',
  ),
  NameParts: object(
    {
      family: str,
      given: str,
      patronymic: { type: 'string', description: 'Mongolian father’s name (ovog).' },
      patronymicInitial: str,
      status: { type: 'string', enum: ['draft', 'reviewed'] },
    },
    'Name parts in one language and script; parts not recorded are absent.',
    ['family', 'given', 'patronymic', 'patronymicInitial'],
  ),
  PersonSummary: object({
    id: str,
    culture: { type: 'string', enum: ['japanese', 'mongolian', 'western'], description: 'How the name is composed and ordered.' },
    name: ref('DisplayMap'),
    role: ref('LocalizedText'),
    itemCount: { ...int, description: 'Published records linked to this person.' },
    links: links({ items: uri }),
  }),
  PersonList: object({ people: { type: 'array', items: ref('PersonSummary') } }),
  Person: object({
    id: str,
    culture: { type: 'string', enum: ['japanese', 'mongolian', 'western'] },
    name: ref('DisplayMap'),
    names: langKeyed(ref('NameParts'), 'Name parts per language.'),
    role: ref('LocalizedText'),
    itemCount: int,
    links: links({ items: uri }),
  }),
  InstitutionSummary: object({
    id: str,
    parent: nullable(str),
    name: ref('LocalizedText'),
    displayName: ref('DisplayMap'),
    scheme: { type: 'string', description: 'The reference-code scheme of its holdings.' },
    homepage: nullable(uri),
    country: nullable({ type: 'string', description: 'ISO 3166-1 alpha-2.' }),
    itemCount: { ...int, description: 'Published records it holds itself (not counting its sub-institutions).' },
    links: links({ items: uri }),
  }),
  InstitutionList: object({ institutions: { type: 'array', items: ref('InstitutionSummary') } }),
  Institution: object({
    id: str,
    parent: nullable(ref('InstitutionRef')),
    children: { type: 'array', items: ref('InstitutionRef') },
    name: ref('LocalizedText'),
    displayName: ref('DisplayMap'),
    scheme: str,
    homepage: nullable(uri),
    country: nullable(str),
    itemCount: int,
    links: links({ items: uri }),
  }),
  Problem: object(
    {
      type: { type: 'string', format: 'uri-reference' },
      title: str,
      status: { type: 'integer', minimum: 400, maximum: 599 },
      detail: str,
      instance: { type: 'string', format: 'uri-reference' },
      parameter: { type: 'string', description: 'For a refused request: the query parameter at fault.' },
    },
    'RFC 9457 problem details.',
    ['parameter'],
  ),
  SearchResponse: searchResponseSchema,
  SearchSuggestions: suggestResponseSchema,
  SearchError: errorSchema,
};
