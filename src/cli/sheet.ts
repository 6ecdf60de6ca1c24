import type { Storage } from '../storage/index.ts';

export const SHEET_HELP = '';

export async function sheetCommand(_args: string[], _storage: Storage): Promise<number> {
  return Promise.resolve(1);
}
