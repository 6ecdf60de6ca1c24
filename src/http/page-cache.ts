import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

/** A response kept as encoded bytes, so serving it costs no rendering and no re-encoding. */
export interface CachedResponse {
  body: Buffer;
  /** Compressed forms, made on first request for them (null: not worth compressing). */
  readonly gzip: Buffer | null;
  readonly br: Buffer | null;
  etag: string;
  contentType: string;
  /** Complete response headers per encoding, built on first use and then reused. */
  headers?: Partial<Record<'identity' | 'br' | 'gzip', Record<string, string | number>>>;
}

// Below this size compression saves less than the headers it adds.
const MIN_COMPRESS = 1024;

/**
 * Encodes a response once. Compression happens lazily, the first time a client asks for that
 * encoding: a page nobody fetches compressed (or a render with the cache off) never pays for it.
 */
export function encodeResponse(body: string | Buffer, contentType: string): CachedResponse {
  const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const compress = buf.length >= MIN_COMPRESS && /^(text\/|application\/(json|ld\+json|xml|javascript))/.test(contentType);
  let gzip: Buffer | null | undefined = compress ? undefined : null;
  let br: Buffer | null | undefined = compress ? undefined : null;
  return {
    body: buf,
    get gzip() {
      if (gzip === undefined) gzip = gzipSync(buf, { level: 6 });
      return gzip;
    },
    get br() {
      if (br === undefined) br = brotliCompressSync(buf, { params: { [zlib.BROTLI_PARAM_QUALITY]: 6 } });
      return br;
    },
    etag: `"${createHash('sha1').update(buf).digest('base64url').slice(0, 22)}"`,
    contentType,
  };
}

/**
 * Rendered pages of one content version, bounded in bytes. Eviction is first-in first-out:
 * reordering on every hit would cost more on the hot path than the occasional re-render.
 */
export class PageCache {
  private readonly entries = new Map<string, CachedResponse>();
  private bytes = 0;
  private version = -1;

  constructor(private readonly maxBytes = 256 * 1024 * 1024) {}

  get(key: string, version: number): CachedResponse | undefined {
    if (version !== this.version) {
      this.entries.clear();
      this.bytes = 0;
      this.version = version;
      return undefined;
    }
    return this.entries.get(key);
  }

  set(key: string, version: number, value: CachedResponse): void {
    if (version !== this.version || this.maxBytes === 0) return;
    // Compressed forms made later are a fraction of the body; count them as one body more.
    const size = value.body.length * 2;
    if (size > this.maxBytes) return;
    while (this.bytes + size > this.maxBytes) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.drop(oldest.value);
    }
    this.drop(key);
    this.entries.set(key, value);
    this.bytes += size;
  }

  get size(): number {
    return this.entries.size;
  }

  private drop(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.bytes -= old.body.length * 2;
    this.entries.delete(key);
  }
}

/** Picks the encoding to send from an Accept-Encoding header (brotli, then gzip, else identity). */
export function pickEncoding(accept: string | undefined, r: CachedResponse): 'br' | 'gzip' | null {
  if (!accept) return null;
  // Asked for first, so that an uncompressible response never builds what it cannot use.
  if (/\bbr\b/.test(accept) && r.br) return 'br';
  if (/\bgzip\b/.test(accept) && r.gzip) return 'gzip';
  return null;
}
