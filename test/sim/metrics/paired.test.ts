import { describe, expect, it } from 'vitest';
import type { StoppingRule } from '../../../src/shared/comparison';
import { compareAreas, compareFigures, KEY_FIGURES, meanInterval, nextBatchSize, pairedDifference, shouldContinue, verdictOf } from '../../../src/sim/metrics/paired';
import { combineReplications, replicationSeed, runScenario } from '../../../src/sim';
import type { Results } from '../../../src/shared/results';
import { smallInput } from '../fixtures/small';
import { prepare } from '../helpers';

describe('paired difference (Student t on the differences)', () => {
  it('matches a small case computed by hand', () => {
    // base 10 12 14 16, variant 11 14 15 19: differences 1 2 1 3, mean 1.75,
    // sum of squared deviations 0.5625 + 0.0625 + 0.5625 + 1.5625 = 2.75, s^2 = 2.75 / 3,
    // s = 0.957427, s / sqrt 4 = 0.478714, t(0.975, 3) = 3.182446, half-width = 1.523480.
    const d = pairedDifference([10, 12, 14, 16], [11, 14, 15, 19], true);
    expect(d.n).toBe(4);
    expect(d.mean).toBeCloseTo(1.75, 12);
    expect(d.half).toBeCloseTo(1.52348, 5);
    expect(d.verdict, 'interval [0.23, 3.27] excludes 0 and higher is better').toBe('better');
    expect(pairedDifference([10, 12, 14, 16], [11, 14, 15, 19], false).verdict, 'the same for a time: worse').toBe('worse');
    // The two samples compared unpaired would not separate: each mean's half-width is over 4.
    expect(meanInterval([10, 12, 14, 16]).half!).toBeGreaterThan(4);
  });

  it('skips pairs with a missing side and refuses samples of different lengths', () => {
    const d = pairedDifference([1, null, 3, 5], [2, 7, undefined, 6], true);
    expect(d.n).toBe(2);
    expect(d.mean).toBe(1);
    expect(d.half).toBe(0);
    expect(() => pairedDifference([1, 2], [1], true)).toThrow(/2 baseline values but 1 variant/);
  });

  it('verdicts: zero inside the interval, or too few replications for one', () => {
    expect(verdictOf(1, 2, true)).toBe('no detectable difference');
    expect(verdictOf(-3, 2, true)).toBe('worse');
    expect(verdictOf(-3, 2, false)).toBe('better');
    expect(verdictOf(0, 0, true)).toBe('no detectable difference');
    expect(verdictOf(5, null, true)).toBe('too few replications');
    expect(pairedDifference([1], [2], true).verdict).toBe('too few replications');
  });
});

describe('comparing simulated scenarios', () => {
  const runs = async (input: ReturnType<typeof smallInput>, n: number): Promise<Results[]> => {
    const { scenario, world } = await prepare(input);
    return Array.from({ length: n }, (_, r) => runScenario(scenario, world, { seed: replicationSeed(scenario.seed, r) }).results);
  };

  it('a variant identical to the baseline: no detectable difference on every key figure', async () => {
    const base = await runs(smallInput(), 4);
    const same = await runs(smallInput(), 4);
    const c = compareFigures([base, same]);
    expect(c.map((f) => f.figure.id)).toEqual(KEY_FIGURES.map((f) => f.id));
    for (const f of c) {
      const d = f.differences[0]!;
      if (d.n === 0) continue; // a figure the small scenario does not measure
      expect(d.mean, f.figure.id).toBe(0);
      expect(d.verdict, f.figure.id).toBe('no detectable difference');
    }
    // Each side's own interval is the one combineReplications gives.
    const iWithin = c.find((f) => f.figure.id === 'I.withinTargetPct')!;
    const combined = combineReplications(base).grades.I as { withinTargetPct: number; ci95: { withinTargetPct: number } };
    expect(iWithin.scenarios[0]!.mean).toBeCloseTo(combined.withinTargetPct, 9);
    expect(iWithin.scenarios[0]!.half).toBeCloseTo(combined.ci95.withinTargetPct, 9);
  });

  it('fewer units: I response worse with an interval excluding zero', async () => {
    const base = await runs(smallInput(), 4);
    const cut = smallInput();
    (cut as { fleet: unknown }).fleet = [{ station: 'CX', type: 'IRV', perShift: { early: 2, late: 2, night: 2 } }];
    const fewer = await runs(cut, 4);
    const d = compareFigures([base, fewer]).find((f) => f.figure.id === 'I.meanResponseS')!.differences[0]!;
    expect(d.mean!).toBeGreaterThan(0);
    expect(d.verdict).toBe('worse');
  });

  it('per area and per BCU: a BCU folds its areas weighted by incidents', () => {
    const area = (id: string, bcu: string, incidents: number, within: number) => ({ id, name: id, bcu, I: { incidents, meanResponseS: 600, withinTargetPct: within } });
    const rep = (w: [number, number]) => ({ areas: [area('A', 'NE', 30, w[0]), area('B', 'NE', 10, w[1]), area('C', 'SW', 5, 50)] }) as unknown as Results;
    const base = [rep([80, 40]), rep([70, 50]), rep([90, 30])];
    const variant = [rep([82, 44]), rep([73, 52]), rep([91, 33])];
    const { areas, bcus } = compareAreas([base, variant]);
    expect(areas.map((a) => [a.id, a.bcu])).toEqual([['A', 'NE'], ['B', 'NE'], ['C', 'SW']]);
    expect(bcus.map((b) => b.id)).toEqual(['NE', 'SW']);
    const within = 1; // AREA_FIGURES[1]: I within target
    // NE base in replication 0: (80 x 30 + 40 x 10) / 40 = 70; variant (82 x 30 + 44 x 10) / 40 = 72.5.
    expect(bcus[0]!.figures[within]!.scenarios[0]!.mean).toBeCloseTo((70 + 65 + 75) / 3, 9);
    const d = bcus[0]!.figures[within]!.differences[0]!;
    expect(d.mean).toBeCloseTo((2.5 + 2.75 + 1.5) / 3, 9);
    expect(d.verdict).toBe('better');
    expect(bcus[1]!.figures[within]!.differences[0]!.verdict, 'SW unchanged').toBe('no detectable difference');
    expect(bcus[1]!.figures[2]!.scenarios[0]!.n, 'no S figures in these areas').toBe(0);
    expect(compareAreas([])).toEqual({ areas: [], bcus: [] });
  });

  it('refuses scenarios with different numbers of replications', async () => {
    const base = await runs(smallInput(), 2);
    expect(() => compareFigures([base, base.slice(1)])).toThrow(/scenario 1 has 1 replications, the baseline 2/);
  });
});

describe('sequential stopping rule', () => {
  const rule = { widthPoints: 2, maxReplications: 10 };
  it('continues until the widest difference interval is narrower than the width', () => {
    expect(shouldContinue(rule, 1, [null])).toEqual({ continue: true, width: null });
    expect(shouldContinue(rule, 3, [1.5])).toEqual({ continue: true, width: 3 });
    expect(shouldContinue(rule, 4, [0.9, 0.99])).toEqual({ continue: false, width: 1.98, reason: 'narrow enough' });
    expect(shouldContinue(rule, 4, [0.9, 1.2]).continue, 'the widest variant decides').toBe(true);
  });
  it('never stops before the minimum, and stops at the cap whatever the width', () => {
    expect(shouldContinue(rule, 2, [0.1]).continue, 'two replications are not enough by default').toBe(true);
    expect(shouldContinue({ ...rule, minReplications: 2 }, 2, [0.1]).continue).toBe(false);
    expect(shouldContinue(rule, 10, [5])).toEqual({ continue: false, width: 10, reason: 'cap reached' });
    expect(shouldContinue(rule, 10, [null])).toEqual({ continue: false, width: null, reason: 'cap reached' });
  });
  it('batches: the minimum first, then two at a time, never past the cap', () => {
    const sizes = (r: StoppingRule) => {
      const out: number[] = [];
      for (let done = 0, n = nextBatchSize(r, 0); n > 0; done += n, n = nextBatchSize(r, done)) out.push(n);
      return out;
    };
    expect(sizes(rule)).toEqual([3, 2, 2, 2, 1]);
    expect(sizes({ ...rule, minReplications: 5, maxReplications: 6 })).toEqual([5, 1]);
    expect(sizes({ ...rule, minReplications: 1 }), 'never fewer than two first').toEqual([2, 2, 2, 2, 2]);
  });
});
