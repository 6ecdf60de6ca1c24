// `tsuzuri xliff export|import`: translation files for translation tools.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { principalFrom } from '../domain/permissions.ts';
import { ValidationError } from '../services/content.ts';
import { Forbidden } from '../services/workflow.ts';
import { problemText, xliffTranslator, XliffScopeError, XliffService, type ImportReport } from '../services/xliff.ts';
import type { Storage } from '../storage/index.ts';
import { XliffWriteError } from '../xliff/write.ts';
import { MAX_XLIFF_BYTES, XliffRefused } from '../xliff/read.ts';
import type { XliffVersion } from '../xliff/model.ts';

export const XLIFF_HELP = `  xliff export --exhibition <id> --lang <lang> [--chapter <id>] [--items <id,id…>]
           [--version 2.0|1.2] [--out <file>]
                   write the texts of an exhibition (a chapter, some records) in one
                   language as XLIFF (default 2.0) to <file> or standard output
  xliff import <file> --user <email> [--lang <lang>] [--exhibition <id>]
           [--dry-run] [--apply-valid]
                   check every unit and save the translations as drafts of <email>, all
                   or nothing (--apply-valid: only the valid units); exit 0 when applied
                   or, with --dry-run, when every unit is valid`;

export async function xliffCommand(args: string[], storage: Storage): Promise<number> {
  const [sub, ...rest] = args;
  const t = xliffTranslator('en');
  try {
    if (sub === 'export') return await exportCommand(rest, storage);
    if (sub === 'import') return await importCommand(rest, storage);
    console.error(`unknown xliff command "${sub ?? ''}"\n${XLIFF_HELP}`);
    return 2;
  } catch (err) {
    if (err instanceof XliffScopeError) console.error(problemText(t, err.problem));
    else if (err instanceof XliffRefused || err instanceof XliffWriteError) console.error(t('xliff.import.refused', { why: err.message }));
    else if (err instanceof Forbidden) console.error(`not allowed: ${err.message}${err.violations.length ? ` (${err.violations.map((v) => `${v.field}: ${v.why}`).join('; ')})` : ''}`);
    else if (err instanceof ValidationError) console.error(`not saved: ${err.message}`);
    else if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
      console.error(`${err.message}\n${XLIFF_HELP}`);
      return 2;
    } else throw err;
    return 1;
  }
}

async function exportCommand(args: string[], storage: Storage): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      exhibition: { type: 'string' },
      lang: { type: 'string' },
      chapter: { type: 'string' },
      items: { type: 'string' },
      version: { type: 'string', default: '2.0' },
      out: { type: 'string' },
    },
  });
  if (!values.exhibition || !values.lang) {
    console.error(`xliff export needs --exhibition and --lang\n${XLIFF_HELP}`);
    return 2;
  }
  if (values.version !== '2.0' && values.version !== '1.2') {
    console.error(`--version must be 2.0 or 1.2, not "${values.version}"`);
    return 2;
  }
  const items = values.items?.split(',').map((s) => s.trim()).filter(Boolean);
  const result = await new XliffService(storage).export({
    exhibitionId: values.exhibition,
    lang: values.lang,
    version: values.version as XliffVersion,
    ...(values.chapter ? { chapterId: values.chapter } : {}),
    ...(items?.length ? { itemIds: items } : {}),
  });
  const summary = Object.entries(result.states).map(([state, n]) => `${n} ${state}`).join(', ');
  if (values.out) {
    await writeFile(values.out, result.xml, 'utf8');
    console.error(`${result.units} units (${summary}) written to ${values.out}`);
  } else {
    process.stdout.write(result.xml);
    console.error(`${result.units} units (${summary})`);
  }
  return 0;
}

async function importCommand(args: string[], storage: Storage): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      user: { type: 'string' },
      lang: { type: 'string' },
      exhibition: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'apply-valid': { type: 'boolean', default: false },
    },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1 || !values.user) {
    console.error(`xliff import needs one file and --user\n${XLIFF_HELP}`);
    return 2;
  }
  const user = await storage.workspace.userByEmail(values.user);
  if (!user || user.disabled) {
    console.error(`no active account ${values.user}`);
    return 1;
  }
  // The size is checked before the file is read into memory.
  const { size } = await stat(file);
  if (size > MAX_XLIFF_BYTES) {
    console.error(`${file}: ${xliffTranslator('en')('xliff.import.refused', { why: `the file is ${(size / 1048576).toFixed(1)} MB; at most ${MAX_XLIFF_BYTES / 1048576} MB is accepted` })}`);
    return 1;
  }
  const bytes = await readFile(file);
  const report = await new XliffService(storage).import(bytes, {
    user: principalFrom(user, user.roles),
    ...(values.lang ? { lang: values.lang } : {}),
    ...(values.exhibition ? { exhibitionId: values.exhibition } : {}),
    dryRun: values['dry-run'],
    applyValid: values['apply-valid'],
    address: null,
  });
  printReport(report, file);
  const errors = report.fileErrors.length + report.units.filter((u) => u.outcome === 'error').length;
  if (report.dryRun) return errors ? 1 : 0;
  return report.committed || (errors === 0 && report.units.every((u) => u.outcome !== 'apply')) ? 0 : 1;
}

export function printReport(report: ImportReport, file: string): void {
  const t = xliffTranslator('en');
  for (const e of report.fileErrors) console.error(`${file}: ${problemText(t, e)}`);
  for (const u of report.units) {
    const what =
      u.outcome === 'error'
        ? u.errors.map((e) => problemText(t, e)).join(' ')
        : u.reason
          ? t(`xliff.reason.${u.reason}`)
          : '';
    const outcome = u.applied ? t('xliff.outcome.applied') : t(`xliff.outcome.${u.outcome}`);
    const line = `${file}:${u.line}:${u.column}: ${u.id}: ${outcome}${what ? ` – ${what}` : ''}`;
    if (u.outcome === 'error') console.error(line);
    else console.log(line);
  }
  const count = (o: string) => report.units.filter((u) => u.outcome === o).length;
  if (report.lang && report.exhibitionId) {
    console.log(t('xliff.report.summary', { lang: report.lang, exhibition: report.exhibitionId, apply: count('apply'), unchanged: count('unchanged'), skipped: count('skipped'), errors: count('error') }));
  }
  if (report.committed) console.log(t('xliff.import.done', { count: report.applied.length }));
  else if (!report.dryRun && (report.fileErrors.length || count('error'))) console.error(t('xliff.import.blocked'));
}
