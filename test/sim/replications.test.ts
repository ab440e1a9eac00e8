import { describe, expect, it } from 'vitest';
import { combineReplications, meanCi95, replicationSeed, runScenario, studentTQuantile } from '../../src/sim';
import { quantileSorted } from '../../src/sim/metrics/stats';
import type { Results } from '../../src/shared/results';
import { smallInput } from './fixtures/small';
import { prepare } from './helpers';

describe('statistics', () => {
  it('Student t quantiles match published tables', () => {
    // t(0.975) for 1, 2, 5, 10, 30 df and t(0.9995) for 19 df.
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062, 3);
    expect(studentTQuantile(0.975, 2)).toBeCloseTo(4.3027, 3);
    expect(studentTQuantile(0.975, 5)).toBeCloseTo(2.5706, 3);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.2281, 3);
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.0423, 3);
    expect(studentTQuantile(0.9995, 19)).toBeCloseTo(3.8834, 3);
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-2.2281, 3);
    expect(() => studentTQuantile(1, 3)).toThrow(/p must be/);
  });

  it('mean and 95% half-width of a sample', () => {
    const { mean, half } = meanCi95([1, 2, 3, 4]);
    expect(mean).toBe(2.5);
    // sd = 1.2910, se = 0.6455, t(0.975, 3) = 3.1824
    expect(half).toBeCloseTo(2.0541, 3);
    expect(meanCi95([5]).half).toBeNull();
  });

  it('percentiles interpolate linearly (type 7)', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 12);
    expect(quantileSorted([], 0.5)).toBeNull();
  });
});

describe('replications', () => {
  it('seeds: replication 0 is the scenario seed, the others distinct', () => {
    const seeds = Array.from({ length: 50 }, (_, r) => replicationSeed(7, r));
    expect(seeds[0]).toBe(7);
    expect(new Set(seeds).size).toBe(50);
    expect(seeds.every((s) => Number.isSafeInteger(s) && s >= 0)).toBe(true);
  });

  it('combine: means, Student t half-widths beside every object, nulls skipped, meta summed', async () => {
    const { scenario, world } = await prepare(smallInput());
    const runs: Results[] = [0, 1, 2].map((r) => runScenario(scenario, world, { seed: replicationSeed(7, r) }).results);
    const c = combineReplications(runs);
    const offered = runs.map((r) => r.calls.offered);
    expect(c.calls.offered).toBeCloseTo(offered.reduce((a, b) => a + b, 0) / 3, 12);
    expect(c.calls.ci95!.offered).toBeCloseTo(meanCi95(offered).half!, 12);
    expect(c.meta.replications).toBe(3);
    expect(c.meta.events).toBe(runs.reduce((a, r) => a + r.meta.events, 0));
    expect(c.meta.seeds).toEqual(runs.map((r) => r.meta.seed));
    const I = c.grades.I as { meanResponseS: number; ci95: { meanResponseS: number; withinTargetPct: number } };
    expect(I.ci95.meanResponseS).toBeGreaterThan(0);
    expect(c.hourly[5]!.ci95!.busyUnits).toBeGreaterThanOrEqual(0);
    expect(c.units.byUnit[0]!.ci95!.utilisationPct).toBeGreaterThanOrEqual(0);
    expect(combineReplications([runs[0]!]), 'one replication is returned as is').toBe(runs[0]);
    // A figure null in one replication is the mean of the others.
    const withNull = runs.map((r, i) => ({ ...r, calls: { ...r.calls, meanAnswerS: i === 0 ? null : r.calls.meanAnswerS } }));
    expect(combineReplications(withNull).calls.meanAnswerS).toBeCloseTo((runs[1]!.calls.meanAnswerS! + runs[2]!.calls.meanAnswerS!) / 2, 9);
  });

  it('refuses to combine different scenarios', async () => {
    const a = await prepare(smallInput());
    const other = smallInput();
    other.name = 'other';
    const b = await prepare(other);
    expect(() => combineReplications([runScenario(a.scenario, a.world).results, runScenario(b.scenario, b.world).results])).toThrow(/different scenarios/);
  });
});
