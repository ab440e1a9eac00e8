import { describe, expect, it } from 'vitest';
import { StraightLineTravel, greatCircleM, streamRng } from '../../../src/sim';

const travel = (over: Partial<ConstructorParameters<typeof StraightLineTravel>[0]> = {}) =>
  new StraightLineTravel({ speedKph: 36, detourFactor: 1.5, blueLightFactor: 1.25, startOffsetS: 0, ...over });

describe('straight-line travel', () => {
  it('is great-circle distance x detour / speed', () => {
    const t = travel();
    const a = t.place(-0.15, 51.5);
    const b = t.place(-0.1, 51.5);
    const m = greatCircleM(-0.15, 51.5, -0.1, 51.5);
    expect(m).toBeCloseTo(3463, -1); // 0.05 degrees of longitude at 51.5 N
    expect(t.timesTo([a], b, 0, false)[0]).toBeCloseTo((m * 1.5) / 10, 9);
    const trip = t.trip(a, b, 0, false);
    expect(trip.durationS).toBeCloseTo((m * 1.5) / 10, 9);
    expect(trip.distanceM).toBeCloseTo(m * 1.5, 9);
    expect(trip.accessS).toBe(0);
    expect(a.edge).toBe(-1);
  });

  it('applies congestion by hour of departure and divides by the blue-light factor', () => {
    const congestion = new Array<number>(24).fill(1);
    congestion[8] = 2;
    const t = travel({ congestionByHour: congestion, startOffsetS: 3600 }); // time 0 is 01:00
    const a = t.place(-0.15, 51.5);
    const b = t.place(-0.1, 51.5);
    const base = t.timesTo([a], b, 0, false)[0]!;
    expect(t.timesTo([a], b, 7 * 3600, false)[0], '08:00: twice as slow').toBeCloseTo(2 * base, 9);
    expect(t.timesTo([a], b, 7 * 3600, true)[0], 'on blue lights').toBeCloseTo((2 * base) / 1.25, 9);
    expect(t.timesFrom(a, [b, a], 0, true)[1]).toBe(0);
  });

  it('knows where a traveller is at any instant', () => {
    const t = travel();
    const trip = t.trip(t.place(0, 51), t.place(0.1, 51), 0, false);
    expect(trip.placeAt(-5)).toMatchObject({ lon: 0, lat: 51 });
    expect(trip.placeAt(trip.durationS / 4).lon).toBeCloseTo(0.025, 12);
    expect(trip.placeAt(trip.durationS + 5)).toMatchObject({ lon: 0.1, lat: 51 });
    const g = trip.geometry();
    expect(Array.from(g.coords)).toEqual([0, 51, 0.1, 51]);
    expect(Array.from(g.timesS)).toEqual([0, trip.durationS]);
  });

  it('ranks origins by time, ties to the lower index', () => {
    const t = travel();
    const dest = t.place(0, 51);
    const origins = [t.place(0.02, 51), t.place(0.01, 51), t.place(-0.01, 51), t.place(0.03, 51)];
    expect(t.rankTo(origins, dest, 0, false, 3).map((r) => r.index)).toEqual([1, 2, 0]);
    expect(t.rankTo(origins, dest, 0, false, 1)[0]!.timeS).toBeCloseTo(t.timesTo([origins[1]!], dest, 0, false)[0]!, 12);
    expect(t.rankTo([], dest, 0, false, 1)).toEqual([]);
  });

  it('finds the nearest exactly as a scan of greatCircleM does: the first of equals, the same time to the bit', () => {
    const t = travel();
    const rng = streamRng(3, 'rank-test');
    for (let round = 0; round < 300; round++) {
      const dest = t.place(-0.5 + rng.next(), 51.3 + 0.4 * rng.next());
      // Many origins, some repeated (ties), some at the destination itself (distance 0), on a coarse grid (near-ties).
      const origins = Array.from({ length: 1 + Math.floor(rng.next() * 80) }, () => {
        const u = rng.next();
        if (u < 0.05) return dest;
        return t.place(-0.5 + Math.round(rng.next() * 40) / 40, 51.3 + Math.round(rng.next() * 16) / 40);
      });
      if (round % 3 === 0) origins.push(...origins.slice(0, 5));
      let best = -1;
      let bestM = Infinity;
      origins.forEach((o, i) => {
        const m = greatCircleM(o.lon, o.lat, dest.lon, dest.lat);
        if (m < bestM) {
          bestM = m;
          best = i;
        }
      });
      const [top] = t.rankTo(origins, dest, 3600 * round, round % 2 === 0, 1);
      expect(top!.index).toBe(best);
      expect(top!.timeS).toBe(t.timesTo([origins[best]!], dest, 3600 * round, round % 2 === 0)[0]);
    }
    const far = [t.place(179.9, 0.1), t.place(-179.9, -0.1), t.place(180, 0)];
    expect(t.rankTo(far, t.place(0, 0), 0, false, 1)[0]!.index, 'nearly antipodal').toBe(0);
  });

  it('ranks the k best exactly as a stable sort of timesTo does, for every k', () => {
    const congestion = new Array<number>(24).fill(1);
    congestion[5] = 0; // all times 0: ties to the lower index
    const t = travel({ congestionByHour: congestion });
    const rng = streamRng(5, 'rank-k-test');
    const slots: ReturnType<typeof t.place>[] = [];
    for (let round = 0; round < 300; round++) {
      const dest = t.place(-0.5 + rng.next(), 51.3 + 0.4 * rng.next());
      const n = 1 + Math.floor(rng.next() * 40);
      // One array reused, as dispatch does: slots keep their place or take a new one.
      slots.length = n;
      for (let i = 0; i < n; i++) {
        const u = rng.next();
        if (slots[i] !== undefined && u < 0.5) continue;
        slots[i] = u < 0.55 ? dest : t.place(-0.5 + Math.round(rng.next() * 40) / 40, 51.3 + Math.round(rng.next() * 16) / 40);
      }
      const departS = 3600 * round;
      const blue = round % 2 === 0;
      const times = t.timesTo(slots, dest, departS, blue);
      const order = Array.from(times.keys()).sort((a, b) => times[a]! - times[b]! || a - b);
      for (const k of [2, 3, 5, n - 1, n, n + 2, 17, 20]) {
        if (k < 2) continue;
        const want = order.slice(0, k).map((index) => ({ index, timeS: times[index]! }));
        expect(t.rankTo(slots, dest, departS, blue, k), `round ${round} k ${k}`).toEqual(want);
      }
    }
    const far = [t.place(179.9, 0.1), t.place(-179.9, -0.1), t.place(180, 0), t.place(0, 1)];
    expect(t.rankTo(far, t.place(0, 0), 0, false, 2).map((r) => r.index), 'nearly antipodal').toEqual([3, 0]);
  });

  it('refuses a speed of zero', () => {
    expect(() => travel({ speedKph: 0 })).toThrow(/speedKph/);
  });
});
