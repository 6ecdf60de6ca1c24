// The pure parts of the EAD mapping: which components are items, dates to EDTF, languages,
// digital objects, and names matched across scripts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { becomesItem, chooseDate, edtfOf, langTag, mapDaos } from '../../src/import/ead/map.ts';
import { PeopleIndex, personFromName } from '../../src/import/ead/people.ts';
import type { EadComponent, EadName } from '../../src/import/ead/reader.ts';

function component(level: string | null, hasChildren: boolean): EadComponent {
  return { line: 1, id: null, level, path: '1', ancestors: [], unitids: [], titles: [], dates: [], extents: [], containers: [], names: [], daos: [], scope: [], abstracts: [], materialLangs: [], hasChildren };
}

function name(over: Partial<EadName>): EadName {
  return { kind: 'person', text: '', surname: null, forename: null, lang: null, role: 'subject', line: 1, ...over };
}

describe('EAD mapping', () => {
  it('makes items of files, items and leaves, and structure of aggregations', () => {
    assert.equal(becomesItem(component('file', false)), true);
    assert.equal(becomesItem(component('file', true)), false);
    assert.equal(becomesItem(component('item', true)), true);
    assert.equal(becomesItem(component(null, false)), true);
    assert.equal(becomesItem(component(null, true)), false);
    assert.equal(becomesItem(component('physicalitem', false)), true);
    assert.equal(becomesItem(component('series', false)), false);
    assert.equal(becomesItem(component('Subseries', false)), false);
  });

  it('turns ISO 8601 as EAD writes it into EDTF, and refuses what is no date', () => {
    assert.deepEqual(edtfOf('19720210'), { ok: true, edtf: '1972-02-10' });
    assert.deepEqual(edtfOf('1972/1977'), { ok: true, edtf: '1972/1977' });
    assert.deepEqual(edtfOf('1993/1993'), { ok: true, edtf: '1993' });
    assert.deepEqual(edtfOf('19450101/20051231'), { ok: true, edtf: '1945-01-01/2005-12-31' });
    assert.deepEqual(edtfOf('1920/'), { ok: true, edtf: '1920/' });
    assert.equal(edtfOf('1972-02-30').ok, false);
    assert.equal(edtfOf('10000121ssss').ok, false);
  });

  it('prefers the structured date, keeps the others as text, and reports a bad machine date', () => {
    const d = chooseDate([
      { text: 'bulk 1950s', normal: '1950/1959', structured: false, type: 'bulk', line: 3 },
      { text: '1945–2005', normal: '1945/2005', structured: true, type: 'inclusive', line: 4 },
      { text: 'someday', normal: 'soon', structured: false, type: null, line: 5 },
    ]);
    assert.equal(d.edtf, '1945/2005');
    assert.deepEqual(d.display, ['bulk 1950s', 'someday']);
    assert.deepEqual(d.warnings.map((w) => w.line), [5]);
  });

  it('maps ISO 639-2 codes to the site’s language tags', () => {
    assert.equal(langTag('eng'), 'en');
    assert.equal(langTag('jpn'), 'ja');
    assert.equal(langTag('khk'), 'mn');
    assert.equal(langTag('en'), 'en');
    assert.equal(langTag('not a code'), null);
    assert.equal(langTag(null), null);
  });

  it('makes media of files at the archive and links of pages', () => {
    const r = mapDaos(
      [
        { href: 'https://archive.example/a/scan.TIF', title: 'Scan', line: 1 },
        { href: 'https://archive.example/film.mp4', title: null, line: 2 },
        { href: 'http://purl.example/150877 ', title: null, line: 3 },
        { href: 'ftp://archive.example/x.jpg', title: null, line: 4 },
        { href: 'scan.jpg', title: null, line: 5 },
      ],
      'ead-x',
      'en',
    );
    assert.deepEqual(r.media.map((m) => [m.id, m.kind, m.mime, m.url]), [
      ['ead-x-ead-1', 'image', 'image/tiff', 'https://archive.example/a/scan.TIF'],
      ['ead-x-ead-2', 'video', 'video/mp4', 'https://archive.example/film.mp4'],
    ]);
    assert.deepEqual(r.links, [{ title: null, url: 'http://purl.example/150877' }]);
    assert.deepEqual(r.warnings.map((w) => w.line), [4, 5]);
  });

  it('matches names in either order and across scripts, and makes stable ids for new people', () => {
    const index = new PeopleIndex([
      { id: 'niizeki', culture: 'japanese', names: { en: { family: 'Niizeki', given: 'Kinya', status: 'reviewed' }, ja: { family: '新関', given: '欽哉', status: 'reviewed' } }, role: {} },
      { id: 'tsedenbal', culture: 'mongolian', names: { mn: { patronymic: 'Юмжаагийн', given: 'Цэдэнбал', status: 'reviewed' } }, role: {} },
    ]);
    assert.equal(index.find(name({ text: 'Niizeki, Kinya', surname: 'Niizeki', forename: 'Kinya' })), 'niizeki');
    assert.equal(index.find(name({ text: 'Kinya Niizeki' })), 'niizeki');
    assert.equal(index.find(name({ text: '新関欽哉' })), 'niizeki');
    assert.equal(index.find(name({ text: 'Yumjaagiin Tsedenbal' })), 'tsedenbal');
    assert.equal(index.find(name({ text: 'Someone Else' })), null);
    const a = personFromName(name({ text: 'Serow, Robert C.', surname: 'Serow', forename: 'Robert C.' }), 'en', index);
    const b = personFromName(name({ text: 'Serow, Robert C.', surname: 'Serow', forename: 'Robert C.' }), 'en', index);
    assert.equal(a.id, b.id);
    assert.match(a.id, /^ead-serow-robert-c-[0-9a-f]{8}$/);
    assert.deepEqual(a.names['en'], { family: 'Serow', given: 'Robert C.', status: 'draft' });
  });
});
