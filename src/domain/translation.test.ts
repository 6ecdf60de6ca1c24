import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { confirmTranslation, isOutdated, stampTranslations, tagText, textRef, tokens, translationState, wordDiff } from './translation.ts';
import type { LocalizedText } from './types.ts';

const caption: LocalizedText = {
  en: { value: 'The delegation arrived in Tokyo.', status: 'reviewed' },
  ja: { value: '代表団は東京に到着した。', status: 'reviewed', source: 'The delegation arrived in Tokyo.' },
  mn: { value: 'Төлөөлөгчид Токиод ирэв.', status: 'draft', source: 'The delegation arrived in Tokyo.' },
};

test('states: source, missing, draft, reviewed, outdated', () => {
  assert.equal(translationState(caption, 'en', 'en'), 'source');
  assert.equal(translationState(caption, 'ja', 'en'), 'reviewed');
  assert.equal(translationState(caption, 'mn', 'en'), 'draft');
  assert.equal(translationState(caption, 'ko', 'en'), 'missing');
  assert.equal(translationState({ ...caption, ko: { value: '', status: 'draft' } }, 'ko', 'en'), 'missing');
  const edited = { ...caption, en: { value: 'The delegation arrived in Tokyo on 10 September.', status: 'reviewed' as const } };
  assert.equal(translationState(edited, 'ja', 'en'), 'outdated');
  assert.equal(translationState(edited, 'mn', 'en'), 'outdated');
});

test('a translation without a stamp is judged by its status only', () => {
  assert.equal(isOutdated({ value: 'x', status: 'draft' }, { value: 'anything', status: 'reviewed' }), false);
  // Removing the source makes a stamped translation outdated: it no longer translates anything.
  assert.equal(isOutdated({ value: 'x', status: 'draft', source: 'old' }, undefined), true);
});

test('editing the source leaves translations outdated; re-translating clears it', () => {
  const afterSource = stampTranslations(caption, { ...caption, en: { value: 'New source.', status: 'reviewed' } }, 'en', 'u-editor');
  assert.equal(afterSource['en']?.by, 'u-editor');
  assert.equal(afterSource['ja']?.source, 'The delegation arrived in Tokyo.');
  assert.equal(translationState(afterSource, 'ja', 'en'), 'outdated');
  const retranslated = stampTranslations(afterSource, { ...afterSource, ja: { value: '新しい原文。', status: 'draft' } }, 'en', 'u-ja');
  assert.deepEqual(retranslated['ja'], { value: '新しい原文。', status: 'draft', source: 'New source.', by: 'u-ja' });
  assert.equal(translationState(retranslated, 'ja', 'en'), 'draft');
  assert.equal(translationState(retranslated, 'mn', 'en'), 'outdated');
});

test('a form sending back value and status only keeps the stamp and the author', () => {
  const stamped: LocalizedText = { en: { value: 'A', status: 'reviewed' }, mn: { value: 'Б', status: 'draft', source: 'old A', by: 'u-mn' } };
  const fromForm: LocalizedText = { en: { value: 'A', status: 'reviewed' }, mn: { value: 'Б', status: 'reviewed' } };
  const out = stampTranslations(stamped, fromForm, 'en', 'u-curator');
  assert.deepEqual(out['mn'], { value: 'Б', status: 'reviewed', source: 'old A', by: 'u-mn' });
  assert.equal(translationState(out, 'mn', 'en'), 'outdated', 'changing the status alone does not confirm the translation');
});

test('confirming makes a translation current without touching its text', () => {
  const edited = { ...caption, en: { value: 'Changed.', status: 'reviewed' as const } };
  const confirmed = confirmTranslation(edited, 'mn', 'en');
  assert.equal(confirmed['mn']?.value, caption['mn']?.value);
  assert.equal(translationState(confirmed, 'mn', 'en'), 'draft');
  assert.equal(confirmTranslation(edited, 'en', 'en'), edited);
});

const langText = fc.dictionary(
  fc.constantFrom('en', 'ja', 'mn', 'ko'),
  fc.record({ value: fc.string({ minLength: 1, maxLength: 12 }), status: fc.constantFrom('draft' as const, 'reviewed' as const) }),
);

test('property: right after stamping, no changed translation is outdated and values are kept', () => {
  fc.assert(
    fc.property(langText, langText, (before, after) => {
      const out = stampTranslations(before, after, 'en', 'u');
      assert.deepEqual(Object.keys(out).sort(), Object.keys(after).sort());
      for (const [lang, v] of Object.entries(after)) {
        assert.equal(out[lang]?.value, v?.value);
        assert.equal(out[lang]?.status, v?.status);
        const changed = before[lang]?.value !== v?.value;
        if (lang !== 'en' && changed) assert.notEqual(translationState(out, lang, 'en'), 'outdated');
      }
    }),
  );
});

test('property: stamping twice with the same text changes nothing', () => {
  fc.assert(
    fc.property(langText, langText, (before, after) => {
      const once = stampTranslations(before, after, 'en', 'u');
      assert.deepEqual(stampTranslations(once, once, 'en', 'v'), once);
    }),
  );
});

test('word diff: Latin and Japanese text, parts rebuild both sides', () => {
  const d = wordDiff('The delegation arrived in Tokyo.', 'The goodwill delegation arrived in Ulaanbaatar.');
  assert.deepEqual(
    d.filter((p) => p.op !== 'same').map((p) => `${p.op}:${p.text}`),
    ['add:goodwill ', 'del:Tokyo', 'add:Ulaanbaatar'],
  );
  assert.ok(tokens('代表団は東京に到着した').length > 2, 'Japanese is split into words, not compared as one token');
  const ja = wordDiff('代表団は東京に到着した', '代表団はウランバートルに到着した');
  assert.ok(ja.some((p) => p.op === 'same' && p.text.includes('代表')));
  assert.ok(ja.some((p) => p.op === 'del' && p.text.includes('東京')));
});

test('property: a word diff rebuilds before and after', () => {
  const words = fc.array(fc.constantFrom('a', 'b', 'c', ' ', 'Токио', '東京', '.', 'd e'), { maxLength: 30 }).map((w) => w.join(''));
  fc.assert(
    fc.property(words, words, (a, b) => {
      const d = wordDiff(a, b);
      assert.equal(d.filter((p) => p.op !== 'add').map((p) => p.text).join(''), a);
      assert.equal(d.filter((p) => p.op !== 'del').map((p) => p.text).join(''), b);
      for (let i = 1; i < d.length; i++) assert.notEqual(d[i]?.op, d[i - 1]?.op, 'neighbouring parts are merged');
    }),
  );
});

test('texts remember where they were read from', () => {
  const t: LocalizedText = { en: { value: 'x', status: 'reviewed' } };
  assert.equal(textRef(t), undefined);
  tagText(t, { entity: 'item', id: 'a', field: 'caption' });
  assert.deepEqual(textRef(t), { entity: 'item', id: 'a', field: 'caption' });
  assert.equal(textRef({ ...t }), undefined, 'a copy is not the stored value');
});
