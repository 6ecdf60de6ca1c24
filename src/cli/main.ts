// The `tsuzuri` command: serve | migrate | demo | help.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, configFromEnv } from '../config.ts';
import { startServer } from '../http/server.ts';
import { openFromConfig } from '../main.ts';
import { EAD_HELP, eadCommand } from './ead.ts';
import { importIiif } from './iiif.ts';
import { SHEET_HELP, sheetCommand } from './sheet.ts';
import { XLIFF_HELP, xliffCommand } from './xliff.ts';
import { USER_HELP, userCommand } from './user.ts';
import { addDemoNameVariants } from '../search/demo-names.ts';
import { REINDEX_HELP, reindex } from '../search/reindex.ts';
import { SearchService } from '../services/search.ts';
import { ContentService } from '../services/content.ts';
import { loadDemo } from '../services/demo.ts';
import { copyDatabase, CopyError } from '../storage/copy.ts';
import { engineOf, openStorage } from '../storage/index.ts';

const HELP = `Usage: tsuzuri <command>

Commands:
  serve            serve the site (loads the demo exhibition into an empty database)
  migrate          apply database migrations and exit
  demo [--force]   load the demo exhibition (--force: also when the database is not empty)
  db copy --from <db> --to <db> [--replace]
                   copy everything between databases; <db> is a SQLite file or a
                   postgres://… URL (add ?schema=name for a schema); the target must be
                   empty unless --replace. Media files are not copied.
${USER_HELP}
${REINDEX_HELP}
${XLIFF_HELP}
${SHEET_HELP}
${EAD_HELP}
  help             show this help

Environment:
  PORT              port to listen on (default 3000)
  TSUZURI_DATA_DIR  where the SQLite file and media live (default ./data)
  DATABASE_URL      postgres://… to use PostgreSQL instead of SQLite
  TSUZURI_DEFAULT_LANG  language for readers whose browser asks for none we have (default en)
  TSUZURI_DEMO=0    do not load the demo exhibition into an empty database
`;

async function main(argv: string[]): Promise<number> {
  const [command = 'help', ...rest] = argv;
  const config = configFromEnv();
  switch (command) {
    case 'serve': {
      await startServer(config);
      return -1;
    }
    case 'migrate': {
      const { storage } = await openFromConfig(config);
      await storage.close();
      console.log('migrations applied');
      return 0;
    }
    case 'demo': {
      const { values } = parseArgs({ args: rest, options: { force: { type: 'boolean', default: false } } });
      const { storage, media } = await openFromConfig(config);
      try {
        if (!values.force && !(await storage.store.isEmpty())) {
          console.error('the database already holds content; use --force to load the demo over it');
          return 1;
        }
        await loadDemo(new ContentService(storage.store), media);
        await addDemoNameVariants(new SearchService(storage, { onError: () => undefined }));
        console.log('demo exhibition loaded');
        return 0;
      } finally {
        await storage.close();
      }
    }
    case 'db': {
      const [sub, ...args] = rest;
      if (sub !== 'copy') {
        console.error(`unknown db command "${sub ?? ''}"; try: tsuzuri db copy --from <db> --to <db>`);
        return 2;
      }
      const { values } = parseArgs({
        args,
        options: { from: { type: 'string' }, to: { type: 'string' }, replace: { type: 'boolean', default: false } },
      });
      if (!values.from || !values.to) {
        console.error('db copy needs --from and --to');
        return 2;
      }
      if (engineOf(values.from) === 'sqlite' && !existsSync(values.from)) {
        console.error(`no database file at ${values.from}`);
        return 1;
      }
      const from = await openStorage({ url: values.from });
      try {
        const to = await openStorage({ url: values.to });
        try {
          const report = await copyDatabase(from.db, to.db, { replace: values.replace });
          for (const [table, n] of Object.entries(report.rows)) console.log(`${table.padEnd(24)} ${n}`);
          console.log(`copied ${from.engine} → ${to.engine}`);
          // The search index is derived and engine-specific: it is rebuilt, never copied.
          await reindex(to);
          return 0;
        } finally {
          await to.close();
        }
      } catch (err) {
        if (err instanceof CopyError) {
          console.error(`copy failed, nothing written: ${err.message}`);
          return 1;
        }
        throw err;
      } finally {
        await from.close();
      }
    }
    case 'user': {
      const { storage } = await openFromConfig(config);
      try {
        return await userCommand(rest, storage);
      } finally {
        await storage.close();
      }
    }
    case 'reindex': {
      const { storage } = await openFromConfig(config);
      try {
        await reindex(storage);
        return 0;
      } finally {
        await storage.close();
      }
    }
    case 'import-iiif': {
      const { storage } = await openFromConfig(config);
      try {
        return await importIiif(rest, { storage });
      } finally {
        await storage.close();
      }
    }
    case 'xliff':
    case 'sheet':
    case 'ead': {
      const run = { xliff: xliffCommand, sheet: sheetCommand, ead: eadCommand }[command];
      const { storage } = await openFromConfig(config);
      try {
        return await run(rest, storage);
      } finally {
        await storage.close();
      }
    }
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return 0;
    default:
      console.error(`unknown command "${command}"\n\n${HELP}`);
      return 2;
  }
}

try {
  const code = await main(process.argv.slice(2));
  if (code >= 0) process.exitCode = code;
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(`configuration error: ${err.message}`);
    process.exitCode = 2;
  } else {
    throw err;
  }
}
