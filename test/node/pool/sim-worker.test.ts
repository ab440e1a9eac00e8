/**
 * The real sim worker entry (src/node/sim-worker.ts) in a worker thread, running the real simulator
 * on the small built-in scenario.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeSimPool, runBatch } from '../../../src/node/pool';
import { isAttendedGrade } from '../../../src/shared/results';
import { SIM_VERSION } from '../../../src/sim';

const root = path.resolve(__dirname, '..', '..', '..');
const small = JSON.parse(readFileSync(path.join(root, 'assets', 'scenarios', 'small.json'), 'utf8')) as Record<string, unknown>;
const pool = createNodeSimPool({ entry: path.join(root, 'src', 'node', 'sim-worker.ts'), size: 2 });
afterAll(() => pool.close());

describe('Node sim worker with the real simulator', () => {
  it('reports SIM_VERSION', async () => {
    expect(await pool.call('version', {})).toEqual({ ok: true, value: { sim: SIM_VERSION } });
  });

  it('runs the small built-in scenario and answers with results', async () => {
    const outcome = await runBatch(pool, { jobId: 'small', scenario: small });
    if (!outcome.ok) throw new Error(`run failed: ${JSON.stringify(outcome.error)}`);
    const { results } = outcome;
    // 240 calls a day for a quarter day: about 60 offered (Poisson, so a wide band).
    expect(results.calls.offered, 'calls offered in six hours').toBeGreaterThan(25);
    expect(results.calls.offered).toBeLessThan(110);
    const immediate = results.grades.I;
    expect(isAttendedGrade(immediate) && immediate.meanResponseS, 'I calls were attended').toBeGreaterThan(0);
    expect(results.meta.seed).toBe(1);
  });

  it('gives the same results for the same seed on any worker, and combines replications', async () => {
    const [a, b] = await Promise.all([
      runBatch(pool, { jobId: 'a', scenario: small, seed: 5 }),
      runBatch(pool, { jobId: 'b', scenario: small, seed: 5 }),
    ]);
    if (!a.ok || !b.ok) throw new Error('runs failed');
    expect({ ...a.results, meta: { ...a.results.meta, wallMs: 0 } }, 'deterministic').toEqual({ ...b.results, meta: { ...b.results.meta, wallMs: 0 } });
    const three = await runBatch(pool, { jobId: 'c', scenario: small, seed: 5, replications: 3 });
    if (!three.ok) throw new Error(`replications failed: ${JSON.stringify(three.error)}`);
    expect(three.results.meta.replications).toBe(3);
    // `ci95` may hold null half-widths (nothing measured); calls offered (Poisson) differ between replications.
    expect(three.results.calls.ci95, 'a confidence interval beside the mean').toBeDefined();
    expect(three.results.calls.ci95?.offered, 'its half-width for calls offered').toBeGreaterThan(0);
  });

  it('returns scenario errors with their paths', async () => {
    const outcome = await runBatch(pool, { jobId: 'bad', scenario: { ...small, fleet: [{ station: 'CX', count: -2 }] } });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.kind === 'invalid-scenario' && outcome.error.errors.map((e) => e.path)).toContain('fleet[0].count');
  });

  it('runs a scenario naming the built-in London LSOA points (from the data step\'s cache)', async () => {
    const { points: _points, ...demand } = small.demand as Record<string, unknown>;
    const outcome = await runBatch(pool, { jobId: 'lsoa', scenario: { ...small, demand: { ...demand, pointsSource: 'london-lsoa' } } });
    if (!outcome.ok) throw new Error(`run failed: ${JSON.stringify(outcome.error)}`);
    expect(outcome.results.calls.offered).toBeGreaterThan(0);
  });

  it('refuses a built-in data set that does not exist, naming it', async () => {
    const { points: _points, ...demand } = small.demand as Record<string, unknown>;
    const outcome = await runBatch(pool, { jobId: 'paris', scenario: { ...small, demand: { ...demand, pointsSource: 'paris-iris' } } });
    expect(outcome.ok).toBe(false);
    expect(JSON.stringify(!outcome.ok && outcome.error)).toContain('no built-in point set \\"paris-iris\\"');
  });

  it('takes the data folder from the settings it is started with, and names it when it is wrong', async () => {
    const configured = createNodeSimPool({ entry: path.join(root, 'src', 'node', 'sim-worker.ts'), size: 1, options: { dataDir: '/no/such/folder' } });
    try {
      const { points: _points, ...demand } = small.demand as Record<string, unknown>;
      const outcome = await runBatch(configured, { jobId: 'settings', scenario: { ...small, demand: { ...demand, pointsSource: 'london-lsoa' } } });
      expect(!outcome.ok && outcome.error.kind === 'failed' && outcome.error.message).toContain('/no/such/folder (the data folder in Settings) does not exist');
    } finally {
      configured.close();
    }
  });
});
