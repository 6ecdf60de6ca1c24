import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseImageRequest } from './parse-request.ts';
import { parseQualityFormat } from './parse-quality-format.ts';
import { parseRegion } from './parse-region.ts';
import { parseRotation } from './parse-rotation.ts';
import { parseSize } from './parse-size.ts';
import { regionToString } from './region-to-string.ts';
import { resolveRequest, type Resolved } from './resolve.ts';
import { rotationToString } from './rotation-to-string.ts';
import { sizeToString } from './size-to-string.ts';
import type { ImageRequest, Region, Size } from './types.ts';

const int = fc.integer({ min: 0, max: 99999 });
const pos = fc.integer({ min: 1, max: 99999 });
const pct = fc.integer({ min: 0, max: 100000 }).map((n) => n / 1000);
const posPct = fc.integer({ min: 1, max: 100000 }).map((n) => n / 1000);

const regionArb: fc.Arbitrary<Region> = fc.oneof(
  fc.constant({ kind: 'full' as const }),
  fc.constant({ kind: 'square' as const }),
  fc.record({ kind: fc.constant('pixels' as const), x: int, y: int, w: pos, h: pos }),
  fc.record({ kind: fc.constant('percent' as const), x: pct, y: pct, w: posPct, h: posPct }),
);

const sizeArb: fc.Arbitrary<Size> = fc.oneof(
  fc.record({ kind: fc.constant('max' as const), upscale: fc.boolean() }),
  fc.record({ kind: fc.constant('width' as const), w: pos, upscale: fc.boolean() }),
  fc.record({ kind: fc.constant('height' as const), h: pos, upscale: fc.boolean() }),
  fc.record({ kind: fc.constant('percent' as const), n: posPct, upscale: fc.boolean() }),
  fc.record({ kind: fc.constant('exact' as const), w: pos, h: pos, upscale: fc.boolean() }),
  fc.record({ kind: fc.constant('confined' as const), w: pos, h: pos, upscale: fc.boolean() }),
);

test('region: parse ∘ serialise is the identity', () => {
  fc.assert(
    fc.property(regionArb, (r) => {
      const back = parseRegion(regionToString(r));
      assert.ok(back.ok);
      assert.deepEqual(back.value, { ...r });
    }),
  );
});

test('size: parse ∘ serialise is the identity', () => {
  fc.assert(
    fc.property(sizeArb, (s) => {
      const back = parseSize(sizeToString(s));
      assert.ok(back.ok);
      assert.deepEqual(back.value, { ...s });
    }),
  );
});

test('rotation: parse ∘ serialise is the identity', () => {
  fc.assert(
    fc.property(fc.boolean(), fc.integer({ min: 0, max: 360000 }).map((n) => n / 1000), (mirror, degrees) => {
      const back = parseRotation(rotationToString({ mirror, degrees }));
      assert.ok(back.ok);
      assert.deepEqual(back.value, { mirror, degrees });
    }),
  );
});

test('the written forms of the specification parse as they should', () => {
  assert.deepEqual(parseRegion('125,15,120,140'), { ok: true, value: { kind: 'pixels', x: 125, y: 15, w: 120, h: 140 } });
  assert.deepEqual(parseRegion('pct:41.6,7.5,40,70'), { ok: true, value: { kind: 'percent', x: 41.6, y: 7.5, w: 40, h: 70 } });
  assert.deepEqual(parseSize('^!150,75'), { ok: true, value: { kind: 'confined', w: 150, h: 75, upscale: true } });
  assert.deepEqual(parseSize(',150'), { ok: true, value: { kind: 'height', h: 150, upscale: false } });
  assert.deepEqual(parseRotation('!22.5'), { ok: true, value: { mirror: true, degrees: 22.5 } });
  assert.deepEqual(parseQualityFormat('gray.png'), { ok: true, value: { quality: 'gray', format: 'png' } });
});

test('malformed parameters are refused with a reason, never read loosely', () => {
  for (const bad of ['', 'fulll', '1,2,3', '1,2,3,4,5', '-1,0,10,10', '0,0,0,10', '1e3,0,10,10', '+1,0,10,10', ' 1,0,10,10', 'pct:10,10,0,10', 'pct:x,1,1,1', '0x10,0,1,1', '01,0,1,1']) {
    const r = parseRegion(bad);
    assert.equal(r.ok, false, `region "${bad}"`);
    if (!r.ok) assert.ok(r.reason.length > 10);
  }
  for (const bad of ['', 'full', 'maxx', '0,', ',0', '!100,', '!,100', '10,10,10', 'pct:0', 'pct:', '^', '^^max', '1.5,', 'abcdef']) {
    assert.equal(parseSize(bad).ok, false, `size "${bad}"`);
  }
  for (const bad of ['', '361', '-90', '!', '!!90', '90deg', 'abcd']) assert.equal(parseRotation(bad).ok, false, `rotation "${bad}"`);
  for (const bad of ['default', 'default.', '.jpg', 'best.jpg', 'default.bmp']) assert.equal(parseQualityFormat(bad).ok, false, `quality "${bad}"`);
});

test('a format the API names but this server does not make is 501, nonsense is 400', () => {
  const jp2 = parseImageRequest('full', 'max', '0', 'default.jp2');
  assert.equal(jp2.ok ? 0 : jp2.status, 501);
  const pdf = parseImageRequest('full', 'max', '0', 'default.pdf');
  assert.equal(pdf.ok ? 0 : pdf.status, 501);
  const xyz = parseImageRequest('full', 'max', '0', 'default.xyz');
  assert.equal(xyz.ok ? 0 : xyz.status, 400);
  const region = parseImageRequest('nonsense', 'max', '0', 'default.jpg');
  assert.equal(region.ok ? 0 : region.status, 400);
});

function req(region: string, size: string, rotation = '0', qf = 'default.jpg'): ImageRequest {
  const r = parseImageRequest(region, size, rotation, qf);
  assert.ok(r.ok, region + size);
  return r.value;
}

function resolved(region: string, size: string, W = 1000, H = 800): Resolved {
  const r = resolveRequest(req(region, size), W, H);
  assert.ok(r.ok, r.ok ? '' : r.reason);
  return r.value;
}

test('resolving against an image: regions are fitted, sizes computed, upscaling needs ^', () => {
  assert.deepEqual(pick(resolved('full', 'max')), [0, 0, 1000, 800, 1000, 800]);
  assert.deepEqual(pick(resolved('square', 'max')), [100, 0, 800, 800, 800, 800]);
  assert.deepEqual(pick(resolved('900,700,500,500', 'max')), [900, 700, 100, 100, 100, 100]);
  assert.deepEqual(pick(resolved('pct:10,10,50,50', '250,')), [100, 80, 500, 400, 250, 200]);
  assert.deepEqual(pick(resolved('full', ',400')), [0, 0, 1000, 800, 500, 400]);
  assert.deepEqual(pick(resolved('full', 'pct:50')), [0, 0, 1000, 800, 500, 400]);
  assert.deepEqual(pick(resolved('full', '!300,300')), [0, 0, 1000, 800, 300, 240]);
  assert.deepEqual(pick(resolved('full', '^pct:200')), [0, 0, 1000, 800, 2000, 1600]);
  assert.deepEqual(pick(resolved('full', '^!2000,3000')), [0, 0, 1000, 800, 2000, 1600]);
  for (const size of ['1001,', ',801', 'pct:101', '1001,800', '!2000,3000']) {
    const r = resolveRequest(req('full', size), 1000, 800);
    assert.equal(r.ok, false, size);
  }
  assert.equal(resolveRequest(req('1000,0,10,10', 'max'), 1000, 800).ok, false, 'a region starting outside the image');
  assert.equal(resolveRequest(req('full', '^100000,'), 1000, 800).ok, false, 'beyond the server limits');
});

function pick(r: Resolved): number[] {
  return [r.x, r.y, r.w, r.h, r.width, r.height];
}
