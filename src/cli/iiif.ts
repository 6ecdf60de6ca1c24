// `tsuzuri import-iiif`: makes a draft item from an archive's IIIF manifest (by URL or file).
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { MediaType } from '../domain/types.ts';
import { ContentService } from '../services/content.ts';
import { ImportError, importManifest, type ManifestSource } from '../services/iiif-import.ts';
import type { Storage } from '../storage/index.ts';

export const IMPORT_IIIF_HELP = `Usage: tsuzuri import-iiif <manifest URL or file> --institution <id> --id <item id> [options]

Makes an item from a IIIF Presentation 2.1 or 3.0 manifest. Its images stay on the archive's
own image server (nothing is copied); labels and metadata keep their languages. The item is
saved as a draft unless --publish is given. A refused import stores nothing.

Options:
  --institution <id>      holding institution (must exist)
  --id <item id>          id of the new item (lower-case letters, digits, hyphens)
  --reference-code <code> reference code in the institution's scheme (default: from the metadata)
  --rights <uri>          rights when the manifest gives none we accept (default: Copyright Undetermined)
  --type <type>           document or photograph, for image records (default: document)
  --publish               publish the item at once
  --allow-private         fetch from private or local addresses (TSUZURI_IIIF_ALLOW_PRIVATE=1 does the same)
`;

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const consoleIo: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) };

/** Runs the command; returns the process exit code. */
export async function importIiif(argv: string[], deps: { storage: Storage; env?: NodeJS.ProcessEnv; io?: CliIo }): Promise<number> {
  const io = deps.io ?? consoleIo;
  const env = deps.env ?? process.env;
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        institution: { type: 'string' },
        id: { type: 'string' },
        'reference-code': { type: 'string' },
        rights: { type: 'string' },
        type: { type: 'string' },
        publish: { type: 'boolean', default: false },
        'allow-private': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    io.err((err as Error).message);
    io.err(IMPORT_IIIF_HELP);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(IMPORT_IIIF_HELP);
    return 0;
  }
  const [from] = positionals;
  if (!from || !values.institution || !values.id || positionals.length > 1) {
    io.err(IMPORT_IIIF_HELP);
    return 2;
  }
  const type = values.type ?? 'document';
  if (!['document', 'photograph'].includes(type)) {
    io.err(`--type must be document or photograph, not "${type}"`);
    return 2;
  }
  const store = deps.storage.store;
  const institution = await store.getInstitution(values.institution);
  if (!institution) {
    io.err(`no institution "${values.institution}"`);
    return 1;
  }
  if (await store.getItem(values.id)) {
    io.err(`an item "${values.id}" already exists`);
    return 1;
  }
  const source: ManifestSource = /^[a-z][a-z0-9+.-]*:/i.test(from) && !/^[a-z]:[\\/]/i.test(from) ? { url: from } : { file: await readFile(from), name: from };
  try {
    const result = await importManifest(source, {
      itemId: values.id,
      institution,
      ...(values['reference-code'] !== undefined ? { referenceCode: values['reference-code'] || null } : {}),
      ...(values.rights ? { fallbackRights: values.rights } : {}),
      mediaType: type as MediaType,
      fetch: { allowPrivate: values['allow-private'] || env['TSUZURI_IIIF_ALLOW_PRIVATE'] === '1' },
    });
    const item = values.publish ? { ...result.item, state: 'published' as const } : result.item;
    if (item.referenceCode) {
      const same = (await store.getItems(await store.itemIdsByInstitution(institution.id, false))).find((i) => i.referenceCode === item.referenceCode);
      if (same) {
        io.err(`not imported: ${institution.id} already has item ${same.id} with reference code "${item.referenceCode}" (give another with --reference-code)`);
        return 1;
      }
    }
    await new ContentService(store).saveItem(item);
    io.out(`imported ${result.manifestId} (Presentation ${result.version}) as ${values.publish ? 'published' : 'draft'} item ${item.id} with ${item.media.length} media`);
    for (const n of result.notes) io.out(`  ${n}`);
    return 0;
  } catch (err) {
    if (err instanceof ImportError) {
      io.err(`not imported (${err.code}): ${err.message}`);
      return 1;
    }
    throw err;
  }
}
