import { describe, expect, it } from 'vitest';
import { buildWorld, noBuiltInData, WorldError, type DataProvider } from '../../src/world';
import { streamRng } from '../../src/sim';
import { parsed, smallInput, twoAreas } from '../sim/fixtures/small';

describe('buildWorld: areas', () => {
  it('locates points in inline areas and samples points inside them', async () => {
    const input = smallInput();
    input.areas = { source: twoAreas(), groups: { B1: ['WEST'] } };
    const world = await buildWorld(parsed(input), noBuiltInData);
    const areas = world.areas!;
    expect(areas.ids).toEqual(['WEST', 'EAST']);
    expect(areas.names).toEqual(['WEST area', 'EAST area']);
    expect(areas.bcus).toEqual(['B1', null]);
    expect(areas.locate(-0.15, 51.5)).toBe(0);
    expect(areas.locate(-0.1, 51.5)).toBe(1);
    expect(areas.locate(1, 51.5), 'outside every area').toBe(-1);
    // 0.065 x 0.1 degrees at 51.5 N: about 4.5 km x 11.1 km.
    expect(areas.areaKm2[0]).toBeGreaterThan(45);
    expect(areas.areaKm2[0]).toBeLessThan(56);
    const rng = streamRng(1, 'loc');
    for (let i = 0; i < 200; i++) expect(areas.locate(...(Object.values(areas.samplePoint(1, rng.uniform)) as [number, number]))).toBe(1);
    expect(world.points!.area.length, 'demand points get their area').toBe(3);
  });

  it('lists bad area references with their JSON paths', async () => {
    const input = smallInput();
    input.areas = { source: twoAreas(), groups: { B1: ['WEST', 'NOWHERE'] } };
    input.stations[0]!.area = 'ATLANTIS';
    const err = await buildWorld(parsed(input), noBuiltInData).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorldError);
    expect((err as WorldError).issues).toEqual([{ path: 'areas.groups.B1[1]', message: 'unknown area "NOWHERE"' }]);
    input.areas.groups = {};
    const err2 = (await buildWorld(parsed(input), noBuiltInData).catch((e: unknown) => e)) as WorldError;
    expect(err2.issues).toEqual([{ path: 'stations[0].area', message: 'unknown area "ATLANTIS"' }]);
  });

  it('reads features\' ids from the property the scenario names', async () => {
    const input = smallInput();
    const fc = twoAreas();
    for (const f of fc.features) (f.properties as Record<string, string>)['GSS_CODE'] = `X-${f.properties.id}`;
    input.areas = { source: fc, idProperty: 'GSS_CODE' };
    const world = await buildWorld(parsed(input), noBuiltInData);
    expect(world.areas!.ids).toEqual(['X-WEST', 'X-EAST']);
  });

  it('asks the data provider for built-in sets by name', async () => {
    const asked: string[] = [];
    const provider: DataProvider = {
      areas: async (name) => (asked.push(`areas:${name}`), twoAreas()),
      points: async (name) => (asked.push(`points:${name}`), { lon: [-0.15, -0.1], lat: [51.5, 51.5], weight: [1, 3] }),
      network: async () => null,
    };
    const input = smallInput();
    delete input.demand.points;
    input.demand.pointsSource = 'london-lsoa';
    input.areas = { source: 'london-boroughs' };
    const world = await buildWorld(parsed(input), provider);
    expect(asked).toEqual(['areas:london-boroughs', 'points:london-lsoa']);
    expect(Array.from(world.points!.weight)).toEqual([1, 3]);
    expect(Array.from(world.points!.area)).toEqual([0, 1]);
    await expect(buildWorld(parsed(input), noBuiltInData)).rejects.toThrow(/no built-in area set "london-boroughs"/);
  });

  it('explains that road travel needs the road module when it is absent', async () => {
    const input = smallInput();
    input.travel = { mode: 'road' };
    input.network = { source: 'london' };
    await expect(buildWorld(parsed(input), noBuiltInData)).rejects.toThrow(/road/);
  });
});
