// Who may do what in the curators' workspace. Pure rules over a principal and a target;
// the admin routes and the services both ask here, so there is one answer everywhere.
import type { Exhibition, Item, Lang, LocalizedText } from './types.ts';

export type Role = 'curator' | 'translator' | 'reviewer' | 'viewer';

export const ROLES: readonly Role[] = ['curator', 'translator', 'reviewer', 'viewer'];

export interface Principal {
  userId: string;
  name: string;
  isAdmin: boolean;
  /** Institutions whose items this user curates. */
  curatorOf: string[];
  /** Languages this user translates into. */
  translatorOf: Lang[];
  reviewer: boolean;
  viewer: boolean;
}

export interface RoleGrant {
  role: Role;
  /** Institution id (curator), language tag (translator), '' (reviewer, viewer). */
  scope: string;
}

export function principalFrom(user: { id: string; name: string; isAdmin: boolean }, grants: readonly RoleGrant[]): Principal {
  return {
    userId: user.id,
    name: user.name,
    isAdmin: user.isAdmin,
    curatorOf: grants.filter((g) => g.role === 'curator').map((g) => g.scope),
    translatorOf: grants.filter((g) => g.role === 'translator').map((g) => g.scope),
    reviewer: grants.some((g) => g.role === 'reviewer'),
    viewer: grants.some((g) => g.role === 'viewer'),
  };
}

/** Anyone with a role may open the workspace. */
export function canEnterWorkspace(p: Principal): boolean {
  return p.isAdmin || p.curatorOf.length > 0 || p.translatorOf.length > 0 || p.reviewer || p.viewer;
}

/** Reading drafts, previews and history. */
export function canReadDrafts(p: Principal): boolean {
  return canEnterWorkspace(p);
}

export function canReview(p: Principal): boolean {
  return p.isAdmin || p.reviewer;
}

export function canAdminister(p: Principal): boolean {
  return p.isAdmin;
}

/** Curating an item means changing any of its fields: only for its holding institution's curators. */
export function canCurateItem(p: Principal, institutionId: string): boolean {
  return p.isAdmin || p.curatorOf.includes(institutionId);
}

/** Opening an item's edit form: curators of its institution, or translators (text only). */
export function canEditItem(p: Principal, institutionId: string): boolean {
  return canCurateItem(p, institutionId) || p.translatorOf.length > 0;
}

export function canCurateExhibition(p: Principal, ex: Pick<Exhibition, 'institutionIds'>): boolean {
  return p.isAdmin || ex.institutionIds.some((id) => p.curatorOf.includes(id));
}

export function canEditExhibition(p: Principal, ex: Pick<Exhibition, 'institutionIds'>): boolean {
  return canCurateExhibition(p, ex) || p.translatorOf.length > 0;
}

/** People, places: shared authority records that any curator may maintain. */
export function canEditAuthorities(p: Principal): boolean {
  return p.isAdmin || p.curatorOf.length > 0;
}

export interface Violation {
  field: string;
  why: string;
}

type TextFields<T> = { [K in keyof T]: T[K] extends LocalizedText ? K : never }[keyof T];

/**
 * What a translator may not change between `before` and `after`: any field that is not text,
 * and text in a language outside their scope. Curators of the item's institution may change all.
 */
export function translatorViolations<T extends object>(p: Principal, before: T, after: T, textFields: readonly TextFields<T>[]): Violation[] {
  const out: Violation[] = [];
  const isText = new Set<string>(textFields as readonly string[]);
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = (before as Record<string, unknown>)[key];
    const b = (after as Record<string, unknown>)[key];
    if (!isText.has(key)) {
      if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ field: key, why: 'only curators of the holding institution may change this field' });
      continue;
    }
    const ta = (a ?? {}) as LocalizedText;
    const tb = (b ?? {}) as LocalizedText;
    for (const lang of new Set([...Object.keys(ta), ...Object.keys(tb)])) {
      if (JSON.stringify(ta[lang]) === JSON.stringify(tb[lang])) continue;
      if (!p.translatorOf.includes(lang)) out.push({ field: `${key}@${lang}`, why: `you translate into ${p.translatorOf.join(', ') || 'no language'} only` });
    }
  }
  return out;
}

export const ITEM_TEXT_FIELDS = ['heading', 'title', 'caption'] as const satisfies readonly TextFields<Item>[];
