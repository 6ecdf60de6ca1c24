// `tsuzuri ead import`: a finding aid (EAD3 or EAD 2002) into draft items of one institution.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { principalFrom } from '../domain/permissions.ts';
import { importEad, type EadImportReport, type EadProgress } from '../import/ead/import.ts';
import { JobRegistry } from '../import/jobs.ts';
import type { ContentChange } from '../services/content.ts';
import { SearchService } from '../services/search.ts';
import type { Storage } from '../storage/index.ts';

export const EAD_HELP = `  ead import <file> --institution <id> --user <email> [--dry-run] [--verbose]
                   import an EAD3 or EAD 2002 finding aid: its files and items become
                   draft items of the institution, all or nothing; --dry-run reports what
                   would happen and writes nothing. Ctrl-C cancels cleanly.`;

function progressLine(p: EadProgress): string {
  const width = 30;
  const frac = p.totalBytes ? Math.min(1, p.bytesRead / p.totalBytes) : 0;
  const bar = '#'.repeat(Math.round(frac * width)).padEnd(width, '.');
  return `\r[${bar}] ${Math.round(frac * 100)}%  ${p.componentsRead} components, ${p.itemsCreated} new, ${p.itemsUpdated} updated`;
}

/** The report as lines for a terminal. */
export function reportText(r: EadImportReport, verbose = false): string {
  const lines = [
    `${r.version === 'ead3' ? 'EAD3' : 'EAD 2002'} finding aid ${r.recordId ?? '(no id)'}: ${r.title ?? '(no title)'}`,
    `components read     ${r.componentsRead} (${r.structural} series and other structure)`,
    `items               ${r.itemsCreated} new, ${r.itemsUpdated} updated, ${r.itemsUnchanged} unchanged`,
    `people linked       ${r.peopleLinked} (${r.peopleCreated} new people)`,
    `media               ${r.media} (${r.links} links kept in captions)`,
    `components left out ${r.issues.length}`,
  ];
  for (const i of r.issues) lines.push(`  line ${i.line}${i.component ? ` (${i.component})` : ''}: ${i.why}`);
  lines.push(`warnings            ${r.warnings.length}`);
  for (const w of verbose ? r.warnings : r.warnings.slice(0, 20)) lines.push(`  line ${w.line}: ${w.why}`);
  if (!verbose && r.warnings.length > 20) lines.push(`  … ${r.warnings.length - 20} more (--verbose lists them all)`);
  return lines.join('\n');
}

export async function eadCommand(args: string[], storage: Storage): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'import') {
    console.error(`unknown ead command "${sub ?? ''}"; try: tsuzuri ead import <file> --institution <id> --user <email>`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { institution: { type: 'string' }, user: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, verbose: { type: 'boolean', default: false } },
    });
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
  const { values, positionals } = parsed;
  const file = positionals[0];
  if (!file || !values.institution || !values.user) {
    console.error('ead import needs a file, --institution <id> and --user <email>');
    return 2;
  }
  const user = await storage.workspace.userByEmail(values.user);
  if (!user || user.disabled) {
    console.error(`no active user ${values.user}`);
    return 2;
  }
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    console.error(`cannot read ${file}`);
    return 2;
  }
  const principal = principalFrom(user, user.roles);
  const dryRun = values['dry-run'];
  const changes: ContentChange[] = [];
  let version = 0;
  let progress: EadProgress | null = null;
  const registry = new JobRegistry();
  const job = registry.start('ead-import', user.id, (signal, report) =>
    importEad(storage, createReadStream(file), {
      institutionId: values.institution ?? '',
      principal,
      signal,
      dryRun,
      totalBytes: size,
      onProgress: (p) => {
        progress = p;
        report({ done: p.bytesRead, total: size, phase: 'read' });
      },
      onChange: (v, c) => {
        version = v;
        changes.push(...c);
      },
    }),
  );
  const tty = process.stderr.isTTY;
  const onSigint = () => {
    process.stderr.write('\ncancelling…\n');
    registry.cancel(job.id);
  };
  process.on('SIGINT', onSigint);
  const timer = tty ? setInterval(() => progress && process.stderr.write(progressLine(progress)), 200) : null;
  try {
    await registry.settled(job.id);
  } finally {
    if (timer) clearInterval(timer);
    if (tty && progress) process.stderr.write(`${progressLine(progress)}\n`);
    process.off('SIGINT', onSigint);
  }
  if (job.state === 'cancelled') {
    console.error('cancelled; nothing was written');
    return 130;
  }
  if (job.state === 'failed') {
    console.error(`${file}: ${job.error ?? 'failed'}; nothing was written`);
    return 1;
  }
  const report = job.result as EadImportReport;
  console.log(reportText(report, values.verbose));
  if (changes.length) {
    // People created by the import reach this database's search index; drafts are not indexed.
    const search = new SearchService(storage, { onError: (e) => console.error(e) });
    search.contentChanged(version, changes);
    await search.settled();
  }
  console.log(dryRun ? 'dry run: nothing written; run again without --dry-run to import' : 'imported as drafts for review');
  return 0;
}
