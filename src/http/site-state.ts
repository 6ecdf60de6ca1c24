import Negotiator from 'negotiator';
import type { Lang, LanguageConfig } from '../domain/types.ts';
import { fallbackOrder } from '../i18n/fallback.ts';
import { loadCatalogs, makeTranslator, type Catalog, type Translate } from '../i18n/messages.ts';
import type { ContentStore } from '../storage/index.ts';
import type { ViewContext } from '../views/context.ts';

interface LangRuntime {
  config: LanguageConfig;
  order: Lang[];
  t: Translate;
}

/**
 * What every request needs and what changes only with content: the configured languages,
 * their fallback orders and compiled message catalogs. Rebuilt when the content version moves.
 */
export class SiteState {
  private langs = new Map<Lang, LangRuntime>();
  private configs: LanguageConfig[] = [];
  private readonly catalogs: Map<Lang, Catalog> = loadCatalogs();

  constructor(
    private readonly store: ContentStore,
    readonly defaultLang: Lang,
  ) {}

  async reload(): Promise<void> {
    const configs = await this.store.listLanguages();
    const langs = new Map<Lang, LangRuntime>();
    for (const config of configs) {
      const order = fallbackOrder(config.tag, configs);
      langs.set(config.tag, { config, order, t: makeTranslator(this.catalogs, order) });
    }
    this.configs = configs;
    this.langs = langs;
  }

  get languages(): readonly LanguageConfig[] {
    return this.configs;
  }

  has(lang: string): boolean {
    return this.langs.has(lang);
  }

  /** The reader's language from Accept-Language, else the configured default. */
  negotiate(acceptLanguage: string | undefined): Lang {
    const tags = this.configs.map((c) => c.tag);
    const best = new Negotiator({ headers: { 'accept-language': acceptLanguage ?? '' } }).language(tags);
    if (best && this.langs.has(best)) return best;
    return this.langs.has(this.defaultLang) ? this.defaultLang : (tags[0] ?? this.defaultLang);
  }

  context(lang: Lang, path: string, assets: ViewContext['assets']): ViewContext {
    const rt = this.langs.get(lang);
    if (!rt) throw new Error(`language "${lang}" is not configured`);
    return { lang, dir: rt.config.dir, languages: this.configs, order: rt.order, t: rt.t, path, assets };
  }
}
