// Named transformations between SQL rows and domain shapes.
import type {
  Institution,
  LanguageConfig,
  LocalizedText,
  LocalizedValue,
  Media,
  MediaType,
  NamingCulture,
  PersonNameParts,
  PublicationState,
  TextStatus,
} from '../../domain/types.ts';
import type { InstitutionsTable, LanguagesTable, MediaTable, PersonNamesTable, TextsTable } from './tables.ts';

/** Texts of one entity, grouped by field. */
export type FieldTexts = Record<string, LocalizedText>;

export function textRowsToFieldTexts(
  rows: readonly Pick<TextsTable, 'entity_id' | 'field' | 'lang' | 'value' | 'status' | 'source_value' | 'author_id'>[],
): Map<string, FieldTexts> {
  const out = new Map<string, FieldTexts>();
  for (const r of rows) {
    let fields = out.get(r.entity_id);
    if (!fields) out.set(r.entity_id, (fields = {}));
    const text = (fields[r.field] ??= {});
    const v: LocalizedValue = { value: r.value, status: toStatus(r.status) };
    if (r.source_value !== null) v.source = r.source_value;
    if (r.author_id !== null) v.by = r.author_id;
    text[r.lang] = v;
  }
  return out;
}

export function toStatus(s: string): TextStatus {
  return s === 'reviewed' ? 'reviewed' : 'draft';
}

export function toState(s: string): PublicationState {
  return s === 'published' ? 'published' : 'draft';
}

export function toMediaType(s: string): MediaType {
  return s === 'photograph' || s === 'film' || s === 'sound' ? s : 'document';
}

export function toCulture(s: string): NamingCulture {
  return s === 'japanese' || s === 'mongolian' ? s : 'western';
}

export function languageRowToConfig(r: LanguagesTable): LanguageConfig {
  return {
    tag: r.tag,
    name: r.name,
    dir: r.dir === 'rtl' ? 'rtl' : 'ltr',
    fallback: r.fallback.split(',').filter((t) => t !== ''),
  };
}

export function institutionRowToInstitution(r: InstitutionsTable, texts: FieldTexts | undefined): Institution {
  return {
    id: r.id,
    parentId: r.parent_id,
    name: texts?.['name'] ?? {},
    scheme: r.scheme,
    homepage: r.homepage,
    country: r.country,
  };
}

export function personNameRowToParts(r: PersonNamesTable): PersonNameParts {
  const parts: PersonNameParts = { status: toStatus(r.status) };
  if (r.family !== null) parts.family = r.family;
  if (r.given !== null) parts.given = r.given;
  if (r.patronymic !== null) parts.patronymic = r.patronymic;
  if (r.patronymic_initial !== null) parts.patronymicInitial = r.patronymic_initial;
  return parts;
}

export function mediaRowToMedia(r: MediaTable, texts: FieldTexts | undefined): Media {
  return {
    id: r.id,
    kind: r.kind === 'video' || r.kind === 'audio' ? r.kind : 'image',
    role: r.role === 'poster' ? 'poster' : 'primary',
    path: r.path,
    mime: r.mime,
    width: r.width,
    height: r.height,
    duration: r.duration,
    placeholder: r.placeholder === 1,
    alt: texts?.['alt'] ?? {},
    ...(r.url !== null ? { url: r.url } : {}),
    ...(r.service !== null ? { service: JSON.parse(r.service) as NonNullable<Media['service']> } : {}),
    ...(r.captions !== null ? { captions: JSON.parse(r.captions) as NonNullable<Media['captions']> } : {}),
  };
}

/** The columns of `media` that hold a record at its archive and text tracks. */
export function mediaExtrasToRow(m: Media): Pick<MediaTable, 'url' | 'service' | 'captions'> {
  return {
    url: m.url ?? null,
    service: m.service ? JSON.stringify(m.service) : null,
    captions: m.captions?.length ? JSON.stringify(m.captions) : null,
  };
}
