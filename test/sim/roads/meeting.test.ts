/**
 * A route found from the meeting its time noted (RoadQueries.lastMeeting, meet-table.ts
 * mergedMeeting) is the route found by merging the spaces again, piece for piece: the same first
 * least meeting, ties included (a grid of equal roads has many).
 */
import { describe, expect, it } from 'vitest';
import { roadPosition } from '../../../src/sim/roads/query/ends';
import { meetingKey, mergedMeeting, mergedMs, readMeeting, type Meeting } from '../../../src/sim/roads/query/meet-table';
import type { Place } from '../../../src/sim/world';
import { buildRoadTravel, hourOfDayClock } from '../../../src/world/road';
import { asciiNetwork, seeded } from './helpers';

const NET = asciiNetwork(
  `
  A - B - C - D - E
  |   v   |   ^   |
  F < G - H - I < J
  |   |   v   |   |
  K - L - M - N - O
  |   |   |   |   |
  P - Q - R > S - T
`,
  { cellM: 200 },
);

describe('routes from a noted meeting', () => {
  it('are the routes found afresh, for every pair, ties included', () => {
    const travel = buildRoadTravel(NET.graph, { detourFactor: 1.3, offRoadSpeedKph: 20 }, hourOfDayClock(), { maxTrees: 0 });
    const a = NET.at('A');
    const t = NET.at('T');
    const rnd = seeded(11);
    const randomPlace = (): Place => travel.place(a.lon + rnd() * (t.lon - a.lon), t.lat + rnd() * (a.lat - t.lat));
    let hinted = 0;
    for (let n = 0; n < 400; n++) {
      const p = roadPosition(NET.graph, randomPlace());
      const q = roadPosition(NET.graph, randomPlace());
      const ms = travel.roads.ms(p, q);
      const met = travel.roads.lastMeeting;
      if (met === met) hinted++;
      const fresh = travel.roads.route(p, q, ms);
      const fromMeeting = travel.roads.route(p, q, ms, met);
      expect(fromMeeting.first, `pair ${n}`).toEqual(fresh.first);
      expect(fromMeeting.last, `pair ${n}`).toEqual(fresh.last);
      expect([...fromMeeting.arcs], `pair ${n}`).toEqual([...fresh.arcs]);
      expect(fromMeeting.pieces(), `pair ${n}`).toEqual(fresh.pieces());
    }
    expect(hinted).toBeGreaterThan(300);
  });

  it('a meeting number reads back as the meeting, and merging with it gives mergedMs', () => {
    const m: Meeting = { i: 1, j: 0, f: 123_456, b: 1_000_000 };
    const back: Meeting = { i: -1, j: -1, f: -1, b: -1 };
    expect(readMeeting(meetingKey(m), back)).toBe(true);
    expect(back).toEqual(m);
    expect(meetingKey({ i: -1, j: -1, f: -1, b: -1 })).toBeNaN();
    expect(readMeeting(NaN, back)).toBe(false);
    const space = (ranks: number[], dist: number[]) => ({ ranks: Uint32Array.from(ranks), dist: Float64Array.from(dist), parentArc: new Int32Array(ranks.length), parentIndex: new Int32Array(ranks.length), seed: new Int8Array(ranks.length) });
    const forward = [space([1, 4, 7, 9], [0, 5, 8, 12]), space([2, 4, 9], [0, 3, 10])];
    const backward = [space([3, 4, 9], [0, 6, 1]), space([4, 7, 8], [4, 1, 0])];
    const at: Meeting = { i: -1, j: -1, f: -1, b: -1 };
    const ms = mergedMeeting([4, 2], forward, [1, 3], backward, at);
    expect(ms).toBe(mergedMs([4, 2], forward, [1, 3], backward));
    // Out 1 and in 0 by rank 4, 2 + (3 + 6) + 1 = 12, ties with out 1 and in 1 by rank 4, 2 + (3 + 4) + 3: the first is kept.
    expect(ms).toBe(12);
    expect(at).toEqual({ i: 1, j: 0, f: 1, b: 1 });
  });
});
