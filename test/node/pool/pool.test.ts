import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SIM_WORKER_LIMITS, createNodeSimPool, runBatch, type SimWorkerPool } from '../../../src/node/pool';

const fakeEntry = path.join(__dirname, 'fixtures', 'fake-sim-worker.ts');
const pools: SimWorkerPool[] = [];
const pool = (options: Partial<Parameters<typeof createNodeSimPool>[0]> = {}) => {
  const p = createNodeSimPool({ entry: fakeEntry, size: 2, ...options });
  pools.push(p);
  return p;
};

afterEach(() => {
  for (const p of pools.splice(0)) p.close();
});

describe('Node sim worker pool (worker_threads)', () => {
  it('starts a TypeScript worker entry and passes it its options', async () => {
    const result = await pool({ options: { dataDir: '/x' } }).call('version', {});
    expect(result).toEqual({ ok: true, value: { sim: 'fake-1 options={"dataDir":"/x"}' } });
  });

  it('runs a batch over two worker threads and combines it', async () => {
    const p = pool();
    const outcome = await runBatch(p, { jobId: 'b', scenario: { name: 'a', steps: 3 }, seed: 1, replications: 4 });
    expect(outcome.ok && outcome.results.calls.offered, 'mean of 101..104').toBe(102.5);
    expect(p.started, 'both workers used').toBe(2);
  });

  it('cancels a run that is blocking its thread, through the cancel port', async () => {
    const p = pool({ size: 1, hardCancelMs: 60_000 });
    const progress: number[] = [];
    const running = p.call('run', { scenario: { name: 'slow', steps: 400, stepMs: 5 }, replication: 0 }, { group: 'g', onProgress: (f) => progress.push(f) });
    while (progress.length === 0) await new Promise((r) => setTimeout(r, 10));
    p.cancel('g');
    expect(await running).toEqual({ ok: false, error: { kind: 'cancelled' } });
    expect(progress.at(-1)!, 'stopped well before the end').toBeLessThan(0.9);
    const after = await p.call('version', {});
    expect(after.ok, 'the same worker serves the next call').toBe(true);
    expect(p.started).toBe(1);
  });

  it('terminates a run that ignores cancel after hardCancelMs and carries on with a new worker', async () => {
    const p = pool({ size: 1, hardCancelMs: 100 });
    const progress: number[] = [];
    const running = p.call('run', { scenario: { name: 'deaf', steps: 1000, stepMs: 10, ignoreCancel: true }, replication: 0 }, { group: 'g', onProgress: (f) => progress.push(f) });
    while (progress.length === 0) await new Promise((r) => setTimeout(r, 10));
    p.cancel('g');
    expect(await running).toEqual({ ok: false, error: { kind: 'cancelled' } });
    expect((await p.call('version', {})).ok).toBe(true);
  });

  it('a worker that exits mid-run fails that call with worker-crashed and is replaced', async () => {
    const p = pool({ size: 1 });
    const crashed = await p.call('run', { scenario: { name: 'x', crash: 'exit' }, replication: 0 });
    expect(crashed).toEqual({ ok: false, error: { kind: 'worker-crashed', message: 'sim worker exited with code 3' } });
    const next = await p.call('run', { scenario: { name: 'ok' }, replication: 0, seed: 1 });
    expect(next.ok && next.value.results.calls.offered, 'a new worker ran the next call').toBe(101);
  });

  it('an uncaught exception in a worker is reported with its message', async () => {
    const crashed = await pool({ size: 1 }).call('run', { scenario: { name: 'x', crash: 'uncaught' }, replication: 0 });
    expect(crashed).toEqual({ ok: false, error: { kind: 'worker-crashed', message: 'sim worker threw: uncaught in worker' } });
  });

  it('a missing worker entry fails calls with a worker-crashed value naming the file', async () => {
    const p = pool({ entry: '/nonexistent/sim-worker.js', size: 1 });
    for (let i = 0; i < 2; i++) {
      const result = await p.call('version', {});
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.kind === 'worker-crashed' && result.error.message).toBe("sim worker threw: Cannot find module '/nonexistent/sim-worker.js'");
    }
  });

  it('a worker that allocates past its memory limit is stopped; only its call fails, saying so, and the next call runs', async () => {
    const p = pool({ size: 1, resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 } });
    const crashed = await p.call('run', { scenario: { name: 'x', crash: 'oom' }, replication: 0 });
    expect(crashed).toEqual({
      ok: false,
      error: { kind: 'worker-crashed', message: 'sim worker ran out of memory (its limit is 32 MB) and was stopped; only this call failed, a fresh worker takes the next' },
    });
    const next = await p.call('run', { scenario: { name: 'ok' }, replication: 0, seed: 1 });
    expect(next.ok && next.value.results.calls.offered, 'a fresh worker ran the next call').toBe(101);
  });

  it('workers get the default memory limits unless told otherwise', () => {
    expect(SIM_WORKER_LIMITS.maxOldGenerationSizeMb, 'room for a London year').toBeGreaterThanOrEqual(1536);
  });

  it('a call that cannot be sent (an uncloneable scenario) fails alone and frees the worker for the next call', async () => {
    const p = pool({ size: 1 });
    const scenario = { name: 'x', notData: () => 1 } as unknown as Record<string, unknown>;
    const unsendable = p.call('run', { scenario, replication: 0 });
    const result = await unsendable;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.kind).toBe('failed');
    expect(!result.ok && result.error.kind === 'failed' && result.error.message).toMatch(/^the run call could not be sent to a sim worker: .*could not be cloned/);
    const next = await p.call('run', { scenario: { name: 'ok' }, replication: 0, seed: 1 });
    expect(next.ok && next.value.results.calls.offered, 'the same worker ran the next call').toBe(101);
    expect(p.started).toBe(1);
  });

  it('many crashes in a row never stop the pool: the next call succeeds', async () => {
    const p = pool({ size: 1 });
    const crashes = await Promise.all(Array.from({ length: 5 }, () => p.call('run', { scenario: { name: 'x', crash: 'exit' }, replication: 0 })));
    expect(crashes.map((c) => !c.ok && c.error.kind)).toEqual(Array(5).fill('worker-crashed'));
    const next = await p.call('run', { scenario: { name: 'ok' }, replication: 0, seed: 1 });
    expect(next.ok && next.value.results.calls.offered).toBe(101);
    expect(p.crashes.count).toBe(5);
  });

  it('a dedicated worker answers while the shared ones are busy', async () => {
    const p = pool({ size: 1 });
    const busy = p.call('run', { scenario: { name: 'slow', steps: 50, stepMs: 10 }, replication: 0 });
    const live = p.dedicated();
    const answer = await live.call('version', {});
    expect(answer.ok, 'answered before the busy run ended').toBe(true);
    expect((await busy).ok).toBe(true);
  });
});
