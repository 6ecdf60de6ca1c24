// EAD import on every engine: each shared sample imports with its counts or is refused as the
// fixtures' README says; the mapping of one component field by field; refusals with their line
// (malformed XML, entity declarations, unknown namespaces) that store nothing; a re-import that
// changes nothing; a cancel that leaves nothing; a curator of another archive refused.
import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { Forbidden } from '../../src/services/workflow.ts';
import { ContentService } from '../../src/services/content.ts';
import { EadRefused, importEad, type EadImportReport } from '../../src/import/ead/import.ts';
import type { Item } from '../../src/domain/types.ts';
import { availableEngines, freshStorage, type TestStorage } from '../helpers/engines.ts';
import { ADMIN, ARCHIVE, CURATOR, ead3, eadFixture, FULL, OTHER_CURATOR, STRICT_ARCHIVE } from './helpers.ts';

/**
 * Per sample: components in the file (the README's count), and what the import gives: items
 * created, people linked, media, or the refusal with its line. Items follow the documented rule
 * (leaves and file/item levels; series and other aggregations are structure).
 */
const SAMPLES: Record<string, { components: number; items?: number; people?: number; media?: number; refused?: { code: string; line: number } }> = {
  'ead3/EAD3test.xml': { components: 14, items: 9, people: 0, media: 0 },
  'ead3/EAD3test-xsd.xml': { components: 24, refused: { code: 'structure', line: 334 } },
  'ead3/C1571.EAD3.xml': { components: 12, items: 10, people: 0, media: 0 },
  'ead3/NCSU_mc00019.xml': { components: 43, items: 31, people: 0, media: 0 },
  'ead3/NCSU_mc00042.xml': { components: 226, items: 173, people: 0, media: 0 },
  'ead3/NCSU_mc00092.xml': { components: 469, items: 439, people: 0, media: 0 },
  'ead3/NCSU_mc00240.xml': { components: 1311, items: 1308, people: 0, media: 0 },
  'ead3/NCSU_mc00084.xml': { components: 2104, items: 2102, people: 2703, media: 0 },
  'ead3/NCSU_rbc00001.xml': { components: 47, items: 42, people: 0, media: 0 },
  'ead3/UMN_CLRC-2155.xml': { components: 6, items: 3, people: 0, media: 0 },
  'ead3/UMN_sw0116-ead3.xml': { components: 158, items: 153, people: 0, media: 0 },
  'ead3/UMN_yusa0008-ead3.xml': { components: 85, items: 74, people: 0, media: 0 },
  'ead3/schematron_test_ead3.xml': { components: 0, items: 0, people: 0, media: 0 },
  'ead2002/arclight_sul-spec_a0011.xml': { components: 1, items: 1, people: 1, media: 0 },
  'ead2002/arclight_sul-spec_m0198_from_ASpace.xml': { components: 6, items: 6, people: 0, media: 0 },
  'ead2002/arclight_nlm_ncaids544-id-test.xml': { components: 12, items: 10, people: 0, media: 0 },
  'ead2002/arclight_sample_deeply-nested-components.xml': { components: 31, items: 18, people: 0, media: 0 },
  'ead2002/arclight_sample_large-components-list.xml': { components: 404, items: 403, people: 0, media: 0 },
  'ead2002/saa_Kitchen_sink_AT_output_EAD_with_enumerated_Cs.xml': { components: 71, items: 56, people: 0, media: 0 },
};

const LARGEST = ['ead3/NCSU_mc00084.xml', 'ead3/NCSU_mc00240.xml'];

async function refusal(p: Promise<unknown>): Promise<EadRefused> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof EadRefused, `expected a refusal, got ${String(err)}`);
    return err;
  }
  assert.fail('expected a refusal');
}

/** Everything an import could have written, to compare before and after. */
async function footprint(s: TestStorage) {
  return {
    items: (await s.store.listItemIds(false)).length,
    people: (await s.store.listPersonIds()).length,
    drafts: (await s.workspace.openRevisions('item')).length,
    audit: (await s.workspace.auditLog(100000)).length,
  };
}


for (const engine of await availableEngines()) {
  describe(`EAD import on ${engine}`, () => {
    let storage: TestStorage;
    beforeEach(async () => {
      storage = await freshStorage(engine);
      const content = new ContentService(storage.store);
      await content.saveInstitution(ARCHIVE);
      await content.saveInstitution(STRICT_ARCHIVE);
      // Recorded in Cyrillic only: the finding aid's Latin form must find him.
      await content.savePerson({ id: 'tsedenbal', culture: 'mongolian', names: { mn: { patronymic: 'Юмжаагийн', given: 'Цэдэнбал', status: 'reviewed' } }, role: {} });
    });
    afterEach(() => storage.dispose());

    it('imports every shared sample with its counts, or refuses it as the README says', async (t) => {
      const rows: string[] = [];
      for (const [rel, want] of Object.entries(SAMPLES)) {
        // Thousands of drafts take a minute on PostgreSQL: the two largest samples are imported on
        // SQLite, and PostgreSQL carries the same load in large.test.ts.
        if (engine === 'postgres' && LARGEST.includes(rel)) {
          rows.push(`${rel.padEnd(62)} (on SQLite only)`);
          continue;
        }
        const path = eadFixture(`samples/${rel}`);
        if (!path) {
          t.skip('EAD samples missing');
          return;
        }
        // Each sample on a clean database: counts do not depend on the order.
        const s = await freshStorage(engine);
        try {
          await new ContentService(s.store).saveInstitution(ARCHIVE);
          if (want.refused) {
            const err = await refusal(importEad(s, createReadStream(path), { institutionId: ARCHIVE.id, principal: CURATOR }));
            assert.equal(err.code, want.refused.code, `${rel}: ${err.message}`);
            assert.equal(err.line, want.refused.line, `${rel}: ${err.message}`);
            assert.deepEqual(await footprint(s), { items: 0, people: 0, drafts: 0, audit: 0 }, `${rel}: a refused file leaves nothing`);
            rows.push(`${rel.padEnd(62)} refused: ${err.message}`);
            continue;
          }
          const r = await importEad(s, createReadStream(path), { institutionId: ARCHIVE.id, principal: CURATOR });
          assert.equal(r.componentsRead, want.components, `${rel}: components read`);
          assert.equal(r.itemsCreated, want.items, `${rel}: items created`);
          assert.equal(r.peopleLinked, want.people, `${rel}: people linked`);
          assert.equal(r.media, want.media, `${rel}: media`);
          assert.equal(r.componentsRead, r.structural + r.itemsCreated + r.issues.length, `${rel}: every component is accounted for`);
          assert.equal((await s.workspace.openRevisions('item')).length, r.itemsCreated, `${rel}: one draft per item`);
          rows.push(
            `${rel.padEnd(62)} components ${String(r.componentsRead).padStart(5)}  items ${String(r.itemsCreated).padStart(5)}  people linked ${String(r.peopleLinked).padStart(5)} (new ${r.peopleCreated})  media ${r.media}  links ${r.links}  warnings ${r.warnings.length}`,
          );
        } finally {
          await s.dispose();
        }
      }
      console.log(`# EAD samples on ${engine}:\n${rows.map((r) => `#   ${r}`).join('\n')}`);
    });

    it('reports the Schematron sample’s bad standarddate with its line, importing nothing', async (t) => {
      const path = eadFixture('samples/ead3/schematron_test_ead3.xml');
      if (!path) return t.skip('sample missing');
      const r = await importEad(storage, createReadStream(path), { institutionId: ARCHIVE.id, principal: CURATOR });
      assert.equal(r.itemsCreated, 0);
      const bad = r.warnings.find((w) => w.why.includes('10000121'));
      assert.ok(bad, JSON.stringify(r.warnings));
      assert.equal(bad.line, 27);
    });

    it('maps one component field by field', async () => {
      const r = await importEad(storage, ead3(FULL), { institutionId: ARCHIVE.id, principal: CURATOR });
      assert.deepEqual([r.componentsRead, r.structural, r.itemsCreated, r.peopleLinked, r.peopleCreated, r.media, r.links], [3, 1, 2, 2, 1, 1, 1]);
      assert.ok(r.warnings.some((w) => w.why.includes('images/local.jpg')), 'a relative address is reported');
      const drafts = (await storage.workspace.openRevisions('item')).map((rev) => rev.data as Item);
      const letter = drafts.find((i) => i.referenceCode === 'MS 12/3');
      assert.ok(letter, 'the unitid is the reference code');
      assert.equal(letter.state, 'draft');
      assert.equal(letter.institutionId, ARCHIVE.id);
      assert.deepEqual(letter.heading['en'], { value: 'Letter to the legation', status: 'reviewed', by: CURATOR.userId });
      assert.deepEqual(letter.title, letter.heading);
      assert.equal(letter.date, '1972-02-10/1972-03');
      const caption = letter.caption['en']?.value ?? '';
      assert.match(caption, /^A letter about the opening of the legation\./);
      assert.match(caption, /Date: winter 1972/, 'a free-text date is kept as text');
      assert.match(caption, /Extent: 3 leaves/);
      assert.match(caption, /Container: box 4/);
      assert.match(caption, /Part of: Test collection › Correspondence/);
      assert.match(caption, /Online: https:\/\/archive\.example\/viewer\/letter/);
      assert.equal(letter.personIds[0], 'tsedenbal', 'the Latin name finds the person recorded in Cyrillic');
      const [ministry] = await storage.store.getPeople([letter.personIds[1] ?? '']);
      assert.deepEqual(ministry?.names['en'], { family: 'Ministry of Foreign Affairs of Mongolia', status: 'draft' });
      assert.equal(letter.media.length, 1);
      assert.equal(letter.media[0]?.url, 'https://archive.example/images/letter-1.jpg');
      assert.equal(letter.media[0]?.path, '');
      assert.equal(letter.media[0]?.mime, 'image/jpeg');
      assert.equal(letter.media[0]?.alt['en']?.value, 'First page');
      const note = drafts.find((i) => i.heading['en']?.value === 'Undated note');
      assert.ok(note);
      assert.equal(note.date, null);
      assert.equal(note.referenceCode, null);
      assert.match(note.caption['en']?.value ?? '', /Date: around the time of the visit/);
      assert.equal(await storage.store.getItem(letter.id), null, 'nothing reaches visitors: the items are drafts');
    });

    it('gives titles in the language the finding aid is written in', async () => {
      await importEad(storage, ead3('<c><did><unittitle>外務省記録</unittitle><unittitle lang="eng">Records of the Ministry</unittitle></did></c>', { lang: 'jpn' }), {
        institutionId: ARCHIVE.id,
        principal: CURATOR,
      });
      const [rev] = await storage.workspace.openRevisions('item');
      assert.deepEqual(Object.keys((rev?.data as Item).heading), ['ja']);
      assert.equal((rev?.data as Item).heading['ja']?.value, '外務省記録');
      assert.match((rev?.data as Item).caption['ja']?.value ?? '', /上位の階層: Test collection/);
    });

    it('leaves out a component whose code does not fit the archive’s scheme, with its line', async () => {
      const dsc = `<c01 level="file"><did><unitid>MS 12/3</unitid><unittitle>Misfit</unittitle></did></c01>
      <c01 level="file"><did><unitid>2019-0197</unitid><unittitle>Fits</unittitle></did></c01>`;
      const r = await importEad(storage, ead3(dsc), { institutionId: STRICT_ARCHIVE.id, principal: ADMIN });
      assert.equal(r.itemsCreated, 1);
      assert.equal(r.issues.length, 1);
      assert.equal(r.issues[0]?.line, 14);
      assert.match(r.issues[0]?.why ?? '', /does not fit the scheme "Series number"/);
    });

    it('changes nothing when the same file is imported again, and updates what changed', async () => {
      const first = await importEad(storage, ead3(FULL), { institutionId: ARCHIVE.id, principal: CURATOR });
      const before = await footprint(storage);
      const again = await importEad(storage, ead3(FULL), { institutionId: ARCHIVE.id, principal: CURATOR });
      assert.deepEqual([again.itemsCreated, again.itemsUpdated, again.itemsUnchanged, again.peopleCreated], [0, 0, first.itemsCreated, 0]);
      assert.deepEqual(await footprint(storage), before, 'no revision, person or audit entry was added');
      const changed = await importEad(storage, ead3(FULL.replace('Letter to the legation', 'Letter to the embassy')), { institutionId: ARCHIVE.id, principal: CURATOR });
      assert.deepEqual([changed.itemsCreated, changed.itemsUpdated, changed.itemsUnchanged], [0, 1, 1]);
    });

    it('keeps what a curator added when the file is imported again', async () => {
      await importEad(storage, ead3(FULL), { institutionId: ARCHIVE.id, principal: CURATOR });
      const letter = (await storage.workspace.openRevisions('item')).map((r) => r.data as Item).find((i) => i.referenceCode === 'MS 12/3');
      assert.ok(letter);
      const { WorkflowService } = await import('../../src/services/workflow.ts');
      await new WorkflowService(storage, () => undefined).saveItemDraft(CURATOR, { ...letter, heading: { ...letter.heading, ja: { value: '公使館宛書簡', status: 'draft' } } });
      const again = await importEad(storage, ead3(FULL), { institutionId: ARCHIVE.id, principal: CURATOR });
      assert.equal(again.itemsUnchanged, 2);
    });

    it('finds an existing record of the archive by its reference code instead of adding another', async () => {
      const content = new ContentService(storage.store);
      await content.saveItem({ id: 'kept-letter', heading: { en: { value: 'Letter', status: 'reviewed' } }, title: {}, caption: {}, date: null, institutionId: ARCHIVE.id, referenceCode: 'MS 12/3', mediaType: 'document', rights: 'http://rightsstatements.org/vocab/InC/1.0/', personIds: [], placeIds: [], media: [], state: 'published' });
      const r = await importEad(storage, ead3(FULL), { institutionId: ARCHIVE.id, principal: CURATOR });
      assert.equal(r.itemsUpdated, 1);
      assert.ok(r.itemIds.includes('kept-letter'));
      const draft = (await storage.workspace.openRevisions('item')).find((rev) => rev.entityId === 'kept-letter')?.data as Item;
      assert.equal(draft.heading['en']?.value, 'Letter to the legation');
      assert.equal(draft.rights, 'http://rightsstatements.org/vocab/InC/1.0/', 'what the finding aid does not say stays');
      assert.equal((await storage.store.getItem('kept-letter'))?.heading['en']?.value, 'Letter', 'visitors still see the published version');
    });

    it('a dry run reports the counts and leaves nothing', async () => {
      const before = await footprint(storage);
      const r = await importEad(storage, ead3(FULL), { institutionId: ARCHIVE.id, principal: CURATOR, dryRun: true });
      assert.equal(r.dryRun, true);
      assert.equal(r.itemsCreated, 2);
      assert.equal(r.peopleCreated, 1);
      assert.deepEqual(await footprint(storage), before);
    });

    it('a cancel mid-import leaves nothing behind', async () => {
      const dsc = Array.from({ length: 400 }, (_, i) => `<c level="file"><did><unitid>C-${i}</unitid><unittitle>Folder ${i}</unittitle></did><controlaccess><persname>Person ${i}</persname></controlaccess></c>`).join('\n');
      const before = await footprint(storage);
      const controller = new AbortController();
      let seen = 0;
      const err = await refusal(
        importEad(storage, ead3(dsc), {
          institutionId: ARCHIVE.id,
          principal: CURATOR,
          signal: controller.signal,
          onProgress: (p) => {
            seen = p.itemsCreated;
            if (p.itemsCreated >= 50) controller.abort();
          },
        }),
      );
      assert.equal(err.code, 'cancelled');
      assert.ok(seen >= 50, 'the import had written items before the cancel');
      assert.deepEqual(await footprint(storage), before);
    });

    it('refuses a curator of another archive, and stores nothing', async () => {
      await assert.rejects(importEad(storage, ead3(FULL), { institutionId: ARCHIVE.id, principal: OTHER_CURATOR }), Forbidden);
      assert.deepEqual(await footprint(storage), { items: 0, people: 1, drafts: 0, audit: 0 });
    });

    const refusals: [string, string, string, number][] = [
      ['malformed XML', ead3('<c><did><unittitle>Open</did></c>'), 'not-xml', 14],
      ['an entity declaration (billion laughs)', `<?xml version="1.0"?>\n<!DOCTYPE ead [\n <!ENTITY lol "lol">\n <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n]>\n<ead xmlns="urn:isbn:1-931666-22-9">&lol3;</ead>`, 'doctype', 3],
      ['an external entity', `<?xml version="1.0"?>\n<!DOCTYPE ead [\n\n<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<ead xmlns="urn:isbn:1-931666-22-9"><eadheader><eadid>&xxe;</eadid></eadheader></ead>`, 'doctype', 4],
      ['an undeclared entity reference', ead3('<c><did><unittitle>&xxe;</unittitle></did></c>'), 'not-xml', 14],
      ['an unknown namespace', '<?xml version="1.0"?>\n<ead xmlns="http://example.org/not-ead">\n</ead>', 'namespace', 2],
      ['an element of another vocabulary', ead3('<c><did><unittitle>x</unittitle></did><x:note xmlns:x="http://example.org/x"/></c>'), 'namespace', 14],
      ['a component without did', ead3('<c level="file"><scopecontent><p>No did</p></scopecontent></c>'), 'structure', 14],
      ['a numbered component out of order', ead3('<c01><did><unittitle>a</unittitle></did><c03><did><unittitle>b</unittitle></did></c03></c01>'), 'structure', 14],
      ['another root element', '<?xml version="1.0"?>\n<mets xmlns="http://www.loc.gov/METS/"/>', 'namespace', 2],
      ['a file that is not UTF-8', '<?xml version="1.0" encoding="ISO-8859-1"?>\n<ead/>', 'not-xml', 1],
    ];
    for (const [what, xml, code, line] of refusals) {
      it(`refuses ${what} with its line, storing nothing`, async () => {
        const before = await footprint(storage);
        const err = await refusal(importEad(storage, xml, { institutionId: ARCHIVE.id, principal: CURATOR }));
        assert.equal(err.code, code, err.message);
        assert.equal(err.line, line, err.message);
        assert.match(err.message, new RegExp(`^line ${line}`));
        assert.deepEqual(await footprint(storage), before);
      });
    }

    it('refuses bytes that are not UTF-8 at their line, and an empty file', async () => {
      const [head = '', tail = ''] = ead3('<c><did><unittitle>Caf@@</unittitle></did></c>').split('@@');
      // "é" in Latin-1: one byte that UTF-8 does not allow there.
      const bytes = Buffer.concat([Buffer.from(head), Buffer.from([0xe9]), Buffer.from(tail)]);
      const bad = await refusal(importEad(storage, bytes, { institutionId: ARCHIVE.id, principal: CURATOR }));
      assert.equal(bad.code, 'not-xml');
      assert.equal(bad.line, 14);
      assert.match(bad.message, /not valid UTF-8/);
      const empty = await refusal(importEad(storage, Buffer.alloc(0), { institutionId: ARCHIVE.id, principal: CURATOR }));
      assert.equal(empty.code, 'not-xml');
      assert.deepEqual(await footprint(storage), { items: 0, people: 1, drafts: 0, audit: 0 });
    });

    it('ignores a DOCTYPE that only names the EAD DTD (nothing is loaded)', async () => {
      const xml = ead3('<c><did><unittitle>One</unittitle></did></c>').replace('<ead ', '<!DOCTYPE ead PUBLIC "+//ISBN 1-931666-00-8//DTD ead.dtd (Encoded Archival Description (EAD) Version 2002)//EN" "file:///etc/passwd">\n<ead ');
      const r: EadImportReport = await importEad(storage, xml, { institutionId: ARCHIVE.id, principal: CURATOR });
      assert.equal(r.itemsCreated, 1);
      assert.ok(r.warnings.some((w) => /DOCTYPE .* is ignored/.test(w.why)));
    });
  });
}
