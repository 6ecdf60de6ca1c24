import { test } from 'node:test';
import assert from 'node:assert/strict';
import { displayPersonName, formatPersonName, personSortKey } from './person-name.ts';
import type { Person, PersonNameParts } from './types.ts';

const r = (parts: Omit<PersonNameParts, 'status'>): PersonNameParts => ({ ...parts, status: 'reviewed' });

const tsedenbal: Person = {
  id: 'tsedenbal',
  culture: 'mongolian',
  names: {
    en: r({ patronymic: 'Yumjaagiin', given: 'Tsedenbal' }),
    ja: r({ patronymicInitial: 'Y', given: 'ツェデンバル' }),
    mn: { patronymic: 'Юмжаагийн', given: 'Цэдэнбал', status: 'draft' },
  },
  role: {},
};

const niizeki: Person = {
  id: 'niizeki',
  culture: 'japanese',
  names: {
    en: r({ family: 'Niizeki', given: 'Kinya' }),
    ja: { family: '新関', given: '欽哉', status: 'draft' },
  },
  role: {},
};

test('Japanese names: no space in Han or kana, capitalised family name otherwise', () => {
  assert.equal(formatPersonName('japanese', r({ family: '新関', given: '欽哉' }), 'ja'), '新関欽哉');
  assert.equal(formatPersonName('japanese', r({ family: '新関', given: '欽哉' }), 'en'), '新関欽哉');
  assert.equal(formatPersonName('japanese', r({ family: 'Niizeki', given: 'Kinya' }), 'en'), 'NIIZEKI Kinya');
  assert.equal(formatPersonName('japanese', r({ family: 'Ниизеки', given: 'Кинья' }), 'mn'), 'НИИЗЕКИ Кинья');
  // Latin parts on a Japanese page keep the space.
  assert.equal(formatPersonName('japanese', r({ family: 'Niizeki', given: 'Kinya' }), 'ja'), 'NIIZEKI Kinya');
  // Korean writes a Japanese name in Hangul with a space.
  assert.equal(formatPersonName('japanese', r({ family: '니이제키', given: '긴야' }), 'ko'), '니이제키 긴야');
});

test('Japanese names degrade to the parts there are', () => {
  assert.equal(formatPersonName('japanese', r({ family: 'Niizeki' }), 'en'), 'NIIZEKI');
  assert.equal(formatPersonName('japanese', r({ given: 'Kinya' }), 'en'), 'Kinya');
  assert.equal(formatPersonName('japanese', r({ family: '新関' }), 'ja'), '新関');
  assert.equal(formatPersonName('japanese', r({}), 'en'), '');
});

test('Mongolian names: patronymic or its initial before the given name', () => {
  assert.equal(formatPersonName('mongolian', r({ patronymicInitial: 'N', given: 'Luvsanchultem' }), 'en'), 'N. Luvsanchultem');
  assert.equal(formatPersonName('mongolian', r({ patronymicInitial: 'N.', given: 'Luvsanchultem' }), 'en'), 'N. Luvsanchultem');
  assert.equal(formatPersonName('mongolian', r({ patronymic: 'Yumjaagiin', given: 'Tsedenbal' }), 'en'), 'Yumjaagiin Tsedenbal');
  assert.equal(formatPersonName('mongolian', r({ patronymic: 'Юмжаагийн', given: 'Цэдэнбал' }), 'mn'), 'Юмжаагийн Цэдэнбал');
  assert.equal(formatPersonName('mongolian', r({ patronymicInitial: 'Н', given: 'Лувсанчүлтэм' }), 'mn'), 'Н. Лувсанчүлтэм');
});

test('Mongolian names: short form takes the first letter of the patronymic', () => {
  const parts = r({ patronymic: 'Yumjaagiin', given: 'Tsedenbal' });
  assert.equal(formatPersonName('mongolian', parts, 'en', { short: true }), 'Y. Tsedenbal');
  assert.equal(formatPersonName('mongolian', r({ patronymic: 'Юмжаагийн', given: 'Цэдэнбал' }), 'mn', { short: true }), 'Ю. Цэдэнбал');
  assert.equal(formatPersonName('mongolian', r({ patronymic: 'Tsakhiagiin', given: 'Elbegdorj' }), 'en', { short: true }), 'Ts. Elbegdorj');
});

test('Mongolian names in Japanese use the initial', () => {
  assert.equal(formatPersonName('mongolian', r({ patronymicInitial: 'Y', given: 'ツェデンバル' }), 'ja'), 'Y. ツェデンバル');
  assert.equal(formatPersonName('mongolian', r({ patronymic: 'Yumjaagiin', given: 'ツェデンバル' }), 'ja'), 'Y. ツェデンバル');
  // A katakana patronymic has no initial: the full name, joined as Japanese joins foreign names.
  assert.equal(formatPersonName('mongolian', r({ patronymic: 'ユムジャーギーン', given: 'ツェデンバル' }), 'ja'), 'ユムジャーギーン・ツェデンバル');
});

test('Mongolian names degrade to the parts there are', () => {
  assert.equal(formatPersonName('mongolian', r({ given: 'Tsedenbal' }), 'en'), 'Tsedenbal');
  assert.equal(formatPersonName('mongolian', r({ patronymic: 'Yumjaagiin' }), 'en'), 'Yumjaagiin');
  assert.equal(formatPersonName('mongolian', r({ patronymicInitial: 'Y' }), 'en'), 'Y.');
});

test('Western names: given name first', () => {
  assert.equal(formatPersonName('western', r({ given: 'John', family: 'Smith' }), 'en'), 'John Smith');
  assert.equal(formatPersonName('western', r({ given: 'Джон', family: 'Смит' }), 'mn'), 'Джон Смит');
  assert.equal(formatPersonName('western', r({ given: 'ジョン', family: 'スミス' }), 'ja'), 'ジョン・スミス');
  assert.equal(formatPersonName('western', r({ family: 'Smith' }), 'en'), 'Smith');
  assert.equal(formatPersonName('western', r({ given: 'John' }), 'en'), 'John');
});

test('displayPersonName follows the language order, then any language', () => {
  assert.deepEqual(displayPersonName(tsedenbal, ['ja', 'en']), {
    value: 'Y. ツェデンバル',
    lang: 'ja',
    status: 'reviewed',
    fallback: false,
  });
  assert.deepEqual(displayPersonName(tsedenbal, ['mn', 'en']), {
    value: 'Юмжаагийн Цэдэнбал',
    lang: 'mn',
    status: 'draft',
    fallback: false,
  });
  assert.deepEqual(displayPersonName(niizeki, ['mn', 'en', 'ja']), {
    value: 'NIIZEKI Kinya',
    lang: 'en',
    status: 'reviewed',
    fallback: true,
  });
  // No language along the order: the first with a name, as resolveText does.
  assert.deepEqual(displayPersonName(niizeki, ['ko']), { value: 'NIIZEKI Kinya', lang: 'en', status: 'reviewed', fallback: true });
  const jaOnly: Person = { ...niizeki, names: { ja: { family: '新関', given: '欽哉', status: 'draft' } } };
  assert.deepEqual(displayPersonName(jaOnly, ['ko']), { value: '新関欽哉', lang: 'ja', status: 'draft', fallback: true });
  assert.equal(displayPersonName(tsedenbal, ['en'], { short: true })?.value, 'Y. Tsedenbal');
});

test('displayPersonName skips languages whose parts are empty', () => {
  const p: Person = { ...niizeki, names: { ja: { family: ' ', status: 'draft' }, en: r({ family: 'Niizeki', given: 'Kinya' }) } };
  assert.equal(displayPersonName(p, ['ja'])?.lang, 'en');
  assert.equal(displayPersonName({ ...niizeki, names: {} }, ['en']), null);
});

test('personSortKey: family then given, given first for Mongolian names and mononyms', () => {
  assert.equal(personSortKey(niizeki, 'en'), 'niizeki kinya');
  assert.equal(personSortKey(niizeki, 'ja'), '新関 欽哉');
  assert.equal(personSortKey(niizeki, 'mn'), 'niizeki kinya');
  assert.equal(personSortKey(tsedenbal, 'en'), 'tsedenbal yumjaagiin');
  assert.equal(personSortKey({ ...niizeki, culture: 'western', names: { en: r({ given: 'Plato' }) } }, 'en'), 'plato');

  const people: Person[] = [
    { ...niizeki, id: 'b', names: { en: r({ family: 'Abeno', given: 'Aki' }) } },
    { ...niizeki, id: 'a', names: { en: r({ family: 'Abe', given: 'Zen' }) } },
    { ...niizeki, id: 'c', culture: 'western', names: { en: r({ given: 'Bob', family: 'Abe' }) } },
  ];
  const sorted = people.map((p) => [personSortKey(p, 'en'), p.id] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  assert.deepEqual(sorted.map(([, id]) => id), ['c', 'a', 'b']);
});
