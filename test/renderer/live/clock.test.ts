import { describe, expect, it } from 'vitest';
import { MAX_AHEAD_WALL_S, clockLabel, drawTime, weekOffsetS } from '../../../src/renderer/live/clock';

describe('the simulated clock', () => {
  it('names the weekday and time from a Monday start, with the warm-up before day 1', () => {
    expect(clockLabel(0, 0)).toEqual({ time: 'Mon 00:00:00', day: 'Day 1' });
    expect(clockLabel(7 * 3600 + 32 * 60 + 5.9, 0)).toEqual({ time: 'Mon 07:32:05', day: 'Day 1' });
    expect(clockLabel(-24 * 3600, 0), 'a day of warm-up before a Monday start').toEqual({ time: 'Sun 00:00:00', day: 'Warm-up' });
    expect(clockLabel(6 * 86400 + 1, 0).time).toBe('Sun 00:00:01');
    expect(clockLabel(86400 * 8, 0)).toEqual({ time: 'Tue 00:00:00', day: 'Day 9' });
  });

  it('reads the scenario start: 2025-01-08 is a Wednesday', () => {
    const offset = weekOffsetS('2025-01-08T06:30:00');
    expect(offset).toBe(2 * 86400 + 6.5 * 3600);
    expect(clockLabel(0, offset).time).toBe('Wed 06:30:00');
    expect(weekOffsetS(undefined)).toBe(0);
    expect(weekOffsetS('soon')).toBe(0);
  });

  it('runs the drawing clock on from the last frame at the playing speed, for a moment only', () => {
    const frame = { tS: 100, playing: true, speed: 60 as const, finished: false };
    expect(drawTime(frame, 1000, 1100), '0.1 s at 60x').toBeCloseTo(106, 9);
    expect(drawTime(frame, 1000, 9000), 'stalled frames: no further than the cap').toBeCloseTo(100 + 60 * MAX_AHEAD_WALL_S, 9);
    expect(drawTime({ ...frame, playing: false }, 1000, 1100)).toBe(100);
    expect(drawTime({ ...frame, speed: 'max' }, 1000, 1100), 'as fast as possible shows frames as they come').toBe(100);
    expect(drawTime(frame, 1000, 900), 'never before the frame').toBe(100);
  });
});
