import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formKey, latinKey, nameKeys, skeleton } from './names.ts';

describe('name keys', () => {
  it('transliterates Mongolian Cyrillic by MNS 5217', () => {
    assert.equal(latinKey('Цэдэнбал'), 'tsedenbal');
    assert.equal(latinKey('Лувсанчүлтэм'), 'luvsanchultem');
    assert.equal(latinKey('Хирохито'), 'khirokhito');
    assert.equal(latinKey('Өлзий Ёндон Юмжаа Шагдар'), 'olziiyondonyumjaashagdar');
    assert.equal(latinKey('ЦЭДЭНБАЛ'), 'tsedenbal');
  });

  it('romanises kana by Hepburn, half-width too', () => {
    assert.equal(latinKey('にいぜき きんや'), 'niizekikinya');
    assert.equal(latinKey('ニイゼキ'), 'niizeki');
    assert.equal(latinKey('ﾆｲｾﾞｷ'), 'niizeki');
  });

  it('has no key for kanji (a reading must be recorded) or for scripts it does not know', () => {
    assert.equal(latinKey('新関欽哉'), null);
    assert.equal(latinKey('Ἀθῆναι'), null);
    assert.equal(latinKey('...'), null);
  });

  it('matches Latin, Cyrillic and katakana forms of a name by their consonant skeleton', () => {
    const triples = [
      ['Tsedenbal', 'Цэдэнбал', 'ツェデンバル'],
      ['Luvsanchultem', 'Лувсанчүлтэм', 'ルブサンチュルテム'],
      ['Dambadarjaa', 'Дамбадаржаа', 'ダムバダルジャー'],
      ['Shirendev', 'Ширэндэв', 'シレンデブ'],
    ];
    for (const names of triples) {
      const skeletons = names.map((n) => nameKeys(n).skeleton);
      assert.ok(skeletons[0] !== null, names.join());
      assert.deepEqual(new Set(skeletons).size, 1, `${names.join(' = ')}: ${skeletons.join(' ≠ ')}`);
    }
  });

  it('does not use skeletons of fewer than four consonants', () => {
    assert.equal(skeleton('tokyo'), 'tk');
    assert.equal(nameKeys('Tokyo').skeleton, null);
    assert.equal(nameKeys('Niizeki').skeleton, null);
  });

  it('compares exact forms without case, width or spaces', () => {
    assert.equal(formKey('NIIZEKI Kinya'), formKey('niizeki  kinya'));
    assert.equal(formKey('新関 欽哉'), formKey('新関欽哉'));
    assert.notEqual(formKey('Kinya Niizeki'), formKey('Niizeki Kinya'));
  });
});
