import type { MatrixEnv, Rule } from '../matrix.ts';

export function sheetRules(_env: MatrixEnv): Record<string, Rule> {
  return {};
}
