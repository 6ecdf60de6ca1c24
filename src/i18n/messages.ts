import { readFileSync, readdirSync } from 'node:fs';
import { IntlMessageFormat } from 'intl-messageformat';
import type { Lang } from '../domain/types.ts';

export type Catalog = Record<string, string>;
export type MessageValues = Record<string, string | number>;
export type Translate = (key: string, values?: MessageValues) => string;

const LOCALES_DIR = new URL('../../locales/', import.meta.url);

/** The English catalog is the source of keys; other catalogs translate it. */
export const SOURCE_CATALOG = 'en';

export function loadCatalogs(dir: URL = LOCALES_DIR): Map<Lang, Catalog> {
  const out = new Map<Lang, Catalog>();
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.json')) continue;
    out.set(file.slice(0, -5), JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Catalog);
  }
  return out;
}

export class MessageError extends Error {}

/**
 * Compiles every message once at start-up. A key missing in a language falls back along
 * `order`, ending at the source catalog; an unknown key is a programming error and throws.
 */
export function makeTranslator(catalogs: Map<Lang, Catalog>, order: readonly Lang[]): Translate {
  const compiled = new Map<string, IntlMessageFormat>();
  const chain = [...order, SOURCE_CATALOG];
  const lookup = (key: string): IntlMessageFormat => {
    const hit = compiled.get(key);
    if (hit) return hit;
    for (const lang of chain) {
      const msg = catalogs.get(lang)?.[key];
      if (msg !== undefined) {
        const fmt = new IntlMessageFormat(msg, lang);
        compiled.set(key, fmt);
        return fmt;
      }
    }
    throw new MessageError(`no message "${key}" in any catalog`);
  };
  return (key, values) => {
    const out = lookup(key).format(values);
    return Array.isArray(out) ? out.join('') : String(out);
  };
}
