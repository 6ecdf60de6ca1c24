// The site's absolute base URL for documents that must name pages absolutely (JSON-LD,
// citations, sitemaps). Views are pure functions of their context, so the base travels with it.
import type { Lang } from '../domain/types.ts';
import type { ViewContext } from '../views/context.ts';

/** A view context that knows the site's public origin ("https://archives.example/exhibits"). */
export interface LinkedDataContext extends ViewContext {
  base?: string;
}

/** The absolute base of the page being rendered, or null when it is not known (workspace previews). */
export function siteBase(ctx: ViewContext): string | null {
  const base = (ctx as LinkedDataContext).base;
  return typeof base === 'string' && /^https?:\/\/[^/]/.test(base) ? base.replace(/\/+$/, '') : null;
}

export function withBase<C extends ViewContext>(ctx: C, base: string): C & { base: string } {
  return { ...ctx, base };
}

/** A public page's absolute URL: `/{lang}{path}`, "/" for the home page. */
export function absolutePage(base: string, lang: Lang, path: string): string {
  return `${base}/${lang}${path === '/' ? '/' : path}`;
}
