import type { MatrixEnv, Rule } from '../matrix.ts';

export function translationRules(_env: MatrixEnv): Record<string, Rule> {
  return {};
}
