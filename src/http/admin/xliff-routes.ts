// Translation files in the workspace: export a language as XLIFF, upload a translated file,
// read the per-unit report, then confirm with the same file to save the drafts.
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../../domain/permissions.ts';
import { Forbidden } from '../../services/workflow.ts';
import { problemText, refusalText, XliffScopeError, XliffService } from '../../services/xliff.ts';
import { workingExhibition } from '../../services/translation.ts';
import { plain } from '../../views/context.ts';
import { renderXliff, type XliffPageModel } from '../../views/admin/xliff.tsx';
import { XliffRefused } from '../../xliff/read.ts';
import { XliffWriteError } from '../../xliff/write.ts';
import type { AdminContext } from './context.ts';
import type { AdminFrame } from './plugin.ts';

/** A field of a multipart form as @fastify/multipart attaches it to the body. */
interface MultipartValue {
  value?: unknown;
  filename?: string;
  toBuffer?: () => Promise<Buffer>;
}

/** Anyone who may write some text: administrators, curators, translators. */
function mayImport(p: Principal): boolean {
  return p.isAdmin || p.curatorOf.length > 0 || p.translatorOf.length > 0;
}

export function registerXliffRoutes(f: AdminFrame, ctx: AdminContext): void {
  const { deps, view, html, me } = ctx;
  const { storage, state } = deps;
  const service = () => new XliffService(storage, deps.notifyContentChange);

  const page = async (req: FastifyRequest, over: Partial<XliffPageModel> = {}): Promise<string> => {
    const p = me(req);
    const v = view(req);
    const exhibitions: XliffPageModel['exhibitions'] = [];
    const sources = new Set<string>();
    for (const id of await storage.store.listExhibitionIds(false)) {
      const ex = await workingExhibition(storage, id);
      if (!ex) continue;
      sources.add(ex.sourceLang);
      exhibitions.push({ id: ex.id, title: plain(v.ctx, ex.title, ex.id), chapters: ex.chapters.map((c) => ({ id: c.id, title: plain(v.ctx, c.title, c.id) })) });
    }
    // A language every exhibition is written in has nothing to be translated into it.
    const languages = state.languages.filter((l) => !(sources.size === 1 && sources.has(l.tag))).map((l) => ({ tag: l.tag, name: l.name }));
    const importLangs = mayImport(p) ? languages.filter((l) => p.isAdmin || p.curatorOf.length > 0 || p.translatorOf.includes(l.tag)) : [];
    const q = req.query as Record<string, string | undefined>;
    return renderXliff(v, {
      exhibitions,
      languages,
      values: {
        exhibition: q['exhibition'] ?? exhibitions[0]?.id ?? '',
        lang: q['lang'] ?? p.translatorOf[0] ?? '',
        chapter: q['chapter'] ?? '',
        items: q['items'] ?? '',
        version: q['version'] ?? '2.0',
      },
      exportErrors: [],
      importErrors: [],
      importLangs,
      ...over,
    });
  };

  f.route({ method: 'GET', url: '/admin/xliff', access: 'workspace' }, async (req, reply) => html(reply, await page(req)));

  f.route({ method: 'GET', url: '/admin/xliff/export', access: 'workspace' }, async (req, reply) => {
    me(req);
    const q = req.query as Record<string, string | undefined>;
    const items = (q['items'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const version = q['version'] === '1.2' ? '1.2' : '2.0';
    try {
      const result = await service().export({
        exhibitionId: q['exhibition'] ?? '',
        lang: q['lang'] ?? '',
        version,
        ...(q['chapter'] ? { chapterId: q['chapter'] } : {}),
        ...(items.length ? { itemIds: items } : {}),
      });
      return reply
        .header('content-disposition', `attachment; filename="${result.filename}"`)
        .type('application/xliff+xml; charset=utf-8')
        .send(result.xml);
    } catch (err) {
      const t = view(req).ctx.t;
      if (err instanceof XliffScopeError) return html(reply, await page(req, { exportErrors: [{ where: 'export', why: problemText(t, err.problem) }] }), 422);
      if (err instanceof XliffWriteError) return html(reply, await page(req, { exportErrors: [{ where: 'export', why: err.message }] }), 422);
      throw err;
    }
  });

  f.route({ method: 'POST', url: '/admin/xliff/import', access: 'workspace' }, async (req, reply) => {
    const p = me(req);
    if (!mayImport(p)) throw new Forbidden('only translators, curators and administrators import translations');
    const t = view(req).ctx.t;
    const body = (req.body ?? {}) as Record<string, MultipartValue | undefined>;
    const field = (k: string) => String(body[k]?.value ?? '').trim();
    const file = body['file'];
    if (!file || typeof file.toBuffer !== 'function' || !file.filename) {
      return html(reply, await page(req, { importErrors: [{ where: 'file', why: t('xliff.import.noFile') }] }), 422);
    }
    const bytes = await file.toBuffer();
    const name = file.filename.slice(0, 200);
    const hash = createHash('sha256').update(bytes).digest('hex');
    const lang = field('lang');
    const confirm = field('confirm');
    // The confirm step must bring the very file that was checked; anything else is checked anew.
    const apply = confirm !== '' && confirm === hash;
    try {
      const report = await service().import(bytes, {
        user: p,
        ...(lang ? { lang } : {}),
        dryRun: !apply,
        applyValid: apply && field('applyValid') === '1',
        address: req.ip,
      });
      return html(reply, await page(req, { check: { file: name, hash, lang, report, ...(confirm !== '' && !apply ? { otherFile: true } : {}) } }));
    } catch (err) {
      if (err instanceof XliffRefused) return html(reply, await page(req, { importErrors: [{ where: name, why: t('xliff.import.refused', { why: refusalText(t, err) }) }] }), 422);
      throw err;
    }
  });
}
