import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isoDate } from './dc.ts';
import { el, escapeAttr, xmlChars } from './xml.ts';

describe('OAI-PMH XML text', () => {
  it('escapes markup and drops what XML 1.0 cannot carry', () => {
    assert.equal(el('t', 'a<b>&c'), '<t>a&lt;b&gt;&amp;c</t>');
    assert.equal(escapeAttr('say "hi"\n'), 'say &quot;hi&quot;&#10;');
    assert.equal(xmlChars('a\u0000b\u0001\u0008\u000Bc\uFFFE\uFFFFd'), 'abcd');
    assert.equal(xmlChars('x\uD800y\uDC00z'), 'xyz', 'lone surrogates');
    assert.equal(xmlChars('𠮷\t\n\r'), '𠮷\t\n\r', 'astral characters and whitespace stay');
  });

  it('writes EDTF dates as ISO days or intervals of days', () => {
    assert.equal(isoDate('1972-02-19'), '1972-02-19');
    assert.equal(isoDate('1972-10'), '1972-10-01/1972-10-31');
    assert.equal(isoDate('1977~'), '1977-01-01/1977-12-31');
    assert.equal(isoDate('1971-09-10/1971-09-15'), '1971-09-10/1971-09-15');
    assert.equal(isoDate('1971/..'), '1971-01-01/..');
    assert.equal(isoDate(null), null);
  });
});
