// Query parameters of /api/v1, checked with a reason a client can act on. Every refusal names
// the parameter at fault; nothing a client sends can make a handler fail with a 500.
import type { MediaType } from '../domain/types.ts';

export const LIMIT = { default: 20, max: 100 } as const;
export const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
const MEDIA_TYPES: readonly MediaType[] = ['document', 'photograph', 'film', 'sound'];
const DAY = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export class ParamError extends Error {
  constructor(
    readonly parameter: string,
    readonly why: string,
  ) {
    super(`${parameter}: ${why}`);
  }
}

/** Where a page of the item list starts: after this (date_from, id) in list order. */
export interface Cursor {
  dateFrom: string | null;
  id: string;
}

export interface ItemQuery {
  limit: number;
  cursor: Cursor | null;
  institution?: string;
  exhibition?: string;
  person?: string;
  media?: MediaType;
  /** First and last day (YYYY-MM-DD) a record's date must overlap. */
  from?: string;
  to?: string;
}

export const ITEM_PARAMS = ['limit', 'cursor', 'institution', 'exhibition', 'person', 'media', 'from', 'to'] as const;

type Raw = Record<string, unknown>;

function single(raw: Raw, name: string): string | undefined {
  const v = raw[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new ParamError(name, 'may be given only once');
  return v;
}

/** Refuses any parameter the endpoint does not know (a misspelt filter would otherwise be ignored silently). */
export function onlyKnown(raw: Raw, known: readonly string[]): void {
  for (const name of Object.keys(raw)) {
    if (!known.includes(name)) {
      throw new ParamError(name, known.length ? `is not a parameter of this endpoint, which takes ${known.join(', ')}` : 'is not a parameter of this endpoint, which takes none');
    }
  }
}

function id(raw: Raw, name: string): string | undefined {
  const v = single(raw, name);
  if (v === undefined) return undefined;
  if (!ID.test(v)) throw new ParamError(name, 'must be an id: 1–80 lower-case letters, digits or hyphens');
  return v;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY, YYYY-MM or YYYY-MM-DD as its first or last day. */
function day(raw: Raw, name: string, end: 'first' | 'last'): string | undefined {
  const v = single(raw, name);
  if (v === undefined) return undefined;
  const m = DAY.exec(v);
  if (!m) throw new ParamError(name, 'must be a year, year-month or day: 1972, 1972-10 or 1972-10-11');
  const year = Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]);
  const dayOf = m[3] === undefined ? null : Number(m[3]);
  if (month !== null && (month < 1 || month > 12)) throw new ParamError(name, `has no month ${m[2] ?? ''}: months are 01 to 12`);
  const lastDay = (mo: number) => new Date(Date.UTC(year, mo, 0)).getUTCDate();
  if (month !== null && dayOf !== null && (dayOf < 1 || dayOf > lastDay(month))) throw new ParamError(name, 'is not a day of the calendar');
  const mo = month ?? (end === 'first' ? 1 : 12);
  const d = dayOf ?? (end === 'first' ? 1 : lastDay(mo));
  return `${m[1]}-${pad(mo)}-${pad(d)}`;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.dateFrom, c.id]), 'utf8').toString('base64url');
}

function cursor(raw: Raw): Cursor | null {
  const v = single(raw, 'cursor');
  if (v === undefined) return null;
  const refuse = () => new ParamError('cursor', 'is not one this API gave out; start again without it and follow the next links');
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(v)) throw refuse();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(v, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw refuse();
  const [d, i] = parsed as unknown[];
  if (!(d === null || (typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d))) || typeof i !== 'string' || !ID.test(i)) throw refuse();
  return { dateFrom: d, id: i };
}

export function parseItemQuery(raw: Raw): ItemQuery {
  onlyKnown(raw, ITEM_PARAMS);
  const q: ItemQuery = { limit: LIMIT.default, cursor: cursor(raw) };
  const limit = single(raw, 'limit');
  if (limit !== undefined) {
    if (!/^\d{1,4}$/.test(limit) || Number(limit) < 1 || Number(limit) > LIMIT.max) throw new ParamError('limit', `must be a whole number from 1 to ${LIMIT.max}`);
    q.limit = Number(limit);
  }
  const institution = id(raw, 'institution');
  const exhibition = id(raw, 'exhibition');
  const person = id(raw, 'person');
  if (institution) q.institution = institution;
  if (exhibition) q.exhibition = exhibition;
  if (person) q.person = person;
  const media = single(raw, 'media');
  if (media !== undefined) {
    if (!(MEDIA_TYPES as readonly string[]).includes(media)) throw new ParamError('media', `must be one of ${MEDIA_TYPES.join(', ')}`);
    q.media = media as MediaType;
  }
  const from = day(raw, 'from', 'first');
  const to = day(raw, 'to', 'last');
  if (from && to && from > to) throw new ParamError('to', 'must not be before from');
  if (from) q.from = from;
  if (to) q.to = to;
  return q;
}

/** The query string of a list request, with the same filters and another cursor. */
export function itemQueryString(q: ItemQuery, cursorValue: Cursor | null): string {
  const parts: [string, string][] = [];
  if (q.limit !== LIMIT.default) parts.push(['limit', String(q.limit)]);
  for (const k of ['institution', 'exhibition', 'person', 'media', 'from', 'to'] as const) {
    const v = q[k];
    if (v !== undefined) parts.push([k, v]);
  }
  if (cursorValue) parts.push(['cursor', encodeCursor(cursorValue)]);
  return parts.length ? `?${new URLSearchParams(parts).toString()}` : '';
}
