/**
 * The order of the browser build's check of its prebuilt figures (src/web/prebuilt-check.ts): the
 * first worker's world at once, the check's runs only once the page is quiet (no live session
 * opening), and a call that needs the worker pre-empts the check, waiting or running.
 */
import { describe, expect, it, vi } from 'vitest';
import type { BatchPool } from '../../../src/host/replications';
import type { RunOutcome, WorkerCallName, WorkerResult } from '../../../src/shared/protocol';
import { CHECK_JOB, prebuiltCheck } from '../../../src/web/prebuilt-check';
import { Prebuilt } from '../../../src/web/prebuilt';
import { canonicalJson } from '../../../src/shared/scenario/canonical';
import { fakeResults } from '../../host/fakes';

const SCENARIO = { name: 'baseline', bases: [{ id: 'b1', lon: -0.1, lat: 51.5 }] };

/** A pool that records calls and answers runs with the prebuilt outcome (or waits for `release`). */
function fakePool(hold = false) {
  const calls: string[] = [];
  const cancelled: string[] = [];
  const held: (() => void)[] = [];
  const pool: BatchPool = {
    call<K extends WorkerCallName>(call: K, request: unknown): Promise<WorkerResult<K>> {
      calls.push(call === 'run' ? `run-${(request as { days: number }).days}d` : `${call} ${JSON.stringify((request as { points?: unknown }).points)}`);
      const value = call === 'run' ? { results: fakeResults(100, 7) } : { points: [] };
      const answer = { ok: true, value } as unknown as WorkerResult<K>;
      if (!hold) return Promise.resolve(answer);
      return new Promise((resolve) => held.push(() => resolve(cancelled.length > 0 ? ({ ok: false, error: { kind: 'cancelled' } } as WorkerResult<K>) : answer)));
    },
    cancel(group) {
      cancelled.push(group);
      return true;
    },
  };
  return { pool, calls, cancelled, release: () => held.splice(0).forEach((r) => r()) };
}

function prebuiltFor(days: number[]): Prebuilt {
  const outcome: RunOutcome = { ok: true, results: fakeResults(100, 7), replications: 1, wallMs: 1 };
  return Prebuilt.from({ format: 'response-sim-prebuilt/1', sim: 'fake-1', scenario: canonicalJson(SCENARIO), runs: days.map((d) => ({ days: d, outcome })) }, 'fake-1')!;
}

const flush = async () => {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
};

describe('the check of the prebuilt figures', () => {
  it('builds the worker its world at once (a snap of the scenario\'s first place), and runs only once the page is quiet', async () => {
    const { pool, calls } = fakePool();
    let quiet!: () => void;
    const check = prebuiltCheck(pool, () => prebuiltFor([7, 1]), { quiet: () => new Promise((r) => (quiet = r)) });
    check.start(SCENARIO);
    await flush();
    expect(calls, 'the world, not yet the runs').toEqual(['snap [{"lon":-0.1,"lat":51.5}]']);
    quiet();
    await flush();
    expect(calls, 'the day, then the week').toEqual(['snap [{"lon":-0.1,"lat":51.5}]', 'run-1d', 'run-7d']);
  });

  it('runs none of its runs when a call needs the worker while it waits', async () => {
    const { pool, calls } = fakePool();
    let quiet!: () => void;
    const check = prebuiltCheck(pool, () => prebuiltFor([1]), { quiet: () => new Promise((r) => (quiet = r)) });
    check.start(SCENARIO);
    await flush();
    check.yieldWorker();
    quiet();
    await flush();
    expect(calls).toEqual(['snap [{"lon":-0.1,"lat":51.5}]']);
  });

  it('cancels its call in the worker when a call needs the worker while it runs', async () => {
    const { pool, calls, cancelled, release } = fakePool(true);
    const check = prebuiltCheck(pool, () => prebuiltFor([1, 7]));
    check.start(SCENARIO);
    await flush();
    check.yieldWorker();
    expect(cancelled).toEqual([CHECK_JOB]);
    release();
    await flush();
    release();
    await flush();
    expect(calls, 'the world was being built; nothing after it').toEqual(['snap [{"lon":-0.1,"lat":51.5}]']);
  });

  it("is the first worker's warm-up: its runs start right after the world (no quiet asked for); a user's call cancels the run going, and nothing of it is used", async () => {
    const { pool, calls, cancelled, release } = fakePool(true);
    const prebuilt = prebuiltFor([1, 7]);
    const dropRuns = vi.spyOn(prebuilt, 'dropRuns');
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const check = prebuiltCheck(pool, () => prebuilt);
    check.start(SCENARIO);
    await flush();
    release(); // the world is built
    await flush();
    expect(calls, 'the day at once').toEqual(['snap [{"lon":-0.1,"lat":51.5}]', 'run-1d']);
    check.yieldWorker(); // the user changed a number
    expect(cancelled).toEqual([CHECK_JOB]);
    release(); // its run answers: cancelled
    await flush();
    expect(calls, 'nothing after the cancelled run').toEqual(['snap [{"lon":-0.1,"lat":51.5}]', 'run-1d']);
    expect(dropRuns, 'a cancelled warm-up says nothing of the prebuilt figures').not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
    expect(prebuilt.run({ scenario: SCENARIO, days: 1 })?.ok, 'the prebuilt figures still answer').toBe(true);
    error.mockRestore();
  });
});
