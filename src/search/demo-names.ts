// Readings of the demo people's names written in kanji. Japanese names in kanji have no
// reading the software could derive; the demo's own romanisations (NIIZEKI Kinya…) give them.
import { ValidationError } from '../services/content.ts';
import type { NameVariant } from './documents.ts';

const reading = (entityId: string, value: string): NameVariant => ({ entityKind: 'person', entityId, value, lang: 'ja', kind: 'reading' });

export const DEMO_NAME_VARIANTS: readonly NameVariant[] = [
  reading('niizeki-kinya', 'にいぜき きんや'),
  reading('nakajima-shigeki', 'なかじま しげき'),
  reading('ozawa-shigeo', 'おざわ しげお'),
  reading('takashima-masuo', 'たかしま ますお'),
  reading('tsuge-itaru', 'つげ いたる'),
];

/** Adds the demo readings through a service that can record name variants (skips people that are missing). */
export async function addDemoNameVariants(search: { addNameVariant(v: NameVariant): Promise<void> }): Promise<void> {
  for (const v of DEMO_NAME_VARIANTS) {
    try {
      await search.addNameVariant(v);
    } catch (err) {
      // A database without that demo person: nothing to add a reading to.
      if (!(err instanceof ValidationError)) throw err;
    }
  }
}
