// A database as a new user finds it before their first spreadsheet: the demo's institutions,
// people and places, and the exhibition with chapter V and its sections, but no items yet.
import { demo } from '../../content/demo/chapter-v.ts';
import { principalFrom, type Principal } from '../../src/domain/permissions.ts';
import { ContentService } from '../../src/services/content.ts';
import type { Storage } from '../../src/storage/index.ts';

export const ADMIN: Principal = principalFrom({ id: 'u-admin', name: 'Admin', isAdmin: true }, []);

/** A curator of every institution the template's rows are held by, and of the exhibition. */
export const CURATOR: Principal = principalFrom(
  { id: 'u-curator', name: 'Curator', isAdmin: false },
  ['mn-nca-av', 'mn-mfa-ca', 'mn-nca-hist', 'mn-nca-party', 'jp-mofa-da', 'jp-naj'].map((scope) => ({ role: 'curator' as const, scope })),
);

/** A curator of the Japanese diplomatic archives only. */
export const CURATOR_DA: Principal = principalFrom({ id: 'u-da', name: 'DA', isAdmin: false }, [{ role: 'curator', scope: 'jp-mofa-da' }, { role: 'curator', scope: 'jp-naj' }]);

export async function emptyChapter(storage: Storage): Promise<void> {
  await new ContentService(storage.store).batch(async (c) => {
    for (const [i, x] of demo.institutions.entries()) await c.saveInstitution(x, i);
    for (const x of demo.people) await c.savePerson(x);
    for (const x of demo.places) await c.savePlace(x);
    await c.saveExhibition({
      ...demo.exhibition,
      state: 'published',
      chapters: demo.exhibition.chapters.map((ch) => ({ ...ch, sections: ch.sections.map((s) => ({ ...s, itemIds: [] })) })),
    });
  });
}

/** Counts of everything an import may write, to show that a second import writes nothing. */
export async function footprint(storage: Storage): Promise<{ version: number; revisions: number; audit: number; items: number }> {
  const revisions = await storage.db.selectFrom('revisions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const audit = await storage.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return {
    version: await storage.store.contentVersion(),
    revisions: Number(revisions.n),
    audit: Number(audit.n),
    items: (await storage.store.listItemIds(false)).length,
  };
}

/** CSV text as Excel writes it for `delimiter`, CRLF line ends, fields quoted when needed. */
export function csvText(rows: readonly string[][], delimiter = ','): string {
  const q = (s: string) => (/["\r\n]/.test(s) || s.includes(delimiter) ? `"${s.replace(/"/g, '""')}"` : s);
  return rows.map((r) => r.map(q).join(delimiter)).join('\r\n') + '\r\n';
}

export function utf8Bom(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

export function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}
