import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { canAdminister, canReview, type Principal } from '../../domain/permissions.ts';
import type { ViewContext } from '../context.ts';

export interface AdminView {
  ctx: ViewContext;
  principal: Principal | null;
  csrf: string;
}

/** The hidden field every state-changing form carries. */
export function Csrf({ v }: { v: AdminView }) {
  return <input type="hidden" name="_csrf" value={v.csrf} />;
}

export function Errors({ v, errors }: { v: AdminView; errors: { where: string; why: string }[] }) {
  if (!errors.length) return null;
  return (
    <div class="errors" role="alert">
      <p>
        <strong>{v.ctx.t('admin.errors.title')}</strong>
      </p>
      <ul>
        {errors.map((e) => (
          <li>
            <code>{e.where}</code>: {e.why}
          </li>
        ))}
      </ul>
    </div>
  );
}

function AdminLayout({ v, title, children }: { v: AdminView; title: string; children: ComponentChildren }) {
  const { ctx, principal } = v;
  const t = ctx.t;
  return (
    <html lang={ctx.lang} dir={ctx.dir}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} – ${t('admin.title')}`}</title>
        <link rel="stylesheet" href={ctx.assets.css} />
        <link rel="icon" href={ctx.assets.icon} type="image/svg+xml" />
        {ctx.assets.js['admin.js'] ? <script src={ctx.assets.js['admin.js']} defer /> : null}
      </head>
      <body class="admin">
        <a class="skip-link" href="#main">
          {t('nav.skip')}
        </a>
        <header class="site-header admin-header">
          <div class="wrap header-inner">
            <a class="brand" href="/admin">
              <span class="brand-mark" aria-hidden="true">
                綴
              </span>
              <span>{t('admin.title')}</span>
            </a>
            {principal ? (
              <nav class="site-nav" aria-label={t('nav.main')}>
                <ul>
                  <li>
                    <a href="/admin/items">{t('admin.nav.items')}</a>
                  </li>
                  <li>
                    <a href="/admin/exhibitions">{t('admin.nav.exhibitions')}</a>
                  </li>
                  <li>
                    <a href="/admin/sheet">{t('sheet.title')}</a>
                  </li>
                  {principal.isAdmin || principal.curatorOf.length ? (
                    <li>
                      <a href="/admin/ead">{t('ead.home.title')}</a>
                    </li>
                  ) : null}
                  {canReview(principal) ? (
                    <li>
                      <a href="/admin/review">{t('admin.nav.review')}</a>
                    </li>
                  ) : null}
                  <li>
                    <a href="/admin/people">{t('admin.nav.people')}</a>
                  </li>
                  <li>
                    <a href="/admin/translations">{t('tr.nav.translations')}</a>
                  </li>
                  <li>
                    <a href="/admin/xliff">{t('xliff.nav')}</a>
                  </li>
                  {canAdminister(principal) ? (
                    <>
                      <li>
                        <a href="/admin/institutions">{t('admin.nav.institutions')}</a>
                      </li>
                      <li>
                        <a href="/admin/terms">{t('nav.terms')}</a>
                      </li>
                      <li>
                        <a href="/admin/users">{t('admin.nav.users')}</a>
                      </li>
                      <li>
                        <a href="/admin/languages">{t('tr.nav.languages')}</a>
                      </li>
                      <li>
                        <a href="/admin/audit">{t('admin.nav.audit')}</a>
                      </li>
                    </>
                  ) : null}
                  <li>
                    <a href={`/${ctx.lang}/`}>{t('admin.nav.site')}</a>
                  </li>
                </ul>
              </nav>
            ) : null}
            {principal ? (
              <form method="post" action="/admin/logout" class="signout">
                <Csrf v={v} />
                <span class="who">{principal.name}</span> <button type="submit">{t('admin.signOut')}</button>
              </form>
            ) : null}
          </div>
        </header>
        <main id="main" class="wrap" tabIndex={-1}>
          <h1>{title}</h1>
          {children}
        </main>
      </body>
    </html>
  );
}

export function renderAdmin(v: AdminView, title: string, body: ComponentChildren): string {
  return `<!doctype html>${renderToString(
    <AdminLayout v={v} title={title}>
      {body}
    </AdminLayout>,
  )}`;
}
