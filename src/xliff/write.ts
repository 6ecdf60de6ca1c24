// XLIFF 2.0 and 1.2 writers. Output validates against the OASIS schemas (xliff_core_2.0.xsd,
// xliff-core-1.2-strict.xsd); what the schemas do not check (unique ids, characters XML cannot
// carry, trgLang present) is checked here before anything is written.
import { NS_12, NS_20, NS_MDA, unwritableChar, type UnitState, type XliffDocument, type XliffEntry, type XliffUnit, type XliffVersion } from './model.ts';

export class XliffWriteError extends Error {}

/** Text content: `>` is escaped too, so "]]>" can never appear; CR survives as a reference. */
export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Attribute values (always written in double quotes); whitespace kept as references. */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/**
 * True when a parser or tool applying the default white-space handling could change the text:
 * line breaks, tabs, runs of spaces, or space at either end.
 */
export function needsPreserve(...texts: (string | undefined)[]): boolean {
  return texts.some((t) => t !== undefined && (/[\n\r\t]| {2}/.test(t) || /^\s|\s$/.test(t)));
}

function attrs(list: [string, string | undefined][]): string {
  return list.filter((a): a is [string, string] => a[1] !== undefined).map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
}

/** XLIFF 2.0 segment states: outdated text stays as the target but is back to `initial`. */
export const STATE_20: Record<UnitState, 'initial' | 'translated' | 'reviewed'> = {
  missing: 'initial',
  outdated: 'initial',
  draft: 'translated',
  reviewed: 'reviewed',
};

/** XLIFF 1.2 target states (no target is written for a missing translation). */
export const STATE_12: Record<Exclude<UnitState, 'missing'>, string> = {
  outdated: 'needs-review-translation',
  draft: 'translated',
  reviewed: 'signed-off',
};

function check(doc: XliffDocument): void {
  if (!doc.srcLang || !doc.trgLang) throw new XliffWriteError('source and target language are both required');
  const fileIds = new Set<string>();
  const unitIds = new Set<string>();
  const visit = (entries: XliffEntry[], groupIds: Set<string>) => {
    for (const e of entries) {
      if (e.kind === 'group') {
        if (groupIds.has(e.id)) throw new XliffWriteError(`group id ${e.id} is used twice`);
        groupIds.add(e.id);
        visit(e.entries, groupIds);
        continue;
      }
      if (unitIds.has(e.id)) throw new XliffWriteError(`unit id ${e.id} is used twice`);
      unitIds.add(e.id);
      for (const [what, text] of [['source', e.source], ['target', e.target], ...e.notes.map((n) => ['note', n.text] as const)] as const) {
        const bad = text === undefined ? null : unwritableChar(text);
        if (bad) throw new XliffWriteError(`unit ${e.id}: the ${what} holds a character XML cannot carry (${bad})`);
      }
    }
  };
  for (const f of doc.files) {
    if (fileIds.has(f.id)) throw new XliffWriteError(`file id ${f.id} is used twice`);
    fileIds.add(f.id);
    visit(f.entries, new Set());
  }
}

/** Groups and files without units are left out: both schemas want at least one unit in them. */
function prune(doc: XliffDocument): XliffDocument {
  const keep = (list: XliffEntry[]): XliffEntry[] =>
    list.flatMap((e): XliffEntry[] => {
      if (e.kind === 'unit') return [e];
      const entries = keep(e.entries);
      return entries.length ? [{ ...e, entries }] : [];
    });
  const files = doc.files.map((f) => ({ ...f, entries: keep(f.entries) })).filter((f) => f.entries.length > 0);
  if (!files.length) throw new XliffWriteError('there is nothing to translate in this selection');
  return { ...doc, files };
}

export function writeXliff(doc: XliffDocument, version: XliffVersion): string {
  return version === '2.0' ? writeXliff20(doc) : writeXliff12(doc);
}

export function writeXliff20(input: XliffDocument): string {
  const doc = prune(input);
  check(doc);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<xliff${attrs([['xmlns', NS_20], ['xmlns:mda', NS_MDA], ['version', '2.0'], ['srcLang', doc.srcLang], ['trgLang', doc.trgLang]])}>`);
  const unit = (u: XliffUnit, pad: string) => {
    out.push(`${pad}<unit${attrs([['id', u.id], ['name', u.name], ['xml:space', needsPreserve(u.source, u.target) ? 'preserve' : undefined]])}>`);
    // Module elements come first in a unit (the schema's ##other wildcard precedes notes).
    out.push(`${pad}  <mda:metadata><mda:metaGroup category="tsuzuri"><mda:meta type="source-fingerprint">${escapeText(u.fingerprint)}</mda:meta></mda:metaGroup></mda:metadata>`);
    if (u.notes.length) {
      out.push(`${pad}  <notes>`);
      for (const n of u.notes) out.push(`${pad}    <note${attrs([['category', n.category], ['appliesTo', n.category === 'outdated' ? 'target' : undefined]])}>${escapeText(n.text)}</note>`);
      out.push(`${pad}  </notes>`);
    }
    const state = STATE_20[u.state];
    out.push(`${pad}  <segment${attrs([['state', state], ['subState', u.state === 'outdated' ? 'tsuzuri:outdated' : undefined]])}>`);
    out.push(`${pad}    <source>${escapeText(u.source)}</source>`);
    if (u.target !== undefined) out.push(`${pad}    <target>${escapeText(u.target)}</target>`);
    out.push(`${pad}  </segment>`, `${pad}</unit>`);
  };
  const entries = (list: XliffEntry[], pad: string) => {
    for (const e of list) {
      if (e.kind === 'unit') unit(e, pad);
      else {
        out.push(`${pad}<group${attrs([['id', e.id], ['name', e.name]])}>`);
        entries(e.entries, `${pad}  `);
        out.push(`${pad}</group>`);
      }
    }
  };
  for (const f of doc.files) {
    out.push(`  <file${attrs([['id', f.id], ['original', f.original], ['srcDir', doc.srcDir], ['trgDir', doc.trgDir]])}>`);
    entries(f.entries, '    ');
    out.push('  </file>');
  }
  out.push('</xliff>', '');
  return out.join('\n');
}

export function writeXliff12(input: XliffDocument): string {
  const doc = prune(input);
  check(doc);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<xliff${attrs([['xmlns', NS_12], ['version', '1.2']])}>`);
  const unit = (u: XliffUnit, pad: string) => {
    out.push(
      `${pad}<trans-unit${attrs([
        ['id', u.id],
        ['resname', u.name],
        // A 1.2 file that must pass the strict schema may carry no foreign namespace: the
        // fingerprint rides in `extradata`, which 1.2 keeps for tool data.
        ['extradata', u.fingerprint],
        ['approved', u.state === 'reviewed' ? 'yes' : undefined],
        ['xml:space', needsPreserve(u.source, u.target) ? 'preserve' : undefined],
      ])}>`,
    );
    out.push(`${pad}  <source>${escapeText(u.source)}</source>`);
    if (u.target !== undefined && u.state !== 'missing') out.push(`${pad}  <target state="${STATE_12[u.state]}">${escapeText(u.target)}</target>`);
    for (const n of u.notes) out.push(`${pad}  <note${attrs([['from', 'tsuzuri'], ['annotates', n.category === 'outdated' ? 'target' : 'general']])}>${escapeText(n.text)}</note>`);
    out.push(`${pad}</trans-unit>`);
  };
  const entries = (list: XliffEntry[], pad: string) => {
    for (const e of list) {
      if (e.kind === 'unit') unit(e, pad);
      else {
        out.push(`${pad}<group${attrs([['id', e.id], ['resname', e.name]])}>`);
        entries(e.entries, `${pad}  `);
        out.push(`${pad}</group>`);
      }
    }
  };
  for (const f of doc.files) {
    out.push(`  <file${attrs([['original', f.original], ['source-language', doc.srcLang], ['target-language', doc.trgLang], ['datatype', 'plaintext']])}>`);
    out.push('    <header>', '      <tool tool-id="tsuzuri" tool-name="Tsuzuri"/>', '    </header>', '    <body>');
    entries(f.entries, '      ');
    out.push('    </body>', '  </file>');
  }
  out.push('</xliff>', '');
  return out.join('\n');
}
