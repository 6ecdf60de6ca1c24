// IIIF use cases: which images, films and captions are public (those of published items), the
// Image API over their prepared pyramids, and Presentation manifests and collections.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Item } from '../domain/types.ts';
import { buildChapterCollection, buildExhibitionCollection } from '../iiif/collection.ts';
import { buildManifest, hasCanvas, type ChapterRef, type Json, type LangView, type LocalImage } from '../iiif/manifest.ts';
import { DiskCache } from '../media/iiif/disk-cache.ts';
import { ByteLru } from '../media/iiif/memory-cache.ts';
import { prepareImage, pyramidDir, readPyramid, type Pyramid } from '../media/iiif/pyramid.ts';
import { renderFromMaster } from '../media/iiif/render.ts';
import { resolvedKey, type Resolved } from '../media/iiif/resolve.ts';
import { staticFileFor } from '../media/iiif/tiles.ts';
import type { MediaStore } from '../media/store.ts';
import type { ContentStore } from '../storage/index.ts';
import type { SiteService } from './site.ts';

export interface IiifSettings {
  /** The site's public base URL ("https://archives.example/exhibits"); ids are built on it when set. */
  publicUrl: string | null;
  /** Build ids from X-Forwarded-Proto, -Host and -Prefix (only behind a proxy that sets them). */
  trustForwarded: boolean;
  /** Bytes of rendered derivatives kept on disk. */
  cacheBytes: number;
  /** Bytes of tiles kept in memory. */
  memoryBytes: number;
  /** Renders running at once; more wait their turn. */
  renderConcurrency: number;
}

function bytesFrom(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

export function iiifSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): IiifSettings {
  const publicUrl = env['TSUZURI_PUBLIC_URL']?.replace(/\/+$/, '') || null;
  if (publicUrl && !/^https?:\/\/[^/]+/.test(publicUrl)) throw new Error(`TSUZURI_PUBLIC_URL must be an http(s) URL, got "${publicUrl}"`);
  return {
    publicUrl,
    trustForwarded: env['TSUZURI_TRUST_PROXY'] === '1',
    cacheBytes: bytesFrom('TSUZURI_IIIF_CACHE_BYTES', env['TSUZURI_IIIF_CACHE_BYTES'], 1024 * 1024 * 1024),
    memoryBytes: bytesFrom('TSUZURI_IIIF_MEMORY_BYTES', env['TSUZURI_IIIF_MEMORY_BYTES'], 128 * 1024 * 1024),
    renderConcurrency: Math.max(1, bytesFrom('TSUZURI_IIIF_RENDERS', env['TSUZURI_IIIF_RENDERS'], 4)),
  };
}

/** A locally stored image of a published item, addressed by its medium id. */
export interface PublicImage {
  identifier: string;
  itemId: string;
  path: string;
}

/** A film, sound or caption file of a published item. */
export interface PublicFile {
  path: string;
  mime: string;
}

interface Index {
  images: Map<string, PublicImage>;
  files: Map<string, PublicFile>;
}

export interface ImageResult {
  data: Buffer;
  /** True when a pre-cut file answered (no rendering). */
  static: boolean;
  /** Changes when the image is prepared anew. */
  version: string;
}

/** Bounded parallelism for renders: a burst of odd requests queues instead of exhausting memory. */
class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly max: number) {}
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.running >= this.max) await new Promise<void>((r) => this.waiting.push(r));
    this.running++;
    try {
      return await fn();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

export class IiifService {
  private index: Index | null = null;
  private indexing: Promise<Index> | null = null;
  private version = -1;
  private checkedAt = 0;
  private readonly pyramids = new Map<string, Pyramid>();
  private readonly tiles: ByteLru<Buffer>;
  private readonly derivatives: DiskCache;
  private readonly renders = new Map<string, Promise<Buffer>>();
  private readonly gate: Gate;
  private readonly documents = new Map<string, Json | null>();

  constructor(
    private readonly store: ContentStore,
    private readonly media: MediaStore,
    private readonly site: SiteService,
    readonly settings: IiifSettings,
    cacheDir: string,
    /** How long a content version is trusted before the database is asked again (other app servers). */
    private readonly pollMs: number,
  ) {
    this.tiles = new ByteLru(settings.memoryBytes, (b) => b.length);
    this.derivatives = new DiskCache(cacheDir, settings.cacheBytes);
    this.gate = new Gate(settings.renderConcurrency);
  }

  /** Drops what depends on content; called on a committed change in this process. */
  invalidate(): void {
    this.checkedAt = 0;
    this.index = null;
    this.documents.clear();
  }

  private async fresh(): Promise<Index> {
    const now = Date.now();
    if (this.index && now - this.checkedAt < Math.max(this.pollMs, 250)) return this.index;
    this.checkedAt = now;
    const v = await this.store.contentVersion();
    if (this.index && v === this.version) return this.index;
    if (v !== this.version) this.documents.clear();
    this.version = v;
    this.indexing ??= this.buildIndex().finally(() => {
      this.indexing = null;
    });
    this.index = await this.indexing;
    return this.index;
  }

  private async buildIndex(): Promise<Index> {
    const items = await this.store.getItems(await this.store.listItemIds(true));
    const images = new Map<string, PublicImage>();
    const files = new Map<string, PublicFile>();
    for (const item of items) {
      for (const m of item.media) {
        if (m.url || !m.path) continue;
        if (m.kind === 'image') images.set(m.id, { identifier: m.id, itemId: item.id, path: m.path });
        else files.set(m.path, { path: m.path, mime: m.mime });
        for (const c of m.captions ?? []) if (c.path) files.set(c.path, { path: c.path, mime: 'text/vtt; charset=utf-8' });
      }
    }
    return { images, files };
  }

  async image(identifier: string): Promise<PublicImage | null> {
    return (await this.fresh()).images.get(identifier) ?? null;
  }

  async file(path: string): Promise<PublicFile | null> {
    return (await this.fresh()).files.get(path) ?? null;
  }

  /** The prepared pyramid of a public image, preparing it now if that was never done. */
  async pyramid(img: PublicImage): Promise<Pyramid> {
    const known = this.pyramids.get(img.identifier);
    if (known && known.source.path === img.path) return known;
    let p = await readPyramid(this.media, img.identifier);
    if (!p || p.source.path !== img.path) p = await prepareImage(this.media, img.identifier, img.path);
    this.pyramids.set(img.identifier, p);
    return p;
  }

  /** Forgets a pyramid read earlier, after it was prepared anew (e.g. an upload replaced the file). */
  forgetPyramid(identifier: string): void {
    this.pyramids.delete(identifier);
  }

  async render(img: PublicImage, p: Pyramid, r: Resolved): Promise<ImageResult> {
    const version = p.source.sha1.slice(0, 16);
    const file = staticFileFor(p, r);
    if (file) {
      const key = `${img.identifier}/${version}/${file}`;
      const hot = this.tiles.get(key);
      if (hot) return { data: hot, static: true, version };
      // Tile names carry commas, which media paths do not allow; they are built here from numbers.
      const data = await readFile(join(this.media.resolve(pyramidDir(img.identifier)), file)).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return null;
        throw err;
      });
      if (data) {
        this.tiles.set(key, data);
        return { data, static: true, version };
      }
      // A pyramid whose file is missing (damaged folder): rendered below like any request.
    }
    const key = `${img.identifier}/${version}/${resolvedKey(r)}`;
    const cached = await this.derivatives.get(key);
    if (cached) return { data: cached, static: false, version };
    let job = this.renders.get(key);
    if (!job) {
      const master = this.media.resolve(`${pyramidDir(img.identifier)}/master.tif`);
      job = this.gate
        .run(() => renderFromMaster(master, p, r))
        .then(async (data) => {
          await this.derivatives.set(key, data);
          return data;
        })
        .finally(() => this.renders.delete(key));
      this.renders.set(key, job);
    }
    return { data: await job, static: false, version };
  }

  // ---- Presentation -------------------------------------------------------------------

  private async localImages(items: readonly Item[]): Promise<Map<string, LocalImage>> {
    const idx = await this.fresh();
    const out = new Map<string, LocalImage>();
    for (const item of items) {
      for (const m of item.media) {
        const img = idx.images.get(m.id);
        if (!img) continue;
        const p = await this.pyramid(img);
        out.set(m.id, { identifier: img.identifier, width: p.width, height: p.height, sizes: p.sizes });
      }
    }
    return out;
  }

  /** Documents are kept per content version and base URL; null (nothing there) is kept too. */
  private async document(key: string, build: () => Promise<Json | null>): Promise<Json | null> {
    await this.fresh();
    if (this.documents.has(key)) return this.documents.get(key) ?? null;
    const v = this.version;
    const doc = await build();
    if (v === this.version) this.documents.set(key, doc);
    return doc;
  }

  async manifest(base: string, itemId: string, views: readonly LangView[]): Promise<Json | null> {
    return this.document(`${base}|item|${itemId}`, async () => {
      const m = await this.site.item(itemId);
      if (!m) return null;
      const chapters: ChapterRef[] = m.contexts.map((c) => ({ exhibitionSlug: c.exhibition.slug, chapterSlug: c.chapter.slug, title: c.chapter.title }));
      return buildManifest({
        base,
        item: m.item,
        institutions: m.institutions,
        people: m.people,
        places: m.places,
        chapters: [...new Map(chapters.map((c) => [`${c.exhibitionSlug}/${c.chapterSlug}`, c])).values()],
        views,
        images: await this.localImages([m.item]),
      });
    });
  }

  async exhibitionCollection(base: string, slug: string, views: readonly LangView[]): Promise<Json | null> {
    return this.document(`${base}|exhibition|${slug}`, async () => {
      const m = await this.site.exhibition(slug);
      return m && buildExhibitionCollection({ base, exhibition: m.exhibition, institutions: m.institutions, views });
    });
  }

  async chapterCollection(base: string, slug: string, chapterSlug: string, views: readonly LangView[]): Promise<Json | null> {
    return this.document(`${base}|chapter|${slug}|${chapterSlug}`, async () => {
      const m = await this.site.chapter(slug, chapterSlug);
      if (!m) return null;
      const images = await this.localImages([...m.items.values()]);
      return buildChapterCollection({
        base,
        exhibition: m.exhibition,
        chapter: m.chapter,
        institutions: m.institutions,
        views,
        items: m.items,
        images,
        hasManifest: (item) => hasCanvas(item, images),
      });
    });
  }
}

/** Where rendered derivatives are kept: beside the media, in the data folder. */
export function iiifCacheDir(dataDir: string): string {
  return join(dataDir, 'iiif-cache');
}
