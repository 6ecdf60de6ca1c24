import type { Storage } from '../storage/index.ts';

export const XLIFF_HELP = '';

export async function xliffCommand(_args: string[], _storage: Storage): Promise<number> {
  return Promise.resolve(1);
}
