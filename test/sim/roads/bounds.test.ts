/**
 * What ranking prunes with must never exceed the truth, and what it merges with must equal the
 * plain merges: the meet table (roads/query/meet-table.ts), landmark bounds (landmarks.ts), the route cache.
 */
import { describe, expect, it } from 'vitest';
import { contract } from '../../../src/sim/roads/build/contract';
import { MeetTable } from '../../../src/sim/roads/query/meet-table';
import { meetDistance, SpaceSearch } from '../../../src/sim/roads/query/search-space';
import { WayCache } from '../../../src/sim/travel/way-cache';
import { HierarchyQuery, UNREACHABLE } from '../../../src/sim/roads/query/hierarchy-query';
import { roadPosition, type RoadPos } from '../../../src/sim/roads/query/ends';
import { LANES } from '../../../src/sim/roads/query/trees';
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

describe('landmark bounds, by the trees and by their reverse trees', () => {
  const net = asciiNetwork(
    `
    A - B > C - D - E
    |   ^   |   v   |
    F < G - H - I < J
    v   |   ^   |   |
    K - L > M - N - O
  `,
    { cellM: 200, classes: { FG: 'primary', GH: 'primary', HI: 'primary' } },
  );
  const settings = { detourFactor: 1.3, offRoadSpeedKph: 20, blueLightFactor: 1.5 };

  it('never exceed the exact road ms, from places and from nodes; reverse trees hold the ms into their origins', () => {
    const travel = buildRoadTravel(net.graph, settings, hourOfDayClock(), { treeAfter: 1 });
    const { roads, graph, hierarchy } = travel;
    const a = net.at('A');
    const o = net.at('O');
    const rnd = seeded(21);
    const position = (): RoadPos => roadPosition(graph, travel.place(a.lon + rnd() * (o.lon - a.lon), o.lat + rnd() * (a.lat - o.lat)));
    const landmarks = Array.from({ length: 6 }, position);
    for (const p of landmarks) roads.buildTree(p);
    expect(roads.trees.reverseBlocks.length).toBe(1);
    const query = new HierarchyQuery(hierarchy);
    // The reverse tree of each landmark: the ms from every node into it (its ways in).
    for (let b = 0; b < landmarks.length; b++) {
      const into = roads.entries(landmarks[b]!);
      for (let v = 0; v < graph.nodeCount; v++) {
        const got = roads.trees.reverseBlocks[0]![hierarchy.rank[v]! * LANES + b]!;
        const exact = query.distance({ nodes: [v], costs: [0] }, into);
        expect(got, `landmark ${b}, node ${v}`).toBe(exact === Infinity ? UNREACHABLE : exact);
      }
    }
    let positive = 0;
    for (let call = 0; call < 300; call++) {
      const to = position();
      const into = roads.entries(to);
      roads.landmarks.prepare(roads.trees, to, into);
      const from = position();
      const exact = roads.ms(from, to, into);
      const bound = roads.landmarks.bound(roads.trees, from, Infinity);
      expect(bound, `call ${call}: place`).toBeLessThanOrEqual(exact);
      if (bound > 0) positive++;
      for (let v = 0; v < graph.nodeCount; v++) {
        const throughNodes = query.distance({ nodes: [v], costs: [0] }, into);
        expect(roads.landmarks.atLeast(hierarchy.rank[v]!), `call ${call}: node ${v}`).toBeLessThanOrEqual(throughNodes);
      }
    }
    expect(positive, 'the bounds say something').toBeGreaterThan(100);
  });
});
