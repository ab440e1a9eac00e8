/**
 * Compact routes (src/sim/roads/query/route.ts): where a trip's traveller is, found by walking down one
 * shortcut, must be exactly where the fully unpacked way puts it (route-reference.ts).
 */
import { describe, expect, it } from 'vitest';
import { contract } from '../../../src/sim/roads/build/contract';
import type { Hierarchy } from '../../../src/sim/roads/hierarchy';
import { arcWeightsMs } from '../../../src/sim/roads/query/route';
import type { Place } from '../../../src/sim/world';
import { buildRoadTravel, hourOfDayClock } from '../../../src/world/road';
import { asciiNetwork, seeded } from './helpers';
import { checkTrips } from './route-reference';

const GRID = `
  A - B > C - D - E
  |   v   |   ^   |
  F < G - H - I < J
  |   |   v   |   |
  K - L - M > N - O
  ^   |   |   v   |
  P - Q < R - S - T
`;

describe('compact routes', () => {
  it('place a traveller exactly where the unpacked way does, at random instants and at every piece boundary', () => {
    const net = asciiNetwork(GRID, { cellM: 60, classes: { KL: 'primary', LM: 'primary', FG: 'service' } });
    // Off-road travel slow enough that trips keep to the roads rather than go directly.
    const travel = buildRoadTravel(net.graph, { detourFactor: 1.3, offRoadSpeedKph: 2, blueLightFactor: 1.4 }, hourOfDayClock());
    const rnd = seeded(3);
    const a = net.at('A');
    const t = net.at('T');
    const randomPlace = (): Place => travel.place(a.lon + (rnd() * 1.2 - 0.1) * (t.lon - a.lon), t.lat + (rnd() * 1.2 - 0.1) * (a.lat - t.lat));
    expect(checkTrips(travel, randomPlace, rnd, 300), 'pieces checked').toBeGreaterThan(1000);
  });

  it('give every hierarchy arc the weight the hierarchy stores for it', () => {
    const net = asciiNetwork(GRID);
    const travel = buildRoadTravel(net.graph, { detourFactor: 1.3, offRoadSpeedKph: 20 }, hourOfDayClock());
    const h = travel.hierarchy;
    const ms = arcWeightsMs(h, travel.weights);
    let shortcuts = 0;
    for (let a = 0; a < h.upOutArc.length; a++) expect(ms[h.upOutArc[a]!], `up arc ${a}`).toBe(h.upOutWeight[a]);
    for (let a = 0; a < h.upInArc.length; a++) expect(ms[h.upInArc[a]!], `down arc ${a}`).toBe(h.upInWeight[a]);
    for (let a = 0; a < h.arcEdge.length; a++) if (h.arcEdge[a]! < 0) shortcuts++;
    expect(shortcuts, 'the grid has shortcuts').toBeGreaterThan(3);
  });

  it('refuse a hierarchy whose shortcut stands for a later arc', () => {
    const net = asciiNetwork(GRID);
    const travel = buildRoadTravel(net.graph, { detourFactor: 1.3, offRoadSpeedKph: 20 }, hourOfDayClock());
    const h = contract({ firstOut: net.graph.firstOut, edgeHead: net.graph.edgeHead, weightMs: travel.weights });
    const s = [...h.arcEdge.keys()].find((a) => h.arcEdge[a]! < 0)!;
    const broken: Hierarchy = { ...h, arcLeft: Int32Array.from(h.arcLeft, (x, a) => (a === s ? h.arcEdge.length - 1 : x)) };
    expect(() => arcWeightsMs(broken, travel.weights)).toThrow(new RegExp(`shortcut ${s} stands for arcs`));
  });

  it('refuse a shortcut whose first half is too long for a packed arc (2^31 ms and over)', () => {
    const net = asciiNetwork(GRID);
    const travel = buildRoadTravel(net.graph, { detourFactor: 1.3, offRoadSpeedKph: 20 }, hourOfDayClock());
    const h = travel.hierarchy;
    expect(() => arcWeightsMs(h, travel.weights), 'the real weights pack').not.toThrow();
    const huge = Uint32Array.from(travel.weights, () => 0x80000000);
    expect(() => arcWeightsMs(h, huge)).toThrow(/first half of \d+ ms, beyond what a packed arc holds/);
  });
});
