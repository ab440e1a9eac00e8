/**
 * What ranking prunes with must never exceed the truth, and what it merges with must equal the
 * plain merges: the meet table (roads/query/meet-table.ts), landmark bounds (landmarks.ts), the route cache.
 */
import { describe, expect, it } from 'vitest';
import { contract } from '../../../src/sim/roads/build/contract';
import { MeetTable } from '../../../src/sim/roads/query/meet-table';
import { meetDistance, SpaceSearch } from '../../../src/sim/roads/query/search-space';
import { WayCache } from '../../../src/sim/travel/way-cache';
import type { Place } from '../../../src/sim/world';
import { buildRoadTravel, hourOfDayClock } from '../../../src/world/road';
import { asciiNetwork, randomGrid, seeded } from './helpers';

describe('the meet table', () => {
  it('gives what merging every pair of spaces gives, seed costs included', () => {
    const g = randomGrid(14, 12, 4);
    const spaces = new SpaceSearch(contract(g));
    const table = new MeetTable(g.nodeCount);
    const rnd = seeded(8);
    let finite = 0;
    for (let i = 0; i < 300; i++) {
      const node = () => Math.floor(rnd() * g.nodeCount);
      const into = { nodes: [node(), node()], costs: [Math.floor(rnd() * 50), Math.floor(rnd() * 50)] };
      const out = { nodes: [node(), node()], costs: [Math.floor(rnd() * 50), Math.floor(rnd() * 50)] };
      const backward = into.nodes.map((y) => spaces.backward({ nodes: [y], costs: [0] }));
      const forward = out.nodes.map((x) => spaces.forward({ nodes: [x], costs: [0] }));
      let expected = Infinity;
      for (let a = 0; a < 2; a++) for (let b = 0; b < 2; b++) expected = Math.min(expected, out.costs[a]! + meetDistance(forward[a]!, backward[b]!) + into.costs[b]!);
      table.set(backward, into.costs);
      const got = Math.min(out.costs[0]! + table.meet(forward[0]!), out.costs[1]! + table.meet(forward[1]!));
      expect(got, `pair ${i}`).toBe(expected);
      if (Number.isFinite(expected)) finite++;
    }
    expect(finite).toBeGreaterThan(200);
  });
});

describe('the meet table, 4 bytes a rank', () => {
  it('keeps no sum of 2^32 - 1 ms or more (no wrapping): such a meeting is none', () => {
    const table = new MeetTable(8);
    const space = (ranks: number[], dist: number[]) => ({ ranks: Uint32Array.from(ranks), dist: Float64Array.from(dist), parentArc: new Int32Array(ranks.length), parentIndex: new Int32Array(ranks.length), seed: new Int8Array(ranks.length) });
    table.set([space([1, 2, 5], [0, 2 ** 32, 2 ** 32 - 10])], [20]);
    expect(table.meet(space([2], [0])), 'past 2^32: not kept').toBe(Infinity);
    expect(table.meet(space([5], [0])), 'the sum reaches 2^32 - 1 + 11: not kept').toBe(Infinity);
    expect(table.meet(space([1, 3], [7, 0]))).toBe(27);
    expect(table.meet(space([3, 4], [0, 0])), 'ranks outside the table').toBe(Infinity);
    table.set([space([3], [2 ** 32 - 30])], [0]);
    expect(table.meet(space([3], [0])), 'just below 2^32 - 1').toBe(2 ** 32 - 30);
    expect(table.meet(space([1], [0])), 'the table before is forgotten').toBe(Infinity);
  });
});

describe('ranking with landmark bounds', () => {
  const net = asciiNetwork(
    `
    A - B - C - D - E - F
    |   v   |   ^   |   |
    G < H - I - J < K - L
    |   |   v   |   |   ^
    M - N - O > P - Q - R
    ^   |   |   v   |   |
    S - T < U - V - W > X
  `,
    { cellM: 150, classes: { GH: 'primary', HI: 'primary', IJ: 'primary', JK: 'primary' } },
  );
  const settings = { detourFactor: 1.3, offRoadSpeedKph: 20, blueLightFactor: 1.5 };
  const a = net.at('A');
  const x = net.at('X');

  it('ranks exactly as plain times do, once trees (the landmarks) exist, with units at bases and on the move', () => {
    const travel = buildRoadTravel(net.graph, settings, hourOfDayClock(), { treeAfter: 2 });
    const plain = buildRoadTravel(net.graph, settings, hourOfDayClock(), { maxTrees: 0 });
    const rnd = seeded(12);
    const randomPlace = (): Place => travel.place(a.lon + rnd() * (x.lon - a.lon), x.lat + rnd() * (a.lat - x.lat));
    const bases = Array.from({ length: 8 }, randomPlace);
    let moving = 0;
    for (let call = 0; call < 150; call++) {
      const dest = randomPlace();
      // Units at the bases, and units part-way along trips (places made by placeAt).
      const origins: Place[] = bases.flatMap((b) => [b, b]);
      for (let k = 0; k < 6; k++) {
        const trip = travel.trip(randomPlace(), bases[k]!, 0, false);
        origins.push(trip.placeAt(rnd() * trip.durationS));
        moving++;
      }
      const departS = call * 977;
      const blue = call % 3 === 0;
      const times = plain.timesTo(origins, dest, departS, blue);
      const order = [...times.keys()].sort((p, q) => times[p]! - times[q]! || p - q);
      for (const k of [1, 4]) {
        const ranked = travel.rankTo(origins, dest, departS, blue, k);
        expect(ranked.map((r) => r.index), `call ${call}, k ${k}`).toEqual(order.slice(0, k));
        for (const r of ranked) expect(r.timeS, `call ${call}, origin ${r.index}`).toBe(times[r.index]);
      }
    }
    expect(travel.treeStats.kept, 'bases got trees, so landmark bounds were used').toBeGreaterThanOrEqual(8);
    expect(moving).toBe(900);
  });
});

describe('the way cache', () => {
  it('keys pairs of places by identity, and starts afresh when full', () => {
    const cache = new WayCache(3);
    const p = { lon: 0, lat: 0, edge: 1, offsetM: 0, accessM: 0 };
    const same = { ...p };
    const q = { ...p, edge: 2 };
    cache.add(p, q, 1);
    expect(cache.ms(cache.find(p, q))).toBe(1);
    expect(cache.find(same, q), 'an equal but other object is another place').toBe(-1);
    expect(cache.find(q, p), 'pairs have a direction').toBe(-1);
    cache.add(q, p, 2);
    cache.add(p, p, 3);
    expect(cache.ms(cache.find(p, p))).toBe(3);
    expect(cache.generation).toBe(0);
    cache.add(q, q, Infinity);
    expect(cache.ms(cache.find(q, q)), 'the fourth pair is kept').toBe(Infinity);
    expect(cache.find(p, q), 'the first three were dropped').toBe(-1);
    expect(cache.generation).toBe(1);
    expect(cache.size).toBe(1);
  });
});
