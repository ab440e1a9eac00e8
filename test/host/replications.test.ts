import { describe, expect, it } from 'vitest';
import { runBatch } from '../../src/host/replications';
import { createSimHost } from '../../src/host/loop';
import { SimWorkerPool, type SpawnWorker } from '../../src/host/pool';
import type { RunProgress } from '../../src/shared/protocol';
import { fakeSimulator, realTimers, scriptedSpawn } from './fakes';

/** Workers that run the real loop with the fake simulator, answering asynchronously like a thread would. */
const loopSpawn: SpawnWorker = (events) => {
  const host = createSimHost({ simulator: fakeSimulator().simulator, post: (m) => setTimeout(() => events.message(m), 0) });
  return { post: (m) => void setTimeout(() => void host.receive(m), 0), terminate: () => {} };
};

describe('batch runs', () => {
  it('runs replications with successive replication numbers and combines them', async () => {
    const pool = new SimWorkerPool({ size: 2, spawn: loopSpawn, timers: realTimers });
    const progress: RunProgress[] = [];
    let clock = 1000;
    const outcome = await runBatch(pool, { jobId: 'j', scenario: { name: 'a' }, seed: 10, replications: 3 }, (p) => progress.push(p), () => (clock += 5));
    // seeds 10 + replication 0, 1, 2 -> offered 110, 111, 112
    expect(outcome).toMatchObject({ ok: true, results: { calls: { offered: 111 } }, replications: 3, wallMs: 5 });
    expect(outcome.ok && outcome.results.meta.replications).toBe(3);
    expect(progress.at(-1), 'ends at the whole batch').toEqual({ jobId: 'j', fraction: 1, replicationsDone: 3, replications: 3 });
    const fractions = progress.map((p) => p.fraction);
    expect(fractions, 'never goes backwards').toEqual([...fractions].sort((a, b) => a - b));
    pool.close();
  });

  it('returns the single result as is for one replication (no combine call)', async () => {
    const { spawn, workers } = scriptedSpawn();
    const pool = new SimWorkerPool({ size: 1, spawn, timers: realTimers });
    const outcome = runBatch(pool, { jobId: 'j', scenario: { name: 'a' } });
    await new Promise((r) => setTimeout(r, 0));
    workers[0]!.replyRun(42);
    const result = await outcome;
    expect(result.ok && result.results.calls.offered).toBe(42);
    expect(workers[0]!.received.map((m) => m.type === 'call' && m.call), 'only one run call').toEqual(['run']);
    pool.close();
  });

  it('reports an invalid scenario once, as a value', async () => {
    const pool = new SimWorkerPool({ size: 2, spawn: loopSpawn, timers: realTimers });
    const outcome = await runBatch(pool, { jobId: 'j', scenario: { nom: 'x' }, replications: 4 });
    expect(outcome).toEqual({ ok: false, error: { kind: 'invalid-scenario', errors: [{ path: 'name', message: 'expected a string' }] } });
    pool.close();
  });

  it('a crash in one replication fails the batch with worker-crashed and cancels the rest', async () => {
    const { spawn, workers } = scriptedSpawn({ withSignal: true });
    const pool = new SimWorkerPool({ size: 2, spawn, timers: realTimers });
    const outcome = runBatch(pool, { jobId: 'j', scenario: { name: 'a' }, replications: 3 });
    await new Promise((r) => setTimeout(r, 0));
    workers[0]!.crash('out of memory');
    await new Promise((r) => setTimeout(r, 0));
    // The crashed worker's place went to the third replication at once; both siblings are cancelled.
    expect(workers.map((w) => w.signalled.length), 'the sibling replications were cancelled').toEqual([0, 1, 1]);
    for (const w of workers.slice(1)) w.send({ type: 'reply', id: w.currentId, call: 'run', ok: false, error: { kind: 'cancelled' } });
    expect(await outcome).toEqual({ ok: false, error: { kind: 'worker-crashed', message: 'out of memory' } });
    pool.close();
  });

  it('cancelling the job ends the batch as cancelled', async () => {
    const pool = new SimWorkerPool({ size: 1, spawn: loopSpawn, timers: realTimers });
    const outcome = runBatch(pool, { jobId: 'stop-me', scenario: { name: 'a', steps: 3 }, replications: 5 });
    pool.cancel('stop-me');
    expect(await outcome).toEqual({ ok: false, error: { kind: 'cancelled' } });
    pool.close();
  });
});
