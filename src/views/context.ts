import { formatEdtf } from '../domain/edtf.ts';
import { displayPersonName } from '../domain/person-name.ts';
import type { Institution, Lang, LanguageConfig, LocalizedText, Person } from '../domain/types.ts';
import { resolveText, rootLang, type ResolvedText } from '../i18n/fallback.ts';
import type { Translate } from '../i18n/messages.ts';

/** Everything a view needs besides its page model. Views are pure functions of both. */
export interface ViewContext {
  lang: Lang;
  dir: 'ltr' | 'rtl';
  languages: readonly LanguageConfig[];
  /** Languages tried, in order, when a value is missing in `lang`. */
  order: readonly Lang[];
  t: Translate;
  /** This page's path without the language prefix ("/items/x"), for the switcher and alternates. */
  path: string;
  /** A notice shown above the page, e.g. "Preview of a draft" in the workspace. */
  banner?: string;
  /** Public URLs of hashed static assets. */
  assets: { css: string; icon: string; js: Record<string, string> };
}

export function text(ctx: ViewContext, value: LocalizedText | undefined): ResolvedText | null {
  return resolveText(value, ctx.order);
}

/** A plain string for places that cannot carry markup (titles, alt text, attributes). */
export function plain(ctx: ViewContext, value: LocalizedText | undefined, fallback = ''): string {
  return text(ctx, value)?.value ?? fallback;
}

export function formatDate(ctx: ViewContext, edtf: string | null): string | null {
  return edtf === null ? null : formatEdtf(edtf, ctx.lang);
}

export function personName(ctx: ViewContext, person: Person): ResolvedText {
  return displayPersonName(person, ctx.order) ?? { value: person.id, lang: ctx.lang, status: 'draft', fallback: true };
}

export function href(ctx: ViewContext, path: string, lang: Lang = ctx.lang): string {
  return `/${lang}${path === '/' ? '/' : path}`;
}

/** The institution's name with its parents, as each language writes it ("parent, child" or "parent(child)"). */
export function institutionName(ctx: ViewContext, inst: Institution, all: ReadonlyMap<string, Institution>): string {
  const own = plain(ctx, inst.name, inst.id);
  const parent = inst.parentId ? all.get(inst.parentId) : undefined;
  if (!parent) return own;
  return ctx.t('institution.withParent', { parent: institutionName(ctx, parent, all), child: own });
}

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

export function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) while (n >= v) { out += s; n -= v; }
  return out;
}

/** A label from a fixed per-language table (schemes, rights), English when the table lacks the language. */
export function pickLabel(ctx: ViewContext, label: Readonly<Record<string, string>> & { en: string }): string {
  return label[ctx.lang] ?? label[rootLang(ctx.lang)] ?? label.en;
}
