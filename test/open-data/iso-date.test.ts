import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { EdtfError, edtfBounds, parseEdtf } from '../../src/domain/edtf.ts';
import { cslDateOf } from '../../src/citation/citation.ts';
import { edtfToIsoDate, edtfToIsoInterval } from '../../src/linked-data/iso-date.ts';

const SIDE = /^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|\.\.)$/;

function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** First and last day an ISO side covers ("1972" → 1972-01-01 … 1972-12-31). */
function sideBounds(side: string): [string, string] {
  const [y, m, d] = side.split('-');
  if (d) return [side, side];
  if (m) return [`${y}-${m}-01`, `${y}-${m}-${String(lastDay(Number(y), Number(m))).padStart(2, '0')}`];
  return [`${y}-01-01`, `${y}-12-31`];
}

describe('EDTF → ISO 8601 for schema.org', () => {
  it('writes the demo forms and qualified dates without qualifiers', () => {
    const cases: [string, string, string | null][] = [
      ['1972-02-19', '1972-02-19', '1972-02-19'],
      ['1972-10', '1972-10', '1972-10'],
      ['1977', '1977', '1977'],
      ['1971-09-10/1971-09-15', '1971-09-10/1971-09-15', null],
      ['1971/1977', '1971/1977', null],
      ['1977~', '1977', null],
      ['1977?', '1977', null],
      ['1977%', '1977', null],
      ['1972-02?/1972-03', '1972-02/1972-03', null],
      ['197X', '1970/1979', null],
      ['19XX', '1900/1999', null],
      ['1985-04-XX', '1985-04', null],
      ['1972/..', '1972/..', null],
      ['../1972-05', '../1972-05', null],
      ['1972/', '1972/..', null],
      ['1999-12/2000-01-15', '1999-12-01/2000-01-15', null],
      ['1972-02-19T10:00:00Z', '1972-02-19', '1972-02-19'],
    ];
    for (const [edtf, interval, date] of cases) {
      assert.equal(edtfToIsoInterval(edtf), interval, edtf);
      assert.equal(edtfToIsoDate(edtf), date, edtf);
    }
  });

  it('CSL dates keep the span and mark qualified dates circa', () => {
    assert.deepEqual(cslDateOf('1972-02-19'), { 'date-parts': [[1972, 2, 19]] });
    assert.deepEqual(cslDateOf('1972-02?/1972-03'), { 'date-parts': [[1972, 2], [1972, 3]], circa: true });
    assert.deepEqual(cslDateOf('1977~'), { 'date-parts': [[1977]], circa: true });
    assert.deepEqual(cslDateOf('1972/..'), { 'date-parts': [[1972]] }, 'an open end is left out');
  });

  it('for any accepted EDTF date: ISO sides only, no qualifier or X, and the same first and last day', () => {
    const year = fc.integer({ min: 0, max: 9999 }).map((y) => String(y).padStart(4, '0'));
    const month = fc.integer({ min: 1, max: 12 }).map((m) => String(m).padStart(2, '0'));
    const day = fc.integer({ min: 1, max: 31 }).map((d) => String(d).padStart(2, '0'));
    const qualifier = fc.constantFrom('', '', '?', '~', '%');
    const xYear = fc.tuple(fc.integer({ min: 0, max: 999 }), fc.constantFrom('X', 'XX')).map(([y, x]) => String(y).padStart(4 - x.length, '0').slice(0, 4 - x.length) + x);
    const date = fc.oneof(
      fc.tuple(year, qualifier).map(([y, q]) => `${y}${q}`),
      fc.tuple(year, month, qualifier).map(([y, m, q]) => `${y}-${m}${q}`),
      fc.tuple(year, month, day, qualifier).map(([y, m, d, q]) => `${y}-${m}-${d}${q}`),
      fc.tuple(year, fc.integer({ min: 21, max: 24 }), qualifier).map(([y, s, q]) => `${y}-${s}${q}`),
      fc.tuple(year, month).map(([y, m]) => `${y}-${m}-XX`),
      fc.tuple(year).map(([y]) => `${y}-XX`),
      xYear,
    );
    const end = fc.oneof(date, fc.constant('..'), fc.constant(''));
    const edtf = fc.oneof(date, fc.tuple(date, end).map(([a, b]) => `${a}/${b}`), fc.tuple(end, date).map(([a, b]) => `${a}/${b}`));
    let accepted = 0;
    fc.assert(
      fc.property(edtf, (input) => {
        let parsed;
        try {
          parsed = parseEdtf(input);
        } catch (err) {
          if (err instanceof EdtfError) return true; // not a date Tsuzuri stores
          throw err;
        }
        accepted++;
        const iso = edtfToIsoInterval(input);
        assert.doesNotMatch(iso, /[?~%X]/, `${input} → ${iso}`);
        const sides = iso.split('/');
        assert.ok(sides.length <= 2, iso);
        for (const s of sides) assert.match(s, SIDE, `${input} → ${iso}`);
        const bounds = edtfBounds(parsed);
        const first = sides[0]!;
        const last = sides[sides.length - 1]!;
        assert.equal(first === '..' ? null : sideBounds(first)[0], bounds.earliest, `${input} → ${iso}: first day`);
        assert.equal(last === '..' ? null : sideBounds(last)[1], bounds.latest, `${input} → ${iso}: last day`);
        const single = edtfToIsoDate(input);
        if (single !== null) assert.equal(single, iso, 'a plain date is its own interval');
        return true;
      }),
      { numRuns: 2000 },
    );
    assert.ok(accepted > 500, `only ${accepted} of the generated dates were accepted`);
  });
});
