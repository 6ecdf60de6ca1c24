import type { MatrixEnv, Rule } from '../matrix.ts';

export function xliffRules(_env: MatrixEnv): Record<string, Rule> {
  return {};
}
