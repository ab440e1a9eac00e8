import { describe, expect, it } from 'vitest';
import { distributionData, hourlyData } from '../../../src/renderer/charts/data';
import { fakeResults } from '../../host/fakes';

describe('chart data', () => {
  it('turns a histogram into shares per bin with the target, the share within it and the overflow', () => {
    // Target 900 s, bins of 60 s: 15 bins up to the target.
    const counts = new Array<number>(61).fill(0);
    counts[5] = 6; // 5-6 min
    counts[14] = 2; // 14-15 min: still within
    counts[15] = 1; // 15-16 min: late
    counts[60] = 1; // later than an hour
    const d = distributionData({ binS: 60, counts, targetS: 900 });
    expect(d.x.length, 'the overflow bin is reported apart').toBe(60);
    expect(d.x[5]).toBe(5);
    expect(d.share[5]).toBeCloseTo(60, 9);
    expect(d.targetMin).toBe(15);
    expect(d.withinPct).toBeCloseTo(80, 9);
    expect(d.overflowPct).toBeCloseTo(10, 9);
    expect(d.attended).toBe(10);
    expect(distributionData({ binS: 60, counts: new Array<number>(61).fill(0), targetS: 900 }).share.every((s) => s === 0), 'no incidents: zeros, not NaN').toBe(true);
  });

  it('takes the hourly profile with I means in minutes and gaps where no I incident came', () => {
    const r = fakeResults(1, 1);
    r.hourly = [
      { hour: 0, calls: 10, I: { incidents: 2, meanResponseS: 600, withinTargetPct: 100 }, busyUnits: 3, returningUnits: 0, onDutyUnits: 9 },
      { hour: 1, calls: 4, I: { incidents: 0, meanResponseS: null, withinTargetPct: null }, busyUnits: 1, returningUnits: 0, onDutyUnits: 9 },
    ];
    expect(hourlyData(r)).toEqual({ x: [0, 1], calls: [10, 4], iMeanMin: [10, null], busyUnits: [3, 1], onDutyUnits: [9, 9] });
  });
});
