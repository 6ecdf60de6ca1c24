// Translation files: the export form, the import upload, and the per-unit report with its
// confirm step. Pure functions of (AdminView, model) → HTML.
import type { ImportReport, UnitReport, XliffProblem } from '../../services/xliff.ts';
import type { Translate } from '../../i18n/messages.ts';
import { Csrf, Errors, renderAdmin, type AdminView } from './layout.tsx';
import type { FormError } from './pages.tsx';

export interface XliffExhibitionChoice {
  id: string;
  title: string;
  chapters: { id: string; title: string }[];
}

export interface XliffPageModel {
  exhibitions: XliffExhibitionChoice[];
  /** Languages a file may be exported in (every language but the exhibitions' source). */
  languages: { tag: string; name: string }[];
  values: { exhibition: string; lang: string; chapter: string; items: string; version: string };
  /** Why the export could not be made. */
  exportErrors: FormError[];
  /** Why the uploaded file could not be read or checked at all. */
  importErrors: FormError[];
  /** The languages the signed-in user may import (empty: the import form is not shown). */
  importLangs: { tag: string; name: string }[];
  check?: {
    file: string;
    /** SHA-256 of the checked file: the confirm step must send the same bytes. */
    hash: string;
    lang: string;
    report: ImportReport;
    /** The confirm step was sent with another file than the one checked. */
    otherFile?: boolean;
  };
}

function problem(t: Translate, p: XliffProblem): string {
  return t(`xliff.error.${p.code}`, p.values);
}

function detail(t: Translate, u: UnitReport): string {
  if (u.errors.length) return u.errors.map((e) => problem(t, e)).join(' ');
  if (u.reason) return t(`xliff.reason.${u.reason}`);
  return '';
}

/** Units needing attention first (errors, then changes), each group in file order. */
function ordered(units: UnitReport[]): UnitReport[] {
  const rank = (u: UnitReport) => (u.outcome === 'error' ? 0 : u.outcome === 'apply' ? 1 : 2);
  return [...units].sort((a, b) => rank(a) - rank(b) || a.line - b.line);
}

function Report({ v, check }: { v: AdminView; check: NonNullable<XliffPageModel['check']> }) {
  const t = v.ctx.t;
  const { report } = check;
  const count = (o: UnitReport['outcome']) => report.units.filter((u) => u.outcome === o).length;
  const errors = count('error') + report.fileErrors.length;
  const toApply = count('apply');
  const blocked = !report.dryRun && !report.committed && errors > 0 && toApply > 0;
  return (
    <section class="xliff-report" aria-labelledby="xliff-report-title">
      <h2 id="xliff-report-title">{t('xliff.report.title', { file: check.file })}</h2>
      {check.otherFile ? (
        <p class="errors" role="alert">
          {t('xliff.import.otherFile')}
        </p>
      ) : null}
      {report.committed ? (
        <p class="message" role="status">
          {t('xliff.import.done', { count: report.applied.length })}
        </p>
      ) : null}
      {blocked ? (
        <p class="errors" role="alert">
          {t('xliff.import.blocked')}
        </p>
      ) : null}
      {report.fileErrors.length ? (
        <div class="errors" role="alert">
          <p>
            <strong>{t('xliff.report.fileErrors')}</strong>
          </p>
          <ul>
            {report.fileErrors.map((e) => (
              <li>{problem(t, e)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {report.lang && report.exhibitionId ? (
        <p>
          {t('xliff.report.summary', { lang: report.lang, exhibition: report.exhibitionId, apply: toApply, unchanged: count('unchanged'), skipped: count('skipped'), errors: count('error') })}
        </p>
      ) : null}
      {report.units.length ? (
        <table class="list xliff-units">
          <thead>
            <tr>
              <th scope="col">{t('xliff.report.unit')}</th>
              <th scope="col">{t('xliff.report.line')}</th>
              <th scope="col">{t('xliff.report.outcome')}</th>
              <th scope="col">{t('xliff.report.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {ordered(report.units).map((u) => (
              <tr class={`outcome-${u.applied ? 'applied' : u.outcome}`}>
                <td>
                  <code>{u.id}</code>
                </td>
                <td>{u.line}</td>
                <td>{u.applied ? t('xliff.outcome.applied') : t(`xliff.outcome.${u.outcome}`)}</td>
                <td>{detail(t, u)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {report.dryRun && !report.fileErrors.length && toApply === 0 ? <p>{t('xliff.import.nothing')}</p> : null}
      {report.dryRun && !report.fileErrors.length && toApply > 0 ? (
        <form method="post" action="/admin/xliff/import" enctype="multipart/form-data" class="stack narrow">
          <Csrf v={v} />
          <input type="hidden" name="confirm" value={check.hash} />
          <input type="hidden" name="lang" value={check.lang} />
          <p>{t('xliff.import.confirmLead')}</p>
          <label>
            {t('xliff.import.file')}
            <input type="file" name="file" required accept=".xlf,.xliff,.xml,application/xliff+xml,application/xml,text/xml" />
          </label>
          {count('error') > 0 ? (
            <label class="check">
              <input type="checkbox" name="applyValid" value="1" /> {t('xliff.import.applyValid')}
            </label>
          ) : null}
          <button type="submit">{t('xliff.import.confirm', { count: toApply })}</button>
        </form>
      ) : null}
    </section>
  );
}

export function renderXliff(v: AdminView, m: XliffPageModel): string {
  const t = v.ctx.t;
  return renderAdmin(
    v,
    t('xliff.title'),
    <>
      <p>{t('xliff.lead')}</p>
      {m.check ? <Report v={v} check={m.check} /> : null}
      <section aria-labelledby="xliff-export">
        <h2 id="xliff-export">{t('xliff.export.title')}</h2>
        <Errors v={v} errors={m.exportErrors} />
        <form method="get" action="/admin/xliff/export" class="stack narrow">
          <label>
            {t('xliff.export.exhibition')}
            <select name="exhibition">
              {m.exhibitions.map((ex) => (
                <option value={ex.id} selected={ex.id === m.values.exhibition}>
                  {ex.title}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('xliff.export.lang')}
            <select name="lang">
              {m.languages.map((l) => (
                <option value={l.tag} selected={l.tag === m.values.lang}>
                  {l.name} ({l.tag})
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('xliff.export.chapter')}
            <select name="chapter">
              <option value="">{t('xliff.export.chapterAll')}</option>
              {m.exhibitions.flatMap((ex) =>
                ex.chapters.map((c) => (
                  <option value={c.id} selected={c.id === m.values.chapter}>
                    {ex.title} › {c.title}
                  </option>
                )),
              )}
            </select>
          </label>
          <label>
            {t('xliff.export.items')}
            <input name="items" value={m.values.items} pattern="[A-Za-z0-9\-, ]*" />
            <span class="hint">{t('xliff.export.itemsHint')}</span>
          </label>
          <label>
            {t('xliff.export.version')}
            <select name="version">
              <option value="2.0" selected={m.values.version !== '1.2'}>
                {t('xliff.export.v20')}
              </option>
              <option value="1.2" selected={m.values.version === '1.2'}>
                {t('xliff.export.v12')}
              </option>
            </select>
          </label>
          <button type="submit">{t('xliff.export.submit')}</button>
        </form>
      </section>
      {m.importLangs.length ? (
        <section aria-labelledby="xliff-import">
          <h2 id="xliff-import">{t('xliff.import.title')}</h2>
          <p>{t('xliff.import.lead')}</p>
          <Errors v={v} errors={m.importErrors} />
          <form method="post" action="/admin/xliff/import" enctype="multipart/form-data" class="stack narrow">
            <Csrf v={v} />
            <label>
              {t('xliff.import.file')}
              <input type="file" name="file" required accept=".xlf,.xliff,.xml,application/xliff+xml,application/xml,text/xml" />
            </label>
            <label>
              {t('xliff.import.lang')}
              <select name="lang">
                <option value="">{t('xliff.import.langFromFile')}</option>
                {m.importLangs.map((l) => (
                  <option value={l.tag}>
                    {l.name} ({l.tag})
                  </option>
                ))}
              </select>
            </label>
            <button type="submit">{t('xliff.import.check')}</button>
          </form>
        </section>
      ) : null}
    </>,
  );
}
