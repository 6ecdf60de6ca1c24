import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import sharp from 'sharp';
import { THUMB_WIDTH } from './placeholder.ts';
import { MediaPathError, MediaStore } from './store.ts';
import { DEFAULT_LIMITS, MAX_CAPTION_BYTES, UploadRejected, checkWebVtt, ingestCaptions, ingestUpload } from './ingest.ts';
import type { IngestLimits, RejectionCode } from './ingest.ts';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/uploads/', import.meta.url));
const fixture = (name: string) => readFile(join(FIXTURES, name));

const roots: string[] = [];
after(async () => {
  await Promise.all(roots.map((r) => rm(r, { recursive: true, force: true })));
});

async function freshStore(): Promise<MediaStore> {
  const root = await mkdtemp(join(tmpdir(), 'tsuzuri-ingest-'));
  roots.push(root);
  return new MediaStore(root);
}

/** Every file under the store's root, temporary files included, so a half-finished write would show. */
async function storedFiles(store: MediaStore): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      if (e.isDirectory()) await walk(join(dir, e.name));
      else found.push(relative(store.root, join(dir, e.name)));
    }
  };
  await walk(store.root);
  return found.sort();
}

async function expectRejected(
  promise: Promise<unknown>,
  code: RejectionCode,
  reason?: RegExp,
): Promise<UploadRejected> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof UploadRejected, `expected UploadRejected, got ${String(err)}`);
    assert.equal(err.code, code, err.reason);
    assert.equal(err.message, err.reason);
    if (reason) assert.match(err.reason, reason);
    return err;
  }
  assert.fail(`expected a rejection with code ${code}`);
}

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('ingestUpload accepts', () => {
  const images: Array<[file: string, mime: string, ext: string, width: number, height: number]> = [
    ['photo.jpg', 'image/jpeg', 'jpg', 64, 48],
    ['scan.png', 'image/jpeg', 'jpg', 64, 48],
    ['page.tiff', 'image/jpeg', 'jpg', 64, 48],
    ['photo.webp', 'image/jpeg', 'jpg', 64, 48],
    ['cutout.png', 'image/png', 'png', 64, 48],
    ['exif-orientation-6.jpg', 'image/jpeg', 'jpg', 40, 80],
  ];
  for (const [file, mime, ext, width, height] of images) {
    test(`${file} as ${mime} ${width}×${height} with a thumbnail`, async () => {
      const store = await freshStore();
      const result = await ingestUpload({ data: await fixture(file), filename: file }, store, 'items/i1/m1');
      assert.deepEqual(
        { kind: result.kind, mime: result.mime, ext: result.ext, width: result.width, height: result.height, duration: result.duration },
        { kind: 'image', mime, ext, width, height, duration: null },
      );
      assert.equal(result.path, `items/i1/m1.${ext}`);
      assert.equal(result.thumbPath, `items/i1/m1.thumb.${ext}`);
      assert.deepEqual(await storedFiles(store), [result.path, result.thumbPath].sort());

      const master = (await store.read(result.path))!;
      assert.equal(result.bytes, master.length);
      assert.equal(result.sha256, sha(master));
      const meta = await sharp(master).metadata();
      assert.equal(meta.format, ext === 'png' ? 'png' : 'jpeg');
      assert.deepEqual([meta.width, meta.height], [width, height]);
      assert.equal(meta.exif, undefined, 'EXIF is stripped');
      assert.ok((meta.orientation ?? 1) === 1, 'no orientation left for a viewer to apply twice');

      const thumb = await sharp((await store.read(result.thumbPath!))!).metadata();
      assert.ok(thumb.width! <= THUMB_WIDTH);
      assert.equal(thumb.width! > thumb.height!, width > height, 'thumbnail has the master’s orientation');
    });
  }

  test('the EXIF-rotated JPEG is stored upright: width and height swap and the pixels turn', async () => {
    const data = await fixture('exif-orientation-6.jpg');
    const before = await sharp(data).metadata();
    assert.deepEqual([before.width, before.height, before.orientation], [80, 40, 6]);
    const store = await freshStore();
    const result = await ingestUpload({ data, filename: 'IMG_0001.JPG' }, store, 'items/i1/m1');
    assert.deepEqual([result.width, result.height], [40, 80]);
    // The fixture's red channel grows left to right; turned a quarter clockwise it grows top to bottom.
    const { data: px, info } = await sharp((await store.read(result.path))!).raw().toBuffer({ resolveWithObject: true });
    const red = (x: number, y: number) => px[(y * info.width + x) * info.channels]!;
    assert.ok(red(20, 75) > red(20, 5) + 150, `red ${red(20, 5)} at top, ${red(20, 75)} at bottom`);
  });

  test('an image with real transparency stays PNG with its alpha; an all-opaque alpha channel becomes JPEG', async () => {
    const store = await freshStore();
    const cut = await ingestUpload({ data: await fixture('cutout.png'), filename: 'cutout.png' }, store, 'items/i1/cut');
    const cutMeta = await sharp((await store.read(cut.path))!).metadata();
    assert.equal(cutMeta.hasAlpha, true);
    const thumbMeta = await sharp((await store.read(cut.thumbPath!))!).metadata();
    assert.deepEqual([thumbMeta.format, thumbMeta.hasAlpha], ['png', true]);

    const opaque = await sharp({ create: { width: 20, height: 10, channels: 4, background: { r: 200, g: 10, b: 10, alpha: 1 } } }).png().toBuffer();
    const flat = await ingestUpload({ data: opaque, filename: 'scan.png' }, store, 'items/i1/flat');
    assert.deepEqual([flat.mime, flat.path], ['image/jpeg', 'items/i1/flat.jpg']);
  });

  test('metadata is stripped except the ICC profile', async () => {
    const data = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#c03020' } })
      .withIccProfile('p3')
      .withExif({ IFD0: { Artist: 'Curator phone', Copyright: 'x' } })
      .jpeg()
      .toBuffer();
    const input = await sharp(data).metadata();
    assert.ok(input.exif && input.icc);
    const store = await freshStore();
    const result = await ingestUpload({ data, filename: 'p3.jpg' }, store, 'items/i1/m1');
    const master = (await store.read(result.path))!;
    const meta = await sharp(master).metadata();
    assert.equal(meta.exif, undefined);
    assert.ok(meta.icc && meta.icc.length > 0, 'ICC profile kept');
    assert.ok(!master.includes(Buffer.from('Curator phone')));
  });

  test('a GIFAR-style JPEG with a ZIP appended is refused as dangerous', async () => {
    const store = await freshStore();
    await expectRejected(
      ingestUpload({ data: await fixture('gifar-like.jpg'), filename: 'gifar-like.jpg' }, store, 'items/i1/m1'),
      'dangerous',
      /JPEG image that also contains a ZIP archive/,
    );
    assert.deepEqual(await storedFiles(store), []);
  });

  const av: Array<[file: string, kind: string, mime: string, width: number | null, height: number | null, duration: number]> = [
    ['clip.mp4', 'video', 'video/mp4', 64, 48, 1],
    ['portrait.mp4', 'video', 'video/mp4', 48, 64, 1],
    ['clip.webm', 'video', 'video/webm', 64, 48, 1.008],
    ['sound-only.webm', 'audio', 'audio/webm', null, null, 1.007],
    ['sound.mp3', 'audio', 'audio/mpeg', null, null, 2],
  ];
  for (const [file, kind, mime, width, height, duration] of av) {
    test(`${file} stored byte for byte as ${kind} ${mime}, ${duration} s`, async () => {
      const data = await fixture(file);
      const store = await freshStore();
      const result = await ingestUpload({ data, filename: file }, store, 'items/i2/m7');
      assert.equal(result.kind, kind);
      assert.equal(result.mime, mime);
      assert.equal(result.path, `items/i2/m7.${file.split('.').pop()}`);
      assert.equal(result.thumbPath, null);
      assert.deepEqual([result.width, result.height], [width, height]);
      assert.ok(result.duration !== null && Math.abs(result.duration - duration) < 0.01, `duration ${result.duration}`);
      assert.equal(result.bytes, data.length);
      assert.equal(result.sha256, sha(data));
      assert.deepEqual(await storedFiles(store), [result.path]);
      assert.ok((await store.read(result.path))!.equals(data));
    });
  }

  test('names and declared types that agree with the contents, in any of their spellings', async () => {
    const jpeg = await fixture('photo.jpg');
    const mp3 = await fixture('sound.mp3');
    const cases: Array<[Buffer, string, string | undefined]> = [
      [jpeg, 'PHOTO.JPG', 'image/jpeg'],
      [jpeg, 'scan.jpeg', 'image/jpg'],
      [jpeg, 'scan', undefined],
      [jpeg, 'C:\\Users\\kurator\\scan.jfif', 'image/pjpeg'],
      [jpeg, 'scan.jpg', 'application/octet-stream'],
      [jpeg, 'scan.jpg', 'image/jpeg; charset=binary'],
      [mp3, 'song.mp3', 'audio/mp3'],
    ];
    for (const [data, filename, declaredType] of cases) {
      const store = await freshStore();
      await ingestUpload({ data, filename, declaredType }, store, 'items/i1/m1');
    }
  });
});

describe('ingestUpload refuses', () => {
  const rejected: Array<[file: string, code: RejectionCode, reason: RegExp]> = [
    ['drawing.svg', 'dangerous', /^This file is an SVG drawing; only JPEG, PNG, TIFF and WebP images are accepted/],
    ['webpage.jpg', 'dangerous', /web page \(HTML\).*name ends in “\.jpg”/],
    ['polyglot-comment.jpg', 'dangerous', /JPEG image that also contains web-page markup/],
    ['trailing-html.png', 'dangerous', /PNG image that also contains web-page markup/],
    ['gifar-like.jpg', 'dangerous', /ZIP archive/],
    ['truncated.jpg', 'corrupt', /could not be read to the end/],
    ['truncated.mp4', 'corrupt', /incomplete/],
    ['bomb.png', 'too-many-pixels', /more than 100 megapixels/],
    ['animation.gif', 'unsupported-type', /^This file is a GIF image; only JPEG, PNG, TIFF and WebP images are accepted\.$/],
    ['captions.vtt', 'unsupported-type', /WebVTT captions file/],
    ['make.sh', 'unsupported-type', /could not be recognised/],
  ];
  for (const [file, code, reason] of rejected) {
    test(`${file} (${code}) and writes nothing`, async () => {
      const store = await freshStore();
      await expectRejected(ingestUpload({ data: await fixture(file), filename: file }, store, 'items/i1/m1'), code, reason);
      assert.deepEqual(await storedFiles(store), []);
    });
  }

  test('contents that contradict the file name or the declared type, naming both', async () => {
    const store = await freshStore();
    const jpeg = await fixture('photo.jpg');
    await expectRejected(ingestUpload({ data: jpeg, filename: 'scan.png' }, store, 'items/i1/m1'), 'mismatch', /“\.png”.*a JPEG image/);
    await expectRejected(ingestUpload({ data: jpeg, filename: 'scan.gif' }, store, 'items/i1/m1'), 'mismatch', /“\.gif”.*a JPEG image/);
    await expectRejected(ingestUpload({ data: jpeg, filename: 'scan.jpg', declaredType: 'image/png' }, store, 'items/i1/m1'), 'mismatch', /sent as a PNG image \(image\/png\).*a JPEG image/);
    await expectRejected(ingestUpload({ data: jpeg, filename: 'scan.jpg', declaredType: 'image/svg+xml' }, store, 'items/i1/m1'), 'mismatch', /SVG drawing/);
    await expectRejected(ingestUpload({ data: await fixture('clip.mp4'), filename: 'clip.mp3' }, store, 'items/i1/m1'), 'mismatch', /“\.mp3”.*an MP4 film/);
    await expectRejected(ingestUpload({ data: await fixture('scan.png'), filename: 'scan.html' }, store, 'items/i1/m1'), 'mismatch');
    assert.deepEqual(await storedFiles(store), []);
  });

  test('files over the size and pixel limits, each by its own limit', async () => {
    const store = await freshStore();
    const smallImages: IngestLimits = { ...DEFAULT_LIMITS, maxBytes: 300 };
    await expectRejected(ingestUpload({ data: await fixture('photo.jpg'), filename: 'p.jpg' }, store, 'items/i1/m1', smallImages), 'too-large', /^This file is 476 bytes; images may be at most 300 bytes\.$/);
    await expectRejected(ingestUpload({ data: await fixture('page.tiff'), filename: 'p.tif' }, store, 'items/i1/m1', smallImages), 'too-large', /LZW compression/);
    const smallFilms: IngestLimits = { ...DEFAULT_LIMITS, maxVideoBytes: 2000 };
    await expectRejected(ingestUpload({ data: await fixture('clip.mp4'), filename: 'c.mp4' }, store, 'items/i1/m1', smallFilms), 'too-large', /^This file is 7 KB; films and sound recordings may be at most 2 KB\.$/);
    const tiny: IngestLimits = { maxBytes: 100, maxPixels: 1000, maxVideoBytes: 100 };
    await expectRejected(ingestUpload({ data: await fixture('clip.mp4'), filename: 'c.mp4' }, store, 'items/i1/m1', tiny), 'too-large', /no upload may be larger than/);
    const fewPixels: IngestLimits = { ...DEFAULT_LIMITS, maxPixels: 1000 };
    await expectRejected(ingestUpload({ data: await fixture('photo.jpg'), filename: 'p.jpg' }, store, 'items/i1/m1', fewPixels), 'too-many-pixels');
    await expectRejected(ingestUpload({ data: Buffer.alloc(0), filename: 'p.jpg' }, store, 'items/i1/m1'), 'corrupt', /empty/);
    assert.deepEqual(await storedFiles(store), []);
  });

  test('a TIFF of several pages, rather than silently keeping the first', async () => {
    const raw = Buffer.alloc(8 * 16 * 3, 90);
    const tiff = await sharp(raw, { raw: { width: 8, height: 16, channels: 3, pageHeight: 8 } }).tiff().toBuffer();
    const store = await freshStore();
    await expectRejected(ingestUpload({ data: tiff, filename: 'pages.tif' }, store, 'items/i1/m1'), 'unsupported-type', /TIFF with 2 pages/);
    assert.deepEqual(await storedFiles(store), []);
  });

  test('but takes a pyramidal TIFF, whose later pages are smaller copies of the first', async () => {
    const pyramid = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#884422' } })
      .tiff({ pyramid: true, tile: true, tileWidth: 128, tileHeight: 128 })
      .toBuffer();
    assert.ok((await sharp(pyramid).metadata()).pages! > 1);
    const store = await freshStore();
    const result = await ingestUpload({ data: pyramid, filename: 'zoom.tif' }, store, 'items/i1/m1');
    assert.deepEqual([result.mime, result.width, result.height], ['image/jpeg', 600, 400]);
  });

  test('films with something appended after their end', async () => {
    const store = await freshStore();
    const mp4 = await fixture('clip.mp4');
    const webm = await fixture('clip.webm');
    // Past the last kilobyte, so only the container walk can see it.
    const hidden = Buffer.concat([Buffer.from('PK\u0003\u0004\u000a\u0000\u0000\u0000'), Buffer.alloc(2048, 0x41)]);
    await expectRejected(ingestUpload({ data: Buffer.concat([mp4, hidden]), filename: 'c.mp4' }, store, 'items/i1/m1'), 'dangerous', /not part of it/);
    await expectRejected(ingestUpload({ data: Buffer.concat([webm, hidden]), filename: 'c.webm' }, store, 'items/i1/m1'), 'dangerous', /not part of it/);
    await expectRejected(ingestUpload({ data: Buffer.concat([mp4, Buffer.from('<script>alert(1)</script>')]), filename: 'c.mp4' }, store, 'items/i1/m1'), 'dangerous', /markup/);
    await expectRejected(ingestUpload({ data: webm.subarray(0, webm.length - 100), filename: 'c.webm' }, store, 'items/i1/m1'), 'corrupt', /incomplete/);
    assert.deepEqual(await storedFiles(store), []);
  });

  test('an unsafe basePath is the caller’s bug, reported before the file is judged', async () => {
    const store = await freshStore();
    await assert.rejects(ingestUpload({ data: await fixture('photo.jpg'), filename: 'p.jpg' }, store, '../outside'), MediaPathError);
    await assert.rejects(ingestUpload({ data: await fixture('drawing.svg'), filename: 'd.svg' }, store, 'Items/Upper'), MediaPathError);
    assert.deepEqual(await storedFiles(store), []);
  });

  test('random bytes never escape as anything but UploadRejected, and rejected bytes leave nothing behind', async () => {
    const store = await freshStore();
    const names = fc.constantFrom('a.jpg', 'a.png', 'a.tif', 'a.webp', 'a.mp4', 'a.webm', 'a.mp3', 'a', 'a.svg', 'a.bin');
    // Magic numbers take the bytes past the sniffer into sharp and the container walkers.
    const prefixes = fc.constantFrom(
      [],
      [0xff, 0xd8, 0xff, 0xe0],
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      [0x49, 0x49, 0x2a, 0x00],
      [0x52, 0x49, 0x46, 0x46, 0x20, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x20],
      [0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d, 0, 0, 0, 0, 0x69, 0x73, 0x6f, 0x6d, 0x6d, 0x70, 0x34, 0x31],
      [0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84, 0x77, 0x65, 0x62, 0x6d],
      [0x49, 0x44, 0x33, 0x04, 0, 0, 0, 0, 0, 0, 0xff, 0xfb, 0x90, 0x64],
      [0xff, 0xfb, 0x90, 0x64],
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(prefixes, fc.uint8Array({ maxLength: 3000 }), names, async (prefix, body, filename) => {
        const base = `fuzz/m${n++}`;
        const data = Buffer.concat([Buffer.from(prefix), body]);
        const before = (await storedFiles(store)).length;
        try {
          await ingestUpload({ data, filename }, store, base);
        } catch (err) {
          if (!(err instanceof UploadRejected)) throw err;
          assert.ok(err.reason.length > 20);
          assert.equal((await storedFiles(store)).length, before);
        }
      }),
      { numRuns: 400 },
    );
  });

  test('damaged copies of every fixture are accepted or refused, never thrown', async () => {
    const store = await freshStore();
    const files = (await readdir(FIXTURES)).filter((f) => !f.endsWith('.sh')).sort();
    const originals = await Promise.all(files.map(async (f) => [f, await fixture(f)] as const));
    const codes = new Map<string, number>();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...originals),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 255 })), { maxLength: 8 }),
        fc.option(fc.nat(), { nil: undefined }),
        async ([filename, original], flips, cut) => {
          const data = Buffer.from(original.subarray(0, cut === undefined ? undefined : 1 + (cut % original.length)));
          for (const [at, value] of flips) data[at % data.length] = value;
          try {
            const result = await ingestUpload({ data, filename }, store, `damaged/m${n++}`);
            codes.set('accepted', (codes.get('accepted') ?? 0) + 1);
            assert.ok(result.bytes > 0);
          } catch (err) {
            if (!(err instanceof UploadRejected)) throw err;
            codes.set(err.code, (codes.get(err.code) ?? 0) + 1);
          }
        },
      ),
      { numRuns: 300 },
    );
    // Damage must reach the decoders and walkers, not just trip the sniffer.
    assert.ok((codes.get('corrupt') ?? 0) > 30 && (codes.get('accepted') ?? 0) > 3, JSON.stringify([...codes]));
  });
});

describe('checkWebVtt', () => {
  test('the fixtures: one valid, one with broken timings, one with HTML', async () => {
    assert.deepEqual(checkWebVtt(await fixture('captions.vtt')), { ok: true, cues: 3 });
    assert.deepEqual(checkWebVtt((await fixture('captions.vtt')).toString('utf8')), { ok: true, cues: 3 });
    const timing = checkWebVtt(await fixture('invalid-timing.vtt'));
    assert.ok(!timing.ok && /Line 3: the arrow between the times must be “-->”/.test(timing.reason), JSON.stringify(timing));
    const html = checkWebVtt(await fixture('html-captions.vtt'));
    assert.ok(!html.ok && /<script/.test(html.reason), JSON.stringify(html));
  });

  const valid: Array<[string, string, number]> = [
    ['BOM, CRLF and header metadata', '\uFEFFWEBVTT\r\nKind: captions\r\nLanguage: mn\r\n\r\n00:01.000 --> 00:02.000\r\nСайн байна уу\r\n', 1],
    ['cue tags, classes, voices, timestamps', 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000 position:10%,line-left size:80% vertical:rl\n<b.loud>Hi</b> <v.first Ana María>there</v> <00:01.500>now &lt;3\n', 1],
    ['STYLE and REGION before cues, NOTE anywhere', 'WEBVTT\n\nSTYLE\n::cue { color: yellow }\n\nREGION\nid:r1\n\n00:01.000 --> 00:02.000 region:r1\none\n\nNOTE after\n\n00:02.000 --> 00:03.000\ntwo\n', 2],
    ['equal start times and hours over 99', 'WEBVTT\n\n00:01.000 --> 00:02.000\na\n\n00:01.000 --> 00:03.000\nb\n\n100:00:00.000 --> 100:00:01.000\nc', 3],
  ];
  for (const [name, text, cues] of valid) test(`accepts ${name}`, () => assert.deepEqual(checkWebVtt(text), { ok: true, cues }));

  const invalid: Array<[string, string | Uint8Array, RegExp]> = [
    ['no header', '00:01.000 --> 00:02.000\nHi\n', /begin with the word WEBVTT/],
    ['WEBVTTX header', 'WEBVTTX\n\n00:01.000 --> 00:02.000\nHi\n', /begin with the word WEBVTT/],
    ['SubRip commas', 'WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nHi\n', /comma before the milliseconds/],
    ['one-digit minutes', 'WEBVTT\n\n0:01.000 --> 00:02.000\nHi\n', /“0:01\.000” is not a WebVTT time/],
    ['61 seconds', 'WEBVTT\n\n00:61.000 --> 01:02.000\nHi\n', /not a WebVTT time/],
    ['end before start', 'WEBVTT\n\n00:05.000 --> 00:02.000\nHi\n', /ends \(00:02\.000\) before or when it starts/],
    ['out of order', 'WEBVTT\n\n00:05.000 --> 00:06.000\na\n\n00:02.000 --> 00:03.000\nb\n', /in order of their start times/],
    ['unknown setting', 'WEBVTT\n\n00:01.000 --> 00:02.000 A:middle\nHi\n', /not a WebVTT cue setting/],
    ['bad setting value', 'WEBVTT\n\n00:01.000 --> 00:02.000 align:middle\nHi\n', /value of “align:middle”/],
    ['no blank line after header', 'WEBVTT\n00:01.000 --> 00:02.000\nHi\n', /blank line between the WEBVTT heading/],
    ['cues run together', 'WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n00:02.000 --> 00:03.000\nThere\n', /Line 5: caption text may not contain “-->”/],
    ['an anchor tag', 'WEBVTT\n\n00:01.000 --> 00:02.000\n<a href="https://example.org">x</a>\n', /“<a href="https:\/\/example\.org">” is not allowed/],
    ['an img tag', 'WEBVTT\n\n00:01.000 --> 00:02.000\nx <img src=x onerror=alert(1)>\n', /<img/],
    ['a bare less-than', 'WEBVTT\n\n00:01.000 --> 00:02.000\n1 < 2\n', /&lt;/],
    ['a closing tag with a class', 'WEBVTT\n\n00:01.000 --> 00:02.000\n<i>x</i.y>\n', /not allowed/],
    ['markup in a NOTE', 'WEBVTT\n\nNOTE <script>alert(1)</script>\n\n00:01.000 --> 00:02.000\nHi\n', /<script/],
    ['STYLE loading a URL', 'WEBVTT\n\nSTYLE\n::cue { background: url(https://tracker.example/x.png) }\n\n00:01.000 --> 00:02.000\nHi\n', /loads something from elsewhere/],
    ['STYLE after a cue', 'WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n\nSTYLE\n::cue { color: red }\n', /before the first caption/],
    ['no cues', 'WEBVTT\n\nNOTE nothing yet\n', /no captions/],
    ['invalid UTF-8 bytes', Buffer.from([...Buffer.from('WEBVTT\n\n00:01.000 --> 00:02.000\n'), 0xc3, 0x28, 0x0a]), /UTF-8/],
    ['Latin-1 decoded leniently', 'WEBVTT\n\n00:01.000 --> 00:02.000\nCaf\uFFFD\n', /UTF-8/],
    ['a lone surrogate', 'WEBVTT\n\n00:01.000 --> 00:02.000\n\uD800x\n', /UTF-8/],
    ['binary', 'WEBVTT\n\n00:01.000 --> 00:02.000\n\0\n', /binary/],
  ];
  for (const [name, input, reason] of invalid) {
    test(`refuses ${name}`, () => {
      const result = checkWebVtt(input);
      assert.equal(result.ok, false);
      if (!result.ok) assert.match(result.reason, reason);
    });
  }

  test('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.uint8Array(),
          fc.array(fc.constantFrom('WEBVTT', '', '00:01.000 --> 00:02.000', 'x <', '<v a>', 'NOTE', '-->', '\r', 'STYLE', '<00:01.000>'), { maxLength: 20 }).map((l) => l.join('\n')),
        ),
        (input) => {
          const result = checkWebVtt(input);
          assert.ok(result.ok ? result.cues > 0 : result.reason.length > 0);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('ingestCaptions', () => {
  test('stores valid captions byte for byte and refuses the rest without writing', async () => {
    const store = await freshStore();
    const data = await fixture('captions.vtt');
    const result = await ingestCaptions(data, store, 'items/i2/m7.en.vtt');
    assert.deepEqual(result, { path: 'items/i2/m7.en.vtt', cues: 3, bytes: data.length, sha256: sha(data) });
    assert.ok((await store.read(result.path))!.equals(data));

    await expectRejected(ingestCaptions(await fixture('html-captions.vtt'), store, 'items/i2/m7.mn.vtt'), 'bad-captions', /<script/);
    await expectRejected(ingestCaptions(Buffer.alloc(MAX_CAPTION_BYTES + 1, 0x41), store, 'items/i2/m7.ja.vtt'), 'too-large');
    assert.deepEqual(await storedFiles(store), ['items/i2/m7.en.vtt']);
  });
});
