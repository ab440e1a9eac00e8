import { describe, expect, it } from 'vitest';
import { positionOnTrip } from '../../../src/renderer/map/trips';

const trip = { departS: 100, coords: [0, 0, 1, 0, 1, 2], timesS: [0, 10, 30] };
const at = (t: number) => positionOnTrip(trip, t, [NaN, NaN]);

describe('a unit on its trip', () => {
  it('waits at the start during turnout, glides between vertices by their times, stays at the end', () => {
    expect(at(50)).toEqual([0, 0]);
    expect(at(105)).toEqual([0.5, 0]);
    expect(at(110)).toEqual([1, 0]);
    expect(at(120)).toEqual([1, 1]);
    expect(at(500)).toEqual([1, 2]);
  });

  it('handles a vertex reached twice at once and a one-vertex trip, and refuses an empty one', () => {
    const still = { departS: 0, coords: [0, 0, 0, 0, 3, 3], timesS: [0, 0, 10] };
    expect(positionOnTrip(still, 5, [0, 0])).toEqual([1.5, 1.5]);
    expect(positionOnTrip({ departS: 0, coords: [4, 5], timesS: [0] }, 9, [0, 0])).toEqual([4, 5]);
    expect(() => positionOnTrip({ departS: 0, coords: [], timesS: [] }, 1, [0, 0])).toThrow(/at least one vertex/);
  });

  it('finds the segment of a long trip (binary search) the same as a walk would', () => {
    const n = 500;
    const long = { departS: 0, coords: Array.from({ length: 2 * n }, (_, i) => (i % 2 === 0 ? i / 2 : 0)), timesS: Array.from({ length: n }, (_, i) => i * 2) };
    for (const t of [0.5, 1, 333.3, 997.9]) expect(positionOnTrip(long, t, [0, 0])[0]).toBeCloseTo(t / 2, 9);
  });
});
