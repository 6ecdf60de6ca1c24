// `tsuzuri reindex`: rebuilds the search index of a database from its content.
import { SearchService } from '../services/search.ts';
import type { Storage } from '../storage/index.ts';
import type { RebuildReport } from './indexer.ts';

export const REINDEX_HELP = `  reindex          rebuild the search index from the content (after a db copy, a restore,
                   or content written by other tools)`;

/** Rebuilds the index, printing progress and a summary through `log`. */
export async function reindex(storage: Storage, log: (line: string) => void = console.log): Promise<RebuildReport> {
  const search = new SearchService(storage, { onError: () => undefined });
  let last = 0;
  const report = await search.rebuild({
    onProgress: (done, total) => {
      const now = performance.now();
      if (now - last > 2000 || done === total) {
        last = now;
        log(`items ${done}/${total}`);
      }
    },
  });
  if (!report) throw new Error('the index could not be claimed for a rebuild');
  log(
    `search index rebuilt in ${(report.ms / 1000).toFixed(1)} s: ${report.items} items, ${report.chapters} chapters, ` +
      `${report.people} people, ${report.names} names; ${report.removed} stale documents removed`,
  );
  return report;
}
