// Public pages: pure functions of (view context, page model) → HTML document.
import { formatPersonName } from '../domain/person-name.ts';
import { getScheme } from '../domain/reference-code.ts';
import { RIGHTS } from '../domain/rights.ts';
import type { Chapter, Exhibition, Institution, SitePage } from '../domain/types.ts';
import type {
  ChapterModel,
  ExhibitionModel,
  HomeModel,
  InstitutionModel,
  InstitutionsModel,
  ItemModel,
  PersonModel,
} from '../services/site.ts';
import { citationOf, isoDay, formatAccessed, accessedLocale } from '../citation/citation.ts';
import { siteBase } from '../linked-data/base.ts';
import { chapterJsonLd, exhibitionJsonLd, homeJsonLd, institutionJsonLd, itemJsonLd, personJsonLd } from '../linked-data/schema.ts';
import { Breadcrumbs, InlineList, ItemCard, Paragraphs, RecordFactRows, T, Tx } from './components.tsx';
import { ItemMedia } from './item-media.tsx';
import { formatDate, href, institutionName, personName, pickLabel, plain, roman, type ViewContext } from './context.ts';
import { renderDocument } from './layout.tsx';

/** A page's JSON-LD needs absolute URLs; without the site's base (a workspace preview) there is none. */
function linkedData<T>(ctx: ViewContext, build: (base: string) => T): T | null {
  const base = siteBase(ctx);
  return base ? build(base) : null;
}

const CITE_FILES = [
  { ext: 'bib', label: 'BibTeX' },
  { ext: 'ris', label: 'RIS' },
  { ext: 'json', label: 'CSL-JSON' },
] as const;

/**
 * How to cite the record, in the reader's language, with its downloads. The page is cached for
 * every reader, so the accessed date printed is the day the page was made; citation.js replaces
 * it with the reader's today. The downloads are made per request and carry today's date.
 */
function CitationBlock({ ctx, m }: { ctx: ViewContext; m: ItemModel }) {
  const base = siteBase(ctx);
  if (!base) return null;
  const today = isoDay(new Date());
  const c = citationOf(ctx, base, m, today);
  // The message places the URL and the accessed date; they become a link and a <time> here.
  // A private-use character marks them: it cannot come from the catalogs, and is removed from values.
  const MARK = '\uE000';
  const clean = (v: string) => v.replaceAll(MARK, '');
  const parts = ctx
    .t('citation.text', {
      institution: clean(c.institution ?? m.item.institutionId),
      title: `${MARK}title${MARK}`,
      hasCode: c.referenceCode ? 'yes' : 'no',
      code: clean(c.referenceCode ?? ''),
      hasDate: c.date ? 'yes' : 'no',
      date: c.date ?? '',
      url: `${MARK}url${MARK}`,
      accessed: `${MARK}accessed${MARK}`,
    })
    .split(MARK);
  const script = ctx.assets.js['citation.js'];
  return (
    <section class="citation" aria-labelledby="citation-heading">
      <h2 id="citation-heading">{ctx.t('citation.heading')}</h2>
      <p class="citation-text" id="citation-text">
        {parts.map((p, i) =>
          i % 2 === 0 ? (
            p
          ) : p === 'title' ? (
            // A title from another language keeps its own lang, as everywhere on the site.
            c.titleLang ? <span lang={c.titleLang}>{c.title}</span> : c.title
          ) : p === 'url' ? (
            <a href={c.url}>{c.url}</a>
          ) : (
            <time class="citation-accessed" dateTime={today} data-locale={accessedLocale(ctx.lang)}>
              {formatAccessed(ctx.lang, today)}
            </time>
          ),
        )}
      </p>
      <p class="citation-actions">
        <button type="button" class="citation-copy" data-copied={ctx.t('citation.copied')} hidden>
          {ctx.t('citation.copy')}
        </button>
      </p>
      <h3 class="citation-downloads-heading">{ctx.t('citation.downloads')}</h3>
      <ul class="citation-downloads">
        {CITE_FILES.map((f) => (
          <li>
            <a href={href(ctx, `/items/${m.item.id}/cite.${f.ext}`)} download={`${m.item.id}.${f.ext}`} type={f.ext === 'json' ? 'application/vnd.citationstyles.csl+json' : undefined}>
              {ctx.t('citation.download', { format: f.label })}
            </a>
          </li>
        ))}
      </ul>
      {script ? <script src={script} defer /> : null}
    </section>
  );
}

function chapterLabel(ctx: ViewContext, c: Chapter): string {
  return c.number === null ? '' : ctx.t('chapter.number', { numeral: roman(c.number) });
}

function coCurators(ctx: ViewContext, ex: Exhibition, institutions: ReadonlyMap<string, Institution>): string {
  return ex.institutionIds
    .map((id) => institutions.get(id))
    .filter((i): i is Institution => i !== undefined)
    .map((i) => institutionName(ctx, i, institutions))
    .join(ctx.t('list.separator'));
}

export function renderHome(ctx: ViewContext, m: HomeModel): string {
  return renderDocument(
    ctx,
    { title: ctx.t('site.name'), description: ctx.t('home.description'), kind: 'page-home', jsonLd: linkedData(ctx, (b) => homeJsonLd(ctx, b, m)) },
    <>
      <h1>{ctx.t('home.heading')}</h1>
      <p class="lead">{ctx.t('home.description')}</p>
      {m.exhibitions.length === 0 ? <p>{ctx.t('home.empty')}</p> : null}
      <ul class="exhibition-list">
        {m.exhibitions.map((ex) => (
          <li class="exhibition-card">
            <h2>
              <a href={href(ctx, `/exhibitions/${ex.slug}`)}>
                <T ctx={ctx} value={ex.title} fallback={ex.slug} />
              </a>
            </h2>
            <p class="subtitle">
              <T ctx={ctx} value={ex.subtitle} />
            </p>
            <p class="meta">
              {ctx.t('exhibition.curatedBy', { institutions: coCurators(ctx, ex, m.institutions) })}
              {' · '}
              {ctx.t('exhibition.chapterCount', { count: ex.chapters.length })}
            </p>
          </li>
        ))}
      </ul>
    </>,
  );
}

export function renderExhibition(ctx: ViewContext, m: ExhibitionModel): string {
  const ex = m.exhibition;
  const title = plain(ctx, ex.title, ex.slug);
  return renderDocument(
    ctx,
    { title, description: plain(ctx, ex.subtitle), kind: 'page-exhibition', jsonLd: linkedData(ctx, (b) => exhibitionJsonLd(ctx, b, m)) },
    <>
      <Breadcrumbs ctx={ctx} trail={[{ label: ctx.t('nav.exhibitions'), href: href(ctx, '/') }, { label: title }]} />
      <header class="page-head">
        <h1>
          <T ctx={ctx} value={ex.title} fallback={ex.slug} />
        </h1>
        <p class="subtitle">
          <T ctx={ctx} value={ex.subtitle} />
        </p>
        <p class="meta">{ctx.t('exhibition.curatedBy', { institutions: coCurators(ctx, ex, m.institutions) })}</p>
      </header>
      <Paragraphs ctx={ctx} value={ex.intro} />
      <h2>{ctx.t('exhibition.chapters')}</h2>
      <ol class="chapter-list">
        {ex.chapters.map((c) => (
          <li>
            <a href={href(ctx, `/exhibitions/${ex.slug}/${c.slug}`)}>
              {c.number !== null ? <span class="numeral">{roman(c.number)}</span> : null}
              <span class="chapter-title">
                <T ctx={ctx} value={c.title} fallback={c.slug} />
              </span>
            </a>
            <span class="meta">
              {c.period ? <>{formatDate(ctx, c.period)} · </> : null}
              {ctx.t('chapter.itemCount', { count: m.itemCounts.get(c.id) ?? 0 })}
            </span>
          </li>
        ))}
      </ol>
    </>,
  );
}

export function renderChapter(ctx: ViewContext, m: ChapterModel): string {
  const { exhibition: ex, chapter: c } = m;
  const exTitle = plain(ctx, ex.title, ex.slug);
  const title = plain(ctx, c.title, c.slug);
  const exHref = href(ctx, `/exhibitions/${ex.slug}`);
  return renderDocument(
    ctx,
    {
      title: `${title} – ${exTitle}`,
      description: plain(ctx, c.intro).slice(0, 200),
      kind: 'page-chapter',
      jsonLd: linkedData(ctx, (b) => chapterJsonLd(ctx, b, m)),
    },
    <>
      <Breadcrumbs
        ctx={ctx}
        trail={[{ label: ctx.t('nav.exhibitions'), href: href(ctx, '/') }, { label: exTitle, href: exHref }, { label: title }]}
      />
      <header class="page-head">
        {c.number !== null ? <p class="kicker">{chapterLabel(ctx, c)}</p> : null}
        <h1>
          <T ctx={ctx} value={c.title} fallback={c.slug} />
        </h1>
        {c.period ? <p class="meta">{formatDate(ctx, c.period)}</p> : null}
      </header>
      <Paragraphs ctx={ctx} value={c.intro} />
      {c.sections.length > 1 ? (
        <nav class="toc" aria-label={ctx.t('chapter.sections')}>
          <h2 class="toc-title">{ctx.t('chapter.sections')}</h2>
          <ol>
            {c.sections.map((s) => (
              <li>
                <a href={`#section-${s.id}`}>
                  <T ctx={ctx} value={s.heading} fallback={s.id} />
                </a>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      {c.sections.map((s) => (
        <section class="section" id={`section-${s.id}`} aria-labelledby={`h-${s.id}`}>
          <h2 id={`h-${s.id}`}>
            <T ctx={ctx} value={s.heading} fallback={s.id} />
          </h2>
          <Paragraphs ctx={ctx} value={s.intro} />
          <div class="cards">
            {s.itemIds.map((id) => {
              const item = m.items.get(id);
              return item ? <ItemCard ctx={ctx} item={item} institutions={m.institutions} /> : null;
            })}
          </div>
        </section>
      ))}
      <nav class="pager" aria-label={ctx.t('nav.chapters')}>
        {m.prev ? (
          <a rel="prev" href={href(ctx, `/exhibitions/${ex.slug}/${m.prev.slug}`)}>
            ← <T ctx={ctx} value={m.prev.title} />
          </a>
        ) : (
          <span />
        )}
        {m.next ? (
          <a rel="next" href={href(ctx, `/exhibitions/${ex.slug}/${m.next.slug}`)}>
            <T ctx={ctx} value={m.next.title} /> →
          </a>
        ) : (
          <span />
        )}
      </nav>
    </>,
  );
}

export function renderItem(ctx: ViewContext, m: ItemModel): string {
  const { item } = m;
  const heading = plain(ctx, item.heading, item.id);
  const date = formatDate(ctx, item.date);
  const first = m.contexts[0];
  const scheme = m.institutions.get(item.institutionId)?.scheme;
  // "Free text" tells a reader nothing about the code, so only a real scheme is named.
  const schemeLabel = scheme && scheme !== 'free-text' ? getScheme(scheme) : undefined;
  const rights = RIGHTS.find((r) => r.uri === item.rights);
  const trail = first
    ? [
        { label: ctx.t('nav.exhibitions'), href: href(ctx, '/') },
        { label: plain(ctx, first.exhibition.title, first.exhibition.slug), href: href(ctx, `/exhibitions/${first.exhibition.slug}`) },
        {
          label: plain(ctx, first.chapter.title, first.chapter.slug),
          href: href(ctx, `/exhibitions/${first.exhibition.slug}/${first.chapter.slug}`),
        },
        { label: heading },
      ]
    : [{ label: ctx.t('nav.exhibitions'), href: href(ctx, '/') }, { label: heading }];
  return renderDocument(
    ctx,
    { title: heading, description: plain(ctx, item.caption).slice(0, 200), kind: 'page-item', jsonLd: linkedData(ctx, (b) => itemJsonLd(ctx, b, m)) },
    <>
      <Breadcrumbs ctx={ctx} trail={trail} />
      <article class="record">
        <header class="page-head">
          <p class="kicker">
            {ctx.t(`mediaType.${item.mediaType}`)}
            {date ? <> · <time>{date}</time></> : null}
          </p>
          <h1>
            <T ctx={ctx} value={item.heading} fallback={item.id} />
          </h1>
        </header>
        <div class="record-body">
          <ItemMedia ctx={ctx} item={item} />
          <div class="record-text">
            <Paragraphs ctx={ctx} value={item.caption} />
            <h2>{ctx.t('item.details')}</h2>
            <dl class="facts">
              <RecordFactRows ctx={ctx} item={item} institutions={m.institutions} />
              <div>
                <dt>{ctx.t('item.date')}</dt>
                <dd>{date ?? <span class="muted">{ctx.t('item.undated')}</span>}</dd>
              </div>
              {schemeLabel ? (
                <div>
                  <dt>{ctx.t('item.scheme')}</dt>
                  <dd>{pickLabel(ctx, schemeLabel.label)}</dd>
                </div>
              ) : null}
              <div>
                <dt>{ctx.t('item.mediaType')}</dt>
                <dd>{ctx.t(`mediaType.${item.mediaType}`)}</dd>
              </div>
              {m.people.length ? (
                <div>
                  <dt>{ctx.t('item.people')}</dt>
                  <dd>
                    <InlineList ctx={ctx}>
                      {m.people.map((p) => (
                        <a href={href(ctx, `/people/${p.id}`)}>
                          <Tx ctx={ctx} value={personName(ctx, p)} />
                        </a>
                      ))}
                    </InlineList>
                  </dd>
                </div>
              ) : null}
              {m.places.length ? (
                <div>
                  <dt>{ctx.t('item.places')}</dt>
                  <dd>
                    <InlineList ctx={ctx}>
                      {m.places.map((p) => (
                        <T ctx={ctx} value={p.name} fallback={p.id} />
                      ))}
                    </InlineList>
                  </dd>
                </div>
              ) : null}
              <div>
                <dt>{ctx.t('item.rights')}</dt>
                <dd>
                  <a href={item.rights} rel="license">
                    {rights ? pickLabel(ctx, rights.label) : item.rights}
                  </a>
                </dd>
              </div>
            </dl>
          </div>
        </div>
        {m.contexts.map((c) => (
          <nav class="in-exhibition" aria-label={ctx.t('item.inExhibition')}>
            <h2>{ctx.t('item.inExhibition')}</h2>
            <p>
              <a href={href(ctx, `/exhibitions/${c.exhibition.slug}`)}>
                <T ctx={ctx} value={c.exhibition.title} />
              </a>
              {' › '}
              <a href={href(ctx, `/exhibitions/${c.exhibition.slug}/${c.chapter.slug}`)}>
                <T ctx={ctx} value={c.chapter.title} />
              </a>
              {' › '}
              <a href={`${href(ctx, `/exhibitions/${c.exhibition.slug}/${c.chapter.slug}`)}#section-${c.section.id}`}>
                <T ctx={ctx} value={c.section.heading} />
              </a>
            </p>
            <div class="pager">
              {c.prev ? (
                <a rel="prev" href={href(ctx, `/items/${c.prev.id}`)}>
                  <span class="pager-label">{ctx.t('item.previous')}</span>
                  <T ctx={ctx} value={c.prev.heading} />
                </a>
              ) : (
                <span />
              )}
              {c.next ? (
                <a rel="next" href={href(ctx, `/items/${c.next.id}`)}>
                  <span class="pager-label">{ctx.t('item.next')}</span>
                  <T ctx={ctx} value={c.next.heading} />
                </a>
              ) : (
                <span />
              )}
            </div>
          </nav>
        ))}
        <CitationBlock ctx={ctx} m={m} />
      </article>
    </>,
  );
}

export function renderPerson(ctx: ViewContext, m: PersonModel): string {
  const name = personName(ctx, m.person);
  const others = Object.entries(m.person.names).flatMap(([lang, parts]) =>
    parts && lang !== name.lang ? [{ lang, text: formatPersonName(m.person.culture, parts, lang) }] : [],
  );
  return renderDocument(
    ctx,
    { title: name.value, description: plain(ctx, m.person.role), kind: 'page-person', jsonLd: linkedData(ctx, (b) => personJsonLd(ctx, b, m)) },
    <>
      <Breadcrumbs ctx={ctx} trail={[{ label: ctx.t('nav.exhibitions'), href: href(ctx, '/') }, { label: name.value }]} />
      <header class="page-head">
        <p class="kicker">{ctx.t('person.kicker')}</p>
        <h1>
          <Tx ctx={ctx} value={name} />
        </h1>
        {others.length ? (
          <p class="other-names">
            {ctx.t('person.otherNames')}{' '}
            {others.map((o, i) => (
              <>
                {i ? ctx.t('list.separator') : null}
                <span lang={o.lang}>{o.text}</span>
              </>
            ))}
          </p>
        ) : null}
        <p class="subtitle">
          <T ctx={ctx} value={m.person.role} />
        </p>
      </header>
      <h2>{ctx.t('person.records', { count: m.items.length })}</h2>
      <div class="cards">
        {m.items.map((item) => (
          <ItemCard ctx={ctx} item={item} institutions={m.institutions} caption={false} />
        ))}
      </div>
    </>,
  );
}

function InstitutionTree({ ctx, m, parentId }: { ctx: ViewContext; m: InstitutionsModel; parentId: string | null }) {
  const level = [...m.institutions.values()].filter((i) => i.parentId === parentId);
  if (!level.length) return null;
  return (
    <ul class={parentId ? 'tree' : 'tree tree-root'}>
      {level.map((i) => (
        <li>
          <a href={href(ctx, `/institutions/${i.id}`)}>
            <T ctx={ctx} value={i.name} fallback={i.id} />
          </a>{' '}
          <span class="meta">{ctx.t('institution.holdings', { count: m.counts.get(i.id) ?? 0 })}</span>
          <InstitutionTree ctx={ctx} m={m} parentId={i.id} />
        </li>
      ))}
    </ul>
  );
}

export function renderInstitutions(ctx: ViewContext, m: InstitutionsModel): string {
  return renderDocument(
    ctx,
    { title: ctx.t('nav.institutions'), kind: 'page-institutions' },
    <>
      <h1>{ctx.t('nav.institutions')}</h1>
      <p class="lead">{ctx.t('institutions.lead')}</p>
      <InstitutionTree ctx={ctx} m={m} parentId={null} />
    </>,
  );
}

export function renderInstitution(ctx: ViewContext, m: InstitutionModel): string {
  const inst = m.institution;
  const full = institutionName(ctx, inst, m.institutions);
  const parent = inst.parentId ? m.institutions.get(inst.parentId) : undefined;
  const scheme = getScheme(inst.scheme);
  return renderDocument(
    ctx,
    { title: full, kind: 'page-institution', jsonLd: linkedData(ctx, (b) => institutionJsonLd(ctx, b, m)) },
    <>
      <Breadcrumbs
        ctx={ctx}
        trail={[{ label: ctx.t('nav.institutions'), href: href(ctx, '/institutions') }, { label: plain(ctx, inst.name, inst.id) }]}
      />
      <header class="page-head">
        <p class="kicker">{ctx.t('institution.kicker')}</p>
        <h1>
          <T ctx={ctx} value={inst.name} fallback={inst.id} />
        </h1>
        {parent ? (
          <p class="meta">
            {ctx.t('institution.partOf')}{' '}
            <a href={href(ctx, `/institutions/${parent.id}`)}>{institutionName(ctx, parent, m.institutions)}</a>
          </p>
        ) : null}
      </header>
      <dl class="facts">
        {scheme ? (
          <div>
            <dt>{ctx.t('item.scheme')}</dt>
            <dd>
              {pickLabel(ctx, scheme.label)}
              {scheme.example ? <span class="muted"> ({ctx.t('institution.example', { example: scheme.example })})</span> : null}
            </dd>
          </div>
        ) : null}
        {inst.homepage ? (
          <div>
            <dt>{ctx.t('institution.homepage')}</dt>
            <dd>
              <a href={inst.homepage}>{inst.homepage}</a>
            </dd>
          </div>
        ) : null}
      </dl>
      {m.children.length ? (
        <>
          <h2>{ctx.t('institution.children')}</h2>
          <ul>
            {m.children.map((c) => (
              <li>
                <a href={href(ctx, `/institutions/${c.id}`)}>
                  <T ctx={ctx} value={c.name} fallback={c.id} />
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{ctx.t('institution.records', { count: m.items.length })}</h2>
      <div class="cards">
        {m.items.map((item) => (
          <ItemCard ctx={ctx} item={item} institutions={m.institutions} caption={false} />
        ))}
      </div>
    </>,
  );
}

export function renderSitePage(ctx: ViewContext, page: SitePage): string {
  const title = plain(ctx, page.title, page.id);
  return renderDocument(
    ctx,
    { title, kind: `page-${page.id}` },
    <>
      <h1>
        <T ctx={ctx} value={page.title} fallback={page.id} />
      </h1>
      <Paragraphs ctx={ctx} value={page.body} />
    </>,
  );
}

export function renderNotFound(ctx: ViewContext): string {
  return renderDocument(
    ctx,
    { title: ctx.t('notFound.title'), kind: 'page-404', alternates: false },
    <>
      <h1>{ctx.t('notFound.title')}</h1>
      <p>{ctx.t('notFound.body')}</p>
      <p>
        <a href={href(ctx, '/')}>{ctx.t('notFound.home')}</a>
      </p>
    </>,
  );
}

