// A whole batch of workflow saves in one transaction: all land, or none do.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { principalFrom } from '../../src/domain/permissions.ts';
import { ContentService, type ContentChange } from '../../src/services/content.ts';
import { demo } from '../../content/demo/chapter-v.ts';
import { WorkflowService } from '../../src/services/workflow.ts';
import { availableEngines, freshStorage, type TestStorage } from '../helpers/engines.ts';

const admin = principalFrom({ id: 'u-admin', name: 'Admin', isAdmin: true }, []);

for (const engine of await availableEngines()) {
  describe(`atomically on ${engine}`, () => {
    let storage: TestStorage;
    beforeEach(async () => {
      storage = await freshStorage(engine);
      const content = new ContentService(storage.store, () => undefined);
      await content.batch(async (c) => {
        for (const i of demo.institutions) await c.saveInstitution(i);
        for (const p of demo.people) await c.savePerson(p);
        for (const p of demo.places) await c.savePlace(p);
        for (const item of demo.items.slice(0, 2)) await c.saveItem({ ...item, media: [], state: 'published' });
      });
    });
    afterEach(() => storage.dispose());

    const ids = demo.items.slice(0, 2).map((i) => i.id);

    it('keeps every draft saved inside when the function returns', async () => {
      const heard: (readonly ContentChange[])[] = [];
      await storage.atomically(async (bound) => {
        const wf = new WorkflowService(bound, (_v, c) => heard.push(c));
        for (const id of ids) {
          const copy = await wf.item(id);
          assert.ok(copy);
          await wf.saveItemDraft(admin, { ...copy.current, caption: { en: { value: `changed ${id}`, status: 'draft' } } });
        }
      });
      for (const id of ids) assert.equal((await storage.workspace.openRevisions('item')).filter((r) => r.entityId === id).length, 1);
    });

    it('leaves nothing behind when the function throws half-way', async () => {
      await assert.rejects(
        storage.atomically(async (bound) => {
          const wf = new WorkflowService(bound, () => undefined);
          const copy = await wf.item(ids[0] ?? '');
          assert.ok(copy);
          await wf.saveItemDraft(admin, { ...copy.current, caption: { en: { value: 'half', status: 'draft' } } });
          throw new Error('stop');
        }),
        /stop/,
      );
      assert.deepEqual(await storage.workspace.openRevisions('item'), []);
      assert.deepEqual(await storage.workspace.auditLog(10, 0), []);
    });
  });
}
