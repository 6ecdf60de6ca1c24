// Export, change, import: XLIFF 2.0 and 1.2 round trips against the demo exhibition, the
// outdated-translation scenario, and every refusal leaving the content as it was.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { translationState } from '../../src/domain/translation.ts';
import type { Item } from '../../src/domain/types.ts';
import { listTranslationUnits } from '../../src/services/translation.ts';
import { WorkflowService } from '../../src/services/workflow.ts';
import { XliffService, type ImportReport } from '../../src/services/xliff.ts';
import { XliffRefused } from '../../src/xliff/read.ts';
import { availableEngines, type TestStorage } from '../helpers/engines.ts';
import { admin, demoStorage, setTarget, translatorMn } from './helpers.ts';

const EX = 'japan-mongolia';
const ITEM = 'joint-communique-1972';

/** Everything an import could touch: open revisions with their data, the audit log, the content version. */
async function snapshot(storage: TestStorage): Promise<string> {
  const open = [...(await storage.workspace.openRevisions('item')), ...(await storage.workspace.openRevisions('exhibition'))].map((r) => [r.entity, r.entityId, r.rev, r.data]);
  const people = await storage.store.getPeople(await storage.store.listPersonIds());
  return JSON.stringify({ open, audit: (await storage.workspace.auditLog(1000, 0)).length, version: await storage.store.contentVersion(), people });
}

async function itemNow(storage: TestStorage, id: string): Promise<Item> {
  const copy = await new WorkflowService(storage, () => undefined).item(id);
  assert.ok(copy);
  return copy.current;
}

function outcomes(r: ImportReport): Record<string, number> {
  const out: Record<string, number> = {};
  for (const u of r.units) out[u.outcome] = (out[u.outcome] ?? 0) + 1;
  return out;
}

for (const engine of await availableEngines()) {
  describe(`XLIFF exchange on ${engine}`, () => {
    let storage: TestStorage;
    let xliff: XliffService;
    before(async () => {
      storage = await demoStorage(engine);
      xliff = new XliffService(storage);
    });
    after(() => storage.dispose());

    for (const version of ['2.0', '1.2'] as const) {
      it(`round-trips XLIFF ${version}: export mn, change targets, import, re-export shows them`, async () => {
        const exported = await xliff.export({ exhibitionId: EX, lang: 'mn', version });
        assert.ok(exported.units > 20, `${exported.units} units`);
        const caption = `Хамтарсан мэдэгдэл (${version}) — “шинэ” <орчуулга> & 😀`;
        const escaped = caption.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
        let xml = setTarget(exported.xml, `item.${ITEM}.caption`, escaped, version);
        xml = setTarget(xml, 'chapter.ch05.title', `1972 он (${version})`, version);
        const report = await xliff.import(xml, { user: translatorMn });
        assert.deepEqual(report.fileErrors, []);
        assert.equal(report.committed, true, JSON.stringify(report.units.filter((u) => u.outcome === 'error')));
        assert.deepEqual(report.applied.sort(), ['chapter.ch05.title', `item.${ITEM}.caption`]);
        assert.equal(outcomes(report)['apply'], 2);
        assert.equal(outcomes(report)['error'], undefined);

        const item = await itemNow(storage, ITEM);
        assert.equal(item.caption['mn']?.value, caption);
        assert.equal(item.caption['mn']?.status, 'draft');
        assert.equal(item.caption['mn']?.by, translatorMn.userId);
        assert.equal(item.caption['mn']?.source, item.caption['en']?.value, 'stamped with the source it was made from');
        const ex = await new WorkflowService(storage, () => undefined).exhibition(EX);
        assert.equal(ex?.current.chapters[0]?.title['mn']?.value, `1972 он (${version})`);

        const again = await xliff.export({ exhibitionId: EX, lang: 'mn', version });
        assert.ok(again.xml.includes(escaped), 'the new target is exported');
        assert.equal(again.states.outdated, 0);
        assert.doesNotMatch(again.xml, /tsuzuri:outdated|needs-review-translation/);
        // Importing the fresh export again changes nothing.
        const same = await xliff.import(again.xml, { user: translatorMn });
        assert.equal(same.committed, false);
        assert.equal(outcomes(same)['apply'], undefined);
        assert.equal(outcomes(same)['error'], undefined);
      });
    }

    it('marks ja and mn outdated in the export after the English caption changes; re-translating clears it', async () => {
      const item = await itemNow(storage, ITEM);
      const oldEn = item.caption['en']?.value ?? '';
      await new WorkflowService(storage, () => undefined).saveItemDraft(admin, { ...item, caption: { ...item.caption, en: { value: `${oldEn} (revised)`, status: 'draft' } } });
      const revised = await itemNow(storage, ITEM);
      assert.equal(translationState(revised.caption, 'ja', 'en'), 'outdated');
      assert.equal(translationState(revised.caption, 'mn', 'en'), 'outdated');

      for (const lang of ['ja', 'mn']) {
        const x20 = await xliff.export({ exhibitionId: EX, lang, version: '2.0' });
        const unit20 = /<unit id="item\.joint-communique-1972\.caption"[\s\S]*?<\/unit>/.exec(x20.xml)?.[0] ?? '';
        assert.match(unit20, /<segment state="initial" subState="tsuzuri:outdated">/, `${lang} 2.0`);
        assert.match(unit20, /<note category="outdated" appliesTo="target">/);
        assert.match(unit20, /<target>/, 'the old translation stays as the target');
        assert.equal(x20.states.outdated, 1);
        const x12 = await xliff.export({ exhibitionId: EX, lang, version: '1.2' });
        const unit12 = /<trans-unit id="item\.joint-communique-1972\.caption"[\s\S]*?<\/trans-unit>/.exec(x12.xml)?.[0] ?? '';
        assert.match(unit12, /<target state="needs-review-translation">/, `${lang} 1.2`);
        assert.doesNotMatch(unit12, /approved="yes"/);
      }

      // Sending the outdated text back unchanged keeps it outdated…
      const mn = await xliff.export({ exhibitionId: EX, lang: 'mn', version: '2.0' });
      const unchanged = await xliff.import(mn.xml, { user: translatorMn });
      assert.equal(unchanged.units.find((u) => u.id === `item.${ITEM}.caption`)?.reason, 'stillOutdated');
      // …a new translation clears it for mn; ja stays outdated.
      const report = await xliff.import(setTarget(mn.xml, `item.${ITEM}.caption`, 'Шинэчилсэн тайлбар', '2.0'), { user: translatorMn });
      assert.equal(report.committed, true);
      const now = await itemNow(storage, ITEM);
      assert.equal(translationState(now.caption, 'mn', 'en'), 'draft');
      assert.equal(translationState(now.caption, 'ja', 'en'), 'outdated');
      const units = (await listTranslationUnits(storage, EX, 'mn')) ?? [];
      assert.equal(units.find((u) => u.entity === 'item' && u.id === ITEM && u.field === 'caption')?.state, 'draft');
      const after = await xliff.export({ exhibitionId: EX, lang: 'mn', version: '2.0' });
      assert.equal(after.states.outdated, 0);
      assert.doesNotMatch(after.xml, /tsuzuri:outdated/);
      assert.equal((await xliff.export({ exhibitionId: EX, lang: 'ja', version: '1.2' })).states.outdated, 1);
    });

    describe('refusals leave everything as it was', () => {
      const refuse = async (name: string, input: Buffer | string, why: RegExp) => {
        const before = await snapshot(storage);
        await assert.rejects(xliff.import(input, { user: admin }), (err: unknown) => err instanceof XliffRefused && why.test(err.message), name);
        assert.equal(await snapshot(storage), before, `${name}: nothing changed`);
      };

      it('refuses a wrong namespace, a DOCTYPE (billion laughs, external entity) and a 50 MB file', async () => {
        const good = (await xliff.export({ exhibitionId: EX, lang: 'mn', version: '2.0' })).xml;
        await refuse('namespace', good.replace('urn:oasis:names:tc:xliff:document:2.0', 'urn:oasis:names:tc:xliff:document:1.1'), /namespace "urn:oasis:names:tc:xliff:document:1\.1"/);
        const laughs = `<?xml version="1.0"?>\n<!DOCTYPE xliff [\n<!ENTITY lol "lol">\n<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n]>\n${good.replace(/^<\?xml[^>]*>\n/, '').replace('<source>', '<source>&lol3;')}`;
        await refuse('billion laughs', laughs, /line 6, column \d+: a DOCTYPE declaration is not allowed/);
        const passwd = `<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n${good.replace(/^<\?xml[^>]*>\n/, '').replace('<source>', '<source>&x;')}`;
        await refuse('external entity', passwd, /line 2, column \d+: a DOCTYPE/);
        const big = Buffer.alloc(50 * 1024 * 1024, 0x20);
        Buffer.from(good).copy(big);
        const started = Date.now();
        await refuse('50 MB', big, /50\.0 MB; at most 20 MB/);
        assert.ok(Date.now() - started < 5000, 'refused before parsing');
      });

      it('refuses the whole file when any unit is wrong: unknown id, source changed since export', async () => {
        const exported = (await xliff.export({ exhibitionId: EX, lang: 'mn', version: '2.0' })).xml;
        let xml = setTarget(exported, 'item.cultural-agreement-1974.caption', 'Шинэ тайлбар', '2.0');
        xml = xml.replace('id="item.academic-exchange-1972.heading"', 'id="item.no-such-record.heading"');
        xml = xml.replace('id="exhibition.japan-mongolia.subtitle"', 'id="bogus"');
        // The English heading of an item changes after the export.
        const wf = new WorkflowService(storage, () => undefined);
        const target = await itemNow(storage, 'goodwill-mission-1971');
        await wf.saveItemDraft(admin, { ...target, heading: { ...target.heading, en: { value: 'Goodwill mission, 1971 (new heading)', status: 'draft' } } });
        const before = await snapshot(storage);
        const report = await xliff.import(xml, { user: admin });
        assert.equal(report.committed, false);
        assert.deepEqual(report.applied, []);
        const byId = new Map(report.units.map((u) => [u.id, u]));
        assert.equal(byId.get('item.no-such-record.heading')?.errors[0]?.code, 'notInExhibition');
        assert.equal(byId.get('bogus')?.errors[0]?.code, 'unknownId');
        assert.equal(byId.get('item.goodwill-mission-1971.heading')?.errors[0]?.code, 'sourceChanged');
        assert.match(String(byId.get('item.goodwill-mission-1971.heading')?.errors[0]?.values['now']), /new heading/);
        assert.equal(byId.get('item.cultural-agreement-1974.caption')?.outcome, 'apply', 'valid, but not applied alone');
        assert.ok((byId.get('bogus')?.line ?? 0) > 1, 'each unit reports its line');
        assert.equal(await snapshot(storage), before);

        // --apply-valid: only the valid units land, and the report says which.
        const partial = await xliff.import(xml, { user: admin, applyValid: true });
        assert.equal(partial.committed, true);
        assert.deepEqual(partial.applied, ['item.cultural-agreement-1974.caption']);
        assert.equal(partial.units.find((u) => u.id === 'item.cultural-agreement-1974.caption')?.applied, true);
        assert.equal(partial.units.filter((u) => u.applied).length, 1);
        assert.equal((await itemNow(storage, 'cultural-agreement-1974')).caption['mn']?.value, 'Шинэ тайлбар');
      });

      it('refuses a wrong target language and a translator for mn importing ja', async () => {
        const ja = (await xliff.export({ exhibitionId: EX, lang: 'ja', version: '1.2' })).xml;
        const changed = setTarget(ja, 'item.economic-meeting-1975.caption', '新しい解説', '1.2');
        const before = await snapshot(storage);
        const asMn = await xliff.import(changed, { user: translatorMn, lang: 'mn' });
        assert.equal(asMn.committed, false);
        assert.ok(asMn.units.every((u) => u.outcome === 'error' && u.errors.some((e) => e.code === 'wrongTargetLang')), 'every unit: wrong target language');
        const forbidden = await xliff.import(changed, { user: translatorMn });
        assert.equal(forbidden.committed, false);
        assert.equal(forbidden.lang, 'ja');
        assert.ok(forbidden.units.every((u) => u.errors.some((e) => e.code === 'forbidden')), 'a translator for mn may not import ja');
        // A unit whose own xml:lang disagrees with the file is caught too.
        const mn = (await xliff.export({ exhibitionId: EX, lang: 'mn', version: '2.0' })).xml;
        const mixed = setTarget(mn, 'item.cashmere-agreement-1977.caption', 'Шинэ', '2.0').replace('<target>Шинэ</target>', '<target xml:lang="ja">Шинэ</target>');
        const mixedReport = await xliff.import(mixed, { user: translatorMn });
        assert.equal(mixedReport.units.find((u) => u.id === 'item.cashmere-agreement-1977.caption')?.errors[0]?.code, 'wrongTargetLang');
        assert.equal(mixedReport.committed, false);
        assert.equal(await snapshot(storage), before);
      });

      it('checks without writing on a dry run', async () => {
        const mn = (await xliff.export({ exhibitionId: EX, lang: 'mn', version: '2.0' })).xml;
        const before = await snapshot(storage);
        const report = await xliff.import(setTarget(mn, 'item.economic-meeting-1975.caption', 'Туршилт', '2.0'), { user: translatorMn, dryRun: true });
        assert.equal(report.dryRun, true);
        assert.equal(report.committed, false);
        assert.equal(report.units.find((u) => u.id === 'item.economic-meeting-1975.caption')?.outcome, 'apply');
        assert.equal(await snapshot(storage), before);
      });
    });
  });
}
