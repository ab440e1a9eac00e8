/**
 * snapToRoads' worker side: `snapPoints` puts a point on the road network the simulator uses (the
 * road TravelModel's snapping, as units leave a base), and the worker loop answers `snap` on the
 * world it keeps for the scenario's world spec (null on straight-line travel).
 */
import { describe, expect, it } from 'vitest';
import { createSimHost } from '../../src/host/loop';
import { snapPoints } from '../../src/host/real-simulator';
import type { FromWorker } from '../../src/shared/protocol';
import { greatCircleM } from '../../src/sim/geo';
import { buildWorld, type DataProvider } from '../../src/world';
import { asciiNetwork } from '../sim/roads/helpers';
import { parsed, smallInput } from '../sim/fixtures/small';
import { fakeSimulator } from './fakes';

const net = asciiNetwork(`
  A - B - C
  |   |   |
  D - E - F
`, { cellM: 1000, origin: { lon: -0.16, lat: 51.54 } });
const provider: DataProvider = {
  areas: () => Promise.reject(new Error('no areas')),
  points: () => Promise.reject(new Error('no points')),
  network: async () => net.graph,
};

describe('snapping a base to the roads', () => {
  it('gives the nearest road position and the straight metres to it; straight-line travel gives null', async () => {
    const input = smallInput();
    input.travel = { mode: 'road' };
    input.network = { source: 'grid' };
    const world = await buildWorld(parsed(input), provider);
    const a = net.at('A');
    const b = net.at('B');
    // 30% of the way from A to B, 150 m south of the road.
    const lon = a.lon + 0.3 * (b.lon - a.lon);
    const [p] = snapPoints(world, [{ lon, lat: a.lat - 150 / 111_195 }])!;
    expect(p!.distanceM).toBeCloseTo(150, 0);
    expect(greatCircleM(p!.lon, p!.lat, lon, a.lat), 'on A-B, straight north of the point').toBeLessThan(0.5);
    const onRoad = snapPoints(world, [{ lon: p!.lon, lat: p!.lat }])![0]!;
    expect(onRoad.distanceM, 'a point on a road stays where it is').toBeLessThan(0.01);
    const straight = await buildWorld(parsed(smallInput()), provider);
    expect(snapPoints(straight, [{ lon, lat: a.lat }])).toBeNull();
  });

  it('the worker answers snap on the world it keeps, and null from a simulator without roads', async () => {
    const sent: FromWorker[] = [];
    const { simulator, stats } = fakeSimulator();
    const host = createSimHost({ simulator, post: (m) => sent.push(m) });
    await host.receive({ type: 'call', id: 1, call: 'run', request: { scenario: { name: 'a', areas: { source: 'x' } }, replication: 0 } });
    await host.receive({ type: 'call', id: 2, call: 'snap', request: { scenario: { name: 'a', areas: { source: 'x' } }, points: [{ lon: -0.1, lat: 51.5 }] } });
    expect(sent.at(-1)).toEqual({ type: 'reply', id: 2, call: 'snap', ok: true, value: { points: null } });
    expect(stats.worldsBuilt, 'the run\'s world was reused').toBe(1);
    await host.receive({ type: 'call', id: 3, call: 'snap', request: { scenario: { name: 'a' }, points: [{ lon: 200, lat: 51.5 }] } });
    expect(sent.at(-1), 'a point off the globe is a failed reply naming the field').toMatchObject({ type: 'reply', id: 3, ok: false, error: { kind: 'failed', message: expect.stringContaining('message.request.points[0].lon') } });
  });
});
