/**
 * A route found from the meeting its time noted (RoadQueries.lastMeeting, meet-table.ts
 * mergedMeeting) is the route found by merging the spaces again, piece for piece: the same first
 * least meeting, ties included (a grid of equal roads has many).
 */
import { describe, expect, it } from 'vitest';
import { roadPosition } from '../../../src/sim/roads/query/ends';
import { meetingKey, mergedMeeting, readMeeting, type Meeting } from '../../../src/sim/roads/query/meet-table';
import { endMeeting, endSpace } from '../../../src/sim/roads/query/end-spaces';
import { meetDistance, type SearchSpace } from '../../../src/sim/roads/query/search-space';
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

  it('trips to a few places met again and again (by their end spaces) keep their times and routes', () => {
    const options = { maxTrees: 0 };
    const travel = buildRoadTravel(NET.graph, { detourFactor: 1.3, offRoadSpeedKph: 20 }, hourOfDayClock(), options);
    const a = NET.at('A');
    const t = NET.at('T');
    const rnd = seeded(5);
    const randomPlace = (): Place => travel.place(a.lon + rnd() * (t.lon - a.lon), t.lat + rnd() * (a.lat - t.lat));
    const homes = [0, 1, 2, 3].map(() => roadPosition(NET.graph, randomPlace()));
    for (let n = 0; n < 300; n++) {
      const p = roadPosition(NET.graph, randomPlace());
      const q = homes[n % homes.length]!;
      const ms = travel.roads.ms(p, q);
      const met = travel.roads.lastMeeting;
      // A fresh model has met no place before: its spaces merged pair by pair.
      const fresh = buildRoadTravel(NET.graph, { detourFactor: 1.3, offRoadSpeedKph: 20 }, hourOfDayClock(), options);
      expect(ms, `trip ${n}`).toBe(fresh.roads.ms(p, q));
      const route = travel.roads.route(p, q, ms, met);
      const reference = fresh.roads.route(p, q, ms);
      expect([route.first, route.last, [...route.arcs]], `trip ${n}`).toEqual([reference.first, reference.last, [...reference.arcs]]);
    }
  });

  it('an end space meets as every pair of spaces merged: the same ms and meeting, ties included', () => {
    const rnd = seeded(17);
    const space = (): SearchSpace => {
      const ranks = [...new Set(Array.from({ length: 3 + Math.floor(rnd() * 8) }, () => Math.floor(rnd() * 14)))].sort((x, y) => x - y);
      return { ranks: Uint32Array.from(ranks), dist: Float64Array.from(ranks, () => Math.floor(rnd() * 6)), parentArc: new Int32Array(ranks.length), parentIndex: new Int32Array(ranks.length), seed: new Int8Array(ranks.length) };
    };
    for (let n = 0; n < 2000; n++) {
      const forward = rnd() < 0.3 ? [space()] : [space(), space()];
      const backward = [space(), space()];
      const outCosts = forward.map(() => Math.floor(rnd() * 4));
      const inCosts = [Math.floor(rnd() * 4), Math.floor(rnd() * 4)];
      const expected: Meeting = { i: -1, j: -1, f: -1, b: -1 };
      const got: Meeting = { i: -1, j: -1, f: -1, b: -1 };
      const ms = mergedMeeting(outCosts, forward, inCosts, backward, expected);
      expect(endMeeting(outCosts, forward, endSpace(inCosts, backward), got), `case ${n}`).toBe(ms);
      expect(got, `case ${n}`).toEqual(expected);
    }
  });

  it('a meeting number reads back as the meeting, and merging gives the least sum over every pair of ways', () => {
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
    const pairs = [0, 1].flatMap((i) => [0, 1].map((j) => [4, 2][i]! + meetDistance(forward[i]!, backward[j]!) + [1, 3][j]!));
    expect(ms).toBe(Math.min(...pairs));
    // Out 1 and in 0 by rank 4, 2 + (3 + 6) + 1 = 12, ties with out 1 and in 1 by rank 4, 2 + (3 + 4) + 3: the first is kept.
    expect(ms).toBe(12);
    expect(at).toEqual({ i: 1, j: 0, f: 1, b: 1 });
  });
});
