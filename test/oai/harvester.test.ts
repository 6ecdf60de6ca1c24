// A full harvest by an independent client, the Debian harvester `oai_pmh` (libhttp-oai-perl),
// against a live server on a free port: it must return exactly the published records, on
// every engine, following resumption tokens across several pages.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { availableEngines, freshStorage, type TestStorage } from '../helpers/engines.ts';
import { oaiApp, type OaiTestApp } from './helpers.ts';

process.env['TSUZURI_OAI_PAGE_SIZE'] = '3';

const run = promisify(execFile);

const harvester = await run('oai_pmh', ['--help']).then(
  () => null,
  (err: unknown) => ((err as { code?: string }).code === 'ENOENT' ? 'oai_pmh not installed (Debian package libhttp-oai-perl)' : null),
);
if (harvester) console.log(`# NOTICE: ${harvester}; harvester test skipped`);

const engines = await availableEngines();

interface Harvested {
  identifier: string;
  deleted: boolean;
  sets: string[];
}

/**
 * oai_pmh prints each header as "identifier: …", "datestamp: …", "status: …", "setSpec: …" lines,
 * records separated by form feeds.
 */
function parse(out: string): Harvested[] {
  const records: Harvested[] = [];
  let cur: Harvested | null = null;
  for (const line of out.split(/[\n\f]/)) {
    const m = /^(identifier|status|setSpec): ?(.*)$/.exec(line);
    if (!m) continue;
    if (m[1] === 'identifier') records.push((cur = { identifier: m[2] ?? '', deleted: false, sets: [] }));
    else if (cur && m[1] === 'status') cur.deleted = m[2] === 'deleted';
    else if (cur) cur.sets.push(m[2] ?? '');
  }
  return records;
}

for (const engine of engines) {
  describe(`harvest by oai_pmh (${engine})`, { skip: harvester ?? false }, () => {
    let storage: TestStorage;
    let app: OaiTestApp;
    let base = '';
    let published: string[] = [];
    const gone = 'cashmere-agreement-1977';

    before(async () => {
      storage = await freshStorage(engine);
      app = await oaiApp(storage, { demo: true });
      const item = await storage.store.getItem(gone);
      assert.ok(item);
      await app.fastify.inject({ url: '/oai?verb=Identify' });
      await app.content.saveItem({ ...item, state: 'draft' });
      published = (await storage.store.listItemIds(true)).map((id) => `oai:127.0.0.1:item/${id}`).sort();
      await app.fastify.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(app.fastify.server.address() as AddressInfo).port}/oai`;
    });
    after(async () => {
      await app?.close();
      await storage?.dispose();
    });

    const harvest = async (...args: string[]) => {
      const { stdout } = await run('oai_pmh', [...args, base], { maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
      return parse(stdout);
    };

    it('ListRecords returns exactly the published records, and the unpublished one as deleted', async () => {
      const got = await harvest('--metadataPrefix', 'oai_dc');
      assert.ok(published.length > 3, 'more records than one page');
      assert.deepEqual(got.filter((r) => !r.deleted).map((r) => r.identifier).sort(), published);
      assert.deepEqual(got.filter((r) => r.deleted).map((r) => r.identifier), [`oai:127.0.0.1:item/${gone}`]);
    });

    it('ListIdentifiers and a set-restricted harvest agree', async () => {
      const ids = await harvest('-X', 'ListIdentifiers', '--metadataPrefix', 'oai_dc');
      assert.deepEqual(ids.filter((r) => !r.deleted).map((r) => r.identifier).sort(), published);
      const set = 'institution:mn-nca';
      const inSet = await harvest('--metadataPrefix', 'oai_dc', '--set', set);
      const expected = ids.filter((r) => !r.deleted && r.sets.includes(set)).map((r) => r.identifier).sort();
      assert.ok(expected.length > 0);
      assert.deepEqual(inSet.filter((r) => !r.deleted).map((r) => r.identifier).sort(), expected);
    });
  });
}
