// The relevance set on every engine: each query finds what it must, and both engines find the
// same documents.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { availableEngines } from '../helpers/engines.ts';
import { demoSearch, ids, type SearchFixture } from './fixture.ts';
import { RELEVANCE } from './relevance.ts';

const engines = await availableEngines();
const found = new Map<string, Map<string, string[]>>();

describe('relevance set', () => {
  it('has at least 40 queries in each of its forms', () => {
    assert.ok(RELEVANCE.length >= 40, `${RELEVANCE.length} queries`);
    const has = (re: RegExp) => RELEVANCE.some((c) => re.test(c.q));
    assert.ok(has(/^[\p{Script=Han}]{2}$/u), 'a two-character Japanese word');
    assert.ok(has(/^[\p{Script=Han}]$/u), 'a single kanji');
    assert.ok(has(/[\uff66-\uff9f]/u), 'half-width katakana');
    assert.ok(has(/^[\p{Lu}\s]+$/u) && RELEVANCE.some((c) => /^\p{Script=Cyrillic}+$/u.test(c.q) && c.q === c.q.toUpperCase()), 'upper-case Cyrillic');
    assert.ok(RELEVANCE.some((c) => c.q === 'Улаанбаатарт'), 'inflected Mongolian');
    for (const lang of ['ja', 'mn', 'en']) assert.ok(RELEVANCE.filter((c) => c.lang === lang).length >= 10, `queries in ${lang}`);
  });

  for (const engine of engines) {
    describe(engine, () => {
      let fx: SearchFixture;
      const results = new Map<string, string[]>();
      before(async () => {
        fx = await demoSearch(engine);
        found.set(engine, results);
      });
      after(async () => {
        const passed = RELEVANCE.filter((c) => {
          const got = results.get(c.q) ?? [];
          return c.expect.every((e) => got.includes(e));
        }).length;
        console.log(`# relevance ${engine}: ${passed}/${RELEVANCE.length} queries find every expected document`);
        assert.deepEqual(fx.errors, []);
        await fx.dispose();
      });

      for (const c of RELEVANCE) {
        it(`${c.q} (${c.why})`, async () => {
          // Asked from the site in each language: what is found must not depend on it.
          let previous: string[] | null = null;
          for (const siteLang of ['ja', 'mn', 'en']) {
            const m = await fx.find(c.q, siteLang);
            const got = [...ids(m), ...m.people.map((p) => `person:${p.person.id}`)];
            const missing = c.expect.filter((e) => !got.includes(e));
            assert.deepEqual(missing, [], `${engine}, ${siteLang} site: "${c.q}" misses ${missing.join(', ')}; found ${got.join(', ')}`);
            if (c.top) assert.ok(c.top.includes(got[0] ?? ''), `${engine}: "${c.q}" ranks ${got[0]} first`);
            const set = [...new Set(got)].sort();
            if (previous) assert.deepEqual(set, previous, `"${c.q}" finds other documents from the ${siteLang} site`);
            previous = set;
            results.set(c.q, set);
          }
        });
      }
    });
  }

  it('gives the same documents on every engine', { skip: engines.length < 2 ? 'one engine only' : false }, () => {
    const [a, b] = engines.map((e) => found.get(e));
    assert.ok(a && b);
    for (const c of RELEVANCE) assert.deepEqual(b.get(c.q), a.get(c.q), `"${c.q}": ${engines.join(' ≠ ')}`);
  });
});
