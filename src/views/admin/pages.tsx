// Workspace pages: pure functions of (AdminView, model) → HTML.
import { formatEdtf } from '../../domain/edtf.ts';
import { thumbPath } from '../../media/placeholder.ts';
import { RIGHTS } from '../../domain/rights.ts';
import { showValue, type FieldChange } from '../../domain/revision-diff.ts';
import type { Exhibition, Institution, Item, LocalizedText, Person, Place, SitePage } from '../../domain/types.ts';
import type { AuditEntry, Revision, UserRecord } from '../../storage/index.ts';
import type { HistoryEntry, WorkingCopy } from '../../services/workflow.ts';
import { institutionName, personName, pickLabel, plain } from '../context.ts';
import { Csrf, Errors, renderAdmin, type AdminView } from './layout.tsx';

export interface FormError {
  where: string;
  why: string;
}

export function renderMessage(v: AdminView, title: string, message: string, status?: string): string {
  return renderAdmin(
    v,
    title,
    <>
      <p class="message">{message}</p>
      {status ? <p class="muted">{status}</p> : null}
      <p>
        <a href="/admin">{v.ctx.t('admin.backToDashboard')}</a>
      </p>
    </>,
  );
}

export function renderLogin(v: AdminView, opts: { email?: string; error?: string; next?: string }): string {
  const t = v.ctx.t;
  return renderAdmin(
    v,
    t('admin.signIn'),
    <form method="post" action="/admin/login" class="stack narrow">
      <Csrf v={v} />
      {opts.next ? <input type="hidden" name="next" value={opts.next} /> : null}
      {opts.error ? (
        <p class="errors" role="alert">
          {opts.error}
        </p>
      ) : null}
      <label>
        {t('admin.email')}
        <input type="email" name="email" autocomplete="username" required value={opts.email ?? ''} />
      </label>
      <label>
        {t('admin.password')}
        <input type="password" name="password" autocomplete="current-password" required />
      </label>
      <button type="submit">{t('admin.signIn')}</button>
    </form>,
  );
}

export function renderSetup(v: AdminView, opts: { email?: string; name?: string; errors?: FormError[] }): string {
  const t = v.ctx.t;
  return renderAdmin(
    v,
    t('admin.setup.title'),
    <>
      <p>{t('admin.setup.lead')}</p>
      <Errors v={v} errors={opts.errors ?? []} />
      <form method="post" action="/admin/setup" class="stack narrow">
        <Csrf v={v} />
        <label>
          {t('admin.name')}
          <input name="name" required value={opts.name ?? ''} />
        </label>
        <label>
          {t('admin.email')}
          <input type="email" name="email" autocomplete="username" required value={opts.email ?? ''} />
        </label>
        <label>
          {t('admin.password')}
          <input type="password" name="password" autocomplete="new-password" required minLength={10} />
        </label>
        <button type="submit">{t('admin.setup.create')}</button>
      </form>
    </>,
  );
}

function Saved({ v, saved }: { v: AdminView; saved: boolean | undefined }) {
  return saved ? (
    <p class="saved" role="status">
      {v.ctx.t('admin.saved')}
    </p>
  ) : null;
}

function StateBadge({ v, state }: { v: AdminView; state: string }) {
  return <span class={`badge state-${state}`}>{v.ctx.t(`admin.state.${state}`)}</span>;
}

export interface DashboardModel {
  mine: Revision[];
  queue: Revision[];
  titles: Map<string, string>;
}

function RevisionList({ v, revs, titles }: { v: AdminView; revs: Revision[]; titles: Map<string, string> }) {
  if (!revs.length) return <p class="muted">{v.ctx.t('admin.none')}</p>;
  return (
    <ul class="rev-list">
      {revs.map((r) => (
        <li>
          <a href={`/admin/${r.entity === 'item' ? 'items' : 'exhibitions'}/${r.entityId}`}>{titles.get(`${r.entity}:${r.entityId}`) ?? r.entityId}</a>{' '}
          <StateBadge v={v} state={r.state} /> <span class="muted">{r.createdAt.slice(0, 16).replace('T', ' ')}</span>
          {r.state === 'returned' && r.comment ? <p class="comment">{r.comment}</p> : null}
        </li>
      ))}
    </ul>
  );
}

export function renderDashboard(v: AdminView, m: DashboardModel): string {
  const t = v.ctx.t;
  return renderAdmin(
    v,
    t('admin.dashboard'),
    <>
      <h2>{t('admin.dashboard.mine')}</h2>
      <RevisionList v={v} revs={m.mine} titles={m.titles} />
      <h2>{t('admin.dashboard.queue')}</h2>
      <RevisionList v={v} revs={m.queue} titles={m.titles} />
    </>,
  );
}

export interface ItemRow {
  item: Item;
  open: Revision | null;
  editable: boolean;
}

export interface ItemsListModel {
  rows: ItemRow[];
  institutions: Map<string, Institution>;
  filter: { institution: string; state: string; q: string };
  page: number;
  pages: number;
  total: number;
  canCreate: boolean;
}

export function renderItemsList(v: AdminView, m: ItemsListModel): string {
  const t = v.ctx.t;
  const qs = (page: number) =>
    `?${new URLSearchParams({ ...m.filter, page: String(page) }).toString()}`;
  return renderAdmin(
    v,
    t('admin.nav.items'),
    <>
      <form method="get" action="/admin/items" class="filters">
        <label>
          {t('admin.filter.institution')}
          <select name="institution">
            <option value="">{t('admin.filter.all')}</option>
            {[...m.institutions.values()].map((i) => (
              <option value={i.id} selected={m.filter.institution === i.id}>
                {institutionName(v.ctx, i, m.institutions)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('admin.filter.state')}
          <select name="state">
            {['', 'published', 'unpublished', 'open', 'submitted'].map((s) => (
              <option value={s} selected={m.filter.state === s}>
                {s ? t(`admin.filter.state.${s}`) : t('admin.filter.all')}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('admin.filter.q')}
          <input name="q" value={m.filter.q} />
        </label>
        <button type="submit">{t('admin.filter.apply')}</button>
      </form>
      {m.canCreate ? (
        <p class="actions">
          <a class="button" href="/admin/items/new">
            {t('admin.items.new')}
          </a>
          <a class="button" href="/admin/items/import-iiif">
            {t('admin.import.title')}
          </a>
        </p>
      ) : null}
      <p class="muted">{t('admin.items.count', { count: m.total })}</p>
      <table class="list">
        <thead>
          <tr>
            <th scope="col">{t('admin.field.heading')}</th>
            <th scope="col">{t('item.holder')}</th>
            <th scope="col">{t('item.referenceCode')}</th>
            <th scope="col">{t('admin.filter.state')}</th>
          </tr>
        </thead>
        <tbody>
          {m.rows.map((r) => {
            const inst = m.institutions.get(r.item.institutionId);
            return (
              <tr>
                <td>
                  <a href={`/admin/items/${r.item.id}`}>{plain(v.ctx, r.item.heading, r.item.id)}</a>
                </td>
                <td>{inst ? plain(v.ctx, inst.name, inst.id) : r.item.institutionId}</td>
                <td class="refcode">{r.item.referenceCode ?? '—'}</td>
                <td>
                  <StateBadge v={v} state={r.item.state} /> {r.open ? <StateBadge v={v} state={r.open.state} /> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {m.pages > 1 ? (
        <nav class="pager" aria-label={t('admin.pages')}>
          {m.page > 1 ? <a href={qs(m.page - 1)}>← {t('item.previous')}</a> : <span />}
          <span>{t('admin.pageOf', { page: m.page, pages: m.pages })}</span>
          {m.page < m.pages ? <a href={qs(m.page + 1)}>{t('item.next')} →</a> : <span />}
        </nav>
      ) : null}
    </>,
  );
}

export interface ItemFormModel {
  item: Item;
  copy: WorkingCopy<Item> | null;
  isNew: boolean;
  institutions: Map<string, Institution>;
  people: Person[];
  places: Place[];
  errors: FormError[];
  /** Languages whose text this user may change (all for curators of the item's institution). */
  editableLangs: string[];
  /** Whether the non-text fields may change. */
  curate: boolean;
  saved?: boolean;
}

function LangColumns({ v, name, label, value, editable, multiline }: { v: AdminView; name: string; label: string; value: LocalizedText; editable: string[]; multiline?: boolean }) {
  return (
    <fieldset class="lang-columns">
      <legend>{label}</legend>
      {v.ctx.languages.map((l) => {
        const val = value[l.tag];
        const id = `${name}-${l.tag}`;
        const disabled = !editable.includes(l.tag);
        return (
          <div class="lang-col" lang={l.tag}>
            <label for={id}>
              {l.name} <span class="muted">({l.tag})</span>
            </label>
            {multiline ? (
              <textarea id={id} name={`${name}@${l.tag}`} rows={6} disabled={disabled}>
                {val?.value ?? ''}
              </textarea>
            ) : (
              <input id={id} name={`${name}@${l.tag}`} value={val?.value ?? ''} disabled={disabled} />
            )}
            <label class="status">
              <select name={`${name}@${l.tag}:status`} disabled={disabled} aria-label={`${label} ${l.tag}: ${v.ctx.t('admin.field.status')}`}>
                <option value="draft" selected={val?.status !== 'reviewed'}>
                  {v.ctx.t('admin.status.draft')}
                </option>
                <option value="reviewed" selected={val?.status === 'reviewed'}>
                  {v.ctx.t('admin.status.reviewed')}
                </option>
              </select>
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

export function renderItemForm(v: AdminView, m: ItemFormModel): string {
  const t = v.ctx.t;
  const { item } = m;
  const open = m.copy?.open ?? null;
  let dateReads = '';
  try {
    dateReads = item.date ? formatEdtf(item.date, v.ctx.lang) : '';
  } catch {
    dateReads = '';
  }
  const title = m.isNew ? t('admin.items.new') : plain(v.ctx, item.heading, item.id);
  return renderAdmin(
    v,
    title,
    <>
      {!m.isNew ? (
        <p class="item-state">
          {t('admin.live')}: <StateBadge v={v} state={m.copy?.live ? m.copy.live.state : 'none'} />
          {open ? (
            <>
              {' '}
              · {t('admin.openRevision', { rev: open.rev })}: <StateBadge v={v} state={open.state} />
            </>
          ) : null}
          {' · '}
          <a href={`/admin/items/${item.id}/preview`}>{t('admin.preview')}</a>
          {' · '}
          <a href={`/admin/items/${item.id}/history`}>{t('admin.history')}</a>
          {m.copy?.live?.state === 'published' ? (
            <>
              {' · '}
              <a href={`/${v.ctx.lang}/items/${item.id}`}>{t('admin.viewLive')}</a>
            </>
          ) : null}
        </p>
      ) : null}
      {open?.state === 'returned' && open.comment ? (
        <p class="comment" role="status">
          {t('admin.returnedWith')} {open.comment}
        </p>
      ) : null}
      <Saved v={v} saved={m.saved} />
      <Errors v={v} errors={m.errors} />
      <form method="post" action={m.isNew ? '/admin/items/new' : `/admin/items/${item.id}`} class="stack item-form">
        <Csrf v={v} />
        {m.isNew ? (
          <label>
            {t('admin.field.id')}
            <input name="id" required pattern="[a-z0-9][a-z0-9\-]{0,79}" value={item.id} />
            <span class="hint">{t('admin.field.idHint')}</span>
          </label>
        ) : null}
        <LangColumns v={v} name="heading" label={t('admin.field.heading')} value={item.heading} editable={m.editableLangs} />
        <LangColumns v={v} name="title" label={t('item.archivalTitle')} value={item.title} editable={m.editableLangs} />
        <LangColumns v={v} name="caption" label={t('admin.field.caption')} value={item.caption} editable={m.editableLangs} multiline />
        <fieldset class="grid2" disabled={!m.curate}>
          <legend>{t('item.details')}</legend>
          <label>
            {t('item.holder')}
            <select name="institutionId">
              {[...m.institutions.values()].map((i) => (
                <option value={i.id} selected={i.id === item.institutionId}>
                  {institutionName(v.ctx, i, m.institutions)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('item.referenceCode')}
            <input name="referenceCode" value={item.referenceCode ?? ''} />
            <span class="hint">{t('admin.field.referenceCodeHint')}</span>
          </label>
          <label>
            {t('item.date')} (EDTF)
            <input name="date" value={item.date ?? ''} placeholder="1972-02-19, 1971-09-10/1971-09-15, 1977~" />
            {dateReads ? <span class="hint">{t('admin.field.dateReads', { date: dateReads })}</span> : null}
          </label>
          <label>
            {t('item.mediaType')}
            <select name="mediaType">
              {(['document', 'photograph', 'film', 'sound'] as const).map((mt) => (
                <option value={mt} selected={mt === item.mediaType}>
                  {t(`mediaType.${mt}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('item.rights')}
            <select name="rights">
              {RIGHTS.map((r) => (
                <option value={r.uri} selected={r.uri === item.rights}>
                  {pickLabel(v.ctx, r.label)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('item.people')}
            <select name="personIds" multiple size={6}>
              {m.people.map((p) => (
                <option value={p.id} selected={item.personIds.includes(p.id)}>
                  {personName(v.ctx, p).value}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('item.places')}
            <select name="placeIds" multiple size={6}>
              {m.places.map((p) => (
                <option value={p.id} selected={item.placeIds.includes(p.id)}>
                  {plain(v.ctx, p.name, p.id)}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <div class="actions">
          <button type="submit" name="action" value="save">
            {t('admin.saveDraft')}
          </button>
          <button type="submit" name="action" value="submit">
            {t('admin.saveAndSubmit')}
          </button>
        </div>
      </form>
      {!m.isNew ? <MediaSection v={v} item={item} curate={m.curate} /> : null}
      {!m.isNew && m.copy?.live?.state === 'published' ? (
        <form method="post" action={`/admin/items/${item.id}/unpublish`} class="danger">
          <Csrf v={v} />
          <button type="submit">{t('admin.unpublish')}</button>
        </form>
      ) : null}
    </>,
  );
}

function MediaSection({ v, item, curate }: { v: AdminView; item: Item; curate: boolean }) {
  const t = v.ctx.t;
  return (
    <section class="media-admin" aria-labelledby="media-h">
      <h2 id="media-h">{t('admin.media.title')}</h2>
      <ul class="media-list">
        {item.media.map((m) => (
          <li>
            {m.kind === 'image' && m.path ? <img src={`/media/${thumbPath(m.path)}`} alt="" width={120} /> : <span class="badge">{m.kind}</span>}
            <span>
              {m.mime} {m.width && m.height ? `${m.width}×${m.height}` : ''} {m.placeholder ? <span class="badge">{t('admin.media.placeholder')}</span> : null}
              {m.captions?.length ? <span class="muted"> · {t('admin.media.captions')}: {m.captions.map((c) => c.lang).join(', ')}</span> : null}
            </span>
            {curate ? (
              <form method="post" action={`/admin/items/${item.id}/media/${m.id}/remove`}>
                <Csrf v={v} />
                <button type="submit">{t('admin.media.remove')}</button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      {curate ? (
        <form method="post" action={`/admin/items/${item.id}/media`} enctype="multipart/form-data" class="stack narrow">
          <Csrf v={v} />
          <label>
            {t('admin.media.file')}
            <input type="file" name="file" required accept="image/jpeg,image/png,image/tiff,image/webp,video/mp4,video/webm,audio/mpeg" />
            <span class="hint">{t('admin.media.hint')}</span>
          </label>
          <label>
            {t('admin.media.role')}
            <select name="role">
              <option value="primary">{t('admin.media.role.primary')}</option>
              <option value="poster">{t('admin.media.role.poster')}</option>
            </select>
          </label>
          <label>
            {t('admin.media.alt')}
            <input name="alt" />
          </label>
          <label>
            {t('admin.media.captions')} (WebVTT)
            <input type="file" name="captions" accept="text/vtt,.vtt" />
          </label>
          <label>
            {t('admin.media.captionsLang')}
            <select name="captionsLang">
              {v.ctx.languages.map((l) => (
                <option value={l.tag}>{l.name}</option>
              ))}
            </select>
          </label>
          <button type="submit">{t('admin.media.upload')}</button>
        </form>
      ) : null}
    </section>
  );
}

function Diff({ v, changes }: { v: AdminView; changes: FieldChange[] }) {
  if (!changes.length) return <p class="muted">{v.ctx.t('admin.noChanges')}</p>;
  return (
    <table class="diff">
      <thead>
        <tr>
          <th scope="col">{v.ctx.t('admin.diff.field')}</th>
          <th scope="col">{v.ctx.t('admin.diff.before')}</th>
          <th scope="col">{v.ctx.t('admin.diff.after')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr>
            <th scope="row">
              <code>{c.path}</code>
            </th>
            <td class="before">
              <del>{showValue(c.before)}</del>
            </td>
            <td class="after">
              <ins>{showValue(c.after)}</ins>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function renderHistory(v: AdminView, m: { title: string; entries: HistoryEntry[]; users: Map<string, string>; base: string; canRestore: boolean }): string {
  const t = v.ctx.t;
  return renderAdmin(
    v,
    t('admin.historyOf', { title: m.title }),
    <>
      <p>
        <a href={m.base}>← {m.title}</a>
      </p>
      {m.entries.map((e) => (
        <section class="revision" aria-labelledby={`rev-${e.revision.rev}`}>
          <h2 id={`rev-${e.revision.rev}`}>
            {t('admin.revision', { rev: e.revision.rev })} <StateBadge v={v} state={e.revision.state} />
          </h2>
          <p class="muted">
            {e.revision.createdAt.replace('T', ' ').slice(0, 19)} · {m.users.get(e.revision.authorId ?? '') ?? '—'}
            {e.revision.reviewerId ? <> · {t('admin.reviewedBy', { name: m.users.get(e.revision.reviewerId) ?? '—' })}</> : null}
          </p>
          {e.revision.comment ? <p class="comment">{e.revision.comment}</p> : null}
          <Diff v={v} changes={e.changes} />
          {m.canRestore ? (
            <form method="post" action={`/admin/revisions/${e.revision.id}/restore`}>
              <Csrf v={v} />
              <button type="submit">{t('admin.restore')}</button>
            </form>
          ) : null}
        </section>
      ))}
    </>,
  );
}

export function renderReview(v: AdminView, m: { entries: { revision: Revision; title: string; changes: FieldChange[]; author: string }[] }): string {
  const t = v.ctx.t;
  return renderAdmin(
    v,
    t('admin.nav.review'),
    <>
      {m.entries.length === 0 ? <p class="muted">{t('admin.review.empty')}</p> : null}
      {m.entries.map((e) => (
        <section class="revision" aria-labelledby={`sub-${e.revision.id}`}>
          <h2 id={`sub-${e.revision.id}`}>
            <a href={`/admin/${e.revision.entity === 'item' ? 'items' : 'exhibitions'}/${e.revision.entityId}`}>{e.title}</a>
          </h2>
          <p class="muted">
            {t('admin.revision', { rev: e.revision.rev })} · {e.author} · {e.revision.createdAt.replace('T', ' ').slice(0, 16)} ·{' '}
            <a href={`/admin/${e.revision.entity === 'item' ? 'items' : 'exhibitions'}/${e.revision.entityId}/preview`}>{t('admin.preview')}</a>
          </p>
          <Diff v={v} changes={e.changes} />
          <div class="review-actions">
            <form method="post" action={`/admin/revisions/${e.revision.id}/approve`}>
              <Csrf v={v} />
              <button type="submit" class="approve">
                {t('admin.approve')}
              </button>
            </form>
            <form method="post" action={`/admin/revisions/${e.revision.id}/return`} class="return">
              <Csrf v={v} />
              <label>
                {t('admin.returnComment')}
                <input name="comment" required />
              </label>
              <button type="submit">{t('admin.return')}</button>
            </form>
          </div>
        </section>
      ))}
    </>,
  );
}

export function renderExhibitionsList(v: AdminView, m: { rows: { ex: Exhibition; open: Revision | null; editable: boolean }[] }): string {
  const t = v.ctx.t;
  return renderAdmin(
    v,
    t('admin.nav.exhibitions'),
    <ul class="rev-list">
      {m.rows.map((r) => (
        <li>
          <a href={`/admin/exhibitions/${r.ex.id}`}>{plain(v.ctx, r.ex.title, r.ex.id)}</a> <StateBadge v={v} state={r.ex.state} />
          {r.open ? <StateBadge v={v} state={r.open.state} /> : null}
        </li>
      ))}
    </ul>,
  );
}

export function renderExhibitionForm(
  v: AdminView,
  m: { copy: WorkingCopy<Exhibition>; items: Map<string, Item>; errors: FormError[]; editableLangs: string[]; curate: boolean; saved?: boolean },
): string {
  const t = v.ctx.t;
  const ex = m.copy.current;
  const open = m.copy.open;
  return renderAdmin(
    v,
    plain(v.ctx, ex.title, ex.id),
    <>
      <p class="item-state">
        {t('admin.live')}: <StateBadge v={v} state={m.copy.live ? m.copy.live.state : 'none'} />
        {open ? (
          <>
            {' '}
            · {t('admin.openRevision', { rev: open.rev })}: <StateBadge v={v} state={open.state} />
          </>
        ) : null}
        {' · '}
        <a href={`/admin/exhibitions/${ex.id}/history`}>{t('admin.history')}</a>
        {ex.chapters.map((c) => (
          <>
            {' · '}
            <a href={`/admin/exhibitions/${ex.id}/preview/${c.slug}`}>
              {t('admin.preview')}: {plain(v.ctx, c.title, c.slug)}
            </a>
          </>
        ))}
      </p>
      {open?.state === 'returned' && open.comment ? (
        <p class="comment" role="status">
          {t('admin.returnedWith')} {open.comment}
        </p>
      ) : null}
      <Saved v={v} saved={m.saved} />
      <Errors v={v} errors={m.errors} />
      <form method="post" action={`/admin/exhibitions/${ex.id}`} class="stack">
        <Csrf v={v} />
        <LangColumns v={v} name="title" label={t('admin.field.title')} value={ex.title} editable={m.editableLangs} />
        <LangColumns v={v} name="subtitle" label={t('admin.field.subtitle')} value={ex.subtitle} editable={m.editableLangs} />
        <LangColumns v={v} name="intro" label={t('admin.field.intro')} value={ex.intro} editable={m.editableLangs} multiline />
        {ex.chapters.map((c) => (
          <fieldset class="chapter-edit">
            <legend>{plain(v.ctx, c.title, c.slug)}</legend>
            <LangColumns v={v} name={`chapter.${c.id}.title`} label={t('admin.field.title')} value={c.title} editable={m.editableLangs} />
            <LangColumns v={v} name={`chapter.${c.id}.intro`} label={t('admin.field.intro')} value={c.intro} editable={m.editableLangs} multiline />
            {c.sections.map((s) => (
              <fieldset class="section-edit">
                <legend>{plain(v.ctx, s.heading, s.id)}</legend>
                <LangColumns v={v} name={`section.${s.id}.heading`} label={t('admin.field.heading')} value={s.heading} editable={m.editableLangs} />
                <ol class="order" data-reorder={m.curate ? 'true' : undefined}>
                  {s.itemIds.map((id, i) => (
                    <li draggable={m.curate}>
                      <input type="hidden" name={`section.${s.id}.items`} value={id} />
                      <span class="order-label">{plain(v.ctx, m.items.get(id)?.heading, id)}</span>
                      {m.curate ? (
                        <span class="order-buttons">
                          <button type="submit" name="move" value={`${s.id}:${i}:up`} disabled={i === 0} aria-label={t('admin.moveUp', { item: plain(v.ctx, m.items.get(id)?.heading, id) })}>
                            ↑
                          </button>
                          <button
                            type="submit"
                            name="move"
                            value={`${s.id}:${i}:down`}
                            disabled={i === s.itemIds.length - 1}
                            aria-label={t('admin.moveDown', { item: plain(v.ctx, m.items.get(id)?.heading, id) })}
                          >
                            ↓
                          </button>
                        </span>
                      ) : null}
                    </li>
                  ))}
                </ol>
              </fieldset>
            ))}
          </fieldset>
        ))}
        <div class="actions">
          <button type="submit" name="action" value="save">
            {t('admin.saveDraft')}
          </button>
          <button type="submit" name="action" value="submit">
            {t('admin.saveAndSubmit')}
          </button>
        </div>
      </form>
    </>,
  );
}

export function renderPeopleList(v: AdminView, m: { people: Person[]; places: Place[] }): string {
  const t = v.ctx.t;
  return renderAdmin(
    v,
    t('admin.nav.people'),
    <>
      <h2>{t('item.people')}</h2>
      <ul class="rev-list">
        {m.people.map((p) => (
          <li>
            <a href={`/admin/people/${p.id}`}>{personName(v.ctx, p).value}</a> <span class="muted">{p.id}</span>
          </li>
        ))}
      </ul>
      <h2>{t('item.places')}</h2>
      <ul class="rev-list">
        {m.places.map((p) => (
          <li>
            <a href={`/admin/places/${p.id}`}>{plain(v.ctx, p.name, p.id)}</a> <span class="muted">{p.id}</span>
          </li>
        ))}
      </ul>
    </>,
  );
}

export function renderPersonForm(v: AdminView, m: { person: Person; errors: FormError[]; saved?: boolean }): string {
  const t = v.ctx.t;
  const p = m.person;
  return renderAdmin(
    v,
    personName(v.ctx, p).value,
    <>
      <Saved v={v} saved={m.saved} />
      <Errors v={v} errors={m.errors} />
      <form method="post" action={`/admin/people/${p.id}`} class="stack">
        <Csrf v={v} />
        <label>
          {t('admin.field.culture')}
          <select name="culture">
            {(['japanese', 'mongolian', 'western'] as const).map((c) => (
              <option value={c} selected={p.culture === c}>
                {t(`admin.culture.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <table class="list names">
          <thead>
            <tr>
              <th scope="col">{t('admin.field.language')}</th>
              <th scope="col">{t('admin.field.family')}</th>
              <th scope="col">{t('admin.field.given')}</th>
              <th scope="col">{t('admin.field.patronymic')}</th>
              <th scope="col">{t('admin.field.patronymicInitial')}</th>
              <th scope="col">{t('admin.field.status')}</th>
            </tr>
          </thead>
          <tbody>
            {v.ctx.languages.map((l) => {
              const n = p.names[l.tag];
              return (
                <tr lang={l.tag}>
                  <th scope="row">{l.name}</th>
                  {(['family', 'given', 'patronymic', 'patronymicInitial'] as const).map((f) => (
                    <td>
                      <input name={`name@${l.tag}.${f}`} value={n?.[f] ?? ''} aria-label={`${l.name} ${t(`admin.field.${f}`)}`} />
                    </td>
                  ))}
                  <td>
                    <select name={`name@${l.tag}:status`} aria-label={`${l.name} ${t('admin.field.status')}`}>
                      <option value="draft" selected={n?.status !== 'reviewed'}>
                        {t('admin.status.draft')}
                      </option>
                      <option value="reviewed" selected={n?.status === 'reviewed'}>
                        {t('admin.status.reviewed')}
                      </option>
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <LangColumns v={v} name="role" label={t('admin.field.role')} value={p.role} editable={v.ctx.languages.map((l) => l.tag)} />
        <div class="actions">
          <button type="submit">{t('admin.save')}</button>
        </div>
      </form>
    </>,
  );
}

export function renderUsers(v: AdminView, m: { users: UserRecord[]; institutions: Map<string, Institution>; errors: FormError[] }): string {
  const t = v.ctx.t;
  return renderAdmin(
    v,
    t('admin.nav.users'),
    <>
      <table class="list">
        <thead>
          <tr>
            <th scope="col">{t('admin.name')}</th>
            <th scope="col">{t('admin.email')}</th>
            <th scope="col">{t('admin.roles')}</th>
          </tr>
        </thead>
        <tbody>
          {m.users.map((u) => (
            <tr>
              <td>
                <a href={`/admin/users/${u.id}`}>{u.name}</a>
                {u.disabled ? <span class="badge">{t('admin.disabled')}</span> : null}
              </td>
              <td>{u.email}</td>
              <td>
                {[u.isAdmin ? t('admin.role.admin') : '', ...u.roles.map((r) => `${t(`admin.role.${r.role}`)}${r.scope ? ` (${r.scope})` : ''}`)]
                  .filter(Boolean)
                  .join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('admin.users.add')}</h2>
      <Errors v={v} errors={m.errors} />
      <form method="post" action="/admin/users" class="stack narrow">
        <Csrf v={v} />
        <label>
          {t('admin.name')}
          <input name="name" required />
        </label>
        <label>
          {t('admin.email')}
          <input type="email" name="email" required />
        </label>
        <label>
          {t('admin.password')}
          <input type="password" name="password" autocomplete="new-password" required minLength={10} />
        </label>
        <RoleFields v={v} institutions={m.institutions} user={null} />
        <button type="submit">{t('admin.users.add')}</button>
      </form>
    </>,
  );
}

function RoleFields({ v, institutions, user }: { v: AdminView; institutions: Map<string, Institution>; user: UserRecord | null }) {
  const t = v.ctx.t;
  const has = (role: string, scope: string) => user?.roles.some((r) => r.role === role && r.scope === scope) ?? false;
  return (
    <fieldset>
      <legend>{t('admin.roles')}</legend>
      <label class="check">
        <input type="checkbox" name="admin" value="1" checked={user?.isAdmin ?? false} /> {t('admin.role.admin')}
      </label>
      <label class="check">
        <input type="checkbox" name="role" value="reviewer:" checked={has('reviewer', '')} /> {t('admin.role.reviewer')}
      </label>
      <label class="check">
        <input type="checkbox" name="role" value="viewer:" checked={has('viewer', '')} /> {t('admin.role.viewer')}
      </label>
      <p>{t('admin.role.curator')}</p>
      {[...institutions.values()].map((i) => (
        <label class="check">
          <input type="checkbox" name="role" value={`curator:${i.id}`} checked={has('curator', i.id)} /> {institutionName(v.ctx, i, institutions)}
        </label>
      ))}
      <p>{t('admin.role.translator')}</p>
      {v.ctx.languages.map((l) => (
        <label class="check">
          <input type="checkbox" name="role" value={`translator:${l.tag}`} checked={has('translator', l.tag)} /> {l.name}
        </label>
      ))}
    </fieldset>
  );
}

export function renderUserForm(v: AdminView, m: { user: UserRecord; institutions: Map<string, Institution>; errors: FormError[]; saved?: boolean }): string {
  const t = v.ctx.t;
  return renderAdmin(
    v,
    m.user.name,
    <>
      <p>{m.user.email}</p>
      <Saved v={v} saved={m.saved} />
      <Errors v={v} errors={m.errors} />
      <form method="post" action={`/admin/users/${m.user.id}`} class="stack narrow">
        <Csrf v={v} />
        <RoleFields v={v} institutions={m.institutions} user={m.user} />
        <label class="check">
          <input type="checkbox" name="disabled" value="1" checked={m.user.disabled} /> {t('admin.disabled')}
        </label>
        <button type="submit">{t('admin.save')}</button>
      </form>
    </>,
  );
}

export function renderAudit(v: AdminView, m: { entries: AuditEntry[]; users: Map<string, string>; page: number; more: boolean }): string {
  const t = v.ctx.t;
  return renderAdmin(
    v,
    t('admin.nav.audit'),
    <>
      <table class="list">
        <thead>
          <tr>
            <th scope="col">{t('admin.audit.at')}</th>
            <th scope="col">{t('admin.audit.who')}</th>
            <th scope="col">{t('admin.audit.action')}</th>
            <th scope="col">{t('admin.audit.detail')}</th>
            <th scope="col">{t('admin.audit.address')}</th>
          </tr>
        </thead>
        <tbody>
          {m.entries.map((e) => (
            <tr>
              <td>{e.at.replace('T', ' ').slice(0, 19)}</td>
              <td>{m.users.get(e.userId ?? '') ?? '—'}</td>
              <td>{e.action}</td>
              <td>
                <code>{JSON.stringify(e.detail)}</code>
              </td>
              <td>{e.address ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav class="pager" aria-label={t('admin.pages')}>
        {m.page > 1 ? <a href={`/admin/audit?page=${m.page - 1}`}>← {t('item.previous')}</a> : <span />}
        {m.more ? <a href={`/admin/audit?page=${m.page + 1}`}>{t('item.next')} →</a> : <span />}
      </nav>
    </>,
  );
}

export function renderPlaceForm(v: AdminView, m: { place: Place; saved?: boolean }): string {
  const t = v.ctx.t;
  const all = v.ctx.languages.map((l) => l.tag);
  return renderAdmin(
    v,
    plain(v.ctx, m.place.name, m.place.id),
    <>
      <Saved v={v} saved={m.saved} />
      <form method="post" action={`/admin/places/${m.place.id}`} class="stack">
        <Csrf v={v} />
        <LangColumns v={v} name="name" label={t('admin.name')} value={m.place.name} editable={all} />
        <div class="actions">
          <button type="submit">{t('admin.save')}</button>
        </div>
      </form>
    </>,
  );
}

export function renderInstitutionsAdmin(v: AdminView, m: { institutions: Map<string, Institution> }): string {
  return renderAdmin(
    v,
    v.ctx.t('admin.nav.institutions'),
    <ul class="rev-list">
      {[...m.institutions.values()].map((i) => (
        <li>
          <a href={`/admin/institutions/${i.id}`}>{institutionName(v.ctx, i, m.institutions)}</a> <span class="muted">{i.id}</span>
        </li>
      ))}
    </ul>,
  );
}

export function renderInstitutionForm(
  v: AdminView,
  m: { inst: Institution; institutions: Map<string, Institution>; schemes: { id: string; label: Record<string, string> & { en: string }; example: string }[]; errors: FormError[]; saved?: boolean },
): string {
  const t = v.ctx.t;
  const all = v.ctx.languages.map((l) => l.tag);
  const i = m.inst;
  return renderAdmin(
    v,
    institutionName(v.ctx, i, m.institutions),
    <>
      <Saved v={v} saved={m.saved} />
      <Errors v={v} errors={m.errors} />
      <form method="post" action={`/admin/institutions/${i.id}`} class="stack">
        <Csrf v={v} />
        <LangColumns v={v} name="name" label={t('admin.name')} value={i.name} editable={all} />
        <fieldset class="grid2">
          <legend>{t('item.details')}</legend>
          <label>
            {t('institution.partOf')}
            <select name="parentId">
              <option value="">—</option>
              {[...m.institutions.values()]
                .filter((x) => x.id !== i.id)
                .map((x) => (
                  <option value={x.id} selected={x.id === i.parentId}>
                    {institutionName(v.ctx, x, m.institutions)}
                  </option>
                ))}
            </select>
          </label>
          <label>
            {t('item.scheme')}
            <select name="scheme">
              {m.schemes.map((s) => (
                <option value={s.id} selected={s.id === i.scheme}>
                  {pickLabel(v.ctx, s.label)} — {s.example}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('institution.homepage')}
            <input name="homepage" type="url" value={i.homepage ?? ''} />
          </label>
          <label>
            {t('admin.field.country')}
            <input name="country" value={i.country ?? ''} maxLength={2} />
          </label>
        </fieldset>
        <div class="actions">
          <button type="submit">{t('admin.save')}</button>
        </div>
      </form>
    </>,
  );
}

export function renderTermsForm(v: AdminView, m: { page: SitePage; saved?: boolean }): string {
  const t = v.ctx.t;
  const all = v.ctx.languages.map((l) => l.tag);
  return renderAdmin(
    v,
    t('nav.terms'),
    <>
      <Saved v={v} saved={m.saved} />
      <form method="post" action="/admin/terms" class="stack">
        <Csrf v={v} />
        <LangColumns v={v} name="title" label={t('admin.field.title')} value={m.page.title} editable={all} />
        <LangColumns v={v} name="body" label={t('admin.field.body')} value={m.page.body} editable={all} multiline />
        <div class="actions">
          <button type="submit">{t('admin.save')}</button>
        </div>
      </form>
    </>,
  );
}

export function renderImportIiif(
  v: AdminView,
  m: { institutions: Map<string, Institution>; values: { url: string; id: string; institution: string; referenceCode: string }; errors: FormError[]; notes: string[] },
): string {
  const t = v.ctx.t;
  return renderAdmin(
    v,
    t('admin.import.title'),
    <>
      <p>{t('admin.import.lead')}</p>
      <Errors v={v} errors={m.errors} />
      <form method="post" action="/admin/items/import-iiif" enctype="multipart/form-data" class="stack narrow">
        <Csrf v={v} />
        <label>
          {t('admin.import.url')}
          <input type="url" name="url" value={m.values.url} placeholder="https://…/manifest.json" />
        </label>
        <label>
          {t('admin.import.file')}
          <input type="file" name="file" accept="application/json,application/ld+json,.json" />
        </label>
        <label>
          {t('admin.field.id')}
          <input name="id" required pattern="[a-z0-9][a-z0-9\-]{0,79}" value={m.values.id} />
        </label>
        <label>
          {t('item.holder')}
          <select name="institution">
            {[...m.institutions.values()].map((i) => (
              <option value={i.id} selected={i.id === m.values.institution}>
                {institutionName(v.ctx, i, m.institutions)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('item.referenceCode')}
          <input name="referenceCode" value={m.values.referenceCode} />
          <span class="hint">{t('admin.import.codeHint')}</span>
        </label>
        <button type="submit">{t('admin.import.submit')}</button>
      </form>
    </>,
  );
}
