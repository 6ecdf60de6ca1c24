// The columns of an items spreadsheet: one per field, and one per field and language for text
// (`title@ja`, `caption@mn`). The header is checked whole before any row is read.
import { columnLetter, issue, SheetError, type Issue } from './issues.ts';

export const PLAIN_FIELDS = ['institution', 'reference_code', 'id', 'date', 'media_type', 'rights', 'people', 'places', 'exhibition', 'chapter', 'section'] as const;
export const TEXT_FIELDS = ['heading', 'title', 'caption'] as const;

export type PlainField = (typeof PLAIN_FIELDS)[number];
export type TextField = (typeof TEXT_FIELDS)[number];

export interface Column {
  index: number;
  /** The column letter as the spreadsheet shows it (A, B, … AA). */
  letter: string;
  /** The header as written. */
  header: string;
  field: PlainField | TextField | 'status';
  lang: string | null;
}

export interface Columns {
  list: Column[];
  plain: Partial<Record<PlainField, Column>>;
  /** "caption@mn" → column */
  text: Map<string, Column>;
  status: Map<string, Column>;
}

/** Every header a sheet may have, in the order the template and exports use. */
export function allHeaders(langs: readonly string[]): string[] {
  return [
    'institution',
    'reference_code',
    'id',
    ...TEXT_FIELDS.flatMap((f) => langs.map((l) => `${f}@${l}`)),
    'date',
    'media_type',
    'rights',
    'people',
    'places',
    'exhibition',
    'chapter',
    'section',
    ...langs.map((l) => `status@${l}`),
  ];
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return (d[a.length] as number[])[b.length] ?? 0;
}

/** The known header closest to `name`, when it is close enough to be a typing mistake. */
export function suggest(name: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    const d = distance(name, k);
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return best !== null && bestD <= Math.max(2, Math.floor(name.length / 4)) ? best : null;
}

export function parseHeader(headers: readonly string[], langs: readonly string[]): Columns {
  const issues: Issue[] = [];
  const known = allHeaders(langs);
  const out: Columns = { list: [], plain: {}, text: new Map(), status: new Map() };
  const seen = new Map<string, Column>();
  headers.forEach((raw, index) => {
    const letter = columnLetter(index);
    // Spaces and hyphens for underscores, any letter case: "Reference code", "media-type".
    const name = raw.trim().toLowerCase().replace(/[\s-]+/g, '_');
    const at = /^([a-z_]+)@([a-z0-9-]+)$/i.exec(name);
    let col: Column | null = null;
    if (at?.[1] && at[2]) {
      const field = at[1];
      const lang = langs.find((l) => l.toLowerCase() === at[2]?.toLowerCase()) ?? null;
      if (!(TEXT_FIELDS as readonly string[]).includes(field) && field !== 'status') {
        const s = suggest(name, known);
        issues.push(issue(s ? 'unknown-column-suggest' : 'unknown-column', { cell: `${letter}1`, name: raw, suggestion: s ?? '' }));
      } else if (!lang) {
        issues.push(issue('unknown-language', { cell: `${letter}1`, name: raw, lang: at[2], langs: langs.join(', ') }));
      } else {
        col = { index, letter, header: raw, field: field as TextField | 'status', lang };
      }
    } else if ((PLAIN_FIELDS as readonly string[]).includes(name)) {
      col = { index, letter, header: raw, field: name as PlainField, lang: null };
    } else {
      const s = suggest(name, known);
      issues.push(issue(s ? 'unknown-column-suggest' : 'unknown-column', { cell: `${letter}1`, name: raw, suggestion: s ?? '' }));
    }
    if (!col) return;
    const key = col.lang ? `${col.field}@${col.lang}` : col.field;
    const other = seen.get(key);
    if (other) {
      issues.push(issue('duplicate-column', { name: key, cell: `${letter}1`, other: `${other.letter}1` }));
      return;
    }
    seen.set(key, col);
    out.list.push(col);
    if (col.field === 'status') out.status.set(col.lang ?? '', col);
    else if (col.lang) out.text.set(key, col);
    else out.plain[col.field as PlainField] = col;
  });
  if (!out.plain.reference_code && !out.plain.id) issues.push(issue('no-key-column'));
  if (issues.length) throw new SheetError(issues);
  return out;
}
