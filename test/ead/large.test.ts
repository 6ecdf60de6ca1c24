// A large finding aid (~50 MB, made here into a temporary file) is read as a stream: the import
// completes within a minute per engine and the process grows by far less than the file.
import assert from 'node:assert/strict';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import { ContentService } from '../../src/services/content.ts';
import { importEad } from '../../src/import/ead/import.ts';
import { availableEngines, freshStorage } from '../helpers/engines.ts';
import { ARCHIVE, CURATOR, ead3 } from './helpers.ts';

const COMPONENTS = 500;
/** A long note per component that is read but not imported: the bulk of the file. */
const NOTE = `<odd><p>${'Correspondence, minutes and reports of the committee, filed in the order received. '.repeat(1200)}</p></odd>`;

async function writeLargeEad(path: string): Promise<void> {
  const [head, tail] = ead3('@@DSC@@').split('@@DSC@@') as [string, string];
  const out = createWriteStream(path);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(head);
  for (let s = 0; s < COMPONENTS / 100; s++) {
    await write(`<c01 level="series" id="s${s}"><did><unittitle>Series ${s}</unittitle></did>\n`);
    for (let i = 0; i < 100; i++) {
      const n = s * 100 + i;
      await write(
        `<c02 level="file" id="f${n}"><did><unitid>L-${n}</unitid><unittitle>File ${n}</unittitle><unitdate normal="19${String(n % 100).padStart(2, '0')}">19${String(n % 100).padStart(2, '0')}</unitdate></did>${NOTE}<scopecontent><p>Papers of file ${n}.</p></scopecontent></c02>\n`,
      );
    }
    await write('</c01>\n');
  }
  await write(tail);
  out.end();
  await once(out, 'finish');
}

describe('a large EAD file', () => {
  let dir: string;
  let file: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tsuzuri-ead-'));
    file = join(dir, 'large.xml');
    await writeLargeEad(file);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  for (const engine of ['sqlite', 'postgres'] as const) {
    it(`is streamed on ${engine}: it completes and memory stays bounded`, { timeout: 60_000 }, async (t) => {
      if (!(await availableEngines()).includes(engine)) return t.skip(`${engine} unavailable`);
      const size = (await stat(file)).size;
      assert.ok(size > 45 * 1024 * 1024, `the file is ${size} bytes`);
      const storage = await freshStorage(engine);
      try {
        await new ContentService(storage.store).saveInstitution(ARCHIVE);
        const base = process.memoryUsage().rss;
        let peak = base;
        let lastBytes = 0;
        const started = Date.now();
        const r = await importEad(storage, createReadStream(file), {
          institutionId: ARCHIVE.id,
          principal: CURATOR,
          totalBytes: size,
          onProgress: (p) => {
            peak = Math.max(peak, process.memoryUsage().rss);
            lastBytes = p.bytesRead;
          },
        });
        peak = Math.max(peak, process.memoryUsage().rss);
        const seconds = (Date.now() - started) / 1000;
        const growth = (peak - base) / 1024 / 1024;
        console.log(`# large EAD on ${engine}: ${(size / 1024 / 1024).toFixed(1)} MB, ${r.componentsRead} components, ${r.itemsCreated} items in ${seconds.toFixed(1)} s; rss grew ${growth.toFixed(0)} MB at most`);
        assert.equal(r.componentsRead, COMPONENTS + COMPONENTS / 100);
        assert.equal(r.itemsCreated, COMPONENTS);
        assert.equal(lastBytes, size, 'progress reached the end of the file');
        // Reading the file whole would take more than its size (bytes, then the string); streaming stays far below.
        assert.ok(growth < size / 1024 / 1024, `rss grew by ${growth.toFixed(0)} MB for a ${(size / 1024 / 1024).toFixed(0)} MB file`);
      } finally {
        await storage.dispose();
      }
    });
  }
});
