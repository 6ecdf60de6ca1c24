// Citation downloads through citation-js: BibTeX, RIS and CSL-JSON from one CSL-JSON item.
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import type { CslItem } from './citation.ts';

// Titles and archives are written in Japanese and Mongolian: BibTeX output must keep them as
// UTF-8 rather than drop every character without a LaTeX command (citation-js's default). The
// entry key is the record id, which is stable, rather than one made from title and year.
const bibtexConfig = plugins.config.get('@bibtex');
if (bibtexConfig['format']) {
  bibtexConfig['format']['asciiOnly'] = false;
  bibtexConfig['format']['useIdAsLabel'] = true;
}

export type CitationFormat = 'bibtex' | 'ris' | 'csl';

export const CITATION_FILES: Record<CitationFormat, { ext: string; type: string }> = {
  bibtex: { ext: 'bib', type: 'application/x-bibtex; charset=utf-8' },
  ris: { ext: 'ris', type: 'application/x-research-info-systems; charset=utf-8' },
  csl: { ext: 'json', type: 'application/vnd.citationstyles.csl+json; charset=utf-8' },
};

/**
 * BibTeX and RIS have no archive fields that citation-js writes, so the holding archive goes
 * where those formats keep a record's keeper (BibTeX `howpublished`, RIS `PB`) and the reference
 * code where they keep a shelf mark (RIS `CN`); BibTeX's `note` carries both, with the accessed
 * date, because classic BibTeX styles print nothing else of them.
 */
function forExport(csl: CslItem, accessedNote: string | null): Record<string, unknown> {
  const out: Record<string, unknown> = { ...csl };
  if (csl.archive) out['publisher'] = csl.archive;
  if (csl['archive-place']) out['publisher-place'] = csl['archive-place'];
  if (csl.archive_location) out['call-number'] = csl.archive_location;
  if (accessedNote) out['note'] = accessedNote;
  return out;
}

export function toBibtex(csl: CslItem, note: string): string {
  return new Cite([forExport(csl, note)]).format('bibtex');
}

/**
 * RIS from citation-js's tag mapping, written here: citation-js breaks values every 70
 * characters and reads the pieces back joined by spaces, which splits words, Japanese text
 * and URLs. Reference managers read one line per tag; lines end in CRLF.
 */
export function toRis(csl: CslItem): string {
  const entries = new Cite([forExport(csl, null)]).format('ris', { format: 'object' }) as unknown as Record<string, unknown>[];
  const lines: string[] = [];
  for (const entry of entries) {
    lines.push(`TY  - ${String(entry['TY'])}`);
    for (const [tag, value] of Object.entries(entry)) {
      if (tag === 'TY' || tag === 'ER') continue;
      for (const v of [value].flat()) lines.push(`${tag}  - ${String(v).replace(/\s*[\r\n]+\s*/g, ' ')}`);
    }
    lines.push('ER  - ');
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function toCslJson(csl: CslItem): string {
  return `${JSON.stringify([csl], null, 2)}\n`;
}

export function formatCitation(format: CitationFormat, csl: CslItem, bibtexNote: string): string {
  switch (format) {
    case 'bibtex':
      return toBibtex(csl, bibtexNote);
    case 'ris':
      return toRis(csl);
    case 'csl':
      return toCslJson(csl);
  }
}
