import type { RawBuilder } from 'kysely';

/**
 * The few SQL fragments that differ between engines. Each engine folder has a file of the
 * same name implementing this; queries in `content-store.ts` are written once against it.
 */
export interface SqlFragments {
  /** A text column compared byte by byte, so both engines sort ids and sort keys alike. */
  binary(column: string): RawBuilder<string>;
}
