import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IntlMessageFormat } from 'intl-messageformat';
import { loadCatalogs, makeTranslator, MessageError, SOURCE_CATALOG, type Catalog } from './messages.ts';

const catalogs = loadCatalogs();
const SHIPPED = ['en', 'ja', 'mn'];

test('every shipped language has every key of the source catalog, and no key the source lacks', () => {
  const source = catalogs.get(SOURCE_CATALOG);
  assert.ok(source);
  for (const lang of SHIPPED) {
    const cat = catalogs.get(lang);
    assert.ok(cat, `no catalog for ${lang}`);
    const missing: string[] = Object.keys(source).filter((k) => !(k in cat));
    const extra: string[] = Object.keys(cat).filter((k) => !(k in source));
    assert.deepEqual(missing, [], `${lang} lacks keys`);
    assert.deepEqual(extra, [], `${lang} has keys the source does not`);
  }
});

test('every message parses as ICU MessageFormat and formats with sample values', () => {
  for (const [lang, cat] of catalogs) {
    for (const [key, msg] of Object.entries(cat)) {
      const fmt = new IntlMessageFormat(msg, lang);
      const args = Object.fromEntries(
        (msg.match(/\{(\w+)/g) ?? []).map((m) => [m.slice(1), m.includes('count') ? 2 : 'x']),
      );
      assert.doesNotThrow(() => fmt.format(args), `${lang} ${key}`);
    }
  }
});

test('a key missing in a language falls back along the order; an unknown key is an error', () => {
  const cats = new Map<string, Catalog>([
    ['en', { a: 'A {n}', b: 'B' }],
    ['ja', { a: 'あ {n}' }],
  ]);
  const t = makeTranslator(cats, ['ja']);
  assert.equal(t('a', { n: 1 }), 'あ 1');
  assert.equal(t('b'), 'B');
  assert.throws(() => t('c'), MessageError);
});

test('plurals follow each language', () => {
  const en = makeTranslator(catalogs, ['en']);
  assert.equal(en('chapter.itemCount', { count: 1 }), '1 record');
  assert.equal(en('chapter.itemCount', { count: 13 }), '13 records');
  const ja = makeTranslator(catalogs, ['ja']);
  assert.equal(ja('chapter.itemCount', { count: 13 }), '資料13点');
});
