import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { jsonLdScriptText, type JsonLd } from '../linked-data/schema.ts';
import { href, type ViewContext } from './context.ts';

export interface PageMeta {
  /** The page's own title; the site name is appended. */
  title: string;
  description?: string;
  /** Extra class on <body>, e.g. "page-item" for the print style. */
  kind: string;
  /** Link alternates in other languages (false on 404 pages). */
  alternates?: boolean;
  /**
   * schema.org description of the page. Its element has the id "json-ld": IIIF manifests point
   * their `seeAlso` at the item page's `#json-ld`.
   */
  jsonLd?: JsonLd | null;
}

function Layout({ ctx, meta, children }: { ctx: ViewContext; meta: PageMeta; children: ComponentChildren }) {
  const siteName = ctx.t('site.name');
  const canonical = href(ctx, ctx.path);
  return (
    <html lang={ctx.lang} dir={ctx.dir}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{meta.title === siteName ? siteName : `${meta.title} – ${siteName}`}</title>
        {meta.description ? <meta name="description" content={meta.description} /> : null}
        <link rel="stylesheet" href={ctx.assets.css} />
        <link rel="icon" href={ctx.assets.icon} type="image/svg+xml" />
        {meta.alternates !== false ? (
          <>
            <link rel="canonical" href={canonical} />
            {ctx.languages.map((l) => (
              <link rel="alternate" hrefLang={l.tag} href={href(ctx, ctx.path, l.tag)} />
            ))}
          </>
        ) : null}
        {meta.jsonLd ? (
          // A data block, not a script: the Content-Security-Policy does not apply to it.
          <script type="application/ld+json" id="json-ld" dangerouslySetInnerHTML={{ __html: jsonLdScriptText(meta.jsonLd) }} />
        ) : null}
        {/* Turns "not yet translated" notes into editor links for signed-in translators only. */}
        {ctx.assets.js['translate-links.js'] ? <script src={ctx.assets.js['translate-links.js']} defer /> : null}
      </head>
      <body class={meta.kind}>
        <a class="skip-link" href="#main">
          {ctx.t('nav.skip')}
        </a>
        <header class="site-header">
          <div class="wrap header-inner">
            <a class="brand" href={href(ctx, '/')}>
              <span class="brand-mark" aria-hidden="true">
                綴
              </span>
              <span>{siteName}</span>
            </a>
            <nav class="site-nav" aria-label={ctx.t('nav.main')}>
              <ul>
                <li>
                  <a href={href(ctx, '/')}>{ctx.t('nav.exhibitions')}</a>
                </li>
                <li>
                  <a href={href(ctx, '/institutions')}>{ctx.t('nav.institutions')}</a>
                </li>
                <li>
                  <a href={href(ctx, '/terms')}>{ctx.t('nav.terms')}</a>
                </li>
              </ul>
            </nav>
            <form class="site-search" role="search" method="get" action={href(ctx, '/search')}>
              <label class="visually-hidden" for="site-search-q">
                {ctx.t('search.header.label')}
              </label>
              <input id="site-search-q" type="search" name="q" maxLength={500} />
              <button type="submit">{ctx.t('search.header.submit')}</button>
            </form>
            <nav class="lang-switch" aria-label={ctx.t('nav.language')}>
              <ul>
                {ctx.languages.map((l) => (
                  <li>
                    {l.tag === ctx.lang ? (
                      <span aria-current="true" lang={l.tag}>
                        {l.name}
                      </span>
                    ) : (
                      <a href={href(ctx, ctx.path, l.tag)} hrefLang={l.tag} lang={l.tag}>
                        {l.name}
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" class="wrap" tabIndex={-1}>
          {ctx.banner ? (
            <p class="banner" role="status">
              {ctx.banner}
            </p>
          ) : null}
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{ctx.t('footer.about')}</p>
            <p>
              <a href={href(ctx, '/terms')}>{ctx.t('nav.terms')}</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}

export function renderDocument(ctx: ViewContext, meta: PageMeta, body: ComponentChildren): string {
  return `<!doctype html>${renderToString(
    <Layout ctx={ctx} meta={meta}>
      {body}
    </Layout>,
  )}`;
}
