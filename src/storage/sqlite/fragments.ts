import { sql } from 'kysely';
import type { SqlFragments } from '../kysely/fragments.ts';

export const sqliteFragments: SqlFragments = {
  // SQLite's default collation is already BINARY.
  binary: (column) => sql<string>`${sql.ref(column)}`,
};
