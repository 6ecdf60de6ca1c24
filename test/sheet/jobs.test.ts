// The in-process job registry shared by the importers: states, progress, cancel, limits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JobCancelled, JobRegistry, throwIfCancelled, TooManyJobs } from '../../src/import/jobs.ts';

const untilAborted = (signal: AbortSignal) => new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new JobCancelled())));

describe('job registry', () => {
  it('runs a job to its result, with progress reported on the way', async () => {
    const registry = new JobRegistry();
    const seen: string[] = [];
    const job = registry.start('sheet-import', 'u1', async (_signal, report) => {
      report({ phase: 'check', total: 2 });
      report({ done: 1 });
      seen.push(`${job.progress.phase} ${job.progress.done}/${job.progress.total}`);
      return 'ok';
    });
    assert.equal(job.state, 'running');
    assert.equal(registry.get(job.id), job);
    await registry.settled(job.id);
    assert.deepEqual([job.state, job.result, job.error], ['done', 'ok', null]);
    assert.deepEqual(seen, ['check 1/2']);
    assert.ok(job.endedAt);
  });

  it('records a failure with its message, and a cancel as cancelled', async () => {
    const registry = new JobRegistry();
    const failing = registry.start('x', 'u1', () => Promise.reject(new Error('disk on fire')));
    await registry.settled(failing.id);
    assert.deepEqual([failing.state, failing.error], ['failed', 'disk on fire']);

    const long = registry.start('x', 'u1', (signal) => untilAborted(signal));
    assert.equal(registry.cancel(long.id), true);
    await registry.settled(long.id);
    assert.equal(long.state, 'cancelled');
    assert.equal(registry.cancel(long.id), false, 'an ended job cannot be cancelled');

    // A job that checks between steps stops at the next check.
    let steps = 0;
    const stepping = registry.start('x', 'u1', async (signal) => {
      for (;;) {
        throwIfCancelled(signal);
        steps++;
        if (steps === 3) registry.cancel(stepping.id);
        await new Promise((r) => setImmediate(r));
      }
    });
    await registry.settled(stepping.id);
    assert.equal(stepping.state, 'cancelled');
    assert.equal(steps, 3);
  });

  it('limits running jobs per owner and forgets the oldest finished ones', async () => {
    const registry = new JobRegistry({ perOwner: 2, history: 3 });
    const a = registry.start('x', 'u1', (s) => untilAborted(s));
    registry.start('x', 'u1', (s) => untilAborted(s));
    assert.throws(() => registry.start('x', 'u1', (s) => untilAborted(s)), TooManyJobs);
    const other = registry.start('x', 'u2', () => Promise.resolve(1));
    await registry.settled(other.id);
    for (const j of registry.list('u1')) registry.cancel(j.id);
    await registry.settled(a.id);
    const finished = [];
    for (let i = 0; i < 5; i++) {
      const j = registry.start('x', 'u3', () => Promise.resolve(i));
      await registry.settled(j.id);
      finished.push(j.id);
    }
    assert.equal(registry.list().length, 3);
    assert.deepEqual(
      registry.list().map((j) => j.id),
      finished.slice(2).reverse(),
    );
    assert.equal(registry.get(a.id), null);
  });
});
