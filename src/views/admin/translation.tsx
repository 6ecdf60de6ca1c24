// Translation workspace pages: the dashboard per language, the side-by-side editor, languages.
import type { DiffPart, TranslationState } from '../../domain/translation.ts';
import type { LanguageConfig, Lang } from '../../domain/types.ts';
import type { StateCounts, TranslationCounts, TranslationUnit, UnitKind } from '../../services/translation.ts';
import { UNIT_KINDS } from '../../services/translation.ts';
import { Csrf, Errors, renderAdmin, type AdminView } from './layout.tsx';

const COUNTED = ['missing', 'outdated', 'draft', 'reviewed'] as const;

export function editorUrl(lang: Lang, u: { entity: string; id: string; field: string }): string {
  return `/admin/translations/${encodeURIComponent(lang)}/${u.entity}/${encodeURIComponent(u.id)}/${u.field}`;
}

function langName(languages: readonly LanguageConfig[], tag: Lang): string {
  return languages.find((l) => l.tag === tag)?.name ?? tag;
}

function StateBadge({ v, state }: { v: AdminView; state: TranslationState }) {
  return <span class={`badge tr-state tr-${state}`}>{v.ctx.t(`tr.state.${state}`)}</span>;
}

/** The first words of a value, for lists. */
function excerpt(s: string | undefined, max = 80): string {
  if (!s) return '';
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function CountCells({ c }: { c: StateCounts }) {
  return (
    <>
      {COUNTED.map((k) => (
        <td class="num">{c[k]}</td>
      ))}
      <td class="num">{c.total}</td>
    </>
  );
}

function CountsTable({ v, caption, rows }: { v: AdminView; caption: string; rows: { label: string; counts: StateCounts }[] }) {
  const t = v.ctx.t;
  return (
    <table class="list tr-counts">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('tr.where')}</th>
          {COUNTED.map((k) => (
            <th scope="col">{t(`tr.state.${k}`)}</th>
          ))}
          <th scope="col">{t('tr.total')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <th scope="row">{r.label}</th>
            <CountCells c={r.counts} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface DashboardModel {
  /** Languages offered in the picker (every configured language but the source). */
  langs: LanguageConfig[];
  /** Languages this user translates (marked in the picker). */
  mine: Lang[];
  lang: Lang;
  exhibitions: { id: string; title: string }[];
  exhibitionId: string;
  sourceLang: Lang;
  counts: TranslationCounts;
  chapters: { id: string; title: string }[];
  work: TranslationUnit[];
  /** Labels of the entities on this page of the work list, by unit key prefix "entity/id". */
  labels: Map<string, string>;
  page: number;
  pages: number;
  totalWork: number;
  languages: readonly LanguageConfig[];
}

export function renderTranslationDashboard(v: AdminView, m: DashboardModel): string {
  const t = v.ctx.t;
  const qs = (over: Record<string, string>) => `/admin/translations?${new URLSearchParams({ lang: m.lang, exhibition: m.exhibitionId, ...over }).toString()}`;
  const chapterLabel = (id: string) => (id === '' ? t('tr.outsideChapters') : (m.chapters.find((c) => c.id === id)?.title ?? id));
  return renderAdmin(
    v,
    t('tr.dashboard.title'),
    <>
      <form method="get" action="/admin/translations" class="filters">
        <label>
          {t('tr.language')}
          <select name="lang">
            {m.langs.map((l) => (
              <option value={l.tag} selected={l.tag === m.lang} lang={l.tag}>
                {m.mine.includes(l.tag) ? `${l.name} (${l.tag}) ★` : `${l.name} (${l.tag})`}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('tr.exhibition')}
          <select name="exhibition">
            {m.exhibitions.map((e) => (
              <option value={e.id} selected={e.id === m.exhibitionId}>
                {e.title}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('tr.show')}</button>
      </form>
      <p class="hint">{t('tr.dashboard.intro', { source: langName(m.languages, m.sourceLang), lang: langName(m.languages, m.lang) })}</p>
      <CountsTable
        v={v}
        caption={t('tr.counts.byKind')}
        rows={[
          ...UNIT_KINDS.filter((k) => m.counts.byKind.has(k)).map((k: UnitKind) => ({ label: t(`tr.kind.${k}`), counts: m.counts.byKind.get(k) as StateCounts })),
          { label: t('tr.total'), counts: m.counts.total },
        ]}
      />
      <CountsTable v={v} caption={t('tr.counts.byChapter')} rows={[...m.counts.byChapter].map(([id, counts]) => ({ label: chapterLabel(id), counts }))} />
      <h2 id="work">{t('tr.work.title', { n: m.totalWork })}</h2>
      {m.work.length === 0 ? (
        <p class="muted">{t('tr.work.none')}</p>
      ) : (
        <table class="list tr-work">
          <thead>
            <tr>
              <th scope="col">{t('tr.work.value')}</th>
              <th scope="col">{t('tr.work.state')}</th>
              <th scope="col">{t('tr.work.source')}</th>
              <th scope="col">{t('tr.work.translation')}</th>
            </tr>
          </thead>
          <tbody>
            {m.work.map((u) => (
              <tr>
                <td>
                  <a href={editorUrl(m.lang, u)}>
                    {m.labels.get(`${u.entity}/${u.id}`) ?? u.id} — {t(`tr.field.${u.field}`)}
                  </a>
                  <br />
                  <span class="muted">
                    {t(`tr.entity.${u.entity}`)} · {chapterLabel(u.chapterId ?? '')}
                  </span>
                </td>
                <td>
                  <StateBadge v={v} state={u.state} />
                </td>
                <td lang={u.sourceLang}>{excerpt(u.source?.value)}</td>
                <td lang={u.lang}>{excerpt(u.translation?.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {m.pages > 1 ? (
        <nav class="pager" aria-label={t('tr.work.pages')}>
          {m.page > 1 ? <a href={`${qs({ page: String(m.page - 1) })}#work`}>{t('tr.work.prev')}</a> : null}{' '}
          <span>{t('tr.work.pageOf', { page: m.page, pages: m.pages })}</span>{' '}
          {m.page < m.pages ? <a href={`${qs({ page: String(m.page + 1) })}#work`}>{t('tr.work.next')}</a> : null}
        </nav>
      ) : null}
    </>,
  );
}

export interface EditorModel {
  unit: TranslationUnit;
  label: string;
  languages: readonly LanguageConfig[];
  /** For an outdated translation: the source then → now, word by word. */
  diff: DiffPart[] | null;
  author: string | null;
  canWrite: boolean;
  canReview: boolean;
  /** Items and exhibitions: saving makes a draft that a reviewer publishes. */
  drafted: boolean;
  saved: boolean;
  errors: { where: string; why: string }[];
  /** The next value needing work in the same exhibition, if any. */
  next: string | null;
}

export function renderTranslationEditor(v: AdminView, m: EditorModel): string {
  const t = v.ctx.t;
  const u = m.unit;
  const src = m.languages.find((l) => l.tag === u.sourceLang);
  const dst = m.languages.find((l) => l.tag === u.lang);
  const multiline = u.field === 'intro' || u.field === 'caption' || u.field === 'body';
  const action = editorUrl(u.lang, u);
  return renderAdmin(
    v,
    t('tr.editor.title', { what: m.label, field: t(`tr.field.${u.field}`) }),
    <>
      <p>
        <a href={`/admin/translations?${new URLSearchParams({ lang: u.lang, ...(u.exhibitionId ? { exhibition: u.exhibitionId } : {}) }).toString()}`}>{t('tr.editor.back')}</a>
        {m.next ? (
          <>
            {' · '}
            <a href={m.next}>{t('tr.editor.next')}</a>
          </>
        ) : null}
      </p>
      {m.saved ? (
        <p class="saved" role="status">
          {m.drafted ? t('tr.editor.savedDraft') : t('admin.saved')}
        </p>
      ) : null}
      <Errors v={v} errors={m.errors} />
      <p>
        {t('tr.editor.state')} <StateBadge v={v} state={u.state} />
        {m.author ? <span class="muted"> · {t('tr.editor.by', { name: m.author })}</span> : null}
      </p>
      <div class="grid2 tr-sides">
        <section aria-labelledby="tr-source-h">
          <h2 id="tr-source-h">{t('tr.editor.source', { lang: src?.name ?? u.sourceLang })}</h2>
          <div class="tr-text" lang={u.sourceLang} dir={src?.dir ?? 'ltr'}>
            {u.source ? (
              u.source.value
                .split(/\n\s*\n/)
                .filter((para) => para.trim() !== '')
                .map((para) => <p>{para}</p>)
            ) : (
              <p class="muted">{t('tr.editor.noSource')}</p>
            )}
          </div>
          {m.diff ? (
            <>
              <h3>{t('tr.editor.changed')}</h3>
              <p class="hint">{t('tr.editor.changedHint')}</p>
              <p class="tr-diff" lang={u.sourceLang} dir={src?.dir ?? 'ltr'}>
                {m.diff.map((d) => (d.op === 'same' ? d.text : d.op === 'add' ? <ins>{d.text}</ins> : <del>{d.text}</del>))}
              </p>
            </>
          ) : null}
        </section>
        <section aria-labelledby="tr-target-h">
          <h2 id="tr-target-h">{t('tr.editor.translation', { lang: dst?.name ?? u.lang })}</h2>
          <form method="post" action={action} class="stack">
            <Csrf v={v} />
            <label for="tr-value">{t('tr.editor.valueLabel', { lang: dst?.name ?? u.lang })}</label>
            {multiline ? (
              <textarea id="tr-value" name="value" rows={12} lang={u.lang} dir={dst?.dir ?? 'ltr'} disabled={!m.canWrite}>
                {u.translation?.value ?? ''}
              </textarea>
            ) : (
              <input id="tr-value" name="value" value={u.translation?.value ?? ''} lang={u.lang} dir={dst?.dir ?? 'ltr'} disabled={!m.canWrite} />
            )}
            {m.drafted ? <p class="hint">{t('tr.editor.draftHint')}</p> : null}
            <div class="actions">
              {m.canWrite ? (
                <button type="submit" name="action" value="save">
                  {t('tr.editor.save')}
                </button>
              ) : (
                <p class="muted">{t('tr.editor.readOnly')}</p>
              )}
            </div>
          </form>
          {m.canReview && u.translation && u.state !== 'reviewed' ? (
            <form method="post" action={action} class="stack">
              <Csrf v={v} />
              <input type="hidden" name="action" value="review" />
              <p class="hint">{u.state === 'outdated' ? t('tr.editor.reviewOutdatedHint') : t('tr.editor.reviewHint')}</p>
              <button type="submit">{t('tr.editor.markReviewed')}</button>
            </form>
          ) : null}
        </section>
      </div>
    </>,
  );
}

export interface LanguagesModel {
  languages: LanguageConfig[];
  positions: Map<string, number>;
  /** The language being edited, or null for the list with the "add" form. */
  editing: LanguageConfig | null;
  values: { tag: string; name: string; dir: string; fallback: string; position: string };
  errors: { where: string; why: string }[];
  saved: boolean;
}

function LanguageForm({ v, m }: { v: AdminView; m: LanguagesModel }) {
  const t = v.ctx.t;
  const action = m.editing ? `/admin/languages/${encodeURIComponent(m.editing.tag)}` : '/admin/languages';
  return (
    <form method="post" action={action} class="stack narrow">
      <Csrf v={v} />
      <label>
        {t('tr.lang.tag')}
        <input name="tag" value={m.values.tag} required maxLength={35} disabled={m.editing !== null} aria-describedby="tag-hint" />
      </label>
      <p class="hint" id="tag-hint">
        {t('tr.lang.tagHint')}
      </p>
      <label>
        {t('tr.lang.name')}
        <input name="name" value={m.values.name} required maxLength={100} />
      </label>
      <label>
        {t('tr.lang.dir')}
        <select name="dir">
          <option value="ltr" selected={m.values.dir !== 'rtl'}>
            {t('tr.lang.ltr')}
          </option>
          <option value="rtl" selected={m.values.dir === 'rtl'}>
            {t('tr.lang.rtl')}
          </option>
        </select>
      </label>
      <label>
        {t('tr.lang.fallback')}
        <input name="fallback" value={m.values.fallback} aria-describedby="fallback-hint" />
      </label>
      <p class="hint" id="fallback-hint">
        {t('tr.lang.fallbackHint', { tags: m.languages.map((l) => l.tag).join(', ') })}
      </p>
      <label>
        {t('tr.lang.position')}
        <input name="position" type="number" min={0} max={10000} value={m.values.position} />
      </label>
      <button type="submit">{m.editing ? t('tr.lang.save') : t('tr.lang.add')}</button>
    </form>
  );
}

export function renderLanguages(v: AdminView, m: LanguagesModel): string {
  const t = v.ctx.t;
  return renderAdmin(
    v,
    m.editing ? t('tr.lang.editTitle', { tag: m.editing.tag }) : t('tr.lang.title'),
    <>
      {m.saved ? (
        <p class="saved" role="status">
          {t('admin.saved')}
        </p>
      ) : null}
      <Errors v={v} errors={m.errors} />
      {m.editing ? (
        <p>
          <a href="/admin/languages">{t('tr.lang.back')}</a>
        </p>
      ) : (
        <table class="list">
          <thead>
            <tr>
              <th scope="col">{t('tr.lang.tag')}</th>
              <th scope="col">{t('tr.lang.name')}</th>
              <th scope="col">{t('tr.lang.dir')}</th>
              <th scope="col">{t('tr.lang.fallback')}</th>
              <th scope="col">{t('tr.lang.position')}</th>
            </tr>
          </thead>
          <tbody>
            {m.languages.map((l) => (
              <tr>
                <td>
                  <a href={`/admin/languages/${encodeURIComponent(l.tag)}`}>{l.tag}</a>
                </td>
                <td lang={l.tag} dir={l.dir}>
                  {l.name}
                </td>
                <td>{l.dir}</td>
                <td>{l.fallback.join(' → ')}</td>
                <td>{m.positions.get(l.tag) ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{m.editing ? t('tr.lang.editHeading') : t('tr.lang.addHeading')}</h2>
      <LanguageForm v={v} m={m} />
    </>,
  );
}
