// EAD import in the workspace: upload a finding aid → a dry run with a live status page → its
// report → confirm → the import as a job (live status, cancel) → the result. The upload is kept
// in a private temporary file between the dry run and the confirmation, so the import streams
// it from disk as the command line does.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyRequest } from 'fastify';
import { canAdminister, canCurateItem, type Principal } from '../../domain/permissions.ts';
import { importEad } from '../../import/ead/import.ts';
import { jobs, TooManyJobs, type Job } from '../../import/jobs.ts';
import { Conflict, Forbidden, NotFound } from '../../services/workflow.ts';
import { institutionName } from '../../views/context.ts';
import { renderEadHome, renderEadJob, type EadJobResult } from '../../views/admin/ead.tsx';
import type { AdminContext } from './context.ts';
import type { AdminFrame } from './plugin.ts';

interface MultipartValue {
  value?: unknown;
  filename?: string;
  toBuffer?: () => Promise<Buffer>;
}

/** An upload checked by a dry run, waiting for its owner to confirm it. */
interface PendingEad {
  ownerId: string;
  institutionId: string;
  path: string;
  filename: string;
  expires: number;
}

const PENDING_MS = 60 * 60 * 1000;
/** Where uploads wait for their confirmation: private to this process. */
export const UPLOAD_DIR = join(tmpdir(), `tsuzuri-ead-${process.pid}`);

export class PendingEadUploads {
  private readonly map = new Map<string, PendingEad>();

  /** Keeps `data` in a private file; forgets (and deletes) uploads whose hour has passed. */
  async add(p: Omit<PendingEad, 'expires' | 'path'>, data: Buffer): Promise<string> {
    const now = Date.now();
    for (const [k, v] of this.map) {
      if (v.expires < now) {
        this.map.delete(k);
        await rm(v.path, { force: true });
      }
    }
    await mkdir(UPLOAD_DIR, { recursive: true, mode: 0o700 });
    const token = randomBytes(18).toString('base64url');
    const path = join(UPLOAD_DIR, `${token}.xml`);
    await writeFile(path, data, { mode: 0o600 });
    this.map.set(token, { ...p, path, expires: now + PENDING_MS });
    return token;
  }

  get(token: string, ownerId: string): PendingEad | null {
    const p = this.map.get(token);
    return p && p.ownerId === ownerId && p.expires >= Date.now() ? p : null;
  }

  /** Takes the upload out (it is imported once); the caller deletes the file when done. */
  take(token: string, ownerId: string): PendingEad | null {
    const p = this.get(token, ownerId);
    if (p) this.map.delete(token);
    return p;
  }

  async drop(token: string): Promise<void> {
    const p = this.map.get(token);
    this.map.delete(token);
    if (p) await rm(p.path, { force: true });
  }

  /** Files of this process left from uploads nobody will confirm. */
  async sweep(): Promise<void> {
    const kept = new Set([...this.map.values()].map((p) => p.path));
    for (const name of await readdir(UPLOAD_DIR).catch(() => [] as string[])) {
      const path = join(UPLOAD_DIR, name);
      if (!kept.has(path) && Date.now() - (await stat(path)).mtimeMs > PENDING_MS) await rm(path, { force: true });
    }
  }
}

export const pendingEad = new PendingEadUploads();

function jobOf(req: FastifyRequest, ctx: AdminContext): Job {
  const p = ctx.me(req);
  const { id } = req.params as { id: string };
  const job = jobs.get(id);
  // Someone else's job is as good as none: its existence is not disclosed.
  if (!job || !job.kind.startsWith('ead-') || (job.ownerId !== p.userId && !canAdminister(p))) throw new NotFound('no such import');
  return job;
}

function requireCurator(p: Principal): void {
  if (!p.isAdmin && p.curatorOf.length === 0) throw new Forbidden('only curators import finding aids');
}

export function registerEadRoutes(f: AdminFrame, ctx: AdminContext): void {
  const { storage, site } = ctx.deps;

  const curated = async (p: Principal) => {
    const all = await site.institutionMap();
    return p.isAdmin ? all : new Map([...all].filter(([id]) => p.curatorOf.includes(id)));
  };

  /** Starts the dry run or the import of a kept upload as a job of `p`. */
  const start = (p: Principal, pending: PendingEad, token: string, dryRun: boolean, address: string): Job => {
    return jobs.start(dryRun ? 'ead-dry-run' : 'ead-import', p.userId, async (signal, report): Promise<EadJobResult> => {
      const size = (await stat(pending.path)).size;
      try {
        const result = await importEad(storage, createReadStream(pending.path), {
          institutionId: pending.institutionId,
          principal: p,
          signal,
          dryRun,
          totalBytes: size,
          onProgress: (pr) => report({ done: pr.bytesRead, total: size, phase: dryRun ? 'check' : 'apply' }),
          onChange: ctx.deps.notifyContentChange,
          address,
        });
        return { report: result, token: dryRun ? token : null, institutionId: pending.institutionId, filename: pending.filename };
      } catch (err) {
        // A refused or cancelled file is not kept for a confirmation that cannot come.
        if (dryRun) await pendingEad.drop(token);
        throw err;
      } finally {
        if (!dryRun) await rm(pending.path, { force: true });
      }
    });
  };

  f.route({ method: 'GET', url: '/admin/ead', access: 'workspace' }, async (req, reply) => {
    const p = ctx.me(req);
    requireCurator(p);
    return ctx.html(reply, renderEadHome(ctx.view(req), { institutions: await curated(p), institution: p.curatorOf[0] ?? '', errors: [] }));
  });

  f.route({ method: 'POST', url: '/admin/ead', access: 'workspace' }, async (req, reply) => {
    const p = ctx.me(req);
    const body = (req.body ?? {}) as Record<string, MultipartValue | undefined>;
    const institution = String(body['institution']?.value ?? '').trim();
    if (!canCurateItem(p, institution)) throw new Forbidden(`you do not curate records of ${institution || 'that archive'}`);
    const t = ctx.view(req).ctx.t;
    const file = body['file'];
    const errors: { where: string; why: string }[] = [];
    if (!(await storage.store.getInstitution(institution))) errors.push({ where: 'institution', why: t('ead.error.institution') });
    if (!file || typeof file.toBuffer !== 'function' || !file.filename) errors.push({ where: 'file', why: t('ead.error.file') });
    if (errors.length || !file?.toBuffer) {
      return ctx.html(reply, renderEadHome(ctx.view(req), { institutions: await curated(p), institution, errors }), 422);
    }
    await pendingEad.sweep();
    const filename = file.filename ?? 'ead.xml';
    const token = await pendingEad.add({ ownerId: p.userId, institutionId: institution, filename }, await file.toBuffer());
    const pending = pendingEad.get(token, p.userId);
    if (!pending) throw new Conflict('the upload could not be kept');
    let job: Job;
    try {
      job = start(p, pending, token, true, req.ip);
    } catch (err) {
      await pendingEad.drop(token);
      if (err instanceof TooManyJobs) throw new Conflict(err.message);
      throw err;
    }
    return reply.redirect(`/admin/ead/jobs/${job.id}`, 303);
  });

  f.route({ method: 'GET', url: '/admin/ead/jobs/:id', access: 'workspace' }, async (req, reply) => {
    const job = jobOf(req, ctx);
    const v = ctx.view(req);
    const result = job.result as EadJobResult | null;
    const all = await site.institutionMap();
    const inst = result ? all.get(result.institutionId) : undefined;
    return ctx.html(reply, renderEadJob(v, job, inst ? institutionName(v.ctx, inst, all) : (result?.institutionId ?? '')));
  });

  f.route({ method: 'POST', url: '/admin/ead/jobs/:id/cancel', access: 'workspace' }, async (req, reply) => {
    const job = jobOf(req, ctx);
    jobs.cancel(job.id);
    await jobs.settled(job.id);
    return reply.redirect(`/admin/ead/jobs/${job.id}`, 303);
  });

  f.route({ method: 'POST', url: '/admin/ead/jobs/:id/confirm', access: 'workspace' }, async (req, reply) => {
    const p = ctx.me(req);
    const dry = jobOf(req, ctx);
    const token = String((req.body as Record<string, unknown> | undefined)?.['token'] ?? '');
    const result = dry.result as EadJobResult | null;
    if (dry.kind !== 'ead-dry-run' || dry.state !== 'done' || !result || result.token !== token) throw new Conflict(ctx.view(req).ctx.t('ead.error.expired'));
    const held = pendingEad.get(token, dry.ownerId);
    if (!held) throw new Conflict(ctx.view(req).ctx.t('ead.error.expired'));
    // The institution is checked again: roles may have changed since the dry run.
    if (!canCurateItem(p, held.institutionId)) throw new Forbidden(`you do not curate records of ${held.institutionId}`);
    const pending = pendingEad.take(token, dry.ownerId);
    if (!pending) throw new Conflict(ctx.view(req).ctx.t('ead.error.expired'));
    result.token = null;
    let job: Job;
    try {
      job = start(p, pending, token, false, req.ip);
    } catch (err) {
      await rm(pending.path, { force: true });
      if (err instanceof TooManyJobs) throw new Conflict(err.message);
      throw err;
    }
    return reply.redirect(`/admin/ead/jobs/${job.id}`, 303);
  });
}
