// An app for IIIF tests: like the shared demo helper, but it also hands out the media store, so
// a test can add its own images (the official validator image, a large benchmark image).
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../../src/config.ts';
import type { Institution, Item } from '../../src/domain/types.ts';
import { buildApp, type App } from '../../src/http/app.ts';
import { MediaStore } from '../../src/media/store.ts';
import { loadDemo } from '../../src/services/demo.ts';
import { openStorage, type Storage } from '../../src/storage/index.ts';
import { testConfig } from '../helpers/app.ts';

export const FIXTURES = new URL('../../../shared/fixtures/', import.meta.url);

/** The shared fixture folder, or null (with a printed notice) when it is not there. */
export function fixture(path: string): URL | null {
  const url = new URL(path, FIXTURES);
  if (existsSync(url)) return url;
  console.log(`# NOTICE: fixture ${path} not found beside the project (../shared/fixtures/); tests that need it are skipped`);
  return null;
}

export interface IiifTestApp extends App {
  storage: Storage;
  media: MediaStore;
  dataDir: string;
  close(): Promise<void>;
}

export async function iiifApp(opts: { demo?: boolean; config?: Partial<Config> } = {}): Promise<IiifTestApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tsuzuri-iiif-'));
  const storage = await openStorage({ url: ':memory:' });
  const media = new MediaStore(join(dataDir, 'media'));
  const app = await buildApp(testConfig(dataDir, opts.config), { storage, media });
  if (opts.demo) await loadDemo(app.content, media);
  return {
    ...app,
    storage,
    media,
    dataDir,
    close: async () => {
      await app.fastify.close();
      await storage.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export const TEST_ARCHIVE: Institution = {
  id: 'test-archive',
  parentId: null,
  name: { en: { value: 'Test Archive', status: 'reviewed' }, ja: { value: 'テスト文書館', status: 'reviewed' }, mn: { value: 'Туршилтын архив', status: 'reviewed' } },
  scheme: 'free-text',
  homepage: 'https://archive.example/',
  country: null,
};

/** Stores an image and an item showing it; the medium's id is the Image API identifier. */
export async function addImageItem(
  t: IiifTestApp,
  o: { itemId: string; mediaId: string; data: Buffer; ext: string; width: number; height: number; state?: Item['state'] },
): Promise<void> {
  if (!(await t.storage.store.getInstitution(TEST_ARCHIVE.id))) await t.content.saveInstitution(TEST_ARCHIVE);
  const path = `test/${o.mediaId}.${o.ext}`;
  await t.media.write(path, o.data);
  await t.content.saveItem({
    id: o.itemId,
    heading: { en: { value: `Test image ${o.mediaId}`, status: 'reviewed' } },
    title: {},
    caption: {},
    date: null,
    institutionId: TEST_ARCHIVE.id,
    referenceCode: null,
    mediaType: 'document',
    rights: 'http://rightsstatements.org/vocab/NoC-US/1.0/',
    personIds: [],
    placeIds: [],
    media: [{ id: o.mediaId, kind: 'image', role: 'primary', path, mime: o.ext === 'png' ? 'image/png' : 'image/jpeg', width: o.width, height: o.height, duration: null, placeholder: false, alt: {} }],
    state: o.state ?? 'published',
  });
}
