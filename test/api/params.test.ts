// Query parameters of the item list: normalised values, cursors that round-trip, and refusals
// that name the parameter.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeCursor, itemQueryString, LIMIT, ParamError, parseItemQuery } from '../../src/api/params.ts';

const refused = (raw: Record<string, unknown>, parameter: string) =>
  assert.throws(
    () => parseItemQuery(raw),
    (err: unknown) => err instanceof ParamError && err.parameter === parameter,
    JSON.stringify(raw),
  );

describe('item list parameters', () => {
  it('reads dates of any precision as their first or last day', () => {
    assert.deepEqual(parseItemQuery({ from: '1972', to: '1972' }), { limit: LIMIT.default, cursor: null, from: '1972-01-01', to: '1972-12-31' });
    const q = parseItemQuery({ from: '1972-02', to: '1972-02' });
    assert.deepEqual([q.from, q.to], ['1972-02-01', '1972-02-29']);
    assert.equal(parseItemQuery({ to: '1973-02' }).to, '1973-02-28');
    assert.equal(parseItemQuery({ from: '1972-10-11' }).from, '1972-10-11');
  });

  it('round-trips a cursor and keeps the filters in the next link', () => {
    const cursor = { dateFrom: '1972-02-19', id: 'joint-communique-1972' };
    const q = parseItemQuery({ cursor: encodeCursor(cursor), limit: '5', person: 'niizeki-kinya', media: 'document' });
    assert.deepEqual(q.cursor, cursor);
    assert.deepEqual(parseItemQuery({ cursor: encodeCursor({ dateFrom: null, id: 'x' }) }).cursor, { dateFrom: null, id: 'x' });
    const qs = itemQueryString(q, { dateFrom: null, id: 'zz' });
    const again = parseItemQuery(Object.fromEntries(new URLSearchParams(qs.slice(1))));
    assert.deepEqual(again, { ...q, cursor: { dateFrom: null, id: 'zz' } });
    assert.equal(itemQueryString(parseItemQuery({}), null), '');
  });

  it('refuses what it cannot use, naming the parameter', () => {
    refused({ limit: '0' }, 'limit');
    refused({ limit: String(LIMIT.max + 1) }, 'limit');
    refused({ limit: ['1', '2'] }, 'limit');
    refused({ cursor: 'not base64!' }, 'cursor');
    refused({ cursor: Buffer.from('{"a":1}').toString('base64url') }, 'cursor');
    refused({ cursor: encodeCursor({ dateFrom: '1972', id: 'x' }) }, 'cursor');
    refused({ cursor: encodeCursor({ dateFrom: null, id: 'Bad Id' }) }, 'cursor');
    refused({ exhibition: '../x' }, 'exhibition');
    refused({ media: 'Film' }, 'media');
    refused({ from: '1972-00' }, 'from');
    refused({ from: '1972-04-31' }, 'from');
    refused({ to: '19720' }, 'to');
    refused({ from: '1980', to: '1970' }, 'to');
    refused({ q: 'x' }, 'q');
    const err = (() => {
      try {
        parseItemQuery({ limit: 'many' });
      } catch (e) {
        return e;
      }
      return null;
    })();
    assert.ok(err instanceof ParamError);
    assert.match(err.why, /whole number from 1 to 100/);
  });
});
