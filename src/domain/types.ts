// Domain shapes. Pure data: no I/O, no SQL column names, no HTML.

/** A BCP 47 language tag as configured for the site: "ja", "mn", "en", later "ko", "mn-Mong"… */
export type Lang = string;

export type TextStatus = 'draft' | 'reviewed';

export interface LocalizedValue {
  value: string;
  status: TextStatus;
  /**
   * For a translation: the source-language text it was translated from, as it read then.
   * The translation is outdated when the source no longer reads so (computed, never typed).
   */
  source?: string;
  /** Who last wrote this value (a user id); absent for loaded or imported text. */
  by?: string;
}

/** One value per language, IIIF-style, each with its own review status. */
export type LocalizedText = Partial<Record<Lang, LocalizedValue>>;

export type PublicationState = 'draft' | 'published';

export type MediaType = 'document' | 'photograph' | 'film' | 'sound';

export interface Institution {
  id: string;
  parentId: string | null;
  name: LocalizedText;
  /** Id of a reference-code scheme from `reference-code.ts`. */
  scheme: string;
  homepage: string | null;
  country: string | null;
}

/** Name parts in one language/script. Which parts are used depends on the person's naming culture. */
export interface PersonNameParts {
  family?: string;
  given?: string;
  /** Mongolian father's name (ovog), e.g. "Yumjaagiin". */
  patronymic?: string;
  /** Set when only the initial of the patronymic is known or customary ("N." in "N. Luvsanchultem"). */
  patronymicInitial?: string;
  status: TextStatus;
}

/**
 * How a person's name is composed and ordered:
 * - `japanese`: family name first; in Latin script the family name is written in capitals (NIIZEKI Kinya).
 * - `mongolian`: patronymic (or its initial) before the given name (N. Luvsanchultem, Yumjaagiin Tsedenbal).
 * - `western`: given name first.
 */
export type NamingCulture = 'japanese' | 'mongolian' | 'western';

export interface Person {
  id: string;
  culture: NamingCulture;
  names: Partial<Record<Lang, PersonNameParts>>;
  /** A short description of the person's role, per language. */
  role: LocalizedText;
}

export interface Place {
  id: string;
  name: LocalizedText;
}

export interface Media {
  id: string;
  kind: 'image' | 'video' | 'audio';
  /** `primary` is the record itself; `poster` is the still shown for a film before it plays. */
  role: 'primary' | 'poster';
  /** Path relative to the media directory. */
  path: string;
  mime: string;
  width: number | null;
  height: number | null;
  /** Seconds, for film and sound. */
  duration: number | null;
  /** True for an image the project generated to stand in for a record not yet digitised here. */
  placeholder: boolean;
  alt: LocalizedText;
  /**
   * For a record that stays at its archive: the content resource's URL there (an image, a film).
   * Nothing is copied; `path` is empty then.
   */
  url?: string;
  /** The holding archive's own IIIF Image API service for this image, shown in place of a local copy. */
  service?: { id: string; type: 'ImageService2' | 'ImageService3'; profile: string };
  /** WebVTT text tracks for film and sound, one per language: a media path here, or a URL at the archive. */
  captions?: { lang: Lang; kind: 'captions' | 'subtitles'; path?: string; url?: string }[];
}

export interface Item {
  id: string;
  heading: LocalizedText;
  /** The record's formal archival title as the holding archive catalogues it. */
  title: LocalizedText;
  caption: LocalizedText;
  /** EDTF (Library of Congress 2019), e.g. "1971-09-10/1971-09-15", "1972-10", "1977~". Null when undated. */
  date: string | null;
  institutionId: string;
  /** In the holding institution's own scheme; null when the source gives none. */
  referenceCode: string | null;
  mediaType: MediaType;
  rights: string;
  personIds: string[];
  placeIds: string[];
  media: Media[];
  state: PublicationState;
}

export interface Section {
  id: string;
  heading: LocalizedText;
  intro: LocalizedText;
  itemIds: string[];
}

export interface Chapter {
  id: string;
  slug: string;
  /** Displayed chapter number ("V" is rendered from 5). */
  number: number | null;
  title: LocalizedText;
  intro: LocalizedText;
  /** EDTF interval the chapter covers, e.g. "1971/1977". */
  period: string | null;
  sections: Section[];
}

export interface Exhibition {
  id: string;
  slug: string;
  title: LocalizedText;
  subtitle: LocalizedText;
  intro: LocalizedText;
  /** Language the curators write in first; translations are made from it. */
  sourceLang: Lang;
  /** Institutions that co-curate the exhibition, in display order. */
  institutionIds: string[];
  chapters: Chapter[];
  state: PublicationState;
}

/** A site-wide page whose text is curated, like the terms of use. */
export interface SitePage {
  id: string;
  title: LocalizedText;
  body: LocalizedText;
}

export interface LanguageConfig {
  tag: Lang;
  /** The language's name in itself ("日本語", "Монгол", "English"). */
  name: string;
  dir: 'ltr' | 'rtl';
  /** Languages to try, in order, when a value is missing in this one. */
  fallback: Lang[];
}
