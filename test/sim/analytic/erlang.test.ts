import { describe, expect, it } from 'vitest';
import { erlangA, erlangC, mmc } from './theory';
import { replicate, tolerance } from './replicate';

const R = 20;
const MU = 1 / 240;

describe('theory sanity', () => {
  it('Erlang C matches a textbook value (c = 2, a = 1: C = 1/3)', () => {
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
    expect(erlangC(10, 7)).toBeCloseTo(0.2217, 4);
  });
  it('Erlang A tends to Erlang C as patience grows, and loses callers as patience shrinks', () => {
    const lambda = 7 * MU;
    const patient = erlangA(10, lambda, MU, 1e-9);
    expect(patient.meanQueue / lambda).toBeCloseTo(mmc(10, lambda, MU).meanWaitS, 3);
    expect(erlangA(10, lambda, MU, 1 / 60).pAbandon).toBeGreaterThan(erlangA(10, lambda, MU, 1 / 600).pAbandon);
  });
});

describe('call handling against Erlang C (M/M/c, no abandonment)', () => {
  for (const [file, c, a] of [
    ['erlang-c-rho70.json', 10, 7],
    ['erlang-c-rho90.json', 10, 9],
  ] as const) {
    it(`${file}: mean wait and share answered within 20 s lie within the 99.9% interval of ${R} replications`, async () => {
      const res = await replicate(file, R);
      const line = res.calls.byLine['999']!;
      const theory = mmc(c, a * MU, MU);
      const meanWait = line.meanAnswerS!;
      const within = line.answeredWithinTargetPct! / 100;
      const tolWait = tolerance(line.ci95?.meanAnswerS, R);
      const tolWithin = tolerance(line.ci95?.answeredWithinTargetPct, R) / 100;
      expect(Math.abs(meanWait - theory.meanWaitS), `mean wait ${meanWait} vs ${theory.meanWaitS} (tolerance ${tolWait})`).toBeLessThanOrEqual(tolWait);
      expect(Math.abs(within - theory.pWithin(20)), `within 20 s ${within} vs ${theory.pWithin(20)} (tolerance ${tolWithin})`).toBeLessThanOrEqual(tolWithin);
      expect(line.abandoned).toBe(0);
      // The interval must be narrow enough to mean something.
      expect(tolWait / theory.meanWaitS, 'relative tolerance of the mean wait').toBeLessThan(0.25);
    });
  }
});

describe('call handling against Erlang A (M/M/c+M, exponential patience)', () => {
  for (const [file, c] of [
    ['erlang-a-8-staff.json', 8],
    ['erlang-a-10-staff.json', 10],
  ] as const) {
    it(`${file}: the share abandoned lies within the 99.9% interval of ${R} replications`, async () => {
      const res = await replicate(file, R);
      const line = res.calls.byLine['999']!;
      const lambda = 9 * MU;
      const theory = erlangA(c, lambda, MU, 1 / 180);
      const abandoned = line.abandonedPct! / 100;
      const tolAb = tolerance(line.ci95?.abandonedPct, R) / 100;
      expect(Math.abs(abandoned - theory.pAbandon), `abandoned ${abandoned} vs ${theory.pAbandon} (tolerance ${tolAb})`).toBeLessThanOrEqual(tolAb);
      expect(tolAb / theory.pAbandon, 'relative tolerance of the share abandoned').toBeLessThan(0.25);
    });
  }
});
