// The search page: a pure function of (view context, search model or refusal) → HTML document.
import { formatPersonName } from '../domain/person-name.ts';
import type { Person } from '../domain/types.ts';
import { thumbPath } from '../media/placeholder.ts';
import type { FacetName } from '../search/kysely/index-reader.ts';
import { searchQueryString, type FilterParam, type SearchError, type SearchParams } from '../search/params.ts';
import type { Segment } from '../search/snippet.ts';
import type { FacetValue, MatchedText, ResolvedPerson, SearchHit, SearchModel, SnippetModel } from '../services/search.ts';
import { firstImage, mediaUrl, Tx } from './components.tsx';
import { formatDate, href, institutionName, personName, plain, type ViewContext } from './context.ts';
import { renderDocument } from './layout.tsx';

/** Where each facet's values go in the query string. */
const FACET_PARAM: Record<FacetName, FilterParam> = {
  kind: 'type',
  exhibition: 'exhibition',
  chapter: 'chapter',
  institution: 'institution',
  decade: 'decade',
  media: 'media',
  person: 'person',
  lang: 'textLang',
};

const FACET_ORDER: FacetName[] = ['kind', 'exhibition', 'chapter', 'institution', 'person', 'decade', 'media', 'lang'];

const EXAMPLES: [query: string, lang: string][] = [
  ['大使', 'ja'],
  ['Цэдэнбал', 'mn'],
  ['Niizeki', 'en'],
  ['Улаанбаатарт', 'mn'],
  ['"cultural relations"', 'en'],
];

export interface SearchPageModel {
  params: SearchParams;
  model: SearchModel | null;
  error: SearchError | null;
}

function searchHref(ctx: ViewContext, params: SearchParams, change: Parameters<typeof searchQueryString>[1] = {}): string {
  return `${href(ctx, '/search')}${searchQueryString(params, change)}`;
}

function Marked({ segments }: { segments: readonly Segment[] }) {
  return <>{segments.map((s) => (s.mark ? <mark>{s.text}</mark> : s.text))}</>;
}

function Title({ ctx, title }: { ctx: ViewContext; title: MatchedText }) {
  const inner = <Marked segments={title.segments} />;
  return title.lang !== ctx.lang ? <span lang={title.lang}>{inner}</span> : inner;
}

/** A language's name in the reader's language ("モンゴル語" on a Japanese page), else its own name. */
function languageName(ctx: ViewContext, tag: string): string {
  try {
    const name = new Intl.DisplayNames([ctx.lang], { type: 'language', fallback: 'none' }).of(tag);
    if (name) return name;
  } catch {
    // An unusual tag Intl does not know: the configured name below says it.
  }
  return ctx.languages.find((l) => l.tag === tag)?.name ?? tag;
}

function Snippet({ ctx, snippet }: { ctx: ViewContext; snippet: SnippetModel | null }) {
  if (!snippet) return null;
  const other = snippet.lang !== ctx.lang;
  return (
    <p class="hit-snippet">
      <span lang={other ? snippet.lang : undefined}>
        {snippet.excerpt.cutStart ? '… ' : null}
        <Marked segments={snippet.excerpt.segments} />
        {snippet.excerpt.cutEnd ? ' …' : null}
      </span>
      {other ? (
        <>
          {' '}
          <span class="note">{ctx.t('search.matchedIn', { language: languageName(ctx, snippet.lang) })}</span>
        </>
      ) : null}
    </p>
  );
}

function ViaNames({ ctx, hit }: { ctx: ViewContext; hit: SearchHit }) {
  if (hit.viaNames.length === 0) return null;
  return (
    <p class="hit-names">
      {ctx.t('search.viaName')}{' '}
      {hit.viaNames.map((n, i) => (
        <>
          {i ? ctx.t('list.separator') : null}
          <span class="hit-name">
            <Marked segments={n.segments} />
          </span>
        </>
      ))}
    </p>
  );
}

function Hit({ ctx, hit, model }: { ctx: ViewContext; hit: SearchHit; model: SearchModel }) {
  if (hit.kind === 'item') {
    const { item } = hit;
    const link = href(ctx, `/items/${item.id}`);
    const img = firstImage(item);
    const inst = model.institutions.get(item.institutionId);
    const date = formatDate(ctx, item.date);
    return (
      <li class="hit hit-item">
        {img ? (
          <a class="hit-thumb" href={link} tabIndex={-1} aria-hidden="true">
            <img src={mediaUrl(thumbPath(img.path))} alt="" width={120} loading="lazy" decoding="async" />
          </a>
        ) : null}
        <div class="hit-body">
          <p class="hit-kind">
            {ctx.t('search.kind.item')} · {ctx.t(`mediaType.${item.mediaType}`)}
            {date ? <> · <time>{date}</time></> : null}
          </p>
          <h3 class="hit-title">
            <a href={link}>
              <Title ctx={ctx} title={hit.title} />
            </a>
          </h3>
          <Snippet ctx={ctx} snippet={hit.snippet} />
          <ViaNames ctx={ctx} hit={hit} />
          <p class="hit-meta">
            {inst ? institutionName(ctx, inst, model.institutions) : item.institutionId}
            {item.referenceCode ? <> · <span class="refcode">{item.referenceCode}</span></> : null}
          </p>
        </div>
      </li>
    );
  }
  if (hit.kind === 'chapter') {
    const link = href(ctx, `/exhibitions/${hit.exhibition.slug}/${hit.chapter.slug}`);
    return (
      <li class="hit hit-chapter">
        <div class="hit-body">
          <p class="hit-kind">
            {ctx.t('search.kind.chapter')} · {plain(ctx, hit.exhibition.title, hit.exhibition.slug)}
          </p>
          <h3 class="hit-title">
            <a href={link}>
              <Title ctx={ctx} title={hit.title} />
            </a>
          </h3>
          <Snippet ctx={ctx} snippet={hit.snippet} />
        </div>
      </li>
    );
  }
  return (
    <li class="hit hit-person">
      <div class="hit-body">
        <p class="hit-kind">
          {ctx.t('search.kind.person')} · {ctx.t('search.recordCount', { count: hit.recordCount })}
        </p>
        <h3 class="hit-title">
          <a href={href(ctx, `/people/${hit.person.id}`)}>
            <Title ctx={ctx} title={hit.title} />
          </a>
        </h3>
        <Snippet ctx={ctx} snippet={hit.snippet} />
        <ViaNames ctx={ctx} hit={hit} />
      </div>
    </li>
  );
}

function otherNames(ctx: ViewContext, person: Person, shownLang: string): { lang: string; text: string }[] {
  return Object.entries(person.names).flatMap(([lang, parts]) =>
    parts && lang !== shownLang ? [{ lang, text: formatPersonName(person.culture, parts, lang) }] : [],
  );
}

function PersonCard({ ctx, r, params }: { ctx: ViewContext; r: ResolvedPerson; params: SearchParams }) {
  const name = personName(ctx, r.person);
  const others = otherNames(ctx, r.person, name.lang);
  return (
    <section class="search-person" aria-labelledby={`person-${r.person.id}`}>
      <p class="kicker">{r.how === 'exact' ? ctx.t('search.person.exact') : ctx.t('search.person.didYouMean')}</p>
      <h2 id={`person-${r.person.id}`}>
        <a href={href(ctx, `/people/${r.person.id}`)}>
          <Tx ctx={ctx} value={name} />
        </a>
      </h2>
      {others.length ? (
        <p class="other-names">
          {others.map((o, i) => (
            <>
              {i ? ' / ' : null}
              <span lang={o.lang}>{o.text}</span>
            </>
          ))}
        </p>
      ) : null}
      <p>
        {r.recordCount > 0 && params.filters.person !== r.person.id ? (
          <a href={searchHref(ctx, params, { person: r.person.id })}>{ctx.t('search.person.records', { count: r.recordCount })}</a>
        ) : (
          ctx.t('search.person.records', { count: r.recordCount })
        )}
      </p>
    </section>
  );
}

/** A facet value as readers see it (also used by the JSON API). */
export function facetLabel(ctx: ViewContext, facet: FacetName, value: string, model: SearchModel): string {
  switch (facet) {
    case 'kind':
      return ctx.t(`search.kind.${value}`);
    case 'media':
      return ctx.t(`mediaType.${value}`);
    case 'decade':
      return ctx.t('search.decade', { decade: value });
    case 'lang':
      return languageName(ctx, value);
    case 'institution': {
      const inst = model.institutions.get(value);
      return inst ? institutionName(ctx, inst, model.institutions) : value;
    }
    case 'exhibition': {
      const ex = model.exhibitions.get(value);
      return ex ? plain(ctx, ex.title, ex.slug) : value;
    }
    case 'chapter': {
      const c = model.chapters.get(value)?.chapter;
      return c ? plain(ctx, c.title, c.slug) : value;
    }
    case 'person': {
      const p = model.facetPeople.get(value);
      return p ? personName(ctx, p).value : value;
    }
  }
}

function Facet({ ctx, facet, values, model }: { ctx: ViewContext; facet: FacetName; values: FacetValue[]; model: SearchModel }) {
  if (values.length === 0) return null;
  const param = FACET_PARAM[facet];
  const params = model.request;
  return (
    <section class="facet" aria-labelledby={`facet-${facet}`}>
      <h3 id={`facet-${facet}`}>{ctx.t(`search.facet.${facet}`)}</h3>
      <ul>
        {values.map((v) => {
          const label = facetLabel(ctx, facet, v.value, model);
          return (
            <li>
              {v.selected ? (
                <a class="facet-value" aria-current="true" href={searchHref(ctx, params, { [param]: undefined })} title={ctx.t('search.removeFilter', { label })}>
                  <span>{label}</span> <span class="count">{v.count}</span>
                </a>
              ) : (
                <a class="facet-value" href={searchHref(ctx, params, { [param]: v.value })}>
                  <span>{label}</span> <span class="count">{v.count}</span>
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function DateRange({ ctx, model }: { ctx: ViewContext; model: SearchModel }) {
  const params = model.request;
  const from = params.filters.from?.slice(0, 4) ?? '';
  const to = params.filters.to?.slice(0, 4) ?? '';
  if (model.years.from === null && !from && !to) return null;
  const keep = new URLSearchParams(searchQueryString(params, { from: undefined, to: undefined }).slice(1));
  return (
    <section class="facet" aria-labelledby="facet-dates">
      <h3 id="facet-dates">{ctx.t('search.facet.dates')}</h3>
      {model.years.from !== null && model.years.to !== null ? (
        <p class="facet-note">{ctx.t('search.dates.span', { from: model.years.from, to: model.years.to })}</p>
      ) : null}
      <form class="date-range" method="get" action={href(ctx, '/search')}>
        {[...keep.entries()].map(([k, v]) => (
          <input type="hidden" name={k} value={v} />
        ))}
        <label>
          {ctx.t('search.dates.from')}
          <input type="number" name="from" inputMode="numeric" min={0} max={9999} value={from} placeholder={model.years.from?.toString()} />
        </label>
        <label>
          {ctx.t('search.dates.to')}
          <input type="number" name="to" inputMode="numeric" min={0} max={9999} value={to} placeholder={model.years.to?.toString()} />
        </label>
        <button type="submit">{ctx.t('search.dates.apply')}</button>
      </form>
    </section>
  );
}

function Pager({ ctx, model }: { ctx: ViewContext; model: SearchModel }) {
  const params = model.request;
  if (model.pages <= 1) return null;
  const page = params.page;
  return (
    <nav class="pager search-pager" aria-label={ctx.t('search.pager')}>
      {page > 1 ? (
        <a rel="prev" href={searchHref(ctx, params, { page: page - 1 === 1 ? undefined : String(page - 1) })}>
          ← {ctx.t('search.previous')}
        </a>
      ) : (
        <span />
      )}
      <span class="pager-status">{ctx.t('search.page', { page, pages: model.pages })}</span>
      {page < model.pages ? (
        <a rel="next" href={searchHref(ctx, params, { page: String(page + 1) })}>
          {ctx.t('search.next')} →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

function Help({ ctx }: { ctx: ViewContext }) {
  return (
    <div class="search-help">
      <p>{ctx.t('search.help.intro')}</p>
      <ul>
        <li>{ctx.t('search.help.scripts')}</li>
        <li>{ctx.t('search.help.phrases')}</li>
        <li>{ctx.t('search.help.names')}</li>
      </ul>
      <p>
        {ctx.t('search.help.examples')}{' '}
        {EXAMPLES.map(([q, lang], i) => (
          <>
            {i ? ctx.t('list.separator') : null}
            <a href={`${href(ctx, '/search')}?${new URLSearchParams({ q }).toString()}`} lang={lang === ctx.lang ? undefined : lang}>
              {q}
            </a>
          </>
        ))}
      </p>
    </div>
  );
}

function NoResults({ ctx, model }: { ctx: ViewContext; model: SearchModel }) {
  const params = model.request;
  const filtered = searchQueryString(params) !== searchQueryString({ ...params, filters: {} });
  return (
    <div class="search-help">
      <p>{ctx.t('search.noResults', { query: params.q })}</p>
      <ul>
        {filtered ? (
          <li>
            <a href={`${href(ctx, '/search')}?${new URLSearchParams({ q: params.q }).toString()}`}>{ctx.t('search.tip.clearFilters')}</a>
          </li>
        ) : null}
        <li>{ctx.t('search.tip.spelling')}</li>
        <li>{ctx.t('search.tip.fewer')}</li>
        <li>{ctx.t('search.tip.script')}</li>
        <li>
          <a href={href(ctx, '/')}>{ctx.t('search.tip.browse')}</a>
        </li>
      </ul>
    </div>
  );
}

function Results({ ctx, model }: { ctx: ViewContext; model: SearchModel }) {
  const params = model.request;
  const active = FACET_ORDER.filter((f) => model.facets[f].some((v) => v.selected));
  const hasDates = params.filters.from !== undefined || params.filters.to !== undefined;
  return (
    <div class="search-layout">
      <aside class="search-facets" aria-labelledby="refine">
        <h2 id="refine">{ctx.t('search.refine')}</h2>
        {active.length || hasDates ? (
          <p>
            <a href={searchHref(ctx, { ...params, filters: {} })}>{ctx.t('search.clearFilters')}</a>
          </p>
        ) : null}
        {FACET_ORDER.map((f) => (
          <Facet ctx={ctx} facet={f} values={model.facets[f]} model={model} />
        ))}
        <DateRange ctx={ctx} model={model} />
      </aside>
      <div class="search-results">
        {model.outcome === 'past-last-page' ? (
          <p>
            {ctx.t('search.pastLastPage', { page: params.page, pages: model.pages })}{' '}
            <a href={searchHref(ctx, params, { page: undefined })}>{ctx.t('search.firstPage')}</a>
          </p>
        ) : null}
        <ol class="search-hits" start={(params.page - 1) * params.perPage + 1}>
          {model.hits.map((h) => (
            <Hit ctx={ctx} hit={h} model={model} />
          ))}
        </ol>
        <Pager ctx={ctx} model={model} />
      </div>
    </div>
  );
}

function errorMessage(ctx: ViewContext, error: SearchError): string {
  return ctx.t(`search.error.${error.code}`, { parameter: error.parameter, max: error.code === 'too_many_terms' ? 16 : 500 });
}

export function renderSearch(ctx: ViewContext, page: SearchPageModel): string {
  const { params, model, error } = page;
  const q = params.q;
  const title = q.trim() ? ctx.t('search.titleFor', { query: q.slice(0, 80) }) : ctx.t('search.title');
  const script = ctx.assets.js['search.js'];
  return renderDocument(
    ctx,
    { title, kind: 'page-search' },
    <>
      <h1>{ctx.t('search.heading')}</h1>
      <form class="search-form" role="search" method="get" action={href(ctx, '/search')}>
        <label for="search-q">{ctx.t('search.label')}</label>
        <div class="search-row">
          <input
            id="search-q"
            type="search"
            name="q"
            value={q}
            maxLength={500}
            autoComplete="off"
            spellcheck={false}
            aria-describedby="search-hint"
            data-suggest={`/api/v1/search/suggest?lang=${encodeURIComponent(ctx.lang)}`}
            data-suggest-label={ctx.t('search.suggestions')}
          />
          <button type="submit">{ctx.t('search.submit')}</button>
        </div>
        <p id="search-hint" class="search-hint">
          {ctx.t('search.hint')}
        </p>
      </form>
      {error ? (
        <p class="search-error" role="alert">
          {errorMessage(ctx, error)}
        </p>
      ) : null}
      {model ? (
        <>
          {model.people
            // A person named exactly and listed among the results needs no card of their own.
            .filter((r) => r.how !== 'exact' || !model.hits.some((h) => h.kind === 'person' && h.person.id === r.person.id))
            .map((r) => (
              <PersonCard ctx={ctx} r={r} params={params} />
            ))}
          {model.outcome === 'empty-query' ? <Help ctx={ctx} /> : null}
          {model.outcome === 'no-terms' ? <p class="search-error">{ctx.t('search.noTerms')}</p> : null}
          {model.outcome === 'results' || model.outcome === 'past-last-page' ? (
            <p class="search-count" role="status">
              {model.recordsOf
                ? ctx.t('search.recordsOf', { query: q, name: personName(ctx, model.recordsOf).value, count: model.total })
                : ctx.t('search.count', { count: model.total, query: q })}
            </p>
          ) : null}
          {model.outcome === 'no-results' ? <NoResults ctx={ctx} model={model} /> : null}
          {model.outcome === 'results' || model.outcome === 'past-last-page' ? <Results ctx={ctx} model={model} /> : null}
        </>
      ) : null}
      {script ? <script type="module" src={script} /> : null}
    </>,
  );
}
