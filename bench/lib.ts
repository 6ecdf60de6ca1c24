// Helpers shared by the benchmarks: ports, readiness, wrk runs and their parsing, medians,
// and waiting for a server to finish the work a load generator left queued.
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export function which(cmd: string): string | null {
  try {
    return execFileSync('which', [cmd], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export async function waitFor(url: string, ms = 60000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}

/** A wrk duration ("812.31us", "1.20ms", "2.51s", "1.02m") in milliseconds. */
export function toMs(v: string): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(v.trim());
  if (!m) return NaN;
  const n = Number(m[1]);
  return m[2] === 'us' ? n / 1000 : m[2] === 's' ? n * 1000 : m[2] === 'm' ? n * 60000 : n;
}

export interface WrkResult {
  rps: number;
  p99ms: number;
  /** Responses completed in the run. */
  requests: number;
  /** wrk's socket error line ("connect 0, read 0, write 0, timeout 3"), null when there were none. */
  socketErrors: string | null;
}

export interface WrkOptions {
  connections: number;
  /** Seconds. */
  duration: number;
  threads?: number;
  /** A Lua script (wrk -s) and the arguments its init() receives. */
  script?: string;
  scriptArgs?: string[];
  /**
   * Seconds before wrk gives up on a response. wrk leaves slower responses out of its latency
   * figures, so a slow page needs a generous value for its p99 to mean anything.
   */
  timeout?: number;
}

export function wrkArgs(url: string, o: WrkOptions): string[] {
  return [
    `-t${o.threads ?? 1}`,
    `-c${o.connections}`,
    `-d${o.duration}s`,
    ...(o.timeout ? ['--timeout', `${o.timeout}s`] : []),
    ...(o.script ? ['-s', o.script] : []),
    '--latency',
    url,
    ...(o.scriptArgs ?? []),
  ];
}

/** Reads wrk's report; error responses make the run worthless, so they throw. */
export function parseWrk(out: string, url: string): WrkResult {
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const p99 = /\s99%\s+(\S+)/.exec(out)?.[1] ?? '';
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? NaN);
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(out);
  if (non2xx) throw new Error(`${url}: ${non2xx[1]} error responses`);
  const socket = /Socket errors:\s+(.*)/.exec(out)?.[1]?.trim() ?? null;
  return { rps, p99ms: toMs(p99), requests, socketErrors: socket };
}

export function runWrk(url: string, o: WrkOptions): WrkResult {
  return parseWrk(execFileSync('wrk', wrkArgs(url, o), { encoding: 'utf8' }), url);
}

/** The same, without blocking, so that several load generators can run at once. */
export async function runWrkAsync(url: string, o: WrkOptions): Promise<WrkResult> {
  const { stdout } = await execFileAsync('wrk', wrkArgs(url, o), { encoding: 'utf8' });
  return parseWrk(stdout, url);
}

/** CPU time (clock ticks) a process has used so far, from /proc; null where there is no /proc. */
function cpuTicks(pid: number): number | null {
  try {
    // The command name (field 2) may hold spaces; count fields after its closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/**
 * Waits until the processes use (almost) no CPU. A server keeps working through requests that
 * were queued when wrk stopped; measuring the next server meanwhile would charge it for that.
 * Returns the milliseconds waited.
 */
export async function waitIdle(pids: readonly number[], maxMs = 120000): Promise<number> {
  const start = Date.now();
  const total = () => pids.reduce((n, pid) => n + (cpuTicks(pid) ?? 0), 0);
  let before = total();
  while (Date.now() - start < maxMs) {
    await new Promise((r) => setTimeout(r, 250));
    const now = total();
    // 2 ticks in 250 ms is under 10% of one core: the background polling of an idle server.
    if (now - before <= 2) return Date.now() - start;
    before = now;
  }
  return Date.now() - start;
}
