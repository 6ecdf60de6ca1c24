import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchSpans, parseQuery } from './analyzer.ts';
import { excerpt, segmentsOf } from './snippet.ts';

const joined = (e: ReturnType<typeof excerpt>) => e.segments.map((s) => (s.mark ? `[${s.text}]` : s.text)).join('');

describe('excerpts', () => {
  it('keeps short text whole, with its matches marked', () => {
    const text = 'Agreement on the Establishment of Cultural Relations';
    const e = excerpt(text, matchSpans(text, parseQuery('cultural')));
    assert.equal(joined(e), 'Agreement on the Establishment of [Cultural] Relations');
    assert.equal(e.cutStart || e.cutEnd, false);
  });

  it('centres a long text on its matches and cuts at a space or punctuation', () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`);
    words[60] = 'Ulaanbaatar';
    const text = words.join(' ');
    const e = excerpt(text, matchSpans(text, parseQuery('Ulaanbaatar')), 120);
    assert.ok(e.cutStart && e.cutEnd);
    assert.match(joined(e), /\[Ulaanbaatar\]/);
    assert.match(joined(e), /^word\d+ /, 'starts at a word');
    assert.ok(joined(e).length <= 150);
  });

  it('prefers the window holding the most matches', () => {
    const text = `${'x '.repeat(30)}大使 ${'y '.repeat(100)}大使 大使 大使 ${'z '.repeat(60)}`;
    const e = excerpt(text, matchSpans(text, parseQuery('大使')), 60);
    assert.equal(e.segments.filter((s) => s.mark).length, 3);
  });

  it('never splits a surrogate pair', () => {
    const text = `${'𠮷'.repeat(150)}大使${'𠮷'.repeat(150)}`;
    const e = excerpt(text, matchSpans(text, parseQuery('大使')), 101);
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const s of e.segments) assert.doesNotMatch(s.text, lone);
  });

  it('splits text into plain and marked parts within bounds', () => {
    assert.deepEqual(segmentsOf('abcdef', [[1, 3]], 0, 6), [
      { text: 'a', mark: false },
      { text: 'bc', mark: true },
      { text: 'def', mark: false },
    ]);
    assert.deepEqual(segmentsOf('abcdef', [[1, 3]], 2, 4), [
      { text: 'c', mark: true },
      { text: 'd', mark: false },
    ]);
  });
});
