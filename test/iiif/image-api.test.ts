// The IIIF Image API validator's tests (VALIDATOR-TESTS.md in ../shared/fixtures/iiif-image/),
// ported: every level 0–2 test, and the level-3 ones for the features info.json claims, run
// against the official test image served by the app. Then what the validator does not look at:
// the pre-cut tile pyramid, caching, publication, and ids behind a proxy.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { DiskCache } from '../../src/media/iiif/disk-cache.ts';
import { EXTRA_FEATURES, EXTRA_FORMATS, EXTRA_QUALITIES } from '../../src/media/iiif/info.ts';
import { readPyramid } from '../../src/media/iiif/pyramid.ts';
import { parseImageRequest } from '../../src/media/iiif/parse-request.ts';
import { resolveRequest } from '../../src/media/iiif/resolve.ts';
import { checkInfoJson } from './info-check.ts';
import { addImageItem, fixture, iiifApp, type IiifTestApp } from './helpers.ts';

const IMAGE_DIR = fixture('iiif-image/test-image/');
const SAMPLES = fixture('iiif-image/info-json-samples/');
const ID = '67352ccc-d1b0-11e1-89ae-279075081939';
const PREFIX = `/iiif/3/${ID}`;

type Rgb = [number, number, number];

/** The validator's choices are random; a fixed-seed generator makes each run the same. */
function rng(seed: number): (lo: number, hi: number) => number {
  let s = seed >>> 0;
  return (lo, hi) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return lo + (s % (hi - lo + 1));
  };
}

interface Decoded {
  width: number;
  height: number;
  channels: number;
  data: Buffer;
  format: string;
}

async function decode(body: Buffer): Promise<Decoded> {
  const meta = await sharp(body).metadata();
  const { data, info } = await sharp(body).raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, channels: info.channels, data, format: meta.format };
}

/** The most frequent colour in a crop, as the validator compares it. */
function modeColour(img: Decoded, x: number, y: number, w: number, h: number): Rgb {
  const counts = new Map<number, number>();
  for (let j = y; j < Math.min(y + h, img.height); j++) {
    for (let i = x; i < Math.min(x + w, img.width); i++) {
      const o = (j * img.width + i) * img.channels;
      const rgb = img.channels >= 3 ? [img.data[o]!, img.data[o + 1]!, img.data[o + 2]!] : [img.data[o]!, img.data[o]!, img.data[o]!];
      const key = (rgb[0]! << 16) | (rgb[1]! << 8) | rgb[2]!;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const [best = 0] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  return [(best >> 16) & 255, (best >> 8) & 255, best & 255];
}

function near(a: Rgb, b: Rgb): boolean {
  return a.every((v, i) => Math.abs(v - b[i]!) < 6);
}

describe('IIIF Image API: the validator’s tests on the official test image', { skip: IMAGE_DIR && SAMPLES ? false : 'fixtures missing' }, () => {
  let t: IiifTestApp;
  let cells: Map<string, Rgb>;
  const cell = (col: number, row: number) => cells.get(`${col},${row}`)!;

  const get = async (url: string, headers: Record<string, string> = {}) => t.fastify.inject({ method: 'GET', url, headers });
  const image = async (params: string) => {
    const res = await get(`${PREFIX}/${params}`);
    assert.equal(res.statusCode, 200, `${params}: ${res.body.slice(0, 200)}`);
    return decode(res.rawPayload);
  };
  const expectStatus = async (params: string, ...ok: number[]) => {
    const res = await get(`${PREFIX}/${params}`);
    assert.ok(ok.includes(res.statusCode), `${params} answered ${res.statusCode}, expected ${ok.join(' or ')}`);
    assert.equal(res.headers['access-control-allow-origin'], '*');
  };
  /** Checks cells of a grid scaled to w×h: at least `need` of 5 random cells have their colour. */
  const checkSquares = (img: Decoded, r: (lo: number, hi: number) => number, need = 4) => {
    let hits = 0;
    for (let n = 0; n < 5; n++) {
      const col = r(0, 9);
      const row = r(0, 9);
      const sx = img.width / 1000;
      const sy = img.height / 1000;
      const got = modeColour(img, Math.round((col * 100 + 13) * sx), Math.round((row * 100 + 13) * sy), Math.max(1, Math.round(74 * sx)), Math.max(1, Math.round(74 * sy)));
      if (near(got, cell(col, row))) hits++;
    }
    assert.ok(hits >= need, `${hits} of 5 cells had their colour`);
  };

  before(async () => {
    const squares = JSON.parse(readFileSync(new URL('squares.json', IMAGE_DIR!), 'utf8')) as { cells: { col: number; row: number; rgb: Rgb }[] };
    cells = new Map(squares.cells.map((c) => [`${c.col},${c.row}`, c.rgb]));
    t = await iiifApp();
    await addImageItem(t, { itemId: 'validator-image', mediaId: ID, data: readFileSync(new URL(`${ID}.png`, IMAGE_DIR!)), ext: 'png', width: 1000, height: 1000 });
  });
  after(async () => t?.close());

  describe('1 information and identifiers', () => {
    it('info_json: passes the info.json checks, id is the request URL without /info.json', async () => {
      const res = await get(`${PREFIX}/info.json`, { host: 'iiif.example:8080' });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^application\/(ld\+)?json/);
      const info = res.json();
      assert.deepEqual(checkInfoJson(info, `http://iiif.example:8080${PREFIX}/info.json`), { errors: [], warnings: [] });
      assert.equal(info.width, 1000);
      assert.equal(info.profile, 'level2');
    });

    it('the ported info.json checks agree with the validator’s own samples', () => {
      const expected: Record<string, 'pass' | 'warn' | 'fail'> = {
        'info-3.0.json': 'pass',
        'info-3.0-service-label.json': 'pass',
        'info-3.0-logo.json': 'warn',
        'info-3.0-service.json': 'fail',
        'info-3.0-service-badlabel.json': 'fail',
        'info-2.0.json': 'fail',
      };
      for (const [file, outcome] of Object.entries(expected)) {
        const r = checkInfoJson(JSON.parse(readFileSync(new URL(file, SAMPLES!), 'utf8')));
        const got = r.errors.length ? 'fail' : r.warnings.length ? 'warn' : 'pass';
        assert.equal(got, outcome, `${file}: ${[...r.errors, ...r.warnings].join('; ')}`);
      }
    });

    it('id_basic and id_squares: the default image is the test image', async () => {
      const img = await image('full/max/0/default.jpg');
      assert.equal(img.format, 'jpeg');
      assert.deepEqual([img.width, img.height], [1000, 1000]);
      checkSquares(img, rng(1));
    });

    it('id_error_random, id_error_escapedslash, id_error_unescaped: unknown identifiers are 404', async () => {
      assert.equal((await get('/iiif/3/4f5a0c39-2c0e-4d0e-9b59-2a7a4b4c1a11/full/max/0/default.jpg')).statusCode, 404);
      assert.equal((await get('/iiif/3/a/b/full/max/0/default.jpg')).statusCode, 404);
      assert.ok([400, 404].includes((await get('/iiif/3/[frob]/full/max/0/default.jpg')).statusCode));
    });

    it('id_escaped: a percent-encoded identifier is decoded', async () => {
      const res = await get(`/iiif/3/${ID.replace(/-/g, '%2D')}/full/max/0/default.jpg`);
      assert.equal(res.statusCode, 200);
    });
  });

  describe('2 region', () => {
    it('region_error_random: 400', async () => expectStatus('abcdef/max/0/default.jpg', 400));
    it('region_pixels', async () => {
      const r = rng(2);
      let hits = 0;
      for (let n = 0; n < 5; n++) {
        const [col, row] = [r(0, 9), r(0, 9)];
        const img = await image(`${col * 100 + 13},${row * 100 + 13},74,74/max/0/default.jpg`);
        if (near(modeColour(img, 0, 0, img.width, img.height), cell(col, row))) hits++;
      }
      assert.ok(hits >= 4);
    });
    it('region_percent', async () => {
      const r = rng(3);
      let hits = 0;
      for (let n = 0; n < 5; n++) {
        const [col, row] = [r(0, 9), r(0, 9)];
        const img = await image(`pct:${col * 10 + 1},${row * 10 + 1},9,9/max/0/default.jpg`);
        if (near(modeColour(img, 0, 0, img.width, img.height), cell(col, row))) hits++;
      }
      assert.ok(hits >= 4);
    });
    it('region_square', async () => {
      const img = await image('square/max/0/default.jpg');
      assert.equal(img.width, img.height);
    });
  });

  describe('3 size', () => {
    const r = rng(4);
    it('size_error_random: 400', async () => expectStatus('full/abcdef/0/default.jpg', 400));
    it('size_wc, size_ch, size_wh', async () => {
      const w = r(450, 750);
      let img = await image(`full/${w},/0/default.jpg`);
      assert.deepEqual([img.width, img.height], [w, w]);
      checkSquares(img, r);
      const h = r(450, 750);
      img = await image(`full/,${h}/0/default.jpg`);
      assert.deepEqual([img.width, img.height], [h, h]);
      checkSquares(img, r);
      const [a, b] = [r(350, 750), r(350, 750)];
      img = await image(`full/${a},${b}/0/default.jpg`);
      assert.deepEqual([img.width, img.height], [a, b]);
      checkSquares(img, r);
    });
    it('size_bwh and size_percent', async () => {
      const [a, b] = [r(350, 750), r(350, 750)];
      let img = await image(`full/!${a},${b}/0/default.jpg`);
      assert.deepEqual([img.width, img.height], [Math.min(a, b), Math.min(a, b)]);
      checkSquares(img, r, 3);
      const n = r(45, 75);
      img = await image(`full/pct:${n}/0/default.jpg`);
      assert.deepEqual([img.width, img.height], [10 * n, 10 * n]);
      checkSquares(img, r);
    });
    it('size_region', async () => {
      let hits = 0;
      for (let k = 0; k < 5; k++) {
        const [col, row, s] = [r(0, 9), r(0, 9), r(35, 90)];
        const img = await image(`${col * 100},${row * 100},100,100/${s},${s}/0/default.jpg`);
        assert.deepEqual([img.width, img.height], [s, s]);
        if (near(modeColour(img, 0, 0, s, s), cell(col, row))) hits++;
      }
      assert.ok(hits >= 4);
    });
    it('size_noup: sizes beyond the image without ^ are refused', async () => {
      const s = r(1100, 2000);
      for (const size of [`${s},${s}`, `,${s}`, `${s},`, 'pct:200', '!2000,3000']) await expectStatus(`full/${size}/0/default.jpg`, 400);
    });
    it('size_up (sizeUpscaling is declared): ^ sizes are exact', async () => {
      const s = r(1100, 2000);
      for (const [size, wh] of [
        [`^${s},${s}`, [s, s]],
        [`^,${s}`, [s, s]],
        [`^${s},`, [s, s]],
        ['^max', [1000, 1000]],
        ['^pct:200', [2000, 2000]],
        ['^!2000,500', [500, 500]],
        ['^!2000,3000', [2000, 2000]],
      ] as const) {
        const img = await image(`full/${size}/0/default.jpg`);
        assert.deepEqual([img.width, img.height], wh, size);
        checkSquares(img, r, 3);
      }
    });
    it('size_nofull: the 2.x size "full" is not 200 in 3.0', async () => expectStatus('full/full/0/default.jpg', 400));
  });

  describe('4 rotation and mirroring', () => {
    const corners = async (params: string) => {
      const img = await image(params);
      assert.ok(Math.abs(img.width - 1000) <= 1);
      return [modeColour(img, 13, 13, 74, 74), modeColour(img, img.width - 87, img.height - 87, 74, 74)];
    };
    it('rot_error_random: 400', async () => expectStatus('full/max/abcd/default.jpg', 400));
    it('rot_full_basic: 90, 180, 270 clockwise', async () => {
      for (const [deg, tl, br] of [
        ['180', [9, 9], [0, 0]],
        ['90', [0, 9], [9, 0]],
        ['270', [9, 0], [0, 9]],
      ] as const) {
        const [a, b] = await corners(`full/max/${deg}/default.jpg`);
        assert.ok(near(a!, cell(tl[0], tl[1])) && near(b!, cell(br[0], br[1])), `rotation ${deg}`);
      }
    });
    it('rot_region_basic', async () => {
      const r = rng(5);
      for (let k = 0; k < 4; k++) {
        const [col, row] = [r(0, 9), r(0, 9)];
        const img = await image(`${col * 100 + 13},${row * 100 + 13},76,76/max/180/default.jpg`);
        assert.ok(Math.abs(img.width - 76) <= 1);
        assert.ok(near(modeColour(img, 0, 0, img.width, img.height), cell(col, row)));
      }
    });
    it('rot_full_non90 and rot_region_non90 (rotationArbitrary is declared)', async () => {
      await image('full/max/37.5/default.jpg');
      await image('130,250,76,76/max/301/default.png');
    });
    it('rot_mirror and rot_mirror_180 (mirroring is declared)', async () => {
      let [a, b] = await corners('full/max/!0/default.jpg');
      assert.ok(near(a!, cell(9, 0)) && near(b!, cell(0, 9)), 'mirror');
      [a, b] = await corners('full/max/!180/default.jpg');
      assert.ok(near(a!, cell(0, 9)) && near(b!, cell(9, 0)), 'mirror then 180');
    });
  });

  describe('5 quality', () => {
    it('quality_error_random: 400', async () => expectStatus('full/max/0/abcdef.jpg', 400));
    it('quality_color', async () => {
      const img = await image('full/max/0/color.jpg');
      assert.ok(img.channels >= 3);
    });
    it('quality_grey: one channel, or R≈G≈B nearly everywhere', async () => {
      const img = await image('full/max/0/gray.jpg');
      if (img.channels > 1) {
        let grey = 0;
        for (let o = 0; o < img.data.length; o += img.channels) {
          const [r, g, b] = [img.data[o]!, img.data[o + 1]!, img.data[o + 2]!];
          if (Math.abs(r - g) <= 5 && Math.abs(g - b) <= 5) grey++;
        }
        assert.ok(grey > 650_000);
      }
    });
    it('quality_bitonal: near-black or near-white nearly everywhere', async () => {
      const img = await image('full/max/0/bitonal.png');
      let bw = 0;
      for (let o = 0; o < img.data.length; o += img.channels) {
        const v = img.data[o]!;
        if (v < 10 || v > 245) bw++;
      }
      assert.ok(bw > 650_000, `${bw} pixels black or white`);
    });
  });

  describe('6 format', () => {
    it('format_error_random: 400, 415 or 503', async () => expectStatus('full/max/0/default.xqz', 400, 415, 503));
    it('format_jpg, format_png, and the declared extra formats gif, tif, webp', async () => {
      for (const [ext, fmt] of [
        ['jpg', 'jpeg'],
        ['png', 'png'],
        ['gif', 'gif'],
        ['tif', 'tiff'],
        ['webp', 'webp'],
      ] as const) {
        const res = await get(`${PREFIX}/full/200,/0/default.${ext}`);
        assert.equal(res.statusCode, 200, ext);
        assert.equal((await sharp(res.rawPayload).metadata()).format, fmt);
        if (ext === 'webp') assert.equal(res.rawPayload.subarray(8, 12).toString('latin1'), 'WEBP');
      }
    });
    it('formats the API names but this server does not make (jp2, pdf) are 501, and not declared', async () => {
      await expectStatus('full/max/0/default.jp2', 501);
      await expectStatus('full/max/0/default.pdf', 501);
    });
  });

  describe('7 HTTP', () => {
    it('cors', async () => {
      assert.equal((await get(`${PREFIX}/info.json`)).headers['access-control-allow-origin'], '*');
      const pre = await t.fastify.inject({ method: 'OPTIONS', url: `${PREFIX}/info.json`, headers: { origin: 'https://viewer.example', 'access-control-request-method': 'GET' } });
      assert.equal(pre.statusCode, 204);
      assert.equal(pre.headers['access-control-allow-origin'], '*');
    });
    it('jsonld: Accept application/ld+json gets that media type with the Image API profile', async () => {
      const res = await get(`${PREFIX}/info.json`, { accept: 'application/ld+json' });
      assert.match(String(res.headers['content-type']), /^application\/ld\+json;profile="http:\/\/iiif\.io\/api\/image\/3\/context\.json"/);
      assert.match(String((await get(`${PREFIX}/info.json`)).headers['content-type']), /^application\/json/);
    });
    it('baseurl_redirect: the base URI redirects to info.json', async () => {
      const res = await get(PREFIX, { host: 'iiif.example' });
      assert.ok(res.statusCode >= 300 && res.statusCode < 400);
      assert.equal(res.headers.location, `http://iiif.example${PREFIX}/info.json`);
    });
    it('linkheader_profile (profileLinkHeader is declared)', async () => {
      const res = await get(`${PREFIX}/full/max/0/default.jpg`);
      assert.match(String(res.headers.link), /<http:\/\/iiif\.io\/api\/image\/3\/level2\.json>;rel="profile"/);
    });
    it('an unchanged image revalidates with its ETag', async () => {
      const first = await get(`${PREFIX}/0,0,256,256/256,256/0/default.jpg`);
      const again = await get(`${PREFIX}/0,0,256,256/256,256/0/default.jpg`, { 'if-none-match': String(first.headers.etag) });
      assert.equal(again.statusCode, 304);
    });
  });

  describe('beyond the validator', () => {
    it('info.json declares exactly the extras that work', async () => {
      const info = (await get(`${PREFIX}/info.json`)).json() as { extraQualities: string[]; extraFormats: string[]; extraFeatures: string[] };
      assert.deepEqual(info.extraQualities, [...EXTRA_QUALITIES]);
      assert.deepEqual(info.extraFormats, [...EXTRA_FORMATS]);
      assert.deepEqual(info.extraFeatures, [...EXTRA_FEATURES]);
      // Each declared extra is exercised by a test above; the declaration and the list of
      // features tried here must not drift apart.
      assert.deepEqual([...EXTRA_FEATURES].sort(), ['mirroring', 'profileLinkHeader', 'regionSquare', 'rotationArbitrary', 'sizeUpscaling']);
    });

    it('every tile and size info.json lists is a pre-cut file, served without rendering', async () => {
      const info = (await get(`${PREFIX}/info.json`)).json() as { width: number; height: number; sizes: { width: number; height: number }[]; tiles: { width: number; scaleFactors: number[] }[] };
      const tile = info.tiles[0]!;
      const img = await t.fastify.iiif.image(ID);
      assert.ok(img);
      const p = await t.fastify.iiif.pyramid(img);
      const urls: string[] = info.sizes.map((s) => `full/${s.width},${s.height}/0/default.jpg`);
      for (const s of tile.scaleFactors) {
        const span = tile.width * s;
        for (let y = 0; y < info.height; y += span) {
          for (let x = 0; x < info.width; x += span) {
            const w = Math.min(span, info.width - x);
            const h = Math.min(span, info.height - y);
            const region = w === info.width && h === info.height ? 'full' : `${x},${y},${w},${h}`;
            urls.push(`${region}/${Math.ceil(w / s)},${Math.ceil(h / s)}/0/default.jpg`);
          }
        }
      }
      for (const u of urls) {
        const [region = '', size = '', rot = '', qf = ''] = u.split('/');
        const parsed = parseImageRequest(region, size, rot, qf);
        assert.ok(parsed.ok);
        const resolved = resolveRequest(parsed.value, p.width, p.height);
        assert.ok(resolved.ok);
        const out = await t.fastify.iiif.render(img, p, resolved.value);
        assert.equal(out.static, true, `${u} is pre-cut`);
        const d = await sharp(out.data).metadata();
        assert.deepEqual([d.width, d.height], size.split(',').map(Number), u);
      }
      // A request the grid does not hold is rendered (from the pyramidal master) and then cached.
      const odd = resolveRequest((parseImageRequest('10,10,300,300', '150,', '0', 'default.jpg') as { ok: true; value: Parameters<typeof resolveRequest>[0] }).value, p.width, p.height);
      assert.ok(odd.ok);
      assert.equal((await t.fastify.iiif.render(img, p, odd.value)).static, false);
    });

    it('the pyramid is cut once: preparing an unchanged image again reuses it', async () => {
      const before = await readPyramid(t.media, ID);
      const img = await t.fastify.iiif.image(ID);
      const { prepareImage } = await import('../../src/media/iiif/pyramid.ts');
      const again = await prepareImage(t.media, ID, img!.path);
      assert.equal(again.preparedAt, before?.preparedAt);
    });

    it('images of unpublished items are not served', async () => {
      await addImageItem(t, { itemId: 'draft-image', mediaId: 'draft-image-1', data: readFileSync(new URL(`${ID}.png`, IMAGE_DIR!)), ext: 'png', width: 1000, height: 1000, state: 'draft' });
      assert.equal((await get('/iiif/3/draft-image-1/info.json')).statusCode, 404);
      assert.equal((await get('/iiif/3/draft-image-1/full/max/0/default.jpg')).statusCode, 404);
    });
  });
});

describe('IIIF Image API behind a reverse proxy', { skip: IMAGE_DIR ? false : 'fixtures missing' }, () => {
  it('ids follow X-Forwarded-* only when TSUZURI_TRUST_PROXY=1, and TSUZURI_PUBLIC_URL wins', async () => {
    const png = readFileSync(new URL(`${ID}.png`, IMAGE_DIR!));
    const forwarded = { host: 'app:3000', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'archives.example', 'x-forwarded-prefix': '/exhibits' };
    const idOf = async (env: Record<string, string>) => {
      const saved = { ...process.env };
      Object.assign(process.env, env);
      const t = await iiifApp();
      process.env = saved;
      try {
        await addImageItem(t, { itemId: 'proxy-image', mediaId: ID, data: png, ext: 'png', width: 1000, height: 1000 });
        return (await t.fastify.inject({ url: `${PREFIX}/info.json`, headers: forwarded })).json().id as string;
      } finally {
        await t.close();
      }
    };
    assert.equal(await idOf({}), `http://app:3000${PREFIX}`);
    assert.equal(await idOf({ TSUZURI_TRUST_PROXY: '1' }), `https://archives.example/exhibits${PREFIX}`);
    assert.equal(await idOf({ TSUZURI_PUBLIC_URL: 'https://public.example/' }), `https://public.example${PREFIX}`);
  });
});

describe('derivative disk cache', () => {
  it('stays within its byte bound, dropping the least recently used, and survives a restart', async () => {
    const root = join(tmpdir(), `tsuzuri-cache-${process.pid}-${Date.now()}`);
    const cache = new DiskCache(root, 2500);
    for (const k of ['a', 'b', 'c']) await cache.set(k, Buffer.alloc(1000, k));
    assert.ok(cache.bytes <= 2500);
    assert.equal(await cache.get('a'), null, 'the oldest went first');
    assert.ok(await cache.get('b'));
    await cache.set('d', Buffer.alloc(1000, 'd'));
    assert.equal(await cache.get('c'), null, 'b was used more recently than c');
    assert.ok(await cache.get('b'));
    const files = (await readdir(root, { recursive: true })).filter((f) => /[0-9a-f]{38}$/.test(String(f)));
    assert.equal(files.length, 2);
    const reopened = new DiskCache(root, 2500);
    assert.deepEqual(await reopened.get('d'), Buffer.alloc(1000, 'd'));
    assert.equal(reopened.count, 2);
    await cache.set('huge', Buffer.alloc(5000));
    assert.equal(await cache.get('huge'), null, 'larger than the whole bound: not kept');
  });
});
