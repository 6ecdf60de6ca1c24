import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';

const SAFE_PATH = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;

export class MediaPathError extends Error {}

/** Media files on local disk, addressed by relative paths that can never leave the root. */
export class MediaStore {
  constructor(readonly root: string) {}

  resolve(path: string): string {
    if (!SAFE_PATH.test(path) || path.includes('..')) throw new MediaPathError(`unsafe media path "${path}"`);
    const full = normalize(join(this.root, path));
    if (!full.startsWith(normalize(this.root) + sep)) throw new MediaPathError(`media path "${path}" leaves the media root`);
    return full;
  }

  /** Writes through a temporary file and a rename, so a reader never sees half a file. */
  async write(path: string, data: Buffer): Promise<void> {
    const full = this.resolve(path);
    await mkdir(dirname(full), { recursive: true });
    const tmp = `${full}.${process.pid}.tmp`;
    await writeFile(tmp, data);
    await rename(tmp, full);
  }

  async read(path: string): Promise<Buffer | null> {
    try {
      return await readFile(this.resolve(path));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }
}
