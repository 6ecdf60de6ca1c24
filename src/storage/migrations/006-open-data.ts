import type { Kysely } from 'kysely';

// Open data: tables for OAI-PMH harvesting (filled in by the OAI-PMH layer).
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the current schema type
export async function up(_db: Kysely<any>): Promise<void> {
  // intentionally empty until the OAI-PMH tables land
}
