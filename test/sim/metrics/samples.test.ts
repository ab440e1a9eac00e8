import { describe, expect, it } from 'vitest';
import { Samples, SortedSamples } from '../../../src/sim/metrics/collector';
import { quantileSorted } from '../../../src/sim/metrics/stats';
import { streamRng } from '../../../src/sim/random/rng';

/** What results computed before Samples counted zeros: a plain sorted copy, summed and interpolated. */
function plain(values: readonly number[]): { sum: number; p50: number | null; p90: number | null; sorted: number[] } {
  const sorted = [...values].sort((a, b) => a - b);
  return { sum: sorted.reduce((a, b) => a + b, 0), p50: quantileSorted(sorted, 0.5), p90: quantileSorted(sorted, 0.9), sorted };
}

function filled(values: readonly number[]): Samples {
  const s = new Samples();
  for (const v of values) s.push(v);
  return s;
}

/** Values like answer waits: most zero, the rest spread over minutes, some negative when asked. */
function draws(seed: number, n: number, zeroShare: number, negatives: boolean): number[] {
  const rng = streamRng(seed, 'samples-test');
  return Array.from({ length: n }, () => {
    if (rng.next() < zeroShare) return 0;
    const x = rng.next() * 600;
    return negatives && rng.next() < 0.2 ? -x : x;
  });
}

describe('Samples: zeros counted, the rest in chunks', () => {
  it('gives the sum and quantiles of the plain sorted list to the last bit', () => {
    for (const [seed, n, zeroShare, negatives] of [
      [1, 0, 0, false],
      [2, 1, 0, false],
      [3, 1, 1, false],
      [4, 7, 0.6, false],
      [5, 1000, 0.6, false],
      [6, 200_000, 0.61, false],
      [7, 5000, 0.3, true],
      [8, 300, 1, false],
      [9, 70_000, 0, false],
    ] as const) {
      const values = draws(seed, n, zeroShare, negatives);
      const want = plain(values);
      const got = filled(values).sorted();
      expect(got.length, `length (seed ${seed})`).toBe(n);
      expect(Object.is(got.sum(), want.sum), `sum ${got.sum()} vs ${want.sum} (seed ${seed})`).toBe(true);
      expect(got.quantile(0.5), `p50 (seed ${seed})`).toBe(want.p50);
      expect(got.quantile(0.9), `p90 (seed ${seed})`).toBe(want.p90);
      const every = Array.from({ length: got.length }, (_, i) => got.at(i));
      expect(every, `sorted list (seed ${seed})`).toEqual(want.sorted);
    }
  });

  it('merges lists as one sorted list of all their values', () => {
    const a = draws(11, 3000, 0.6, false);
    const b = draws(12, 1700, 0.5, true);
    const c: number[] = [];
    const merged = SortedSamples.merge([filled(a).sorted(), filled(b).sorted(), filled(c).sorted()]);
    const want = plain([...a, ...b, ...c]);
    expect(merged.length).toBe(a.length + b.length);
    expect(Object.is(merged.sum(), want.sum)).toBe(true);
    expect(merged.quantile(0.9)).toBe(want.p90);
    expect(Array.from({ length: merged.length }, (_, i) => merged.at(i))).toEqual(want.sorted);
    expect(SortedSamples.merge([]).quantile(0.9)).toBeNull();
  });

  it('keeps counting after it has been read (results so far, then more)', () => {
    const values = draws(13, 5000, 0.6, false);
    const s = filled(values.slice(0, 2500));
    expect(s.sorted().length).toBe(2500);
    for (const v of values.slice(2500)) s.push(v);
    expect(s.sorted().quantile(0.9)).toBe(plain(values).p90);
  });
});
