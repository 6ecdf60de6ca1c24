import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeToken, encodeToken, type TokenState } from './token.ts';

const state: TokenState = { verb: 'ListRecords', metadataPrefix: 'oai_dc', set: 'institution:a', after: 'item-9', cursor: 20, issued: 1_000_000 };

describe('resumption tokens', () => {
  it('round-trip the list state', () => {
    const t = encodeToken(state, 'k1');
    assert.match(t, /^[A-Za-z0-9_.-]+$/, 'safe in a URL and a form body as it is');
    assert.deepEqual(decodeToken(t, 'k1', 1_000_000, 60_000), { ok: true, state });
  });

  it('refuse another key, an altered payload, a late use and junk', () => {
    const t = encodeToken(state, 'k1');
    assert.equal(decodeToken(t, 'k2', 1_000_000, 60_000).ok, false);
    const [payload = '', mac = ''] = t.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), after: '' })).toString('base64url');
    assert.equal(decodeToken(`${forged}.${mac}`, 'k1', 1_000_000, 60_000).ok, false);
    const late = decodeToken(t, 'k1', 1_000_000 + 60_001, 60_000);
    assert.equal(late.ok, false);
    assert.match(late.ok ? '' : late.reason, /expired/);
    for (const junk of ['', '.', 'a.b', `${payload}.`, `${payload}.${mac}x`]) assert.equal(decodeToken(junk, 'k1', 1_000_000, 60_000).ok, false, junk);
  });
});
