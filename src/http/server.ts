import type { Config } from '../config.ts';
import { openFromConfig } from '../main.ts';
import { addDemoNameVariants } from '../search/demo-names.ts';
import { loadDemo } from '../services/demo.ts';
import { buildApp } from './app.ts';
import { searchServiceOf } from './routes/search.ts';

/** Opens storage, loads the demo into an empty database, listens, and closes cleanly on SIGINT/SIGTERM. */
export async function startServer(config: Config): Promise<void> {
  const { storage, media } = await openFromConfig(config);
  const app = await buildApp(config, { storage, media });
  if (config.loadDemo && (await storage.store.isEmpty())) {
    app.fastify.log.info('empty database: loading the demo exhibition');
    await loadDemo(app.content, media);
    // Kana readings of the demo's kanji names, so a search for にいぜき finds 新関欽哉.
    await addDemoNameVariants(searchServiceOf(app.fastify));
  }
  await app.fastify.listen({ port: config.port, host: config.host });
  let closing = false;
  const close = (signal: string) => {
    if (closing) return;
    closing = true;
    app.fastify.log.info(`${signal}: closing`);
    // In-flight requests get shutdownTimeoutMs to finish; new ones are answered 503 meanwhile.
    setTimeout(() => {
      app.fastify.log.warn('shutdown timeout: exiting with requests still open');
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    app.fastify
      .close()
      .then(() => storage.close())
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        app.fastify.log.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGINT', () => close('SIGINT'));
  process.once('SIGTERM', () => close('SIGTERM'));
}
