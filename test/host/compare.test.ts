/**
 * `compareScenarios` (the app's Compare): common random numbers, verdicts, the stopping rule and
 * Cancel keeping what finished. The pool is a fake that runs the real simulator on small
 * scenarios in this thread and answers each call when the test lets it (no timing).
 */
import { describe, expect, it } from 'vitest';
import { cancelComparison, compareScenarios } from '../../src/host/compare';
import { realSimulator } from '../../src/host/real-simulator';
import type { BatchPool } from '../../src/host/replications';
import { ReplicationWorker } from '../../src/host/replication-worker';
import type { CompareProgress, CompareRequest } from '../../src/shared/comparison';
import type { RunOneRequest } from '../../src/shared/protocol';
import { parseScenario } from '../../src/shared/scenario';
import { compareFigures } from '../../src/sim/metrics/paired';
import { noBuiltInData } from '../../src/world';
import { smallInput } from '../sim/fixtures/small';

const base = smallInput() as unknown as Record<string, unknown>;
const fewer = { ...smallInput(), name: 'fewer units', fleet: [{ station: 'CX', type: 'IRV', perShift: { early: 2, late: 2, night: 2 } }] } as unknown as Record<string, unknown>;

/** A pool answering `run` calls with the real simulator; with `hold`, only when the test calls `release`. */
function fakePool(hold = false) {
  const worker = new ReplicationWorker(realSimulator(noBuiltInData, () => 0));
  const pending: { group: string; go: () => void; cancel: () => void }[] = [];
  const cancels: string[] = [];
  const calls: RunOneRequest[] = [];
  const pool: BatchPool = {
    call: (async (_call: 'run', request: RunOneRequest, options?: { group?: string }) => {
      calls.push(request);
      const group = options?.group ?? '';
      if (hold) {
        const go = await new Promise<boolean>((resolve) => pending.push({ group, go: () => resolve(true), cancel: () => resolve(false) }));
        if (!go) return { ok: false, error: { kind: 'cancelled' } };
      }
      const parsed = parseScenario(request.scenario);
      if (!parsed.ok) return { ok: false, error: { kind: 'invalid-scenario', errors: parsed.errors } };
      const { scenario: _s, ...rest } = request;
      return { ok: true, value: await worker.run(parsed.scenario, rest, { isCancelled: () => false, onProgress: () => {} }) };
    }) as unknown as BatchPool['call'],
    cancel(group) {
      cancels.push(group);
      const mine = pending.filter((p) => p.group === group);
      for (const p of mine) {
        pending.splice(pending.indexOf(p), 1);
        p.cancel();
      }
      return mine.length > 0;
    },
  };
  /** Lets the first `n` held calls run; resolves once they have been answered. */
  const release = async (n: number) => {
    for (const p of pending.splice(0, n)) p.go();
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
  };
  return { pool, cancels, calls, release, pending };
}

const request = (over: Partial<CompareRequest> = {}): CompareRequest => ({
  jobId: 'c1',
  scenarios: [
    { label: 'Baseline', scenario: base },
    { label: 'Same again', scenario: base },
  ],
  plan: { replications: 4 },
  ...over,
});

describe('compareScenarios', () => {
  it('a variant identical to the baseline: no detectable difference on every figure, per BCU and area too', async () => {
    const { pool, calls } = fakePool();
    const progress: CompareProgress[] = [];
    const outcome = await compareScenarios(pool, request(), (p) => progress.push(p));
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
    const c = outcome.comparison;
    expect(c.replications).toEqual([0, 1, 2, 3]);
    expect(c.seed, "the baseline's seed").toBe(7);
    expect(c.stopped).toBe('fixed');
    // Common random numbers: replication r of both scenarios asked with the same seed and index.
    expect(calls.map((r) => `${r.seed}/${r.replication}`).sort()).toEqual(['7/0', '7/0', '7/1', '7/1', '7/2', '7/2', '7/3', '7/3']);
    let measured = 0;
    for (const f of c.figures) {
      const d = f.differences[0]!;
      if (d.n === 0) continue;
      measured++;
      expect(d.mean, f.figure.id).toBe(0);
      expect(d.verdict, f.figure.id).toBe('no detectable difference');
    }
    expect(measured).toBeGreaterThan(5);
    for (const row of [...c.areas, ...c.bcus]) for (const f of row.figures) if (f.differences[0]!.n > 0) expect(f.differences[0]!.verdict).toBe('no detectable difference');
    expect(c.scenarios.map((s) => s.runs.length)).toEqual([4, 4]);
    expect(c.scenarios[0]!.histograms?.I?.counts.length).toBeGreaterThan(0);
    expect(c.figures, 'the figures are those of src/sim/metrics/paired.ts').toEqual(compareFigures(c.scenarios.map((s) => s.runs)));
    expect(progress.at(-1)).toMatchObject({ jobId: 'c1', fraction: 1, replicationsDone: 4, planned: 4 });
    expect(progress.at(-1)!.narrowing).toMatchObject({ replications: 4, width: 0 });
    expect(JSON.parse(JSON.stringify(c)), 'plain data: survives JSON').toEqual(c);
  });

  it('fewer units: I response worse, told with the interval of the difference', async () => {
    const { pool } = fakePool();
    const outcome = await compareScenarios(pool, request({ scenarios: [{ label: 'Baseline', scenario: base }, { label: 'Fewer', scenario: fewer }] }));
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
    const d = outcome.comparison.figures.find((f) => f.figure.id === 'I.meanResponseS')!.differences[0]!;
    expect(d.mean! - d.half!).toBeGreaterThan(0);
    expect(d.verdict).toBe('worse');
  });

  it('the stopping rule stops when the interval is narrow enough, and at the cap', async () => {
    const narrow = await compareScenarios(fakePool().pool, request({ plan: { rule: { widthPoints: 1, maxReplications: 9 } } }));
    if (!narrow.ok) throw new Error(JSON.stringify(narrow.error));
    expect(narrow.comparison.stopped, 'identical: width 0 after the first batch').toBe('narrow enough');
    expect(narrow.comparison.replications).toEqual([0, 1, 2]);
    expect(narrow.comparison.width).toBe(0);

    const capped = await compareScenarios(fakePool().pool, request({ scenarios: [{ label: 'Baseline', scenario: base }, { label: 'Fewer', scenario: fewer }], plan: { rule: { widthPoints: 1e-6, maxReplications: 6 } } }));
    if (!capped.ok) throw new Error(JSON.stringify(capped.error));
    expect(capped.comparison.stopped).toBe('cap reached');
    expect(capped.comparison.replications).toEqual([0, 1, 2, 3, 4, 5]);
    expect(capped.comparison.narrowing.map((s) => s.replications), 'first 3, then 2 at a time').toEqual([3, 5, 6]);
    expect(capped.comparison.width).toBeGreaterThan(1e-6);
  });

  it('Cancel stops the workers and keeps the replications every scenario finished', async () => {
    const f = fakePool(true);
    const running = compareScenarios(f.pool, request({ jobId: 'c2', plan: { replications: 5 } }));
    await f.release(0);
    expect(f.pending.length, 'every call of the batch sent').toBe(10);
    // Replication 0 of both scenarios, 1 of both, and 2 of the baseline only.
    await f.release(5);
    expect(cancelComparison('c2')).toBe(true);
    const outcome = await running;
    expect(f.cancels).toContain('c2');
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
    expect(outcome.comparison.stopped).toBe('cancelled');
    expect(outcome.comparison.replications).toEqual([0, 1]);
    expect(outcome.comparison.scenarios.map((s) => s.runs.length)).toEqual([2, 2]);
    expect(cancelComparison('c2'), 'over: nothing left to cancel').toBe(false);

    const g = fakePool(true);
    const none = compareScenarios(g.pool, request({ jobId: 'c3' }));
    await g.release(0);
    expect(cancelComparison('c3')).toBe(true);
    expect(await none).toEqual({ ok: false, error: { kind: 'cancelled' } });
  });

  it('refuses an invalid scenario before running anything, naming it', async () => {
    const f = fakePool();
    const outcome = await compareScenarios(f.pool, request({ scenarios: [{ label: 'Baseline', scenario: base }, { label: 'Broken', scenario: { ...base, days: -1 } }] }));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatchObject({ kind: 'invalid-scenario', errors: [{ path: 'scenarios[1].days', message: expect.stringMatching(/^Broken: /) }] });
    expect(f.calls).toEqual([]);
  });
});
