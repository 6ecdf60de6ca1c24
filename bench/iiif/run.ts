// Benchmark: IIIF Image API serving of one 6000×4000 image, against real peers in one run:
//  - IIPImage (Debian's iipimage-server, FastCGI behind nginx) from the same pyramidal TIFF
//    master Tsuzuri renders from, with its tile cache off and on;
//  - nginx serving the same pre-cut tile files Tsuzuri serves;
//  - Tsuzuri (one process, as `tsuzuri serve` runs), tiles from memory and from files.
// Random 256×256 tiles of the whole pyramid at 64 connections, then random other regions and
// sizes (each request new, so nothing is answered from a cache). Prints requests/s, p50 and
// p99 for each, and the time to prepare the image as an upload would.
//
//   node --import tsx bench/iiif/run.ts [-- --duration 10 --connections 64 --iip-processes 2]
//
// Needs Debian's nginx-light, wrk, iipimage-server and spawn-fcgi.
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { prepareImage, pyramidDir, type Pyramid } from '../../src/media/iiif/pyramid.ts';
import { MediaStore } from '../../src/media/store.ts';
import { ContentService } from '../../src/services/content.ts';
import { openStorage } from '../../src/storage/index.ts';
import { freePort, waitFor } from '../lib.ts';

const run = promisify(execFile);
const { values: opts } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '64' },
    'iip-processes': { type: 'string', default: '2' },
    'nginx-workers': { type: 'string', default: '2' },
  },
});

const W = 6000;
const H = 4000;
const ID = 'bench-image';
const IIP = '/usr/lib/iipimage-server/iipsrv.fcgi';

function which(cmd: string): string | null {
  try {
    return execFileSync('which', [cmd], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}



/** A document-like image: paper tone, lines of text, stamps and a little grain, as JPEG. */
async function makeImage(): Promise<Buffer> {
  const lines: string[] = [];
  for (let y = 300; y < H - 200; y += 90) {
    lines.push(`<text x="${300 + ((y * 7) % 200)}" y="${y}" font-size="64" fill="#2a2520" font-family="DejaVu Serif">${'Archival record line ' + y + ' — 綴り Монгол Japan 1972 '.repeat(3)}</text>`);
  }
  for (let i = 0; i < 30; i++) lines.push(`<circle cx="${(i * 997) % W}" cy="${(i * 631) % H}" r="${80 + (i % 5) * 30}" fill="none" stroke="#9b2d20" stroke-width="14" opacity="0.6"/>`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#efe6d2"/><stop offset="1" stop-color="#d9c9a8"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>${lines.join('')}</svg>`;
  const grain = await sharp({ create: { width: W, height: H, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 12 } } }).png().toBuffer();
  return sharp(Buffer.from(svg), { limitInputPixels: false })
    .composite([{ input: grain, blend: 'soft-light' }])
    .jpeg({ quality: 88 })
    .toBuffer();
}

/** Every tile of the pyramid as (region, width, height), as a viewer asks for them. */
function tiles(p: Pyramid): { region: string; w: number; h: number }[] {
  const out: { region: string; w: number; h: number }[] = [];
  for (const s of p.scaleFactors) {
    const span = p.tileSize * s;
    for (let y = 0; y < p.height; y += span) {
      for (let x = 0; x < p.width; x += span) {
        const w = Math.min(span, p.width - x);
        const h = Math.min(span, p.height - y);
        const whole = w === p.width && h === p.height;
        out.push({ region: whole ? 'full' : `${x},${y},${w},${h}`, w: Math.ceil(w / s), h: Math.ceil(h / s) });
      }
    }
  }
  return out;
}

/** Regions and sizes a pyramid does not hold: random crops scaled to 150–600 px wide. */
function oddRequests(n: number): { region: string; w: number }[] {
  let s = 12345;
  const r = (lo: number, hi: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return lo + (s % (hi - lo + 1));
  };
  const out: { region: string; w: number }[] = [];
  for (let i = 0; i < n; i++) {
    const w = r(300, 2400);
    const h = r(300, 2400);
    const x = r(0, W - w);
    const y = r(0, H - h);
    out.push({ region: `${x},${y},${w},${h}`, w: Math.min(w, r(150, 600)) });
  }
  return out;
}

interface WrkResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

function toMs(v: string): number {
  const m = /^([\d.]+)(us|ms|s)$/.exec(v.trim());
  if (!m) return NaN;
  const n = Number(m[1]);
  return m[2] === 'us' ? n / 1000 : m[2] === 's' ? n * 1000 : n;
}

/** wrk over a list of paths, each connection taking them in a random order. */
async function wrk(base: string, pathsFile: string, connections: string, duration: string): Promise<WrkResult> {
  const { stdout } = await run('wrk', ['-t2', `-c${connections}`, `-d${duration}s`, '--timeout', '10s', '--latency', '-s', join(__dirname_, 'paths.lua'), base], {
    env: { ...process.env, PATHS: pathsFile },
    maxBuffer: 16 * 1024 * 1024,
  });
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(stdout)?.[1] ?? 0);
  const sockErr = /Socket errors:.*timeout (\d+)/.exec(stdout);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]),
    p50: toMs(/\s50%\s+(\S+)/.exec(stdout)?.[1] ?? ''),
    p99: toMs(/\s99%\s+(\S+)/.exec(stdout)?.[1] ?? ''),
    errors: non2xx + Number(sockErr?.[1] ?? 0),
  };
}

const __dirname_ = new URL('.', import.meta.url).pathname;

function row(name: string, r: WrkResult): string {
  return `| ${name.padEnd(44)} | ${r.rps.toFixed(0).padStart(7)} | ${r.p50.toFixed(2).padStart(7)} | ${r.p99.toFixed(2).padStart(8)} |${r.errors ? ` ${r.errors} errors` : ''}`;
}

async function main(): Promise<void> {
  const missing = ['wrk', 'spawn-fcgi'].filter((t) => !which(t));
  if (missing.length) {
    console.error(`${missing.join(', ')} not found: apt-get install -y nginx-light wrk iipimage-server spawn-fcgi`);
    process.exit(2);
  }
  const nginxBin = which('nginx') ?? '/usr/sbin/nginx';
  const haveIip = !!which(IIP) || (await import('node:fs')).existsSync(IIP);
  const work = mkdtempSync(join(tmpdir(), 'tsuzuri-bench-iiif-'));
  chmodSync(work, 0o755);
  const children: ChildProcess[] = [];
  const cleanup = () => {
    for (const c of children) c.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  };
  process.on('exit', cleanup);
  try {
    // ---- the upload: store the original, cut the pyramid ------------------------------------
    const dataDir = join(work, 'data');
    const media = new MediaStore(join(dataDir, 'media'));
    const original = await makeImage();
    await media.write('bench/original.jpg', original);
    const t0 = performance.now();
    const p = await prepareImage(media, ID, 'bench/original.jpg');
    const prepareMs = performance.now() - t0;
    const tileList = tiles(p);
    console.log(`image ${W}×${H}, original JPEG ${(original.length / 1e6).toFixed(1)} MB; prepared in ${(prepareMs / 1000).toFixed(2)} s: ${tileList.length} tiles + ${p.sizes.length} sizes + pyramidal TIFF master`);

    const storage = await openStorage({ url: join(dataDir, 'tsuzuri.sqlite') });
    const content = new ContentService(storage.store);
    await content.saveInstitution({ id: 'bench-archive', parentId: null, name: { en: { value: 'Bench Archive', status: 'reviewed' } }, scheme: 'free-text', homepage: null, country: null });
    await content.saveItem({
      id: 'bench-item',
      heading: { en: { value: 'Benchmark image', status: 'reviewed' } },
      title: {},
      caption: {},
      date: null,
      institutionId: 'bench-archive',
      referenceCode: null,
      mediaType: 'document',
      rights: 'http://rightsstatements.org/vocab/CNE/1.0/',
      personIds: [],
      placeIds: [],
      media: [{ id: ID, kind: 'image', role: 'primary', path: 'bench/original.jpg', mime: 'image/jpeg', width: W, height: H, duration: null, placeholder: false, alt: {} }],
      state: 'published',
    });
    await storage.close();

    const tilesDir = join(media.resolve(pyramidDir(ID)), 'tiles');
    const master = join(media.resolve(pyramidDir(ID)), 'master.tif');
    const write = (name: string, paths: string[]) => {
      const f = join(work, name);
      writeFileSync(f, `${paths.join('\n')}\n`);
      return f;
    };
    const ourTiles = write('tiles-ours.txt', tileList.map((t) => `/iiif/3/${ID}/${t.region}/${t.w},${t.h}/0/default.jpg`));
    const iipTiles = write('tiles-iip.txt', tileList.map((t) => `/fcgi-bin/iipsrv.fcgi?IIIF=${master}/${t.region}/${t.w},/0/default.jpg`));
    const odd = oddRequests(200_000);
    const ourOdd = write('odd-ours.txt', odd.map((o) => `/iiif/3/${ID}/${o.region}/${o.w},/0/default.jpg`));
    const iipOdd = write('odd-iip.txt', odd.map((o) => `/fcgi-bin/iipsrv.fcgi?IIIF=${master}/${o.region}/${o.w},/0/default.jpg`));

    // ---- servers -----------------------------------------------------------------------------
    const startApp = async (memoryBytes: number) => {
      const port = await freePort();
      const app = spawn(process.execPath, ['bin/tsuzuri.js', 'serve'], {
        env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', TSUZURI_DATA_DIR: dataDir, TSUZURI_DEMO: '0', LOG_LEVEL: 'warn', TSUZURI_IIIF_MEMORY_BYTES: String(memoryBytes) },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      children.push(app);
      const base = `http://127.0.0.1:${port}`;
      await waitFor(`${base}/iiif/3/${ID}/info.json`);
      return { app, base };
    };

    const iipPort = await freePort();
    const startIip = (cacheMb: number) => {
      const child = spawn('spawn-fcgi', ['-n', '-a', '127.0.0.1', '-p', String(iipPort), '-F', opts['iip-processes'], '--', IIP], {
        env: { ...process.env, MAX_IMAGE_CACHE_SIZE: String(cacheMb), VERBOSITY: '0', JPEG_QUALITY: '82', MAX_CVT: '5000' },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      children.push(child);
      return child;
    };

    const nginxPort = await freePort();
    const conf = join(work, 'nginx.conf');
    writeFileSync(
      conf,
      `worker_processes ${opts['nginx-workers']};
daemon off;
pid ${join(work, 'nginx.pid')};
error_log ${join(work, 'nginx-error.log')} warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  open_file_cache max=10000 inactive=60s;
  client_body_temp_path ${work}/cb; proxy_temp_path ${work}/px; fastcgi_temp_path ${work}/fc; uwsgi_temp_path ${work}/uw; scgi_temp_path ${work}/sc;
  server {
    listen 127.0.0.1:${nginxPort};
    # The same tile files Tsuzuri serves, under the same addresses.
    location /iiif/3/${ID}/ { alias ${tilesDir}/; default_type image/jpeg; add_header Access-Control-Allow-Origin *; }
    location /fcgi-bin/iipsrv.fcgi { fastcgi_pass 127.0.0.1:${iipPort}; include /etc/nginx/fastcgi_params; fastcgi_keep_conn on; }
  }
}
`,
    );
    children.push(spawn(nginxBin, ['-c', conf, '-p', work], { stdio: ['ignore', 'inherit', 'inherit'] }));
    const nginxBase = `http://127.0.0.1:${nginxPort}`;
    await waitFor(`${nginxBase}/iiif/3/${ID}/0,0,256,256/256,256/0/default.jpg`);

    const d = opts.duration;
    const c = opts.connections;
    const results: string[] = [];
    const table = () => {
      console.log(`\nwrk -t2 -c${c} -d${d}s, random requests; 2 cores shared by server and load generator\n`);
      console.log('| server and request                           |   req/s | p50 ms  |  p99 ms  |');
      console.log('|----------------------------------------------|---------|---------|----------|');
      for (const r of results) console.log(r);
    };

    // nginx, the ceiling for serving files.
    await wrk(nginxBase, ourTiles, c, '2');
    results.push(row('nginx: tile files', await wrk(nginxBase, ourTiles, c, d)));

    // Tsuzuri, tiles from memory (after one pass has read them all), then from files only.
    let ours = await startApp(128 * 1024 * 1024);
    await wrk(ours.base, ourTiles, c, '3');
    results.push(row('Tsuzuri: tiles (hot ones in memory)', await wrk(ours.base, ourTiles, c, d)));
    const oddOurs = await wrk(ours.base, ourOdd, c, d);
    results.push(row('Tsuzuri: other regions/sizes (rendered)', oddOurs));
    ours.app.kill('SIGTERM');
    ours = await startApp(0);
    await wrk(ours.base, ourTiles, c, '2');
    results.push(row('Tsuzuri: tiles read from files (no memory)', await wrk(ours.base, ourTiles, c, d)));
    ours.app.kill('SIGTERM');

    if (haveIip) {
      let iip = startIip(0);
      await waitFor(`${nginxBase}/fcgi-bin/iipsrv.fcgi?IIIF=${master}/info.json`);
      results.push(row('IIPImage: tiles, cache off', await wrk(nginxBase, iipTiles, c, d)));
      results.push(row('IIPImage: other regions/sizes, cache off', await wrk(nginxBase, iipOdd, c, d)));
      iip.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
      iip = startIip(512);
      await waitFor(`${nginxBase}/fcgi-bin/iipsrv.fcgi?IIIF=${master}/info.json`);
      await wrk(nginxBase, iipTiles, c, '3');
      results.push(row('IIPImage: tiles, cache 512 MB', await wrk(nginxBase, iipTiles, c, d)));
      iip.kill('SIGTERM');
    } else {
      results.push(`| IIPImage not installed (${IIP}): apt-get install -y iipimage-server spawn-fcgi |`);
    }
    table();
    console.log(`\nprepare (cut the pyramid of the uploaded ${W}×${H} JPEG): ${(prepareMs / 1000).toFixed(2)} s`);
  } finally {
    cleanup();
    process.removeListener('exit', cleanup);
  }
}

await main();
