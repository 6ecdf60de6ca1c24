// Workspace pages of the spreadsheet import and export: the upload and download forms, the
// dry-run report (row by row, cell by cell, dates shown back for confirmation) and the page of
// a running import.
import type { Job } from '../../import/jobs.ts';
import { describeIssue, type Issue } from '../../import/sheet/issues.ts';
import type { CellReport, ImportPlan } from '../../import/sheet/plan.ts';
import { Csrf, renderAdmin, type AdminView } from './layout.tsx';

export interface SheetHomeModel {
  exhibitions: { id: string; title: string; chapters: { id: string; title: string }[] }[];
  canPublish: boolean;
  issues: Issue[];
}

export function renderSheetHome(v: AdminView, m: SheetHomeModel): string {
  const t = v.ctx.t;
  return renderAdmin(
    v,
    t('sheet.title'),
    <>
      <p>{t('sheet.lead')}</p>
      <FileIssues v={v} issues={m.issues} />
      <section aria-labelledby="sheet-import">
        <h2 id="sheet-import">{t('sheet.import.heading')}</h2>
        <form method="post" action="/admin/sheet/check" enctype="multipart/form-data" class="stack narrow">
          <Csrf v={v} />
          <label>
            {t('sheet.import.file')}
            <input type="file" name="file" required accept=".csv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
          </label>
          <label>
            {t('sheet.import.sheetName')}
            <input name="sheet" maxLength={100} />
          </label>
          {m.canPublish ? (
            <label class="check">
              <input type="checkbox" name="publish" value="1" /> {t('sheet.import.publish')}
            </label>
          ) : null}
          <p class="hint">{t('sheet.import.checkHint')}</p>
          <button type="submit">{t('sheet.import.check')}</button>
        </form>
      </section>
      <section aria-labelledby="sheet-export">
        <h2 id="sheet-export">{t('sheet.export.heading')}</h2>
        {m.exhibitions.length === 0 ? (
          <p>{t('sheet.export.none')}</p>
        ) : (
          <form method="get" action="/admin/sheet/export" class="stack narrow">
            <label>
              {t('sheet.export.exhibition')}
              <select name="exhibition">
                {m.exhibitions.map((e) => (
                  <option value={e.id}>{e.title}</option>
                ))}
              </select>
            </label>
            <label>
              {t('sheet.export.chapter')}
              <select name="chapter">
                <option value="">{t('sheet.export.allChapters')}</option>
                {m.exhibitions.flatMap((e) =>
                  e.chapters.map((c) => (
                    <option value={c.id}>
                      {e.title} › {c.title}
                    </option>
                  )),
                )}
              </select>
            </label>
            <label>
              {t('sheet.export.format')}
              <select name="format">
                <option value="xlsx">XLSX</option>
                <option value="csv">CSV (UTF-8)</option>
              </select>
            </label>
            <button type="submit">{t('sheet.export.submit')}</button>
          </form>
        )}
      </section>
    </>,
  );
}

function FileIssues({ v, issues }: { v: AdminView; issues: Issue[] }) {
  if (!issues.length) return null;
  return (
    <div class="errors" role="alert">
      <p>
        <strong>{v.ctx.t('sheet.report.fileErrors')}</strong>
      </p>
      <ul>
        {issues.map((i) => (
          <li>{describeIssue(i, v.ctx.t)}</li>
        ))}
      </ul>
    </div>
  );
}

function Cell({ v, c, line }: { v: AdminView; c: CellReport; line: number }) {
  const t = v.ctx.t;
  return (
    <li class={`sheet-cell sheet-${c.action}`}>
      <code>
        {c.letter}
        {line} {c.header}
      </code>{' '}
      <strong>{t(`sheet.action.${c.action}`)}</strong>
      {c.action === 'error' ? (
        <>: {c.issues.map((i) => describeIssue(i, t)).join(' ')}</>
      ) : (
        <>
          : <del>{c.old ?? '∅'}</del> → <ins>{c.new ?? '∅'}</ins>
        </>
      )}
    </li>
  );
}

export function renderSheetReport(v: AdminView, m: { plan: ImportPlan; filename: string; format: string; token: string | null }): string {
  const t = v.ctx.t;
  const { plan } = m;
  const changes = plan.writes.items.length + plan.writes.exhibitions.length;
  return renderAdmin(
    v,
    t('sheet.report.title'),
    <>
      <p>{t('sheet.report.file', { name: m.filename, rows: plan.rows.length, format: m.format.toUpperCase() })}</p>
      <p>
        <strong>{t('sheet.report.summary', { ...plan.counts })}</strong>
      </p>
      <p>{t(plan.mode === 'publish' ? 'sheet.report.mode.publish' : 'sheet.report.mode.draft')}</p>
      {plan.counts.error > 0 ? (
        <div class="errors" role="alert">
          <p>{t('sheet.report.hasErrors')}</p>
        </div>
      ) : changes === 0 ? (
        <p role="status">{t('sheet.report.nothing')}</p>
      ) : m.token ? (
        <form method="post" action="/admin/sheet/apply" class="actions">
          <Csrf v={v} />
          <input type="hidden" name="token" value={m.token} />
          <button type="submit">{t('sheet.report.apply')}</button>
        </form>
      ) : null}
      <table class="list sheet-report">
        <thead>
          <tr>
            <th scope="col">{t('sheet.report.row')}</th>
            <th scope="col">{t('sheet.report.item')}</th>
            <th scope="col">{t('sheet.report.action')}</th>
            <th scope="col">{t('sheet.report.date')}</th>
            <th scope="col">{t('sheet.report.changes')}</th>
          </tr>
        </thead>
        <tbody>
          {plan.rows.map((r) => (
            <tr class={`sheet-${r.action}`}>
              <th scope="row">{r.line}</th>
              <td>
                <code>{r.itemId ?? '—'}</code>
              </td>
              <td>{t(`sheet.action.${r.action}`)}</td>
              <td>
                {r.date ? (
                  <>
                    {r.date.input === r.date.edtf ? null : <>{r.date.input} → </>}
                    <code>{r.date.edtf}</code>
                    <br />
                    {r.date.display[v.ctx.lang] ?? Object.values(r.date.display)[0]}
                  </>
                ) : null}
              </td>
              <td>
                <ul class="plain">
                  {r.issues.map((i) => (
                    <li class="sheet-error">
                      <strong>{t('sheet.action.error')}</strong>: {describeIssue(i, t)}
                    </li>
                  ))}
                  {r.cells
                    .filter((c) => c.action !== 'unchanged')
                    .map((c) => (
                      <Cell v={v} c={c} line={r.line} />
                    ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {plan.exhibitions.length ? (
        <>
          <h2>{t('sheet.report.exhibitions')}</h2>
          <ul>
            {plan.exhibitions.map((e) => (
              <li>
                <code>{e.id}</code>: {t(`sheet.action.${e.action}`)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <a href="/admin/sheet">{t('sheet.job.back')}</a>
      </p>
    </>,
  );
}

export function renderSheetJob(v: AdminView, job: Job): string {
  const t = v.ctx.t;
  const running = job.state === 'running';
  const plan = job.state === 'done' ? (job.result as ImportPlan | null) : null;
  const p = job.progress;
  const phaseKey = ['start', 'check', 'apply'].includes(p.phase) ? `sheet.job.phase.${p.phase}` : 'sheet.job.phase.start';
  return renderAdmin(
    v,
    t(running ? 'sheet.job.title' : 'sheet.job.titleDone'),
    <>
      <div id="sheet-job" data-status={`/admin/sheet/jobs/${job.id}/status`} data-state={job.state}>
        {running ? (
          <>
            {/* Without scripts the page reloads itself; with them, progress.js polls the status. */}
            <noscript>
              <meta http-equiv="refresh" content="3" />
            </noscript>
            <p role="status" aria-live="polite">
              <progress max={Math.max(1, p.total)} value={p.done} /> <span class="sheet-progress">{t('sheet.job.running', { phase: t(phaseKey), done: p.done, total: p.total })}</span>
            </p>
            <p class="hint">{t('sheet.job.refresh')}</p>
            <form method="post" action={`/admin/sheet/jobs/${job.id}/cancel`}>
              <Csrf v={v} />
              <button type="submit">{t('sheet.job.cancel')}</button>
            </form>
            <script src="/admin/sheet/progress.js" defer />
          </>
        ) : job.state === 'done' && plan ? (
          plan.counts.error > 0 ? (
            <div class="errors" role="alert">
              <p>{t('sheet.report.hasErrors')}</p>
            </div>
          ) : (
            <p role="status">
              {t('sheet.job.done', { ...plan.counts })} {plan.mode === 'draft' ? t('sheet.job.doneDrafts') : ''}
            </p>
          )
        ) : job.state === 'cancelled' ? (
          <p role="status">{t('sheet.job.cancelled')}</p>
        ) : (
          <div class="errors" role="alert">
            <p>{t('sheet.job.failed', { error: job.error ?? '' })}</p>
          </div>
        )}
      </div>
      <p class="hint">{t('sheet.job.sticky')}</p>
      <p>
        <a href="/admin/sheet">{t('sheet.job.back')}</a>
      </p>
    </>,
  );
}

/** Polls a running import's status and updates the page; reloads it once the import has ended. */
export const PROGRESS_SCRIPT = `(() => {
  const box = document.getElementById('sheet-job');
  if (!box || box.dataset.state !== 'running') return;
  const bar = box.querySelector('progress');
  const tick = async () => {
    try {
      const res = await fetch(box.dataset.status, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
      if (res.ok) {
        const s = await res.json();
        if (s.state !== 'running') { location.reload(); return; }
        if (bar) { bar.max = Math.max(1, s.progress.total); bar.value = s.progress.done; }
        const text = box.querySelector('.sheet-progress');
        if (text && s.text) text.textContent = s.text;
      }
    } catch { /* the next tick tries again */ }
    setTimeout(tick, 1000);
  };
  setTimeout(tick, 1000);
})();
`;
