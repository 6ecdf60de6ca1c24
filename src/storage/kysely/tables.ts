// Row shapes of the SQL tables, as Kysely sees them. These never leave `src/storage/`:
// mappers in `mappers.ts` turn them into domain shapes.
export interface SiteStateTable {
  id: number;
  content_version: number;
}

export interface LanguagesTable {
  tag: string;
  name: string;
  dir: string;
  /** Comma-separated language tags. */
  fallback: string;
  position: number;
}

export interface InstitutionsTable {
  id: string;
  parent_id: string | null;
  scheme: string;
  homepage: string | null;
  country: string | null;
  position: number;
}

export interface PeopleTable {
  id: string;
  culture: string;
}

export interface PersonNamesTable {
  person_id: string;
  lang: string;
  family: string | null;
  given: string | null;
  patronymic: string | null;
  patronymic_initial: string | null;
  status: string;
}

export interface PlacesTable {
  id: string;
}

export interface ItemsTable {
  id: string;
  institution_id: string;
  reference_code: string | null;
  /** Numeric-aware sort key of the reference code within its scheme. */
  reference_sort: string | null;
  date_edtf: string | null;
  /** Earliest and latest day the EDTF date covers (YYYY-MM-DD), for sorting and ranges. */
  date_from: string | null;
  date_to: string | null;
  media_type: string;
  rights: string;
  state: string;
  updated_at: string;
}

export interface ItemPeopleTable {
  item_id: string;
  person_id: string;
  position: number;
}

export interface ItemPlacesTable {
  item_id: string;
  place_id: string;
  position: number;
}

export interface MediaTable {
  id: string;
  item_id: string;
  kind: string;
  role: string;
  path: string;
  mime: string;
  width: number | null;
  height: number | null;
  duration: number | null;
  /** 0 or 1: a portable boolean. */
  placeholder: number;
  position: number;
  /** External content resource URL (records that stay at their archive). */
  url: string | null;
  /** JSON `{ id, type, profile }` of an external IIIF Image API service. */
  service: string | null;
  /** JSON array of WebVTT tracks `{ lang, path, kind }`. */
  captions: string | null;
}

export interface ExhibitionsTable {
  id: string;
  slug: string;
  source_lang: string;
  state: string;
  position: number;
}

export interface ExhibitionInstitutionsTable {
  exhibition_id: string;
  institution_id: string;
  position: number;
}

export interface ChaptersTable {
  id: string;
  exhibition_id: string;
  slug: string;
  number: number | null;
  period: string | null;
  position: number;
}

export interface SectionsTable {
  id: string;
  chapter_id: string;
  position: number;
}

export interface PlacementsTable {
  section_id: string;
  item_id: string;
  position: number;
}

export interface SitePagesTable {
  id: string;
}

/** Every translatable value: one row per entity, field and language. */
export interface TextsTable {
  entity: string;
  entity_id: string;
  field: string;
  lang: string;
  value: string;
  status: string;
  updated_at: string;
  /** For a translation: the source-language text it was made from (migration 005). */
  source_value: string | null;
  author_id: string | null;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  is_admin: number;
  disabled: number;
  created_at: string;
}

export interface UserRolesTable {
  user_id: string;
  role: string;
  scope: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf: string;
  created_at: string;
  expires_at: string;
}

export interface SigninFailuresTable {
  key: string;
  at: string;
}

export interface RevisionsTable {
  id: string;
  entity: string;
  entity_id: string;
  rev: number;
  state: string;
  /** The entity's full domain shape as JSON. */
  data: string;
  author_id: string | null;
  created_at: string;
  reviewer_id: string | null;
  reviewed_at: string | null;
  comment: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  user_id: string | null;
  action: string;
  /** JSON. */
  detail: string;
  address: string | null;
}

export interface Database {
  site_state: SiteStateTable;
  languages: LanguagesTable;
  institutions: InstitutionsTable;
  people: PeopleTable;
  person_names: PersonNamesTable;
  places: PlacesTable;
  items: ItemsTable;
  item_people: ItemPeopleTable;
  item_places: ItemPlacesTable;
  media: MediaTable;
  exhibitions: ExhibitionsTable;
  exhibition_institutions: ExhibitionInstitutionsTable;
  chapters: ChaptersTable;
  sections: SectionsTable;
  placements: PlacementsTable;
  site_pages: SitePagesTable;
  texts: TextsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  signin_failures: SigninFailuresTable;
  revisions: RevisionsTable;
  audit_log: AuditLogTable;
}
