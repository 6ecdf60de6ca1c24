// Long-running imports and exports as jobs: progress that a page or a terminal can show, and a
// cancel that reaches the work through an AbortSignal.
//
// A job lives in the process that runs it. The registry is in memory: with several app servers
// behind a load balancer, a status or cancel request must reach the process that started the job
// (sticky sessions), or it answers "no such job". Jobs do not survive a restart; work that was
// running is lost whole, because every importer commits in one transaction at its very end.
//
// Cancelling aborts the signal; the job's function is expected to check it (between rows, before
// it commits) and throw, so its transaction rolls back and nothing is left half-written.
import { randomBytes } from 'node:crypto';

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobProgress {
  done: number;
  total: number;
  /** What the job is doing now, e.g. "read", "check", "apply". */
  phase: string;
}

export interface Job<R = unknown> {
  id: string;
  /** What kind of work, e.g. "sheet-import", "ead-import", "sheet-export". */
  kind: string;
  /** The user who started it: only they (or an administrator) see and cancel it. */
  ownerId: string;
  state: JobState;
  progress: JobProgress;
  result: R | null;
  /** The error message of a failed job. */
  error: string | null;
  startedAt: Date;
  endedAt: Date | null;
}

export type ReportProgress = (progress: Partial<JobProgress>) => void;

export type JobRun<R> = (signal: AbortSignal, report: ReportProgress) => Promise<R>;

/** Thrown (or used as an abort reason) when a job was cancelled. */
export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** Throws JobCancelled when `signal` has been aborted: call it between units of work. */
export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new JobCancelled();
}

export interface JobRegistryOptions {
  /** Finished jobs kept for status pages; the oldest are forgotten first. */
  history?: number;
  /** Jobs running at once per owner; more are refused. */
  perOwner?: number;
}

export class TooManyJobs extends Error {}

export class JobRegistry {
  private readonly jobs = new Map<string, { job: Job; controller: AbortController; settled: Promise<void> }>();
  private readonly history: number;
  private readonly perOwner: number;

  constructor(options: JobRegistryOptions = {}) {
    this.history = options.history ?? 50;
    this.perOwner = options.perOwner ?? 2;
  }

  /** Starts `run` at once and returns the job; its state changes as the work goes on. */
  start<R>(kind: string, ownerId: string, run: JobRun<R>): Job<R> {
    const running = [...this.jobs.values()].filter((e) => e.job.ownerId === ownerId && e.job.state === 'running').length;
    if (running >= this.perOwner) throw new TooManyJobs(`${running} jobs are already running for this user; wait for one to end or cancel it`);
    const controller = new AbortController();
    const job: Job<R> = {
      id: randomBytes(9).toString('base64url'),
      kind,
      ownerId,
      state: 'running',
      progress: { done: 0, total: 0, phase: 'start' },
      result: null,
      error: null,
      startedAt: new Date(),
      endedAt: null,
    };
    const report: ReportProgress = (p) => {
      if (job.state === 'running') job.progress = { ...job.progress, ...p };
    };
    const settled = (async () => {
      // Let the caller see the job as running (and render its page) before any work happens.
      await Promise.resolve();
      try {
        throwIfCancelled(controller.signal);
        // A job that finished before it noticed a late cancel has committed: it is done.
        job.result = await run(controller.signal, report);
        job.state = 'done';
      } catch (err) {
        if (controller.signal.aborted || err instanceof JobCancelled) job.state = 'cancelled';
        else {
          job.state = 'failed';
          job.error = err instanceof Error ? err.message : String(err);
        }
      } finally {
        job.endedAt = new Date();
        this.prune();
      }
    })();
    this.jobs.set(job.id, { job: job as Job, controller, settled });
    return job;
  }

  get(id: string): Job | null {
    return this.jobs.get(id)?.job ?? null;
  }

  /** Asks a running job to stop; true when it was running. The state turns to `cancelled` once it has rolled back. */
  cancel(id: string): boolean {
    const entry = this.jobs.get(id);
    if (!entry || entry.job.state !== 'running') return false;
    entry.controller.abort(new JobCancelled());
    return true;
  }

  /** Resolves when the job has ended (any state); immediately for an unknown id. */
  async settled(id: string): Promise<Job | null> {
    const entry = this.jobs.get(id);
    if (!entry) return null;
    await entry.settled;
    return entry.job;
  }

  /** Jobs of one owner (all jobs when null), newest first. */
  list(ownerId: string | null = null): Job[] {
    // The map keeps the order jobs were started in.
    return [...this.jobs.values()]
      .map((e) => e.job)
      .filter((j) => ownerId === null || j.ownerId === ownerId)
      .reverse();
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((e) => e.job.state !== 'running');
    for (const e of finished.slice(0, Math.max(0, finished.length - this.history))) this.jobs.delete(e.job.id);
  }
}

/** The registry of this process, shared by the workspace's import and export pages. */
export const jobs = new JobRegistry();
