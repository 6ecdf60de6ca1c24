import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SCHEMES, getScheme, referenceCodeSortKey, validateReferenceCode } from './reference-code.ts';

function valid(scheme: string, code: string, value = code): void {
  assert.deepEqual(validateReferenceCode(scheme, code), { ok: true, value }, `${scheme}: ${JSON.stringify(code)}`);
}

function invalid(scheme: string, code: string, reason?: RegExp): void {
  const r = validateReferenceCode(scheme, code);
  assert.equal(r.ok, false, `${scheme}: ${JSON.stringify(code)} should be rejected`);
  if (!r.ok && reason) assert.match(r.reason, reason);
}

test('every scheme has labels in en, ja and mn, and its example is valid in it', () => {
  const ids = new Set<string>();
  for (const s of SCHEMES) {
    assert.ok(!ids.has(s.id), `duplicate scheme ${s.id}`);
    ids.add(s.id);
    for (const lang of ['en', 'ja', 'mn'] as const) assert.ok(s.label[lang].trim() !== '', `${s.id} label ${lang}`);
    valid(s.id, s.example);
    assert.equal(getScheme(s.id), s);
  }
  for (const id of ['fund-file-unit', 'film-photo-k', 'ja-request-number', 'series-number', 'free-text']) {
    assert.ok(ids.has(id), id);
  }
  assert.equal(getScheme('nope'), undefined);
});

test('fund-file-unit', () => {
  valid('fund-file-unit', 'Fund-59, File-1, Unit-66');
  valid('fund-file-unit', 'Fund-151, File-21, Unit-02');
  valid('fund-file-unit', '  Fund-59, File-1, Unit-66 ', 'Fund-59, File-1, Unit-66');
  invalid('fund-file-unit', 'Fund-59, File-1', /expected the form Fund-N, File-N, Unit-N, e\.g\. Fund-59, File-1, Unit-66/);
  invalid('fund-file-unit', 'fund-59, file-1, unit-66', /case-sensitive/);
  invalid('fund-file-unit', 'Fund-59,File-1,Unit-66', /spacing.*Fund-59, File-1, Unit-66/);
  invalid('fund-file-unit', 'Fund-59,  File-1, Unit-66', /spacing/);
  invalid('fund-file-unit', 'Fund 59, File 1, Unit 66');
  invalid('fund-file-unit', 'Fund-59, File-1, Unit-66a');
  invalid('fund-file-unit', 'Fund-５９, File-1, Unit-66', /half-width/);
});

test('film-photo-k', () => {
  valid('film-photo-k', 'K-19180-1');
  invalid('film-photo-k', 'K-19180', /expected the form K-N-N, e\.g\. K-19180-1/);
  invalid('film-photo-k', 'K19180-1');
  invalid('film-photo-k', 'k-19180-1', /case-sensitive/);
  invalid('film-photo-k', 'К-19180-1'); // Cyrillic К
});

test('ja-request-number', () => {
  valid('ja-request-number', '平15文科00129100');
  valid('ja-request-number', '平11総01509100');
  valid('ja-request-number', '昭47外務00012345');
  valid('ja-request-number', '令2内閣00001100');
  valid('ja-request-number', '本館-2A-012-00・類00123100');
  valid('ja-request-number', '本館-4E-036-00・平11法務01234100');
  invalid('ja-request-number', '平15文科0012', /National Archives of Japan.*e\.g\. 平15文科00129100/);
  invalid('ja-request-number', 'H15文科00129100');
  invalid('ja-request-number', '平文科00129100');
  invalid('ja-request-number', '平123文科00129100');
  invalid('ja-request-number', '類00123100');
  invalid('ja-request-number', '本館-2A-012-00類00123100');
  invalid('ja-request-number', '平１５文科００１２９１００', /half-width\) form: 平15文科00129100/);
});

test('jacar-reference-code', () => {
  valid('jacar-reference-code', 'A03022539800');
  invalid('jacar-reference-code', 'B0203749800');
  invalid('jacar-reference-code', 'D03022539800');
});

test('series-number', () => {
  valid('series-number', '2019-0197');
  valid('series-number', '01-1337');
  invalid('series-number', '2019/0197', /expected the form N-N, e\.g\. 2019-0197/);
  invalid('series-number', '2019-');
  invalid('series-number', '2019 - 0197', /spacing.*2019-0197/);
  invalid('series-number', '2019-0197-1');
});

test('free-text accepts any text without control characters, up to 200 characters', () => {
  valid('free-text', 'MS 1234, box 5');
  valid('free-text', '外交記録 A-1-1-0', '外交記録 A-1-1-0');
  valid('free-text', 'x'.repeat(200));
  valid('free-text', '🗂'.repeat(200));
  invalid('free-text', 'x'.repeat(201), /longer than 200/);
  invalid('free-text', 'box\t5', /control character/);
  invalid('free-text', 'box\n5', /control character/);
  invalid('free-text', 'box\u00855', /control character/);
});

test('codes are trimmed and NFC-normalised; empty codes and unknown schemes are rejected', () => {
  valid('free-text', ' Cafe\u0301 ', 'Caf\u00e9');
  invalid('free-text', '', /empty/);
  invalid('free-text', ' \t ', /empty/);
  invalid('fund-file-unit', '', /empty/);
  invalid('no-such-scheme', 'Fund-59, File-1, Unit-66', /unknown reference-code scheme "no-such-scheme".*fund-file-unit/);
});

function sorted(scheme: string, codes: string[]): string[] {
  return [...codes].sort((a, b) => {
    const ka = referenceCodeSortKey(scheme, a);
    const kb = referenceCodeSortKey(scheme, b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

test('referenceCodeSortKey sorts numbers as numbers', () => {
  assert.deepEqual(
    sorted('fund-file-unit', [
      'Fund-59, File-1, Unit-66',
      'Fund-59, File-1, Unit-7',
      'Fund-409, File-1, Unit-98',
      'Fund-4, File-32, Unit-178',
      'Fund-59, File-1, Unit-10',
      'Fund-59, File-1, Unit-2',
    ]),
    [
      'Fund-4, File-32, Unit-178',
      'Fund-59, File-1, Unit-2',
      'Fund-59, File-1, Unit-7',
      'Fund-59, File-1, Unit-10',
      'Fund-59, File-1, Unit-66',
      'Fund-409, File-1, Unit-98',
    ],
  );
  assert.equal(
    referenceCodeSortKey('fund-file-unit', 'Fund-151, File-21, Unit-02'),
    referenceCodeSortKey('fund-file-unit', 'Fund-151, File-21, Unit-2'),
  );
  assert.equal(referenceCodeSortKey('film-photo-k', 'K-19180-1'), 'K-0000019180-0000000001');
  assert.deepEqual(sorted('series-number', ['2019-0197', '01-1337', '2019-12', '2']), ['01-1337', '2', '2019-12', '2019-0197']);
});

test('referenceCodeSortKey orders Japanese eras chronologically', () => {
  assert.deepEqual(sorted('ja-request-number', ['令2内閣00001100', '平15文科00129100', '昭47外務00012345', '平1総00000100']), [
    '昭47外務00012345',
    '平1総00000100',
    '平15文科00129100',
    '令2内閣00001100',
  ]);
});

test('referenceCodeSortKey ignores case in free text only', () => {
  assert.equal(referenceCodeSortKey('free-text', 'Box 5'), referenceCodeSortKey('free-text', 'box 5'));
  assert.notEqual(referenceCodeSortKey('film-photo-k', 'K-1-1'), referenceCodeSortKey('film-photo-k', 'k-1-1'));
});
