import type { Storage } from '../storage/index.ts';

export const EAD_HELP = '';

export async function eadCommand(_args: string[], _storage: Storage): Promise<number> {
  return Promise.resolve(1);
}
