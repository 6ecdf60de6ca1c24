// Composition root: turns configuration into opened storage and media.
import { join } from 'node:path';
import type { Config } from './config.ts';
import { MediaStore } from './media/store.ts';
import { defaultSqlitePath, openStorage, type Storage } from './storage/index.ts';

export async function openFromConfig(config: Config): Promise<{ storage: Storage; media: MediaStore }> {
  const storage = await openStorage({
    url: config.databaseUrl ?? defaultSqlitePath(config.dataDir),
    ...(config.dbSchema ? { schema: config.dbSchema } : {}),
    poolSize: config.dbPoolSize,
    statementTimeoutMs: config.dbStatementTimeoutMs,
  });
  return { storage, media: new MediaStore(join(config.dataDir, 'media')) };
}
