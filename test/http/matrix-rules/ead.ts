import type { MatrixEnv, Rule } from '../matrix.ts';

export function eadRules(_env: MatrixEnv): Record<string, Rule> {
  return {};
}
