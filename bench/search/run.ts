// Search latency on a synthetic corpus, on SQLite and PostgreSQL, in one run.
//
//   node --import tsx bench/search/run.ts [--items 100000] [--engines sqlite,postgres]
//        [--pg postgres://postgres@127.0.0.1:5432/test] [--reps 20] [--seed 1] [--keep]
//   node --import tsx bench/search/run.ts --use <sqlite file | postgres://…?schema=name> [--use …]
//        (times the queries on databases already loaded and indexed, e.g. kept with --keep)
//
// For each engine: loads the synthetic exhibition (bench/synth.ts), builds the search index,
// then times a fixed query mix: ranked top-20 with snippets and facets through SearchService
// (what a page or API request costs), and the index query alone. A plain indexed lookup of an
// item row, measured in the same run, is the baseline the figures are compared with.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fallbackOrder } from '../../src/i18n/fallback.ts';
import { parseQuery } from '../../src/search/analyzer.ts';
import { Indexer } from '../../src/search/indexer.ts';
import { IndexReader } from '../../src/search/kysely/index-reader.ts';
import { ContentService } from '../../src/services/content.ts';
import { SearchService } from '../../src/services/search.ts';
import { engineOf, openStorage, type Engine, type Storage } from '../../src/storage/index.ts';
import { connectPostgres, dropPostgresSchema } from '../../src/storage/postgres/connect.ts';
import { loadSynthetic, synthesize } from '../synth.ts';

const { values: opts } = parseArgs({
  options: {
    items: { type: 'string', default: '100000' },
    chapters: { type: 'string', default: '50' },
    engines: { type: 'string', default: 'sqlite,postgres' },
    pg: { type: 'string', default: process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test' },
    reps: { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    use: { type: 'string', multiple: true },
  },
});

/** The query mix: scripts, lengths and frequencies a reader would type (hit rates are printed). */
const QUERIES: { q: string; note: string }[] = [
  { q: '会談', note: 'ja 2 chars' },
  { q: '電報', note: 'ja 2 chars' },
  { q: '羊毛加工', note: 'ja 4 chars' },
  { q: '館', note: 'ja 1 kanji' },
  { q: 'ｳﾗﾝﾊﾞｰﾄﾙ', note: 'half-width' },
  { q: '田中', note: 'ja name' },
  { q: 'Улаанбаатарт', note: 'mn inflected' },
  { q: 'ЦАХИЛГААН', note: 'mn upper' },
  { q: 'тайлан', note: 'mn word' },
  { q: 'Эрдэнэт', note: 'mn place' },
  { q: 'Танака', note: 'mn name' },
  { q: 'telegram', note: 'en word' },
  { q: 'wool processing', note: 'en 2 words' },
  { q: '"economic cooperation"', note: 'en phrase' },
  { q: 'Osaka', note: 'en place' },
  { q: 'Tanaka', note: 'en name' },
  { q: 'Mongolia', note: 'en frequent' },
];

function pct(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
}

const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;

async function time(fn: () => Promise<unknown>, reps: number): Promise<number[]> {
  for (let i = 0; i < 2; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

async function open(engine: Engine, dir: string): Promise<{ storage: Storage; drop: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const file = join(dir, 'bench.sqlite');
    const storage = await openStorage({ url: file });
    return { storage, drop: async () => (opts.keep ? console.log(`kept SQLite database ${file}`) : undefined) };
  }
  const schema = `bench_search_${randomBytes(3).toString('hex')}`;
  const storage = await openStorage({ url: opts.pg, schema, statementTimeoutMs: 600_000 });
  return {
    storage,
    drop: async () => {
      if (opts.keep) return console.log(`kept PostgreSQL database ${opts.pg}?schema=${schema}`);
      const admin = await connectPostgres({ url: opts.pg });
      await dropPostgresSchema(admin, schema);
      await admin.destroy();
    },
  };
}

interface EngineFigures {
  engine: Engine;
  /** Items in the database measured. */
  items: number;
  loadS: number;
  buildS: number;
  sizes: { fullText: number; total: number };
  baseline: number[];
  all: number[];
  rows: { q: string; note: string; total: number; service: number[]; index: number[] }[];
}

async function runEngine(engine: Engine, items: number, reps: number, existing?: string): Promise<EngineFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'tsuzuri-bench-search-'));
  const { storage, drop } = existing
    ? { storage: await openStorage({ url: existing, statementTimeoutMs: 600_000 }), drop: async () => undefined }
    : await open(engine, dir);
  try {
    if (existing) return { engine, loadS: NaN, buildS: NaN, ...(await timeQueries(storage, reps)) };
    let t = performance.now();
    await loadSynthetic(new ContentService(storage.store), synthesize({ items, chapters: Number(opts.chapters), seed: Number(opts.seed) }));
    const loadS = (performance.now() - t) / 1000;
    console.log(`${engine}: loaded ${items} records in ${loadS.toFixed(1)} s`);

    const search = new SearchService(storage, { onError: (err) => console.error(err) });
    t = performance.now();
    const report = await search.rebuild({
      onProgress: (done, total) => {
        if (done % 20000 < 500 || done === total) process.stdout.write(`\r${engine}: indexing ${done}/${total}`);
      },
    });
    const buildS = (performance.now() - t) / 1000;
    process.stdout.write('\n');
    if (!report) throw new Error('rebuild was not claimed');
    return { engine, loadS, buildS, ...(await timeQueries(storage, reps)) };
  } finally {
    await storage.close();
    await drop();
    await rm(dir, { recursive: true, force: true });
  }
}

async function timeQueries(storage: Storage, reps: number): Promise<Omit<EngineFigures, 'engine' | 'loadS' | 'buildS'>> {
  const search = new SearchService(storage, { onError: (err) => console.error(err) });
  const indexer = new Indexer(storage);
  const reader = new IndexReader(indexer.db, indexer.fts);
  const sizes = await indexer.fts.sizes(indexer.db);

  const ids = await storage.store.listItemIds();
  if (ids.length === 0) throw new Error('the database holds no items to search');
  let k = 0;
  const baseline = await time(async () => {
    k = (k + 7919) % ids.length;
    await storage.db.selectFrom('items').selectAll().where('id', '=', ids[k] ?? '').executeTakeFirst();
  }, reps * 20);

  const order = fallbackOrder('en', await storage.store.listLanguages());
  const rows: EngineFigures['rows'] = [];
  const all: number[] = [];
  for (const { q, note } of QUERIES) {
    const params = { q, page: 1, perPage: 20, filters: {} };
    const first = await search.search(params, order);
    const service = await time(() => search.search(params, order), reps);
    const index = await time(() => reader.search({ query: parseQuery(q), filters: {}, limit: 20, offset: 0 }), reps);
    rows.push({ q, note, total: first.total, service, index });
    all.push(...service);
  }
  return { items: ids.length, sizes, baseline, all, rows };
}

async function main(): Promise<void> {
  const reps = Number(opts.reps);
  const figures: EngineFigures[] = [];
  let items = Number(opts.items);
  if (opts.use?.length) {
    for (const url of opts.use) {
      const f = await runEngine(engineOf(url), items, reps, url);
      figures.push(f);
    }
    items = figures[0]?.items ?? items;
  } else {
    for (const engine of opts.engines.split(',').map((e) => e.trim()) as Engine[]) figures.push(await runEngine(engine, items, reps));
  }
  const docs = items; // every synthetic record is published; people and chapters come on top

  console.log(`\nSearch on ${items.toLocaleString('en')} synthetic records (ranked top 20, snippets and facets; ${reps} runs per query after 2 warm-ups)\n`);
  for (const f of figures) {
    console.log(
      `${f.engine.padEnd(9)} load ${Number.isNaN(f.loadS) ? '(existing)' : `${f.loadS.toFixed(1)} s`} · index build ${Number.isNaN(f.buildS) ? '(existing)' : `${f.buildS.toFixed(1)} s`} · full-text index ${mb(f.sizes.fullText)} · all search tables ${mb(f.sizes.total)} · baseline (item by primary key) p50 ${ms(pct(f.baseline, 50))} ms`,
    );
  }
  const header = ['query', 'note', 'hits', '% recs', ...figures.flatMap((f) => [`${f.engine} p50`, 'p95', 'index p50'])];
  const lines = [header];
  for (const [i, { q, note }] of QUERIES.entries()) {
    const first = figures[0]?.rows[i];
    const cells = [q, note, String(first?.total ?? ''), first ? ((100 * first.total) / docs).toFixed(2) : ''];
    for (const f of figures) {
      const r = f.rows[i];
      if (!r) continue;
      cells.push(ms(pct(r.service, 50)), ms(pct(r.service, 95)), ms(pct(r.index, 50)));
    }
    lines.push(cells);
  }
  const widths = header.map((_, c) => Math.max(...lines.map((l) => [...(l[c] ?? '')].length)));
  for (const l of lines) console.log(l.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  '));
  console.log('');
  for (const f of figures) {
    const base = pct(f.baseline, 50);
    const within5 = f.rows.filter((r) => r.total <= docs * 0.05).flatMap((r) => r.service);
    console.log(
      `${f.engine.padEnd(9)} all queries p50 ${ms(pct(f.all, 50))} ms (${(pct(f.all, 50) / base).toFixed(0)}× baseline), p95 ${ms(pct(f.all, 95))} ms (${(pct(f.all, 95) / base).toFixed(0)}× baseline); ` +
        `queries matching ≤ 5% of records p95 ${ms(pct(within5, 95))} ms`,
    );
  }
  if (figures.length === 2) {
    const [a, b] = figures as [EngineFigures, EngineFigures];
    console.log(`${b.engine}/${a.engine} p95 ratio: ${(pct(b.all, 95) / pct(a.all, 95)).toFixed(2)}`);
  }
}

await main();
