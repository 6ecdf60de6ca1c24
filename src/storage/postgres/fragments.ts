import { sql } from 'kysely';
import type { SqlFragments } from '../kysely/fragments.ts';

export const postgresFragments: SqlFragments = {
  // The database's locale collation ignores punctuation ("K-19180-1"); "C" compares bytes.
  binary: (column) => sql<string>`${sql.ref(column)} collate "C"`,
};
