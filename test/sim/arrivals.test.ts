import { describe, expect, it } from 'vitest';
import { ArrivalProcess, rateAt, type ArrivalProfile } from '../../src/sim/demand/arrivals';
import { streamRng } from '../../src/sim/random/rng';
import type { SurgeSegment } from '../../src/sim/demand/weights';
import { startOffsetS, weekdayMonday0 } from '../../src/sim/time';

const flatSegment: SurgeSegment[] = [{ fromS: -Infinity, toS: Infinity, factor: Float64Array.of(1), cumulative: [Float64Array.of(1)] }];

function profile(over: Partial<ArrivalProfile> = {}): ArrivalProfile {
  return {
    baseRatePerS: 2400 / 86400,
    hourOfDay: Array.from({ length: 24 }, (_, h) => (h < 12 ? 0.5 : 1.5)),
    dayOfWeek: [1, 1, 1, 1, 1, 1, 1],
    segments: flatSegment,
    lineIndex: 0,
    offsetS: 0,
    ...over,
  };
}

function countByHour(p: ArrivalProfile, days: number): number[] {
  const proc = new ArrivalProcess(p, streamRng(4, 'arrivals:test'), days * 86400);
  const counts = new Array<number>(24).fill(0);
  for (let t = proc.next(0); t < Infinity; t = proc.next(t)) counts[Math.floor((t % 86400) / 3600)]!++;
  return counts;
}

describe('non-homogeneous Poisson arrivals', () => {
  it('follow the hour-of-day profile (each hour within 4 Poisson sd of its expectation)', () => {
    const days = 60;
    const counts = countByHour(profile(), days);
    counts.forEach((c, h) => {
      const expected = (2400 / 24) * (h < 12 ? 0.5 : 1.5) * days;
      expect(Math.abs(c - expected), `hour ${h}: ${c} vs ${expected}`).toBeLessThan(4 * Math.sqrt(expected));
    });
  });

  it('follow the day-of-week profile and a start that is not a Monday', () => {
    // Start on a Saturday (2025-01-11) at 00:00: day 0 is Saturday, weight 3; other days 2/3.
    const dow = [2 / 3, 2 / 3, 2 / 3, 2 / 3, 2 / 3, 3, 1];
    const offsetS = startOffsetS('2025-01-11T00:00:00');
    expect(offsetS / 86400).toBe(5);
    const p = profile({ hourOfDay: new Array(24).fill(1), dayOfWeek: dow, offsetS });
    const proc = new ArrivalProcess(p, streamRng(9, 'a'), 7 * 86400);
    const perDay = new Array<number>(7).fill(0);
    for (let t = proc.next(0); t < Infinity; t = proc.next(t)) perDay[Math.floor(t / 86400)]!++;
    expect(Math.abs(perDay[0]! - 2400 * 3), 'Saturday').toBeLessThan(4 * Math.sqrt(7200));
    expect(Math.abs(perDay[2]! - 1600), 'Monday').toBeLessThan(4 * 40);
    expect(rateAt(p, 0)).toBeCloseTo((2400 / 86400) * 3, 12);
  });

  it('stop at the end and give Infinity for a zero rate', () => {
    const proc = new ArrivalProcess(profile(), streamRng(1, 'x'), 1000);
    let t = proc.next(0);
    let last = 0;
    while (t < Infinity) {
      last = t;
      t = proc.next(t);
    }
    expect(last).toBeLessThan(1000);
    expect(new ArrivalProcess(profile({ baseRatePerS: 0 }), streamRng(1, 'x'), 1e9).next(0)).toBe(Infinity);
  });

  it('knows the weekday of a date', () => {
    expect(weekdayMonday0(2025, 1, 6), 'MODEL.md\'s start is a Monday').toBe(0);
    expect(weekdayMonday0(2024, 2, 29)).toBe(3);
    expect(startOffsetS('2025-01-08T07:30:00')).toBe(2 * 86400 + 7.5 * 3600);
  });
});
