import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDateArg, parseRequest } from './protocol.ts';

const codes = (pairs: [string, string][]) => {
  const r = parseRequest(pairs);
  return r.ok ? [] : r.errors.map((e) => e.code);
};

describe('OAI-PMH arguments', () => {
  it('reads both granularities as the seconds they cover', () => {
    assert.deepEqual(parseDateArg('2024-02-29'), { granularity: 'day', first: '2024-02-29T00:00:00Z', last: '2024-02-29T23:59:59Z' });
    assert.deepEqual(parseDateArg('2002-02-05T05:35:00Z'), { granularity: 'second', first: '2002-02-05T05:35:00Z', last: '2002-02-05T05:35:00Z' });
    for (const bad of ['2002-13-01', '2023-02-29', '2002-02-05T24:00:00Z', '2002-02-05T05:35Z', '2002-02-05T05:35:00', '2002-02-05T05:35:00.5Z', '02-02-05', '0000-01-01', '']) {
      assert.equal(parseDateArg(bad), null, bad);
    }
  });

  it('checks verbs, names, repeats, exclusivity and syntax', () => {
    assert.deepEqual(codes([]), ['badVerb']);
    assert.deepEqual(codes([['verb', 'identify']]), ['badVerb']);
    assert.deepEqual(codes([['verb', 'Identify']]), []);
    assert.deepEqual(codes([['verb', 'Identify'], ['set', 'x']]), ['badArgument']);
    assert.deepEqual(codes([['verb', 'ListSets'], ['foo', '1'], ['bar', '2']]), ['badArgument', 'badArgument']);
    assert.deepEqual(codes([['verb', 'ListRecords'], ['metadataPrefix', 'oai_dc'], ['set', 'a'], ['set', 'a']]), ['badArgument']);
    assert.deepEqual(codes([['verb', 'ListRecords'], ['resumptionToken', 't'], ['set', 'a']]), ['badArgument']);
    assert.deepEqual(codes([['verb', 'ListRecords'], ['resumptionToken', 't']]), []);
    assert.deepEqual(codes([['verb', 'ListRecords'], ['metadataPrefix', 'oai dc']]), ['badArgument']);
    assert.deepEqual(codes([['verb', 'ListRecords'], ['metadataPrefix', 'oai_dc'], ['set', 'a b']]), ['badArgument']);
    assert.deepEqual(codes([['verb', 'ListRecords'], ['metadataPrefix', 'oai_dc'], ['set', 'exhibition:x:chapter:y']]), []);
    assert.deepEqual(codes([['verb', 'ListRecords'], ['metadataPrefix', 'oai_dc'], ['from', '']]), ['badArgument']);
    assert.deepEqual(codes([['verb', 'ListRecords'], ['metadataPrefix', 'oai_dc'], ['from', '2002-02-05'], ['until', '2002-02-05']]), []);
    assert.deepEqual(codes([['verb', 'ListRecords'], ['metadataPrefix', 'oai_dc'], ['from', '2002-02-05T00:00:01Z'], ['until', '2002-02-05T00:00:00Z']]), ['badArgument']);
    assert.deepEqual(codes([['verb', 'GetRecord']]), ['badArgument', 'badArgument']);
  });
});
