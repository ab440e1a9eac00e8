import { describe, expect, it } from 'vitest';
import { formatCount, formatDuration, formatPct } from '../../src/renderer/format';

describe('display formats', () => {
  it('durations as m:ss, and h:mm:ss from an hour', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(59.6)).toBe('1:00');
    expect(formatDuration(535)).toBe('8:55');
    expect(formatDuration(3691)).toBe('1:01:31');
  });

  it('nothing measured shows as a dash', () => {
    for (const f of [formatDuration, formatPct, formatCount]) {
      expect(f(null)).toBe('–');
      expect(f(undefined)).toBe('–');
      expect(f(Number.NaN)).toBe('–');
    }
  });

  it('percentages with one decimal, counts grouped, means with one decimal', () => {
    expect(formatPct(80)).toBe('80.0%');
    expect(formatPct(12.345)).toBe('12.3%');
    expect(formatCount(12345)).toBe('12,345');
    expect(formatCount(102.46)).toBe('102.5');
  });
});
