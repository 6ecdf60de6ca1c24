// Dates as people write them in spreadsheets → EDTF, each checked by the domain's parser.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatEdtf, parseEdtf } from '../../src/domain/edtf.ts';
import { toEdtf } from '../../src/import/sheet/dates.ts';

const TABLE: [string, string][] = [
  ['1972-02-19', '1972-02-19'],
  ['1972-02', '1972-02'],
  ['1972', '1972'],
  ['1972?', '1972?'],
  ['1972~', '1972~'],
  ['197X', '197X'],
  ['1971/1977', '1971/1977'],
  ['19 February 1972', '1972-02-19'],
  ['19 Feb. 1972', '1972-02-19'],
  ['February 19, 1972', '1972-02-19'],
  ['February 1972', '1972-02'],
  ['c. 1972', '1972~'],
  ['circa 1972', '1972~'],
  ['about February 1972', '1972-02~'],
  ['1970s', '197X'],
  ["1970's", '197X'],
  ['1971–1977', '1971/1977'],
  ['1971-1977', '1971/1977'],
  ['1971 - 1977', '1971/1977'],
  ['1971 to 1977', '1971/1977'],
  ['10–15 September 1971', '1971-09-10/1971-09-15'],
  ['19 February – 1 March 1972', '1972-02-19/1972-03-01'],
  ['昭和47年2月19日', '1972-02-19'],
  ['昭和47年(1972)2月19日', '1972-02-19'],
  ['昭和元年', '1926'],
  ['平成元年1月8日', '1989-01-08'],
  ['令和5年', '2023'],
  ['昭和46年(1971)～昭和52年(1977)', '1971/1977'],
  ['1972年2月19日', '1972-02-19'],
  ['１９７２年２月１９日', '1972-02-19'],
  ['1972年2月', '1972-02'],
  ['1972年頃', '1972~'],
  ['1972 оны 2 сарын 19', '1972-02-19'],
  ['1972 оны 2 дугаар сарын 19', '1972-02-19'],
  ['1972 оны 2-р сарын 19', '1972-02-19'],
  ['1972 оны хоёрдугаар сарын 19', '1972-02-19'],
  ['1972 оны арван нэгдүгээр сар', '1972-11'],
  ['1972 он', '1972'],
  ['1972 оны орчим', '1972~'],
  ['1972/02/19', '1972-02-19'],
  ['19.02.1972', '1972-02-19'],
  ['1972-02-19T00:00:00.000Z', '1972-02-19'],
];

describe('written dates → EDTF', () => {
  for (const [input, edtf] of TABLE) {
    it(`${input} → ${edtf}`, () => {
      const r = toEdtf(input);
      assert.deepEqual(r, { ok: true, edtf });
      assert.doesNotThrow(() => parseEdtf(edtf));
    });
  }

  it('reads back what the site shows in English, Japanese and Mongolian for single dates', () => {
    for (const edtf of ['1972-02-19', '1972-02', '1972', '1972~', '197X', '1971/1977']) {
      for (const lang of ['en', 'ja', 'mn']) {
        const shown = formatEdtf(edtf, lang);
        const r = toEdtf(shown);
        assert.ok(r.ok, `${lang} "${shown}" is not read back`);
        assert.equal(r.edtf, edtf, `${lang} "${shown}"`);
      }
    }
  });

  it('refuses what it cannot read, saying why', () => {
    const ambiguous = toEdtf('02/03/1972');
    assert.equal(ambiguous.ok, false);
    assert.match(ambiguous.ok ? '' : ambiguous.reason, /ambiguous/);
    for (const bad of ['next Tuesday', '31 February 1972', '1972-13', '昭和47年13月', 'Febtember 1972']) {
      const r = toEdtf(bad);
      assert.equal(r.ok, false, bad);
      assert.ok(!r.ok && r.reason.includes(bad), `the reason names "${bad}"`);
    }
  });
});
