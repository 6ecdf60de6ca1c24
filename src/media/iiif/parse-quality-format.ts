import { FORMATS, QUALITIES, fail, ok, type Format, type Parsed, type Quality } from './types.ts';

// Formats the Image API names that this server does not produce: asking for one is a request
// for an unimplemented feature (501), unlike a format name that means nothing (400).
const NAMED_BUT_UNSUPPORTED = ['jp2', 'pdf'];

export type QualityFormatError = { ok: false; reason: string; unsupportedFormat: boolean };

/** `{quality}.{format}`, e.g. `default.jpg`, `gray.png`. */
export function parseQualityFormat(s: string): { ok: true; value: { quality: Quality; format: Format } } | QualityFormatError {
  const dot = s.lastIndexOf('.');
  if (dot <= 0 || dot === s.length - 1) return { ok: false, reason: `"${s}" is not quality.format`, unsupportedFormat: false };
  const quality = s.slice(0, dot);
  const format = s.slice(dot + 1);
  if (!(QUALITIES as readonly string[]).includes(quality)) {
    return { ok: false, reason: `quality "${quality}" is not one of ${QUALITIES.join(', ')}`, unsupportedFormat: false };
  }
  if (!(FORMATS as readonly string[]).includes(format)) {
    return { ok: false, reason: `format "${format}" is not one of ${FORMATS.join(', ')}`, unsupportedFormat: NAMED_BUT_UNSUPPORTED.includes(format) };
  }
  return { ok: true, value: { quality: quality as Quality, format: format as Format } };
}

export function parseQuality(s: string): Parsed<Quality> {
  return (QUALITIES as readonly string[]).includes(s) ? ok(s as Quality) : fail(`quality "${s}" is unknown`);
}
