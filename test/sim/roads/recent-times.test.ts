/**
 * Exact times kept per destination (src/sim/roads/query/recent-times.ts): found again for the same
 * pair of road positions only, the oldest of a destination's notes making room for new ones.
 */
import { describe, expect, it } from 'vitest';
import { RecentTimes } from '../../../src/sim/roads/query/recent-times';

const pos = (road: number, posM: number) => ({ road, posM, lengthM: 100 });

describe('recent times', () => {
  it('keeps each destination its own notes, found by exact positions', () => {
    const times = new RecentTimes();
    times.begin(pos(1, 10));
    times.note(pos(2, 5), 700);
    times.note(pos(3, 0), 900);
    times.begin(pos(4, 20));
    expect(times.noted(pos(2, 5)), 'another destination').toBeNaN();
    times.note(pos(2, 5), 300);
    expect(times.find(pos(2, 5), pos(1, 10)), 'a destination before, asked by position').toBe(700);
    times.begin(pos(1, 10));
    expect(times.noted(pos(2, 5))).toBe(700);
    expect(times.noted(pos(3, 0))).toBe(900);
    expect(times.noted(pos(2, 5.001)), 'another position on the road').toBeNaN();
    expect(times.find(pos(2, 5), pos(4, 20))).toBe(300);
    // Under one key (positions to the centimetre) but another position: starts afresh.
    times.begin(pos(1, 10.001));
    expect(times.noted(pos(2, 5))).toBeNaN();
    expect(times.find(pos(2, 5), pos(1, 10)), 'the position it replaced is forgotten').toBeNaN();
  });

  it('keeps the last 32 notes of a destination', () => {
    const times = new RecentTimes();
    times.begin(pos(1, 0));
    for (let i = 0; i < 40; i++) times.note(pos(100 + i, 0), i);
    for (let i = 0; i < 8; i++) expect(times.noted(pos(100 + i, 0)), `note ${i}`).toBeNaN();
    for (let i = 8; i < 40; i++) expect(times.noted(pos(100 + i, 0)), `note ${i}`).toBe(i);
  });
});
