// What can be wrong with a spreadsheet, as codes with parameters: the CLI and the workspace
// word them from the message catalogs (locales/*/sheet.json, keys "sheet.issue.<code>").
import { loadCatalogs, makeTranslator, type MessageValues, type Translate } from '../../i18n/messages.ts';

export interface Issue {
  code: string;
  params: MessageValues;
}

/** Problems with the file as a whole (its format, its header): nothing in it is imported. */
export class SheetError extends Error {
  readonly issues: Issue[];
  constructor(issues: Issue | Issue[]) {
    const list = Array.isArray(issues) ? issues : [issues];
    super(list.map((i) => describeIssue(i)).join('; '));
    this.issues = list;
  }
}

export function issue(code: string, params: MessageValues = {}): Issue {
  return { code, params };
}

let english: Translate | null = null;

/** The issue in words, in the language of `t` (English when none is given: the CLI, logs). */
export function describeIssue(i: Issue, t?: Translate): string {
  english ??= makeTranslator(loadCatalogs(), ['en']);
  return (t ?? english)(`sheet.issue.${i.code}`, i.params);
}

/** Column letters as spreadsheets show them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
