import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fieldTerms, matchSpans, mongolianStem, normalizeForm, parseQuery, tokenize, type ParsedQuery } from './analyzer.ts';

const terms = (s: string) => tokenize(s).map((t) => t.term);

/** Whether the index terms of `text` satisfy `query`, by the same rules both engines apply. */
function matches(text: string, query: ParsedQuery): boolean {
  const t = terms(text);
  return query.clauses.every((c) =>
    t.some((_, i) =>
      c.terms.every((term, j) => {
        const tok = t[i + j];
        if (tok === undefined) return false;
        return j === c.terms.length - 1 && c.prefix ? tok.startsWith(term) : tok === term;
      }),
    ),
  );
}

describe('normalisation', () => {
  it('folds width, case (Cyrillic Ө and Ү too) and Latin diacritics, but not kana voicing', () => {
    assert.deepEqual(terms('ＡＢＣ１２３'), ['abc123']);
    assert.deepEqual(terms('ӨРГӨН ҮЙЛДВЭР'), ['өргөн', 'үйлдвэр']);
    assert.deepEqual(terms('Ünïcödé Ölgii'), ['unicode', 'olgii']);
    assert.deepEqual(terms('й ё'), ['й', 'ё']);
    assert.deepEqual(terms('ガ'), ['ガ']);
    assert.notDeepEqual(terms('ガ'), terms('カ'));
  });

  it('composes half-width katakana with its voicing mark', () => {
    assert.deepEqual(terms('ｶﾞｲﾑｼｮｳ'), terms('ガイムショウ'));
    assert.deepEqual(terms('ｶｼﾐﾔ'), ['カシ', 'シミ', 'ミヤ', 'ヤ']);
  });

  it('drops ideographic variation selectors', () => {
    assert.deepEqual(terms('葛\u{E0100}城'), terms('葛城'));
  });

  it('writes names in one comparable form', () => {
    assert.equal(normalizeForm('  NIIZEKI   Kinya '), 'niizeki kinya');
    assert.equal(normalizeForm('Y. ツェデンバル'), 'y ツェデンバル');
    assert.equal(normalizeForm('ｶﾀｶﾅ'), 'カタカナ');
  });
});

describe('tokens', () => {
  it('splits Han and kana into overlapping bigrams with the last character alone', () => {
    assert.deepEqual(terms('大使館'), ['大使', '使館', '館']);
    assert.deepEqual(terms('大'), ['大']);
    const toks = tokenize('大使館');
    assert.equal(toks[2]?.tail, true);
    assert.equal(toks[0]?.run, 3);
  });

  it('keeps other scripts as words and separates at punctuation, ・ and script changes', () => {
    assert.deepEqual(terms('NIIZEKI Kinya, K-19180-1'), ['niizeki', 'kinya', 'k', '19180', '1']);
    assert.deepEqual(terms('БНМАУ-ын'), ['бнмау', 'ын']);
    assert.deepEqual(terms('ジョン・スミス'), ['ジョ', 'ョン', 'ン', 'スミ', 'ミス', 'ス']);
    assert.deepEqual(terms('1972年'), ['1972', '年']);
    assert.deepEqual(terms('ー々'), ['ー々', '々']);
  });

  it('reports offsets in the original text, also through NFKC expansions', () => {
    const text = 'ｶﾞｲﾑ ÜB ㈱';
    for (const t of tokenize(text)) {
      assert.ok(t.start >= 0 && t.end <= text.length && t.start < t.end, JSON.stringify(t));
    }
    const [ga] = tokenize(text);
    assert.equal(text.slice(ga?.start, ga?.mid), 'ｶﾞ');
  });

  it('gives every token in bounds, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        for (const t of tokenize(s)) {
          if (!(t.start >= 0 && t.start < t.end && t.end <= s.length && t.mid <= t.end && t.term !== '')) return false;
        }
        return true;
      }),
    );
  });

  it('concatenates the terms of a field in order', () => {
    assert.deepEqual(fieldTerms(['日本', 'Mongolia']), ['日本', '本', 'mongolia']);
  });
});

describe('queries', () => {
  it('makes Japanese words of two or more characters phrases of bigrams, and one character a prefix', () => {
    assert.deepEqual(parseQuery('大使').clauses, [{ terms: ['大使'], prefix: false }]);
    assert.deepEqual(parseQuery('大使館').clauses, [{ terms: ['大使', '使館'], prefix: false }]);
    assert.deepEqual(parseQuery('大').clauses, [{ terms: ['大'], prefix: true }]);
  });

  it('makes Latin and Cyrillic words of three or more letters prefixes', () => {
    assert.deepEqual(parseQuery('Niizeki').clauses, [{ terms: ['niizeki'], prefix: true }]);
    assert.deepEqual(parseQuery('of').clauses, [{ terms: ['of'], prefix: false }]);
    assert.deepEqual(parseQuery('1972').clauses, [{ terms: ['1972'], prefix: false }]);
  });

  it('takes Mongolian case endings off query words', () => {
    assert.equal(mongolianStem('улаанбаатарт'), 'улаанбаатар');
    assert.equal(mongolianStem('цэдэнбалын'), 'цэдэнбал');
    assert.equal(mongolianStem('хирохитод'), 'хирохит');
    assert.equal(mongolianStem('японд'), 'япон');
    assert.equal(mongolianStem('сайд'), null, 'a stem keeps four letters');
    assert.equal(mongolianStem('tokyod'), null, 'Cyrillic only');
    assert.deepEqual(parseQuery('Улаанбаатарт').clauses, [{ terms: ['улаанбаатар'], prefix: true }]);
    assert.deepEqual(parseQuery('"Улаанбаатарт"').clauses, [{ terms: ['улаанбаатарт'], prefix: false }]);
  });

  it('keeps quoted phrases exact and closes an unbalanced quote at the end', () => {
    assert.deepEqual(parseQuery('"cultural relations" Japan').clauses, [
      { terms: ['cultural', 'relations'], prefix: false },
      { terms: ['japan'], prefix: true },
    ]);
    assert.deepEqual(parseQuery('"cultural relations').clauses, [{ terms: ['cultural', 'relations'], prefix: false }]);
    assert.deepEqual(parseQuery('「大使館」').clauses, [{ terms: ['大使', '使館'], prefix: false }]);
  });

  it('has nothing to search in punctuation, and drops repeated words', () => {
    assert.deepEqual(parseQuery('!!! ... ・').clauses, []);
    assert.deepEqual(parseQuery('').clauses, []);
    assert.equal(parseQuery('Japan japan JAPAN').clauses.length, 1);
  });

  it('finds any substring of two or more Han/kana characters of a text (substring semantics)', () => {
    const cjk = fc.constantFrom(...'日本大使館国交樹立外務省ツェデンバルにいぜきー々');
    fc.assert(
      fc.property(fc.array(cjk, { minLength: 2, maxLength: 30 }), fc.nat(), fc.nat(), (chars, a, b) => {
        const text = chars.join('');
        const from = a % (chars.length - 1);
        const len = 1 + (b % (chars.length - from));
        const sub = chars.slice(from, from + len).join('');
        return matches(text, parseQuery(sub));
      }),
    );
  });

  it('finds a word by any prefix of three or more letters, in any case', () => {
    fc.assert(
      fc.property(fc.constantFrom('Tsedenbal', 'Цэдэнбал', 'Ulaanbaatar', 'Лувсанчүлтэм'), fc.integer({ min: 3, max: 20 }), (word, n) => {
        const prefix = [...word].slice(0, n).join('');
        return matches(`xx ${word} yy`, parseQuery(prefix.toUpperCase()));
      }),
    );
  });
});

describe('highlights', () => {
  it('marks what matched in the original text', () => {
    const text = '1972年2月に外交関係が樹立されると、両国は数か月のうちに大使を任命した。';
    const spans = matchSpans(text, parseQuery('大使 樹立 外'));
    assert.deepEqual(
      spans.map(([a, b]) => text.slice(a, b)),
      ['外', '樹立', '大使'],
    );
  });

  it('marks folded forms in their original spelling and Mongolian words by their stem', () => {
    const text = 'ｶｼﾐﾔ工場 and Ünïcode, Улаанбаатар хотод';
    const spans = matchSpans(text, parseQuery('カシミヤ unicode Улаанбаатарт'));
    assert.deepEqual(
      spans.map(([a, b]) => text.slice(a, b)),
      ['ｶｼﾐﾔ', 'Ünïcode', 'Улаанбаатар'],
    );
  });

  it('merges overlapping matches and marks nothing for an empty query', () => {
    assert.deepEqual(matchSpans('大使館', parseQuery('大使 使館')), [[0, 3]]);
    assert.deepEqual(matchSpans('大使館', parseQuery('')), []);
  });
});
