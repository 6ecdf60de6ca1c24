// Benchmark: the same synthetic exhibition served from PostgreSQL and from SQLite, with the
// rendered-page cache off so that every request reaches the database.
//   (a) a chapter page (hundreds of cards): PostgreSQL vs SQLite;
//   (b) item pages, wrk cycling through every item id: PostgreSQL vs SQLite;
//   (c) item pages on PostgreSQL: two app processes (one wrk each, summed) vs one process.
// Rounds alternate between the two sides and the median of the per-round ratios is reported,
// as bench/pages does. One line with the cache on is printed for reference.
//
//   npm run bench:engines [-- --items 10000 --chapters 20 --rounds 3 --connections 64 \
//                             --duration 10 --max-duration 60 --pg postgres://postgres@127.0.0.1:5432/test]
//
// Each run lasts at least --duration seconds, longer for slow pages (up to --max-duration), so
// that the window is long against the time the server needs to answer all connections once.
//
// Needs Debian's wrk and a PostgreSQL server (a schema is created and dropped again).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { ContentService } from '../../src/services/content.ts';
import { defaultSqlitePath, openStorage, type Engine } from '../../src/storage/index.ts';
import { connectPostgres, dropPostgresSchema } from '../../src/storage/postgres/connect.ts';
import { freePort, median, runWrk, runWrkAsync, waitFor, waitIdle, which, type WrkOptions, type WrkResult } from '../lib.ts';
import { loadSynthetic, synthesize } from '../synth.ts';

const { values: opts } = parseArgs({
  options: {
    items: { type: 'string', default: '10000' },
    chapters: { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    duration: { type: 'string', default: '10' },
    'max-duration': { type: 'string', default: '60' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '64' },
    pg: { type: 'string', default: process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test' },
  },
});

const ITEMS = Number(opts.items);
const CHAPTERS = Number(opts.chapters);
const ROUNDS = Number(opts.rounds);
const CONNECTIONS = Number(opts.connections);
const DURATION = Number(opts.duration);
const MAX_DURATION = Math.max(DURATION, Number(opts['max-duration']));
const POOL = 10;
// Slow pages at 64 connections wait seconds for a turn; wrk drops responses slower than its
// timeout from the latency figures, which would flatter p99.
const WRK: WrkOptions = { connections: CONNECTIONS, duration: DURATION, timeout: 120 };

/**
 * Seconds one request takes with nothing else going on: per server, the median over its URLs
 * (five of them, asked one after another); then the slowest server.
 */
async function serviceSeconds(perServer: readonly (readonly string[])[]): Promise<number> {
  const medians: number[] = [];
  for (const urls of perServer) {
    const times: number[] = [];
    for (const url of urls) {
      const t = performance.now();
      await (await fetch(url)).arrayBuffer();
      times.push(performance.now() - t);
    }
    medians.push(median(times));
  }
  return Math.max(...medians) / 1000;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const hasErrors = (socketErrors: string | null): socketErrors is string => socketErrors !== null && /[1-9]/.test(socketErrors);
const fmtRun = (r: WrkResult) =>
  `${r.rps.toFixed(1).padStart(7)} req/s p99 ${r.p99ms.toFixed(0).padStart(5)} ms` + (hasErrors(r.socketErrors) ? ` [socket errors: ${r.socketErrors}]` : '');

function medianRun(runs: WrkResult[]): WrkResult {
  return {
    rps: median(runs.map((r) => r.rps)),
    p99ms: median(runs.map((r) => r.p99ms)),
    requests: median(runs.map((r) => r.requests)),
    socketErrors: runs.map((r) => r.socketErrors).find(hasErrors) ?? null,
  };
}

async function postgresProblem(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function versions(pgUrl: string, sqliteFile: string): Promise<string> {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  const pgVersion = (await client.query<{ server_version: string }>('show server_version')).rows[0]?.server_version ?? '?';
  await client.end();
  const s = await openStorage({ url: sqliteFile });
  const sqliteVersion = (await sql<{ v: string }>`select sqlite_version() as v`.execute(s.db)).rows[0]?.v ?? '?';
  await s.close();
  return `PostgreSQL ${pgVersion}, SQLite ${sqliteVersion}, Node ${process.versions.node}`;
}

/**
 * Opens our schema, explaining the one failure a shared server makes likely: the migrator looks
 * for its bookkeeping tables in every schema of the database, so another schema that holds
 * Tsuzuri's tables makes it skip creating them in ours.
 */
async function openPostgres(url: string, schema: string) {
  try {
    return await openStorage({ url, schema, poolSize: 2 });
  } catch (err) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const others = (
      await client.query<{ s: string }>(
        "select table_schema as s from information_schema.tables where table_name = 'kysely_migration' and table_schema <> $1",
        [schema],
      )
    ).rows.map((r) => r.s);
    await client.end();
    if (others.length) {
      console.error(
        `migrating schema ${schema} failed: other schemas in this database hold Tsuzuri tables (${others.join(', ')}), ` +
          'and the migrator finds its tables there instead of in ours. Point --pg at a database of its own (createdb tsuzuri_bench).',
      );
    }
    throw err;
  }
}

const loadAverage = () => loadavg().map((x) => x.toFixed(2)).join(' ');

function sourceRevision(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const rev = git('rev-parse', '--short', 'HEAD');
    const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';
    return dirty ? `${rev} with uncommitted changes` : rev;
  } catch {
    return 'not a git checkout';
  }
}

/** A wrk script that asks for every item page in turn; init's argument sets where it starts. */
function itemScript(ids: readonly string[]): string {
  return `local paths = {
${ids.map((id) => `  "/en/items/${id}",`).join('\n')}
}
local i = 0
function init(args)
  if args[1] then i = tonumber(args[1]) % #paths end
end
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
`;
}

interface AppProcess {
  name: string;
  base: string;
  child: ChildProcess;
  pid: number;
}

async function main(): Promise<number> {
  if (!which('wrk')) {
    console.error('wrk not found: apt-get install -y wrk');
    return 2;
  }
  if (![ITEMS, CHAPTERS, ROUNDS, CONNECTIONS, DURATION].every((n) => Number.isInteger(n) && n > 0) || CONNECTIONS < 2) {
    console.error('--items, --chapters, --rounds, --duration and --connections (at least 2) must be positive integers');
    return 2;
  }
  const problem = await postgresProblem(opts.pg);
  if (problem) {
    console.error(
      `PostgreSQL at ${opts.pg.replace(/\/\/[^@]*@/, '//')} is unreachable (${problem}).\n` +
        'Start it (Debian: apt-get install -y postgresql && pg_ctlcluster <version> main start) or name another server with --pg postgres://…',
    );
    return 2;
  }

  const work = mkdtempSync(join(tmpdir(), 'tsuzuri-engines-'));
  const sqliteDir = join(work, 'sqlite');
  const sqliteFile = defaultSqlitePath(sqliteDir);
  const schema = `bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  const apps: AppProcess[] = [];
  let schemaMade = false;

  const stopApps = async () => {
    await Promise.all(
      apps.splice(0).map(
        (a) =>
          new Promise<void>((resolve) => {
            if (a.child.exitCode !== null || a.child.signalCode !== null) return resolve();
            const kill = setTimeout(() => a.child.kill('SIGKILL'), 15000);
            a.child.once('exit', () => {
              clearTimeout(kill);
              resolve();
            });
            a.child.kill('SIGTERM');
          }),
      ),
    );
  };
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    await stopApps();
    if (schemaMade) {
      const admin = await connectPostgres({ url: opts.pg });
      try {
        await dropPostgresSchema(admin, schema);
      } finally {
        await admin.destroy();
      }
    }
    rmSync(work, { recursive: true, force: true });
  };
  const onSignal = () => {
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const startApp = async (name: string, engine: Engine, cache: boolean): Promise<AppProcess> => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      TSUZURI_DEMO: '0',
      LOG_LEVEL: 'warn',
      // Empty: the default size (config.ts).
      TSUZURI_PAGE_CACHE_BYTES: cache ? '' : '0',
      TSUZURI_DB_POOL: String(POOL),
      TSUZURI_DATA_DIR: engine === 'sqlite' ? sqliteDir : join(work, `media-${name}`),
      DATABASE_URL: engine === 'postgres' ? opts.pg : '',
      TSUZURI_DB_SCHEMA: engine === 'postgres' ? schema : '',
    };
    const child = spawn(process.execPath, ['bin/tsuzuri.js', 'serve'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
    const app: AppProcess = { name, base: `http://127.0.0.1:${port}`, child, pid: child.pid ?? -1 };
    apps.push(app);
    await waitFor(`${app.base}/healthz`);
    return app;
  };

  try {
    console.log(`source ${sourceRevision()}`);
    const cores = availableParallelism();
    console.log(`machine: ${cores} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), load average ${loadAverage()} before the run`);
    console.log(`note: wrk, PostgreSQL and the app processes all share these ${cores} cores; with 2 cores, a second app process competes with the database and wrk for them.`);

    let t = performance.now();
    const data = synthesize({ items: ITEMS, chapters: CHAPTERS, seed: Number(opts.seed) });
    console.log(`synthetic exhibition: ${ITEMS} items, ${CHAPTERS} chapters, ${data.people.length} people, ${data.places.length} places (generated in ${seconds(performance.now() - t)})`);

    for (const engine of ['sqlite', 'postgres'] as const) {
      // Set first: a schema is created before its migrations run, and must go even if they fail.
      schemaMade ||= engine === 'postgres';
      const storage = engine === 'sqlite' ? await openStorage({ url: sqliteFile }) : await openPostgres(opts.pg, schema);
      try {
        t = performance.now();
        await loadSynthetic(new ContentService(storage.store), data);
        console.log(`load ${engine.padEnd(8)} ${seconds(performance.now() - t)} (one transaction, every record validated)`);
      } finally {
        await storage.close();
      }
    }
    console.log(await versions(opts.pg, sqliteFile));

    const sqliteApp = await startApp('sqlite', 'sqlite', false);
    const pgApp = await startApp('pg-a', 'postgres', false);
    const pgApp2 = await startApp('pg-b', 'postgres', false);
    const allPids = () => apps.map((a) => a.pid);

    // The chapter in the middle of the exhibition, with its share of the items.
    const chapter = data.exhibition.chapters[Math.floor(CHAPTERS / 2)] ?? data.exhibition.chapters[0];
    if (!chapter) throw new Error('no chapter');
    const chapterPath = `/en/exhibitions/synthetic/${chapter.slug}`;
    const cards = chapter.sections.reduce((n, s) => n + s.itemIds.length, 0);

    // Both engines must serve the same bytes, or the comparison compares different work.
    const ids = data.items.map((i) => i.id);
    const probe = [chapterPath, ...[0, 1, 2, 3, 4].map((k) => `/en/items/${ids[Math.floor((k * ids.length) / 5)]}`)];
    let chapterBytes = 0;
    for (const path of probe) {
      const [a, b] = await Promise.all([sqliteApp, pgApp].map(async (app) => {
        const res = await fetch(`${app.base}${path}`);
        if (res.status !== 200) throw new Error(`${app.name} ${path}: HTTP ${res.status}`);
        return res.text();
      }));
      if (a !== b) console.log(`WARNING: ${path} differs between SQLite and PostgreSQL`);
      if (path === chapterPath) chapterBytes = Buffer.byteLength(a ?? '');
    }

    const script = join(work, 'items.lua');
    writeFileSync(script, itemScript(ids));

    console.log(
      `\nPage cache OFF (TSUZURI_PAGE_CACHE_BYTES=0): every request reads the database and renders the page.\n` +
        `wrk -t1 -c${CONNECTIONS} x ${ROUNDS} rounds, sides alternating (order swapped each round), servers left to go idle between runs; ` +
        `one app process per engine, PostgreSQL pool ${POOL} connections per process; ratio = median of per-round ratios.`,
    );

    const compare = async (
      label: string,
      sides: [string, (seconds: number) => Promise<WrkResult>, string, (seconds: number) => Promise<WrkResult>],
      ratioName: string,
      urls: string[][],
    ) => {
      const [nameA, runA, nameB, runB] = sides;
      // All connections start at once and the app works on their requests side by side, so the
      // first responses arrive only after about connections × service time. The window must be
      // long against that, or it measures the start and not the steady state.
      const service = await serviceSeconds(urls);
      const duration = Math.max(DURATION, Math.min(MAX_DURATION, Math.ceil(2 * CONNECTIONS * service)));
      const as: WrkResult[] = [];
      const bs: WrkResult[] = [];
      const ratios: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        let a: WrkResult;
        let b: WrkResult;
        if (r % 2 === 0) {
          a = await runA(duration);
          await waitIdle(allPids());
          b = await runB(duration);
        } else {
          b = await runB(duration);
          await waitIdle(allPids());
          a = await runA(duration);
        }
        await waitIdle(allPids());
        as.push(a);
        bs.push(b);
        ratios.push(a.rps / b.rps);
      }
      console.log(
        `\n${label}\n  one request alone: ${(service * 1000).toFixed(0)} ms (median of 5, slower side); window ${duration} s per run\n` +
          `  ${nameA.padEnd(22)} ${fmtRun(medianRun(as))}\n  ${nameB.padEnd(22)} ${fmtRun(medianRun(bs))}\n` +
          `  ${ratioName} ${median(ratios).toFixed(2)} (rounds: ${ratios.map((x) => x.toFixed(2)).join(' ')})`,
      );
    };

    const warm = async (url: string, extra: Partial<WrkOptions> = {}) => {
      runWrk(url, { connections: 8, duration: 2, timeout: 120, ...extra });
      await waitIdle(allPids());
    };
    const wrkFor = (seconds: number): WrkOptions => ({ ...WRK, duration: seconds });

    // (a) chapter page
    for (const app of [sqliteApp, pgApp]) await warm(`${app.base}${chapterPath}`);
    await compare(
      `(a) chapter page ${chapterPath} (${cards} item cards, ${(chapterBytes / 1024).toFixed(0)} KiB)`,
      [
        'PostgreSQL',
        async (d) => runWrk(`${pgApp.base}${chapterPath}`, wrkFor(d)),
        'SQLite',
        async (d) => runWrk(`${sqliteApp.base}${chapterPath}`, wrkFor(d)),
      ],
      'ratio PostgreSQL/SQLite',
      [pgApp, sqliteApp].map((a) => Array.from({ length: 5 }, () => `${a.base}${chapterPath}`)),
    );

    // (b) item pages, all of them in turn
    const itemRun = (app: AppProcess, seconds: number, connections = CONNECTIONS, start = 0) =>
      runWrkAsync(`${app.base}/`, { ...wrkFor(seconds), connections, script, scriptArgs: [String(start)] });
    const itemUrls = (app: AppProcess) => [0.1, 0.3, 0.5, 0.7, 0.9].map((f) => `${app.base}/en/items/${ids[Math.floor(f * ids.length)]}`);
    for (const app of [sqliteApp, pgApp]) await warm(`${app.base}/`, { script });
    await compare(
      `(b) item pages /en/items/{id}, cycling through all ${ids.length} ids`,
      ['PostgreSQL', (d) => itemRun(pgApp, d), 'SQLite', (d) => itemRun(sqliteApp, d)],
      'ratio PostgreSQL/SQLite',
      [itemUrls(pgApp), itemUrls(sqliteApp)],
    );

    // (c) two processes vs one, on PostgreSQL
    await warm(`${pgApp2.base}/`, { script });
    const half = Math.floor(CONNECTIONS / 2);
    await compare(
      `(c) item pages on PostgreSQL: two app processes (wrk -c${half} against each, summed) vs one (wrk -c${CONNECTIONS})`,
      [
        'two processes',
        async (d) => {
          const [x, y] = await Promise.all([itemRun(pgApp, d, half, 0), itemRun(pgApp2, d, CONNECTIONS - half, Math.floor(ids.length / 2))]);
          return { rps: x.rps + y.rps, p99ms: Math.max(x.p99ms, y.p99ms), requests: x.requests + y.requests, socketErrors: [x.socketErrors, y.socketErrors].find(hasErrors) ?? null };
        },
        'one process',
        (d) => itemRun(pgApp, d),
      ],
      'ratio two/one',
      [itemUrls(pgApp)],
    );
    console.log('  (p99 of two processes: the higher of the two wrk runs)');

    // Reference: the same chapter page with the page cache on, served from memory after the first request.
    await stopApps();
    const cached = await startApp('pg-cached', 'postgres', true);
    await warm(`${cached.base}${chapterPath}`);
    const ref = runWrk(`${cached.base}${chapterPath}`, wrkFor(DURATION));
    console.log(`\nReference, page cache ON (default size), PostgreSQL, one process:\n  (a) chapter page       ${fmtRun(ref)}`);
    // Other work on the machine skews every figure; alternating rounds only spreads it evenly.
    console.log(`\nload average ${loadAverage()} after the run`);
    return 0;
  } finally {
    await cleanup();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

process.exitCode = await main();
