/** Response-time histograms: counted as the run goes, summed over replications by the batch. */
import { describe, expect, it } from 'vitest';
import { runBatch } from '../../src/host/replications';
import { HISTOGRAM_BINS, HistogramCounter, sumHistograms } from '../../src/host/histogram';
import { SimWorkerPool } from '../../src/host/pool';
import type { ResponseHistograms } from '../../src/shared/protocol';
import { fakeResults, realTimers, scriptedSpawn } from './fakes';

const counted = (grade: number) => ({ grade, counted: true });

describe('histogram counter', () => {
  it('bins I and S responses by a fifteenth of their targets, the overflow in the last bin', () => {
    const c = new HistogramCounter([900, 3600]);
    c.firstArrival(counted(0), 0);
    c.firstArrival(counted(0), 59.9);
    c.firstArrival(counted(0), 900);
    c.firstArrival(counted(0), 10 * 3600);
    c.firstArrival(counted(1), 250);
    c.firstArrival({ grade: 0, counted: false }, 30); // warm-up: not counted
    c.firstArrival(counted(2), 30); // E: no histogram
    const h = c.histograms();
    expect(h.I!.binS).toBe(60);
    expect(h.I!.counts.length).toBe(HISTOGRAM_BINS);
    expect([h.I!.counts[0], h.I!.counts[15], h.I!.counts[HISTOGRAM_BINS - 1]]).toEqual([2, 1, 1]);
    expect(h.I!.counts.reduce((a, b) => a + b, 0)).toBe(4);
    expect(h.S).toMatchObject({ binS: 240, targetS: 3600 });
    expect(h.S!.counts[1]).toBe(1);
    expect(new HistogramCounter([0, 3600]).histograms().I!.binS, 'a zero target gets minute bins').toBe(60);
    expect(() => new HistogramCounter([-1, 5])).toThrow(/target must be >= 0/);
  });

  it('sums replications, leaves out what not every replication has, and refuses bins that disagree', () => {
    const one: ResponseHistograms = { I: { binS: 60, counts: [1, 2, 0], targetS: 900 } };
    const two: ResponseHistograms = { I: { binS: 60, counts: [0, 1, 5], targetS: 900 }, S: { binS: 240, counts: [1], targetS: 3600 } };
    expect(sumHistograms([one, two])).toEqual({ I: { binS: 60, counts: [1, 3, 5], targetS: 900 } });
    expect(sumHistograms([one, undefined])).toBeUndefined();
    expect(sumHistograms([])).toBeUndefined();
    expect(() => sumHistograms([one, { I: { binS: 30, counts: [1, 2, 3], targetS: 900 } }])).toThrow(/grade I has bins of 30 s x 3 and 60 s x 3/);
  });

  it('comes back from a batch summed over its replications', async () => {
    const { spawn, workers } = scriptedSpawn();
    const pool = new SimWorkerPool({ size: 2, spawn, timers: realTimers });
    const outcome = runBatch(pool, { jobId: 'j', scenario: { name: 'a' }, replications: 2 });
    await new Promise((r) => setTimeout(r, 0));
    workers.forEach((w, i) =>
      w.send({ type: 'reply', id: w.currentId, call: 'run', ok: true, value: { results: fakeResults(10, i), histograms: { I: { binS: 60, counts: [i, 1], targetS: 900 } } } }),
    );
    const result = await outcome;
    expect(result.ok && result.histograms).toEqual({ I: { binS: 60, counts: [1, 2], targetS: 900 } });
    pool.close();
  });
});
