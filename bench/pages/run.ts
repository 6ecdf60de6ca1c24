// Benchmark: Tsuzuri serving a chapter page and an item page vs nginx serving the same bytes
// from disk, with the same load generator (wrk) in the same run. Prints requests/s, the ratio
// to nginx, and p99 latency for each. Target: ≥ 0.5 of nginx's requests/s at 64 connections.
//
//   npm run bench:pages [-- --duration 5 --rounds 3 --connections 64 --nginx-workers 1]
//
// Needs Debian's nginx (nginx-light) and wrk.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, median, runWrk, waitFor, which, type WrkResult } from '../lib.ts';

const { values: opts } = parseArgs({
  options: {
    duration: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '64' },
    'nginx-workers': { type: 'string', default: '1' },
  },
});

const PAGES = [
  { name: 'chapter', path: '/en/exhibitions/japan-mongolia/establishment-1972' },
  { name: 'item', path: '/en/items/joint-communique-1972' },
];

const wrk = (url: string): WrkResult => runWrk(url, { connections: Number(opts.connections), duration: Number(opts.duration) });

async function main(): Promise<void> {
  for (const tool of ['nginx', 'wrk']) {
    if (!which(tool) && !(tool === 'nginx' && which('/usr/sbin/nginx'))) {
      console.error(`${tool} not found: apt-get install -y nginx-light wrk`);
      process.exit(2);
    }
  }
  const nginxBin = which('nginx') ?? '/usr/sbin/nginx';
  const work = mkdtempSync(join(tmpdir(), 'tsuzuri-bench-'));
  // nginx's workers drop privileges when started as root: they must be able to read the pages.
  chmodSync(work, 0o755);
  const children: ChildProcess[] = [];
  const cleanup = () => {
    for (const c of children) c.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  };
  process.on('exit', cleanup);
  try {
    const appPort = await freePort();
    const app = spawn(process.execPath, ['bin/tsuzuri.js', 'serve'], {
      env: { ...process.env, PORT: String(appPort), HOST: '127.0.0.1', TSUZURI_DATA_DIR: join(work, 'data'), LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.push(app);
    const appBase = `http://127.0.0.1:${appPort}`;
    await waitFor(`${appBase}/healthz`);

    // nginx serves exactly the bytes Tsuzuri serves, from disk.
    const root = join(work, 'www');
    for (const p of PAGES) {
      const body = Buffer.from(await (await fetch(`${appBase}${p.path}`)).arrayBuffer());
      mkdirSync(join(root, p.name), { recursive: true });
      writeFileSync(join(root, p.name, 'index.html'), body);
      console.log(`${p.name} page: ${body.length} bytes`);
    }
    const nginxPort = await freePort();
    const conf = join(work, 'nginx.conf');
    writeFileSync(
      conf,
      `worker_processes ${opts['nginx-workers']};
daemon off;
pid ${join(work, 'nginx.pid')};
error_log ${join(work, 'nginx-error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  default_type text/html;
  client_body_temp_path ${work}/cb; proxy_temp_path ${work}/px; fastcgi_temp_path ${work}/fc; uwsgi_temp_path ${work}/uw; scgi_temp_path ${work}/sc;
  server { listen 127.0.0.1:${nginxPort}; root ${root}; }
}
`,
    );
    const nginx = spawn(nginxBin, ['-c', conf, '-p', work], { stdio: ['ignore', 'inherit', 'inherit'] });
    children.push(nginx);
    await waitFor(`http://127.0.0.1:${nginxPort}/${PAGES[0]?.name}/`);

    console.log(`wrk -t1 -c${opts.connections} -d${opts.duration}s x ${opts.rounds} rounds; nginx worker_processes ${opts['nginx-workers']}; Tsuzuri: one process`);
    const rounds = Number(opts.rounds);
    for (const p of PAGES) {
      // Warm both up so the first render and cold caches are not measured.
      execFileSync('wrk', ['-t1', '-c8', '-d2s', `${appBase}${p.path}`]);
      execFileSync('wrk', ['-t1', '-c8', '-d2s', `http://127.0.0.1:${nginxPort}/${p.name}/`]);
      // Rounds alternate between the two servers, so a noisy neighbour hits both alike;
      // the ratio reported is the median of the per-round ratios.
      const ratios: number[] = [];
      const bases: WrkResult[] = [];
      const ourRuns: WrkResult[] = [];
      for (let r = 0; r < rounds; r++) {
        const base = wrk(`http://127.0.0.1:${nginxPort}/${p.name}/`);
        const ours = wrk(`${appBase}${p.path}`);
        bases.push(base);
        ourRuns.push(ours);
        ratios.push(ours.rps / base.rps);
      }
      const ratio = median(ratios);
      console.log(
        `${p.name.padEnd(8)} nginx ${median(bases.map((b) => b.rps)).toFixed(0).padStart(7)} req/s p99 ${median(bases.map((b) => b.p99ms)).toFixed(2)} ms | ` +
          `tsuzuri ${median(ourRuns.map((b) => b.rps)).toFixed(0).padStart(7)} req/s p99 ${median(ourRuns.map((b) => b.p99ms)).toFixed(2)} ms | ` +
          `ratio ${ratio.toFixed(2)} (rounds: ${ratios.map((x) => x.toFixed(2)).join(' ')}) ${ratio >= 0.5 ? 'target ≥ 0.5 met' : 'BELOW target 0.5'}`,
      );
    }
  } finally {
    cleanup();
    process.removeListener('exit', cleanup);
  }
}

await main();
