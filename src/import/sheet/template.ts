// The example spreadsheet of the documentation (docs/templates/items.csv and .xlsx): records of
// chapter V of the demo exhibition, written the way a curator would type them — people and
// places by name in any script, dates in everyday forms — with Japanese, Mongolian and English
// text. `tsuzuri sheet template` writes it; a test keeps the files in docs/templates current.
import { demo } from '../../../content/demo/chapter-v.ts';
import { allHeaders, TEXT_FIELDS } from './columns.ts';

export const TEMPLATE_LANGS = ['ja', 'mn', 'en'] as const;

/** How each example row writes its date, people and places: the forms the import accepts. */
const ROWS: { id: string; date: string; people: string; places: string }[] = [
  { id: 'goodwill-mission-1971', date: '10–15 September 1971', people: 'NAKAJIMA Shigeki', places: 'Darkhan Food Factory; Mongolia' },
  { id: 'joint-communique-1972', date: '19 February 1972', people: '', places: 'Mongolia; Japan' },
  { id: 'credentials-luvsanchultem-1972', date: '1972 оны 6 сарын 7', people: 'Н. Лувсанчүлтэм', places: 'Монгол Улс; 日本' },
  { id: 'academic-exchange-1972', date: '昭和47年10月', people: '小沢重男; Arai Shinichi; B. Shirendev', places: 'Mongolia' },
  { id: 'politburo-resolution-272-1972', date: '1972-11-09', people: '', places: 'Tokyo; Mongolia; Japan' },
  { id: 'cultural-agreement-1974', date: '1974年9月23日', people: '', places: 'Ulaanbaatar; Mongolia; Japan' },
  { id: 'economic-meeting-1975', date: '16 January 1975', people: 'S. Dambadarjaa; TAKASHIMA Masuo', places: 'Tokyo' },
  { id: 'cashmere-agreement-1977', date: 'March 17, 1977', people: 'Tsuge Itaru; Д. Салдан', places: 'Ulaanbaatar; Japan; Mongolia' },
];

/** The columns a new user fills in: every field but the optional id and per-language status. */
export function templateHeaders(): string[] {
  return allHeaders(TEMPLATE_LANGS).filter((h) => h !== 'id' && !h.startsWith('status@'));
}

export function templateRows(): string[][] {
  const chapter = demo.exhibition.chapters[0];
  if (!chapter) throw new Error('the demo exhibition has no chapter');
  const sectionOf = (id: string) => chapter.sections.find((s) => s.itemIds.includes(id))?.id ?? '';
  const rows = [templateHeaders()];
  for (const r of ROWS) {
    const item = demo.items.find((i) => i.id === r.id);
    if (!item) throw new Error(`no demo item ${r.id}`);
    rows.push([
      item.institutionId,
      item.referenceCode ?? '',
      ...TEXT_FIELDS.flatMap((f) => TEMPLATE_LANGS.map((l) => item[f][l]?.value ?? '')),
      r.date,
      item.mediaType,
      item.rights,
      r.people,
      r.places,
      demo.exhibition.id,
      chapter.id,
      sectionOf(item.id),
    ]);
  }
  return rows;
}
