// Fetching a manifest a curator names by URL, without letting that URL reach what the server
// can reach and the curator cannot (server-side request forgery): http(s) only, every address
// a name resolves to is checked before connecting, the connection goes to the checked address
// (no second DNS answer), redirects are checked again, and size and time are bounded.
import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { ImportError } from './errors.ts';

export interface FetchLimits {
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  /** Time for the whole fetch, redirects included. */
  timeoutMs: number;
  /** Allow loopback and private-network addresses (an administrator's choice, e.g. an intranet archive). */
  allowPrivate: boolean;
  maxRedirects: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { maxBytes: 8 * 1024 * 1024, timeoutMs: 15_000, allowPrivate: false, maxRedirects: 5 };

const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15],
  ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8], ['2001:db8::', 32], ['100::', 64],
] as const) blocked.addSubnet(net, bits, 'ipv6');

/** True for loopback, private, link-local, shared, documentation, multicast and reserved addresses. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family !== 6) return true;
  const lower = address.toLowerCase();
  // IPv4 written inside IPv6 (mapped, NAT64, compatible) is judged as the IPv4 address it carries.
  const embedded = /^(?:::ffff:|64:ff9b::|::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (embedded?.[1]) return blocked.check(embedded[1], 'ipv4');
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex?.[1] && hex[2]) {
    const n = (parseInt(hex[1], 16) << 16) | parseInt(hex[2], 16);
    return blocked.check([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.'), 'ipv4');
  }
  return blocked.check(address, 'ipv6');
}

async function checkedAddress(url: URL, limits: FetchLimits): Promise<{ address: string; family: 4 | 6 }> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literal = isIP(host);
  const found = literal ? [{ address: host, family: literal }] : await dnsLookup(host, { all: true, verbatim: true }).catch(() => {
    throw new ImportError('unreachable', `The name ${host} could not be resolved.`);
  });
  if (!found.length) throw new ImportError('unreachable', `The name ${host} has no address.`);
  if (!limits.allowPrivate) {
    const bad = found.find((a) => isPrivateAddress(a.address));
    if (bad) {
      throw new ImportError(
        'private-address',
        `${host} is ${bad.address === host ? 'a' : `at ${bad.address}, a`} private or local address; this server does not fetch from such addresses unless an administrator allows it.`,
      );
    }
  }
  const first = found[0]!;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

export function parseFetchUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ImportError('bad-url', `"${raw}" is not a web address.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ImportError('scheme', `Only http and https addresses can be imported, not ${url.protocol.replace(/:$/, '')}.`);
  }
  if (url.username || url.password) throw new ImportError('bad-url', 'Addresses with a user name or password are not fetched.');
  return url;
}

export interface Fetched {
  body: Buffer;
  /** Address after redirects. */
  url: string;
  contentType: string;
}

/** GETs a URL within the limits, following checked redirects. */
export async function safeFetch(raw: string, limits: FetchLimits = DEFAULT_FETCH_LIMITS): Promise<Fetched> {
  const deadline = Date.now() + limits.timeoutMs;
  let url = parseFetchUrl(raw);
  for (let hop = 0; ; hop++) {
    const { address, family } = await checkedAddress(url, limits);
    const res = await get(url, address, family, limits, deadline);
    if (res.status >= 300 && res.status < 400 && res.location) {
      if (hop >= limits.maxRedirects) throw new ImportError('unreachable', `More than ${limits.maxRedirects} redirects from ${raw}.`);
      url = parseFetchUrl(new URL(res.location, url).href);
      continue;
    }
    if (res.status < 200 || res.status >= 300) throw new ImportError('http-status', `${url.href} answered HTTP ${res.status}.`);
    return { body: res.body ?? Buffer.alloc(0), url: url.href, contentType: res.contentType };
  }
}

interface Answer {
  status: number;
  location: string | null;
  body: Buffer | null;
  contentType: string;
}

function get(url: URL, address: string, family: 4 | 6, limits: FetchLimits, deadline: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(new ImportError('timeout', `No complete answer from ${url.host} within ${limits.timeoutMs / 1000} s.`));
    // The connection goes to the address checked above, whatever DNS would answer now.
    const lookup: LookupFunction = (_host, opts, cb) => {
      if (opts.all) (cb as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
      else cb(null, address, family);
    };
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
      method: 'GET',
      lookup,
      headers: {
        accept: 'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json", application/ld+json, application/json;q=0.9, */*;q=0.1',
        'user-agent': 'Tsuzuri IIIF import',
      },
    });
    const timer = setTimeout(() => req.destroy(new ImportError('timeout', `No complete answer from ${url.host} within ${limits.timeoutMs / 1000} s.`)), remaining);
    const fail = (err: unknown) => {
      clearTimeout(timer);
      if (err instanceof ImportError) return reject(err);
      const code = (err as NodeJS.ErrnoException).code ?? '';
      reject(new ImportError('unreachable', `${url.host} could not be reached (${code || (err as Error).message}).`));
    };
    req.on('error', fail);
    req.on('response', (res: IncomingMessage) => {
      const status = res.statusCode ?? 0;
      const location = typeof res.headers.location === 'string' ? res.headers.location : null;
      const contentType = String(res.headers['content-type'] ?? '');
      if (status >= 300 && status < 400) {
        res.resume();
        clearTimeout(timer);
        return resolve({ status, location, body: null, contentType });
      }
      const declared = Number(res.headers['content-length'] ?? NaN);
      if (declared > limits.maxBytes) {
        req.destroy();
        return fail(new ImportError('too-large', `${url.href} is ${declared} bytes; manifests larger than ${limits.maxBytes} bytes are not imported.`));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > limits.maxBytes) {
          req.destroy(new ImportError('too-large', `${url.href} is larger than ${limits.maxBytes} bytes; manifests that large are not imported.`));
          return;
        }
        chunks.push(c);
      });
      res.on('error', fail);
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status, location, body: Buffer.concat(chunks), contentType });
      });
    });
    req.end();
  });
}
