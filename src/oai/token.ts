// Resumption tokens: stateless, so any app server can continue a list another one started.
// A token carries the request's arguments, when the list was started (for expiry), how many
// records were already sent and the key of the last one; an HMAC over all of it makes a token
// that was altered, or signed by another database, a badResumptionToken.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface TokenState {
  verb: 'ListRecords' | 'ListIdentifiers';
  metadataPrefix: string;
  from?: string;
  until?: string;
  set?: string;
  /** Item id of the last record sent; the next page starts after it. */
  after: string;
  /** Records sent before the next page (the `cursor` attribute). */
  cursor: number;
  /** When the list was started, ms since the epoch. */
  issued: number;
}

const VERSION = 1;

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

export function encodeToken(state: TokenState, secret: string): string {
  const payload = Buffer.from(JSON.stringify({ v: VERSION, ...state })).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

export type TokenResult = { ok: true; state: TokenState } | { ok: false; reason: string };

function str(v: unknown): v is string {
  return typeof v === 'string';
}

/** Checks signature, shape and age; `ttlMs` after `issued` the token has expired. */
export function decodeToken(token: string, secret: string, now: number, ttlMs: number): TokenResult {
  const m = /^([A-Za-z0-9_-]{1,4000})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return { ok: false, reason: 'the resumptionToken is not one this repository issued' };
  const [, payload = '', mac = ''] = m;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'the resumptionToken is not one this repository issued (or it was altered)' };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'the resumptionToken cannot be read' };
  }
  const o = raw as Record<string, unknown>;
  if (
    typeof raw !== 'object' || raw === null || o['v'] !== VERSION ||
    (o['verb'] !== 'ListRecords' && o['verb'] !== 'ListIdentifiers') ||
    !str(o['metadataPrefix']) || !str(o['after']) ||
    typeof o['cursor'] !== 'number' || typeof o['issued'] !== 'number' ||
    (o['from'] !== undefined && !str(o['from'])) || (o['until'] !== undefined && !str(o['until'])) || (o['set'] !== undefined && !str(o['set']))
  ) {
    return { ok: false, reason: 'the resumptionToken cannot be read' };
  }
  const state: TokenState = {
    verb: o['verb'],
    metadataPrefix: o['metadataPrefix'],
    after: o['after'],
    cursor: o['cursor'],
    issued: o['issued'],
    ...(str(o['from']) ? { from: o['from'] } : {}),
    ...(str(o['until']) ? { until: o['until'] } : {}),
    ...(str(o['set']) ? { set: o['set'] } : {}),
  };
  if (now - state.issued > ttlMs) return { ok: false, reason: 'the resumptionToken has expired; start the list again' };
  return { ok: true, state };
}

export function tokenExpiry(state: Pick<TokenState, 'issued'>, ttlMs: number): Date {
  return new Date(state.issued + ttlMs);
}
