// Spreadsheet import and export in the workspace: upload → dry-run report → confirm → a job
// with a live status page and a cancel button → result; and downloads of CSV or XLSX.
import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { canAdminister, canReadDrafts } from '../../domain/permissions.ts';
import { jobs, TooManyJobs, type Job } from '../../import/jobs.ts';
import { exportRows, ExportError, toCsv, toXlsx } from '../../import/sheet/export.ts';
import { issue, SheetError, type Issue } from '../../import/sheet/issues.ts';
import { applyImport, planImport, PlanHasErrors, PublishRefused, type ImportPlan } from '../../import/sheet/plan.ts';
import { readTable, type Table } from '../../import/sheet/read.ts';
import { Conflict, Forbidden, NotFound } from '../../services/workflow.ts';
import { plain } from '../../views/context.ts';
import { PROGRESS_SCRIPT, renderSheetHome, renderSheetJob, renderSheetReport } from '../../views/admin/sheet.tsx';
import type { AdminContext } from './context.ts';
import type { AdminFrame } from './plugin.ts';

/** A checked upload waiting for its owner to confirm it. Kept in this process, like jobs. */
interface PendingImport {
  ownerId: string;
  table: Table;
  publish: boolean;
  filename: string;
  expires: number;
}

const PENDING_MS = 30 * 60 * 1000;
// A checked file is held parsed in memory (up to the reader's limits): few are kept.
const PENDING_MAX = 20;
const PENDING_PER_OWNER = 2;

export class PendingImports {
  private readonly map = new Map<string, PendingImport>();

  add(p: Omit<PendingImport, 'expires'>): string {
    const now = Date.now();
    for (const [k, v] of this.map) if (v.expires < now) this.map.delete(k);
    // Oldest first out when full: a forgotten check costs a re-upload, never a wrong import.
    const mine = [...this.map].filter(([, v]) => v.ownerId === p.ownerId);
    for (const [k] of mine.slice(0, Math.max(0, mine.length - PENDING_PER_OWNER + 1))) this.map.delete(k);
    while (this.map.size >= PENDING_MAX) this.map.delete(this.map.keys().next().value as string);
    const token = randomBytes(18).toString('base64url');
    this.map.set(token, { ...p, expires: now + PENDING_MS });
    return token;
  }

  /** Takes the pending import out (it is confirmed once), if it is the owner's and fresh. */
  take(token: string, ownerId: string): PendingImport | null {
    const p = this.map.get(token);
    if (!p || p.ownerId !== ownerId || p.expires < Date.now()) return null;
    this.map.delete(token);
    return p;
  }
}

export const pendingImports = new PendingImports();

interface MultipartValue {
  value?: unknown;
  filename?: string;
  toBuffer?: () => Promise<Buffer>;
}

function jobOf(req: FastifyRequest, ctx: AdminContext): Job {
  const p = ctx.me(req);
  const { id } = req.params as { id: string };
  const job = jobs.get(id);
  // Someone else's job is as good as none: its existence is not disclosed.
  if (!job || !job.kind.startsWith('sheet-') || (job.ownerId !== p.userId && !canAdminister(p))) throw new NotFound('no such import');
  return job;
}

export function registerSheetRoutes(f: AdminFrame, ctx: AdminContext): void {
  const { storage } = ctx.deps;

  const home = async (req: FastifyRequest, issues: Issue[]) => {
    const v = ctx.view(req);
    const exhibitions = [];
    for (const id of await storage.store.listExhibitionIds(false)) {
      const ex = (await ctx.workflow.exhibition(id))?.current;
      if (!ex) continue;
      exhibitions.push({ id, title: plain(v.ctx, ex.title, id), chapters: ex.chapters.map((c) => ({ id: c.id, title: plain(v.ctx, c.title, c.id) })) });
    }
    return renderSheetHome(v, { exhibitions, canPublish: canAdminister(ctx.me(req)), issues });
  };

  f.route({ method: 'GET', url: '/admin/sheet', access: 'workspace' }, async (req, reply) => ctx.html(reply, await home(req, [])));

  f.route({ method: 'POST', url: '/admin/sheet/check', access: 'workspace' }, async (req, reply) => {
    const p = ctx.me(req);
    const body = (req.body ?? {}) as Record<string, MultipartValue | undefined>;
    const file = body['file'];
    const sheet = String(body['sheet']?.value ?? '').trim();
    const publish = body['publish']?.value === '1';
    if (!file || typeof file.toBuffer !== 'function' || !file.filename) return ctx.html(reply, await home(req, [issue('empty')]), 422);
    if (publish && !canAdminister(p)) throw new Forbidden(new PublishRefused().message);
    let table: Table;
    let plan: ImportPlan;
    try {
      table = await readTable(await file.toBuffer(), sheet ? { sheet } : {});
      plan = await planImport(storage, p, table, { publish });
    } catch (err) {
      if (err instanceof SheetError) return ctx.html(reply, await home(req, err.issues), 422);
      throw err;
    }
    const changes = plan.writes.items.length + plan.writes.exhibitions.length;
    const token = plan.counts.error === 0 && changes > 0 ? pendingImports.add({ ownerId: p.userId, table, publish, filename: file.filename }) : null;
    // The check itself succeeded even when rows have errors: the report is the answer.
    return ctx.html(reply, renderSheetReport(ctx.view(req), { plan, filename: file.filename, format: table.format, token }));
  });

  f.route({ method: 'POST', url: '/admin/sheet/apply', access: 'workspace' }, async (req, reply) => {
    const p = ctx.me(req);
    const token = String((req.body as Record<string, unknown> | undefined)?.['token'] ?? '');
    const pending = pendingImports.take(token, p.userId);
    if (!pending) throw new Conflict(ctx.view(req).ctx.t('sheet.report.expired'));
    let job: Job;
    try {
      job = jobs.start('sheet-import', p.userId, (signal, report) =>
        // Rows are checked again inside the transaction: what lands is what is valid now.
        applyImport(storage, p, pending.table, { publish: pending.publish, signal, report, notify: ctx.deps.notifyContentChange, address: req.ip }).catch((err: unknown) => {
          if (err instanceof PlanHasErrors) return err.plan;
          throw err;
        }),
      );
    } catch (err) {
      if (err instanceof TooManyJobs) throw new Conflict(err.message);
      throw err;
    }
    return reply.redirect(`/admin/sheet/jobs/${job.id}`, 303);
  });

  f.route({ method: 'GET', url: '/admin/sheet/jobs/:id', access: 'workspace' }, async (req, reply) => {
    const job = jobOf(req, ctx);
    return ctx.html(reply, renderSheetJob(ctx.view(req), job));
  });

  f.route({ method: 'GET', url: '/admin/sheet/jobs/:id/status', access: 'workspace' }, async (req, reply) => {
    const job = jobOf(req, ctx);
    const t = ctx.view(req).ctx.t;
    const phase = ['start', 'check', 'apply'].includes(job.progress.phase) ? job.progress.phase : 'start';
    const text = t('sheet.job.running', { phase: t(`sheet.job.phase.${phase}`), done: job.progress.done, total: job.progress.total });
    return reply.type('application/json; charset=utf-8').send({ id: job.id, state: job.state, progress: job.progress, text, error: job.error });
  });

  f.route({ method: 'POST', url: '/admin/sheet/jobs/:id/cancel', access: 'workspace' }, async (req, reply) => {
    const job = jobOf(req, ctx);
    jobs.cancel(job.id);
    await jobs.settled(job.id);
    return reply.redirect(`/admin/sheet/jobs/${job.id}`, 303);
  });

  f.route({ method: 'GET', url: '/admin/sheet/export', access: 'workspace' }, async (req, reply) => {
    const p = ctx.me(req);
    if (!canReadDrafts(p)) throw new Forbidden('you may not read drafts');
    const q = req.query as Record<string, string | undefined>;
    const exhibitionId = q['exhibition'] ?? '';
    const format = q['format'] === 'csv' ? 'csv' : 'xlsx';
    let rows: string[][];
    try {
      rows = await exportRows(storage, { exhibitionId, ...(q['chapter'] ? { chapterId: q['chapter'] } : {}) });
    } catch (err) {
      if (err instanceof ExportError) throw new NotFound(err.message);
      throw err;
    }
    const name = `${exhibitionId}${q['chapter'] ? `-${q['chapter']}` : ''}.${format}`.replace(/[^a-z0-9.-]/g, '');
    return reply
      .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(format === 'csv' ? toCsv(rows) : await toXlsx(rows));
  });

  f.route({ method: 'GET', url: '/admin/sheet/progress.js', access: 'workspace' }, async (_req, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'private, max-age=3600').send(PROGRESS_SCRIPT),
  );
}
