// `tsuzuri sheet import|export|template`: items to and from CSV and XLSX spreadsheets.
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { principalFrom } from '../domain/permissions.ts';
import { JobRegistry, type Job, type JobProgress } from '../import/jobs.ts';
import { exportRows, ExportError, toCsv, toXlsx } from '../import/sheet/export.ts';
import { SheetError } from '../import/sheet/issues.ts';
import { applyImport, planImport, PlanHasErrors, type ImportPlan } from '../import/sheet/plan.ts';
import { readTable, type Table } from '../import/sheet/read.ts';
import { planText } from '../import/sheet/report-text.ts';
import { templateRows } from '../import/sheet/template.ts';
import type { ContentChange } from '../services/content.ts';
import { SearchService } from '../services/search.ts';
import type { Storage } from '../storage/index.ts';

export const SHEET_HELP = `  sheet import <file> --user <email> [--apply] [--publish] [--sheet <name>] [--verbose]
                   check a CSV or XLSX spreadsheet of items and print what would change
                   (a dry run); --apply imports it, all rows or none, as drafts for review;
                   --publish (administrators) publishes at once. Ctrl-C cancels cleanly.
  sheet export --exhibition <id> [--chapter <id>] [--format csv|xlsx] --out <file>
                   write the items of an exhibition or chapter in the import's columns
  sheet template --out <file> [--format csv|xlsx]
                   write the example spreadsheet of the documentation`;

function progressLine(p: JobProgress): string {
  const width = 30;
  const frac = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  const bar = '#'.repeat(Math.round(frac * width)).padEnd(width, '.');
  return `\r${p.phase.padEnd(6)} [${bar}] ${p.done}/${p.total}`;
}

/** Runs a job, drawing its progress on stderr when that is a terminal; Ctrl-C cancels it. */
async function runWithProgress<R>(registry: JobRegistry, job: Job<R>): Promise<Job<R>> {
  const tty = process.stderr.isTTY;
  const onSigint = () => {
    process.stderr.write('\ncancelling…\n');
    registry.cancel(job.id);
  };
  process.on('SIGINT', onSigint);
  const timer = tty ? setInterval(() => process.stderr.write(progressLine(job.progress)), 200) : null;
  try {
    await registry.settled(job.id);
  } finally {
    if (timer) clearInterval(timer);
    if (tty) process.stderr.write(`${progressLine(job.progress)}\n`);
    process.off('SIGINT', onSigint);
  }
  return job;
}

export async function sheetCommand(args: string[], storage: Storage): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      user: { type: 'string' },
      apply: { type: 'boolean', default: false },
      publish: { type: 'boolean', default: false },
      sheet: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      exhibition: { type: 'string' },
      chapter: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const format = values.format ?? (values.out?.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv');
  if (format !== 'csv' && format !== 'xlsx') {
    console.error('--format must be csv or xlsx');
    return 2;
  }
  switch (sub) {
    case 'import':
      return importCommand(storage, positionals[0], values);
    case 'export': {
      if (!values.exhibition || !values.out) {
        console.error('sheet export needs --exhibition and --out');
        return 2;
      }
      try {
        const rows = await exportRows(storage, { exhibitionId: values.exhibition, ...(values.chapter ? { chapterId: values.chapter } : {}) });
        await writeFile(values.out, format === 'xlsx' ? await toXlsx(rows) : toCsv(rows));
        console.log(`${rows.length - 1} items written to ${values.out}`);
        return 0;
      } catch (err) {
        if (err instanceof ExportError) {
          console.error(err.message);
          return 1;
        }
        throw err;
      }
    }
    case 'template': {
      if (!values.out) {
        console.error('sheet template needs --out');
        return 2;
      }
      const rows = templateRows();
      await writeFile(values.out, format === 'xlsx' ? await toXlsx(rows) : toCsv(rows));
      console.log(`template written to ${values.out}`);
      return 0;
    }
    default:
      console.error(`unknown sheet command "${sub ?? ''}"; try: tsuzuri sheet import <file> --user <email>`);
      return 2;
  }
}

async function importCommand(storage: Storage, file: string | undefined, values: { user?: string | undefined; apply: boolean; publish: boolean; sheet?: string | undefined; verbose: boolean }): Promise<number> {
  if (!file || !values.user) {
    console.error('sheet import needs a file and --user <email>');
    return 2;
  }
  const user = await storage.workspace.userByEmail(values.user);
  if (!user || user.disabled) {
    console.error(`no active user ${values.user}`);
    return 2;
  }
  const p = principalFrom(user, user.roles);
  let table: Table;
  try {
    table = await readTable(await readFile(file), values.sheet ? { sheet: values.sheet } : {});
  } catch (err) {
    if (err instanceof SheetError) {
      console.error(`${file}: ${err.message}`);
      return 1;
    }
    throw err;
  }
  const changes: ContentChange[] = [];
  let version = 0;
  process.stderr.write(`${values.apply ? 'importing' : 'checking'} ${table.rows.length} rows of ${file}${process.stderr.isTTY ? ' (Ctrl-C cancels)' : ''}\n`);
  const registry = new JobRegistry();
  const job = registry.start('sheet-import', user.id, (signal, report): Promise<ImportPlan> => {
    const options = { publish: values.publish, signal, report };
    if (!values.apply) return planImport(storage, p, table, options);
    const notify = (v: number, c: readonly ContentChange[]) => {
      version = v;
      changes.push(...c);
    };
    // A refused import (errors in rows) wrote nothing; its plan is the report to print.
    return applyImport(storage, p, table, { ...options, notify }).catch((err: unknown) => {
      if (err instanceof PlanHasErrors) return err.plan;
      throw err;
    });
  });
  await runWithProgress(registry, job);
  if (job.state === 'cancelled') {
    console.error('cancelled; nothing was written');
    return 130;
  }
  if (job.state === 'failed') {
    console.error(`${job.error ?? 'failed'}; nothing was written`);
    return 1;
  }
  const plan = job.result as ImportPlan;
  console.log(planText(plan, { verbose: values.verbose }));
  if (changes.length) {
    // Published changes reach this database's search index too; drafts are not indexed.
    const search = new SearchService(storage, { onError: (e) => console.error(e) });
    search.contentChanged(version, changes);
    await search.settled();
  }
  if (plan.counts.error > 0) return 1;
  console.log(values.apply ? 'imported' : 'dry run: nothing written; add --apply to import');
  return 0;
}
