// Search: keeps the index in step with content and answers queries with read models of
// published content only. The index lives in the database (src/search/), so every app server
// reads the same one; each process updates it after the content changes it commits.
import { displayPersonName } from '../domain/person-name.ts';
import type { Chapter, Institution, Item, Lang, Person, TextStatus } from '../domain/types.ts';
import { resolveText, type ResolvedText } from '../i18n/fallback.ts';
import { matchSpans, parseQuery, QUERY_LIMITS, type ParsedQuery } from '../search/analyzer.ts';
import type { AuthorityKind, DocKind, NameVariant } from '../search/documents.ts';
import { Indexer, type RebuildReport } from '../search/indexer.ts';
import type { ChapterSummary, ExhibitionSummary } from '../search/kysely/content-source.ts';
import { FACETS, IndexReader, type FacetName, type IndexHit, type ResolvedName } from '../search/kysely/index-reader.ts';
import { NameVariantStore } from '../search/kysely/name-variants.ts';
import { formKey, latinKey, nameKeys } from '../search/names.ts';
import { excerpt, segmentsOf, type Excerpt, type Segment } from '../search/snippet.ts';
import type { SearchParams } from '../search/params.ts';
import type { Storage } from '../storage/index.ts';
import { ValidationError, type ContentChange } from './content.ts';

export type SearchRequest = SearchParams;

/** A displayed text with the parts the query matched. */
export interface MatchedText extends ResolvedText {
  segments: Segment[];
}

export interface SnippetModel {
  lang: Lang;
  excerpt: Excerpt;
}

interface HitBase {
  score: number;
  /** Languages whose text matched. */
  matchedLangs: Lang[];
  title: MatchedText;
  snippet: SnippetModel | null;
  /** Names of linked people, places or institutions the query matched, when the text itself did not. */
  viaNames: { label: string; segments: Segment[] }[];
}

export type SearchHit =
  | (HitBase & { kind: 'item'; item: Item })
  | (HitBase & { kind: 'chapter'; chapter: Chapter; exhibition: ExhibitionSummary })
  | (HitBase & { kind: 'person'; person: Person; recordCount: number });

export interface FacetValue {
  value: string;
  count: number;
  selected: boolean;
}

export interface ResolvedPerson {
  person: Person;
  /** The label the query matched, and how. */
  label: string;
  how: ResolvedName['how'];
  recordCount: number;
}

export type SearchOutcome = 'empty-query' | 'no-terms' | 'results' | 'no-results' | 'past-last-page';

export interface SearchModel {
  request: SearchRequest;
  query: ParsedQuery;
  outcome: SearchOutcome;
  total: number;
  pages: number;
  hits: SearchHit[];
  facets: Record<FacetName, FacetValue[]>;
  /** Years of the earliest and latest matched date. */
  years: { from: number | null; to: number | null };
  /** People the query names (exactly, by transliteration or by consonant skeleton). */
  people: ResolvedPerson[];
  /** Set when nothing matched the words and the results are this person's records instead. */
  recordsOf: Person | null;
  /** For facet labels and holders. */
  institutions: Map<string, Institution>;
  exhibitions: Map<string, ExhibitionSummary>;
  chapters: Map<string, ChapterSummary>;
  facetPeople: Map<string, Person>;
}

export interface Suggestion {
  kind: AuthorityKind;
  id: string;
  /** The name as the reader's language writes it. */
  label: string;
  labelLang: Lang;
  /** The label that matched what was typed, when it differs. */
  matched: string | null;
}

export interface SearchServiceOptions {
  /** Where failures of background index updates are reported. */
  onError?: (err: unknown, what: string) => void;
  /** How long a search waits for this process's pending index updates (read-your-writes). */
  settleMs?: number;
}

const FACET_LIMIT = 12;
const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

function emptyFacets(): Record<FacetName, FacetValue[]> {
  return Object.fromEntries(FACETS.map((f) => [f, [] as FacetValue[]])) as Record<FacetName, FacetValue[]>;
}

function matched(text: ResolvedText | null, fallback: string, lang: Lang, query: ParsedQuery): MatchedText {
  const t: ResolvedText = text ?? { value: fallback, lang, status: 'reviewed' as TextStatus, fallback: false };
  return { ...t, segments: segmentsOf(t.value, matchSpans(t.value, query)) };
}

function hasMark(segments: readonly Segment[]): boolean {
  return segments.some((s) => s.mark);
}

/** Languages to quote a hit in: the reader's languages that matched first, then the others. */
function quoteLangs(matchedLangs: readonly Lang[], order: readonly Lang[]): Lang[] {
  return [...order.filter((l) => matchedLangs.includes(l)), ...matchedLangs.filter((l) => !order.includes(l))];
}

/**
 * An excerpt of the first text, in the first of `langs`, where the query matched. A document
 * matches in a language when its names do, so a language can match without its text doing so.
 */
function snippetIn(langs: readonly Lang[], texts: (lang: Lang) => (string | undefined)[], query: ParsedQuery): SnippetModel | null {
  for (const lang of langs) {
    const s = snippetFrom(texts(lang), lang, query);
    if (s) return s;
  }
  return null;
}

/** The first of `texts` (in `lang`) the query matched, as an excerpt; null when none did. */
function snippetFrom(texts: readonly (string | undefined)[], lang: Lang, query: ParsedQuery): SnippetModel | null {
  for (const t of texts) {
    if (!t) continue;
    const spans = matchSpans(t, query);
    if (spans.length) return { lang, excerpt: excerpt(t, spans) };
  }
  return null;
}

function plainSnippet(text: ResolvedText | null): SnippetModel | null {
  return text ? { lang: text.lang, excerpt: excerpt(text.value, []) } : null;
}

export class SearchService {
  private readonly indexer: Indexer;
  private readonly reader: IndexReader;
  private readonly variants: NameVariantStore;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly onError: (err: unknown, what: string) => void;
  private readonly settleMs: number;

  constructor(
    private readonly storage: Storage,
    opts: SearchServiceOptions = {},
  ) {
    this.indexer = new Indexer(storage);
    this.reader = new IndexReader(this.indexer.db, this.indexer.fts);
    this.variants = new NameVariantStore(this.indexer.db);
    this.onError = opts.onError ?? ((err) => console.error(err));
    this.settleMs = opts.settleMs ?? 2000;
  }

  private get store() {
    return this.storage.store;
  }

  // ---- keeping the index current ----------------------------------------------------------

  /** Index writes of this process run one at a time, in the order content was committed. */
  private enqueue<T>(what: string, task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task);
    this.tail = run.catch((err: unknown) => this.onError(err, what));
    return run;
  }

  /** A content listener: `(version, changes)` after each commit. */
  readonly contentChanged = (version: number, changes: readonly ContentChange[]): void => {
    void this.enqueue('index update', () => this.indexer.apply(changes, version)).catch(() => undefined);
  };

  /** Rebuilds the index in the background when it is missing, stale or built by another analyzer. */
  start(): Promise<RebuildReport | null> {
    return this.enqueue('index check', async () => {
      const why = await this.indexer.staleness();
      if (!why) return null;
      return this.indexer.rebuild();
    });
  }

  /** Rebuilds the whole index now (the `reindex` command). */
  rebuild(opts: { onProgress?: (done: number, total: number) => void } = {}): Promise<RebuildReport | null> {
    return this.enqueue('rebuild', () => this.indexer.rebuild({ force: true, ...opts }));
  }

  /** Why the index is stale, or null. */
  staleness(): Promise<string | null> {
    return this.indexer.staleness();
  }

  /** Waits (at most `ms`) until the index updates queued so far in this process are written. */
  async settled(ms = this.settleMs): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.tail,
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, ms);
      }),
    ]);
    clearTimeout(timer);
  }

  // ---- curators' variant names and readings ----------------------------------------------

  async nameVariants(kind: AuthorityKind, id: string): Promise<NameVariant[]> {
    return this.variants.list(kind, id);
  }

  /** Adds a variant name or reading (e.g. にいぜき きんや for 新関欽哉); the index follows at once. */
  async addNameVariant(v: NameVariant): Promise<void> {
    const value = v.value.normalize('NFC').trim();
    const where = `${v.entityKind} ${v.entityId}: name variant`;
    if (value === '' || value.length > 200) throw new ValidationError([{ where, why: 'a variant needs 1–200 characters' }]);
    if (formKey(value) === '') throw new ValidationError([{ where, why: 'a variant needs at least one letter or digit' }]);
    if (!(await this.exists(v.entityKind, v.entityId))) throw new ValidationError([{ where, why: `no ${v.entityKind} "${v.entityId}"` }]);
    await this.variants.put({ ...v, value });
    await this.enqueue('index update', () => this.indexer.apply([{ entity: v.entityKind, id: v.entityId }], null));
  }

  async removeNameVariant(kind: AuthorityKind, id: string, value: string): Promise<void> {
    await this.variants.remove(kind, id, value.normalize('NFC').trim());
    await this.enqueue('index update', () => this.indexer.apply([{ entity: kind, id }], null));
  }

  private async exists(kind: AuthorityKind, id: string): Promise<boolean> {
    if (!ID.test(id)) return false;
    if (kind === 'person') return (await this.store.getPeople([id])).length === 1;
    if (kind === 'place') return (await this.store.getPlaces([id])).length === 1;
    return (await this.store.getInstitution(id)) !== null;
  }

  // ---- searching ------------------------------------------------------------------------------

  async search(request: SearchRequest, order: readonly Lang[]): Promise<SearchModel> {
    await this.settled();
    const query = parseQuery(request.q);
    const model: SearchModel = {
      request,
      query,
      outcome: 'empty-query',
      total: 0,
      pages: 0,
      hits: [],
      facets: emptyFacets(),
      years: { from: null, to: null },
      people: [],
      recordsOf: null,
      institutions: new Map((await this.store.listInstitutions()).map((i) => [i.id, i])),
      exhibitions: new Map(),
      chapters: new Map(),
      facetPeople: new Map(),
    };
    if (request.q.trim() === '') return model;
    model.people = await this.resolvePeople(request.q);
    if (query.clauses.length === 0 && model.people.length === 0) {
      model.outcome = 'no-terms';
      return model;
    }

    const offset = (request.page - 1) * request.perPage;
    let result =
      query.clauses.length > 0 ? await this.reader.search({ query, filters: request.filters, limit: request.perPage, offset }) : null;
    const first = model.people[0];
    if ((!result || result.total === 0) && first) {
      // Nothing contains these words, but they name a person: show that person's records.
      model.recordsOf = first.person;
      result = await this.reader.search({ query: null, filters: { ...request.filters, person: first.person.id }, limit: request.perPage, offset });
    }
    if (!result) return { ...model, outcome: 'no-results' };

    model.total = result.total;
    model.pages = Math.ceil(result.total / request.perPage);
    model.years = {
      from: result.dates.from ? Number(result.dates.from.slice(0, 4)) : null,
      to: result.dates.to ? Number(result.dates.to.slice(0, 4)) : null,
    };
    model.outcome = result.total === 0 ? 'no-results' : result.hits.length === 0 ? 'past-last-page' : 'results';
    model.hits = await this.hits(result.hits, query, order);

    for (const f of FACETS) {
      const selected = f === 'lang' ? request.filters.lang : f === 'decade' ? request.filters.decade?.toString() : request.filters[f];
      const values = result.facets[f].slice(0, f === 'person' ? FACET_LIMIT : 50).map((v) => ({ ...v, selected: v.value === selected }));
      if (selected !== undefined && !values.some((v) => v.selected)) values.unshift({ value: selected, count: 0, selected: true });
      model.facets[f] = values;
    }
    model.exhibitions = await this.indexer.source.exhibitionSummaries(model.facets.exhibition.map((v) => v.value));
    model.chapters = await this.indexer.source.chapterSummaries(
      model.facets.chapter.map((v) => v.value),
      false,
    );
    model.facetPeople = new Map((await this.store.getPeople(model.facets.person.map((v) => v.value))).map((p) => [p.id, p]));
    return model;
  }

  /** People a query names: the whole query first, then each word of it. */
  private async resolvePeople(q: string): Promise<ResolvedPerson[]> {
    const words = q.replace(/["“”„«»「」『』＂]/g, ' ').split(/\s+/).filter((w) => w !== '');
    const candidates = [words.join(' '), ...(words.length > 1 ? words : [])];
    const found: ResolvedName[] = [];
    for (const c of candidates) {
      const keys = nameKeys(c);
      if (keys.form === '' || /^\d+$/.test(keys.form)) continue;
      for (const r of await this.reader.resolveName(keys, ['person'])) if (!found.some((f) => f.id === r.id)) found.push(r);
      if (found.length) break;
    }
    const picked = found.slice(0, 3);
    const people = new Map((await this.store.getPeople(picked.map((f) => f.id))).map((p) => [p.id, p]));
    const counts = await this.reader.recordCounts(picked.map((f) => f.id));
    return picked.flatMap((f) => {
      const person = people.get(f.id);
      return person ? [{ person, label: f.label, how: f.how, recordCount: counts.get(f.id) ?? 0 }] : [];
    });
  }

  private async hits(hits: readonly IndexHit[], query: ParsedQuery, order: readonly Lang[]): Promise<SearchHit[]> {
    const ids = (kind: DocKind) => hits.filter((h) => h.kind === kind).map((h) => h.entityId);
    const items = new Map((await this.store.getItems(ids('item'))).filter((i) => i.state === 'published').map((i) => [i.id, i]));
    const people = new Map((await this.store.getPeople(ids('person'))).map((p) => [p.id, p]));
    const recordCounts = await this.reader.recordCounts(ids('person'));
    const chapters = await this.indexer.source.chapterSummaries(ids('chapter'));
    // Labels of linked entities, to say which name matched when the text did not.
    const personIds = new Set<string>([...items.values()].flatMap((i) => i.personIds));
    for (const id of people.keys()) personIds.add(id);
    const placeIds = new Set<string>([...items.values()].flatMap((i) => i.placeIds));
    const labels = new Map<string, string[]>();
    for (const [kind, list] of [
      ['person', personIds],
      ['place', placeIds],
    ] as const) {
      for (const l of await this.reader.labelsOf(kind, [...list])) {
        const key = `${kind} ${l.id}`;
        labels.set(key, [...(labels.get(key) ?? []), l.label]);
      }
    }
    const viaNames = (keys: string[]) => {
      const out: { label: string; segments: Segment[] }[] = [];
      for (const key of keys) {
        // The fullest form of a name says the most; its parts alone would repeat it.
        const own = [...(labels.get(key) ?? [])].sort((a, b) => b.length - a.length);
        for (const label of own) {
          const spans = matchSpans(label, query);
          if (spans.length && !out.some((o) => o.label.includes(label))) {
            out.push({ label, segments: segmentsOf(label, spans) });
            break;
          }
        }
      }
      return out.slice(0, 3);
    };

    const out: SearchHit[] = [];
    for (const h of hits) {
      const langs = quoteLangs(h.langs, order);
      const lang = langs[0] ?? order[0] ?? 'en';
      const base = { score: h.score, matchedLangs: h.langs };
      if (h.kind === 'item') {
        const item = items.get(h.entityId);
        if (!item) continue;
        const title = matched(resolveText(item.heading, order), item.id, lang, query);
        const snippet =
          snippetIn(langs, (l) => [item.caption[l]?.value, item.title[l]?.value, item.heading[l]?.value, item.referenceCode ?? undefined], query) ??
          plainSnippet(resolveText(item.caption, order));
        const textMatched = hasMark(title.segments) || (snippet !== null && snippet.excerpt.segments.some((s) => s.mark));
        const names = textMatched
          ? []
          : viaNames([...item.personIds.map((id) => `person ${id}`), ...item.placeIds.map((id) => `place ${id}`)]);
        out.push({ ...base, kind: 'item', item, title, snippet, viaNames: names });
      } else if (h.kind === 'chapter') {
        const c = chapters.get(h.entityId);
        if (!c || !c.exhibition.published) continue;
        const title = matched(resolveText(c.chapter.title, order), c.chapter.slug, lang, query);
        const texts = (l: Lang) => [
          c.chapter.intro[l]?.value,
          ...c.chapter.sections.flatMap((s) => [s.heading[l]?.value, s.intro[l]?.value]),
          c.exhibition.title[l]?.value,
        ];
        const snippet =
          snippetIn(langs, texts, query) ??
          plainSnippet(resolveText(c.chapter.intro, order));
        out.push({ ...base, kind: 'chapter', chapter: c.chapter, exhibition: c.exhibition, title, snippet, viaNames: [] });
      } else {
        const person = people.get(h.entityId);
        if (!person) continue;
        const name = displayPersonName(person, order);
        const title = matched(name, person.id, lang, query);
        const snippet = snippetIn(langs, (l) => [person.role[l]?.value], query) ?? plainSnippet(resolveText(person.role, order));
        const names = hasMark(title.segments) ? [] : viaNames([`person ${person.id}`]);
        out.push({
          ...base,
          kind: 'person',
          person,
          title,
          snippet,
          viaNames: names,
          recordCount: recordCounts.get(person.id) ?? 0,
        });
      }
    }
    return out;
  }

  // ---- suggestions ----------------------------------------------------------------------------

  /** Names starting with what was typed, in any script, for search-as-you-type. */
  async suggest(prefix: string, order: readonly Lang[], limit = 8): Promise<Suggestion[]> {
    const form = formKey(prefix.slice(0, QUERY_LIMITS.maxLength));
    const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(form);
    if ([...form].length < (cjk ? 1 : 2)) return [];
    const rows = await this.reader.suggestNames(form, latinKey(prefix), ['person', 'place', 'institution'], limit);
    // Names that start with the typed form come before those found by transliteration; shorter first.
    const ranked = rows
      .map((r) => ({ ...r, direct: formKey(r.label).startsWith(form) }))
      .sort((a, b) => Number(b.direct) - Number(a.direct) || [...a.label].length - [...b.label].length);
    const picked: typeof ranked = [];
    for (const r of ranked) {
      if (picked.length >= limit) break;
      if (!picked.some((p) => p.kind === r.kind && p.id === r.id)) picked.push(r);
    }
    const people = new Map((await this.store.getPeople(picked.filter((p) => p.kind === 'person').map((p) => p.id))).map((p) => [p.id, p]));
    const places = new Map((await this.store.getPlaces(picked.filter((p) => p.kind === 'place').map((p) => p.id))).map((p) => [p.id, p]));
    const institutions = new Map((await this.store.listInstitutions()).map((i) => [i.id, i]));
    const out: Suggestion[] = [];
    for (const p of picked) {
      let shown: ResolvedText | null = null;
      if (p.kind === 'person') {
        const person = people.get(p.id);
        shown = person ? displayPersonName(person, order) : null;
      } else if (p.kind === 'place') {
        shown = resolveText(places.get(p.id)?.name, order);
      } else {
        shown = resolveText(institutions.get(p.id)?.name, order);
      }
      if (!shown) continue;
      out.push({ kind: p.kind, id: p.id, label: shown.value, labelLang: shown.lang, matched: p.label === shown.value ? null : p.label });
    }
    return out;
  }
}
