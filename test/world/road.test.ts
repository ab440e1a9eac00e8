import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/sim';
import { greatCircleM } from '../../src/sim/geo';
import { pointOnEdge } from '../../src/sim/travel/road-trip';
import { buildWorld, WorldError, type DataProvider } from '../../src/world';
import { createRoadSnapper, graphSnapper, roadWorld, snapDistanceGrid } from '../../src/world/road';
import type { RoadTravelModel } from '../../src/sim/travel/road';
import { asciiNetwork } from '../sim/roads/helpers';
import { parsed, smallInput } from '../sim/fixtures/small';

/** A 6 x 6 grid of 1 km blocks north-west of Charing Cross, with a one-way street. */
const GRID = `
  A - B - C - D - E - F
  |   |   |   |   |   |
  G - H - I - J - K - L
  |   |   |   |   |   |
  M - N > O - P - Q - R
  |   |   |   |   |   |
  S - T - U - W - X - Y
  |   |   |   |   |   |
  Z - a - b - c - d - e
  |   |   |   |   |   |
  f - g - h - i - j - k
`;
const net = asciiNetwork(GRID, { cellM: 1000, origin: { lon: -0.16, lat: 51.54 } });

describe('snapping', () => {
  const snapper = createRoadSnapper(net.graph);

  it('finds the nearest road position, its offset along the edge and the distance to it', () => {
    const a = net.at('A');
    const b = net.at('B');
    // 40% of the way from A to B, 120 m south of the road.
    const lon = a.lon + 0.4 * (b.lon - a.lon);
    const lat = a.lat - 120 / 111_195;
    const snap = snapper.snap(lon, lat);
    expect(snap.distanceM).toBeCloseTo(120, 0);
    const onRoad = pointOnEdge(net.graph, snap.edge, snap.offsetM);
    expect(greatCircleM(onRoad.lon, onRoad.lat, lon, a.lat), 'snapped point is on A-B below the place').toBeLessThan(0.5);
    const tail = net.graph.edgeTail[snap.edge]!;
    const fromTail = greatCircleM(net.graph.nodeLon[tail]!, net.graph.nodeLat[tail]!, onRoad.lon, onRoad.lat);
    expect(snap.offsetM, 'offset is metres from the edge tail').toBeCloseTo(fromTail, 3);
  });

  it('is exact against brute force over every road segment', () => {
    const g = net.graph;
    for (let i = 0; i < 200; i++) {
      const lon = -0.17 + ((i * 37) % 101) / 101 * 0.1;
      const lat = 51.48 + ((i * 53) % 97) / 97 * 0.07;
      let best = Infinity;
      for (let r = 0; r < g.roadCount; r++) {
        const e = g.roadForwardEdge[r]! >= 0 ? g.roadForwardEdge[r]! : g.roadBackwardEdge[r]!;
        for (let k = 0; k <= 200; k++) {
          const p = pointOnEdge(g, e, (k / 200) * g.edgeLengthM[e]!);
          best = Math.min(best, greatCircleM(lon, lat, p.lon, p.lat));
        }
      }
      // Brute force samples every 5 m along 1 km roads: within 2.5 m of the true nearest point.
      expect(snapper.distanceM(lon, lat)).toBeLessThanOrEqual(best + 1e-6);
      expect(snapper.distanceM(lon, lat)).toBeGreaterThan(best - 2.6);
    }
  });

  it('gives the same snaps by its grids as by the tree alone: near roads, at vertices (ties), far away (the coarse grid) and farther (the fallback)', () => {
    const tree = createRoadSnapper(net.graph, { index: 'tree' });
    const g = net.graph;
    let state = 11;
    const rnd = (): number => (state = (state * 48271) % 2147483647) / 2147483647;
    const points: [number, number][] = [];
    // The network spans about -0.16..-0.087 E, 51.495..51.54 N; points up to 10 km beyond it.
    for (let i = 0; i < 2000; i++) points.push([-0.3 + rnd() * 0.35, 51.4 + rnd() * 0.25]);
    for (let v = 0; v < g.vertexLon.length; v++) points.push([g.vertexLon[v]!, g.vertexLat[v]!]);
    let far = 0;
    let farther = 0;
    for (const [lon, lat] of points) {
      const byGrid = snapper.snap(lon, lat);
      expect(byGrid, `snap of (${lon}, ${lat})`).toEqual(tree.snap(lon, lat));
      if (byGrid.distanceM > 400 && byGrid.distanceM < 3000) far++;
      if (byGrid.distanceM > 3500) farther++;
    }
    expect(far, 'some points are found by the coarse grid').toBeGreaterThan(100);
    expect(farther, 'some points are beyond both grids (the tree fallback ran)').toBeGreaterThan(100);
  });

  it('maps snap distance on a grid, large where there are no roads', () => {
    const grid = snapDistanceGrid(snapper, [-0.2, 51.48, -0.08, 51.56], 1000);
    expect(grid.cols * grid.rows).toBe(grid.distanceM.length);
    const west = grid.distanceM[Math.floor(grid.rows / 2) * grid.cols]!; // lon about -0.2: 3 km west of the grid
    const inside = grid.distanceM[Math.floor(grid.rows / 2) * grid.cols + Math.floor(grid.cols * 0.6)]!;
    expect(west).toBeGreaterThan(2000);
    expect(inside).toBeLessThan(710);
    expect(() => snapDistanceGrid(snapper, [0, 0, 0, 0], 100)).toThrow(/empty box/);
  });
});

describe('road worlds', () => {
  const provider: DataProvider = {
    areas: () => Promise.reject(new Error('no areas')),
    points: () => Promise.reject(new Error('no points')),
    network: async (source) => {
      if (source !== 'grid') throw new Error(`no network ${source}`);
      return net.graph;
    },
  };

  it('buildWorld uses road travel for travel.mode "road", and the simulator runs on it', async () => {
    const input = smallInput();
    input.travel = { mode: 'road', detourFactor: 1.3, offRoadSpeedKph: 20, turnout: { dist: 'fixed', value: 60 } };
    input.network = { source: 'grid' };
    const scenario = parsed(input);
    const world = await buildWorld(scenario, provider);
    expect(world.travel.mode).toBe('road');
    const place = world.travel.place(-0.055, 51.527);
    expect(place.edge).toBeGreaterThanOrEqual(0);
    expect(place.accessM, 'Bethnal Green is east of the grid').toBeGreaterThan(2000);
    const spread = world.randomNetworkPlace!;
    let u = 0.123;
    const uniform = (): number => (u = (u * 9301 + 0.49297) % 1);
    for (let i = 0; i < 50; i++) expect(spread(uniform).accessM, 'network places lie on the roads').toBe(0);
    const run = runScenario(scenario, world);
    const results = run.results;
    expect((results.grades.I as { attended: number }).attended, 'immediate incidents attended by road').toBeGreaterThan(0);
    expect(results.meta.accessLegTimePct, 'access legs counted (BG is off the grid)').toBeGreaterThan(0);
  });

  it('shares one snapper and the kept road parts between worlds on one graph, and runs on the second world as on a world alone', async () => {
    const input = smallInput();
    input.travel = { mode: 'road', detourFactor: 1.3, offRoadSpeedKph: 20, turnout: { dist: 'fixed', value: 60 } };
    input.network = { source: 'grid' };
    const first = parsed(input);
    // Another world spec (its congestion) on the same graph and road speeds.
    const second = parsed({ ...input, travel: { ...input.travel, congestionByHour: Array.from({ length: 24 }, (_, h) => (h < 12 ? 1.1 : 1.2)) } });
    expect(graphSnapper(net.graph), 'one snapper per graph').toBe(graphSnapper(net.graph));
    const a = await buildWorld(first, provider);
    runScenario(first, a);
    const b = await buildWorld(second, provider);
    const ta = a.travel as RoadTravelModel;
    const tb = b.travel as RoadTravelModel;
    expect(tb.roads.trees, "the first world's trees").toBe(ta.roads.trees);
    // The same graph drawn again: a graph object of its own, so nothing is shared with the worlds above.
    const alone = asciiNetwork(GRID, { cellM: 1000, origin: { lon: -0.16, lat: 51.54 } });
    const c = await buildWorld(second, { ...provider, network: async () => alone.graph });
    expect((c.travel as RoadTravelModel).roads.trees).not.toBe(ta.roads.trees);
    expect(JSON.stringify(runScenario(second, b).results), 'a run on the world sharing parts, as on a world alone').toBe(JSON.stringify(runScenario(second, c).results));
  });

  it('names the scenario path of bad road settings and of a network that is not a road graph', () => {
    const input = smallInput();
    input.travel = { mode: 'road', roadSpeedsKph: { motorway: 80, lane: 10 } };
    input.network = { source: 'grid' };
    const scenario = parsed(input);
    const bad = (() => {
      try {
        roadWorld(scenario, net.graph);
      } catch (error) {
        return error;
      }
    })();
    expect(bad).toBeInstanceOf(WorldError);
    expect((bad as WorldError).issues[0]!.path).toBe('travel.roadSpeedsKph.lane');
    expect(() => roadWorld(parsed({ ...smallInput(), travel: { mode: 'road' }, network: { source: 'x' } }), { nodes: 3 })).toThrow(/network\.source: "x" did not give a road graph/);
  });
});
