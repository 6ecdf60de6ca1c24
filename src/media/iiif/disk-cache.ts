// Rendered derivatives (anything not pre-cut) kept on disk, bounded in bytes. The index of
// what is there lives in memory and is rebuilt from the folder on first use, so a restart
// keeps what was rendered; the oldest-used files go first when the bound is passed.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

interface Entry {
  bytes: number;
  used: number;
}

export class DiskCache {
  private readonly index = new Map<string, Entry>();
  private total = 0;
  private loading: Promise<void> | null = null;
  private clock = 0;

  constructor(
    readonly root: string,
    readonly maxBytes: number,
  ) {}

  /** File name for a key: hashed, so any key is a safe name; two levels keep folders small. */
  private file(key: string): string {
    const h = createHash('sha1').update(key).digest('hex');
    return `${h.slice(0, 2)}/${h.slice(2)}`;
  }

  private async load(): Promise<void> {
    this.loading ??= (async () => {
      let dirs: string[];
      try {
        dirs = await readdir(this.root);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw err;
      }
      const found: [string, Entry, number][] = [];
      for (const d of dirs) {
        if (!/^[0-9a-f]{2}$/.test(d)) continue;
        for (const f of await readdir(join(this.root, d))) {
          if (!/^[0-9a-f]{38}$/.test(f)) continue;
          const st = await stat(join(this.root, d, f)).catch(() => null);
          if (st) found.push([`${d}/${f}`, { bytes: st.size, used: 0 }, st.mtimeMs]);
        }
      }
      found.sort((a, b) => a[2] - b[2]);
      for (const [name, e] of found) {
        if (this.index.has(name)) continue;
        e.used = ++this.clock;
        this.index.set(name, e);
        this.total += e.bytes;
      }
      await this.evict();
    })();
    return this.loading;
  }

  async get(key: string): Promise<Buffer | null> {
    await this.load();
    const name = this.file(key);
    const e = this.index.get(name);
    if (!e) return null;
    try {
      const data = await readFile(join(this.root, name));
      e.used = ++this.clock;
      return data;
    } catch (err) {
      // Another app server sharing the folder may have evicted it.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      this.forget(name);
      return null;
    }
  }

  async set(key: string, data: Buffer): Promise<void> {
    if (data.length > this.maxBytes) return;
    await this.load();
    const name = this.file(key);
    const full = join(this.root, name);
    await mkdir(join(full, '..'), { recursive: true });
    const tmp = `${full}.${process.pid}.tmp`;
    await writeFile(tmp, data);
    await rename(tmp, full);
    this.forget(name);
    this.index.set(name, { bytes: data.length, used: ++this.clock });
    this.total += data.length;
    await this.evict();
  }

  private forget(name: string): void {
    const e = this.index.get(name);
    if (!e) return;
    this.total -= e.bytes;
    this.index.delete(name);
  }

  private async evict(): Promise<void> {
    if (this.total <= this.maxBytes) return;
    const byAge = [...this.index.entries()].sort((a, b) => a[1].used - b[1].used);
    for (const [name] of byAge) {
      if (this.total <= this.maxBytes) break;
      this.forget(name);
      await unlink(join(this.root, name)).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
    }
  }

  get bytes(): number {
    return this.total;
  }

  get count(): number {
    return this.index.size;
  }
}
