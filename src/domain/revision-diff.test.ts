import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffSnapshots, showValue } from './revision-diff.ts';

const base = {
  id: 'a',
  caption: { en: { value: 'Old', status: 'reviewed' }, mn: { value: 'Хуучин', status: 'draft' } },
  date: '1972-02-19',
  personIds: ['x', 'y'],
  media: [{ id: 'm1', alt: {} }],
};

test('reports a changed translation per language, with its status', () => {
  const after = { ...base, caption: { ...base.caption, mn: { value: 'Шинэ', status: 'draft' } } };
  assert.deepEqual(diffSnapshots(base, after), [
    { path: 'caption@mn', before: { value: 'Хуучин', status: 'draft' }, after: { value: 'Шинэ', status: 'draft' } },
  ]);
});

test('reports added and removed languages, plain fields and whole id lists', () => {
  const after = { ...base, caption: { en: base.caption.en, ja: { value: '新', status: 'draft' } }, date: '1972-02', personIds: ['y', 'x'] };
  assert.deepEqual(
    diffSnapshots(base, after).map((c) => c.path),
    ['caption@ja', 'caption@mn', 'date', 'personIds'],
  );
});

test('goes into arrays of objects by index', () => {
  const after = { ...base, media: [{ id: 'm1', alt: { en: { value: 'alt', status: 'reviewed' } } }] };
  assert.deepEqual(
    diffSnapshots(base, after).map((c) => c.path),
    ['media[0].alt@en'],
  );
});

test('equal snapshots have no changes; values show as text', () => {
  assert.deepEqual(diffSnapshots(base, structuredClone(base)), []);
  assert.equal(showValue({ value: 'x', status: 'draft' }), 'x (draft)');
  assert.equal(showValue(['a']), '["a"]');
  assert.equal(showValue(undefined), '');
});
