// The unit model shared by the XLIFF writers and the reader: pure data, no I/O.
import { createHash } from 'node:crypto';

export type XliffVersion = '2.0' | '1.2';

export const XLIFF_VERSIONS: readonly XliffVersion[] = ['2.0', '1.2'];

export const NS_20 = 'urn:oasis:names:tc:xliff:document:2.0';
export const NS_12 = 'urn:oasis:names:tc:xliff:document:1.2';
/** The XLIFF 2.0 Metadata module: where a unit carries the fingerprint of its source text. */
export const NS_MDA = 'urn:oasis:names:tc:xliff:metadata:2.0';

/** Translation state of a unit at export, as `translationState` computes it for a value. */
export type UnitState = 'missing' | 'draft' | 'outdated' | 'reviewed';

export interface XliffUnit {
  /** Stable, XML-safe id encoding entity, id and field (see `encodeUnitId`). */
  id: string;
  /** A short human name (the field), shown by tools next to the id. */
  name?: string;
  source: string;
  /** Absent when the language has no text yet. */
  target?: string;
  state: UnitState;
  /** `sourceFingerprint(source)`: an import compares it with the source as it reads then. */
  fingerprint: string;
  /** Notes for the translator (context, why a unit is outdated), already in the reader's language. */
  notes: { text: string; category: 'location' | 'outdated' }[];
}

export interface XliffGroup {
  kind: 'group';
  id: string;
  name?: string;
  entries: XliffEntry[];
}

export type XliffEntry = ({ kind: 'unit' } & XliffUnit) | XliffGroup;

export interface XliffFile {
  /** NMTOKEN, unique in the document. */
  id: string;
  /** Where the texts come from, e.g. "exhibition/japan-mongolia/item/goodwill-mission-1971". */
  original: string;
  entries: XliffEntry[];
}

export interface XliffDocument {
  srcLang: string;
  trgLang: string;
  srcDir?: 'ltr' | 'rtl';
  trgDir?: 'ltr' | 'rtl';
  files: XliffFile[];
}

/** "sha256:" and the hex digest of the exact source text (UTF-8). */
export function sourceFingerprint(source: string): string {
  return `sha256:${createHash('sha256').update(source, 'utf8').digest('hex')}`;
}

// ---- unit ids ------------------------------------------------------------------------------

/** What a unit id names: one translatable field of one entity (the translation service's TextRef). */
export interface UnitRef {
  entity: string;
  id: string;
  field: string;
}

/**
 * Entity ids are lower-case letters, digits and hyphens, so they are written as they are; any
 * other character is escaped as `_hex_`. The id stays a valid NMTOKEN (XLIFF 2.0 wants one)
 * and reads back to exactly the same reference.
 */
function escapePart(s: string): string {
  return [...s].map((ch) => (/^[A-Za-z0-9-]$/.test(ch) ? ch : `_${(ch.codePointAt(0) ?? 0).toString(16)}_`)).join('');
}

function unescapePart(s: string): string | null {
  if (!/^(?:[A-Za-z0-9-]|_[0-9a-f]{1,6}_)+$/.test(s)) return null;
  return s.replace(/_([0-9a-f]{1,6})_/g, (_m, hex: string) => String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff)));
}

/** "item.joint-communique-1972.caption" */
export function encodeUnitId(ref: UnitRef): string {
  return `${ref.entity}.${escapePart(ref.id)}.${ref.field}`;
}

/** The reference a unit id stands for, or null when it is not written the way this site writes them. */
export function decodeUnitId(unitId: string): UnitRef | null {
  const m = /^([a-z]+)\.([^.]+)\.([A-Za-z]+)$/.exec(unitId);
  if (!m) return null;
  const id = unescapePart(m[2] ?? '');
  return id ? { entity: m[1] ?? '', id, field: m[3] ?? '' } : null;
}

/** A group or file id built from entity ids in the same escaped form. */
export function encodeGroupId(...parts: string[]): string {
  return parts.map(escapePart).join('.');
}

// ---- characters ------------------------------------------------------------------------------

/**
 * Characters XML 1.0 cannot carry at all, not even as character references. With the `u`
 * flag the surrogate range matches only a surrogate without its pair.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/u;

/** The first character XML cannot carry, described for an error message; null when all can. */
export function unwritableChar(s: string): string | null {
  const m = NOT_XML.exec(s);
  if (!m) return null;
  const code = m[0].charCodeAt(0);
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} at position ${m.index + 1}`;
}
