import { describe, expect, it } from 'vitest';
import { Rng, hashString, streamRng } from '../../src/sim/random/rng';
import { meanOf, sampler } from '../../src/sim/random/distributions';
import type { Distribution } from '../../src/shared/scenario';

describe('seeded streams', () => {
  it('give the same numbers for the same seed and name, and different ones otherwise', () => {
    const draw = (rng: Rng) => Array.from({ length: 5 }, () => rng.next());
    expect(draw(streamRng(1, 'arrivals:999')), 'same seed and name').toEqual(draw(streamRng(1, 'arrivals:999')));
    expect(draw(streamRng(1, 'arrivals:999')), 'other name').not.toEqual(draw(streamRng(1, 'arrivals:101')));
    expect(draw(streamRng(1, 'arrivals:999')), 'other seed').not.toEqual(draw(streamRng(2, 'arrivals:999')));
    expect(draw(streamRng(2 ** 40, 'x')), 'seeds above 2^32 use their high bits').not.toEqual(draw(streamRng(0, 'x')));
  });

  it('pins the first outputs (a change here changes every result)', () => {
    const rng = streamRng(1, 'arrivals:999');
    expect([rng.nextU32(), rng.nextU32(), rng.nextU32()]).toMatchInlineSnapshot(`
      [
        3496319519,
        2895411776,
        2511328935,
      ]
    `);
    expect(hashString('arrivals:999')).toMatchInlineSnapshot(`4026896982`);
  });

  it('draws uniforms in [0, 1) with mean 1/2 and variance 1/12', () => {
    const rng = streamRng(3, 'u');
    const n = 200_000;
    let sum = 0;
    let sq = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      sum += u;
      sq += u * u;
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    const mean = sum / n;
    const variance = sq / n - mean * mean;
    // Standard error of the mean: sqrt(1/12 / n) ~ 0.00065; allow 5 standard errors.
    expect(Math.abs(mean - 0.5), 'mean').toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(variance - 1 / 12), 'variance').toBeLessThan(0.002);
    expect(min, 'min').toBeGreaterThanOrEqual(0);
    expect(max, 'max').toBeLessThan(1);
  });
});

/** Sample mean and standard deviation of n draws. */
function moments(dist: Distribution, n: number, seed = 11): { mean: number; sd: number; min: number } {
  const draw = sampler(dist);
  const rng = streamRng(seed, `dist:${dist.dist}`);
  let sum = 0;
  let sq = 0;
  let min = Infinity;
  for (let i = 0; i < n; i++) {
    const x = draw(rng);
    sum += x;
    sq += x * x;
    min = Math.min(min, x);
  }
  const mean = sum / n;
  return { mean, sd: Math.sqrt(sq / n - mean * mean), min };
}

describe('distributions (MODEL.md "Distributions") by mean and spread', () => {
  const n = 200_000;
  const cases: { dist: Distribution; sd: number }[] = [
    { dist: { dist: 'exponential', mean: 300 }, sd: 300 },
    { dist: { dist: 'lognormal', mean: 240, cv: 0.6 }, sd: 144 },
    { dist: { dist: 'gamma', mean: 1800, cv: 0.5 }, sd: 900 },
    { dist: { dist: 'gamma', mean: 100, cv: 2 }, sd: 200 },
    { dist: { dist: 'uniform', min: 10, max: 70 }, sd: 60 / Math.sqrt(12) },
    { dist: { dist: 'empirical', values: [1, 2, 3, 10] }, sd: Math.sqrt((1 + 4 + 9 + 100) / 4 - 4 * 4) },
  ];
  for (const { dist, sd } of cases) {
    it(`${JSON.stringify(dist)} has mean ${meanOf(dist)} and sd ${sd.toFixed(1)}`, () => {
      const m = moments(dist, n);
      // The mean within 5 standard errors; the sd within 3% (heavier tails for cv 2: 6%).
      expect(Math.abs(m.mean - meanOf(dist)), 'mean').toBeLessThan((5 * sd) / Math.sqrt(n));
      expect(Math.abs(m.sd - sd) / sd, 'sd').toBeLessThan(dist.dist === 'gamma' && dist.cv > 1 ? 0.06 : 0.03);
      expect(m.min, 'never negative').toBeGreaterThanOrEqual(0);
    });
  }

  it('fixed is always its value', () => {
    const m = moments({ dist: 'fixed', value: 60 }, 1000);
    expect(m).toEqual({ mean: 60, sd: 0, min: 60 });
  });

  it('empirical draws only its values, each about equally often', () => {
    const draw = sampler({ dist: 'empirical', values: [5, 7, 9] });
    const rng = streamRng(1, 'e');
    const counts = new Map<number, number>();
    for (let i = 0; i < 30_000; i++) {
      const x = draw(rng);
      counts.set(x, (counts.get(x) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([5, 7, 9]);
    for (const c of counts.values()) expect(Math.abs(c - 10_000), 'each value a third of the time').toBeLessThan(5 * Math.sqrt(30_000 * (1 / 3) * (2 / 3)));
  });
});
