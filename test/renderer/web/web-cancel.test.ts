/**
 * Cancelling a run in the browser build: with a cancel board (a cross-origin isolated page) the run
 * stops at its next cancel check and its worker, with its world, serves the next run; without one
 * the cancel message waits for the run's end (and the pool terminates a worker that overruns).
 */
import { describe, expect, it } from 'vitest';
import { SimWorkerPool, type Timers } from '../../../src/host/pool';
import { serveWebWorker, type WorkerScope } from '../../../src/web/worker-host';
import { webSpawn, type WorkerLike } from '../../../src/web/web-spawn';
import { fakeSimulator } from '../../host/fakes';

/** A Web Worker stand-in running the browser worker's own side (serveWebWorker) with the fake engine. */
class ScopeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  terminated = false;
  readonly received: unknown[] = [];
  private readonly scope: WorkerScope = {
    postMessage: (message) => setTimeout(() => !this.terminated && this.onmessage?.({ data: structuredClone(message) } as MessageEvent), 0),
    onmessage: null,
  };
  constructor(simulator: ReturnType<typeof fakeSimulator>['simulator']) {
    serveWebWorker(this.scope, simulator);
  }
  postMessage(message: unknown): void {
    this.received.push(message);
    setTimeout(() => !this.terminated && this.scope.onmessage?.({ data: structuredClone(message) } as MessageEvent), 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const noHardCancel: Timers = { after: () => () => {} };

/** A pool of one worker; at step 3 of the first run the page cancels it (while the run holds the worker's thread). */
function setUp(sharedCancel: boolean) {
  const steps: number[] = [];
  let pool: SimWorkerPool | null = null;
  let cancelAt = 3;
  const fake = fakeSimulator({
    onStep: (step) => {
      steps.push(step);
      if (step === cancelAt) pool!.cancel('job');
    },
  });
  const workers: ScopeWorker[] = [];
  pool = new SimWorkerPool({
    size: 1,
    spawn: webSpawn(() => {
      const worker = new ScopeWorker(fake.simulator);
      workers.push(worker);
      return worker;
    }, { sharedCancel }),
    timers: noHardCancel,
  });
  const stopCancelling = () => (cancelAt = -1);
  return { pool, steps, workers, stats: fake.stats, stopCancelling };
}

const request = { scenario: { name: 'london', steps: 50 }, replication: 0 };

describe('cancelling a browser run', () => {
  it('with a cancel board: the run stops at its next check and the same worker, world kept, runs the next', async () => {
    const { pool, steps, workers, stats, stopCancelling } = setUp(true);
    const cancelled = await pool.call('run', request, { group: 'job' });
    expect(cancelled).toEqual({ ok: false, error: { kind: 'cancelled' } });
    expect(steps.at(-1)).toBe(3); // cancelled in step 3, before its check: seen there
    expect((workers[0]!.received[0] as { type: string }).type).toBe('cancel-board');
    stopCancelling();
    const next = await pool.call('run', request, { group: 'job' });
    expect(next.ok).toBe(true);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.terminated).toBe(false);
    expect(stats.worldsBuilt).toBe(1);
    pool.close();
  });

  it('without one: the cancel message is seen only when the run has ended', async () => {
    const { pool, steps, workers } = setUp(false);
    const outcome = await pool.call('run', request, { group: 'job' });
    expect(steps.at(-1)).toBe(50);
    expect(outcome.ok).toBe(true);
    expect(workers[0]!.received.some((m) => (m as { type: string }).type === 'cancel-board')).toBe(false);
    pool.close();
  });
});
