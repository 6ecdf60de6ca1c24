import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { THUMB_WIDTH, thumbPath } from './placeholder.ts';
import type { MediaStore } from './store.ts';

export interface IngestLimits {
  /** Largest image upload, in bytes. */
  maxBytes: number;
  /** Largest image, in pixels (width × height), checked from the header before anything is decoded. */
  maxPixels: number;
  /** Largest film or sound upload, in bytes. */
  maxVideoBytes: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: IngestLimits = Object.freeze({ maxBytes: 50 * MB, maxPixels: 100_000_000, maxVideoBytes: 500 * MB });

/** A captions file is text; anything near this size is not captions for one film. */
export const MAX_CAPTION_BYTES = 5 * MB;

export type RejectionCode =
  | 'too-large'
  | 'unsupported-type'
  | 'mismatch'
  | 'dangerous'
  | 'corrupt'
  | 'too-many-pixels'
  | 'bad-captions';

/** An upload refused for what it is. `reason` is written for the curator and can be shown as is. */
export class UploadRejected extends Error {
  constructor(
    readonly reason: string,
    readonly code: RejectionCode,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
    this.name = 'UploadRejected';
  }
}

export interface IngestedMedia {
  kind: 'image' | 'video' | 'audio';
  /** Type of the stored file (a TIFF upload is stored as JPEG, so this says image/jpeg). */
  mime: string;
  ext: string;
  width: number | null;
  height: number | null;
  /** Seconds, for film and sound; null when the container does not record it. */
  duration: number | null;
  /** Size of the stored file. */
  bytes: number;
  /** Hex SHA-256 of the stored file. */
  sha256: string;
}

interface AcceptedType {
  kind: 'image' | 'video' | 'audio';
  /** Extension the stored original gets (images are re-encoded and get their own). */
  ext: string;
  /** File-name endings that may honestly carry this type. */
  exts: readonly string[];
  /** Other names browsers and operating systems declare for the same type. */
  aliases: readonly string[];
  label: string;
}

const ACCEPTED: Record<string, AcceptedType> = {
  'image/jpeg': { kind: 'image', ext: 'jpg', exts: ['jpg', 'jpeg', 'jpe', 'jfif'], aliases: ['image/jpg', 'image/pjpeg'], label: 'a JPEG image' },
  'image/png': { kind: 'image', ext: 'png', exts: ['png'], aliases: ['image/x-png'], label: 'a PNG image' },
  'image/tiff': { kind: 'image', ext: 'tif', exts: ['tif', 'tiff'], aliases: ['image/tif', 'image/x-tiff'], label: 'a TIFF image' },
  'image/webp': { kind: 'image', ext: 'webp', exts: ['webp'], aliases: [], label: 'a WebP image' },
  'video/mp4': { kind: 'video', ext: 'mp4', exts: ['mp4', 'm4v'], aliases: ['audio/mp4', 'video/x-m4v'], label: 'an MP4 film' },
  'video/webm': { kind: 'video', ext: 'webm', exts: ['webm'], aliases: ['audio/webm'], label: 'a WebM film' },
  'audio/mpeg': { kind: 'audio', ext: 'mp3', exts: ['mp3'], aliases: ['audio/mp3', 'audio/mpeg3', 'audio/x-mp3', 'audio/x-mpeg-3', 'audio/x-mpeg'], label: 'an MP3 sound recording' },
};

/** Names for types curators are likely to try, so a refusal says what the file is rather than a MIME type. */
const KNOWN_LABELS: Record<string, string> = {
  'image/gif': 'a GIF image',
  'image/heic': 'a HEIC photo (the format iPhones save by default)',
  'image/heif': 'a HEIF photo',
  'image/avif': 'an AVIF image',
  'image/bmp': 'a BMP image',
  'image/jp2': 'a JPEG 2000 image',
  'image/jpx': 'a JPEG 2000 image',
  'image/jxl': 'a JPEG XL image',
  'image/vnd.adobe.photoshop': 'a Photoshop document',
  'image/x-icon': 'an icon file',
  'image/vnd.microsoft.icon': 'an icon file',
  'image/x-adobe-dng': 'a camera raw file (DNG)',
  'image/x-canon-cr2': 'a camera raw file (CR2)',
  'image/x-canon-cr3': 'a camera raw file (CR3)',
  'image/x-nikon-nef': 'a camera raw file (NEF)',
  'image/x-sony-arw': 'a camera raw file (ARW)',
  'image/svg+xml': 'an SVG drawing',
  'text/html': 'a web page (HTML)',
  'text/plain': 'a text file',
  'application/pdf': 'a PDF document',
  'application/zip': 'a ZIP archive',
  'application/x-rar-compressed': 'a RAR archive',
  'application/x-7z-compressed': 'a 7-Zip archive',
  'application/gzip': 'a compressed archive',
  'application/xml': 'an XML document',
  'application/x-msdownload': 'a Windows program',
  'application/x-elf': 'a program',
  'application/x-mach-binary': 'a program',
  'text/vtt': 'a WebVTT captions file (upload it as the captions of a film instead)',
  'video/quicktime': 'a QuickTime film (.mov)',
  'video/x-matroska': 'a Matroska (MKV) film',
  'video/x-msvideo': 'an AVI film',
  'video/mpeg': 'an MPEG-1/2 film',
  'video/mp2t': 'an MPEG transport stream',
  'video/x-flv': 'a Flash video',
  'video/3gpp': 'a 3GP phone video',
  'video/x-ms-asf': 'a Windows Media file',
  'video/ogg': 'an Ogg film',
  'audio/mp4': 'an M4A sound recording',
  'audio/x-m4a': 'an M4A sound recording',
  'audio/aac': 'an AAC sound recording',
  'audio/wav': 'a WAV sound recording',
  'audio/x-wav': 'a WAV sound recording',
  'audio/x-flac': 'a FLAC sound recording',
  'audio/flac': 'a FLAC sound recording',
  'audio/ogg': 'an Ogg sound recording',
  'audio/opus': 'an Opus sound recording',
  'audio/aiff': 'an AIFF sound recording',
  'audio/x-aiff': 'an AIFF sound recording',
  'audio/x-ms-wma': 'a Windows Media sound recording',
};

const WHAT_IS_ACCEPTED = 'JPEG, PNG, TIFF and WebP images, MP4 and WebM films, and MP3 sound recordings';

function acceptedFor(mime: string): string {
  if (mime.startsWith('image/')) return 'only JPEG, PNG, TIFF and WebP images are accepted';
  if (mime.startsWith('video/')) return 'only MP4 and WebM films are accepted';
  if (mime.startsWith('audio/')) return 'only MP3 sound recordings (or MP4 and WebM films) are accepted';
  return `only ${WHAT_IS_ACCEPTED} are accepted`;
}

function labelOf(mime: string): string {
  return ACCEPTED[mime]?.label ?? KNOWN_LABELS[mime] ?? `a file of type ${mime}`;
}

function megabytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < MB) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / MB;
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** ASCII-lowercased view of a byte range, for marker searches that must not care about encodings. */
function asciiLower(data: Buffer, start: number, end: number): string {
  return data.toString('latin1', Math.max(0, start), Math.min(data.length, end)).toLowerCase();
}

const EDGE = 1024;

/** Markers that make a browser, a PDF reader or a Java runtime treat the bytes as their own kind of document. */
const HEAD_MARKERS = ['<html', '<script', '<!doctype', '<svg', '<?xml', '<body', '<iframe', '%pdf-'];
const TAIL_MARKERS = ['<html', '<script', '<!doctype', '<svg', '<?xml', '<body', '<iframe', 'pk\u0005\u0006'];

function describeMarker(marker: string): string {
  if (marker === '%pdf-') return 'the start of a PDF document';
  if (marker.startsWith('pk')) return 'a ZIP archive';
  return `web-page markup (“${marker}”)`;
}

/**
 * A file that is a valid image and, read by another program, also a web page or an archive can be
 * served from our origin and run there. Browsers and readers look at the start and end of a file,
 * so those are what is searched; the stored image is re-encoded anyway, but films and sound are
 * stored as uploaded, and refusing at the door keeps both paths the same.
 */
function findPolyglotMarker(data: Buffer): string | null {
  const head = asciiLower(data, 0, EDGE);
  for (const m of HEAD_MARKERS) if (head.includes(m)) return m;
  const tail = asciiLower(data, data.length - EDGE, data.length);
  for (const m of TAIL_MARKERS) if (tail.includes(m)) return m;
  return null;
}

/** Classifies markup documents, which `file-type` leaves unrecognised or calls plain XML. */
function sniffMarkup(data: Buffer): 'svg' | 'html' | null {
  const head = asciiLower(data, 0, EDGE);
  if (head.includes('<svg')) return 'svg';
  if (/<(?:!doctype\s+html|html|head|body|script|iframe)[\s>/]/.test(head)) return 'html';
  return null;
}

/** The extension the curator's computer gave the file, without trusting any directory part. */
function extensionOf(filename: string): string | null {
  const base = filename.slice(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1).trim();
  const dot = base.lastIndexOf('.');
  if (dot < 0 || dot === base.length - 1) return null;
  return base.slice(dot + 1).toLowerCase();
}

/** Declarations that say nothing about the content and so cannot contradict it. */
const UNINFORMATIVE_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown']);

function normaliseDeclared(declared: string | undefined): string {
  return (declared ?? '').split(';')[0]!.trim().toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Images

interface ImageResult {
  master: Buffer;
  thumb: Buffer;
  mime: string;
  ext: string;
  width: number;
  height: number;
}

const SHARP_FORMAT: Record<string, string> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/tiff': 'tiff',
  'image/webp': 'webp',
};

function fromSharpError(err: unknown, label: string, limits: IngestLimits): UploadRejected {
  const message = err instanceof Error ? err.message : String(err);
  if (/pixel limit/i.test(message)) {
    return new UploadRejected(
      `This image has more than ${limits.maxPixels / 1_000_000} megapixels, the most an image may have. Reduce its pixel size and upload it again.`,
      'too-many-pixels',
      { cause: err },
    );
  }
  return new UploadRejected(
    `This file starts like ${label} but could not be read to the end; it may be damaged or was not copied completely. Open it on your computer to check, export it again and upload the new file.`,
    'corrupt',
    { cause: err },
  );
}

async function processImage(data: Buffer, sniffedMime: string, limits: IngestLimits): Promise<ImageResult> {
  const label = labelOf(sniffedMime);
  // The pixel limit is enforced by sharp from the header, so a bomb is refused before a single row is inflated;
  // failOn 'error' lets benign warnings from scanners' files through but not a decode that stops short.
  const open = () => sharp(data, { limitInputPixels: limits.maxPixels, failOn: 'error' });

  const meta = await open()
    .metadata()
    .catch((err: unknown) => {
      throw fromSharpError(err, label, limits);
    });
  if (meta.format !== SHARP_FORMAT[sniffedMime]) {
    throw new UploadRejected(`This file starts like ${label} but its contents could not be read as one; it may be damaged.`, 'corrupt');
  }
  const { width, height } = meta;
  if (!width || !height) throw new UploadRejected(`This file starts like ${label} but gives no picture size; it may be damaged.`, 'corrupt');
  if (width * height > limits.maxPixels) {
    throw new UploadRejected(
      `This image is ${width} × ${height} pixels (${Math.round((width * height) / 1_000_000)} megapixels); images may have at most ${limits.maxPixels / 1_000_000} megapixels. Reduce its pixel size and upload it again.`,
      'too-many-pixels',
    );
  }
  // Only the first page would be shown, silently dropping the rest of a document or animation.
  // Pyramidal TIFFs (made for deep zoom) and TIFFs with a preview also have several pages, but
  // each later page is a smaller copy of the first, so those are fine to take page one from.
  const pages = meta.pages ?? 1;
  if (pages > 1) {
    if (sniffedMime !== 'image/tiff') {
      throw new UploadRejected(`This file is an animated image with ${pages} frames; only still images are accepted. Export the frame you want as JPEG or PNG.`, 'unsupported-type');
    }
    const second = await sharp(data, { limitInputPixels: limits.maxPixels, failOn: 'error', page: 1 })
      .metadata()
      .catch((err: unknown) => {
        throw fromSharpError(err, label, limits);
      });
    if ((second.width ?? 0) * (second.height ?? 0) >= width * height) {
      throw new UploadRejected(`This file is a TIFF with ${pages} pages; upload each page as an image of its own.`, 'unsupported-type');
    }
  }

  try {
    // Alpha is kept only when it does something: scans often carry an all-opaque alpha channel,
    // and those are better stored as JPEG. Real transparency (a cut-out object) is kept as PNG,
    // because JPEG cannot hold it and flattening would paint in a background the record never had.
    const transparent = meta.hasAlpha === true && !(await open().stats()).isOpaque;
    // .rotate() with no angle applies and then drops the EXIF orientation. Everything else in the
    // metadata (EXIF with camera serials and GPS position, XMP, comments) is dropped by default;
    // the ICC profile is kept on the master so wide-gamut scans keep their colours.
    const master = open().rotate().keepIccProfile();
    const encoded = transparent
      ? await master.png().toBuffer({ resolveWithObject: true })
      : await master.jpeg({ quality: 90, chromaSubsampling: '4:4:4' }).toBuffer({ resolveWithObject: true });
    // Made from the upload rather than the master so JPEG and WebP can shrink on load; without a kept
    // profile sharp converts to sRGB, which is what every browser assumes for an untagged thumbnail.
    const small = open().rotate().resize({ width: THUMB_WIDTH, withoutEnlargement: true });
    const thumb = transparent ? await small.png().toBuffer() : await small.jpeg({ quality: 80, mozjpeg: true }).toBuffer();
    return {
      master: encoded.data,
      thumb,
      mime: transparent ? 'image/png' : 'image/jpeg',
      ext: transparent ? 'png' : 'jpg',
      width: encoded.info.width,
      height: encoded.info.height,
    };
  } catch (err) {
    throw fromSharpError(err, label, limits);
  }
}

// ---------------------------------------------------------------------------------------------
// Film and sound: stored as uploaded, so the container is walked to be sure it is whole and is
// nothing else besides. Every read is bounds-checked: these parsers see hostile bytes.

interface AvInfo {
  hasVideo: boolean;
  width: number | null;
  height: number | null;
  duration: number | null;
}

function roundDuration(seconds: number): number | null {
  return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) / 1000 : null;
}

function isFourCc(data: Buffer, at: number): boolean {
  for (let i = at; i < at + 4; i++) {
    const c = data[i];
    if (c === undefined || c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

interface Box {
  type: string;
  start: number;
  body: number;
  end: number;
}

/** The boxes directly inside [start, end); stops at the first that does not fit. */
function* boxes(data: Buffer, start: number, end: number): Generator<Box> {
  let at = start;
  while (at + 8 <= end) {
    let size = data.readUInt32BE(at);
    let body = at + 8;
    if (size === 1) {
      if (at + 16 > end) return;
      size = Number(data.readBigUInt64BE(at + 8));
      body = at + 16;
    } else if (size === 0) size = end - at;
    if (size < body - at || at + size > end || !isFourCc(data, at + 4)) return;
    yield { type: data.toString('latin1', at + 4, at + 8), start: at, body, end: at + size };
    at += size;
  }
}

function child(data: Buffer, parent: Box, type: string): Box | undefined {
  for (const b of boxes(data, parent.body, parent.end)) if (b.type === type) return b;
  return undefined;
}

const cutShort = () =>
  new UploadRejected(
    'This film is incomplete: it stops before its end, which usually means the upload or the export was interrupted. Export it again and upload the new file.',
    'corrupt',
  );

function parseMp4(data: Buffer, label: string): AvInfo {
  // Walked by hand rather than through boxes() so the two ways a walk can fail get their own answer.
  let at = 0;
  let moov: Box | undefined;
  while (at < data.length) {
    if (at + 8 > data.length || !isFourCc(data, at + 4)) {
      throw new UploadRejected(
        `This file is ${label} followed by data that is not part of it, which is how disguised files are made. Export the film again and upload the new file.`,
        'dangerous',
      );
    }
    let size = data.readUInt32BE(at);
    let body = at + 8;
    if (size === 1) {
      if (at + 16 > data.length) throw cutShort();
      size = Number(data.readBigUInt64BE(at + 8));
      body = at + 16;
    } else if (size === 0) size = data.length - at;
    if (size < body - at || at + size > data.length) throw cutShort();
    const type = data.toString('latin1', at + 4, at + 8);
    if (type === 'moov') moov = { type, start: at, body, end: at + size };
    at += size;
  }
  if (!moov) {
    throw new UploadRejected(
      'This film is incomplete: its index (the “moov” part) is missing, which usually means the export was interrupted. Export it again and upload the new file.',
      'corrupt',
    );
  }

  let duration: number | null = null;
  const mvhd = child(data, moov, 'mvhd');
  if (mvhd) {
    const v = data[mvhd.body];
    if (v === 0 && mvhd.body + 20 <= mvhd.end) {
      const scale = data.readUInt32BE(mvhd.body + 12);
      const d = data.readUInt32BE(mvhd.body + 16);
      if (scale > 0 && d !== 0xffffffff) duration = roundDuration(d / scale);
    } else if (v === 1 && mvhd.body + 32 <= mvhd.end) {
      const scale = data.readUInt32BE(mvhd.body + 20);
      const d = data.readBigUInt64BE(mvhd.body + 24);
      if (scale > 0 && d !== 0xffffffffffffffffn) duration = roundDuration(Number(d) / scale);
    }
  }

  let hasVideo = false;
  let width: number | null = null;
  let height: number | null = null;
  for (const trak of boxes(data, moov.body, moov.end)) {
    if (trak.type !== 'trak') continue;
    const mdia = child(data, trak, 'mdia');
    const hdlr = mdia && child(data, mdia, 'hdlr');
    if (!hdlr || hdlr.body + 12 > hdlr.end || data.toString('latin1', hdlr.body + 8, hdlr.body + 12) !== 'vide') continue;
    hasVideo = true;
    const tkhd = child(data, trak, 'tkhd');
    if (!tkhd || width !== null) continue;
    // Version 1 widens the three time fields from 32 to 64 bits.
    const matrix = tkhd.body + (data[tkhd.body] === 1 ? 52 : 40);
    if (matrix + 44 > tkhd.end) continue;
    const w = data.readUInt32BE(matrix + 36) / 65536;
    const h = data.readUInt32BE(matrix + 40) / 65536;
    if (w < 1 || h < 1) continue;
    // Phones record portrait film as landscape plus a 90° matrix; a and d are zero exactly when it turns a quarter.
    const quarterTurn = data.readInt32BE(matrix) === 0 && data.readInt32BE(matrix + 16) === 0;
    width = Math.round(quarterTurn ? h : w);
    height = Math.round(quarterTurn ? w : h);
  }
  return { hasVideo, width, height, duration };
}

interface Ebml {
  id: number;
  /** Start of the payload. */
  data: number;
  /** End of the payload; null for "unknown size" (live recordings write those). */
  end: number | null;
  next: number;
}

function readVint(data: Buffer, at: number, keepMarker: boolean): { value: number; length: number; unknown: boolean } | null {
  const first = data[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (length > 8 || at + length > data.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const b = data[at + i]!;
    value = value * 256 + b;
    allOnes &&= b === 0xff;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

function readElement(data: Buffer, at: number): Ebml | null {
  const id = readVint(data, at, true);
  if (!id || id.length > 4) return null;
  const size = readVint(data, at + id.length, false);
  if (!size) return null;
  const start = at + id.length + size.length;
  if (size.unknown) return { id: id.value, data: start, end: null, next: data.length };
  return { id: id.value, data: start, end: start + size.value, next: start + size.value };
}

function readUint(data: Buffer, el: Ebml): number | null {
  if (el.end === null || el.end - el.data > 8 || el.end > data.length) return null;
  let v = 0;
  for (let i = el.data; i < el.end; i++) v = v * 256 + data[i]!;
  return v;
}

function readFloat(data: Buffer, el: Ebml): number | null {
  if (el.end === null || el.end > data.length) return null;
  if (el.end - el.data === 4) return data.readFloatBE(el.data);
  if (el.end - el.data === 8) return data.readDoubleBE(el.data);
  return null;
}

/** Elements directly inside [start, end); stops at the first that does not parse. */
function* elements(data: Buffer, start: number, end: number): Generator<Ebml> {
  let at = start;
  while (at < end) {
    const el = readElement(data, at);
    if (!el) return;
    yield el;
    if (el.end === null) return;
    at = el.next;
  }
}

const EBML_HEADER = 0x1a45dfa3;
const SEGMENT = 0x18538067;
const INFO = 0x1549a966;
const TIMESTAMP_SCALE = 0x2ad7b1;
const DURATION = 0x4489;
const TRACKS = 0x1654ae6b;
const TRACK_ENTRY = 0xae;
const TRACK_TYPE = 0x83;
const VIDEO = 0xe0;
const PIXEL_WIDTH = 0xb0;
const PIXEL_HEIGHT = 0xba;
const CLUSTER = 0x1f43b675;

function parseWebm(data: Buffer, label: string): AvInfo {
  const header = readElement(data, 0);
  if (!header || header.id !== EBML_HEADER || header.end === null) throw cutShort();
  const segment = readElement(data, header.next);
  if (!segment || segment.id !== SEGMENT) throw cutShort();
  const segmentEnd = segment.end ?? data.length;
  if (segmentEnd > data.length) throw cutShort();
  if (segmentEnd < data.length) {
    throw new UploadRejected(
      `This file is ${label} followed by data that is not part of it, which is how disguised files are made. Export the film again and upload the new file.`,
      'dangerous',
    );
  }

  let scale = 1_000_000;
  let rawDuration: number | null = null;
  let tracksSeen = false;
  let hasVideo = false;
  let width: number | null = null;
  let height: number | null = null;
  for (const el of elements(data, segment.data, segmentEnd)) {
    if (el.end !== null && el.end > segmentEnd) throw cutShort();
    if (el.id === INFO && el.end !== null) {
      for (const f of elements(data, el.data, el.end)) {
        if (f.id === TIMESTAMP_SCALE) scale = readUint(data, f) ?? scale;
        if (f.id === DURATION) rawDuration = readFloat(data, f);
      }
    } else if (el.id === TRACKS && el.end !== null) {
      tracksSeen = true;
      for (const entry of elements(data, el.data, el.end)) {
        if (entry.id !== TRACK_ENTRY || entry.end === null) continue;
        for (const f of elements(data, entry.data, entry.end)) {
          if (f.id === TRACK_TYPE && readUint(data, f) === 1) hasVideo = true;
          if (f.id === VIDEO && f.end !== null && width === null) {
            for (const v of elements(data, f.data, f.end)) {
              if (v.id === PIXEL_WIDTH) width = readUint(data, v);
              if (v.id === PIXEL_HEIGHT) height = readUint(data, v);
            }
          }
        }
      }
    } else if (el.id === CLUSTER && tracksSeen) break;
  }
  if (!tracksSeen) {
    throw new UploadRejected('This film has no list of its picture and sound tracks; it may be damaged. Export it again and upload the new file.', 'corrupt');
  }
  const duration = rawDuration === null ? null : roundDuration((rawDuration * scale) / 1e9);
  return { hasVideo, width: width || null, height: height || null, duration };
}

/** Kilobits per second by [version is MPEG-1][bitrate index], layer III only. */
const MP3_BITRATES = {
  mpeg1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  mpeg2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const MP3_RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

function mp3Frame(data: Buffer, at: number): { length: number; samples: number; rate: number } | null {
  if (at + 4 > data.length || data[at] !== 0xff) return null;
  const b1 = data[at + 1]!;
  const b2 = data[at + 2]!;
  if ((b1 & 0xe0) !== 0xe0 || ((b1 >> 1) & 3) !== 1) return null;
  const version = (b1 >> 3) & 3;
  const rate = MP3_RATES[version]?.[(b2 >> 2) & 3];
  const kbps = (version === 3 ? MP3_BITRATES.mpeg1 : MP3_BITRATES.mpeg2)[b2 >> 4];
  if (!rate || !kbps) return null;
  const perFrame = version === 3 ? 144 : 72;
  return { length: Math.floor((perFrame * kbps * 1000) / rate) + ((b2 >> 1) & 1), samples: version === 3 ? 1152 : 576, rate };
}

/** A frame header is only believed when the next frame starts where it says this one ends. */
function mp3FrameChained(data: Buffer, at: number): ReturnType<typeof mp3Frame> {
  const f = mp3Frame(data, at);
  if (!f) return null;
  return at + f.length >= data.length || mp3Frame(data, at + f.length) ? f : null;
}

function parseMp3(data: Buffer): AvInfo {
  let at = 0;
  while (data.toString('latin1', at, at + 3) === 'ID3' && at + 10 <= data.length) {
    // Tag sizes are "syncsafe": seven bits per byte, so the tag can never contain a false frame sync.
    const size = ((data[at + 6]! & 0x7f) << 21) | ((data[at + 7]! & 0x7f) << 14) | ((data[at + 8]! & 0x7f) << 7) | (data[at + 9]! & 0x7f);
    at += 10 + size + ((data[at + 5]! & 0x10) !== 0 ? 10 : 0);
  }
  // Some encoders pad between the tag and the first frame.
  const searchEnd = Math.min(data.length, at + 4096);
  while (at < searchEnd && !mp3FrameChained(data, at)) at++;
  const first = mp3FrameChained(data, at);
  if (!first) {
    throw new UploadRejected('This file starts like an MP3 sound recording but no sound could be found in it; it may be damaged.', 'corrupt');
  }

  let frames = 0;
  let seconds = 0;
  let gapless = 0;
  let isInfoFrame = true;
  while (at < data.length) {
    const f = mp3Frame(data, at);
    if (!f || at + f.length > data.length) {
      // Resynchronise past junk rather than stop, so a glitch mid-file does not halve the duration.
      let next = at + 1;
      while (next < data.length && !mp3FrameChained(data, next)) next++;
      if (next >= data.length) break;
      at = next;
      continue;
    }
    // The first frame of most encoders is a silent "Xing"/"Info" frame holding the seek table, not sound.
    if (isInfoFrame) {
      isInfoFrame = false;
      const probe = data.toString('latin1', at + 4, Math.min(at + f.length, at + 40));
      const xing = Math.max(probe.indexOf('Xing'), probe.indexOf('Info'));
      if (xing >= 0) gapless = encoderPadding(data, at + 4 + xing, at + f.length) / f.rate;
      if (xing >= 0 || probe.includes('VBRI')) {
        at += f.length;
        continue;
      }
    }
    frames++;
    seconds += f.samples / f.rate;
    at += f.length;
  }
  if (frames === 0) {
    throw new UploadRejected('This file starts like an MP3 sound recording but no sound could be found in it; it may be damaged.', 'corrupt');
  }
  return { hasVideo: false, width: null, height: null, duration: roundDuration(seconds - gapless) };
}

/**
 * Samples the encoder added before and after the sound (LAME's "gapless" fields), so the duration
 * is that of the recording and not of its frames: a 2 s recording otherwise reads as 2.038 s.
 */
function encoderPadding(data: Buffer, xing: number, frameEnd: number): number {
  if (xing + 8 > frameEnd) return 0;
  const flags = data.readUInt32BE(xing + 4);
  const lame = xing + 8 + (flags & 1 ? 4 : 0) + (flags & 2 ? 4 : 0) + (flags & 4 ? 100 : 0) + (flags & 8 ? 4 : 0);
  if (lame + 24 > frameEnd || !/^(?:LAME|Lavc|Lavf)/.test(data.toString('latin1', lame, lame + 4))) return 0;
  const packed = data.readUIntBE(lame + 21, 3);
  return (packed >> 12) + (packed & 0xfff);
}

// ---------------------------------------------------------------------------------------------

/**
 * Checks an uploaded file by its bytes (never by name or declared type alone) and writes what is
 * kept into `media` under `basePath` (e.g. "items/{itemId}/{mediaId}"), adding the extension.
 *
 * Images are decoded, turned upright, stripped of metadata except the colour profile and stored
 * as a JPEG master (PNG when the image has real transparency) plus a thumbnail at `thumbPath()`.
 * Film and sound are stored byte for byte after their container has been walked.
 *
 * Nothing is written when the upload is rejected. Rejections are `UploadRejected`; anything else
 * thrown (a `MediaPathError` for a bad `basePath`, a disk error) is a fault of the server.
 */
export async function ingestUpload(
  input: { data: Buffer; filename: string; declaredType?: string },
  media: MediaStore,
  basePath: string,
  limits: IngestLimits = DEFAULT_LIMITS,
): Promise<IngestedMedia & { path: string; thumbPath: string | null }> {
  // A wrong basePath is a bug in the caller; fail on it before the curator's file is judged.
  media.resolve(`${basePath}.jpg`);
  const { data, filename } = input;

  if (data.length === 0) throw new UploadRejected('The file is empty. Choose the file again and upload it.', 'corrupt');
  const ceiling = Math.max(limits.maxBytes, limits.maxVideoBytes);
  if (data.length > ceiling) {
    throw new UploadRejected(`This file is ${megabytes(data.length)}; no upload may be larger than ${megabytes(ceiling)}.`, 'too-large');
  }

  let sniffed: { mime: string; ext: string } | undefined;
  try {
    sniffed = await fileTypeFromBuffer(data);
  } catch {
    // file-type gives up on some malformed inputs by throwing; for us that is simply "not recognised".
    sniffed = undefined;
  }

  const ext = extensionOf(filename);
  // Said only when the name claims something else, since that is what puzzles the curator.
  const despite = (honest: readonly string[]) => (ext && !honest.includes(ext) ? `, even though its name ends in “.${ext}”` : '');
  if (!sniffed || sniffed.mime === 'application/xml' || sniffed.mime.startsWith('text/')) {
    const markup = sniffMarkup(data);
    if (markup === 'svg') {
      throw new UploadRejected(
        `This file is an SVG drawing${despite(['svg', 'svgz', 'xml'])}; only JPEG, PNG, TIFF and WebP images are accepted. SVG files can carry scripts, so export the drawing as PNG instead.`,
        'dangerous',
      );
    }
    if (markup === 'html') {
      throw new UploadRejected(
        `This file is a web page (HTML), not an image, film or sound recording${despite(['html', 'htm', 'xhtml', 'xml'])}. Web pages are refused because they can run scripts on the exhibition site.`,
        'dangerous',
      );
    }
  }
  if (!sniffed) {
    throw new UploadRejected(
      `This file could not be recognised as any of the accepted kinds (${WHAT_IS_ACCEPTED}); it may be damaged or be a different kind of file.`,
      'unsupported-type',
    );
  }
  const mime = sniffed.mime;
  // file-type reports MPEG layers I and II as audio/mpeg too; browsers play only layer III reliably.
  const type = mime === 'audio/mpeg' && sniffed.ext !== 'mp3' ? undefined : ACCEPTED[mime];
  if (!type) {
    const label = mime === 'audio/mpeg' ? `an MPEG layer ${sniffed.ext === 'mp2' ? 'II' : 'I'} sound recording` : labelOf(mime);
    throw new UploadRejected(`This file is ${label}; ${acceptedFor(mime)}.`, 'unsupported-type');
  }

  const marker = findPolyglotMarker(data);
  if (marker) {
    throw new UploadRejected(
      `This file is ${type.label} that also contains ${describeMarker(marker)}, which is how disguised files are made. Open it in an image or media program, export it again and upload the new file.`,
      'dangerous',
    );
  }

  if (ext && !type.exts.includes(ext)) {
    throw new UploadRejected(
      `The file name ends in “.${ext}” but the contents are ${type.label}. Check that you chose the right file; if you did, correct its name to end in “.${type.exts[0]}” and upload it again.`,
      'mismatch',
    );
  }
  const declared = normaliseDeclared(input.declaredType);
  if (!UNINFORMATIVE_TYPES.has(declared) && declared !== mime && !type.aliases.includes(declared)) {
    throw new UploadRejected(
      `The file was sent as ${labelOf(declared)} (${declared}) but the contents are ${type.label}. Check that you chose the right file.`,
      'mismatch',
    );
  }

  const max = type.kind === 'image' ? limits.maxBytes : limits.maxVideoBytes;
  if (data.length > max) {
    const what = type.kind === 'image' ? 'images' : 'films and sound recordings';
    const hint = mime === 'image/tiff' ? ' Save the TIFF with LZW compression, or export a high-quality JPEG.' : '';
    throw new UploadRejected(`This file is ${megabytes(data.length)}; ${what} may be at most ${megabytes(max)}.${hint}`, 'too-large');
  }

  if (type.kind === 'image') {
    const image = await processImage(data, mime, limits);
    const path = `${basePath}.${image.ext}`;
    const thumb = thumbPath(path);
    // Both checked before either is written, so a bad path cannot leave half a pair behind.
    media.resolve(path);
    media.resolve(thumb);
    await media.write(path, image.master);
    await media.write(thumb, image.thumb);
    return {
      kind: 'image',
      mime: image.mime,
      ext: image.ext,
      width: image.width,
      height: image.height,
      duration: null,
      bytes: image.master.length,
      sha256: sha256(image.master),
      path,
      thumbPath: thumb,
    };
  }

  const info = mime === 'video/mp4' ? parseMp4(data, type.label) : mime === 'video/webm' ? parseWebm(data, type.label) : parseMp3(data);
  // A container with no picture track is sound; telling the page so gets it an audio player, not a black frame.
  const kind = type.kind === 'video' && !info.hasVideo ? 'audio' : type.kind;
  const storedMime = kind === 'audio' && type.kind === 'video' ? mime.replace('video/', 'audio/') : mime;
  const path = `${basePath}.${type.ext}`;
  media.resolve(path);
  await media.write(path, data);
  return {
    kind,
    mime: storedMime,
    ext: type.ext,
    width: info.hasVideo ? info.width : null,
    height: info.hasVideo ? info.height : null,
    duration: info.duration,
    bytes: data.length,
    sha256: sha256(data),
    path,
    thumbPath: null,
  };
}

// ---------------------------------------------------------------------------------------------
// Captions

export type WebVttCheck = { ok: true; cues: number } | { ok: false; reason: string };

const TIMESTAMP = /^(?:(\d{2,}):)?(\d{2}):(\d{2})\.(\d{3})$/;

function parseTimestamp(s: string): number | null {
  const m = TIMESTAMP.exec(s);
  if (!m) return null;
  const [, h, min, sec, ms] = m;
  if (Number(min) > 59 || Number(sec) > 59) return null;
  return Number(h ?? 0) * 3600 + Number(min) * 60 + Number(sec) + Number(ms) / 1000;
}

const PERCENT = '\\d+(?:\\.\\d+)?%';
const CUE_SETTINGS: Record<string, RegExp> = {
  vertical: /^(?:rl|lr)$/,
  line: new RegExp(`^(?:-?\\d+|${PERCENT})(?:,(?:start|center|end))?$`),
  position: new RegExp(`^${PERCENT}(?:,(?:line-left|center|line-right))?$`),
  size: new RegExp(`^${PERCENT}$`),
  align: /^(?:start|center|end|left|right)$/,
  region: /^[^\s]+$/,
};

/** The only markup a cue may hold: class, italic, bold, underline, ruby, ruby text, voice, language, timestamps. */
const CUE_TAG = /^<(\/?)(c|i|b|u|ruby|rt|v|lang)((?:\.[^\s.<>&]+)*)(?:[ \t]([^<>]*))?>/;
const CUE_TIMESTAMP_TAG = /^<(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}>/;
const FORBIDDEN_ANYWHERE = ['<html', '<script', '<!doctype', '<svg', '<?xml', '<iframe', '<style', '<object', '<embed'];

function checkCueText(line: string): string | null {
  for (let at = line.indexOf('<'); at >= 0; at = line.indexOf('<', at + 1)) {
    const rest = line.slice(at);
    if (CUE_TIMESTAMP_TAG.test(rest)) continue;
    const m = CUE_TAG.exec(rest);
    if (m && !(m[1] && (m[3] || m[4]))) continue;
    const close = rest.indexOf('>');
    const shown = (close >= 0 ? rest.slice(0, close + 1) : rest).slice(0, 40);
    return `“${shown}” is not allowed; captions may only use the tags <c>, <i>, <b>, <u>, <ruby>, <rt>, <v> and <lang>. Write a “<” that is part of the text as &lt;.`;
  }
  return null;
}

const WRONG_ARROW = /^[\d:.,]+[ \t]*[-–—=]+>?[ \t]*[\d:.,]+(?:[ \t]|$)/;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Validates a WebVTT captions file against the W3C syntax: the WEBVTT header, cue timings and
 * settings, and cue text limited to the cue tags, which is what makes captions safe to hand to
 * the browser's own renderer. Bytes are decoded strictly as UTF-8; a string is checked for the
 * replacement characters a lenient decoder leaves where the bytes were not UTF-8.
 */
export function checkWebVtt(input: string | Uint8Array): WebVttCheck {
  const fail = (reason: string): WebVttCheck => ({ ok: false, reason });
  const notUtf8 = 'The captions file is not saved as UTF-8 text. Save it again choosing the UTF-8 encoding (subtitle editors offer this when saving).';
  let text: string;
  if (typeof input === 'string') {
    text = input;
    if (text.includes('\uFFFD') || LONE_SURROGATE.test(text)) return fail(notUtf8);
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      return fail(notUtf8);
    }
  }
  if (text.includes('\0')) return fail('The captions file contains binary data; it is not a text file.');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const lowered = text.toLowerCase();
  for (const marker of FORBIDDEN_ANYWHERE) {
    if (lowered.includes(marker)) return fail(`The captions file contains web-page markup (“${marker}”), which captions may not have.`);
  }

  const lines = text.split(/\r\n|\r|\n/);
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
    return fail('The captions file must begin with the word WEBVTT on its first line. Is it a SubRip (.srt) file? Convert it to WebVTT first.');
  }

  let i = 1;
  // Header lines such as "Kind: captions" are tolerated up to the first blank line, as browsers do.
  for (; i < lines.length && lines[i] !== ''; i++) {
    if (lines[i]!.includes('-->')) return fail(`Line ${i + 1}: leave a blank line between the WEBVTT heading and the first caption.`);
  }

  let cues = 0;
  let previousStart = -1;
  while (i < lines.length) {
    while (i < lines.length && lines[i] === '') i++;
    if (i >= lines.length) break;
    const blockStart = i;
    const block: string[] = [];
    while (i < lines.length && lines[i] !== '') block.push(lines[i++]!);
    const first = block[0]!;
    const at = (n: number) => `Line ${blockStart + n + 1}`;

    if (/^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(first)) {
      const kind = first.split(/[ \t]/)[0]!;
      const arrow = block.findIndex((l) => l.includes('-->'));
      if (arrow >= 0) return fail(`${at(arrow)}: a ${kind} block may not contain “-->”; put a blank line before the caption that follows it.`);
      if (kind !== 'NOTE' && cues > 0) return fail(`${at(0)}: ${kind} blocks must come before the first caption.`);
      if (kind === 'STYLE' && /url\s*\(|@import/i.test(block.join('\n'))) {
        return fail(`${at(0)}: the STYLE block loads something from elsewhere (url() or @import), which captions may not do.`);
      }
      continue;
    }

    // A timing with a mistyped arrow would otherwise be read as a cue identifier, and the
    // complaint would land on the caption text below it.
    if (!first.includes('-->') && WRONG_ARROW.test(first)) {
      return fail(`${at(0)}: the arrow between the times must be “-->”, as in 00:01.000 --> 00:04.000.`);
    }
    const timingIndex = first.includes('-->') ? 0 : 1;
    const timing = block[timingIndex];
    if (timing === undefined || !timing.includes('-->')) {
      const shown = timing ?? first;
      return fail(`${at(timingIndex)}: expected a caption timing like 00:00:01.000 --> 00:00:04.000, found “${shown.slice(0, 60)}”.`);
    }
    const m = /^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t]+(.*))?$/.exec(timing);
    if (!m) return fail(`${at(timingIndex)}: expected a caption timing like 00:00:01.000 --> 00:00:04.000, found “${timing.slice(0, 60)}”.`);
    const [, startText, endText, settings] = m;
    for (const t of [startText!, endText!]) {
      if (parseTimestamp(t) !== null) continue;
      if (/^[\d:]+,\d{3}$/.test(t)) return fail(`${at(timingIndex)}: “${t}” has a comma before the milliseconds, as SubRip files do; WebVTT needs a full stop (00:00:01.000).`);
      return fail(`${at(timingIndex)}: “${t}” is not a WebVTT time; write minutes:seconds.milliseconds (01:02.500) or hours:minutes:seconds.milliseconds (01:01:02.500), with two-digit minutes and seconds and three-digit milliseconds.`);
    }
    const start = parseTimestamp(startText!)!;
    const end = parseTimestamp(endText!)!;
    if (end <= start) return fail(`${at(timingIndex)}: the caption ends (${endText}) before or when it starts (${startText}).`);
    if (start < previousStart) return fail(`${at(timingIndex)}: captions must be in order of their start times; this one starts before the one above it.`);
    previousStart = start;
    for (const setting of (settings ?? '').split(/[ \t]+/).filter(Boolean)) {
      const colon = setting.indexOf(':');
      const name = colon > 0 ? setting.slice(0, colon) : setting;
      const rule = CUE_SETTINGS[name];
      if (!rule) return fail(`${at(timingIndex)}: “${setting}” is not a WebVTT cue setting (those are vertical, line, position, size, align and region).`);
      if (colon < 0 || !rule.test(setting.slice(colon + 1))) return fail(`${at(timingIndex)}: the value of “${setting}” is not valid.`);
    }
    for (let n = timingIndex + 1; n < block.length; n++) {
      const line = block[n]!;
      if (line.includes('-->')) return fail(`${at(n)}: caption text may not contain “-->”; put a blank line between captions.`);
      const problem = checkCueText(line);
      if (problem) return fail(`${at(n)}: ${problem}`);
    }
    cues++;
  }
  if (cues === 0) return fail('The captions file has no captions in it.');
  return { ok: true, cues };
}

/**
 * Checks a captions file and stores it byte for byte at `path` (which must end in ".vtt").
 * Throws `UploadRejected` with code 'bad-captions' (or 'too-large') and writes nothing on refusal.
 */
export async function ingestCaptions(
  data: Buffer,
  media: MediaStore,
  path: string,
): Promise<{ path: string; cues: number; bytes: number; sha256: string }> {
  if (!path.endsWith('.vtt')) throw new Error(`captions path "${path}" must end in .vtt`);
  media.resolve(path);
  if (data.length > MAX_CAPTION_BYTES) {
    throw new UploadRejected(`This captions file is ${megabytes(data.length)}; captions files may be at most ${megabytes(MAX_CAPTION_BYTES)}.`, 'too-large');
  }
  const check = checkWebVtt(data);
  if (!check.ok) throw new UploadRejected(check.reason, 'bad-captions');
  await media.write(path, data);
  return { path, cues: check.cues, bytes: data.length, sha256: sha256(data) };
}
