// The EAD import pages of the workspace: upload, the live status of a dry run or an import,
// the report, and the confirmation that starts the import.
import type { Institution } from '../../domain/types.ts';
import type { EadImportReport } from '../../import/ead/import.ts';
import type { Job } from '../../import/jobs.ts';
import { institutionName } from '../context.ts';
import { Csrf, Errors, renderAdmin, type AdminView } from './layout.tsx';

export interface EadJobResult {
  report: EadImportReport;
  /** Confirms a dry run: the upload kept for the import (null once used, or for the import itself). */
  token: string | null;
  institutionId: string;
  filename: string;
}

export function renderEadHome(
  v: AdminView,
  m: { institutions: Map<string, Institution>; institution: string; errors: { where: string; why: string }[] },
): string {
  const t = v.ctx.t;
  return renderAdmin(
    v,
    t('ead.home.title'),
    <>
      <p>{t('ead.home.lead')}</p>
      <Errors v={v} errors={m.errors} />
      <form method="post" action="/admin/ead" enctype="multipart/form-data" class="stack narrow">
        <Csrf v={v} />
        <label>
          {t('ead.home.file')}
          <input type="file" name="file" required accept=".xml,application/xml,text/xml" />
        </label>
        <label>
          {t('ead.home.institution')}
          <select name="institution">
            {[...m.institutions.values()].map((i) => (
              <option value={i.id} selected={i.id === m.institution}>
                {institutionName(v.ctx, i, m.institutions)}
              </option>
            ))}
          </select>
        </label>
        <p class="hint">{t('ead.home.hint')}</p>
        <button type="submit">{t('ead.home.submit')}</button>
      </form>
    </>,
  );
}

function Report({ v, r }: { v: AdminView; r: EadImportReport }) {
  const t = v.ctx.t;
  const rows: [string, string | number][] = [
    [t('ead.report.finding'), `${r.recordId ?? '–'}: ${r.title ?? '–'} (${r.version === 'ead3' ? 'EAD3' : 'EAD 2002'})`],
    [t('ead.report.components'), r.componentsRead],
    [t('ead.report.structural'), r.structural],
    [t('ead.report.created'), r.itemsCreated],
    [t('ead.report.updated'), r.itemsUpdated],
    [t('ead.report.unchanged'), r.itemsUnchanged],
    [t('ead.report.people'), t('ead.report.peopleValue', { linked: r.peopleLinked, created: r.peopleCreated })],
    [t('ead.report.media'), t('ead.report.mediaValue', { media: r.media, links: r.links })],
  ];
  return (
    <>
      <table class="report">
        <tbody>
          {rows.map(([k, val]) => (
            <tr>
              <th scope="row">{k}</th>
              <td>{val}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.issues.length ? (
        <>
          <h2>{t('ead.report.issues', { count: r.issues.length })}</h2>
          <ul>
            {r.issues.map((i) => (
              <li>
                {t('ead.report.line', { line: i.line })}
                {i.component ? <code> {i.component}</code> : null}: {i.why}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {r.warnings.length ? (
        <details>
          <summary>{t('ead.report.warnings', { count: r.warnings.length })}</summary>
          <ul>
            {r.warnings.map((w) => (
              <li>
                {t('ead.report.line', { line: w.line })}: {w.why}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

export function renderEadJob(v: AdminView, job: Job, institution: string): string {
  const t = v.ctx.t;
  const dry = job.kind === 'ead-dry-run';
  const result = job.state === 'done' ? (job.result as EadJobResult | null) : null;
  const p = job.progress;
  const percent = p.total > 0 ? Math.min(100, Math.round((p.done / p.total) * 100)) : 0;
  const title = job.state === 'running' ? t(dry ? 'ead.job.checking' : 'ead.job.importing') : t(dry ? 'ead.job.checked' : 'ead.job.imported');
  return renderAdmin(
    v,
    title,
    <>
      <div id="ead-job" data-state={job.state}>
        {job.state === 'running' ? (
          <>
            {/* The page reloads itself until the work has ended. */}
            <meta http-equiv="refresh" content="2" />
            <p role="status" aria-live="polite">
              <progress max={100} value={percent} /> {t('ead.job.progress', { percent })}
            </p>
            <form method="post" action={`/admin/ead/jobs/${job.id}/cancel`}>
              <Csrf v={v} />
              <button type="submit">{t('ead.job.cancel')}</button>
            </form>
          </>
        ) : result ? (
          <>
            <p role="status">{t(dry ? 'ead.job.dryDone' : 'ead.job.done', { file: result.filename, institution })}</p>
            <Report v={v} r={result.report} />
            {dry && result.token ? (
              <form method="post" action={`/admin/ead/jobs/${job.id}/confirm`}>
                <Csrf v={v} />
                <input type="hidden" name="token" value={result.token} />
                <button type="submit">{t('ead.job.confirm')}</button>
              </form>
            ) : null}
            {!dry ? (
              <p>
                <a href="/admin/items">{t('ead.job.toItems')}</a>
              </p>
            ) : null}
          </>
        ) : job.state === 'cancelled' ? (
          <p role="status">{t('ead.job.cancelled')}</p>
        ) : (
          <div class="errors" role="alert">
            <p>{t('ead.job.failed', { error: job.error ?? '' })}</p>
          </div>
        )}
      </div>
      <p class="hint">{t('ead.job.sticky')}</p>
      <p>
        <a href="/admin/ead">{t('ead.job.back')}</a>
      </p>
    </>,
  );
}
