// Loads a synthetic exhibition into a database, for benchmarks and for trying the site at size.
//
//   node --import tsx bench/synth-load.ts --db <sqlite file | postgres://…[?schema=name]> \
//        [--items 10000] [--chapters 20] [--seed 1] [--force]
//
// Then serve it with TSUZURI_DEMO=0 and DATABASE_URL (or TSUZURI_DATA_DIR) pointing at it.
import { parseArgs } from 'node:util';
import { ContentService } from '../src/services/content.ts';
import { openStorage } from '../src/storage/index.ts';
import { loadSynthetic, synthesize } from './synth.ts';

const { values: opts } = parseArgs({
  options: {
    db: { type: 'string' },
    items: { type: 'string', default: '10000' },
    chapters: { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    force: { type: 'boolean', default: false },
  },
});

function positiveInt(name: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} must be a positive integer, got "${raw}"`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<number> {
  if (!opts.db) {
    console.error('usage: bench/synth-load.ts --db <sqlite file | postgres url> [--items N] [--chapters M] [--seed S] [--force]');
    return 2;
  }
  const items = positiveInt('items', opts.items);
  const chapters = positiveInt('chapters', opts.chapters);
  const seed = positiveInt('seed', opts.seed);

  let t = performance.now();
  const data = synthesize({ items, chapters, seed });
  console.log(`generated ${items} items in ${chapters} chapters (seed ${seed}) in ${((performance.now() - t) / 1000).toFixed(2)} s`);

  const storage = await openStorage({ url: opts.db });
  try {
    // Other content could already hold the same (institution, reference code) pairs.
    if (!opts.force && !(await storage.store.isEmpty())) {
      console.error('the database already holds content; use --force to load over it');
      return 1;
    }
    t = performance.now();
    await loadSynthetic(new ContentService(storage.store), data);
    const seconds = (performance.now() - t) / 1000;
    const store = storage.store;
    const ex = await store.getExhibition('synthetic');
    const sections = ex?.chapters.reduce((n, c) => n + c.sections.length, 0) ?? 0;
    console.log(
      [
        `engine        ${storage.engine}`,
        `institutions  ${(await store.listInstitutions()).length}`,
        `people        ${(await store.listPersonIds()).length}`,
        `places        ${(await store.listPlaceIds()).length}`,
        `items         ${(await store.listItemIds()).length}`,
        `chapters      ${ex?.chapters.length ?? 0}`,
        `sections      ${sections}`,
        `loaded in     ${seconds.toFixed(2)} s (one transaction)`,
      ].join('\n'),
    );
    return 0;
  } finally {
    await storage.close();
  }
}

process.exitCode = await main();
