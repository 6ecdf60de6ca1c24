// Checks every Presentation document we publish: the IIIF presentation-validator's JSON Schema
// (ajv, as that validator runs it) and a round trip through @iiif/parser (normalise, then
// serialise as 3.0, must give the document back unchanged).
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { normalize, serialize, serializeConfigPresentation3 } from '@iiif/parser';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { fixture } from './helpers.ts';

export const SCHEMA = fixture('iiif-presentation/schema/iiif_3_0.json');

let validate: ValidateFunction | null = null;

export function schemaErrors(doc: unknown): string[] {
  if (!SCHEMA) throw new Error('schema fixture missing');
  if (!validate) {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')) as object);
  }
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

/** The document after @iiif/parser has normalised and re-serialised it. */
export function roundTrip(doc: object): unknown {
  const n = normalize(structuredClone(doc));
  return serialize({ mapping: n.mapping, entities: n.entities, requests: {} } as never, n.resource, serializeConfigPresentation3);
}

export function roundTrips(doc: object): boolean {
  return isDeepStrictEqual(roundTrip(doc), doc);
}
