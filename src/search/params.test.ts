import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSearchParams, searchQueryString } from './params.ts';

function refused(raw: Record<string, unknown>) {
  const r = parseSearchParams(raw);
  assert.equal(r.ok, false, JSON.stringify(raw));
  return r.ok ? null : r.error;
}

describe('search parameters', () => {
  it('takes defaults and filters', () => {
    const r = parseSearchParams({ q: ' 大使 ', type: 'item', decade: '1970', from: '1971', to: '1973', textLang: 'ja', person: 'niizeki-kinya' });
    assert.ok(r.ok);
    assert.equal(r.params.page, 1);
    assert.equal(r.params.perPage, 20);
    assert.deepEqual(r.params.filters, {
      kind: 'item',
      decade: 1970,
      from: '1971-01-01',
      to: '1973-12-31',
      lang: 'ja',
      person: 'niizeki-kinya',
    });
  });

  it('refuses bad input with a reason', () => {
    assert.equal(refused({ q: 'x'.repeat(10_000) })?.code, 'query_too_long');
    assert.equal(refused({ q: Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ') })?.code, 'too_many_terms');
    for (const page of ['-1', '0', 'abc', '1.5', '99999999']) assert.equal(refused({ q: 'x', page })?.parameter, 'page');
    assert.equal(refused({ q: 'x', per: '500' })?.parameter, 'per');
    assert.equal(refused({ q: 'x', type: 'exhibition' })?.parameter, 'type');
    assert.equal(refused({ q: 'x', decade: '1975' })?.parameter, 'decade');
    assert.equal(refused({ q: 'x', from: '1980', to: '1970' })?.parameter, 'from');
    assert.equal(refused({ q: 'x', person: '../etc' })?.parameter, 'person');
    assert.equal(refused({ q: ['a', 'b'] })?.code, 'repeated_parameter');
  });

  it('writes links that change one filter and start again at page 1', () => {
    const r = parseSearchParams({ q: 'Цэдэнбал', page: '3', institution: 'jp-naj' });
    assert.ok(r.ok);
    assert.equal(searchQueryString(r.params), '?q=%D0%A6%D1%8D%D0%B4%D1%8D%D0%BD%D0%B1%D0%B0%D0%BB&institution=jp-naj');
    assert.equal(searchQueryString(r.params, { institution: undefined, media: 'film' }), '?q=%D0%A6%D1%8D%D0%B4%D1%8D%D0%BD%D0%B1%D0%B0%D0%BB&media=film');
    assert.match(searchQueryString(r.params, { page: '4' }), /page=4/);
  });
});
