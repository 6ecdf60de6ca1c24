import { readFileSync, readdirSync } from 'node:fs';
import { IntlMessageFormat } from 'intl-messageformat';
import type { Lang } from '../domain/types.ts';

export type Catalog = Record<string, string>;
export type MessageValues = Record<string, string | number>;
export type Translate = (key: string, values?: MessageValues) => string;

const LOCALES_DIR = new URL('../../locales/', import.meta.url);

/** The English catalog is the source of keys; other catalogs translate it. */
export const SOURCE_CATALOG = 'en';

/**
 * Catalogs live in `locales/{lang}/{area}.json` (site, admin, search…), so each part of the
 * application keeps its own strings; a key may appear in only one area.
 */
export function loadCatalogs(dir: URL = LOCALES_DIR): Map<Lang, Catalog> {
  const out = new Map<Lang, Catalog>();
  for (const lang of readdirSync(dir, { withFileTypes: true })) {
    if (!lang.isDirectory()) continue;
    const catalog: Catalog = {};
    const langDir = new URL(`${lang.name}/`, dir);
    for (const file of readdirSync(langDir).sort()) {
      if (!file.endsWith('.json')) continue;
      const part = JSON.parse(readFileSync(new URL(file, langDir), 'utf8')) as Catalog;
      for (const [key, msg] of Object.entries(part)) {
        if (key in catalog) throw new MessageError(`message "${key}" is defined twice in locales/${lang.name}/`);
        catalog[key] = msg;
      }
    }
    out.set(lang.name, catalog);
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
