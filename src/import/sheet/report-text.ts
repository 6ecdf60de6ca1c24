// The dry-run report as plain text, for the terminal: one block per row that does something,
// one line per cell that changes or is wrong.
import type { Translate } from '../../i18n/messages.ts';
import { describeIssue } from './issues.ts';
import type { ImportPlan } from './plan.ts';

const clip = (s: string | null, n = 60) => {
  if (s === null || s === '') return '∅';
  const one = s.replace(/\n/g, '⏎');
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

export function planText(plan: ImportPlan, options: { verbose?: boolean; t?: Translate } = {}): string {
  const out: string[] = [];
  for (const row of plan.rows) {
    if (row.action === 'unchanged' && !options.verbose) continue;
    out.push(`row ${row.line}${row.itemId ? ` (${row.itemId})` : ''}: ${row.action}`);
    for (const i of row.issues) out.push(`  error: ${describeIssue(i, options.t)}`);
    for (const c of row.cells) {
      if (c.action === 'unchanged') continue;
      const where = `${c.letter}${row.line} ${c.header}`;
      if (c.action === 'error') for (const i of c.issues) out.push(`  ${where}: error: ${describeIssue(i, options.t)}`);
      else out.push(`  ${where}: ${c.action}: ${clip(c.old)} → ${clip(c.new)}`);
    }
    if (row.date && row.date.input !== row.date.edtf) {
      out.push(`  date "${row.date.input}" → ${row.date.edtf} (${Object.entries(row.date.display).map(([l, d]) => `${l}: ${d}`).join('; ')})`);
    }
  }
  for (const ex of plan.exhibitions) out.push(`exhibition ${ex.id}: placements ${ex.action}`);
  const c = plan.counts;
  out.push(`${plan.rows.length} rows: ${c.create} new, ${c.change} changed, ${c.unchanged} unchanged, ${c.error} with errors (${plan.mode === 'publish' ? 'publish at once' : 'drafts for review'})`);
  return out.join('\n');
}
