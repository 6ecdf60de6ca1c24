// The Image API validator's checks of an info.json document (3.0), ported from the table in
// ../shared/fixtures/iiif-image/VALIDATOR-TESTS.md: failures make it invalid, warnings do not.

export interface InfoCheck {
  errors: string[];
  warnings: string[];
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown) => typeof v === 'number' && Number.isInteger(v);

function languageMapOk(v: unknown): boolean {
  return isObj(v) && Object.values(v).every((x) => Array.isArray(x) && x.every((s) => typeof s === 'string'));
}

export function checkInfoJson(doc: unknown, requestUrl?: string): InfoCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  if (!isObj(doc)) return { errors: ['not a JSON object'], warnings };
  if (!isInt(doc['width']) || !isInt(doc['height'])) errors.push('width and height must be integers');
  const id = doc['id'];
  if (typeof id !== 'string' || !id.startsWith('http')) errors.push('id must be present and start with http');
  else if (requestUrl && id !== requestUrl.replace(/\/info\.json$/, '')) errors.push(`id ${id} is not the request URL without /info.json`);
  const ctx = doc['@context'];
  const CONTEXT = 'http://iiif.io/api/image/3/context.json';
  if (!(ctx === CONTEXT || (Array.isArray(ctx) && ctx.includes(CONTEXT)))) errors.push('@context must be the Image API 3 context');
  if (doc['protocol'] !== 'http://iiif.io/api/image') errors.push('protocol must be http://iiif.io/api/image');
  if (!['level0', 'level1', 'level2'].includes(String(doc['profile']))) errors.push('profile must be level0, level1 or level2');
  if (doc['type'] !== 'ImageService3') errors.push('type must be ImageService3');
  if (doc['sizes'] !== undefined) {
    if (!Array.isArray(doc['sizes']) || !doc['sizes'].every((s) => isObj(s) && isInt(s['width']) && isInt(s['height']))) errors.push('sizes must be objects with integer width and height');
  }
  if (doc['tiles'] !== undefined) {
    if (!Array.isArray(doc['tiles']) || !doc['tiles'].every((t) => isObj(t) && Array.isArray(t['scaleFactors']) && isInt(t['width']))) errors.push('tiles must have scaleFactors and an integer width');
  }
  if (doc['rights'] !== undefined && !(typeof doc['rights'] === 'string' && doc['rights'].startsWith('http'))) errors.push('rights must be an http URI');
  for (const k of ['extraQualities', 'extraFormats', 'extraFeatures']) if (doc[k] !== undefined && !Array.isArray(doc[k])) errors.push(`${k} must be an array`);
  for (const k of ['service', 'partOf', 'seeAlso']) {
    const v = doc[k];
    if (v === undefined) continue;
    if (!Array.isArray(v) || !v.every(isObj)) {
      errors.push(`${k} must be an array of objects`);
      continue;
    }
    for (const e of v as Obj[]) {
      if (k === 'service') {
        if (!(e['id'] ?? e['@id']) || !(e['type'] ?? e['@type'])) errors.push('a service needs an id and a type');
      } else if (!e['id'] || !e['type']) errors.push(`a ${k} entry needs an id and a type`);
      if (e['label'] !== undefined && !languageMapOk(e['label'])) errors.push(`a ${k} label must be a language map of arrays`);
    }
  }
  for (const k of ['license', 'attribution', 'logo']) if (doc[k] !== undefined) warnings.push(`${k}-missing`);
  return { errors, warnings };
}
